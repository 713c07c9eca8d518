"""Retention of trajecten with a frozen clock (docs/adr/0003-bewaartermijn-schuldhulp.md).

The term: VNG Selectielijst gemeenten en intergemeentelijke organen 2020, result types 8.1.9
"Verstrekt – Schuldhulpverlening" and 8.3.5 "Beëindigd – Schuldhulpverlening": vernietigen,
bewaartermijn 5 jaar, counted from the end of the help (the uitstroom). With today D the limit
is D minus 5 years (60 months); a traject whose uitstroom lies before the limit goes, one on the
limit stays that day. By hand:

- traject "oud": uitstroom Saturday 14 March 2026. On 14 March 2031 the limit is 14 March 2026:
  not before it, it stays. On 15 March 2031 the limit is 15 March 2026: 14 March is before it,
  it goes (its five years, 14 March 2026 up to and including 14 March 2031, have passed).
- traject "later": uitstroom Sunday 15 March 2026: stays on 15 March 2031, goes on 16 March 2031.
- traject "open": still in intake since January 2026: never goes.
"""

import datetime as dt
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import berichten, regeling, schulden, stabilisatie, workflow
from vroeghulp.schuldhulp.bewaartermijnen import bewaartermijn_jaren, ruim_op
from vroeghulp.schuldhulp.models import (
    AnoniemeTrajecttelling, Bericht, Berekening, Berichtsoort, Budgetpost, ChecklistItem, Fase, Fasewijziging,
    MeegenomenSignaal, Moratorium, Reactie, Schuld, Schuldeiser, Traject, Uitstroomreden as U, Voorstel,
    Voorstelregel,
)
from vroeghulp.schuldhulp.tests.factories import inwoner_in, traject_in
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.signalering.tellingen import AnoniemeTelling, Soort
from vroeghulp.zaken import workflow as zaken_workflow
from vroeghulp.zaken.models import Statuswijziging, Vroegsignaalzaak
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

AMS = ZoneInfo("Europe/Amsterdam")
TABELLEN = (Traject, Fasewijziging, MeegenomenSignaal, ChecklistItem, Schuld, Bericht, Budgetpost, Berekening,
            Moratorium, Voorstel, Voorstelregel)


def op(jaar, maand, dag):
    return time_machine.travel(dt.datetime(jaar, maand, dag, 9, 0, tzinfo=AMS), tick=False)


def _rijen(traject_id):
    """Per table the number of rows of this traject (the proposal lines through their proposal)."""
    return {m.__name__: (m.objects.filter(voorstel__traject_id=traject_id) if m is Voorstelregel
                         else m.objects.filter(id=traject_id) if m is Traject
                         else m.objects.filter(traject_id=traject_id)).count() for m in TABELLEN}


