"""What the load test of the partner status API (benchmarks/server_last.py) changed, kept honest:
a token's "last used" is written at most once a minute instead of on every request, and the
status page that is now written without ninja's response validation still has the documented
shape (SignaalStatusLijst in the OpenAPI)."""

import datetime as dt

import pytest
import time_machine

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.signalering.api import SignaalStatusLijst
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory, VroegsignaalFactory

MOMENT = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def partner_en_token(db):
    partner = SignaalpartnerFactory(code="energie", naam="Energie BV")
    client = ApiClient.objects.create(naam="Energie BV API", signaalpartner=partner,
                                      scopes=[Scope.SIGNALEN_STATUS.value])
    token, waarde = ApiToken.nieuw(client)
    return partner, token, {"HTTP_AUTHORIZATION": f"Bearer {waarde}"}


def test_last_used_is_written_once_a_minute(client, partner_en_token):
    partner, token, auth = partner_en_token
    VroegsignaalFactory(partner=partner, extern_id="E-1")
    url = "/api/v1/signalen/E-1/status"
    with time_machine.travel(MOMENT, tick=False):
        assert client.get(url, **auth).status_code == 200
    token.refresh_from_db()
    assert token.laatst_gebruikt == MOMENT  # never used before: written
    with time_machine.travel(MOMENT + dt.timedelta(seconds=59), tick=False):
        assert client.get(url, **auth).status_code == 200
    token.refresh_from_db()
    assert token.laatst_gebruikt == MOMENT  # 59 s later: no write
    with time_machine.travel(MOMENT + dt.timedelta(seconds=60), tick=False):
        assert client.get(url, **auth).status_code == 200
    token.refresh_from_db()
    assert token.laatst_gebruikt == MOMENT + dt.timedelta(seconds=60)  # a minute later: written


def test_status_page_has_the_documented_shape(client, partner_en_token, monkeypatch):
    from vroeghulp.signalering import api

    monkeypatch.setattr(api, "PAGINA", 2)
    partner, _token, auth = partner_en_token
    for nummer, datum in ((1, dt.date(2026, 2, 3)), (2, dt.date(2026, 2, 1)), (3, dt.date(2026, 2, 2))):
        VroegsignaalFactory(partner=partner, extern_id=f"E-{nummer}", status_datum=datum)
    antwoord = client.get("/api/v1/signalen/status?sinds=2026-02-01", **auth)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/json")
    data = antwoord.json()
    SignaalStatusLijst.model_validate(data)  # the schema the OpenAPI documents
    # oldest status first, two per page; the status is the factory's default
    assert [(s["ID"], s["datum"]) for s in data["resultaten"]] == [("E-2", "2026-02-01"), ("E-3", "2026-02-02")]
    assert set(data["resultaten"][0]) == {"ID", "status", "datum"}
    volgende = client.get(data["volgende"].removeprefix("http://testserver"), **auth).json()
    assert [s["ID"] for s in volgende["resultaten"]] == ["E-1"] and volgende["volgende"] is None
