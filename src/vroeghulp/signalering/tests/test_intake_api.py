"""POST /api/v1/signalen and the status feedback endpoints (docs/interfaces.md sections 4 and 5)."""

import json

import pytest

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.audit.models import AuditEvent
from vroeghulp.signalering.api import PAGINA  # noqa: F401 - monkeypatched below
from vroeghulp.signalering.models import Aanlevering, PartnerType, Signaalstatus, Vroegsignaal
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory, VroegsignaalFactory

pytestmark = pytest.mark.usefixtures("intake_instellingen")

URL = "/api/v1/signalen"
BSN = "123456782"


def signaal(nummer=1, **extra):
    client = {"burgerservicenummer": BSN, "postcode": "3563 AB", "huisnummer": str(nummer)}
    client.update(extra.pop("client", {}))
    data = {
        "ID": f"ENERGIE-2026-{nummer:06d}", "bedrag": 412, "ontstaansdatum": "2025-12-03",
        "signaaldatum": "2026-01-10", "crisissignaal": False, "warmeOverdracht": False,
        "eindelevering": False, "klantnummer": "88812", "client": client,
    }
    data.update(extra)
    return data


def post(client, token, body, raw=False):
    return client.post(
        URL, data=body if raw else json.dumps(body), content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


@pytest.mark.django_db
def test_accepts_and_answers_per_signal(client, partner_token, energie, vaste_dag):
    antwoord = post(client, partner_token, {"signalen": [signaal(1), signaal(2, client={"burgerservicenummer": "123456789"})]})
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert (data["ontvangen"], data["geaccepteerd"], data["dubbel"], data["afgewezen"]) == (2, 1, 0, 1)
    assert data["resultaten"][0] == {"ID": "ENERGIE-2026-000001", "status": "geaccepteerd", "fouten": [], "rij": 1}
    fout = data["resultaten"][1]
    assert fout["status"] == "afgewezen"
    assert fout["fouten"][0]["veld"] == "client.burgerservicenummer"
    assert fout["fouten"][0]["code"] == "bsn_elfproef"
    assert fout["fouten"][0]["melding"]
    assert "123456789" not in antwoord.content.decode()  # never echo a BSN
    opgeslagen = Vroegsignaal.objects.get()
    assert (opgeslagen.partner, opgeslagen.bsn, opgeslagen.postcode) == (energie, BSN, "3563AB")
    assert opgeslagen.status == Signaalstatus.NOG_NIET_OPGEPAKT
    aanlevering = Aanlevering.objects.get()
    assert (aanlevering.kanaal, aanlevering.aantal_ontvangen, aanlevering.aantal_afgewezen) == ("api", 2, 1)
    events = AuditEvent.objects.filter(object_type="signalering.Aanlevering")
    assert [(e.actie, e.aantal, e.api_client) for e in events] == [("aanmaken", 2, "Energie BV API")]


@pytest.mark.django_db
def test_same_id_never_twice_and_higher_amount_is_a_repeat(client, partner_token, energie, vaste_dag):
    post(client, partner_token, {"signalen": [signaal(1)]})
    zelfde = post(client, partner_token, {"signalen": [signaal(1)]}).json()
    assert zelfde["dubbel"] == 1 and zelfde["resultaten"][0]["status"] == "dubbel"
    lager = post(client, partner_token, {"signalen": [signaal(1, bedrag=100)]}).json()
    assert lager["dubbel"] == 1
    hoger = post(client, partner_token, {"signalen": [signaal(1, bedrag="612,50")]}).json()
    assert hoger["geaccepteerd"] == 1 and hoger["resultaten"][0]["herhaling"] is True
    opgeslagen = Vroegsignaal.objects.get()
    assert (str(opgeslagen.bedrag), str(opgeslagen.vorig_bedrag), opgeslagen.herhaling) == ("612.50", "412.00", True)


@pytest.mark.django_db
def test_same_id_twice_in_one_request(client, partner_token, energie, vaste_dag):
    # One ID three times (412, 412, 500): the commit holds one signal with the data of row 3, a
    # repeat of row 1 (500 > 412, vorig_bedrag 412), so row 3 is the one geaccepteerd and rows 1
    # and 2 are dubbel: the counts say what was stored (issue 10).
    data = post(client, partner_token, {"signalen": [signaal(1), signaal(1), signaal(1, bedrag=500)]}).json()
    assert [r["status"] for r in data["resultaten"]] == ["dubbel", "dubbel", "geaccepteerd"]
    assert (data["ontvangen"], data["geaccepteerd"], data["dubbel"], data["afgewezen"]) == (3, 1, 2, 0)
    assert data["resultaten"][2]["herhaling"] is True
    opgeslagen = Vroegsignaal.objects.get()
    assert (opgeslagen.bedrag, opgeslagen.vorig_bedrag, opgeslagen.herhaling) == (500, 412, True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"dit is geen json", 400, "geen_json"),
        (b'{"signalen": []}', 400, "leeg"),
        (b'{"iets": 1}', 400, "json_vorm"),
        (b'"tekst"', 400, "json_vorm"),
        (b"", 400, "geen_json"),
    ],
)
def test_unreadable_request_is_refused_whole(client, partner_token, energie, body, status, code):
    antwoord = post(client, partner_token, body, raw=True)
    assert antwoord.status_code == status
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["code"] == code
    assert not Vroegsignaal.objects.exists() and not Aanlevering.objects.exists()


