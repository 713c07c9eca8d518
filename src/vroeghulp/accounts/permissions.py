"""Least privilege, in one place: who may see and do what.

- consulent and teamleider: personal data of the wijken of their teams only;
- teamleider: also the team overview, the letters and the upload of signal files;
- analist: aggregates only, never a person;
- beheerder: accounts, partners, letters, uploads and the audit trail, not case content;
- ketenpartner: only the warm-handover form of their own (informal, active) organisation.

Views, menus and home screens ask these functions; no other module reads ``user.rol``
(``accounts/tests/test_permissions_op_een_plek.py`` checks that).
"""

from vroeghulp.accounts.models import Rol

CASEWORK_ROLES = frozenset({Rol.CONSULENT, Rol.TEAMLEIDER})


def role_of(user) -> str | None:
    """The role of a signed-in user, for choosing what a role sees first (home screen).

    Not an access check: ask one of the ``may_*`` functions for that."""
    return user.rol if user.is_authenticated else None


def has_role(user, roles) -> bool:
    """For registries keyed by role (menu entries of apps): is the user's role one of these?"""
    return user.is_authenticated and user.rol in roles


def may_see_personal_data(user) -> bool:
    return has_role(user, CASEWORK_ROLES)


def may_see_wijk(user, wijk_id: int) -> bool:
    return may_see_personal_data(user) and wijk_id in user.wijk_ids()


def is_beheerder(user) -> bool:
    return has_role(user, {Rol.BEHEERDER})


def may_see_aggregates(user) -> bool:
    return has_role(user, {Rol.ANALIST, Rol.TEAMLEIDER, Rol.BEHEERDER})


def sees_only_aggregates(user) -> bool:
    """The analist: counts per area (small cells suppressed), never a person."""
    return has_role(user, {Rol.ANALIST})


def may_see_team_overview(user) -> bool:
    """The team overview (workload per caseworker, overdue cases) is the teamleider's screen."""
    return has_role(user, {Rol.TEAMLEIDER})


def may_manage_letters(user) -> bool:
    """Letter texts and the municipality's house style on letters."""
    return has_role(user, {Rol.BEHEERDER, Rol.TEAMLEIDER})


def may_work_on_schuldhulp(user) -> bool:
    """Schuldhulptrajecten (worklist, traject page, steps); which ones: the wijken of the own teams."""
    return has_role(user, CASEWORK_ROLES)


def may_upload_signals(user) -> bool:
    """Uploading a signal partner's file on the screen (partners themselves use the API)."""
    return has_role(user, {Rol.BEHEERDER, Rol.TEAMLEIDER})


def may_manage_zelfcheck(user) -> bool:
    """The local schemes and help points the public zelfcheck shows (configuration, no personal data)."""
    return has_role(user, {Rol.BEHEERDER})


def may_do_warm_handover(user) -> bool:
    """A ketenpartner linked to an informal signal partner that is still active."""
    partner = user.signaalpartner if has_role(user, {Rol.KETENPARTNER}) and user.signaalpartner_id else None
    return partner is not None and partner.informeel and partner.actief


def may_see_monitor(user) -> bool:
    """The monitor's figures per area (small cells suppressed): analist and teamleider."""
    return has_role(user, {Rol.ANALIST, Rol.TEAMLEIDER})


def may_enter_cbs_figures(user) -> bool:
    """The municipality's CBS figures for the national goals (entered or imported): the analist."""
    return has_role(user, {Rol.ANALIST})


def may_prepare_ddas_delivery(user) -> bool:
    """The preview of a DDAS delivery to CBS (counts per object type, no person): the beheerder,
    who also makes the CBS client (``vroeghulp ddas client``)."""
    return has_role(user, {Rol.BEHEERDER})
