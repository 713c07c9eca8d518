"""The beheerder configures local schemes and help points; nobody else may."""

import pytest

from vroeghulp.zelfcheck.models import Hulppunt, LokaleRegeling

pytestmark = pytest.mark.django_db


def test_beheerder_adds_edits_and_deletes_a_scheme(client, beheerder):
    client.force_login(beheerder)
    assert client.get("/zelfcheck-beheer/").status_code == 200
    response = client.post("/zelfcheck-beheer/regeling/nieuw/", {
        "naam": "Stadspas", "omschrijving": "Korting", "inkomensgrens_procent": "120", "leeftijd_voor": "aanvrager",
        "aanvragen": "Bij de gemeente", "link": "gemeente.example/stadspas", "actief": "on"})
    assert response.status_code == 302
    regeling = LokaleRegeling.objects.get()
    assert regeling.inkomensgrens_procent == 120 and regeling.link == "https://gemeente.example/stadspas"
    assert client.get(f"/zelfcheck-beheer/regeling/{regeling.pk}/").status_code == 200
    assert client.post(f"/zelfcheck-beheer/regeling/{regeling.pk}/verwijderen/").status_code == 302
    assert not LokaleRegeling.objects.exists()


def test_a_bad_scheme_gets_messages(client, beheerder):
    client.force_login(beheerder)
    response = client.post("/zelfcheck-beheer/regeling/nieuw/", {
        "naam": "X", "omschrijving": "Y", "inkomensgrens_procent": "0", "leeftijd_voor": "kind",
        "leeftijd_vanaf": "18", "leeftijd_tot": "4", "aanvragen": "Z"})
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "De leeftijd &#x27;tot&#x27; moet hoger zijn dan &#x27;vanaf&#x27;." in tekst
    assert not LokaleRegeling.objects.exists()


def test_help_point_per_wijk(client, beheerder, wijk_overvecht):
    client.force_login(beheerder)
    response = client.post("/zelfcheck-beheer/hulppunt/nieuw/", {
        "soort": "sociaal_raadslieden", "naam": "Raadslieden Overvecht", "wijk": wijk_overvecht.pk,
        "adres": "Zamenhofdreef 1", "openingstijden": "ma-vr 9-12 uur", "actief": "on"})
    assert response.status_code == 302
    assert Hulppunt.objects.get().wijk == wijk_overvecht


@pytest.mark.parametrize("gebruiker", ["consulent", "teamleider", "analist"])
def test_others_may_not(client, request, gebruiker):
    client.force_login(request.getfixturevalue(gebruiker))
    assert client.get("/zelfcheck-beheer/").status_code == 403
    assert client.post("/zelfcheck-beheer/regeling/nieuw/", {"naam": "X"}).status_code == 403


def test_anonymous_goes_to_login(client):
    response = client.get("/zelfcheck-beheer/")
    assert response.status_code == 302 and "/accounts/inloggen/" in response["Location"]
