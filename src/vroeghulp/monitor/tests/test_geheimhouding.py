"""Privacy of the monitor (issue 13, point 4): no cell under the threshold is shown, none can be
worked out from what is shown, and no page or download of the analist holds personal data."""

import io
import re
import zipfile
from datetime import date
from fractions import Fraction

import pytest

from vroeghulp.gebieden.tests.factories import BuurtFactory, WijkFactory
from vroeghulp.monitor.bijwerken import bijwerken
from vroeghulp.monitor.geheimhouding import Lijn, te_verbergen
from vroeghulp.monitor.stappen import HOOFDLIJN, Stap, Trajecten
from vroeghulp.personen.tests.factories import AdresFactory, HuishoudenFactory, InwonerFactory
from vroeghulp.signalering.models import PartnerType
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory

MAART = {"periode": "maand:2025-03-01"}


# --- the rule itself, on hand-made tables ---------------------------------------------------


def test_a_single_hidden_cell_in_a_column_takes_the_smallest_other_with_it():
    # wijken 3, 10, 12 and their total 25: 3 is hidden; alone it would be 25 - 10 - 12, so 10
    # (the smallest other non-zero cell) is hidden too; 12 and 25 stay
    waarden = {"a": 3, "b": 10, "c": 12, "t": 25}
    assert te_verbergen(waarden, [Lijn(("a", "b", "c"), "t")], 5) == {"a", "b"}


def test_without_another_cell_the_total_is_hidden():
    waarden = {"a": 3, "b": 0, "t": 3}
    assert te_verbergen(waarden, [Lijn(("a", "b"), "t")], 5) == {"a", "t"}


def test_crossing_lines_are_followed_until_none_has_a_single_hidden_cell():
    # rows r1, r2 with columns x, y and their totals; r1x = 2 is hidden; the column x then takes
    # r2x (7); row r2 then has a single hidden cell, so r2y (8) goes; column y then takes r1y (9)
    w = {("r1", "x"): 2, ("r1", "y"): 9, ("r1", "t"): 11, ("r2", "x"): 7, ("r2", "y"): 8, ("r2", "t"): 15,
         ("T", "x"): 9, ("T", "y"): 17, ("T", "t"): 26}
    lijnen = [Lijn((("r1", "x"), ("r2", "x")), ("T", "x")), Lijn((("r1", "y"), ("r2", "y")), ("T", "y")),
              Lijn((("r1", "t"), ("r2", "t")), ("T", "t")),
              Lijn((("r1", "x"), ("r1", "y")), ("r1", "t")), Lijn((("r2", "x"), ("r2", "y")), ("r2", "t")),
              Lijn((("T", "x"), ("T", "y")), ("T", "t"))]
    verborgen = te_verbergen(w, lijnen, 5)
    assert verborgen == {("r1", "x"), ("r2", "x"), ("r2", "y"), ("r1", "y")}
    for lijn in lijnen:
        assert sum(1 for k in (*lijn.leden, lijn.totaal) if k in verborgen) != 1


def test_the_threshold_is_a_setting(settings):
    settings.VROEGHULP_MONITOR_DREMPEL = 11
    assert te_verbergen({"a": 10, "b": 30, "t": 40}, [Lijn(("a", "b"), "t")]) == {"a", "b"}


# --- a wijk with a cell of 3, through the screens -------------------------------------------


@pytest.fixture
def drie_wijken(db):
    """March 2025: 3 cases in Klein (the cell of 3), 10 in Midden, 12 in Groot; one signal each."""
    partner = SignaalpartnerFactory(code="energie", type=PartnerType.ENERGIE)
    wijken = {}
    for i, (naam, aantal) in enumerate((("Klein", 3), ("Midden", 10), ("Groot", 12))):
        wijk = WijkFactory(code=f"WK03449{i}", naam=naam)
        buurt = BuurtFactory(wijk=wijk, code=f"BU034499{i}0", naam=f"{naam}buurt")
        for _ in range(aantal):
            inwoner = InwonerFactory(huishouden=HuishoudenFactory(adres=AdresFactory(buurt=buurt)))
            zaak = ZaakFactory(inwoner=inwoner, matchingsdatum=date(2025, 3, 3), datum_opgepakt=date(2025, 3, 4))
            SignaalFactory(zaak=zaak, partner=partner, signaaldatum=date(2025, 3, 2), bsn=inwoner.bsn,
                           achternaam=inwoner.achternaam, geboortedatum=inwoner.geboortedatum,
                           straatnaam=inwoner.huishouden.adres.straatnaam,
                           postcode=inwoner.huishouden.adres.postcode)
        wijken[naam] = wijk
    bijwerken(alles=True, vandaag=date(2025, 4, 15))
    return wijken


def _csv(client, tabel, **query) -> list[list[str]]:
    tekst = client.get(f"/monitor/download/{tabel}.csv", {**MAART, **query}).content.decode("utf-8-sig")
    return [r.split(";") for r in tekst.splitlines()]


def _svg_waarden(client, naam, **query) -> list[str]:
    svg = client.get(f"/monitor/grafiek/{naam}.svg", {**MAART, **query}).content.decode()
    return re.findall(r'<desc class="value">([^<]*)</desc>', svg)


