"""Creditor messages: answer terms over weekends and holidays, reminders, the overdue list and
count, the 120-day clock, reactions and access per team. Expected dates by hand, working shown."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory
from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.schuldhulp import berichten
from vroeghulp.schuldhulp.models import Bericht, Berichtsoort as S, Fase, Reactie, Schuld, Schuldeiser, Schuldeisersoort
from vroeghulp.schuldhulp.tests.factories import traject_in

AMS = ZoneInfo("Europe/Amsterdam")


def op(jaar, maand, dag):
    return time_machine.travel(datetime(jaar, maand, dag, 9, 0, tzinfo=AMS), tick=False)


def schuld(traject, naam="Woonstichting", kenmerk="H-1", bedrag="800.00", soort=Schuldeisersoort.VERHUURDER):
    eiser, _ = Schuldeiser.objects.get_or_create(naam=naam, soort=soort, defaults={"postadres": "Postbus 1\n3500 AA Utrecht"})
    return Schuld.objects.create(traject=traject, schuldeiser=eiser, kenmerk=kenmerk, bedrag=Decimal(bedrag))


@pytest.fixture
def traject(consulent):
    return traject_in(Fase.INTAKE, consulent)


# --- terms -----------------------------------------------------------------------------------

def test_term_over_easter():
    # Sent Thursday 2 April 2026. Not counted: Fri 3 (Goede Vrijdag, Atw art. 3 lid 2), Sat 4, Sun 5,
    # Mon 6 (tweede Paasdag). Working days: Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5),
    # Tue 14 (6), Wed 15 (7), Thu 16 (8), Fri 17 (9), Mon 20 (10) -> 20 April 2026.
    assert berichten.antwoord_uiterlijk(date(2026, 4, 2)) == date(2026, 4, 20)


def test_term_over_koningsdag_and_5_mei():
    # Sent Friday 24 April 2026. Sat 25, Sun 26, Mon 27 (Koningsdag) do not count; Tue 28 (1), Wed 29 (2),
    # Thu 30 (3), Fri 1 May (4), Mon 4 (5), Tue 5 May not (Atw art. 3 lid 1, every year), Wed 6 (6),
    # Thu 7 (7), Fri 8 (8), Mon 11 (9), Tue 12 (10) -> 12 May 2026.
    assert berichten.antwoord_uiterlijk(date(2026, 4, 24)) == date(2026, 5, 12)


def test_term_set_otherwise():
    # Sent Friday 6 March 2026 with 3 working days: Mon 9 (1), Tue 10 (2), Wed 11 (3).
    assert berichten.antwoord_uiterlijk(date(2026, 3, 6), 3) == date(2026, 3, 11)


@pytest.mark.django_db
def test_send_records_one_message_per_debt_with_its_term(traject, consulent):
    a, b = schuld(traject), schuld(traject, "CJIB", "C-2", "120.00", Schuldeisersoort.CJIB)
    with op(2026, 4, 2):
        verstuurd = berichten.verstuur(traject.pk, [a.pk, b.pk], S.KENNISGEVING, door=consulent)
    assert [m.schuld_id for m in verstuurd] == [a.pk, b.pk]
    assert {(m.verzonden_op, m.antwoord_uiterlijk) for m in verstuurd} == {(date(2026, 4, 2), date(2026, 4, 20))}


@pytest.mark.django_db
def test_send_refuses_bad_input_and_stores_nothing(traject, consulent, inwoner_zuid):
    a = schuld(traject)
    ander = traject_in(Fase.INTAKE, consulent)
    vreemd = schuld(ander, kenmerk="X")
    with op(2026, 4, 2):
        for kwargs, melding in [
            ({"schuld_ids": [a.pk, vreemd.pk]}, "schulden van dit traject"),
            ({"schuld_ids": []}, "schulden van dit traject"),
            ({"schuld_ids": [a.pk], "termijn_werkdagen": 0}, "1 tot en met 60"),
            ({"schuld_ids": [a.pk], "verzonden_op": date(2026, 4, 3)}, "toekomst"),
        ]:
            with pytest.raises(OngeldigeInvoer, match=melding):
                berichten.verstuur(traject.pk, soort=S.SALDOVERZOEK, door=consulent, **kwargs)
    assert not Bericht.objects.exists()


# --- reminders -------------------------------------------------------------------------------

@pytest.mark.django_db
def test_reminders_after_the_term_once_and_idempotent(traject, consulent):
    a, b = schuld(traject), schuld(traject, "CJIB", "C-2", "120.00", Schuldeisersoort.CJIB)
    with op(2026, 4, 2):
        eerste, tweede = berichten.verstuur(traject.pk, [a.pk, b.pk], S.KENNISGEVING, door=consulent)
    with op(2026, 4, 10):
        berichten.reactie_vastleggen(tweede.pk, Reactie.AKKOORD, door=consulent)
    # 20 April is the last day of the term: not overdue yet
    assert berichten.herinneringen_sturen(date(2026, 4, 20)).verstuurd == 0
    with op(2026, 4, 21):
        call_command("schuldhulp_herinneringen")
        ronde = berichten.herinneringen_sturen()  # the same day again: nothing new
    assert ronde.verstuurd == 0
    herinnering = Bericht.objects.get(soort=S.HERINNERING)
    assert herinnering.herinnering_van_id == eerste.pk and herinnering.schuld_id == a.pk
    # own term from Tue 21 April: Wed 22 (1), Thu 23 (2), Fri 24 (3), Mon 27 Koningsdag no, Tue 28 (4),
    # Wed 29 (5), Thu 30 (6), Fri 1 May (7), Mon 4 (8), Tue 5 May no, Wed 6 (9), Thu 7 (10) -> 7 May 2026
    assert (herinnering.verzonden_op, herinnering.antwoord_uiterlijk) == (date(2026, 4, 21), date(2026, 5, 7))
    # past the reminder's own term there is still one open reminder: no second letter
    assert berichten.herinneringen_sturen(date(2026, 5, 8)).verstuurd == 0
    assert AuditEvent.objects.filter(actie=Actie.AANMAKEN, toelichting__startswith="Herinnering").count() == 1


@pytest.mark.django_db
def test_the_job_prints_a_dutch_summary(traject, consulent, capsys):
    with op(2026, 4, 2):
        berichten.verstuur(traject.pk, [schuld(traject).pk], S.SALDOVERZOEK, door=consulent)
    call_command("schuldhulp_herinneringen", "--datum", "2026-04-21")
    assert "Herinneringen 21-04-2026: 1 herinneringen voor 1 trajecten, antwoord uiterlijk 07-05-2026." in capsys.readouterr().out


@pytest.mark.django_db
def test_no_reminders_for_a_closed_traject(consulent):
    traject = traject_in(Fase.INTAKE, consulent)
    with op(2026, 4, 2):
        berichten.verstuur(traject.pk, [schuld(traject).pk], S.KENNISGEVING, door=consulent)
    traject_uit = traject_in(Fase.UITSTROOM, consulent)
    with op(2026, 4, 2):
        berichten.verstuur(traject_uit.pk, [schuld(traject_uit, kenmerk="U").pk], S.KENNISGEVING, door=consulent)
    assert berichten.herinneringen_sturen(date(2026, 4, 21)).verstuurd == 1


@pytest.mark.django_db
def test_manual_reminder_and_its_refusals(traject, consulent):
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [schuld(traject).pk], S.KENNISGEVING, door=consulent)[0]
        herinnering = berichten.herinnering_sturen(bericht.pk, door=consulent)  # before the term: allowed
        assert herinnering.herinnering_van_id == bericht.pk
        with pytest.raises(OngeldigeInvoer, match="al een herinnering open"):
            berichten.herinnering_sturen(bericht.pk, door=consulent)
        with pytest.raises(OngeldigeInvoer, match="al een herinnering"):
            berichten.herinnering_sturen(herinnering.pk, door=consulent)
        # an answer to the reminder answers the message too
        berichten.reactie_vastleggen(herinnering.pk, Reactie.WEIGERING, door=consulent)
        with pytest.raises(OngeldigeInvoer, match="al gereageerd"):
            berichten.herinnering_sturen(bericht.pk, door=consulent)
    bericht.refresh_from_db()
    assert bericht.reactie == Reactie.WEIGERING


# --- overdue ---------------------------------------------------------------------------------

@pytest.mark.django_db
def test_overdue_per_creditor_oldest_term_first_with_days(traject, consulent):
    andere = traject_in(Fase.INTAKE, consulent)
    with op(2026, 4, 2):  # term 20 April
        berichten.verstuur(traject.pk, [schuld(traject, "CJIB", "C-1", "90.00", Schuldeisersoort.CJIB).pk],
                           S.SALDOVERZOEK, door=consulent)
    with op(2026, 4, 24):  # term 12 May
        berichten.verstuur(andere.pk, [schuld(andere, "Woonstichting", "W-1").pk, schuld(andere, "CJIB", "C-9", "40.00",
                           Schuldeisersoort.CJIB).pk], S.KENNISGEVING, door=consulent)
    groepen = berichten.te_laat_per_schuldeiser(consulent, date(2026, 5, 15))
    assert [g.naam for g in groepen] == ["CJIB", "Woonstichting"]
    # CJIB: 20 April -> 15 May is 10 days left in April + 15 = 25 days; 12 May -> 15 May is 3 days
    assert [(b.kenmerk, b.dagen_te_laat) for b in groepen[0].berichten] == [("C-1", 25), ("C-9", 3)]
    assert [(b.kenmerk, b.dagen_te_laat) for b in groepen[1].berichten] == [("W-1", 3)]
    # per traject: creditors overdue, in one query for all rows
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as q:
        telling = berichten.te_laat_per_traject([traject.pk, andere.pk], date(2026, 5, 15))
    assert telling == {traject.pk: 1, andere.pk: 2} and len(q) == 1
    assert berichten.te_laat_per_traject([traject.pk, andere.pk], date(2026, 5, 12)) == {traject.pk: 1}


@pytest.mark.django_db
def test_other_team_sees_nothing_and_may_change_nothing(traject, consulent, wijk_zuid):
    buiten = GebruikerFactory(username="c.zuid", rol=Rol.CONSULENT, teams=[TeamFactory(naam="Zuid", wijken=[wijk_zuid])])
    a = schuld(traject)
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [a.pk], S.KENNISGEVING, door=consulent)[0]
        with pytest.raises(PermissionDenied):
            berichten.verstuur(traject.pk, [a.pk], S.KENNISGEVING, door=buiten)
        with pytest.raises(PermissionDenied):
            berichten.reactie_vastleggen(bericht.pk, Reactie.AKKOORD, door=buiten)
        with pytest.raises(PermissionDenied):
            berichten.herinnering_sturen(bericht.pk, door=buiten)
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruikersnaam="c.zuid").count() == 3
    assert berichten.te_laat_per_schuldeiser(buiten, date(2026, 5, 1)) == []
    assert Bericht.objects.count() == 1


# --- reactions -------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_saldo_becomes_the_confirmed_balance(traject, consulent):
    a = schuld(traject, bedrag="800.00")
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [a.pk], S.SALDOVERZOEK, door=consulent)[0]
    with op(2026, 4, 9):
        with pytest.raises(OngeldigeInvoer, match="saldo"):
            berichten.reactie_vastleggen(bericht.pk, Reactie.SALDO, door=consulent)
        with pytest.raises(OngeldigeInvoer, match="eerder"):
            berichten.reactie_vastleggen(bericht.pk, Reactie.AKKOORD, door=consulent, ontvangen_op=date(2026, 4, 1))
        berichten.reactie_vastleggen(bericht.pk, Reactie.SALDO, door=consulent, saldo=Decimal("912.40"))
    a.refresh_from_db()
    assert (a.saldo, a.saldo_datum, a.actueel_bedrag) == (Decimal("912.40"), date(2026, 4, 9), Decimal("912.40"))
    assert not berichten.is_te_laat(Bericht.objects.get(), date(2026, 6, 1))


@pytest.mark.django_db
@pytest.mark.parametrize("saldo", ["1020.00", "1.020,00", 1020.0, True, ["1020"]])
def test_a_saldo_that_is_not_an_amount_is_refused_naming_the_field(traject, consulent, saldo):
    """The service takes a Decimal (or a whole int), never text: "1.020,00" would be 1.02 to Decimal.
    Before, the text "1020.00" reached ``saldo <= 0`` and raised a TypeError (a 500)."""
    a = schuld(traject, bedrag="800.00")
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [a.pk], S.SALDOVERZOEK, door=consulent)[0]
    with op(2026, 4, 9):
        with pytest.raises(OngeldigeInvoer, match="Het saldo is geen bedrag") as fout:
            berichten.reactie_vastleggen(bericht.pk, Reactie.SALDO, door=consulent, saldo=saldo)
    assert fout.value.veld == "saldo"
    bericht.refresh_from_db()
    a.refresh_from_db()
    assert (bericht.reactie, bericht.reactie_saldo, a.saldo) == ("", None, None)  # nothing stored


@pytest.mark.django_db
@pytest.mark.parametrize(("saldo", "melding"), [
    (Decimal("0"), "Het saldo moet meer zijn dan 0 euro."),
    (Decimal("-5.00"), "Het saldo moet meer zijn dan 0 euro."),
    (Decimal("10.005"), "Het saldo heeft meer dan 2 cijfers achter de komma. Vul hele centen in."),
    (Decimal("NaN"), "Het saldo is geen bedrag. Vul bijvoorbeeld 1250,50 in."),
    (Decimal("1000000000.01"), "Het saldo is te hoog: hooguit 1.000.000.000 euro."),
])
def test_a_saldo_is_checked_like_a_debt_amount(traject, consulent, saldo, melding):
    a = schuld(traject, bedrag="800.00")
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [a.pk], S.SALDOVERZOEK, door=consulent)[0]
    with op(2026, 4, 9):
        with pytest.raises(OngeldigeInvoer) as fout:
            berichten.reactie_vastleggen(bericht.pk, Reactie.SALDO, door=consulent, saldo=saldo)
    assert (fout.value.veld, fout.value.melding) == ("saldo", melding)
    assert Bericht.objects.get().reactie == ""


@pytest.mark.django_db
def test_a_whole_euro_int_saldo_is_an_amount(traject, consulent):
    a = schuld(traject, bedrag="800.00")
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [a.pk], S.SALDOVERZOEK, door=consulent)[0]
    with op(2026, 4, 9):
        berichten.reactie_vastleggen(bericht.pk, Reactie.SALDO, door=consulent, saldo=1020)
    a.refresh_from_db()
    assert (a.saldo, str(a.saldo)) == (Decimal("1020.00"), "1020.00")


# --- the 120-day clock ----------------------------------------------------------------------

@pytest.mark.django_db
def test_the_120_day_clock(traject, consulent):
    a, b = schuld(traject), schuld(traject, "CJIB", "C-2", "120.00", Schuldeisersoort.CJIB)
    with op(2026, 1, 20):
        berichten.verstuur(traject.pk, [a.pk, b.pk], S.KENNISGEVING, door=consulent)  # not a proposal: no clock
    assert berichten.klok_120(traject.pk, date(2026, 2, 1)) is None
    with op(2026, 2, 2):
        voorstellen = berichten.verstuur(traject.pk, [a.pk, b.pk], S.BETALINGSVOORSTEL, door=consulent)
    klok = berichten.klok_120(traject.pk, date(2026, 3, 2))
    # 2 Feb -> 2 Mar 2026 is 28 days (February has 28). End: 2 Feb + 120 days: 26 days left in February
    # (3..28), +31 March = 57, +30 April = 87, +31 May = 118, so 1 June is day 119 and 2 June day 120.
    assert (klok.start, klok.dag, klok.einde, klok.resterend, klok.verstreken) == (
        date(2026, 2, 2), 28, date(2026, 6, 2), 92, False)
    assert berichten.klok_120(traject.pk, date(2026, 6, 3)).verstreken
    with op(2026, 3, 5):
        berichten.reactie_vastleggen(voorstellen[0].pk, Reactie.AKKOORD, door=consulent)
    assert berichten.klok_120(traject.pk, date(2026, 3, 9)).klaar_op is None  # one creditor still open
    with op(2026, 3, 10):
        berichten.reactie_vastleggen(voorstellen[1].pk, Reactie.WEIGERING, door=consulent)
    klok = berichten.klok_120(traject.pk, date(2026, 7, 1))
    # stopped on 10 March: 28 days of February after the 2nd ... 2 Feb -> 2 Mar = 28, + 8 = 36
    assert (klok.klaar_op, klok.dag, klok.verstreken) == (date(2026, 3, 10), 36, False)
