"""The traject workflow: exhaustive transition test, history, DDAS dates, deadlines, access."""

import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import (
    Aanmeldingswijze, Bedreiging, Beschikkingssoort, ChecklistItem, Doorverwijzing, Fase as F, Fasewijziging,
    HistorieOnveranderlijk, Oplossingssoort, Traject, Uitstroomreden as U,
)
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.zaken import workflow as zaken_workflow
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory

DAG = datetime.timedelta(days=1)


def _extra(van, naar):
    """Valid input for the step, so only the transition table decides."""
    overgang = workflow.TABEL.get((van, naar))
    if naar == F.UITSTROOM:
        return {"reden": overgang.redenen[0] if overgang else U.INGETROKKEN}
    if naar == F.DOORVERWIJZING:
        return {"reden": Doorverwijzing.BESCHERMINGSBEWIND}
    if naar == F.PLAN_VAN_AANPAK:
        return {"verwachte_weken": 30}
    return {}


@pytest.mark.parametrize("van,naar", list(itertools.product(F.values, F.values)))
def test_every_pair_allowed_or_refused(consulent, van, naar):
    traject = traject_in(van, consulent)
    voor = Fasewijziging.objects.filter(traject=traject).count()
    audit_voor = AuditEvent.objects.filter(actie=Actie.WIJZIGEN, object_id=str(traject.pk)).count()
    if (van, naar) in workflow.TABEL:
        workflow.overgang(traject, naar, door=consulent, **_extra(van, naar))
        traject.refresh_from_db()
        assert traject.fase == naar
        laatste = Fasewijziging.objects.filter(traject=traject).last()
        assert (laatste.van, laatste.naar, laatste.door, laatste.datum) == (van, naar, consulent, timezone.localdate())
        assert Fasewijziging.objects.filter(traject=traject).count() == voor + 1
        assert AuditEvent.objects.filter(actie=Actie.WIJZIGEN, object_id=str(traject.pk)).count() == audit_voor + 1
    else:
        with pytest.raises(workflow.OvergangNietToegestaan) as fout:
            workflow.overgang(traject, naar, door=consulent, **_extra(van, naar))
        assert "kan niet" in fout.value.melding
        traject.refresh_from_db()
        assert traject.fase == van
        assert Fasewijziging.objects.filter(traject=traject).count() == voor


def test_the_table_has_the_phases_of_the_issue():
    # uitstroom is the only end; every phase can be left towards it; aanmelding cannot be re-entered
    assert {o.van for o in workflow.OVERGANGEN} == set(F.values) - {F.UITSTROOM}
    assert all((fase, F.UITSTROOM) in workflow.TABEL for fase in F.values if fase != F.UITSTROOM)
    assert not any(o.naar == F.AANMELDING for o in workflow.OVERGANGEN)


def test_all_nine_ddas_reasons_reachable_and_afgerond_only_after_a_solution(consulent):
    assert {r for o in workflow.OVERGANGEN for r in o.redenen} == set(U.values) and len(U.values) == 9
    traject = traject_in(F.INTAKE, consulent)
    with pytest.raises(workflow.OngeldigeInvoer, match="reden"):
        workflow.uitstromen(traject, door=consulent, reden=U.AFGEROND)
    traject = traject_in(F.NAZORG, consulent)
    traject = workflow.uitstromen(traject, door=consulent, reden=U.AFGEROND)
    assert (traject.uitstroom_reden, traject.uitstroom_datum) == (U.AFGEROND, timezone.localdate())


def test_ddas_dates_along_the_whole_route(consulent):
    d = datetime.date(2026, 3, 2)
    traject = traject_in(F.AANMELDING, consulent, aanmelddatum=d)
    workflow.eerste_gesprek(traject, door=consulent, datum=d + 7 * DAG, verwachte_weken=40)
    workflow.stabilisatie_starten(traject, door=consulent, datum=d + 10 * DAG)
    workflow.plan_van_aanpak(traject, door=consulent, datum=d + 30 * DAG)
    workflow.oplossing_starten(traject, F.SCHULDREGELING, door=consulent, soort=Oplossingssoort.NUL_AANBOD,
                               datum=d + 60 * DAG)
    workflow.nazorg_starten(traject, door=consulent, datum=d + 200 * DAG)
    workflow.uitstromen(traject, door=consulent, reden=U.AFGEROND, datum=d + 250 * DAG)
    t = Traject.objects.get(pk=traject.pk)
    assert (t.aanmelddatum, t.aanmelding_einddatum, t.datum_eerste_gesprek) == (d, d + 7 * DAG, d + 7 * DAG)
    assert (t.intake_einddatum, t.stabilisatie_startdatum, t.stabilisatie_einddatum) == (d + 10 * DAG, d + 10 * DAG, d + 30 * DAG)
    assert (t.beschikkingsdatum, t.beschikkingssoort, t.plan_van_aanpak_datum) == (d + 30 * DAG, Beschikkingssoort.TOELATING, d + 30 * DAG)
    assert (t.oplossingssoort, t.oplossing_startdatum, t.oplossing_einddatum) == ("0%-aanbod", d + 60 * DAG, d + 200 * DAG)
    assert (t.nazorg_startdatum, t.nazorg_einddatum, t.uitstroom_datum) == (d + 200 * DAG, d + 250 * DAG, d + 250 * DAG)
    assert t.verwachte_weken == 40 and t.deadline is None
    assert list(t.fasewijzigingen.values_list("naar", flat=True)) == [
        F.AANMELDING, F.INTAKE, F.STABILISATIE, F.PLAN_VAN_AANPAK, F.SCHULDREGELING, F.NAZORG, F.UITSTROOM]


