"""The schuldhulp API for staff: own teams only (403 audited), 404 for unknown ids, every read
audited, Dutch problem+json naming each wrong field, nothing half-stored."""

import datetime as dt
import json
from decimal import Decimal

import pytest
import time_machine
from django.test import Client

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import api_trajecten, berichten, schulden
from vroeghulp.schuldhulp.models import Bericht, Fase as F, Schuld
from vroeghulp.schuldhulp.tests.factories import traject_in

API = "/api/v1/schuldhulp/trajecten"


@pytest.fixture
def api(client, consulent):
    client.force_login(consulent)
    return client


@pytest.fixture
def collega_zuid(wijk_zuid):
    from vroeghulp.accounts.models import Rol
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    return GebruikerFactory(rol=Rol.CONSULENT, teams=[TeamFactory(naam="Wijkteam Zuid", wijken=[wijk_zuid])])


def _probleem(antwoord, status) -> dict:
    assert antwoord.status_code == status, antwoord.content[:500]
    assert antwoord["Content-Type"] == "application/problem+json"
    body = antwoord.json()
    assert body["status"] == status and body["title"]
    return body


def _post(client, pad, data, **kwargs):
    return client.post(pad, data=json.dumps(data), content_type="application/json", **kwargs)


def _velden(probleem) -> set[str]:
    return {p["name"] for p in probleem["invalid_params"]}


# --- the list --------------------------------------------------------------------------------

def test_list_shows_own_teams_only_most_urgent_first(api, consulent, collega_zuid):
    vandaag = dt.date.today()
    traject_in(F.AANMELDING, collega_zuid)  # Zuid: not for the consulent of Overvecht
    # aanmelding 60 days ago: first conversation due after 4 weeks (Wgs art. 4 lid 1), so overdue
    oud = traject_in(F.AANMELDING, consulent, aanmelddatum=vandaag - dt.timedelta(days=60))
    nieuw = traject_in(F.AANMELDING, consulent)
    zonder_termijn = traject_in(F.PLAN_VAN_AANPAK, consulent)  # after the beschikking: no deadline, last
    body = api.get(API).json()
    assert [r["id"] for r in body["resultaten"]] == [oud.pk, nieuw.pk, zonder_termijn.pk]
    assert body["aantal"] == 3 and body["pagina"] == 1 and body["volgende"] is None
    eerste = body["resultaten"][0]
    assert eerste["te_laat"] is True and eerste["fase"] == {"code": "aanmelding", "naam": "Aanmelding"}
    assert eerste["inwoner"] == {"id": oud.inwoner_id, "naam": oud.inwoner.naam}
    assert eerste["wijk"] == {"code": "WK034403", "naam": "Overvecht"}
    assert body["resultaten"][2]["deadline"] is None and body["resultaten"][2]["te_laat"] is False
    event = AuditEvent.objects.filter(actie=Actie.LEZEN, object_type="schuldhulp.Traject").latest("id")
    assert (event.gebruikersnaam, event.aantal) == (consulent.username, 3)


def test_list_filters_and_pages(api, consulent, monkeypatch):
    vandaag = dt.date.today()
    te_laat = [traject_in(F.AANMELDING, consulent, aanmelddatum=vandaag - dt.timedelta(days=60 + i)) for i in range(3)]
    op_tijd = traject_in(F.INTAKE, consulent)
    klaar = traject_in(F.UITSTROOM, consulent)
    assert [r["id"] for r in api.get(f"{API}?te_laat=false").json()["resultaten"]] == [op_tijd.pk]
    assert [r["id"] for r in api.get(f"{API}?fase=uitstroom").json()["resultaten"]] == [klaar.pk]
    assert [r["id"] for r in api.get(f"{API}?fase=intake").json()["resultaten"]] == [op_tijd.pk]
    monkeypatch.setattr(api_trajecten, "PER_PAGINA", 2)
    eerste = api.get(f"{API}?te_laat=true").json()
    # the oldest aanmelding has the earliest deadline: te_laat[2] (62 days ago) first
    assert [r["id"] for r in eerste["resultaten"]] == [te_laat[2].pk, te_laat[1].pk] and eerste["aantal"] == 3
    assert eerste["volgende"] == f"http://testserver{API}?te_laat=true&pagina=2"
    tweede = api.get(eerste["volgende"]).json()
    assert [r["id"] for r in tweede["resultaten"]] == [te_laat[0].pk] and tweede["volgende"] is None


