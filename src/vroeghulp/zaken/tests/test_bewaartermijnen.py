"""Retention with a frozen clock: what is deleted, what stays, which anonymous counts remain."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.gebieden.tests.factories import BuurtFactory, PostcodeFactory
from vroeghulp.zaken.bewaartermijnen import bewaartermijn_maanden, ruim_op
from vroeghulp.signalering.models import PartnerType, Signaalstatus, Vroegsignaal
from vroeghulp.signalering.tellingen import AnoniemeTelling, Soort
from vroeghulp.zaken.tests.test_matching import lokale_brp, matched, partner, signaal  # noqa: F401
from vroeghulp.zaken.models import Eindresultaat, Matchsoort, Vroegsignaalzaak, Zaakstatus

NU = dt.datetime(2027, 3, 15, 9, 0, tzinfo=dt.UTC)  # grens = 15 March 2026 (12 months)


def _moment(dag):
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(12, 0)))


def _sluit(zaak_id, status, resultaat, op):
    Vroegsignaalzaak.objects.filter(pk=zaak_id).update(status=status, resultaat=resultaat,
                                                       gewijzigd=_moment(op))


@pytest.fixture
def situatie(db, wijk_overvecht):
    PostcodeFactory(postcode="3561AB", buurt=BuurtFactory(wijk=wijk_overvecht))
    huur, zorg = partner(PartnerType.HUUR), partner(PartnerType.ZORG)
    with time_machine.travel(dt.datetime(2026, 4, 1, 8, 0, tzinfo=dt.UTC), tick=False):
        def zaak(nr, datum, **velden):
            (s,) = matched(signaal(huur, postcode="3561AB", huisnummer=str(nr), datum=datum,
                                   bedrag=300, **velden))
            return s
        z = {
            # closed without help, period January / February 2026: expire
            "geen_contact": zaak(1, dt.date(2026, 1, 10)),
            "herhaald": zaak(2, dt.date(2026, 2, 3), herhaling=True, vorig_bedrag=Decimal(300)),
            # led to help: stays
            "hulp": zaak(3, dt.date(2026, 1, 20)),
            # still open: stays
            "open": zaak(4, dt.date(2026, 1, 25)),
            # closed without help but its period ends after the limit: stays
            "recent": zaak(5, dt.date(2026, 3, 20)),
            # closed without help after the limit (changed on 1 May): stays
            "laat_gesloten": zaak(6, dt.date(2026, 2, 14)),
        }
        tweede = signaal(zorg, postcode="3561AB", huisnummer="1", datum=dt.date(2026, 1, 28), bedrag=80)
        matched(tweede)
        z["tweede"] = Vroegsignaal.objects.get(pk=tweede.pk)
        # not a resident: no case
        (z["geen_inwoner_oud"],) = matched(signaal(zorg, bsn="111222333", datum=dt.date(2026, 2, 1)))
        (z["geen_inwoner_nieuw"],) = matched(signaal(zorg, bsn="111222333", datum=dt.date(2026, 3, 20)))
    _sluit(z["geen_contact"].zaak_id, Zaakstatus.AFGEROND, Eindresultaat.GEEN_CONTACT, dt.date(2026, 2, 20))
    _sluit(z["hulp"].zaak_id, Zaakstatus.AFGEROND, Eindresultaat.VERVOLGHULP_FINANCIEEL, dt.date(2026, 2, 20))
    _sluit(z["recent"].zaak_id, Zaakstatus.AFGEROND, Eindresultaat.REGELT_ZELF, dt.date(2026, 3, 25))
    _sluit(z["laat_gesloten"].zaak_id, Zaakstatus.NIET_OPGEPAKT, Eindresultaat.ANDERE_REDEN, dt.date(2026, 5, 1))
    Vroegsignaalzaak.objects.filter(pk=z["herhaald"].zaak_id).update(gewijzigd=_moment(dt.date(2026, 2, 5)))
    return z


def _bestaat(s):
    return Vroegsignaal.objects.filter(pk=s.pk).exists()


def test_situatie_klopt(situatie):
    assert situatie["tweede"].zaak_id == situatie["geen_contact"].zaak_id
    assert situatie["herhaald"].zaak.status == Zaakstatus.NIET_OPGEPAKT
    assert situatie["geen_inwoner_oud"].status == Signaalstatus.GEEN_INWONER


@time_machine.travel(NU, tick=False)
def test_bewaartermijn_verwijdert_alleen_verlopen_zonder_hulp(situatie):
    zaak_geen_contact = situatie["geen_contact"].zaak_id
    try:
        from vroeghulp.zaken.models import Contactpoging
    except ImportError:  # pragma: no cover - older zaken app
        Contactpoging = None
    if Contactpoging is not None:
        Contactpoging.objects.create(zaak_id=zaak_geen_contact, soort=Contactpoging._meta.get_field(
            "soort").choices[0][0], datum=dt.date(2026, 2, 1))

    resultaat = ruim_op()

    assert resultaat.grens == dt.date(2026, 3, 15)
    assert (resultaat.zaken, resultaat.signalen) == (2, 4)
    assert resultaat.nog_open == 1
    for weg in ("geen_contact", "tweede", "herhaald", "geen_inwoner_oud"):
        assert not _bestaat(situatie[weg]), weg
    for blijft in ("hulp", "open", "recent", "laat_gesloten", "geen_inwoner_nieuw"):
        assert _bestaat(situatie[blijft]), blijft
    assert not Vroegsignaalzaak.objects.filter(pk=zaak_geen_contact).exists()
    assert Vroegsignaalzaak.objects.count() == 4
    if Contactpoging is not None:
        assert not Contactpoging.objects.filter(zaak_id=zaak_geen_contact).exists()


@time_machine.travel(NU, tick=False)
def test_anonieme_tellingen_blijven(situatie, wijk_overvecht):
    ruim_op()
    signalen = {(t.periode, t.partnertype, t.uitkomst, t.matchsoort): t.aantal
                for t in AnoniemeTelling.objects.filter(soort=Soort.SIGNAAL)}
    assert signalen == {
        (dt.date(2026, 1, 1), PartnerType.HUUR, Signaalstatus.NOG_NIET_OPGEPAKT, Matchsoort.MEERVOUDIG): 1,
        (dt.date(2026, 1, 1), PartnerType.ZORG, Signaalstatus.NOG_NIET_OPGEPAKT, Matchsoort.MEERVOUDIG): 1,
        (dt.date(2026, 2, 1), PartnerType.HUUR, Signaalstatus.HERHAALDE_MELDING, Matchsoort.ENKELVOUDIG): 1,
        (dt.date(2026, 2, 1), PartnerType.ZORG, Signaalstatus.GEEN_INWONER, ""): 1,
    }
    zaken = {(t.periode, t.uitkomst): t.aantal for t in AnoniemeTelling.objects.filter(soort=Soort.ZAAK)}
    assert zaken == {
        (dt.date(2026, 1, 1), Eindresultaat.GEEN_CONTACT): 1,
        (dt.date(2026, 2, 1), Eindresultaat.HERHAALDE_MELDING): 1,
    }
    assert set(AnoniemeTelling.objects.filter(soort=Soort.ZAAK).values_list("wijk_id", flat=True)) == {
        wijk_overvecht.pk}
    assert sum(AnoniemeTelling.objects.values_list("aantal", flat=True)) == 6


@time_machine.travel(NU, tick=False)
def test_tweede_keer_niets_meer_en_tellingen_gelijk(situatie):
    ruim_op()
    voor = sorted(AnoniemeTelling.objects.values_list("periode", "soort", "uitkomst", "aantal"))
    tweede = ruim_op()
    assert (tweede.zaken, tweede.signalen) == (0, 0)
    assert sorted(AnoniemeTelling.objects.values_list("periode", "soort", "uitkomst", "aantal")) == voor


def test_tellingen_worden_opgeteld_bij_latere_run(situatie):
    with time_machine.travel(NU, tick=False):
        ruim_op()
    with time_machine.travel(dt.datetime(2027, 4, 20, 9, 0, tzinfo=dt.UTC), tick=False):
        resultaat = ruim_op()  # grens 20 March 2026: the "recent" case and the newer signal go
    assert (resultaat.zaken, resultaat.signalen) == (1, 2)
    assert not _bestaat(situatie["recent"]) and not _bestaat(situatie["geen_inwoner_nieuw"])
    telling = AnoniemeTelling.objects.get(soort=Soort.SIGNAAL, periode=dt.date(2026, 3, 1),
                                          uitkomst=Signaalstatus.GEEN_INWONER)
    assert telling.aantal == 1


@time_machine.travel(NU, tick=False)
def test_proef_verwijdert_niets(situatie):
    aantal = Vroegsignaal.objects.count()
    resultaat = ruim_op(proef=True)
    assert resultaat.signalen == 4 and Vroegsignaal.objects.count() == aantal
    assert not AnoniemeTelling.objects.exists()


@time_machine.travel(NU, tick=False)
def test_auditgebeurtenis_met_aantallen_zonder_bsn(situatie):
    ruim_op()
    events = AuditEvent.objects.filter(actie=Actie.VERWIJDEREN)
    assert {(e.object_type, e.aantal) for e in events} == {
        ("signalering.Vroegsignaal", 4), ("zaken.Vroegsignaalzaak", 2)}
    for e in events:
        assert "111222333" not in e.toelichting and e.persoon_id is None
        assert e.api_client == "systeem"


@time_machine.travel(NU, tick=False)
def test_bewaartermijn_instelbaar(situatie, settings):
    settings.VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN = 24
    assert ruim_op().signalen == 0
    settings.VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN = 3
    with pytest.raises(ImproperlyConfigured):
        bewaartermijn_maanden()


@time_machine.travel(NU, tick=False)
def test_commando(situatie):
    uit = StringIO()
    call_command("bewaartermijnen", "--proef", stdout=uit)
    assert "4 signalen en 2 zaken zouden worden verwijderd" in uit.getvalue()
    uit = StringIO()
    call_command("bewaartermijnen", stdout=uit)
    tekst = uit.getvalue()
    assert "Bewaartermijn 12 maanden (vóór 15-03-2026): 4 signalen en 2 zaken verwijderd" in tekst
    assert "1 zaken van vóór die datum staan nog open" in tekst


# --- the exact boundary of the default term (12 months, ADR 0001) -----------------------------

@pytest.fixture
def rand(db, wijk_overvecht):
    """Cases whose matching period is February 2026 (ends 28-02-2026), one without and one with
    help, and a signal without a case dated 28-02-2026."""
    PostcodeFactory(postcode="3561AB", buurt=BuurtFactory(wijk=wijk_overvecht))
    huur, zorg = partner(PartnerType.HUUR), partner(PartnerType.ZORG)
    with time_machine.travel(dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC), tick=False):
        (zonder,) = matched(signaal(huur, postcode="3561AB", huisnummer="10", datum=dt.date(2026, 2, 27)))
        (met,) = matched(signaal(huur, postcode="3561AB", huisnummer="11", datum=dt.date(2026, 2, 27)))
        (los,) = matched(signaal(zorg, bsn="111222333", datum=dt.date(2026, 2, 28)))
    _sluit(zonder.zaak_id, Zaakstatus.AFGEROND, Eindresultaat.GEEN_CONTACT, dt.date(2026, 2, 27))
    _sluit(met.zaak_id, Zaakstatus.AFGEROND, Eindresultaat.BUDGETADVIES, dt.date(2026, 2, 27))
    assert zonder.zaak.einddatum_matchingperiode == dt.date(2026, 2, 28)
    assert met.zaak.einddatum_matchingperiode == dt.date(2026, 2, 28)
    assert los.zaak_id is None and los.status == Signaalstatus.GEEN_INWONER
    return {"zonder": zonder, "met": met, "los": los}


def test_standaard_is_twaalf_maanden(db, monkeypatch):
    monkeypatch.delenv("VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN", raising=False)
    assert bewaartermijn_maanden() == 12


def test_grens_precies_twaalf_maanden(rand, monkeypatch):
    monkeypatch.delenv("VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN", raising=False)
    # Just inside: on 28-02-2027 the limit is 28-02-2026, the period ended on (not before) it.
    with time_machine.travel(dt.datetime(2027, 2, 28, 9, 0, tzinfo=dt.UTC), tick=False):
        binnen = ruim_op()
    assert binnen.grens == dt.date(2026, 2, 28)
    assert (binnen.zaken, binnen.signalen) == (0, 0)
    assert all(_bestaat(s) for s in rand.values())
    # Just past: one day later the limit is 01-03-2026; the case and signal without help go.
    with time_machine.travel(dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        voorbij = ruim_op()
    assert voorbij.grens == dt.date(2026, 3, 1)
    assert (voorbij.zaken, voorbij.signalen) == (1, 2)
    assert not _bestaat(rand["zonder"]) and not _bestaat(rand["los"])
    assert not Vroegsignaalzaak.objects.filter(pk=rand["zonder"].zaak_id).exists()
    # The case that led to help stays, with its signal, also long after the term.
    with time_machine.travel(dt.datetime(2030, 1, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        assert ruim_op().zaken == 0
    assert _bestaat(rand["met"])
    assert Vroegsignaalzaak.objects.filter(pk=rand["met"].zaak_id).exists()