def _traject_met_alles(consulent, inwoner):
    """From a case with two signals to a settlement, a debt-free uitstroom on 14 March 2026."""
    with op(2026, 1, 5):
        zaak = ZaakFactory(inwoner=inwoner)
        SignaalFactory(zaak=zaak, bedrag="640.00", signaaldatum=dt.date(2025, 12, 18))
        SignaalFactory(zaak=zaak, bedrag="212.35", signaaldatum=dt.date(2025, 12, 22))
        zaken_workflow.oppakken(zaak, door=consulent)
        t = workflow.start_vanuit_zaak(zaak.pk, door=consulent)
        schulden.toevoegen(t, door=consulent, schuldeiser="CJIB", soort="cjib", bedrag="1340.00")
        workflow.eerste_gesprek(t, door=consulent)
        workflow.stabilisatie_starten(t, door=consulent)
        stabilisatie.post_toevoegen(t.pk, door=consulent, soort="inkomen", omschrijving="Uitkering",
                                    bedrag_per_maand=Decimal("1450.00"))
        stabilisatie.moratorium_registreren(t.pk, door=consulent, soort="pauzeknop", startdatum=dt.date(2026, 1, 5),
                                            einddatum=dt.date(2026, 3, 4))
        ids = list(t.schulden.values_list("id", flat=True))
        kennisgevingen = berichten.verstuur(t.pk, ids, Berichtsoort.KENNISGEVING, door=consulent)
    with op(2026, 1, 20):
        berichten.herinnering_sturen(kennisgevingen[0].pk, door=consulent)
        berichten.reactie_vastleggen(kennisgevingen[1].pk, Reactie.SALDO, door=consulent, saldo=Decimal("650.00"))
        workflow.plan_van_aanpak(t, door=consulent, verwachte_weken=30)
    with op(2026, 2, 2):
        berekening = regeling.afloscapaciteit_invoeren(t.pk, "60.00", "uitkomst vtlb-calculator", door=consulent)
        voorstel = regeling.voorstel_maken(t.pk, "schuldregeling", berekening_id=berekening.pk, door=consulent)
        regeling.versturen(voorstel.pk, consulent)
        workflow.oplossing_starten(t, Fase.SCHULDREGELING, door=consulent)
    with op(2026, 3, 2):
        workflow.nazorg_starten(t, door=consulent)
    with op(2026, 3, 14):
        t = workflow.uitstromen(t, door=consulent, reden=U.AFGEROND)
    return t


@pytest.fixture
def situatie(consulent, wijk_overvecht):
    oud = _traject_met_alles(consulent, inwoner_in(wijk_overvecht))
    with op(2026, 3, 2):
        later = traject_in(Fase.INTAKE, consulent)
        schulden.toevoegen(later, door=consulent, schuldeiser="Eneco", soort="energie", bedrag="410.00")
        berichten.verstuur(later.pk, list(later.schulden.values_list("id", flat=True)), Berichtsoort.SALDOVERZOEK,
                           door=consulent)
    with op(2026, 3, 15):
        later = workflow.uitstromen(later, door=consulent, reden=U.NIET_VERSCHENEN)
    with op(2026, 1, 6):
        open_ = traject_in(Fase.INTAKE, consulent)
        stabilisatie.post_toevoegen(open_.pk, door=consulent, soort="vaste_last", omschrijving="Huur",
                                    bedrag_per_maand=Decimal("720.00"))
    return {"oud": oud, "later": later, "open": open_}


def test_situatie(situatie):
    """What the traject "oud" holds, counted by hand: two signals carried over and one CJIB debt
    (3 debts); 3 kennisgevingen, 1 herinnering, 3 betalingsvoorstellen (7 messages); the steps
    aanmelding, intake, stabilisatie, plan van aanpak, schuldregeling, nazorg, uitstroom (7)."""
    oud = situatie["oud"]
    assert (oud.fase, oud.uitstroom_datum) == (Fase.UITSTROOM, dt.date(2026, 3, 14))
    assert _rijen(oud.pk) == {"Traject": 1, "Fasewijziging": 7, "MeegenomenSignaal": 2, "ChecklistItem": 7,
                              "Schuld": 3, "Bericht": 7, "Budgetpost": 1, "Berekening": 1, "Moratorium": 1,
                              "Voorstel": 1, "Voorstelregel": 3}
    assert Vroegsignaalzaak.objects.get(pk=oud.zaak_id).resultaat == "Vervolghulp en/of verwijzing financieel"
    assert situatie["later"].uitstroom_datum == dt.date(2026, 3, 15)


def test_just_before_the_term_nothing_goes(situatie):
    voor = {naam: _rijen(t.pk) for naam, t in situatie.items()}
    with op(2031, 3, 14):
        resultaat = ruim_op()
    assert resultaat.grens == dt.date(2026, 3, 14)
    assert (resultaat.trajecten, resultaat.zaken, resultaat.signalen) == (0, 0, 0)
    assert {naam: _rijen(t.pk) for naam, t in situatie.items()} == voor
    assert not AuditEvent.objects.filter(actie=Actie.VERWIJDEREN).exists()
    assert not AnoniemeTrajecttelling.objects.exists()