@pytest.mark.django_db
def test_more_than_10000_signals_is_refused_whole(client, partner_token, energie, vaste_dag):
    antwoord = post(client, partner_token, {"signalen": [signaal(i) for i in range(10_001)]})
    assert antwoord.status_code == 413
    assert antwoord.json()["code"] == "te_veel_signalen"
    assert not Vroegsignaal.objects.exists()


@pytest.mark.django_db
def test_10000_signals_in_one_request(client, partner_token, energie, vaste_dag):
    antwoord = post(client, partner_token, {"signalen": [signaal(i) for i in range(1, 10_001)]})
    assert antwoord.status_code == 200
    assert antwoord.json()["geaccepteerd"] == 10_000
    assert Vroegsignaal.objects.count() == 10_000


@pytest.mark.django_db
def test_authentication(client, energie, partner_token):
    assert post(client, "vh_onzin", {"signalen": [signaal()]}).status_code == 401
    zonder = client.post(URL, data="{}", content_type="application/json")
    assert zonder.status_code == 401 and zonder["Content-Type"] == "application/problem+json"
    cbs = ApiClient.objects.create(naam="CBS", scopes=[Scope.DDAS_LEVERING.value])
    _t, cbs_token = ApiToken.nieuw(cbs)
    assert post(client, cbs_token, {"signalen": [signaal()]}).status_code == 401
    zonder_partner = ApiClient.objects.create(naam="los", scopes=[Scope.SIGNALEN_AANLEVEREN.value])
    _t, los_token = ApiToken.nieuw(zonder_partner)
    assert post(client, los_token, {"signalen": [signaal()]}).status_code == 403
    energie.actief = False
    energie.save()
    assert post(client, partner_token, {"signalen": [signaal()]}).status_code == 403
    assert not Vroegsignaal.objects.exists()


@pytest.mark.django_db
def test_status_of_own_signal_only(client, partner_token, energie):
    eigen = VroegsignaalFactory(partner=energie, extern_id="E-1", status=Signaalstatus.OPGEPAKT)
    ander = SignaalpartnerFactory(code="huur", type=PartnerType.HUUR)
    VroegsignaalFactory(partner=ander, extern_id="H-1")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {partner_token}"}
    antwoord = client.get(f"{URL}/E-1/status", **auth)
    assert antwoord.status_code == 200
    assert antwoord.json() == {"ID": "E-1", "status": "Opgepakt", "datum": eigen.status_datum.isoformat()}
    niet_van_mij = client.get(f"{URL}/H-1/status", **auth)
    assert niet_van_mij.status_code == 404
    assert niet_van_mij["Content-Type"] == "application/problem+json"
    assert client.get(f"{URL}/BESTAAT-NIET/status", **auth).status_code == 404


