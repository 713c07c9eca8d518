"""``vroeghulp monitor bijwerken``: the cells hold what a person counts by hand from the cases."""

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from vroeghulp.monitor.bijwerken import bijwerken, perioden
from vroeghulp.monitor.models import Contactcel, Maat, Monitorcel, Niveau
from vroeghulp.monitor.stappen import Duur, Stap
from vroeghulp.signalering.models import PartnerType
from vroeghulp.zaken.models import Contactpoging, Eindresultaat, Matchsoort
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory


@pytest.fixture
def maart(inwoner_overvecht):
    """Two cases open in March 2025 in Overvecht (buurt Zambesidreef), one closed in February."""
    energie = SignaalpartnerFactory(code="energie", type=PartnerType.ENERGIE)
    huur = SignaalpartnerFactory(code="huur", naam="Woonstad", type=PartnerType.HUUR)
    a = ZaakFactory(inwoner=inwoner_overvecht, matchingsdatum=date(2025, 3, 3), datum_opgepakt=date(2025, 3, 5),
                    datum_hulp_aangeboden=date(2025, 3, 10), datum_afgerond=date(2025, 3, 20),
                    resultaat=Eindresultaat.BUDGETADVIES, status="afgerond")
    SignaalFactory(zaak=a, partner=energie, signaaldatum=date(2025, 3, 1))
    Contactpoging.objects.create(zaak=a, soort="Telefoon", datum=date(2025, 3, 6), dagdeel="Ochtend", bereikt=True)
    b = ZaakFactory(inwoner=inwoner_overvecht, matchingsdatum=date(2025, 3, 10), matchsoort=Matchsoort.MEERVOUDIG,
                    datum_opgepakt=date(2025, 3, 11), datum_afgerond=date(2025, 3, 25),
                    resultaat=Eindresultaat.GEEN_CONTACT, status="afgerond")
    SignaalFactory(zaak=b, partner=energie, signaaldatum=date(2025, 3, 5))
    SignaalFactory(zaak=b, partner=huur, signaaldatum=date(2025, 3, 5))
    Contactpoging.objects.create(zaak=b, soort="Brief", datum=date(2025, 3, 12), dagdeel="Middag", bereikt=False)
    c = ZaakFactory(inwoner=inwoner_overvecht, matchingsdatum=date(2025, 2, 10), datum_afgerond=date(2025, 2, 20),
                    resultaat=Eindresultaat.ONTERECHT, status="niet_opgepakt")
    SignaalFactory(zaak=c, partner=energie, signaaldatum=date(2025, 2, 8))
    return inwoner_overvecht.huishouden.adres.buurt


def _cellen(soort="maand", periode=date(2025, 3, 1), niveau=Niveau.WIJK, partnertype="", maat=Maat.TRECHTER):
    return {c.waarde: (c.aantal, c.dagen) for c in Monitorcel.objects.filter(
        periodesoort=soort, periode=periode, niveau=niveau, partnertype=partnertype, maat=maat)}


