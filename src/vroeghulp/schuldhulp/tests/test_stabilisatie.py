"""Stabilisation: the budget, the beslagvrije voet against what is left after garnishment, the
letter to the garnishing creditor, the collection pause.

Expected amounts are worked out by hand from the law. The voet of each household is one of the
hand calculations in regels/tests/scenarios/beslagvrije_voet/contract_2026.yaml (Rv art. 475da–475dc,
text 2026-01-01); the comparison with what is left is done here, with the working shown.
"""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.personen.models import Rol
from vroeghulp.personen.tests.factories import InwonerFactory
from vroeghulp.schuldhulp import stabilisatie, stabilisatie_brief
from vroeghulp.schuldhulp.models import (
    Bericht, Berekening, Berichtsoort, Budgetpost, Fase as F, Moratorium, Moratoriumsoort as M, Postsoort,
    Schuld, Schuldeiser, Schuldstatus,
)
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.schuldhulp.tests.pdf_tekst import pdf_tekst

MAANDAG = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # Monday 2 March 2026
PEILDATUM = dt.date(2026, 3, 1)
D = Decimal


@pytest.fixture(autouse=True)
def maandag():
    with time_machine.travel(MAANDAG, tick=False):
        yield


@pytest.fixture
def traject(consulent, inwoner_overvecht):
    return traject_in(F.STABILISATIE, consulent, inwoner=inwoner_overvecht)


def beslag(traject, naam: str, per_maand, *, status=Schuldstatus.BESLAG) -> Schuld:
    eiser = Schuldeiser.objects.create(naam=naam, soort="deurwaarder", postadres="Postbus 1\n3500 AA Utrecht")
    return Schuld.objects.create(traject=traject, schuldeiser=eiser, bedrag=D("2500.00"), status=status,
                                 kenmerk=f"K-{naam[:3]}", beslag_per_maand=per_maand)


def alleenstaande_35000(traject, door) -> Berekening:
    # contract_2026.yaml "Alleenstaande, belastbaar inkomen 35.000 (2026)":
    # 95% × 1.401,50 = 1.331,425; zorg (35.000 − 29.736) / 12 × 13,73% = 60,2293;
    # huur (35.000 − 23.425) × 27% / 12 = 260,4375; samen 1.652,0918 → € 1.652,09
    # (95% × 2.300 = 2.185 is higher, so the 95% rule does not apply).
    return stabilisatie.beslagvrije_voet_berekenen(traject.pk, stabilisatie.Invoer(
        peildatum=PEILDATUM, belastbaar_inkomen=D(35000), netto_inkomen=D(2300)), door=door)


# --- budget -----------------------------------------------------------------------------------

def test_budget_add_change_remove_and_totals(traject, consulent):
    loon = stabilisatie.post_toevoegen(traject.pk, door=consulent, soort=Postsoort.INKOMEN, omschrijving="Loon",
                                       bedrag_per_maand="2300,00")
    stabilisatie.post_toevoegen(traject.pk, door=consulent, soort=Postsoort.VASTE_LAST, omschrijving="Huur",
                                bedrag_per_maand=D("850.50"))
    zorg = stabilisatie.post_toevoegen(traject.pk, door=consulent, soort=Postsoort.VASTE_LAST,
                                       omschrijving="Zorgverzekering", bedrag_per_maand=D("160"))
    stabilisatie.post_wijzigen(zorg.pk, door=consulent, soort=Postsoort.VASTE_LAST, omschrijving="Zorgverzekering",
                               bedrag_per_maand=D("155.25"))
    _posten, totalen = stabilisatie.budget(traject.pk)
    # inkomen 2.300,00; lasten 850,50 + 155,25 = 1.005,75; over 2.300,00 − 1.005,75 = 1.294,25
    assert (totalen.inkomen, totalen.vaste_lasten, totalen.over) == (D("2300.00"), D("1005.75"), D("1294.25"))
    stabilisatie.post_verwijderen(loon.pk, door=consulent)
    _posten, totalen = stabilisatie.budget(traject.pk)
    assert totalen.over == D("-1005.75")  # 0 − 1.005,75: the costs are higher than the income
    assert AuditEvent.objects.filter(object_type="schuldhulp.Budgetpost", actie=Actie.VERWIJDEREN).count() == 1


