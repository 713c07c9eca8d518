"""What each role sees first. Later capabilities add their worklists here."""

from django.utils.translation import gettext as _

from vroeghulp.accounts.models import Rol

HOMES = {
    Rol.CONSULENT: ("home/consulent.html", _("Mijn werkvoorraad")),
    Rol.TEAMLEIDER: ("home/teamleider.html", _("Overzicht van het team")),
    Rol.ANALIST: ("home/analist.html", _("Cijfers en monitor")),
    Rol.BEHEERDER: ("home/beheerder.html", _("Beheer")),
    Rol.KETENPARTNER: ("home/ketenpartner.html", _("Warme overdracht")),
}


def home_context(user) -> dict:
    template, titel = HOMES[user.rol]
    context = {"template": template, "titel": titel}
    if user.rol in (Rol.CONSULENT, Rol.TEAMLEIDER):
        context["teams"] = list(user.teams.prefetch_related("wijken"))
    return context