@pytest.mark.django_db
def test_the_funnel_of_march_counted_by_hand(maart, wijk_overvecht):
    bijwerken(alles=True, vandaag=date(2025, 4, 15))
    trechter = _cellen()
    # signals dated in March: a's one and b's two (c's is of February)
    assert trechter[Stap.SIGNALEN] == (3, 0)
    # cases open on a day of March: a and b (c was closed on 20 February)
    assert trechter[Stap.ZAKEN] == (2, 0)
    assert trechter[Stap.ENKELVOUDIG] == (1, 0) and trechter[Stap.MEERVOUDIG] == (1, 0)
    assert Stap.OPEENVOLGEND not in trechter  # zero cells are not stored
    assert trechter[Stap.OPGEPAKT] == (2, 0)
    assert trechter[Stap.CONTACT] == (1, 0)  # only a's attempt reached the resident
    assert trechter[Stap.AANGEBODEN] == (1, 0) and trechter[Stap.AANVAARD] == (1, 0)
    duur = _cellen(maat=Maat.DUUR)
    # first attempt: a 6-3 = 3 days, b 12-10 = 2 days; result: a 20-3 = 17, b 25-10 = 15
    assert duur[Duur.EERSTE_POGING] == (2, 5)
    assert duur[Duur.RESULTAAT] == (2, 32)
    assert _cellen(maat=Maat.RESULTAAT) == {Eindresultaat.BUDGETADVIES: (1, 0), Eindresultaat.GEEN_CONTACT: (1, 0)}
    contact = {(c.soort, c.dagdeel): (c.pogingen, c.bereikt) for c in Contactcel.objects.filter(
        periodesoort="maand", periode=date(2025, 3, 1), niveau=Niveau.WIJK, partnertype="")}
    assert contact == {("Telefoon", "Ochtend"): (1, 1), ("Brief", "Middag"): (1, 0)}
    # per partner type: b has an energy and a rent signal, so it counts under both
    assert _cellen(partnertype="Huur")[Stap.SIGNALEN] == (1, 0)
    assert _cellen(partnertype="Huur")[Stap.ZAKEN] == (1, 0)
    assert _cellen(partnertype="Energie")[Stap.ZAKEN] == (2, 0)
    # the buurt level holds the same cases in their buurt, the wijk level no buurt
    assert {c.buurt_id for c in Monitorcel.objects.filter(niveau=Niveau.BUURT)} == {maart.id}
    assert {c.wijk_id for c in Monitorcel.objects.filter(niveau=Niveau.WIJK)} == {wijk_overvecht.id}
    # the first quarter: a, b and c were open on a day of it; four signals
    kwartaal = _cellen(soort="kwartaal", periode=date(2025, 1, 1))
    assert kwartaal[Stap.ZAKEN] == (3, 0) and kwartaal[Stap.SIGNALEN] == (4, 0)


@pytest.mark.django_db
def test_a_nightly_run_keeps_the_periods_that_ended(maart):
    bijwerken(alles=True, vandaag=date(2025, 4, 15))
    februari = _cellen(periode=date(2025, 2, 1))
    assert februari[Stap.ZAKEN] == (1, 0)
    bijwerken(vandaag=date(2025, 6, 2))  # counts May and June again, not February
    assert _cellen(periode=date(2025, 2, 1)) == februari


def test_periods_ending_on_or_after_the_start():
    lijst = perioden(date(2025, 5, 1), date(2025, 6, 2))
    assert [(p.soort, p.van, p.tot) for p in lijst] == [
        ("maand", date(2025, 5, 1), date(2025, 5, 31)), ("maand", date(2025, 6, 1), date(2025, 6, 30)),
        ("kwartaal", date(2025, 4, 1), date(2025, 6, 30)), ("jaar", date(2025, 1, 1), date(2025, 12, 31)),
    ]


@pytest.mark.django_db
def test_the_command_refuses_a_bad_date_in_dutch():
    with pytest.raises(CommandError, match="--vanaf: '2025-13-01' is geen datum") as fout:
        call_command("monitor_bijwerken", vanaf="2025-13-01")
    assert fout.value.returncode == 2


@pytest.mark.django_db
def test_relapse_a_new_signal_within_a_year_after_leaving_debt_free(inwoner_overvecht, inwoner_zuid):
    from vroeghulp.schuldhulp.models import Traject

    for inwoner, uit in ((inwoner_overvecht, date(2025, 1, 10)), (inwoner_zuid, date(2025, 1, 20))):
        Traject.objects.create(inwoner=inwoner, huishouden=inwoner.huishouden, wijk=inwoner.huishouden.adres.buurt.wijk,
                               aanmeldingswijze="inloop", aanmelddatum=date(2024, 3, 1), fase="uitstroom",
                               eerste_gesprek_uiterlijk=date(2024, 3, 6), uitstroom_datum=uit, uitstroom_reden="Afgerond")
    # Overvecht: a new signal 142 days after the uitstroom (within 365); Zuid: 377 days after (not)
    SignaalFactory(zaak=None, inwoner=inwoner_overvecht, signaaldatum=date(2025, 6, 1))
    SignaalFactory(zaak=None, inwoner=inwoner_zuid, signaaldatum=date(2026, 2, 1))
    bijwerken(alles=True, vandaag=date(2026, 3, 1))
    terugval = {(c.wijk_id, c.waarde): c.aantal for c in Monitorcel.objects.filter(
        periodesoort="maand", periode=date(2025, 1, 1), niveau=Niveau.WIJK, partnertype="", maat=Maat.TERUGVAL)}
    overvecht, zuid = inwoner_overvecht.huishouden.adres.buurt.wijk_id, inwoner_zuid.huishouden.adres.buurt.wijk_id
    assert terugval == {(overvecht, "uitgestroomd"): 1, (overvecht, "nieuw_signaal"): 1, (zuid, "uitgestroomd"): 1}


