"""Shared fixtures: a small municipality with two wijken, a team per wijk and users per role."""

import pytest
from django.db import connection

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory
from vroeghulp.common.tests import logscan
from vroeghulp.gebieden.tests.factories import BuurtFactory, WijkFactory
from vroeghulp.personen.tests.factories import AdresFactory, HuishoudenFactory, InwonerFactory


@pytest.fixture
def wijk_overvecht(db):
    return WijkFactory(code="WK034403", naam="Overvecht", focusgebied=True)


@pytest.fixture
def wijk_zuid(db):
    return WijkFactory(code="WK034407", naam="Zuid")


@pytest.fixture
def team_overvecht(wijk_overvecht):
    return TeamFactory(naam="Wijkteam Overvecht", wijken=[wijk_overvecht])


@pytest.fixture
def consulent(team_overvecht):
    return GebruikerFactory(username="c.overvecht", rol=Rol.CONSULENT, teams=[team_overvecht])


@pytest.fixture
def teamleider(team_overvecht):
    return GebruikerFactory(username="t.overvecht", rol=Rol.TEAMLEIDER, teams=[team_overvecht])


@pytest.fixture
def analist(db):
    return GebruikerFactory(username="analist1", rol=Rol.ANALIST)


@pytest.fixture
def beheerder(db):
    return GebruikerFactory(username="beheer1", rol=Rol.BEHEERDER)


@pytest.fixture
def inwoner_overvecht(wijk_overvecht):
    buurt = BuurtFactory(wijk=wijk_overvecht, code="BU03440311", naam="Zambesidreef")
    huishouden = HuishoudenFactory(adres=AdresFactory(buurt=buurt, postcode="3561AB"))
    return InwonerFactory(huishouden=huishouden)


@pytest.fixture
def inwoner_zuid(wijk_zuid):
    buurt = BuurtFactory(wijk=wijk_zuid, code="BU03440710", naam="Hoograven")
    return InwonerFactory(huishouden=HuishoudenFactory(adres=AdresFactory(buurt=buurt, postcode="3525AA")))


@pytest.fixture
def _django_db_helper(_django_db_helper, django_db_blocker):
    """Extends pytest-django's database fixture: the audit table's append-only triggers are in
    place during every test, and lifted only for the flush after a transactional test."""
    from vroeghulp.audit.tests import triggers

    with django_db_blocker.unblock():
        triggers.restore()
    yield
    if not connection.in_atomic_block:  # TransactionTestCase: Django flushes next
        with django_db_blocker.unblock():
            triggers.drop()


def pytest_configure(config):
    """Every log record of the run is kept for the BSN scan at the end (common/tests/logscan.py)."""
    logscan.start()


def pytest_sessionfinish(session, exitstatus):
    """The run fails if a log line held a BSN of the demo or test data."""
    logscan.finish(session)