@pytest.mark.parametrize("waarde, melding", [
    ("", "Vul bij ‘bedrag per maand’ een bedrag in."),
    ("abc", "Vul bij ‘bedrag per maand’ een bedrag in, bijvoorbeeld 1250,00."),
    ("-1", "Vul bij ‘bedrag per maand’ een bedrag in van 0 euro of meer."),
    ("NaN", "Vul bij ‘bedrag per maand’ een bedrag in van 0 euro of meer."),
    ("1e400", "Het bedrag bij ‘bedrag per maand’ is te hoog."),
    ("12,345", "Vul bij ‘bedrag per maand’ hooguit 2 cijfers na de komma in."),
])
def test_budget_bad_amount_is_a_dutch_message_and_nothing_is_stored(traject, consulent, waarde, melding):
    with pytest.raises(OngeldigeInvoer) as fout:
        stabilisatie.post_toevoegen(traject.pk, door=consulent, soort=Postsoort.INKOMEN, omschrijving="Loon",
                                    bedrag_per_maand=waarde)
    assert fout.value.melding == melding
    assert not Budgetpost.objects.exists()


def test_budget_of_another_team_is_refused_and_audited(traject, inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    with pytest.raises(PermissionDenied):
        stabilisatie.post_toevoegen(traject.pk, door=zuid, soort=Postsoort.INKOMEN, omschrijving="Loon",
                                    bedrag_per_maand="100")
    with pytest.raises(PermissionDenied):
        stabilisatie.moratorium_registreren(traject.pk, door=zuid, soort=M.PAUZEKNOP, startdatum=PEILDATUM,
                                            einddatum=PEILDATUM)
    assert not Budgetpost.objects.exists() and not Moratorium.objects.exists()
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruikersnaam=zuid.username).count() == 2


# --- the household and the beslagvrije voet ---------------------------------------------------------

def test_request_is_built_from_the_register_and_the_consulents_input(traject, consulent):
    partner = InwonerFactory(huishouden=traject.inwoner.huishouden, rol=Rol.PARTNER,
                             geboortedatum=dt.date(1981, 1, 1))
    kind = InwonerFactory(huishouden=traject.inwoner.huishouden, rol=Rol.KIND, geboortedatum=dt.date(2018, 6, 1))
    verzoek = stabilisatie.verzoek(traject, stabilisatie.Invoer(
        peildatum=PEILDATUM, belastbaar_inkomen=D(40000), netto_inkomen=D("2600.50"),
        netto_inkomen_partner=D(1500), kale_huur=D(700)))
    assert verzoek == {
        "peildatum": "2026-03-01",
        "huishouden": {
            "personen": [
                {"rol": "aanvrager", "geboortedatum": traject.inwoner.geboortedatum.isoformat(),
                 "toetsingsinkomen": 40000, "netto_inkomen_per_maand": 2600.5},
                {"rol": "partner", "geboortedatum": partner.geboortedatum.isoformat(), "toetsingsinkomen": 0,
                 "netto_inkomen_per_maand": 1500},
                {"rol": "kind", "geboortedatum": kind.geboortedatum.isoformat()},
            ],
            "vermogen": 0,
            "woning": {"soort": "huur", "kale_huur_per_maand": 700, "servicekosten_per_maand": 0},
        },
        "regelingen": ["beslagvrije_voet"],
    }


def test_calculation_is_stored_with_request_outcome_sources_and_version(traject, consulent):
    berekening = alleenstaande_35000(traject, consulent)
    berekening.refresh_from_db()
    assert berekening.regeling == "beslagvrije_voet" and berekening.peildatum == PEILDATUM
    assert berekening.verzoek["huishouden"]["personen"][0]["toetsingsinkomen"] == 35000
    assert berekening.uitkomst["per_maand"] == 1652.09
    assert berekening.uitkomst["toelichting"] and berekening.rekenregels_versie.startswith("regels-")
    assert any("475da" in b["url"] for b in berekening.uitkomst["bronnen"])
    assert AuditEvent.objects.filter(object_type="schuldhulp.Berekening", actie=Actie.AANMAKEN).exists()


