"""The main menu. Apps add their screens here: (URL name, label, roles that see it).

An entry whose URL does not exist (yet) is left out, so an app can register its item before or
after its screen lands. Only list screens the role may open: the menu is not the permission check.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from vroeghulp.accounts.models import Rol

ALL = frozenset(Rol.values)

CASEWORK = frozenset({Rol.CONSULENT, Rol.TEAMLEIDER})

MENU: list[tuple[str, str, frozenset]] = [
    ("home", _("Start"), ALL),
    ("zaken:werkvoorraad", _("Werkvoorraad"), CASEWORK),
    ("zaken:team", _("Team"), frozenset({Rol.TEAMLEIDER})),
    ("zaken:warme_overdracht", _("Warme overdracht"), frozenset({Rol.KETENPARTNER})),
    ("zaken:sjablonen", _("Brieven"), frozenset({Rol.BEHEERDER, Rol.TEAMLEIDER})),
    ("signalering:aanleveren", _("Signalen aanleveren"), frozenset({Rol.BEHEERDER, Rol.TEAMLEIDER})),
    ("signalering:partners", _("Signaalpartners"), frozenset({Rol.BEHEERDER})),
    ("accounts:gebruikers", _("Gebruikers en teams"), frozenset({Rol.BEHEERDER})),
    ("audit:zoeken", _("Audittrail"), frozenset({Rol.BEHEERDER})),
]


def menu_for(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or (settings.VROEGHULP_2FA_VERPLICHT and not user.is_verified()):
        return []
    items = []
    for name, label, roles in MENU:
        if user.rol not in roles:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"url": url, "label": label, "current": current})
    return items
