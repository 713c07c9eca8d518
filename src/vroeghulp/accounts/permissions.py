"""Least privilege, in one place: who may see which personal data.

- consulent and teamleider: personal data of the wijken of their teams only;
- analist: aggregates only, never a person;
- beheerder: accounts, partners and the audit trail, not case content;
- ketenpartner: only the warm-handover form of their own organisation.
"""

from vroeghulp.accounts.models import Rol

CASEWORK_ROLES = {Rol.CONSULENT, Rol.TEAMLEIDER}


def may_see_personal_data(user) -> bool:
    return user.is_authenticated and user.rol in CASEWORK_ROLES


def may_see_wijk(user, wijk_id: int) -> bool:
    return may_see_personal_data(user) and wijk_id in user.wijk_ids()


def is_beheerder(user) -> bool:
    return user.is_authenticated and user.rol == Rol.BEHEERDER


def may_see_aggregates(user) -> bool:
    return user.is_authenticated and user.rol in {Rol.ANALIST, Rol.TEAMLEIDER, Rol.BEHEERDER}