def test_a_peildatum_without_rules_is_a_dutch_message(traject, consulent):
    with pytest.raises(OngeldigeInvoer) as fout:
        stabilisatie.beslagvrije_voet_berekenen(traject.pk, stabilisatie.Invoer(
            peildatum=dt.date(2023, 6, 1), belastbaar_inkomen=D(20000), netto_inkomen=D(1500)), door=consulent)
    assert "kunnen we niet rekenen" in fout.value.melding
    assert not Berekening.objects.exists()


# --- the check -------------------------------------------------------------------------------

def test_voet_violated(traject, consulent):
    beslag(traject, "Deurwaarder Noord", D("800.00"))
    beslag(traject, "Woonstichting", None, status=Schuldstatus.OPEN)  # no garnishment: does not count
    alleenstaande_35000(traject, consulent)
    t = stabilisatie.toets(traject.pk)
    # over na beslag 2.300,00 − 800,00 = 1.500,00; tekort 1.652,09 − 1.500,00 = 152,09
    assert (t.voet, t.inkomen, t.beslag, t.over_na_beslag, t.tekort) == (
        D("1652.09"), D("2300"), D("800.00"), D("1500.00"), D("152.09"))
    assert t.geschonden
    assert "Dat is € 152,09 minder dan de beslagvrije voet van € 1.652,09. Het beslag is te hoog." in " ".join(t.uitleg)


def test_voet_respected(traject, consulent):
    beslag(traject, "Deurwaarder Noord", D("500.00"))
    alleenstaande_35000(traject, consulent)
    t = stabilisatie.toets(traject.pk)
    # 2.300,00 − 500,00 = 1.800,00 ≥ 1.652,09: nothing short
    assert (t.over_na_beslag, t.tekort, t.geschonden) == (D("1800.00"), D("0"), False)
    with pytest.raises(OngeldigeInvoer) as fout:
        stabilisatie_brief.maak(traject.pk, door=consulent)
    assert fout.value.melding == "Het beslag laat de beslagvrije voet vrij. Een brief is niet nodig."
    assert not Bericht.objects.exists()


def test_exactly_at_the_voet_is_respected(traject, consulent):
    beslag(traject, "Deurwaarder Noord", D("647.91"))  # 2.300,00 − 647,91 = 1.652,09 = the voet
    alleenstaande_35000(traject, consulent)
    t = stabilisatie.toets(traject.pk)
    assert (t.over_na_beslag, t.tekort, t.geschonden) == (D("1652.09"), D("0"), False)


def test_married_partner_income_and_two_garnishments(traject, consulent):
    InwonerFactory(huishouden=traject.inwoner.huishouden, rol=Rol.PARTNER, geboortedatum=dt.date(1981, 1, 1))
    beslag(traject, "CJIB", D("1000.00"))
    beslag(traject, "Deurwaarder Zuid", D("600.00"))
    stabilisatie.beslagvrije_voet_berekenen(traject.pk, stabilisatie.Invoer(
        peildatum=PEILDATUM, belastbaar_inkomen=D(40000), netto_inkomen=D(2600), netto_inkomen_partner=D(1500)),
        door=consulent)
    t = stabilisatie.toets(traject.pk)
    # contract_2026.yaml "Gehuwden, partner met eigen inkomen": 95% × 2.002,13 = 1.902,0235;
    # zorg (40.000 − 29.736) / 12 × 13,73% = 117,4377; huur (40.000 − 31.500) × 22% / 12 = 155,8333;
    # samen 2.175,2945; art. 475db lid 1 a: min(1.500, 2.175,2945 / 2 = 1.087,6472) eraf → € 1.087,65.
    # Beslag 1.000,00 + 600,00 = 1.600,00; over 2.600,00 − 1.600,00 = 1.000,00; tekort 1.087,65 − 1.000,00 = 87,65
    assert (t.voet, t.beslag, t.over_na_beslag, t.tekort, t.geschonden) == (
        D("1087.65"), D("1600.00"), D("1000.00"), D("87.65"), True)


def test_garnishment_without_an_amount_counts_as_zero_and_says_so(traject, consulent):
    beslag(traject, "Deurwaarder Noord", None)
    alleenstaande_35000(traject, consulent)
    t = stabilisatie.toets(traject.pk)
    assert (t.beslag, t.over_na_beslag, t.geschonden) == (D("0"), D("2300"), False)
    assert "Van Deurwaarder Noord weten wij nog niet hoeveel beslag er per maand is." in " ".join(t.uitleg)


