"""The public check with the test client: the flow, forgiving input, tampering, the amounts."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vroeghulp.zelfcheck import vragen
from vroeghulp.zelfcheck.tests.doorlopen import ALLEENSTAANDE_OUDER, doorloop, post

pytestmark = pytest.mark.django_db


def test_start_is_public_and_sets_no_cookie_but_csrf(client):
    response = client.get("/zelfcheck/")
    assert response.status_code == 200
    assert "Begin de check" in response.content.decode()
    assert set(response.cookies) <= {"csrftoken"}
    assert "no-store" in response["Cache-Control"]


def test_at_most_twelve_screens_with_progress(client):
    schermen = doorloop(client)
    vraagschermen = schermen[:-1]
    # start + questions + result; the longest path (partner, rent) has every question
    assert 1 + len(vragen.VRAGEN) + 1 <= 12
    assert "Vraag 1 van 10" in vraagschermen[0].html  # all ten may apply
    assert "Vraag 2 van 9" in vraagschermen[1].html  # no partner: nine questions apply
    assert "Vraag 9 van 9" in vraagschermen[-1].html
    assert "Uw uitkomst" in schermen[-1].html


def test_the_result_shows_each_amount_with_why_and_source(client):
    html = doorloop(client)[-1].html
    # Kindgebonden budget 2026 (Wkb art. 2, text 2026-01-01): 2 × € 2.580 + alleenstaande-ouderkop
    # € 3.416 = € 8.576; toetsingsinkomen € 1.300 × 12 × 1,08 = € 16.848 ≤ drempel € 29.736, so no
    # afbouw; per month ⌊8.576 / 12⌋ = ⌊714,67⌋ = € 714 (Awir art. 14).
    assert "€ 714" in html and "€ 8.576,00" in html
    assert "Wet op het kindgebonden budget" in html
    # why, in the calculation's own words: the income (1.300 × 12 × 1,08 = 16.848) against the drempel
    assert ("<strong>Waarom?</strong> Uw toetsingsinkomen (€ 16.848,00) is niet hoger dan € 29.736. U krijgt het "
            "volle bedrag. Dit staat in: Wet op het kindgebonden budget, art. 1 en 2.") in html
    for titel in ("Zorgtoeslag", "Huurtoeslag", "Kindgebonden budget", "Bijstand", "Beslagvrije voet"):
        assert f">{titel}</h3>" in html
    assert html.count("Waarom?") >= 5 and html.count("Zo is het uitgerekend") >= 5
    assert "Wat wij niet hebben bekeken" in html
    assert "Als u meer gaat werken" in html and "Als er een partner bij u komt wonen" in html


@pytest.mark.parametrize("invoer", ["1.250,50", "1250", "€ 1250,-", "1250.5", " € 1.250,50 "])
def test_forgiving_amounts(client, invoer):
    schermen = doorloop(client, ALLEENSTAANDE_OUDER[:4])
    scherm = post(client, "/zelfcheck/vraag/", {"vraag": "huur", "huur": invoer}, schermen[-1].token)
    assert scherm.status == 200 and "Uw inkomen" in scherm.html, scherm.html


@pytest.mark.parametrize("invoer, melding", [
    ("twaalf", "Vul een bedrag in euro&#x27;s in"), ("-5", "0 euro of meer"), ("12,345", "Vul een bedrag in euro&#x27;s in"),
    ("", "Vul een bedrag in"),
])
def test_a_wrong_amount_gets_a_dutch_message_on_the_same_question(client, invoer, melding):
    schermen = doorloop(client, ALLEENSTAANDE_OUDER[:4])
    scherm = post(client, "/zelfcheck/vraag/", {"vraag": "huur", "huur": invoer}, schermen[-1].token)
    assert scherm.status == 200
    assert melding in scherm.html and "Controleer wat u heeft ingevuld" in scherm.html
    assert "Vraag 5 van 9" in scherm.html


def test_income_needs_net_or_gross(client):
    schermen = doorloop(client, ALLEENSTAANDE_OUDER[:5])
    scherm = post(client, "/zelfcheck/vraag/", {"vraag": "inkomen", "per": "maand"}, schermen[-1].token)
    assert "Vul uw netto of bruto inkomen in" in scherm.html


def test_back_shows_the_previous_question_with_its_answer(client):
    schermen = doorloop(client, ALLEENSTAANDE_OUDER[:3])
    scherm = post(client, "/zelfcheck/vraag/", {"vraag": "woning", "terug": "1"}, schermen[-1].token)
    assert "Kinderen" in scherm.html and 'value="4, 9"' in scherm.html


def test_partner_adds_the_partner_questions(client):
    stappen = [{"vraag": "partner", "partner": "ja"}, {"vraag": "leeftijd", "leeftijd": "40", "leeftijd_partner": "38"}]
    schermen = doorloop(client, stappen)
    assert "Vraag 3 van 10" in schermen[-1].html


def test_a_changed_token_gives_a_calm_page_not_a_500(client):
    schermen = doorloop(client, ALLEENSTAANDE_OUDER[:3])
    token = schermen[-1].token
    kapot = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    for pad in ("/zelfcheck/vraag/", "/zelfcheck/uitkomst/", "/zelfcheck/uitkomst.pdf", "/zelfcheck/hulp/"):
        scherm = post(client, pad, {"vraag": "woning", "woning": "huur"}, kapot)
        assert scherm.status == 400
        assert "Wij konden uw antwoorden niet lezen" in scherm.html


def test_an_unknown_question_gives_the_calm_page(client):
    scherm = post(client, "/zelfcheck/vraag/", {"vraag": "bsn"})
    assert scherm.status == 400 and "Opnieuw beginnen" in scherm.html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.text(max_size=200), vraag=st.sampled_from([v.naam for v in vragen.VRAGEN] + ["", "x"]),
       waarde=st.text(max_size=30))
def test_never_a_500(client, token, vraag, waarde):
    for pad in ("/zelfcheck/vraag/", "/zelfcheck/uitkomst/", "/zelfcheck/hulp/"):
        response = client.post(pad, {"antwoorden": token, "vraag": vraag, vraag or "x": waarde})
        assert response.status_code in (200, 302, 400)


def test_result_needs_every_question(client):
    schermen = doorloop(client, ALLEENSTAANDE_OUDER[:4])
    scherm = post(client, "/zelfcheck/uitkomst/", {}, schermen[-1].token)
    assert scherm.status == 200 and "Huur" in scherm.html and "Uw uitkomst" not in scherm.html


def test_what_if_with_own_amounts(client):
    token = doorloop(client)[-1].token
    scherm = post(client, "/zelfcheck/uitkomst/", {"watals": "1", "extra": "2000", "partner_inkomen": "0"}, token)
    assert "€ 2.000,00 bruto per maand meer" in scherm.html
    # the zorgtoeslag falls: gross € 3.300 a month is € 42.768 a year, above the 2026 limit of € 40.857
    rij = re.search(r"Zorgtoeslag</th><td[^>]*>([^<]+)</td><td[^>]*>([^<]+)</td>", scherm.html)
    assert rij and rij.group(2) == "€ 0,00"


def test_pdf_made_on_the_fly(client):
    from vroeghulp.schuldhulp.tests.pdf_tekst import pdf_tekst  # noqa: PLC0415  (tests may import any app)

    token = doorloop(client)[-1].token
    response = client.post("/zelfcheck/uitkomst.pdf", {"antwoorden": token})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    tekst = pdf_tekst(response.content)
    assert "Kindgebonden budget" in tekst and "€ 714" in tekst