@pytest.mark.django_db
def test_every_traject_of_the_period_next_to_the_funnel(inwoner_overvecht, inwoner_zuid, settings):
    """Trajecten.ALLE counts every traject that ran on a day of the period, however it came in;
    the funnel's step only those from vroegsignalering. Suppressed like the funnel."""
    from vroeghulp.monitor.cijfers import Filter, dashboard
    from vroeghulp.monitor.export import tabellen
    from vroeghulp.monitor.stappen import Trajecten
    from vroeghulp.schuldhulp.models import Traject

    def traject(inwoner, wijze, aanmeld, uit=None):
        Traject.objects.create(inwoner=inwoner, huishouden=inwoner.huishouden, wijk=inwoner.huishouden.adres.buurt.wijk,
                               aanmeldingswijze=wijze, aanmelddatum=aanmeld, eerste_gesprek_uiterlijk=aanmeld,
                               **({"fase": "uitstroom", "uitstroom_datum": uit, "uitstroom_reden": "Afgerond"}
                                  if uit else {}))

    from vroeghulp.schuldhulp.tests.factories import inwoner_in

    wijk = inwoner_overvecht.huishouden.adres.buurt.wijk
    traject(inwoner_in(wijk), "inloop", date(2025, 2, 15))  # walk-in, still running
    traject(inwoner_in(wijk), "vroegsignalering", date(2025, 3, 12))  # from vroegsignalering, March
    traject(inwoner_overvecht, "inloop", date(2025, 1, 5), uit=date(2025, 2, 28))  # left before March
    traject(inwoner_zuid, "verwijzing", date(2025, 3, 1))  # referred, in Zuid
    bijwerken(alles=True, vandaag=date(2025, 4, 15))
    overvecht = inwoner_overvecht.huishouden.adres.buurt.wijk_id
    alle = {(c.periode, c.wijk_id): c.aantal for c in Monitorcel.objects.filter(
        periodesoort="maand", niveau=Niveau.WIJK, partnertype="", maat=Maat.TRECHTER, waarde=Trajecten.ALLE)}
    zuid = inwoner_zuid.huishouden.adres.buurt.wijk_id
    # March: Overvecht the walk-in and the one from vroegsignalering (2), Zuid the referral (1);
    # February: Overvecht the running walk-in and the one that left on 28 February (2)
    assert alle[(date(2025, 3, 1), overvecht)] == 2 and alle[(date(2025, 3, 1), zuid)] == 1
    assert alle[(date(2025, 2, 1), overvecht)] == 2 and (date(2025, 2, 1), zuid) not in alle
    assert _cellen()[Stap.TRAJECT] == (1, 0)  # the funnel: only the one from vroegsignalering
    assert not Monitorcel.objects.filter(waarde=Trajecten.ALLE).exclude(partnertype="").exists()

    settings.VROEGHULP_MONITOR_DREMPEL = 1
    d = dashboard(Filter("maand", date(2025, 3, 1)))
    assert d.alle_trajecten == 3  # 2 + 1 over the gemeente
    assert tabellen(d)["trajecten"].rijen[0][1] == 3
    # threshold 5: 3 is below it, so hidden on the page and in the download
    settings.VROEGHULP_MONITOR_DREMPEL = 5
    d = dashboard(Filter("maand", date(2025, 3, 1)))
    assert d.alle_trajecten is None and tabellen(d)["trajecten"].rijen[0][1] == "x"
    # not per partner type: a walk-in has none
    assert "trajecten" not in tabellen(dashboard(Filter("maand", date(2025, 3, 1), partnertype="Energie")))