def test_refusal_after_intake_is_an_afwijzingsbeschikking(consulent):
    traject = traject_in(F.INTAKE, consulent)
    traject = workflow.uitstromen(traject, door=consulent, reden=U.NIET_PASSEND, afwijzing=True)
    assert (traject.beschikkingssoort, traject.beschikkingsdatum) == (Beschikkingssoort.AFWIJZING, timezone.localdate())
    with pytest.raises(workflow.OngeldigeInvoer, match="afwijzing"):
        workflow.uitstromen(traject_in(F.AANMELDING, consulent), door=consulent, reden=U.INGETROKKEN, afwijzing=True)


def test_deadlines_follow_the_phase(consulent):
    d = datetime.date(2026, 2, 2)  # Monday; +28 days = Mon 2 March
    traject = traject_in(F.AANMELDING, consulent, aanmelddatum=d)
    assert (traject.deadline, traject.deadline_soort) == (datetime.date(2026, 3, 2), "eerste_gesprek")
    traject = workflow.eerste_gesprek(traject, door=consulent, datum=datetime.date(2026, 3, 3))
    # Tue 3 March + 56 days = Tue 28 April
    assert (traject.deadline, traject.deadline_soort) == (datetime.date(2026, 4, 28), "beschikking")
    traject = workflow.plan_van_aanpak(traject, door=consulent, datum=datetime.date(2026, 4, 1), verwachte_weken=20)
    assert traject.deadline is None and traject.beschikking_uiterlijk == datetime.date(2026, 4, 28)


def test_threat_gives_three_working_days(consulent):
    # Thu 2 April 2026: Goede Vrijdag and 2e Paasdag skipped -> Tue 7, Wed 8, Thu 9 April
    traject = traject_in(F.AANMELDING, consulent, aanmelddatum=datetime.date(2026, 4, 2),
                         bedreiging=Bedreiging.HUISUITZETTING)
    assert traject.deadline == datetime.date(2026, 4, 9)


@pytest.mark.parametrize("wanneer,woord", [(1, "toekomst"), (-400, "vóór de vorige stap")])
def test_dates_in_future_or_before_previous_step_refused(consulent, wanneer, woord):
    traject = traject_in(F.AANMELDING, consulent, aanmelddatum=timezone.localdate() - 30 * DAG)
    with pytest.raises(workflow.OngeldigeInvoer, match=woord):
        workflow.eerste_gesprek(traject, door=consulent, datum=timezone.localdate() + wanneer * DAG)
    traject.refresh_from_db()
    assert traject.fase == F.AANMELDING


def test_plan_van_aanpak_needs_expected_weeks(consulent):
    traject = traject_in(F.INTAKE, consulent)
    with pytest.raises(workflow.OngeldigeInvoer, match="artikel 4 lid 3"):
        workflow.plan_van_aanpak(traject, door=consulent)
    with pytest.raises(workflow.OngeldigeInvoer, match="verwacht aantal weken"):
        workflow.plan_van_aanpak(traject, door=consulent, verwachte_weken=0)
    traject.refresh_from_db()
    assert traject.fase == F.INTAKE and Fasewijziging.objects.filter(traject=traject).count() == 2


def test_solution_kind_must_fit_the_phase(consulent):
    traject = traject_in(F.PLAN_VAN_AANPAK, consulent)
    with pytest.raises(workflow.OngeldigeInvoer, match="past niet"):
        workflow.oplossing_starten(traject, F.SANERINGSKREDIET, door=consulent, soort=Oplossingssoort.BETALINGSREGELING)
    traject = workflow.oplossing_starten(traject, F.BETALINGSREGELING, door=consulent)
    assert traject.oplossingssoort == Oplossingssoort.BETALINGSREGELING