@pytest.mark.parametrize(("query", "veld"), [
    ("fase=klaar", "fase"), ("te_laat=misschien", "te_laat"), ("pagina=0", "pagina"), ("pagina=x", "pagina"),
    ("pagina=99999999999999999999999", "pagina"), ("fse=intake", "fse"),
])
def test_list_refuses_wrong_query_naming_it(api, query, veld):
    assert _velden(_probleem(api.get(f"{API}?{query}"), 400)) == {veld}


def test_other_roles_and_anonymous_are_refused(client, analist):
    _probleem(client.get(API), 401)
    client.force_login(analist)
    assert "consulenten en teamleiders" in _probleem(client.get(API), 403)["detail"]
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruikersnaam=analist.username).exists()


def test_teamleider_sees_the_list(client, teamleider, consulent):
    traject = traject_in(F.INTAKE, consulent)
    client.force_login(teamleider)
    assert [r["id"] for r in client.get(API).json()["resultaten"]] == [traject.pk]


def test_second_factor_required_for_a_session(client, consulent, settings):
    settings.VROEGHULP_2FA_VERPLICHT = True
    client.force_login(consulent)  # a password only: not verified
    assert _probleem(client.get(API), 403)["code"] == "tweestaps"


# --- one traject ----------------------------------------------------------------------------------

def test_detail_has_phases_dates_deadlines_and_checklist(api, consulent):
    traject = traject_in(F.INTAKE, consulent, aanmelddatum=dt.date.today() - dt.timedelta(days=3))
    body = api.get(f"{API}/{traject.pk}").json()
    vandaag = dt.date.today().isoformat()
    assert body["fase"]["code"] == "intake" and body["datums"]["datum_eerste_gesprek"] == vandaag
    assert [(f["van"], f["naar"]) for f in body["fasen"]] == [("", "aanmelding"), ("aanmelding", "intake")]
    # after the first conversation the next term is the beschikking: at most 8 weeks (Wgs art. 4a lid 3)
    assert body["termijnen"]["deadline_soort"]["code"] == "beschikking"
    assert body["termijnen"]["deadline"] == body["termijnen"]["beschikking_uiterlijk"]
    assert dt.date.fromisoformat(body["termijnen"]["beschikking_uiterlijk"]) >= dt.date.today() + dt.timedelta(weeks=8)
    assert {s["naar"] for s in body["mogelijke_stappen"]} == {"stabilisatie", "plan_van_aanpak", "doorverwijzing", "uitstroom"}
    assert [c["omschrijving"] for c in body["checklist"]][0] == "Identiteitsbewijs"
    assert AuditEvent.objects.filter(actie=Actie.LEZEN, object_id=str(traject.pk), persoon_id=traject.inwoner_id).exists()


def test_other_wijk_is_403_audited_and_unknown_is_404(api, collega_zuid):
    ander = traject_in(F.AANMELDING, collega_zuid)
    for pad in (f"{API}/{ander.pk}", f"{API}/{ander.pk}/schulden", f"{API}/{ander.pk}/berichten"):
        assert ander.inwoner.naam not in _probleem(api.get(pad), 403)["detail"]
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, object_id=str(ander.pk)).count() == 3
    for pad in (f"{API}/{ander.pk + 1000}", f"{API}/{ander.pk + 1000}/schulden", f"{API}/{2**63 - 1}/berichten"):
        _probleem(api.get(pad), 404)
    for pad in (f"{API}/0", f"{API}/{2**63}", f"{API}/abc", f"{API}/1.5"):
        assert _velden(_probleem(api.get(pad), 400)) == {"traject_id"}


# --- debts ------------------------------------------------------------------------------------------

def test_debts_with_totals(api, consulent):
    traject = traject_in(F.STABILISATIE, consulent)
    schulden.toevoegen(traject.pk, door=consulent, schuldeiser="CJIB", soort="cjib", bedrag="412.50",
                       ontstaansdatum=dt.date(2025, 3, 1))
    schulden.toevoegen(traject.pk, door=consulent, schuldeiser="Belastingdienst", soort="belastingdienst",
                       bedrag="1000", ontstaansdatum=dt.date(2025, 1, 1))
    schulden.toevoegen(traject.pk, door=consulent, schuldeiser="Woonstichting", soort="verhuurder", bedrag="250.25",
                       status="betaald")
    body = api.get(f"{API}/{traject.pk}/schulden").json()
    assert [s["schuldeiser"]["naam"] for s in body["resultaten"]] == ["Belastingdienst", "CJIB", "Woonstichting"]
    belasting = body["resultaten"][0]
    assert belasting["preferent"] is True and belasting["bedrag"] == "1000.00" and belasting["schuldeiser"]["rijksincasso"]
    # by hand: the paid debt is left out; 1000.00 + 412.50 = 1412.50, preferent only the Belastingdienst
    # (1000.00), concurrent 412.50; both are Rijksincasso partners: 1412.50
    assert {k: body["totalen"][k] for k in ("aantal", "totaal", "preferent", "concurrent", "rijksincasso")} == {
        "aantal": 2, "totaal": "1412.50", "preferent": "1000.00", "concurrent": "412.50", "rijksincasso": "1412.50"}
    assert AuditEvent.objects.filter(actie=Actie.LEZEN, object_type="schuldhulp.Schuld", aantal=3).exists()


