"""The workflow: exhaustive transition test, history, deadlines, terugkoppeling."""

import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.signalering.models import Signaalstatus
from vroeghulp.zaken import terugkoppeling, workflow
from vroeghulp.zaken.models import (
    Contactsoort, Dagdeel, DeadlineSoort, Eindresultaat as E, HistorieOnveranderlijk,
    Statuswijziging, Zaakstatus as S,
)
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

PAD = {
    S.NIEUW: [],
    S.OPGEPAKT: [(S.OPGEPAKT, "")],
    S.CONTACT_GELEGD: [(S.OPGEPAKT, ""), (S.CONTACT_GELEGD, "")],
    S.HULP_AANGEBODEN: [(S.OPGEPAKT, ""), (S.CONTACT_GELEGD, ""), (S.HULP_AANGEBODEN, "")],
    S.AFGEROND: [(S.OPGEPAKT, ""), (S.AFGEROND, E.GEEN_CONTACT)],
    S.NIET_OPGEPAKT: [(S.NIET_OPGEPAKT, E.ONTERECHT)],
}


def zaak_in(status, door, **kwargs):
    zaak = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=door.teams.first().wijken.first(), **kwargs)
    SignaalFactory(zaak=zaak)
    for naar, resultaat in PAD[status]:
        zaak = workflow.overgang(zaak, naar, door=door, resultaat=resultaat, toelichting="test")
    assert zaak.status == status
    return zaak


def geldig_resultaat(van, naar):
    overgang = workflow.TABEL.get((van, naar))
    if overgang and overgang.resultaten:
        return overgang.resultaten[0]
    return E.ANDERE_REDEN if naar in (S.AFGEROND, S.NIET_OPGEPAKT) else ""


@pytest.mark.parametrize("van,naar", list(itertools.product(S.values, S.values)))
def test_every_pair_allowed_or_refused(consulent, van, naar):
    zaak = zaak_in(van, consulent)
    voor = Statuswijziging.objects.filter(zaak=zaak).count()
    resultaat = geldig_resultaat(van, naar)
    toelichting = "reden" if resultaat == E.ANDERE_REDEN else ""
    if (van, naar) in workflow.TABEL:
        zaak = workflow.overgang(zaak, naar, door=consulent, resultaat=resultaat, toelichting=toelichting)
        zaak.refresh_from_db()
        assert zaak.status == naar
        laatste = Statuswijziging.objects.filter(zaak=zaak).last()
        assert (laatste.van, laatste.naar, laatste.door) == (van, naar, consulent)
        assert Statuswijziging.objects.filter(zaak=zaak).count() == voor + 1
    else:
        with pytest.raises(workflow.OvergangNietToegestaan):
            workflow.overgang(zaak, naar, door=consulent, resultaat=resultaat, toelichting=toelichting)
        zaak.refresh_from_db()
        assert zaak.status == van
        assert Statuswijziging.objects.filter(zaak=zaak).count() == voor


def test_all_16_ddas_results_reachable():
    bereikbaar = {r for o in workflow.OVERGANGEN for r in o.resultaten}
    assert bereikbaar == set(E.values)
    assert len(E.values) == 16


@pytest.mark.parametrize("overgang", [o for o in workflow.OVERGANGEN if o.resultaten], ids=lambda o: f"{o.van}-{o.naar}")
def test_result_outside_the_transition_is_refused(consulent, overgang):
    zaak = zaak_in(overgang.van, consulent)
    fout = next(r for r in E.values if r not in overgang.resultaten)
    with pytest.raises(workflow.OngeldigeInvoer):
        workflow.overgang(zaak, overgang.naar, door=consulent, resultaat=fout, toelichting="x")


def test_history_is_append_only(consulent):
    zaak = zaak_in(S.OPGEPAKT, consulent)
    wijziging = Statuswijziging.objects.get(zaak=zaak)
    wijziging.toelichting = "anders"
    with pytest.raises(HistorieOnveranderlijk):
        wijziging.save()
    with pytest.raises(HistorieOnveranderlijk):
        Statuswijziging.objects.filter(zaak=zaak).update(toelichting="x")
    with pytest.raises(HistorieOnveranderlijk):
        wijziging.delete()


