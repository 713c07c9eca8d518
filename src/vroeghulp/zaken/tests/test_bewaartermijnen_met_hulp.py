"""Retention of cases with help but without a schuldhulptraject, and of open cases without
activity (docs/adr/0004-bewaartermijn-hulp-zonder-traject.md), with a frozen clock.

The term: VNG Selectielijst gemeenten en intergemeentelijke organen 2020, result types 21.1
"Verstrekt" (procestype 21 Adviseren: vernietigen, procestermijn nihil, bewaartermijn 5 jaar) and
8.1.9 "Verstrekt – Schuldhulpverlening" (5 jaar), counted from the last activity on the case.
With today D the limit is D minus 5 years (60 months); a case whose last activity lies before
the limit goes, one whose last activity is on the limit stays that day. By hand (all work at
09:00 Amsterdam time; every case matched on Monday 2 February 2026, period ending that day):

- "advies" (closed "(Budget)advies en/of quick fix"), "verwijzing" (closed "Verwijzing zonder
  tussenkomst inwoner") and "stil_open" (picked up, one contact attempt not reached, still open):
  last activity Saturday 14 March 2026. On 13 March 2031 the limit is 13 March 2026 and on 14
  March 2031 it is 14 March 2026: not before it, they stay (five years up to and including 14
  March 2031). On 15 March 2031 the limit is 15 March 2026: 14 March is before it, they go.
- "notitie" (closed "Vervolghulp en/of verwijzing niet financieel" on 14 March, a note added on
  Sunday 15 March 2026), "nieuw_signaal" (open, a second signal received 15 March 2026) and
  "toegewezen" (open, picked up 14 March, assigned to a colleague 15 March 2026): last activity
  15 March; they stay on 15 March 2031 and go on 16 March 2031.
- "geen_hulp" (closed "Definitief geen contact kunnen krijgen"): the 12-month rule of ADR 0001,
  not this one; "traject" (schuldhulp started from it on 14 March 2026, still aanmelding) and
  "regelt_zelf_met_traject" (closed "regelt het zelf", then a traject from it): the traject's rule
  (ADR 0003). This rule never touches them.
"""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import workflow as schuldhulp_workflow
from vroeghulp.schuldhulp.models import Traject
from vroeghulp.schuldhulp.tests.factories import inwoner_in
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.signalering.tellingen import AnoniemeTelling, Soort
from vroeghulp.zaken import workflow
from vroeghulp.zaken.bewaartermijnen import (
    DOEL_MET_HULP, bewaartermijn_met_hulp_jaren, ruim_op, ruim_op_met_hulp,
)
from vroeghulp.zaken.models import (
    Contactpoging, Contactsoort, Eindresultaat as E, Notitie, Statuswijziging, Vroegsignaalzaak, Zaakstatus,
)
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

AMS = ZoneInfo("Europe/Amsterdam")
EERST = ("advies", "verwijzing", "stil_open")  # last activity 14 March 2026
DAARNA = ("notitie", "nieuw_signaal", "toegewezen")  # last activity 15 March 2026
NOOIT = ("geen_hulp", "traject", "regelt_zelf_met_traject")


def op(jaar, maand, dag):
    return time_machine.travel(dt.datetime(jaar, maand, dag, 9, 0, tzinfo=AMS), tick=False)


@pytest.fixture(autouse=True)
def standaardtermijnen(monkeypatch):
    for naam in ("VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN", "VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN"):
        monkeypatch.delenv(naam, raising=False)


@pytest.fixture
def zaken(consulent, teamleider, wijk_overvecht):
    """The cases of the module docstring, each with one signal (two for "nieuw_signaal"),
    worked on through the workflow so every history row has its real time."""
    with op(2026, 2, 2):
        z = {naam: ZaakFactory(inwoner=inwoner_in(wijk_overvecht)) for naam in EERST + DAARNA + NOOIT}
        for zaak in z.values():
            SignaalFactory(zaak=zaak, signaaldatum=dt.date(2026, 2, 2))
    with op(2026, 3, 14):
        for naam in ("advies", "notitie", "geen_hulp", "traject", "regelt_zelf_met_traject", "verwijzing",
                     "stil_open", "toegewezen"):
            workflow.oppakken(z[naam], door=consulent)
        for naam, resultaat in (("advies", E.BUDGETADVIES), ("notitie", E.VERVOLGHULP_NIET_FINANCIEEL),
                                ("regelt_zelf_met_traject", E.REGELT_ZELF)):
            workflow.contact_gelegd(z[naam], door=consulent)
            workflow.afronden(z[naam], door=consulent, resultaat=resultaat)
        workflow.afronden(z["verwijzing"], door=consulent, resultaat=E.VERWIJZING_ZONDER_INWONER)
        workflow.afronden(z["geen_hulp"], door=consulent, resultaat=E.GEEN_CONTACT)
        workflow.registreer_contactpoging(z["stil_open"], door=consulent, soort=Contactsoort.TELEFOON,
                                          datum=dt.date(2026, 3, 14), bereikt=False)
        schuldhulp_workflow.start_vanuit_zaak(z["traject"].pk, door=consulent)
        # a closed case keeps its result when a traject starts from it
        schuldhulp_workflow.start_vanuit_zaak(z["regelt_zelf_met_traject"].pk, door=consulent)
    with op(2026, 3, 15):
        workflow.notitie_toevoegen(z["notitie"], door=consulent, tekst="Inwoner belde: verwijzing loopt.")
        SignaalFactory(zaak=z["nieuw_signaal"], signaaldatum=dt.date(2026, 2, 2))
        assert workflow.toewijzen([z["toegewezen"]], aan=teamleider, door=consulent) == 1
    return {naam: Vroegsignaalzaak.objects.get(pk=zaak.pk) for naam, zaak in z.items()}