def test_history_is_append_only(consulent):
    traject = traject_in(F.INTAKE, consulent)
    wijziging = Fasewijziging.objects.filter(traject=traject).first()
    wijziging.toelichting = "anders"
    with pytest.raises(HistorieOnveranderlijk):
        wijziging.save()
    with pytest.raises(HistorieOnveranderlijk):
        Fasewijziging.objects.filter(traject=traject).update(toelichting="x")
    with pytest.raises(HistorieOnveranderlijk):
        wijziging.delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE schuldhulp_fasewijziging SET toelichting = 'x' WHERE traject_id = %s", [traject.pk])


def test_other_wijk_refused_audited_and_unchanged(consulent, inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    traject = workflow.aanmelden(inwoner_zuid.pk, door=zuid, aanmeldingswijze=Aanmeldingswijze.ZELFMELDING)
    with pytest.raises(PermissionDenied):
        workflow.eerste_gesprek(traject, door=consulent)
    with pytest.raises(PermissionDenied):
        workflow.traject_voor(consulent, traject.pk)
    with pytest.raises(PermissionDenied):
        workflow.aanmelden(inwoner_zuid.pk, door=consulent, aanmeldingswijze=Aanmeldingswijze.INLOOP)
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruiker=consulent).count() == 3
    traject.refresh_from_db()
    assert traject.fase == F.AANMELDING


def test_read_is_audited(consulent):
    traject = traject_in(F.AANMELDING, consulent)
    workflow.traject_voor(consulent, traject.pk)
    assert AuditEvent.objects.filter(actie=Actie.LEZEN, object_id=str(traject.pk), persoon_id=traject.inwoner_id,
                                     doel=workflow.DOEL).exists()


def test_one_open_traject_per_resident(consulent, inwoner_overvecht):
    workflow.aanmelden(inwoner_overvecht.pk, door=consulent, aanmeldingswijze=Aanmeldingswijze.INLOOP)
    with pytest.raises(workflow.OngeldigeInvoer, match="al een lopend traject"):
        workflow.aanmelden(inwoner_overvecht.pk, door=consulent, aanmeldingswijze=Aanmeldingswijze.ZELFMELDING)
    assert Traject.objects.filter(inwoner=inwoner_overvecht).count() == 1


def test_start_from_a_case_carries_person_household_and_signals(consulent, inwoner_overvecht):
    zaak = ZaakFactory(inwoner=inwoner_overvecht, crisis=True)
    huur = SignaalpartnerFactory(code="woco", naam="Woningcorporatie Mitros", type="Huur")
    SignaalFactory(zaak=zaak, partner=huur, bedrag="1250.50", crisissignaal=True)
    SignaalFactory(zaak=zaak, bedrag="310.00")
    with pytest.raises(workflow.OngeldigeInvoer, match="Pak de zaak eerst op"):
        workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    zaken_workflow.oppakken(zaak, door=consulent)
    traject = workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    assert (traject.inwoner, traject.huishouden_id, traject.zaak_id) == (inwoner_overvecht, inwoner_overvecht.huishouden_id, zaak.pk)
    assert traject.aanmeldingswijze == Aanmeldingswijze.VROEGSIGNALERING
    # the crisis signal of the landlord is a threatened eviction (Wgs art. 4 lid 2)
    assert traject.bedreiging == Bedreiging.HUISUITZETTING
    assert sorted((s.partner, str(s.bedrag)) for s in traject.signalen.all()) == [
        ("Energie Utrecht BV", "310.00"), ("Woningcorporatie Mitros", "1250.50")]
    assert ChecklistItem.objects.filter(traject=traject).count() == len(workflow.STANDAARD_CHECKLIST)
    assert AuditEvent.objects.filter(actie=Actie.AANMAKEN, object_id=str(traject.pk)).exists()


def test_checklist_is_never_a_gate(consulent):
    traject = traject_in(F.AANMELDING, consulent)
    assert not traject.checklist.filter(gedaan=True).exists()
    traject = traject_in(F.NAZORG, consulent)  # went all the way with nothing ticked
    item = workflow.checklist_toevoegen(traject, door=consulent, omschrijving="Polis zorgverzekering")
    item = workflow.checklist_afvinken(item.pk, door=consulent, gedaan=True)
    assert (item.gedaan, item.gedaan_op, item.gedaan_door) == (True, timezone.localdate(), consulent)
    item = workflow.checklist_afvinken(item.pk, door=consulent, gedaan=False)
    assert (item.gedaan, item.gedaan_op) == (False, None)
    with pytest.raises(workflow.OngeldigeInvoer, match="omschrijving"):
        workflow.checklist_toevoegen(traject, door=consulent, omschrijving="  ")