@pytest.mark.django_db
def test_status_since_is_paged(client, partner_token, energie, monkeypatch):
    import datetime as dt

    from vroeghulp.signalering import api

    monkeypatch.setattr(api, "PAGINA", 2)
    for i in range(5):
        VroegsignaalFactory(partner=energie, extern_id=f"E-{i}", status_datum=dt.date(2026, 1, 1 + i))
    VroegsignaalFactory(partner=energie, extern_id="oud", status_datum=dt.date(2025, 6, 1))
    VroegsignaalFactory(partner=SignaalpartnerFactory(code="water", type=PartnerType.WATER), extern_id="W-1")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {partner_token}"}
    gezien = []
    url = f"{URL}/status?sinds=2026-01-01"
    while url:
        data = client.get(url, **auth).json()
        assert set(data) == {"resultaten", "volgende"}
        gezien += [r["ID"] for r in data["resultaten"]]
        assert all(set(r) == {"ID", "status", "datum"} for r in data["resultaten"])
        url = data["volgende"]
    assert gezien == ["E-0", "E-1", "E-2", "E-3", "E-4"]
    assert client.get(f"{URL}/status?sinds=gisteren", **auth).status_code == 400
    assert client.get(f"{URL}/status", **auth).status_code == 400


@pytest.mark.django_db
def test_matching_hook_gets_new_and_updated_ids_after_commit(client, partner_token, energie, vaste_dag, intake_instellingen):
    post(client, partner_token, {"signalen": [signaal(1), signaal(2)]})
    post(client, partner_token, {"signalen": [signaal(1, bedrag=900), signaal(2), signaal(3, bedrag=1)]})
    eerste = list(Vroegsignaal.objects.order_by("id").values_list("id", flat=True))
    assert intake_instellingen == [eerste, [eerste[0]]]


@pytest.mark.django_db
@pytest.mark.parametrize("bedrag", ["412,30", "0,10", "1.234.567,89", "9999999999.99", "70.07"])
def test_same_amount_with_cents_is_dubbel_not_a_repeat(client, partner_token, energie, vaste_dag, bedrag):
    eerste = post(client, partner_token, {"signalen": [signaal(1, bedrag=bedrag, crisissignaal=True)]}).json()
    assert eerste["geaccepteerd"] == 1
    tweede = post(client, partner_token, {"signalen": [signaal(1, bedrag=bedrag, crisissignaal=True)]}).json()
    assert tweede["dubbel"] == 1, tweede


@pytest.mark.django_db
def test_status_pages_through_equal_dates_by_id(client, partner_token, energie, monkeypatch):
    """The keyset (status_datum, id): five signals on one day and two pages of 2 in between cut
    through that day; every signal once, in id order; a forged 'na' before 'sinds' starts at sinds."""
    import datetime as dt

    from vroeghulp.signalering import api

    monkeypatch.setattr(api, "PAGINA", 2)
    dag = dt.date(2026, 1, 5)
    ids = [VroegsignaalFactory(partner=energie, extern_id=f"D-{i}", status_datum=dag).extern_id for i in range(5)]
    VroegsignaalFactory(partner=energie, extern_id="ervoor", status_datum=dt.date(2026, 1, 4))
    auth = {"HTTP_AUTHORIZATION": f"Bearer {partner_token}"}
    gezien, url = [], f"{URL}/status?sinds=2026-01-05"
    while url:
        data = client.get(url, **auth).json()
        gezien += [r["ID"] for r in data["resultaten"]]
        url = data["volgende"]
    assert gezien == ids
    vroeg = dt.date(2025, 1, 1).toordinal()
    data = client.get(f"{URL}/status?sinds=2026-01-05&na={vroeg}_0", **auth).json()
    assert [r["ID"] for r in data["resultaten"]] == ids[:2]
