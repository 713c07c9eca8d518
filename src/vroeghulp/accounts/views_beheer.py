"""Overview of staff accounts and teams for the beheerder (read-only; staff data, no inwoners)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django_otp.plugins.otp_totp.models import TOTPDevice

from vroeghulp.accounts.models import ApiClient, Gebruiker, Team
from vroeghulp.accounts.permissions import is_beheerder


def gebruikers(request):
    if not is_beheerder(request.user):
        raise PermissionDenied
    accounts = (
        Gebruiker.objects.prefetch_related("teams")
        .annotate(tweestaps=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        .order_by("-is_active", "username")
    )
    return render(request, "accounts/gebruikers.html", {
        "gebruikers": accounts,
        "teams": Team.objects.prefetch_related("wijken", "leden"),
        "clients": ApiClient.objects.select_related("signaalpartner").order_by("naam"),
    })