def test_add_a_debt(api, consulent):
    traject = traject_in(F.STABILISATIE, consulent)
    antwoord = _post(api, f"{API}/{traject.pk}/schulden", {
        "schuldeiser": "Incasso B.V.", "soort": "incassobureau", "bedrag": "1250.5", "ontstaansdatum": "2025-06-01",
        "status": "beslag", "beslag_per_maand": 150, "kenmerk": "D-77"})
    assert antwoord.status_code == 201, antwoord.content
    body = antwoord.json()
    schuld = Schuld.objects.get(pk=body["id"])
    assert (schuld.traject_id, schuld.bedrag, schuld.beslag_per_maand, schuld.status, schuld.preferent) == (
        traject.pk, Decimal("1250.50"), Decimal("150.00"), "beslag", False)
    assert body["bedrag"] == "1250.50" and body["schuldeiser"]["soort"]["code"] == "incassobureau"
    assert AuditEvent.objects.filter(actie=Actie.AANMAKEN, object_type="schuldhulp.Schuld").exists()


@pytest.mark.parametrize(("data", "velden"), [
    ({"soort": "cjib", "bedrag": 10}, {"schuldeiser"}),
    ({"schuldeiser": "X", "soort": "bank", "bedrag": 10}, {"soort"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": -5}, {"bedrag"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": "12.345"}, {"bedrag"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": 10**30}, {"bedrag"}),
    ({"schuldeiser": "X", "soort": "cjib"}, {"bedrag"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": True}, {"bedrag"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": 10, "ontstaansdatum": "2999-01-01"}, {"ontstaansdatum"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": 10, "ontstaansdatum": "01-02-2025"}, {"ontstaansdatum"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": 10, "preferent": "ja", "kleur": "rood"}, {"preferent", "kleur"}),
    ({"schuldeiser": "X\udfff", "soort": "cjib", "bedrag": 10}, {"schuldeiser"}),  # a lone surrogate
    ({"schuldeiser": 12, "soort": "cjib", "bedrag": 10, "status": "weg"}, {"schuldeiser"}),
    ({"schuldeiser": "X", "soort": "cjib", "bedrag": 10, "status": "weg"}, {"status"}),
])
def test_add_a_debt_refuses_wrong_fields_and_stores_nothing(api, consulent, data, velden):
    traject = traject_in(F.STABILISATIE, consulent)
    probleem = _probleem(_post(api, f"{API}/{traject.pk}/schulden", data), 400)
    assert _velden(probleem) == velden
    assert all(p["reason"] for p in probleem["invalid_params"])
    assert not Schuld.objects.exists()


def test_add_a_debt_to_another_wijk_is_refused_and_audited(api, collega_zuid):
    ander = traject_in(F.STABILISATIE, collega_zuid)
    _probleem(_post(api, f"{API}/{ander.pk}/schulden", {"schuldeiser": "X", "soort": "cjib", "bedrag": 10}), 403)
    assert not Schuld.objects.exists()
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, object_id=str(ander.pk)).exists()


@pytest.mark.parametrize(("data", "content_type", "status"), [
    (b"[]", "application/json", 400), (b"{", "application/json", 400), (b'{"a": 1}', "text/plain", 415)])
def test_a_body_that_is_no_json_object(api, consulent, data, content_type, status):
    traject = traject_in(F.STABILISATIE, consulent)
    _probleem(api.post(f"{API}/{traject.pk}/schulden", data=data, content_type=content_type), status)


def test_a_session_post_needs_the_csrf_token(consulent):
    traject = traject_in(F.STABILISATIE, consulent)
    client = Client(enforce_csrf_checks=True)
    client.force_login(consulent)
    antwoord = _post(client, f"{API}/{traject.pk}/schulden", {"schuldeiser": "X", "soort": "cjib", "bedrag": 10})
    assert _probleem(antwoord, 403)["code"] == "csrf"
    assert not Schuld.objects.exists()


def test_a_session_post_with_an_unreadable_multipart_body_is_415_not_500(consulent):
    """Found by schemathesis with a session: the CSRF check read the form and Django could not parse a
    multipart body without a boundary (a 500 on every session operation with a body)."""
    traject = traject_in(F.STABILISATIE, consulent)
    client = Client(enforce_csrf_checks=True)
    client.force_login(consulent)
    client.cookies["csrftoken"] = CSRF
    antwoord = client.post(f"{API}/{traject.pk}/schulden", data=b"x", content_type="multipart/form-data",
                           headers={"X-CSRFToken": CSRF})
    assert _probleem(antwoord, 415)["code"] == "content_type"
    antwoord = client.post(f"{API}/{traject.pk}/schulden", data=b"x", content_type="multipart/form-data")
    assert _probleem(antwoord, 403)["code"] == "csrf"  # without the header token still refused


# --- messages and reactions -------------------------------------------------------------------------

@pytest.fixture
def bericht(consulent):
    traject = traject_in(F.STABILISATIE, consulent)
    schuld = schulden.toevoegen(traject.pk, door=consulent, schuldeiser="CJIB", soort="cjib", bedrag="412.50")
    # sent on Monday 5 January 2026; 10 working days later (no holidays in between): 6-9 Jan (4),
    # 12-16 Jan (9), Monday 19 Jan (10)
    with time_machine.travel(dt.datetime(2026, 1, 5, 10, 0), tick=False):
        return berichten.verstuur(traject.pk, [schuld.pk], "saldoverzoek", door=consulent)[0]


def test_messages_with_terms(api, bericht):
    with time_machine.travel(dt.datetime(2026, 1, 19, 12, 0), tick=False):
        op_tijd = api.get(f"{API}/{bericht.traject_id}/berichten").json()
    with time_machine.travel(dt.datetime(2026, 1, 20, 12, 0), tick=False):
        te_laat = api.get(f"{API}/{bericht.traject_id}/berichten").json()
    rij = op_tijd["resultaten"][0]
    assert (rij["id"], rij["schuldeiser"], rij["soort"]["code"], rij["verzonden_op"], rij["antwoord_uiterlijk"]) == (
        bericht.pk, "CJIB", "saldoverzoek", "2026-01-05", "2026-01-19")
    assert (rij["te_laat"], op_tijd["te_laat"]) == (False, 0)
    assert (te_laat["resultaten"][0]["te_laat"], te_laat["te_laat"]) == (True, 1)
    assert AuditEvent.objects.filter(actie=Actie.LEZEN, object_type="schuldhulp.Bericht").count() == 2


def test_reaction_with_a_saldo(api, bericht):
    antwoord = _post(api, f"{API}/{bericht.traject_id}/berichten/{bericht.pk}/reactie",
                     {"reactie": "saldo", "saldo": "398.10", "ontvangen_op": "2026-01-12", "toelichting": "Per brief"})
    assert antwoord.status_code == 200, antwoord.content
    body = antwoord.json()
    assert (body["reactie"]["code"], body["reactie_op"], body["reactie_saldo"], body["te_laat"]) == (
        "saldo", "2026-01-12", "398.10", False)
    schuld = Schuld.objects.get(pk=bericht.schuld_id)
    assert (schuld.saldo, schuld.saldo_datum) == (Decimal("398.10"), dt.date(2026, 1, 12))


@pytest.mark.parametrize(("data", "velden"), [
    ({"reactie": "saldo"}, {"saldo"}),
    ({"reactie": "saldo", "saldo": 0}, {"saldo"}),
    ({"reactie": "saldo", "saldo": "veel"}, {"saldo"}),
    ({"reactie": "akkoord", "saldo": 10}, {"saldo"}),
    ({"reactie": "misschien"}, {"reactie"}),
    ({}, {"reactie"}),
    ({"reactie": "akkoord", "ontvangen_op": "2026-01-02"}, {"ontvangen_op"}),  # before the message (5 Jan)
    ({"reactie": "akkoord", "ontvangen_op": "2026-02-30"}, {"ontvangen_op"}),
    ({"reactie": "akkoord", "toelichting": "x" * 501, "extra": 1}, {"toelichting", "extra"}),
])
def test_reaction_refuses_wrong_fields(api, bericht, data, velden):
    probleem = _probleem(_post(api, f"{API}/{bericht.traject_id}/berichten/{bericht.pk}/reactie", data), 400)
    assert _velden(probleem) == velden
    bericht.refresh_from_db()
    assert bericht.reactie == "" and Schuld.objects.get(pk=bericht.schuld_id).saldo is None


def test_reaction_on_a_message_of_another_traject_is_404(api, consulent, bericht):
    ander = traject_in(F.INTAKE, consulent)
    _probleem(_post(api, f"{API}/{ander.pk}/berichten/{bericht.pk}/reactie", {"reactie": "akkoord"}), 404)
    _probleem(_post(api, f"{API}/{bericht.traject_id}/berichten/{bericht.pk + 99}/reactie", {"reactie": "akkoord"}), 404)
    assert Bericht.objects.get(pk=bericht.pk).reactie == ""


def test_reaction_in_another_wijk_is_refused(client, collega_zuid, bericht):
    client.force_login(collega_zuid)
    _probleem(_post(client, f"{API}/{bericht.traject_id}/berichten/{bericht.pk}/reactie", {"reactie": "akkoord"}), 403)
    assert Bericht.objects.get(pk=bericht.pk).reactie == ""
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruikersnaam=collega_zuid.username).exists()


