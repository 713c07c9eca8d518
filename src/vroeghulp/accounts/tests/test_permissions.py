"""Least privilege per role and team (accounts.permissions is the one place that decides)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from vroeghulp.accounts import permissions
from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("rol", "eigen", "andere", "totalen"), [
    ("consulent", True, False, False),
    ("teamleider", True, False, True),
    ("analist", False, False, True),
    ("beheerder", False, False, True),
])
def test_who_sees_which_wijk(request, wijk_overvecht, wijk_zuid, rol, eigen, andere, totalen):
    user = request.getfixturevalue(rol)
    assert permissions.may_see_wijk(user, wijk_overvecht.pk) is eigen
    assert permissions.may_see_wijk(user, wijk_zuid.pk) is andere
    assert permissions.may_see_aggregates(user) is totalen
    assert permissions.is_beheerder(user) is (rol == "beheerder")


def test_a_consulent_in_two_teams_sees_both_wijken(team_overvecht, wijk_zuid, wijk_overvecht):
    from vroeghulp.accounts.tests.factories import TeamFactory

    zuid = TeamFactory(naam="Wijkteam Zuid", wijken=[wijk_zuid])
    user = GebruikerFactory(rol=Rol.CONSULENT, teams=[team_overvecht, zuid])
    assert permissions.may_see_wijk(user, wijk_overvecht.pk) and permissions.may_see_wijk(user, wijk_zuid.pk)


def test_anonymous_and_ketenpartner_see_no_personal_data(wijk_overvecht, team_overvecht):
    partner = GebruikerFactory(rol=Rol.KETENPARTNER, teams=[team_overvecht])
    for user in (AnonymousUser(), partner):
        assert not permissions.may_see_personal_data(user)
        assert not permissions.may_see_wijk(user, wijk_overvecht.pk)


@pytest.mark.parametrize(("rol", "team", "brieven", "aanleveren"), [
    ("consulent", False, False, False),
    ("teamleider", True, True, True),
    ("analist", False, False, False),
    ("beheerder", False, True, True),
])
def test_screens_per_role(request, rol, team, brieven, aanleveren):
    """README "Rollen": the team overview is the teamleider's; letters and uploads teamleider and beheerder."""
    user = request.getfixturevalue(rol)
    assert permissions.may_see_team_overview(user) is team
    assert permissions.may_manage_letters(user) is brieven
    assert permissions.may_upload_signals(user) is aanleveren
    assert permissions.sees_only_aggregates(user) is (rol == "analist")
    assert permissions.may_do_warm_handover(user) is False


def test_warm_handover_only_for_a_ketenpartner_of_an_active_informal_partner(db):
    from vroeghulp.signalering.tests.factories import SignaalpartnerFactory

    huisarts = SignaalpartnerFactory(code="huisarts-p", naam="Huisarts", informeel=True)
    formeel = SignaalpartnerFactory(code="energie-p", naam="Energie", informeel=False)
    gestopt = SignaalpartnerFactory(code="school-p", naam="School", informeel=True, actief=False)
    assert permissions.may_do_warm_handover(GebruikerFactory(rol=Rol.KETENPARTNER, signaalpartner=huisarts))
    for partner in (formeel, gestopt, None):
        assert not permissions.may_do_warm_handover(GebruikerFactory(rol=Rol.KETENPARTNER, signaalpartner=partner))
    assert not permissions.may_do_warm_handover(GebruikerFactory(rol=Rol.CONSULENT, signaalpartner=huisarts))
    assert not permissions.may_do_warm_handover(AnonymousUser())
    assert permissions.role_of(AnonymousUser()) is None
