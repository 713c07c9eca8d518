"""The stabilisatie screen: own teams only, Dutch messages instead of a 500, the check with its
explanation and sources, the bailiff letter as PDF, the pauses."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings, strategies as st

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp.models import Bericht, Berekening, Budgetpost, Fase as F, Moratorium, Schuldstatus
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.schuldhulp.tests.pdf_tekst import pdf_tekst
from vroeghulp.schuldhulp.tests.test_stabilisatie import MAANDAG, beslag

D = Decimal


@pytest.fixture(autouse=True)
def maandag():
    with time_machine.travel(MAANDAG, tick=False):
        yield


@pytest.fixture
def traject(consulent, inwoner_overvecht):
    return traject_in(F.STABILISATIE, consulent, inwoner=inwoner_overvecht)


@pytest.fixture
def ingelogd(client, consulent):
    client.force_login(consulent)
    return client


def url(traject, deel=""):
    return f"/schuldhulp/{traject.pk}/stabilisatie/{deel}"


BEREKENING = {"bvv-peildatum": "01-03-2026", "bvv-belastbaar_inkomen": "35000", "bvv-netto_inkomen": "2300,00"}


def test_page_is_an_audited_read_with_the_sub_navigation(ingelogd, traject):
    antwoord = ingelogd.get(url(traject))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert f'href="/schuldhulp/{traject.pk}/stabilisatie/" aria-current="page"' in html
    assert "Nog niet berekend." in html and "0 pauzes lopen nu." in html
    assert AuditEvent.objects.filter(actie=Actie.LEZEN, object_type="schuldhulp.Traject",
                                     object_id=str(traject.pk)).exists()


def test_other_team_and_other_roles_are_refused(client, traject, inwoner_zuid, analist):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    client.force_login(zuid)
    antwoord = client.get(url(traject))
    assert antwoord.status_code == 403 and traject.inwoner.naam not in antwoord.content.decode()
    assert client.post(url(traject, "budget/"), {"post-soort": "inkomen", "post-omschrijving": "Loon",
                                                 "post-bedrag_per_maand": "10"}).status_code == 403
    assert client.post(url(traject, "brief/")).status_code == 403
    assert not Budgetpost.objects.exists()
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruikersnaam=zuid.username).count() >= 2
    client.force_login(analist)
    assert client.get(url(traject)).status_code == 403


def test_budget_on_the_page(ingelogd, traject):
    ingelogd.post(url(traject, "budget/"), {"post-soort": "inkomen", "post-omschrijving": "Loon",
                                            "post-bedrag_per_maand": "2.300,00"})
    ingelogd.post(url(traject, "budget/"), {"post-soort": "vaste_last", "post-omschrijving": "Huur",
                                            "post-bedrag_per_maand": "850,50"})
    huur = Budgetpost.objects.get(omschrijving="Huur")
    ingelogd.post(f"/schuldhulp/stabilisatie/budget/{huur.pk}/", {
        "actie": "wijzigen", f"post{huur.pk}-soort": "vaste_last", f"post{huur.pk}-omschrijving": "Huur",
        f"post{huur.pk}-bedrag_per_maand": "900,00"})
    html = ingelogd.get(url(traject)).content.decode()
    # over: 2.300,00 − 900,00 = 1.400,00
    assert "€ 2.300,00" in html and "€ 900,00" in html and 'data-over="1400.00"' in html
    ingelogd.post(f"/schuldhulp/stabilisatie/budget/{huur.pk}/", {"actie": "verwijderen"})
    assert list(Budgetpost.objects.values_list("omschrijving", flat=True)) == ["Loon"]


@pytest.mark.parametrize("data, melding", [
    ({"post-soort": "inkomen", "post-omschrijving": "Loon", "post-bedrag_per_maand": "veel"},
     "Bedrag per maand: Vul een bedrag in, bijvoorbeeld 1250,00."),
    ({"post-soort": "inkomen", "post-omschrijving": "Loon", "post-bedrag_per_maand": "-3"},
     "Bedrag per maand: Vul een bedrag in van 0 euro of meer."),
    ({"post-soort": "inkomen", "post-omschrijving": "Loon", "post-bedrag_per_maand": "99999999999"},
     "Bedrag per maand: Dit bedrag is te hoog: hooguit 99.999.999,99 euro."),
    ({"post-soort": "inkomen", "post-omschrijving": "Loon\x00", "post-bedrag_per_maand": "3"},
     "Omschrijving: Omschrijving bevat een teken dat geen tekst is"),
    ({"post-soort": "lening", "post-omschrijving": "Loon", "post-bedrag_per_maand": "3"}, "Soort: "),
    ({"post-soort": "inkomen", "post-bedrag_per_maand": "3"}, "Omschrijving: "),
])
def test_bad_budget_input_is_a_dutch_message(ingelogd, traject, data, melding):
    antwoord = ingelogd.post(url(traject, "budget/"), data, follow=True)
    assert antwoord.status_code == 200 and melding in antwoord.content.decode()
    assert not Budgetpost.objects.exists()


def test_violated_voet_explained_with_sources_and_the_letter_as_pdf(ingelogd, traject):
    beslag(traject, "Deurwaarder Noord", D("800.00"))
    antwoord = ingelogd.post(url(traject, "berekenen/"), BEREKENING, follow=True)
    html = antwoord.content.decode()
    # voet € 1.652,09 (contract_2026.yaml); 2.300,00 − 800,00 = 1.500,00; tekort 152,09
    assert "De beslagvrije voet is berekend." in html
    assert "Het beslag is te hoog" in html and 'data-tekort="152.09"' in html and "€ 1.652,09" in html
    assert "https://wetten.overheid.nl/BWBR0001827/2026-01-01#Artikel475da" in html
    assert "Samen: € 1.652,09 per maand." in html  # the toelichting of regels
    assert f'action="/schuldhulp/{traject.pk}/stabilisatie/brief/"' in html
    antwoord = ingelogd.post(url(traject, "brief/"))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    assert "attachment" in antwoord["Content-Disposition"]
    tekst = " ".join(pdf_tekst(antwoord.content).split())
    assert "€ 1.500,00" in tekst and "€ 152,09" in tekst and "€ 1.652,09" in tekst
    assert Bericht.objects.filter(traject=traject, soort="herberekening_bvv").count() == 1


def test_respected_voet_offers_no_letter(ingelogd, traject):
    beslag(traject, "Deurwaarder Noord", D("500.00"))
    html = ingelogd.post(url(traject, "berekenen/"), BEREKENING, follow=True).content.decode()
    assert "Het beslag laat genoeg over." in html and "/stabilisatie/brief/" not in html
    antwoord = ingelogd.post(url(traject, "brief/"), follow=True)
    assert "Een brief is niet nodig." in antwoord.content.decode() and not Bericht.objects.exists()


@pytest.mark.parametrize("wijziging, melding", [
    ({"bvv-netto_inkomen": "twee"}, "Netto inkomen per maand: Vul een bedrag in, bijvoorbeeld 1250,00."),
    ({"bvv-belastbaar_inkomen": ""}, "Belastbaar inkomen per jaar: Vul een bedrag in."),
    ({"bvv-peildatum": "31-02-2026"}, "Peildatum: Vul een geldige datum in, bijvoorbeeld 31-01-2026."),
    ({"bvv-peildatum": "01-06-2023"}, "kunnen we niet rekenen"),
    ({"bvv-peildatum": "01-06-2030"}, "De peildatum ligt te ver in de toekomst."),
])
def test_bad_calculation_input_is_a_dutch_message(ingelogd, traject, wijziging, melding):
    antwoord = ingelogd.post(url(traject, "berekenen/"), {**BEREKENING, **wijziging}, follow=True)
    assert antwoord.status_code == 200 and melding in antwoord.content.decode()
    assert not Berekening.objects.exists()


def test_pauses_on_the_page(ingelogd, traject):
    eiser = beslag(traject, "Woonstichting", None, status=Schuldstatus.OPEN).schuldeiser
    ingelogd.post(url(traject, "pauze/"), {"pauze-soort": "pauzeknop", "pauze-startdatum": "02-03-2026",
                                           "pauze-einddatum": "31-05-2026"})
    ingelogd.post(url(traject, "pauze/"), {"pauze-soort": "afspraak", "pauze-schuldeiser": str(eiser.pk),
                                           "pauze-startdatum": "01-04-2026", "pauze-einddatum": "30-04-2026"})
    html = ingelogd.get(url(traject)).content.decode()
    assert "1 pauze loopt nu." in html and "Woonstichting" in html and "Alle schuldeisers" in html
    # afkoelingsperiode of 2 March to 2 September: one day more than six months (the last day is 1 September)
    antwoord = ingelogd.post(url(traject, "pauze/"), {"pauze-soort": "afkoelingsperiode",
                                                      "pauze-startdatum": "02-03-2026",
                                                      "pauze-einddatum": "02-09-2026"}, follow=True)
    assert "Vul een einddatum in van uiterlijk 01-09-2026." in antwoord.content.decode()
    pauze = Moratorium.objects.get(soort="pauzeknop")
    ingelogd.post(f"/schuldhulp/stabilisatie/pauze/{pauze.pk}/einde/")
    pauze.refresh_from_db()
    assert pauze.einddatum == dt.date(2026, 3, 2) and Moratorium.objects.count() == 2


@pytest.mark.parametrize("data, melding", [
    ({"pauze-soort": "pauzeknop", "pauze-startdatum": "", "pauze-einddatum": "01-04-2026"},
     "Startdatum: Vul een datum in, bijvoorbeeld 31-01-2026."),
    ({"pauze-soort": "pauzeknop", "pauze-startdatum": "01-04-2026", "pauze-einddatum": "01-03-2026"},
     "De einddatum ligt vóór de startdatum."),
    ({"pauze-soort": "pauzeknop", "pauze-schuldeiser": "abc", "pauze-startdatum": "01-03-2026",
      "pauze-einddatum": "01-04-2026"}, "Schuldeiser: "),
])
def test_bad_pause_input_is_a_dutch_message(ingelogd, traject, data, melding):
    antwoord = ingelogd.post(url(traject, "pauze/"), data, follow=True)
    assert antwoord.status_code == 200 and melding in antwoord.content.decode()
    assert not Moratorium.objects.exists()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bedrag=st.text(max_size=20), omschrijving=st.text(max_size=130), soort=st.text(max_size=12))
def test_no_500_on_any_budget_input(ingelogd, traject, bedrag, omschrijving, soort):
    antwoord = ingelogd.post(url(traject, "budget/"), {"post-soort": soort, "post-omschrijving": omschrijving,
                                                       "post-bedrag_per_maand": bedrag})
    assert antwoord.status_code == 302