# --- the worklist screen (the order the API shares) ------------------------------------------------

def test_worklist_cut_keeps_the_trajecten_with_a_deadline(client, consulent, monkeypatch):
    """With more rows than the page holds, those with a deadline come first on every database
    (SQLite sorts NULL first: the cut used to keep only trajecten without a deadline)."""
    from vroeghulp.schuldhulp.views import trajecten

    zonder = [traject_in(F.PLAN_VAN_AANPAK, consulent) for _ in range(2)]
    met = traject_in(F.AANMELDING, consulent)
    monkeypatch.setattr(trajecten, "MAX_RIJEN", 2)
    client.force_login(consulent)
    html = client.get("/schuldhulp/").content.decode()
    assert f'data-traject="{met.pk}"' in html and f'data-traject="{zonder[0].pk}"' in html
    assert f'data-traject="{zonder[1].pk}"' not in html


# --- schemathesis over these operations, as a logged-in consulent ------------------------------------
# (api/tests/test_schemathesis.py runs every operation with tokens only: here they get 401, so the
# same checks run once more with a session, against the committed docs/openapi.json)

SESSIE_SLEUTEL = "schemathesis0sessie0consulent0001"  # fixed: the auth provider is asked before fixtures run
CSRF = "schemathesisCsrfGeheim0123456789"  # 32 characters: Django's unmasked CSRF secret


