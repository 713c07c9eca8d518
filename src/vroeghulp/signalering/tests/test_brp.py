"""The BRP interface: Haal Centraal over HTTP (a local stand-in server) and the local fake."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from vroeghulp.signalering import brp


class _Handler(BaseHTTPRequestHandler):
    verzoeken: list = []

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Handler.verzoeken.append((self.path, self.headers, body))
        personen = []
        for bsn in body["burgerservicenummer"]:
            if bsn == "999993653":
                personen.append({
                    "burgerservicenummer": bsn, "gemeenteVanInschrijving": {"code": "0344"},
                    "verblijfplaats": {"verblijfadres": {"postcode": "3561AB", "huisnummer": 7,
                                                         "huisletter": "B"}},
                })
            if bsn == "999990019":  # moved to another municipality
                personen.append({"burgerservicenummer": bsn, "gemeenteVanInschrijving": {"code": "0363"}})
        antwoord = json.dumps({"type": "RaadpleegMetBurgerservicenummer", "personen": personen}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(antwoord)))
        self.end_headers()
        self.wfile.write(antwoord)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.verzoeken = []
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{httpd.server_port}/haalcentraal/api/brp"
    httpd.shutdown()
    httpd.server_close()


def test_haal_centraal_over_http(server):
    bron = brp.HaalCentraalBrp(server, api_key="sleutel", gemeentecode="0344")
    gevonden = bron.zoek_personen(["999993653", "999990019", "111222333"])
    assert set(gevonden) == {"999993653"}
    persoon = gevonden["999993653"]
    assert (persoon.postcode, persoon.huisnummer, persoon.huisletter) == ("3561AB", "7", "B")
    pad, headers, body = _Handler.verzoeken[0]
    assert pad == "/haalcentraal/api/brp/personen"
    assert headers["X-API-Key"] == "sleutel"
    assert body["type"] == "RaadpleegMetBurgerservicenummer"
    assert sorted(body["burgerservicenummer"]) == ["111222333", "999990019", "999993653"]
    assert "verblijfplaats.verblijfadres.postcode" in body["fields"]


def test_lokale_brp_leest_de_demo_gemeente(inwoner_overvecht):
    gevonden = brp.LokaleBrp().zoek_personen([inwoner_overvecht.bsn, "111222333"])
    assert set(gevonden) == {inwoner_overvecht.bsn}
    persoon = gevonden[inwoner_overvecht.bsn]
    adres = inwoner_overvecht.huishouden.adres
    assert persoon.inwoner_id == inwoner_overvecht.pk
    assert persoon.postcode == adres.postcode and persoon.wijk_id == adres.buurt.wijk_id


def test_standaardbron_per_omgeving(settings):
    brp.gebruik_bron(None)
    settings.VROEGHULP_BRP_URL = ""
    settings.OMGEVING = "productie"
    assert isinstance(brp.bron(), brp.GeenBrp)
    settings.OMGEVING = "test"
    assert isinstance(brp.bron(), brp.LokaleBrp)
    settings.VROEGHULP_BRP_BRON = "haalcentraal"
    with pytest.raises(RuntimeError):
        brp.bron()


def test_brp_storing_laat_signalen_ongematcht(db):
    import datetime as dt
    from decimal import Decimal
    from urllib.error import URLError

    from django.utils import timezone

    from vroeghulp.zaken.matching import match_signalen
    from vroeghulp.signalering.models import PartnerType, Signaalpartner, Signaalstatus, Vroegsignaal

    class Kapot(brp.HaalCentraalBrp):
        def _post(self, body):
            raise URLError("verbinding geweigerd")

    brp.gebruik_bron(Kapot("https://brp.example"))
    try:
        p = Signaalpartner.objects.create(code="zorg-x", naam="Zorg", type=PartnerType.ZORG)
        s = Vroegsignaal.objects.create(
            partner=p, extern_id="Z-1", bedrag=Decimal(200), signaaldatum=dt.date(2026, 3, 1),
            ontvangen=timezone.now(), status_datum=dt.date(2026, 3, 1), huishoudsleutel="?",
            bsn="999993653")
        with pytest.raises(URLError):
            match_signalen([s.pk])
        s.refresh_from_db()
        assert s.zaak_id is None and s.status == Signaalstatus.NOG_NIET_OPGEPAKT
    finally:
        brp.gebruik_bron(None)