def test_just_after_the_term_the_traject_goes_with_everything_and_nothing_else(situatie, wijk_overvecht):
    oud, later, open_ = situatie["oud"], situatie["later"], situatie["open"]
    zaak_id = oud.zaak_id
    signalen = list(Vroegsignaal.objects.filter(zaak_id=zaak_id).values_list("id", flat=True))
    anderen = {naam: _rijen(t.pk) for naam, t in situatie.items() if naam != "oud"}
    schuldeisers = Schuldeiser.objects.count()
    with op(2031, 3, 15):
        resultaat = ruim_op()
    assert resultaat.grens == dt.date(2026, 3, 15)
    assert (resultaat.trajecten, resultaat.schulden, resultaat.berichten) == (1, 3, 7)
    assert (resultaat.zaken, resultaat.signalen) == (1, 2)
    assert resultaat.nog_open == 1  # "open", aangemeld 6 January 2026, still runs
    assert set(_rijen(oud.pk).values()) == {0}  # every table of the traject is empty for it
    assert not Vroegsignaalzaak.objects.filter(pk=zaak_id).exists()
    assert not Statuswijziging.objects.filter(zaak_id=zaak_id).exists()
    assert not Vroegsignaal.objects.filter(id__in=signalen).exists()
    # the other trajecten are untouched, and the creditors' address book stays
    assert {naam: _rijen(t.pk) for naam, t in situatie.items() if naam != "oud"} == anderen
    assert Schuldeiser.objects.count() == schuldeisers
    # one anonymous cell: March 2026, Overvecht, from vroegsignalering, stabilised, schuldbemiddeling, afgerond
    assert list(AnoniemeTrajecttelling.objects.values_list(
        "periode", "wijk_id", "aanmeldingswijze", "crisis", "stabilisatie", "oplossingssoort", "doorverwijzing",
        "uitstroom_reden", "aantal")) == [
        (dt.date(2026, 3, 1), wijk_overvecht.pk, "vroegsignalering", False, True, "Schuldbemiddeling", "", "Afgerond", 1)]
    # the case and its signals are counted too, as zaken's own retention does
    assert sum(AnoniemeTelling.objects.filter(soort=Soort.ZAAK).values_list("aantal", flat=True)) == 1
    assert sum(AnoniemeTelling.objects.filter(soort=Soort.SIGNAAL).values_list("aantal", flat=True)) == 2
    # audit: counts per kind, no person
    verwijderd = {(e.object_type, e.aantal) for e in AuditEvent.objects.filter(actie=Actie.VERWIJDEREN)}
    assert verwijderd == {("schuldhulp.Traject", 1), ("schuldhulp.Schuld", 3), ("schuldhulp.Bericht", 7),
                          ("zaken.Vroegsignaalzaak", 1), ("signalering.Vroegsignaal", 2)}
    assert not AuditEvent.objects.filter(actie=Actie.VERWIJDEREN, persoon_id__isnull=False).exists()
    # a day later "later" goes too; "open" never
    with op(2031, 3, 16):
        assert ruim_op().trajecten == 1
    assert not Traject.objects.filter(pk=later.pk).exists()
    with op(2045, 1, 1):
        assert ruim_op().trajecten == 0
    assert Traject.objects.filter(pk=open_.pk).exists()
    assert AnoniemeTrajecttelling.objects.get(uitstroom_reden="Nietverschenen").aantal == 1


def test_proef_counts_and_deletes_nothing(situatie):
    with op(2031, 3, 15):
        resultaat = ruim_op(proef=True)
    assert (resultaat.trajecten, resultaat.zaken, resultaat.signalen) == (1, 1, 2)
    assert _rijen(situatie["oud"].pk)["Traject"] == 1
    assert Vroegsignaalzaak.objects.filter(pk=situatie["oud"].zaak_id).exists()
    assert not AnoniemeTrajecttelling.objects.exists() and not AnoniemeTelling.objects.exists()
    assert not AuditEvent.objects.filter(actie=Actie.VERWIJDEREN).exists()


