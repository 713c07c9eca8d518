"""The main menu. Apps add their screens here: (URL name, label, who sees it).

"Who sees it" is a function of ``vroeghulp.accounts.permissions`` (preferably the one the view
itself asks), or a set of roles, checked there too. An entry whose URL does not exist (yet) is
left out, so an app can register its item before or after its screen lands. Only list screens
the user may open: the menu is not the permission check.
"""

from collections.abc import Callable

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from vroeghulp.accounts import permissions
from vroeghulp.accounts.models import Rol

ALL = frozenset(Rol.values)

CASEWORK = permissions.CASEWORK_ROLES

MENU: list[tuple[str, str, Callable | frozenset]] = [
    ("home", _("Start"), ALL),
    ("zaken:werkvoorraad", _("Werkvoorraad"), permissions.may_see_personal_data),
    ("zaken:team", _("Team"), permissions.may_see_team_overview),
    ("schuldhulp:werklijst", _("Schuldhulp"), permissions.may_work_on_schuldhulp),
    ("zaken:warme_overdracht", _("Warme overdracht"), permissions.may_do_warm_handover),
    ("zaken:sjablonen", _("Brieven"), permissions.may_manage_letters),
    ("monitor:dashboard", _("Monitor"), permissions.may_see_monitor),
    ("signalering:aanleveren", _("Signalen aanleveren"), permissions.may_upload_signals),
    ("signalering:partners", _("Signaalpartners"), permissions.is_beheerder),
    ("accounts:gebruikers", _("Gebruikers en teams"), permissions.is_beheerder),
    ("zelfcheck_beheer:overzicht", _("Zelfcheck"), permissions.may_manage_zelfcheck),
    ("ddas_beheer:voorbeeld", _("Levering aan CBS"), permissions.may_prepare_ddas_delivery),
    ("audit:zoeken", _("Audittrail"), permissions.is_beheerder),
]


def _sees(user, who) -> bool:
    return who(user) if callable(who) else permissions.has_role(user, who)


def menu_for(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or (settings.VROEGHULP_2FA_VERPLICHT and not user.is_verified()):
        return []
    items = []
    for name, label, who in MENU:
        if not _sees(user, who):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"url": url, "label": label, "current": current})
    return items
