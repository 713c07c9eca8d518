"""Search the audit trail (beheerder only); see ``urls_audit`` for why it lives in accounts."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from vroeghulp.accounts.permissions import is_beheerder
from vroeghulp.audit.models import Actie, AuditEvent

DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]
DATE_ERROR = _("Vul een geldige datum in, bijvoorbeeld 31-01-2026.")


class ZoekForm(forms.Form):
    gebruiker = forms.CharField(label=_("Gebruikersnaam of API-client"), required=False)
    persoon = forms.IntegerField(
        label=_("Persoonsnummer (intern)"), required=False, min_value=1,
        error_messages={"invalid": _("Vul een nummer in, zonder letters of spaties.")},
    )
    actie = forms.ChoiceField(label=_("Actie"), required=False, choices=[("", _("Alle"))] + Actie.choices)
    van = forms.DateField(label=_("Vanaf (dd-mm-jjjj)"), required=False, input_formats=DATE_FORMATS,
                          error_messages={"invalid": DATE_ERROR})
    tot = forms.DateField(label=_("Tot en met (dd-mm-jjjj)"), required=False, input_formats=DATE_FORMATS,
                          error_messages={"invalid": DATE_ERROR})


def _filter(events, data):
    if data["gebruiker"]:
        events = events.filter(Q(gebruikersnaam=data["gebruiker"]) | Q(api_client=data["gebruiker"]))
    if data["persoon"]:
        events = events.filter(persoon_id=data["persoon"])
    if data["actie"]:
        events = events.filter(actie=data["actie"])
    if data["van"]:
        events = events.filter(tijdstip__date__gte=data["van"])
    if data["tot"]:
        events = events.filter(tijdstip__date__lte=data["tot"])
    return events


def zoeken(request):
    if not is_beheerder(request.user):
        raise PermissionDenied
    form = ZoekForm(request.GET or None)
    events = AuditEvent.objects.all()
    if form.is_bound:
        # A wrong filter shows nothing rather than everything, so no one misreads the result.
        events = _filter(events, form.cleaned_data) if form.is_valid() else events.none()
    pagina = Paginator(events.order_by("-tijdstip", "-id"), 50).get_page(request.GET.get("pagina"))
    return render(request, "audit/zoeken.html", {"form": form, "pagina": pagina})