def _schemathesis():
    import schemathesis
    from django.core.wsgi import get_wsgi_application

    from vroeghulp.api.openapi import SPEC_PATH

    config = schemathesis.Config.from_dict({
        "seed": 20260112,
        "generation": {"mode": "all", "max-examples": 25, "deterministic": True},
        "checks": {"enabled": True,
                   "negative_data_rejection": {"expected-statuses": [400, 401, 403, 404, 405, 413, 415]},
                   # JSON Schema cannot say "a known traject" or "not in the future": 400/404 name it
                   "positive_data_acceptance": {"expected-statuses": ["2xx", 400, 401, 403, 404]}},
        "phases": {"stateful": {"enabled": False}},
    })
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=config).include(path_regex="^/api/v1/schuldhulp/trajecten")
    schema.app = get_wsgi_application()

    @schema.auth(refresh_interval=None)
    class Sessie:
        def get(self, case, ctx):
            return SESSIE_SLEUTEL

        def set(self, case, data, ctx):
            case.cookies = {**(case.cookies or {}), "sessionid": data, "csrftoken": CSRF}
            case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF}

    return schema


SCHEMA = _schemathesis()


@pytest.fixture
def sessie(consulent, collega_zuid, wsgi_zonder_sluiten):
    """The consulent logged in under the fixed session key, with a traject, a debt and a message."""
    from django.contrib.sessions.models import Session

    login = Client()
    login.force_login(consulent)
    Session.objects.filter(session_key=login.cookies["sessionid"].value).update(session_key=SESSIE_SLEUTEL)
    traject = traject_in(F.STABILISATIE, consulent)
    schuld = schulden.toevoegen(traject.pk, door=consulent, schuldeiser="CJIB", soort="cjib", bedrag="412.50")
    berichten.verstuur(traject.pk, [schuld.pk], "saldoverzoek", door=consulent)
    traject_in(F.INTAKE, collega_zuid)


@pytest.fixture
def wsgi_zonder_sluiten():
    """As Django's test client does: the WSGI handler must not close the database connection at the
    end of a request (on PostgreSQL that would end the test transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@SCHEMA.parametrize()
@__import__("hypothesis").settings(max_examples=25, deadline=None, derandomize=True, database=None,
                                   suppress_health_check=list(__import__("hypothesis").HealthCheck))
def test_schemathesis_with_a_session(case, sessie):
    case.call_and_validate()