def _bestaan(zaken):
    return {naam for naam, zaak in zaken.items() if Vroegsignaalzaak.objects.filter(pk=zaak.pk).exists()}


def test_situatie_klopt(zaken):
    status = {naam: (zaak.status, zaak.resultaat) for naam, zaak in zaken.items()}
    assert status == {
        "advies": (Zaakstatus.AFGEROND, E.BUDGETADVIES),
        "verwijzing": (Zaakstatus.AFGEROND, E.VERWIJZING_ZONDER_INWONER),
        "stil_open": (Zaakstatus.OPGEPAKT, ""),
        "notitie": (Zaakstatus.AFGEROND, E.VERVOLGHULP_NIET_FINANCIEEL),
        "nieuw_signaal": (Zaakstatus.NIEUW, ""),
        "toegewezen": (Zaakstatus.OPGEPAKT, ""),
        "geen_hulp": (Zaakstatus.AFGEROND, E.GEEN_CONTACT),
        "traject": (Zaakstatus.AFGEROND, E.VERVOLGHULP_FINANCIEEL),
        "regelt_zelf_met_traject": (Zaakstatus.AFGEROND, E.REGELT_ZELF),
    }
    assert zaken["advies"].datum_afgerond == dt.date(2026, 3, 14)
    assert Traject.objects.filter(zaak_id=zaken["traject"].pk).count() == 1
    assert Traject.objects.filter(zaak_id=zaken["regelt_zelf_met_traject"].pk).count() == 1
    assert Vroegsignaal.objects.filter(zaak_id=zaken["nieuw_signaal"].pk).count() == 2


def test_standaard_is_vijf_jaar(db):
    assert bewaartermijn_met_hulp_jaren() == 5


@pytest.mark.parametrize("dag", [13, 14])
def test_tot_en_met_de_grens_blijft_alles(zaken, dag):
    with op(2031, 3, dag):
        resultaat = ruim_op_met_hulp()
    assert resultaat.grens == dt.date(2026, 3, dag)
    assert (resultaat.zaken, resultaat.signalen, resultaat.waarvan_open) == (0, 0, 0)
    assert _bestaan(zaken) == set(zaken)
    assert not AuditEvent.objects.filter(actie=Actie.VERWIJDEREN).exists()
    assert not AnoniemeTelling.objects.exists()


def test_de_dag_na_de_grens_gaan_zaak_geschiedenis_en_signalen(zaken, wijk_overvecht):
    weg = [zaken[naam].pk for naam in EERST]
    signalen = list(Vroegsignaal.objects.filter(zaak_id__in=weg).values_list("id", flat=True))
    assert len(signalen) == 3
    with op(2031, 3, 15):
        resultaat = ruim_op_met_hulp()
    assert resultaat.grens == dt.date(2026, 3, 15)
    assert (resultaat.zaken, resultaat.signalen, resultaat.waarvan_open) == (3, 3, 1)
    assert _bestaan(zaken) == set(DAARNA + NOOIT)
    assert not Vroegsignaal.objects.filter(id__in=signalen).exists()
    for model in (Statuswijziging, Contactpoging, Notitie):
        assert not model.objects.filter(zaak_id__in=weg).exists(), model
    # the cases are counted first, per month of the matching period (February 2026) and outcome
    cellen = {(t.periode, t.uitkomst, t.wijk_id): t.aantal for t in AnoniemeTelling.objects.filter(soort=Soort.ZAAK)}
    assert cellen == {(dt.date(2026, 2, 1), E.BUDGETADVIES.value, wijk_overvecht.pk): 1,
                      (dt.date(2026, 2, 1), E.VERWIJZING_ZONDER_INWONER.value, wijk_overvecht.pk): 1,
                      (dt.date(2026, 2, 1), "", wijk_overvecht.pk): 1}
    signaalcellen = AnoniemeTelling.objects.filter(soort=Soort.SIGNAAL)
    assert {t.periode for t in signaalcellen} == {dt.date(2026, 2, 1)}
    assert sum(t.aantal for t in signaalcellen) == 3
    # audit: one event per kind, counts only, no person
    events = AuditEvent.objects.filter(actie=Actie.VERWIJDEREN)
    assert {(e.object_type, e.aantal, e.doel) for e in events} == {
        ("signalering.Vroegsignaal", 3, DOEL_MET_HULP), ("zaken.Vroegsignaalzaak", 3, DOEL_MET_HULP)}
    assert all(e.persoon_id is None and e.object_id in (None, "") for e in events)
    # one day later the cases whose last activity was 15 March go
    with op(2031, 3, 16):
        later = ruim_op_met_hulp()
    assert (later.zaken, later.signalen, later.waarvan_open) == (3, 4, 2)
    assert _bestaan(zaken) == set(NOOIT)


