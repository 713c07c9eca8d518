"""Both deliveries of demo data: valid against the official schemas (draft 2020-12, formats
checked) and every signal, case and traject of the period in it exactly once; the counts of a
month equal monitor.definities.tellingen of that month."""

import io
import json
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from tests.ddas.helpers import SHV_SCHEMA, VS_SCHEMA, fouten
from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.demo import steps
from vroeghulp.monitor import definities
from vroeghulp.monitor.ddas import levering
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import Uitstroomreden
from vroeghulp.schuldhulp.tests.factories import inwoner_in
from vroeghulp.signalering import brp
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.zaken.models import Vroegsignaalzaak


def _levering(soort, van, tot, **kwargs) -> dict:
    delen: list[str] = []
    levering.schrijf(delen.append, soort, van, tot, **kwargs)
    return json.loads("".join(delen))


@pytest.fixture
def demo(monkeypatch, db):
    brp.gebruik_bron(None)
    monkeypatch.setattr(steps, "STEPS", ["vroeghulp.signalering.demo.vul", "vroeghulp.zaken.demo.vul"])
    call_command("demo", huishoudens=800, alleen_data=True, stdout=io.StringIO())
    datums = sorted(Vroegsignaal.objects.values_list("signaaldatum", flat=True))
    return datums[0], datums[-1]


def test_vroegsignalering_of_the_demo(demo, settings):
    settings.GEMEENTECODE = "0344"
    eerste, laatste = demo
    van, tot = eerste, laatste  # the whole year of the demo
    doc = _levering("vroegsignalering", van, tot)
    assert fouten(VS_SCHEMA, doc) == []
    [lev] = doc["leveringen"]
    assert lev["gemeentecode"] == "0344"
    # every signal of the period once, and no other
    ids = Counter(s["ID"] for s in lev["vroegsignalen"])
    assert max(ids.values()) == 1
    assert set(ids) == {str(i) for i in Vroegsignaal.objects.filter(
        signaaldatum__gte=van, signaaldatum__lte=tot).values_list("id", flat=True)}
    assert Vroegsignaal.objects.count() == len(ids) > 150
    # every case open in the period once: a case has no id in the schema, but its set of signals
    # is its own (a signal belongs to one case)
    geleverd = Counter(tuple(sorted(v["ID"] for v in z.get("vroegsignalen", []))) for z in lev["vroegsignaalzaken"])
    verwacht = Counter(tuple(sorted(str(i) for i in z.signalen.values_list("id", flat=True)))
                       for z in Vroegsignaalzaak.objects.filter(matchingsdatum__lte=tot).exclude(datum_afgerond__lt=van))
    assert geleverd == verwacht and sum(verwacht.values()) > 100
    # a signal with a BSN carries only the BSN (the schema's oneOf); without one the address
    met_bsn = Vroegsignaal.objects.exclude(bsn="").first()
    [s] = [s for s in lev["vroegsignalen"] if s["ID"] == str(met_bsn.pk)]
    assert s["client"] == {"burgerservicenummer": met_bsn.bsn}
    assert all(s["signaaldatum"] >= van.isoformat() and s["signaaldatum"] <= tot.isoformat()
               for s in lev["vroegsignalen"])
    # the read is audited, with counts, without a BSN
    events = AuditEvent.objects.filter(actie=Actie.EXPORTEREN, object_type="signalering.Vroegsignaal")
    assert [e.aantal for e in events] == [len(ids)]


def test_month_counts_equal_the_definitions(demo):
    eerste, laatste = demo
    m = definities.maand(laatste.year, laatste.month)
    if m.van > laatste - timedelta(days=20):  # the last month may be short: take the one before
        vorige = m.van - timedelta(days=1)
        m = definities.maand(vorige.year, vorige.month)
    doc = _levering("vroegsignalering", m.van, m.tot)
    [lev] = doc["leveringen"]
    telling = definities.tellingen(m.van, m.tot)
    assert (len(lev["vroegsignalen"]), len(lev["vroegsignaalzaken"])) == (telling.signalen, telling.zaken)
    assert telling.signalen > 5 and telling.zaken > 5
    # and by hand from the table, so tellingen is not only compared with itself
    assert telling.signalen == Vroegsignaal.objects.filter(signaaldatum__year=m.van.year,
                                                           signaaldatum__month=m.van.month).count()


@pytest.mark.parametrize("grootte", [1, 7, 50])
def test_pages_together_are_the_whole_delivery(demo, grootte):
    eerste, laatste = demo
    van, tot = laatste - timedelta(days=20), laatste
    heel = _levering("vroegsignalering", van, tot)["leveringen"][0]
    totaal = len(heel["vroegsignalen"]) + len(heel["vroegsignaalzaken"])
    signalen, zaken = [], []
    for begin in range(0, totaal, grootte):
        deel = _levering("vroegsignalering", van, tot, begin=begin, aantal=grootte)["leveringen"][0]
        assert len(deel["vroegsignalen"]) + len(deel["vroegsignaalzaken"]) == min(grootte, totaal - begin)
        signalen += deel["vroegsignalen"]
        zaken += deel["vroegsignaalzaken"]
    assert signalen == heel["vroegsignalen"] and zaken == heel["vroegsignaalzaken"]


@pytest.mark.django_db
def test_schuldhulpverlening_of_a_period(consulent, settings):
    settings.GEMEENTECODE = "0344"
    wijk = consulent.teams.first().wijken.first()
    ids = []
    for i, (start, eind) in enumerate([(date(2025, 11, 3), None), (date(2026, 1, 5), date(2026, 2, 2)),
                                       (date(2026, 2, 2), None), (date(2025, 6, 2), date(2025, 12, 31))]):
        t = workflow.aanmelden(inwoner_in(wijk, geslacht="Vrouw").pk, door=consulent, aanmeldingswijze="inloop",
                               aanmelddatum=start)
        if i == 0:
            t = workflow.eerste_gesprek(t, door=consulent, datum=start + timedelta(days=2), verwachte_weken=26)
        if eind:
            t = workflow.uitstromen(t, door=consulent, reden=Uitstroomreden.ZELF, datum=eind)
        ids.append(t.pk)
    doc = _levering("schuldhulpverlening", date(2026, 1, 1), date(2026, 3, 31))
    assert fouten(SHV_SCHEMA, doc) == []
    [lev] = doc["leveringen"]
    # ran on a day of Q1 2026: the first three; the fourth left on 31 December 2025
    assert sorted(t["startdatum"] for t in lev["schuldhulptrajecten"]) == ["2025-11-03", "2026-01-05", "2026-02-02"]
    assert definities.aantal_trajecten(date(2026, 1, 1), date(2026, 3, 31)) == 3
    assert all(t["gemeentecode"] == "0344" for t in lev["schuldhulptrajecten"])
    assert lev["aanleverende_organisatie"]["gemeentecode"] == "0344"
    assert doc["codeGegevensleverancier"].startswith("Vroeghulp ")
    # Q&A: an unknown gemeentecode is "Onbekend", on every traject, never missing
    settings.GEMEENTECODE = ""
    doc = _levering("schuldhulpverlening", date(2026, 1, 1), date(2026, 3, 31))
    assert fouten(SHV_SCHEMA, doc) == []
    assert {t["gemeentecode"] for t in doc["leveringen"][0]["schuldhulptrajecten"]} == {"Onbekend"}
    assert "gemeentecode" not in doc["leveringen"][0]["aanleverende_organisatie"]