def test_history_update_refused_by_database(consulent):
    from django.db import DatabaseError, connection, transaction

    zaak = zaak_in(S.OPGEPAKT, consulent)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE zaken_statuswijziging SET toelichting = 'x' WHERE zaak_id = %s", [zaak.pk])


def test_oppakken_assigns_and_dates(consulent):
    zaak = zaak_in(S.OPGEPAKT, consulent)
    assert zaak.toegewezen_aan == consulent
    assert zaak.datum_opgepakt == timezone.localdate()


def test_second_pick_up_gets_clear_message(consulent, team_overvecht):
    from vroeghulp.accounts.tests.factories import GebruikerFactory

    collega = GebruikerFactory(first_name="Kim", last_name="de Vries", teams=[team_overvecht])
    zaak = zaak_in(S.NIEUW, consulent)
    workflow.oppakken(zaak, door=collega)
    with pytest.raises(workflow.ZaakAlOpgepakt, match="Kim de Vries"):
        workflow.oppakken(zaak, door=consulent)


def test_other_wijk_refused_and_audited(consulent, inwoner_zuid):
    zaak = ZaakFactory(inwoner=inwoner_zuid)
    with pytest.raises(PermissionDenied):
        workflow.oppakken(zaak, door=consulent)
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, object_id=str(zaak.pk)).exists()
    zaak.refresh_from_db()
    assert zaak.status == S.NIEUW


def test_andere_reden_needs_internal_toelichting(consulent):
    zaak = zaak_in(S.NIEUW, consulent)
    with pytest.raises(workflow.OngeldigeInvoer):
        workflow.niet_oppakken(zaak, door=consulent, resultaat=E.ANDERE_REDEN)
    workflow.niet_oppakken(zaak, door=consulent, resultaat=E.ANDERE_REDEN, toelichting="Verhuisd naar zorginstelling")
    zaak.refresh_from_db()
    assert zaak.reden_toelichting == "Verhuisd naar zorginstelling"
    signaal = zaak.signalen.get()
    assert signaal.status == Signaalstatus.ANDERE_REDEN
    assert signaal.status_datum == timezone.localdate()


# --- terugkoppeling ---------------------------------------------------------------------------

@pytest.mark.parametrize("status,resultaat,verwacht", [
    (S.NIEUW, "", Signaalstatus.NOG_NIET_OPGEPAKT),
    (S.OPGEPAKT, "", Signaalstatus.OPGEPAKT),
    (S.CONTACT_GELEGD, "", Signaalstatus.OPGEPAKT),
    (S.HULP_AANGEBODEN, "", Signaalstatus.OPGEPAKT),
    (S.AFGEROND, E.VERVOLGHULP_FINANCIEEL, Signaalstatus.OPGEPAKT),
    (S.AFGEROND, E.GEEN_CONTACT, Signaalstatus.OPGEPAKT),
    (S.AFGEROND, E.AL_BEKEND, Signaalstatus.AL_BEKEND),
    (S.AFGEROND, E.OVERLEDEN, Signaalstatus.OVERLEDEN),
    (S.AFGEROND, E.GEEN_INWONER, Signaalstatus.GEEN_INWONER),
    (S.NIET_OPGEPAKT, E.ANDERE_REDEN, Signaalstatus.ANDERE_REDEN),
    (S.NIET_OPGEPAKT, E.HERHAALDE_MELDING, Signaalstatus.HERHAALDE_MELDING),
    (S.NIET_OPGEPAKT, E.ONTERECHT, Signaalstatus.ONTERECHT),
    (S.NIET_OPGEPAKT, E.AL_BEKEND, Signaalstatus.AL_BEKEND),
])
def test_signaalstatus_mapping(status, resultaat, verwacht):
    assert terugkoppeling.signaalstatus(status, resultaat) == verwacht