def _bepaald(vergelijkingen: list[dict], doel) -> bool:
    """Is ``doel`` fixed by these linear equations ({unknown: coefficient}, right-hand sides
    left out: only whether the value is determined matters)? Gaussian elimination on Fractions:
    determined iff adding the unit vector of ``doel`` does not raise the rank."""
    def rang(rijen):
        sleutels = sorted({k for r in rijen for k in r}, key=str)
        m = [[Fraction(r.get(k, 0)) for k in sleutels] for r in rijen]
        r = 0
        for c in range(len(sleutels)):
            p = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
            if p is None:
                continue
            m[r], m[p] = m[p], m[r]
            for i in range(len(m)):
                if i != r and m[i][c] != 0:
                    f = m[i][c] / m[r][c]
                    m[i] = [a - f * b for a, b in zip(m[i], m[r])]
            r += 1
        return r
    return rang(vergelijkingen) == rang(vergelijkingen + [{doel: 1}])


@pytest.mark.django_db
def test_the_cell_of_3_cannot_be_recovered_from_anything_the_analist_sees(client, analist, drie_wijken):
    client.force_login(analist)
    labels = {str(s.label): s.value for s in Stap}
    labels[str(Trajecten.ALLE.label)] = Trajecten.ALLE.value  # a column of the same table
    wijknamen = {w.naam: w.id for w in drie_wijken.values()}
    gebieden = list(wijknamen) + ["Onbekend"]
    vergelijkingen = []
    # what an attacker knows for certain: the kinds of case add up to the cases, in every area
    for g in gebieden:
        vergelijkingen.append({(g, Stap.ZAKEN): 1, (g, Stap.ENKELVOUDIG): -1, (g, Stap.MEERVOUDIG): -1,
                               (g, Stap.OPEENVOLGEND): -1})
    # 1. the gemeente's table per wijk (page, CSV) with its total row
    tabel = _csv(client, "gebieden")
    kop = [labels[k] for k in tabel[0][1:]]
    for rij in tabel[1:]:
        for stap, cel in zip(kop, rij[1:]):
            if cel != "x":
                if rij[0] == "Totaal":
                    vergelijkingen.append({(g, stap): 1 for g in gebieden})
                else:
                    naam = rij[0].removesuffix(" (focusgebied)")
                    vergelijkingen.append({(naam, stap): 1})
    klein = {r[0]: r[1:] for r in tabel[1:]}["Klein"]
    assert klein[kop.index(Stap.ZAKEN)] == "x"
    # 2. the funnel of the gemeente and of each wijk (page, CSV, chart)
    for naam, query in [("Totaal", {})] + [(n, {"wijk": i}) for n, i in wijknamen.items()]:
        trechter = _csv(client, "trechter", **query)
        for label, aantal, conversie in trechter[1:]:
            stap = labels[label]
            if aantal == "x":
                assert conversie == "", f"{naam} {label}: a percentage of a hidden count"
                continue
            vergelijkingen.append({(g, stap): 1 for g in gebieden} if naam == "Totaal" else {(naam, stap): 1})
        zichtbaar = [a for label, a, _ in trechter[1:] if labels[label] in HOOFDLIJN and a != "x"]
        assert _svg_waarden(client, "trechter", **query) == zichtbaar  # the chart: the same, no more
        html = client.get("/monitor/", {**MAART, **query}).content.decode()
        for label, aantal, _ in trechter[1:]:
            assert f">{label}</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column\">{aantal}</td>" in html
    for stap in (Stap.ZAKEN, Stap.SIGNALEN, Stap.OPGEPAKT, Stap.ENKELVOUDIG):
        assert not _bepaald(vergelijkingen, ("Klein", stap)), f"Klein {stap} is te herleiden"
    # while the cells that are shown really are the numbers (a control on the parsing above)
    assert _bepaald(vergelijkingen, ("Groot", Stap.ZAKEN))


@pytest.mark.django_db
def test_no_analist_page_or_download_holds_personal_data(client, analist, drie_wijken):
    from vroeghulp.personen.models import Inwoner

    client.force_login(analist)
    paden = ["/", "/monitor/", "/monitor/kwaliteit/", "/monitor/kwaliteit/?maanden=12", "/monitor/doelen/"]
    for query in ("", "&wijk={}".format(drie_wijken["Groot"].id), "&partnertype=Energie", "&focusgebied=on"):
        q = "?periode=maand:2025-03-01" + query
        paden += [f"/monitor/{q}"] + [f"/monitor/grafiek/{n}.svg{q}" for n in ("trechter", "trend", "resultaten")]
        paden += [f"/monitor/download/{t}.{f}{q}" for t in ("trechter", "gebieden", "trend", "resultaten",
                                                             "contact", "duur", "terugval") for f in ("csv", "xlsx")]
    verboden = set()
    for p in Inwoner.objects.select_related("huishouden__adres"):
        a = p.huishouden.adres
        verboden |= {p.bsn, p.achternaam, f"{a.straatnaam} {a.huisnummer}", a.postcode,
                     p.geboortedatum.isoformat(), p.geboortedatum.strftime("%d-%m-%Y"), "17 mei 1985"}
    for pad in paden:
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, pad
        inhoud = antwoord.content
        if inhoud[:2] == b"PK":  # an XLSX: the text is in the XML parts of the zip
            with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
                inhoud = b"".join(z.read(n) for n in z.namelist())
        tekst = inhoud.decode("utf-8", errors="replace")
        gevonden = [v for v in verboden if v in tekst]
        assert not gevonden, f"{pad} bevat persoonsgegevens: {gevonden}"
