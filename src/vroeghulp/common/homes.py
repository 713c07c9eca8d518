"""What each role sees first. Later capabilities add their worklists here."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from vroeghulp.accounts import permissions
from vroeghulp.accounts.models import Rol
from vroeghulp.gebieden.models import Wijk

HOMES = {
    Rol.CONSULENT: ("home/consulent.html", _("Mijn werkvoorraad")),
    Rol.TEAMLEIDER: ("home/teamleider.html", _("Overzicht van het team")),
    Rol.ANALIST: ("home/analist.html", _("Cijfers en monitor")),
    Rol.BEHEERDER: ("home/beheerder.html", _("Beheer")),
    Rol.KETENPARTNER: ("home/ketenpartner.html", _("Warme overdracht")),
}

# Counts below this are not shown to analysts, so no one can be recognised in a small group.
MIN_CELL = 5


def inwoners_per_wijk() -> list[Wijk]:
    wijken = list(Wijk.objects.annotate(inwoners=Count("buurten__adressen__huishoudens__leden")).order_by("naam"))
    for wijk in wijken:
        if wijk.inwoners < MIN_CELL:
            wijk.inwoners = None
    return wijken


def home_context(user) -> dict:
    template, titel = HOMES[permissions.role_of(user)]
    context = {"template": template, "titel": titel}
    if permissions.may_see_personal_data(user):
        context["teams"] = list(user.teams.prefetch_related("wijken"))
    if permissions.sees_only_aggregates(user):
        context["wijken"] = inwoners_per_wijk()
    return context