def test_every_reachable_state_maps_to_a_ddas_signal_status():
    for overgang in workflow.OVERGANGEN:
        for resultaat in overgang.resultaten or ("",):
            assert terugkoppeling.signaalstatus(overgang.naar, resultaat) in Signaalstatus.values


def test_all_signals_of_a_case_follow_and_date_only_on_change(consulent):
    zaak = zaak_in(S.NIEUW, consulent)
    tweede = SignaalFactory(zaak=zaak, extern_id="HUUR-1")
    oud = tweede.status_datum
    workflow.oppakken(zaak, door=consulent)
    assert set(zaak.signalen.values_list("status", flat=True)) == {Signaalstatus.OPGEPAKT}
    assert set(zaak.signalen.values_list("status_datum", flat=True)) == {timezone.localdate()}
    assert oud != timezone.localdate()
    # contact gelegd: still "Opgepakt" for the partner; the date does not move
    zaak.signalen.update(status_datum=oud)
    workflow.contact_gelegd(zaak, door=consulent)
    assert set(zaak.signalen.values_list("status_datum", flat=True)) == {oud}


# --- contactpogingen and deadlines ---------------------------------------------------------

def test_reached_attempt_moves_to_contact_gelegd(consulent):
    zaak = zaak_in(S.OPGEPAKT, consulent)
    vandaag = timezone.localdate()
    workflow.registreer_contactpoging(zaak, door=consulent, soort=Contactsoort.TELEFOON, datum=vandaag,
                                      dagdeel=Dagdeel.OCHTEND, bereikt=False, notitie="Geen gehoor")
    zaak.refresh_from_db()
    assert zaak.status == S.OPGEPAKT
    workflow.registreer_contactpoging(zaak, door=consulent, soort=Contactsoort.HUISBEZOEK, datum=vandaag,
                                      dagdeel=Dagdeel.AVOND, bereikt=True)
    zaak.refresh_from_db()
    assert zaak.status == S.CONTACT_GELEGD
    assert zaak.contactpogingen.count() == 2


def test_attempt_on_new_or_closed_case_refused(consulent):
    zaak = zaak_in(S.NIEUW, consulent)
    with pytest.raises(workflow.OvergangNietToegestaan, match="eerst op"):
        workflow.registreer_contactpoging(zaak, door=consulent, soort=Contactsoort.BRIEF,
                                          datum=timezone.localdate(), bereikt=False)
    zaak = zaak_in(S.AFGEROND, consulent)
    with pytest.raises(workflow.OvergangNietToegestaan):
        workflow.registreer_contactpoging(zaak, door=consulent, soort=Contactsoort.BRIEF,
                                          datum=timezone.localdate(), bereikt=False)


def test_attempt_in_future_refused(consulent):
    zaak = zaak_in(S.OPGEPAKT, consulent)
    with pytest.raises(workflow.OngeldigeInvoer):
        workflow.registreer_contactpoging(zaak, door=consulent, soort=Contactsoort.BRIEF,
                                          datum=timezone.localdate() + datetime.timedelta(days=1), bereikt=False)


def test_crisis_deadline_three_working_days_then_hulpaanbod(consulent, time_machine):
    time_machine.move_to(datetime.datetime(2026, 4, 30, 10, tzinfo=datetime.timezone.utc))
    # Thursday 30 April 2026; Friday 1 May works, Monday 4 May works, Tuesday 5 May is a holiday
    zaak = zaak_in(S.NIEUW, consulent, crisis=True, matchingsdatum=datetime.date(2026, 4, 30))
    zaak.refresh_from_db()
    assert zaak.contact_uiterlijk == datetime.date(2026, 5, 6)
    assert zaak.deadline == datetime.date(2026, 5, 6)
    assert zaak.deadline_soort == DeadlineSoort.EERSTE_CONTACT
    workflow.oppakken(zaak, door=consulent)
    workflow.registreer_contactpoging(zaak, door=consulent, soort=Contactsoort.TELEFOON,
                                      datum=datetime.date(2026, 4, 30), dagdeel=Dagdeel.MIDDAG, bereikt=False)
    zaak.refresh_from_db()
    assert zaak.deadline_soort == DeadlineSoort.HULPAANBOD
    assert zaak.deadline == datetime.date(2026, 4, 30) + datetime.timedelta(days=28)
    workflow.registreer_contactpoging(zaak, door=consulent, soort=Contactsoort.HUISBEZOEK,
                                      datum=datetime.date(2026, 4, 30), dagdeel=Dagdeel.AVOND, bereikt=True)
    workflow.hulp_aanbieden(zaak, door=consulent)
    zaak.refresh_from_db()
    assert zaak.deadline is None