def test_no_check_before_a_calculation(traject):
    assert stabilisatie.toets(traject.pk) is None


# --- the letter to the garnishing creditor ----------------------------------------------------

def test_letter_pdf_contains_the_amounts_and_sources_and_is_a_message_with_a_term(traject, consulent):
    noord = beslag(traject, "Deurwaarder Noord", D("800.00"))
    alleenstaande_35000(traject, consulent)
    brieven = stabilisatie_brief.maak(traject.pk, door=consulent)
    assert brieven.pdf.startswith(b"%PDF")
    tekst = " ".join(pdf_tekst(brieven.pdf).split())
    for bedrag in ("€ 2.300,00", "€ 800,00", "€ 1.500,00", "€ 1.652,09", "€ 152,09"):
        assert bedrag in tekst, bedrag
    assert "Deurwaarder Noord" in tekst and traject.inwoner.naam in tekst and "K-Deu" in tekst
    assert "Samen: € 1.652,09 per maand." in tekst  # a step of the toelichting
    for artikel in ("art. 475c", "art. 475d lid 3", "art. 475da", "art. 475db", "art. 475dc"):
        assert artikel in tekst, artikel
    [bericht] = brieven.berichten
    assert (bericht.schuld_id, bericht.soort) == (noord.pk, Berichtsoort.HERBEREKENING_BVV)
    # 10 working days after Monday 2 March 2026: 3–6 March (4), 9–13 March (9), Monday 16 March (10)
    assert bericht.antwoord_uiterlijk == dt.date(2026, 3, 16)
    assert "16 maart 2026" in tekst
    assert AuditEvent.objects.filter(actie=Actie.EXPORTEREN, object_type="schuldhulp.Schuld",
                                     object_id=str(noord.pk)).exists()


def test_one_letter_per_garnishment(traject, consulent):
    InwonerFactory(huishouden=traject.inwoner.huishouden, rol=Rol.PARTNER, geboortedatum=dt.date(1981, 1, 1))
    beslag(traject, "CJIB", D("1000.00"))
    beslag(traject, "Deurwaarder Zuid", D("600.00"))
    stabilisatie.beslagvrije_voet_berekenen(traject.pk, stabilisatie.Invoer(
        peildatum=PEILDATUM, belastbaar_inkomen=D(40000), netto_inkomen=D(2600), netto_inkomen_partner=D(1500)),
        door=consulent)
    brieven = stabilisatie_brief.maak(traject.pk, door=consulent)
    tekst = " ".join(pdf_tekst(brieven.pdf).split())
    assert len(brieven.berichten) == 2 and Bericht.objects.count() == 2
    # each letter has the whole calculation: € 1.000,00 and € 600,00 garnished, € 87,65 short (see above)
    assert tekst.count("€ 87,65") >= 2 and tekst.count("Beslag CJIB € 1.000,00") == 2
    assert "Verzoek herberekening beslagvrije voet: " in tekst


def test_letter_refused_before_a_calculation(traject, consulent):
    beslag(traject, "Deurwaarder Noord", D("800.00"))
    with pytest.raises(OngeldigeInvoer) as fout:
        stabilisatie_brief.maak(traject.pk, door=consulent)
    assert fout.value.melding == "Bereken eerst de beslagvrije voet."


# --- the collection pause --------------------------------------------------------------------

@pytest.mark.parametrize("start, laatste_dag", [
    (dt.date(2026, 3, 1), dt.date(2026, 8, 31)),  # March up to and including August: six months
    (dt.date(2026, 1, 15), dt.date(2026, 7, 14)),
    (dt.date(2026, 8, 31), dt.date(2027, 2, 28)),  # there is no 31 February: the period ends with February
    (dt.date(2027, 8, 31), dt.date(2028, 2, 29)),  # 2028 is a leap year
])
def test_afkoelingsperiode_at_most_six_months(traject, consulent, start, laatste_dag):
    assert stabilisatie.laatste_dag_afkoelingsperiode(start) == laatste_dag
    with pytest.raises(OngeldigeInvoer) as fout:
        stabilisatie.moratorium_registreren(traject.pk, door=consulent, soort=M.AFKOELINGSPERIODE,
                                            startdatum=start, einddatum=laatste_dag + dt.timedelta(days=1))
    assert "hooguit 6 maanden (Wet gemeentelijke schuldhulpverlening, artikel 5)" in fout.value.melding
    assert laatste_dag.strftime("%d-%m-%Y") in fout.value.melding
    assert not Moratorium.objects.exists()
    pauze = stabilisatie.moratorium_registreren(traject.pk, door=consulent, soort=M.AFKOELINGSPERIODE,
                                                startdatum=start, einddatum=laatste_dag)
    assert pauze.einddatum == laatste_dag


