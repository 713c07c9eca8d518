"""'Ik wil hulp': exactly one self-referral signal on the right wijk's worklist, on top, with the
consent recorded and audited, and only the answers the resident chose to share."""

import pytest
from django.utils import timezone

from vroeghulp.audit.models import AuditEvent
from vroeghulp.gebieden.models import Postcode
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.zaken.models import Vroegsignaalzaak
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory
from vroeghulp.zelfcheck.tests.doorlopen import doorloop, post

pytestmark = pytest.mark.django_db

CONTACT = {"voorletters": "S.", "achternaam": "Bakker", "postcode": "3561 ab", "huisnummer": "12",
           "telefoon": "06 1234 5678", "bedrag": "800", "verstuur": "1"}


@pytest.fixture
def postcode_overvecht(inwoner_overvecht):
    return Postcode.objects.create(postcode="3561AB", buurt=inwoner_overvecht.huishouden.adres.buurt)


def _hulpscherm(client):
    token = doorloop(client)[-1].token
    scherm = post(client, "/zelfcheck/hulp/", {}, token)
    assert scherm.status == 200 and "Wat gebeurt er met uw gegevens?" in scherm.html
    kenmerk = scherm.html.split('name="kenmerk" value="')[1].split('"')[0]
    return token, kenmerk


def test_help_request_lands_on_top_of_the_wijk_worklist(client, consulent, postcode_overvecht, wijk_overvecht):
    ander = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht, crisis=True,
                        matchingsdatum=timezone.localdate().replace(day=1))
    SignaalFactory(zaak=ander)
    token, kenmerk = _hulpscherm(client)
    scherm = post(client, "/zelfcheck/hulp/", {**CONTACT, "kenmerk": kenmerk, "delen": "on", "toestemming": "on"}, token)
    assert scherm.status == 200, scherm.html
    assert "Een medewerker van het wijkteam Overvecht belt u binnen 28 dagen" in scherm.html

    signaal = Vroegsignaal.objects.get(partner__code="zelfcheck")
    assert signaal.toestemming_inwoner and signaal.warme_overdracht and signaal.wijk_id == wijk_overvecht.pk
    assert signaal.achternaam == "Bakker" and signaal.telefoonnummer
    zaak = signaal.zaak
    assert zaak.warme_overdracht and zaak.wijk_id == wijk_overvecht.pk
    notitie = zaak.notities.get().tekst
    assert "Zelfmelding via de zelfcheck" in notitie and "Kindgebonden budget: € 714" in notitie
    # the consent is in the audit trail
    event = AuditEvent.objects.get(object_type="signalering.Vroegsignaal", object_id=str(signaal.pk))
    assert "Toestemming" in event.toelichting and event.doel == "zelfmelding via de zelfcheck"
    # on top of the worklist of the wijk's team
    client.force_login(consulent)
    rijen = [z.pk for z in client.get("/zaken/").context["rijen"]]
    assert rijen[0] == zaak.pk and ander.pk in rijen

    # sending the same form again (reload) gives the same confirmation and no second signal
    client.logout()
    opnieuw = post(client, "/zelfcheck/hulp/", {**CONTACT, "kenmerk": kenmerk, "delen": "on", "toestemming": "on"}, token)
    assert "belt u binnen" in opnieuw.html
    assert Vroegsignaal.objects.filter(partner__code="zelfcheck").count() == 1
    assert Vroegsignaalzaak.objects.filter(warme_overdracht=True).count() == 1


def test_without_sharing_only_contact_details_go(client, postcode_overvecht):
    token, kenmerk = _hulpscherm(client)
    post(client, "/zelfcheck/hulp/", {**CONTACT, "kenmerk": kenmerk, "toestemming": "on"}, token)
    notitie = Vroegsignaal.objects.get(partner__code="zelfcheck").zaak.notities.get().tekst
    assert "Gedeeld" not in notitie and "714" not in notitie and "1.150" not in notitie


def test_no_consent_nothing_is_sent(client, postcode_overvecht):
    token, kenmerk = _hulpscherm(client)
    scherm = post(client, "/zelfcheck/hulp/", {**CONTACT, "kenmerk": kenmerk, "delen": "on"}, token)
    assert scherm.status == 200 and "Zonder uw toestemming kunnen wij u niet bellen" in scherm.html
    assert not Vroegsignaal.objects.exists()


@pytest.mark.parametrize("veld, waarde, melding", [
    ("postcode", "35", "Vul een postcode in zoals 3561 AB."),
    ("telefoon", "", "Vul uw telefoonnummer in"),
    ("bedrag", "veel", "Vul een bedrag in euro"),
])
def test_bad_contact_details_get_a_message(client, postcode_overvecht, veld, waarde, melding):
    token, kenmerk = _hulpscherm(client)
    scherm = post(client, "/zelfcheck/hulp/", {**CONTACT, veld: waarde, "kenmerk": kenmerk, "toestemming": "on"}, token)
    assert scherm.status == 200 and melding in scherm.html
    assert not Vroegsignaal.objects.exists()


def test_address_outside_the_municipality_is_refused_calmly(client, postcode_overvecht):
    token, kenmerk = _hulpscherm(client)
    scherm = post(client, "/zelfcheck/hulp/", {**CONTACT, "postcode": "1011 AB", "kenmerk": kenmerk,
                                               "toestemming": "on"}, token)
    assert scherm.status == 200 and "Controleer wat u heeft ingevuld" in scherm.html
    assert not Vroegsignaal.objects.exists()