def test_a_case_stays_while_another_traject_of_it_stays(consulent, wijk_overvecht):
    """Resident came back from the same (closed) case: the first traject goes, the case stays
    with the second, which ran out later."""
    inwoner = inwoner_in(wijk_overvecht)
    with op(2026, 1, 5):
        zaak = ZaakFactory(inwoner=inwoner)
        SignaalFactory(zaak=zaak, bedrag="300.00", signaaldatum=dt.date(2025, 12, 18))
        zaken_workflow.oppakken(zaak, door=consulent)
        eerste = workflow.start_vanuit_zaak(zaak.pk, door=consulent)
        workflow.uitstromen(eerste, door=consulent, reden=U.NIET_VERSCHENEN)
    with op(2026, 6, 1):
        tweede = workflow.start_vanuit_zaak(zaak.pk, door=consulent)
        workflow.uitstromen(tweede, door=consulent, reden=U.INGETROKKEN)
    with op(2031, 1, 6):  # limit 6 January 2026: the first (5 January) goes, the second (1 June) stays
        resultaat = ruim_op()
    assert (resultaat.trajecten, resultaat.zaken, resultaat.signalen) == (1, 0, 0)
    assert list(Traject.objects.filter(zaak_id=zaak.pk).values_list("id", flat=True)) == [tweede.pk]
    assert Vroegsignaal.objects.filter(zaak_id=zaak.pk).count() == 1
    with op(2031, 6, 2):  # limit 2 June 2026: now the case goes with its last traject
        resultaat = ruim_op()
    assert (resultaat.trajecten, resultaat.zaken, resultaat.signalen) == (1, 1, 1)
    assert not Vroegsignaalzaak.objects.filter(pk=zaak.pk).exists()


def test_the_term_is_a_setting_with_a_minimum(situatie, settings, monkeypatch):
    monkeypatch.delenv("VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN", raising=False)
    assert bewaartermijn_jaren() == 5
    settings.VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN = 1
    with op(2027, 3, 14):  # one year: limit 14 March 2026, "oud" ends on it and stays
        assert ruim_op().trajecten == 0
    with op(2027, 3, 15):
        assert ruim_op().trajecten == 1
    settings.VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN = 0
    with pytest.raises(ImproperlyConfigured, match="minstens 1"):
        bewaartermijn_jaren()
    settings.VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN = "vijf"
    with pytest.raises(ImproperlyConfigured, match="VROEGHULP_BEWAARTERMIJN_SCHULDHULP_JAREN moet een geheel getal"):
        bewaartermijn_jaren()


def test_vroeghulp_bewaartermijnen_runs_the_schuldhulp_rule(situatie):
    uit = StringIO()
    with op(2031, 3, 15):
        call_command("bewaartermijnen", "--proef", stdout=uit)
    assert ("Proef schuldhulp (bewaartermijn 5 jaar na de uitstroom, vóór 15-03-2026): 1 trajecten en "
            "1 vroegsignaalzaken met 2 signalen zouden worden verwijderd.") in uit.getvalue()
    assert Traject.objects.filter(pk=situatie["oud"].pk).exists()
    uit = StringIO()
    with op(2031, 3, 15):
        call_command("bewaartermijnen", stdout=uit)
    tekst = uit.getvalue()
    assert "Bewaartermijn 12 maanden (vóór 15-03-2030)" in tekst  # zaken's own rule ran first
    assert ("Schuldhulp: bewaartermijn 5 jaar na de uitstroom (vóór 15-03-2026): 1 trajecten met hun schulden, "
            "berichten, budget en voorstellen verwijderd, en 1 vroegsignaalzaken met 2 signalen.") in tekst
    assert "1 trajecten van vóór die datum lopen nog en blijven bewaard." in tekst
    assert not Traject.objects.filter(pk=situatie["oud"].pk).exists()
