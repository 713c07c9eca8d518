"""Matching while storing gives exactly what matching after the commit gives.

The intake matches each block before its INSERT (one write per signal, issue 4 speed); the
command and a remote BRP match stored signals afterwards. Both run ``zaken.matching.regels.koppel``; this test
feeds the same deliveries through both paths and compares every signal and every case.
"""

import datetime as dt

import pytest
import time_machine

from vroeghulp.personen.tests.factories import AdresFactory, HuishoudenFactory, InwonerFactory
from vroeghulp.signalering import brp
from vroeghulp.signalering.intake import opslag, verwerk_bestand
from vroeghulp.signalering.models import Aanlevering, PartnerType, Signaalpartner, Vroegsignaal
from vroeghulp.zaken.models import Vroegsignaalzaak

KOP = "ID;bedrag;ontstaansdatum;signaaldatum;crisissignaal;eindelevering;burgerservicenummer;postcode;huisnummer;huisnummertoevoeging\n"
INWONER_BSN = "111222333"  # passes the 11-proef; lives at 3511AA 7 in the local BRP


def _leveringen():
    """(partner code, CSV) in delivery order: households with one and several signals, an address
    written two ways, a BSN-only signal of a resident who lives elsewhere, repeats (same and higher
    amount), crisis and eindelevering, and an unknown BSN (not a resident for the local BRP)."""
    energie = KOP + "".join([
        "E1;120;01-12-2025;10-01-2026;nee;nee;;3563AB;12;\n",
        "E2;80;01-12-2025;11-01-2026;nee;nee;;3563 ab;12;\n",          # same household, other spelling
        "E3;300;01-12-2025;12-01-2026;ja;nee;;3563AB;14;bis\n",       # crisis
        "E4;90;01-12-2025;12-01-2026;nee;ja;;3563AB;14;BIS\n",        # eindelevering after a signal
        "E5;75;01-12-2025;13-01-2026;nee;ja;;3563AC;1;\n",            # eindelevering, first signal
        f"E6;60;01-12-2025;13-01-2026;nee;nee;{INWONER_BSN};;;\n",     # BSN only: the BRP address
        "E7;60;01-12-2025;13-01-2026;nee;nee;123456782;3563AD;3;\n",  # BSN unknown to the BRP
    ] + [f"M{i};{55 + i};01-12-2025;14-01-2026;nee;nee;;35{64 + i % 3}AA;{i % 5 + 1};\n" for i in range(40)])
    water = KOP + "".join([
        "W1;200;01-12-2025;15-01-2026;nee;nee;;3511AA;7;\n",          # the resident's address
        "W2;200;01-12-2025;15-01-2026;nee;nee;;3563AB;12;\n",
    ])
    energie_herhaald = KOP + "".join([
        "E1;120;01-12-2025;10-01-2026;nee;nee;;3563AB;12;\n",          # same amount: dubbel
        "E2;95;01-12-2025;11-01-2026;nee;nee;;3563AB;12;\n",           # higher: repeat, updates
        "E8;70;01-12-2025;20-01-2026;nee;nee;;3563AE;9;\n",
    ])
    return [("energie", energie), ("water", water), ("energie", energie_herhaald)]


def _momentopname():
    zaken = {}
    for z in Vroegsignaalzaak.objects.all():
        zaken[z.pk] = (z.huishoudsleutel, z.status, z.matchsoort, z.resultaat, z.crisis,
                       z.warme_overdracht, z.totaal_bedrag, z.startdatum_matchingperiode,
                       z.contact_uiterlijk, z.inwoner_id, z.wijk_id)
    return {
        (s.partner.code, s.extern_id): (
            s.huishoudsleutel, s.status, s.status_datum, s.herhaling, s.bedrag, s.inwoner_id, s.wijk_id,
            zaken.get(s.zaak_id),
        )
        for s in Vroegsignaal.objects.select_related("partner")
    }, sorted(zaken.values(), key=repr)


def _lever_alles(monkeypatch, *, bij_opslag: bool):
    if not bij_opslag:
        monkeypatch.setattr(opslag, "matching_bij_opslag", lambda: None)
    partners = {p.code: p for p in Signaalpartner.objects.all()}
    for code, csv in _leveringen():
        verwerk_bestand(partners[code], csv.encode(), kanaal="bestand")
    monkeypatch.undo()


@pytest.mark.parametrize("blok", [5000, 3])
@pytest.mark.parametrize("bron", ["uit", "lokaal"])
@pytest.mark.django_db
def test_matching_bij_opslag_is_gelijk_aan_matching_achteraf(bron, blok, settings, monkeypatch):
    """``blok`` 3: many blocks per delivery, so cases made or changed in one block get signals in
    the next (kept in memory while storing, re-read from the database afterwards)."""
    from vroeghulp.zaken.matching import instellingen

    monkeypatch.setattr(opslag, "BLOK", blok)
    monkeypatch.setattr(instellingen, "CHUNK", blok)
    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    settings.VROEGHULP_DREMPELBEDRAG = "50"
    Signaalpartner.objects.create(code="energie", naam="Energie", type=PartnerType.ENERGIE)
    Signaalpartner.objects.create(code="water", naam="Water", type=PartnerType.WATER)
    InwonerFactory(bsn=INWONER_BSN, huishouden=HuishoudenFactory(adres=AdresFactory(postcode="3511AA", huisnummer=7)))
    brp.gebruik_bron(brp.GeenBrp() if bron == "uit" else brp.LokaleBrp())
    try:
        uitkomsten = []
        for bij_opslag in (True, False):
            # a fixed clock for both runs: receipt day, matchingsdatum and status date are "today"
            with monkeypatch.context() as m, time_machine.travel(dt.datetime(2026, 2, 2, 9, 30, tzinfo=dt.UTC), tick=False):
                _lever_alles(m, bij_opslag=bij_opslag)
            uitkomsten.append(_momentopname())
            Vroegsignaal.objects.all().delete()
            Vroegsignaalzaak.objects.all().delete()
            Aanlevering.objects.all().delete()
    finally:
        brp.gebruik_bron(None)
    bij_opslag, achteraf = uitkomsten
    assert len(bij_opslag[0]) == 50 and len(bij_opslag[1]) > 10
    assert bij_opslag == achteraf
    signalen = bij_opslag[0]
    # the facts the comparison rests on, so that it cannot pass on two empty or equal-but-wrong runs
    assert signalen[("energie", "E1")][7] == signalen[("energie", "E2")][7]  # one household
    assert signalen[("energie", "E3")][7][4] is True  # crisis case
    if bron == "lokaal":
        assert signalen[("energie", "E6")][7] == signalen[("water", "W1")][7]  # BRP address
        assert signalen[("energie", "E7")][1] == "Persoon is geen inwoner (meer) in de gemeente"
        assert signalen[("energie", "E7")][7] is None
