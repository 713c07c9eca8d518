"""Fixtures for the intake tests: partners per type, an API client with a token, a fixed day."""

import datetime as dt

import pytest

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.signalering.models import PartnerType
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory

VANDAAG = dt.date(2026, 2, 1)


@pytest.fixture
def intake_instellingen(settings, monkeypatch):
    """The demo municipality's postcodes and threshold, and no matching: intake tests check the
    intake only (the matching hook itself is tested with a recorder)."""
    settings.VROEGHULP_POSTCODES_PC4 = "3451-3455,3511-3585"
    settings.VROEGHULP_DREMPELBEDRAG = "50"
    from vroeghulp.signalering.intake import opslag

    aanroepen = []
    monkeypatch.setattr(opslag, "roep_matching_aan", lambda ids: aanroepen.append(list(ids)))
    monkeypatch.setattr(opslag, "matching_bij_opslag", lambda: None)  # so every id reaches the recorder
    return aanroepen


@pytest.fixture
def vaste_dag(monkeypatch):
    from vroeghulp.signalering.intake import opslag

    monkeypatch.setattr(opslag, "vandaag", lambda: VANDAAG)
    return VANDAAG


@pytest.fixture
def energie(db):
    return SignaalpartnerFactory(code="energie", naam="Energie BV", type=PartnerType.ENERGIE)


@pytest.fixture
def partner_token(energie):
    client = ApiClient.objects.create(
        naam="Energie BV API", signaalpartner=energie,
        scopes=[Scope.SIGNALEN_AANLEVEREN.value, Scope.SIGNALEN_STATUS.value],
    )
    _token, waarde = ApiToken.nieuw(client)
    return waarde