def test_working_days_skip_koningsdag_and_weekend():
    from vroeghulp.signalering.werkdagen import plus_werkdagen

    # Friday 24 April 2026 + 3 working days: Mon 27 = Koningsdag → Tue 28, Wed 29, Thu 30
    assert plus_werkdagen(datetime.date(2026, 4, 24), 3) == datetime.date(2026, 4, 30)
    # Goede Vrijdag counts as a holiday (Algemene termijnenwet art. 3 lid 2): Thu 2 Apr + 1 skips
    # Fri 3 Apr (Goede Vrijdag), the weekend and Mon 6 Apr (tweede paasdag) -> Tue 7 Apr.
    assert plus_werkdagen(datetime.date(2026, 4, 2), 1) == datetime.date(2026, 4, 7)


def test_events_fire_on_commit(consulent, django_capture_on_commit_callbacks):
    from vroeghulp.zaken import events

    ontvangen = []

    def luister(sender, **kwargs):
        ontvangen.append(kwargs)

    events.status_gewijzigd.connect(luister)
    try:
        zaak = zaak_in(S.NIEUW, consulent)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            workflow.oppakken(zaak, door=consulent)
        assert ontvangen == []
        for callback in callbacks:
            callback()
        assert ontvangen[0]["naar"] == S.OPGEPAKT
    finally:
        events.status_gewijzigd.disconnect(luister)


def test_signal_joining_a_picked_up_case_gets_opgepakt(consulent):
    zaak = zaak_in(S.OPGEPAKT, consulent)
    nieuw = SignaalFactory(zaak=zaak, extern_id="WATER-9")
    assert nieuw.status == Signaalstatus.NOG_NIET_OPGEPAKT
    assert terugkoppeling.bijwerken_zaken([zaak.pk]) == 1
    nieuw.refresh_from_db()
    assert nieuw.status == Signaalstatus.OPGEPAKT and nieuw.status_datum == timezone.localdate()


def test_caseworker_with_history_is_deactivated_not_deleted(consulent):
    from django.db.models import ProtectedError

    zaak_in(S.OPGEPAKT, consulent)
    with pytest.raises(ProtectedError):
        consulent.delete()


def test_retention_may_delete_a_whole_case_with_its_history(consulent):
    zaak = zaak_in(S.CONTACT_GELEGD, consulent)
    zaak.signalen.all().delete()
    type(zaak).objects.filter(pk=zaak.pk).delete()
    assert not Statuswijziging.objects.filter(zaak_id=zaak.pk).exists()


def test_command_recomputes_deadlines_after_a_new_norm(consulent, monkeypatch):
    import io

    from django.core.management import call_command

    zaak = zaak_in(S.OPGEPAKT, consulent)
    zaak.refresh_from_db()
    assert zaak.deadline == zaak.matchingsdatum + datetime.timedelta(days=28)
    monkeypatch.setenv("VROEGHULP_NORM_HULPAANBOD_DAGEN", "14")
    uit = io.StringIO()
    call_command("zaken_termijnen", stdout=uit)
    zaak.refresh_from_db()
    assert zaak.deadline == zaak.matchingsdatum + datetime.timedelta(days=14)
    assert "1 met nieuwe uiterste datums" in uit.getvalue()