def test_nooit_een_zaak_van_een_andere_regel(zaken):
    """Long after every term, this rule leaves the case without help (ADR 0001's) and the cases
    with a traject (ADR 0003's), with their signals; the trajecten keep their case."""
    with op(2040, 1, 1):
        ruim_op_met_hulp()
    assert _bestaan(zaken) == set(NOOIT)
    for naam in NOOIT:
        assert Vroegsignaal.objects.filter(zaak_id=zaken[naam].pk).count() == 1, naam
    assert set(Traject.objects.values_list("zaak_id", flat=True)) == {
        zaken["traject"].pk, zaken["regelt_zelf_met_traject"].pk}


def test_de_regel_zonder_hulp_laat_een_zaak_met_traject_staan(zaken):
    """"regelt_zelf_met_traject" has a result without help but a running traject: the 12-month
    rule removes "geen_hulp" (closed 14 March 2026; on 15 March 2027 the limit is 15 March 2026),
    not the case the traject refers to."""
    with op(2027, 3, 15):
        resultaat = ruim_op()
    assert resultaat.grens == dt.date(2026, 3, 15)
    assert resultaat.zaken == 1
    assert not Vroegsignaalzaak.objects.filter(pk=zaken["geen_hulp"].pk).exists()
    assert Vroegsignaalzaak.objects.filter(pk=zaken["regelt_zelf_met_traject"].pk).exists()
    assert Traject.objects.get(zaak_id=zaken["regelt_zelf_met_traject"].pk)


def test_proef_verwijdert_niets(zaken):
    with op(2031, 3, 15):
        resultaat = ruim_op_met_hulp(proef=True)
    assert (resultaat.zaken, resultaat.signalen, resultaat.waarvan_open) == (3, 3, 1)
    assert _bestaan(zaken) == set(zaken)
    assert not AnoniemeTelling.objects.exists()
    assert not AuditEvent.objects.filter(actie=Actie.VERWIJDEREN).exists()


def test_termijn_instelbaar_en_gecontroleerd(zaken, settings):
    settings.VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN = 6
    with op(2031, 3, 15):
        assert ruim_op_met_hulp().zaken == 0
    with op(2032, 3, 15):  # limit 15 March 2026
        assert ruim_op_met_hulp().zaken == 3
    settings.VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN = 0
    with pytest.raises(ImproperlyConfigured, match="minstens 1"):
        bewaartermijn_met_hulp_jaren()
    settings.VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN = 1
    settings.VROEGHULP_BEWAARTERMIJN_GEEN_HULP_MAANDEN = 18
    with pytest.raises(ImproperlyConfigured, match="nooit eerder weg"):
        bewaartermijn_met_hulp_jaren()
    settings.VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN = "vijf"
    with pytest.raises(ImproperlyConfigured, match="geheel getal"):
        bewaartermijn_met_hulp_jaren()


def test_commando(zaken):
    uit = StringIO()
    with op(2031, 3, 15):
        call_command("bewaartermijnen", "--proef", stdout=uit)
    assert ("(bewaartermijn 5 jaar na de laatste activiteit, vóór 15-03-2026): 3 zaken (waarvan 1 open) "
            "met 3 signalen zouden worden verwijderd.") in uit.getvalue()
    assert _bestaan(zaken) == set(zaken)
    uit = StringIO()
    with op(2031, 3, 15):
        call_command("bewaartermijnen", stdout=uit)
    tekst = uit.getvalue()
    # ADR 0001's rule first: "geen_hulp" (1 case, 1 signal); then this one; then schuldhulp's
    assert "Bewaartermijn 12 maanden (vóór 15-03-2030): 1 signalen en 1 zaken verwijderd" in tekst
    assert ("Zaken met hulp zonder schuldhulptraject en open zaken: bewaartermijn 5 jaar na de laatste "
            "activiteit (vóór 15-03-2026): 3 zaken (waarvan 1 open) met 3 signalen verwijderd.") in tekst
    assert "Schuldhulp: bewaartermijn 5 jaar" in tekst
    assert _bestaan(zaken) == set(DAARNA) | {"traject", "regelt_zelf_met_traject"}


def test_commando_met_onbruikbare_termijn_stopt_met_code_2_voor_er_iets_weg_is(zaken, settings):
    settings.VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN = 0
    with op(2031, 3, 15), pytest.raises(CommandError) as fout:
        call_command("bewaartermijnen", stdout=StringIO())
    assert fout.value.returncode == 2
    assert "VROEGHULP_BEWAARTERMIJN_HULP_ZONDER_TRAJECT_JAREN moet minstens 1 zijn" in str(fout.value)
    assert _bestaan(zaken) == set(zaken)  # not even the 12-month rule ran