def test_afkoelingsperiode_cannot_be_stretched_by_a_second_one(traject, consulent):
    stabilisatie.moratorium_registreren(traject.pk, door=consulent, soort=M.AFKOELINGSPERIODE,
                                        startdatum=dt.date(2026, 3, 1), einddatum=dt.date(2026, 8, 31))
    with pytest.raises(OngeldigeInvoer) as fout:
        stabilisatie.moratorium_registreren(traject.pk, door=consulent, soort=M.AFKOELINGSPERIODE,
                                            startdatum=dt.date(2026, 8, 1), einddatum=dt.date(2027, 1, 31))
    assert fout.value.melding.startswith("In deze periode loopt al een afkoelingsperiode.")
    assert Moratorium.objects.count() == 1


def test_pauzeknop_for_all_creditors_and_agreement_with_one(traject, consulent):
    eiser = beslag(traject, "Woonstichting", None, status=Schuldstatus.OPEN).schuldeiser
    # the pauzeknop has no legal maximum: nine months is accepted
    alle = stabilisatie.moratorium_registreren(traject.pk, door=consulent, soort=M.PAUZEKNOP,
                                               startdatum=dt.date(2026, 2, 1), einddatum=dt.date(2026, 10, 31))
    een = stabilisatie.moratorium_registreren(traject.pk, door=consulent, soort=M.AFSPRAAK, schuldeiser_id=eiser.pk,
                                              startdatum=dt.date(2026, 3, 10), einddatum=dt.date(2026, 4, 30),
                                              toelichting="Geen incasso tot de saldo-opgave")
    later = stabilisatie.moratorium_registreren(traject.pk, door=consulent, soort=M.PAUZEKNOP,
                                                startdatum=dt.date(2026, 4, 1), einddatum=dt.date(2026, 4, 30))
    assert alle.schuldeiser_id is None and een.schuldeiser_id == eiser.pk
    # today is 2 March 2026: only the pauzeknop of 1 February runs
    assert stabilisatie.actieve_moratoria(traject.pk) == [alle]
    assert stabilisatie.actieve_moratoria(traject.pk, dt.date(2026, 4, 15)) == [alle, een, later]
    ingekort = stabilisatie.moratorium_beeindigen(alle.pk, door=consulent)
    assert ingekort.einddatum == dt.date(2026, 3, 2)
    assert stabilisatie.actieve_moratoria(traject.pk, dt.date(2026, 3, 3)) == []


@pytest.mark.parametrize("velden, melding", [
    ({"soort": "vakantie"}, "Kies bij ‘soort’: pauzeknop, afkoelingsperiode of afspraak."),
    ({"startdatum": None}, "Vul bij ‘startdatum’ in wanneer de pauze begint."),
    ({"einddatum": None}, "Vul bij ‘einddatum’ in wanneer de pauze eindigt."),
    ({"einddatum": dt.date(2026, 2, 28)}, "De einddatum ligt vóór de startdatum. Vul een einddatum in op of na 01-03-2026."),
    ({"soort": M.AFSPRAAK}, "Kies bij ‘schuldeiser’ met wie de afspraak is."),
    ({"schuldeiser_id": -1}, "Kies bij ‘schuldeiser’ een schuldeiser van een schuld in dit traject."),
    ({"toelichting": "x" * 501}, "De toelichting is te lang: hooguit 500 tekens."),
])
def test_pause_validation_in_dutch(traject, consulent, velden, melding):
    gegevens = {"soort": M.PAUZEKNOP, "startdatum": dt.date(2026, 3, 1), "einddatum": dt.date(2026, 4, 1),
                **velden}
    with pytest.raises(OngeldigeInvoer) as fout:
        stabilisatie.moratorium_registreren(traject.pk, door=consulent, **gegevens)
    assert fout.value.melding == melding
    assert not Moratorium.objects.exists()
