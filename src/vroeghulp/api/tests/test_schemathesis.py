"""Schemathesis against the COMMITTED docs/openapi.json (issue 10 point 4): every check, stateless
(valid and invalid input per operation) and stateful (following the OpenAPI links), with a fixed
seed and a bounded number of examples, on whichever database the suite runs (SQLite or PostgreSQL).

The requests go in-process to Django's WSGI application, so they share the test transaction.
A failure prints the request that reproduces it.
"""

import datetime as dt

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope, hash_token
from vroeghulp.api.openapi import SPEC_PATH
from vroeghulp.signalering.models import Signaalstatus
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory, VroegsignaalFactory

SEED = 20260110
CONFIG = schemathesis.Config.from_dict({
    "seed": SEED,
    "generation": {"mode": "all", "max-examples": 40, "deterministic": True},
    # all checks; a refusal may also be 413 (more than 10,000 signals is "too large" in docs/interfaces.md)
    "checks": {"enabled": True, "negative_data_rejection": {
        "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]}},
    # Follow only the links the OpenAPI document declares. An inferred link from a delivery to the
    # status of "its" IDs would be false: a rejected signal is answered (200) but not stored.
    "phases": {"stateful": {"inference": {"algorithms": []}}},
    "operations": [{
        # JSON Schema cannot say "exactly one aanvrager", "no birth date after the peildatum" or
        # "a peildatum the rules know": such schema-valid situations get 400/422 naming the field.
        "include-path": "/api/v1/berekeningen",
        "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", 400, 401, 403, 422]}},
    }, {
        # Nor "a unique id per debt" or "whole cents": such schema-valid offers get 400 naming the field.
        "include-path": "/api/v1/schuldhulp/aanbod",
        "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", 400, 401, 403]}},
    }],
})
schema = schemathesis.openapi.from_path(SPEC_PATH, config=CONFIG)
schema.app = get_wsgi_application()

INSTELLINGEN = hypothesis.settings(
    max_examples=40, deadline=None, derandomize=True, database=None, print_blob=True,
    suppress_health_check=list(HealthCheck),
)
BEKENDE_IDS = ["SCHEMA-1", "SCHEMA-2", "SCHEMA-3"]
# Fixed token values (stored by the fixture as their hash, as ApiToken.nieuw does): the auth
# provider is asked for them while the examples are collected, before any fixture ran.
TOKENS = {"signalen": "schemathesis-partner-token-0001", "berekeningen": "schemathesis-reken-token-0001"}


@schema.auth(refresh_interval=None)
class Tokens:
    """The right token per operation, set through schemathesis (not as fixed headers), so its
    auth checks (ignored_auth) can still send no or a wrong token and expect 401."""

    def get(self, case, ctx):
        rekenen = case.path.startswith(("/api/v1/berekeningen", "/api/v1/schuldhulp/aanbod"))
        return TOKENS["berekeningen" if rekenen else "signalen"]

    def set(self, case, data, ctx):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture
def wsgi_zonder_sluiten():
    """As Django's test client does: the WSGI handler must not close the database connection at the
    end of a request (on PostgreSQL that would end the test transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(db, settings, monkeypatch, wsgi_zonder_sluiten):
    """One partner token (deliver + status) with three known signals, and one berekeningen token."""
    from vroeghulp.signalering.intake import opslag

    settings.VROEGHULP_POSTCODES_PC4 = "3451-3455,3511-3585"
    monkeypatch.setattr(opslag, "roep_matching_aan", lambda ids: None)  # matching is not under test
    partner = SignaalpartnerFactory(code="schema-energie")
    for extern_id in BEKENDE_IDS:
        VroegsignaalFactory(partner=partner, extern_id=extern_id, status=Signaalstatus.NOG_NIET_OPGEPAKT,
                            status_datum=dt.date(2026, 1, 10))
    partner_client = ApiClient.objects.create(
        naam="schema-energie", signaalpartner=partner, scopes=[Scope.SIGNALEN_AANLEVEREN, Scope.SIGNALEN_STATUS])
    rekenaar = ApiClient.objects.create(naam="schema-portaal", scopes=[Scope.BEREKENINGEN])
    for client, waarde in ((partner_client, TOKENS["signalen"]), (rekenaar, TOKENS["berekeningen"])):
        ApiToken.objects.create(client=client, prefix=waarde[:8], sleutel_hash=hash_token(waarde))
    return TOKENS


@schema.parametrize()
@INSTELLINGEN
def test_stateless(case, tokens):
    case.call_and_validate()


Toestanden = schema.as_state_machine()


def test_stateful(tokens):
    Toestanden.run(settings=hypothesis.settings(
        max_examples=15, stateful_step_count=4, deadline=None, derandomize=True, database=None,
        suppress_health_check=list(HealthCheck),
    ))
