"""Warm handover by an informal partner, and what partners see afterwards (terugkoppeling)."""

import pytest
from django.utils import timezone

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory
from vroeghulp.gebieden.models import Postcode
from vroeghulp.signalering.models import PartnerType, Signaalpartner, Signaalstatus, Vroegsignaal
from vroeghulp.zaken import workflow
from vroeghulp.zaken.models import Eindresultaat, Vroegsignaalzaak
from vroeghulp.zaken.tests.factories import ZaakFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def huisarts(db):
    return Signaalpartner.objects.create(code="huisarts-overvecht", naam="Huisartsenpraktijk Overvecht",
                                         type=PartnerType.OVERIGE, informeel=True)


@pytest.fixture
def ketenpartner(huisarts):
    return GebruikerFactory(username="praktijk", rol=Rol.KETENPARTNER, signaalpartner=huisarts)


@pytest.fixture
def postcode_overvecht(inwoner_overvecht):
    return Postcode.objects.create(postcode="3561AB", buurt=inwoner_overvecht.huishouden.adres.buurt)


FORMULIER = {
    "voorletters": "A.", "achternaam": "Jansen", "postcode": "3561 AB", "huisnummer": "7",
    "telefoon": "0612345678", "bedrag": "350", "toelichting": "Schaamt zich, wil graag hulp. Bel na 17 uur.",
    "toestemming": "on",
}


def test_handover_creates_signal_and_case_on_top(client, ketenpartner, consulent, postcode_overvecht, wijk_overvecht):
    ander = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht, crisis=True,
                        matchingsdatum=timezone.localdate().replace(day=1))
    client.force_login(ketenpartner)
    assert client.get("/zaken/warme-overdracht/").status_code == 200
    response = client.post("/zaken/warme-overdracht/", FORMULIER, follow=True)
    assert response.status_code == 200
    assert "Dank u wel" in response.content.decode()
    signaal = Vroegsignaal.objects.get(partner__code="huisarts-overvecht")
    assert signaal.warme_overdracht and signaal.toestemming_inwoner
    assert signaal.extern_id.startswith("WO-")
    zaak = signaal.zaak
    assert zaak is not None and zaak.warme_overdracht and zaak.wijk_id == wijk_overvecht.pk
    assert "Bel na 17 uur" in zaak.notities.get().tekst
    # the partner sees only reference, date and status
    tekst = client.get("/zaken/warme-overdracht/").content.decode()
    assert signaal.extern_id in tekst and "Nog niet opgepakt" in tekst and "Schaamt" not in tekst
    # top of the worklist
    client.force_login(consulent)
    rijen = [z.pk for z in client.get("/zaken/").context["rijen"]]
    assert rijen[0] == zaak.pk and ander.pk in rijen


def test_handover_needs_consent(client, ketenpartner, postcode_overvecht):
    client.force_login(ketenpartner)
    zonder = {k: v for k, v in FORMULIER.items() if k != "toestemming"}
    response = client.post("/zaken/warme-overdracht/", zonder)
    assert response.status_code == 200
    assert "toestemming" in response.content.decode()
    assert not Vroegsignaal.objects.exists()


def test_handover_outside_municipality_is_refused_with_reason(client, ketenpartner, postcode_overvecht):
    client.force_login(ketenpartner)
    response = client.post("/zaken/warme-overdracht/", {**FORMULIER, "postcode": "1011 AB"})
    assert response.status_code == 200
    assert not Vroegsignaal.objects.exists()
    assert "utrecht-alert--error" in response.content.decode()


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.ANALIST, Rol.BEHEERDER])
def test_only_ketenpartners_hand_over(client, rol):
    client.force_login(GebruikerFactory(rol=rol))
    assert client.get("/zaken/warme-overdracht/").status_code == 403


def test_partner_status_api_follows_the_case_and_hides_the_reason(client, consulent, huisarts, zaak_overvecht):
    from vroeghulp.signalering import tokens

    signaal = zaak_overvecht.signalen.get()
    _, waarde = tokens.nieuwe_token(signaal.partner)
    kop = {"Authorization": f"Bearer {waarde}"}

    def status():
        response = client.get(f"/api/v1/signalen/{signaal.extern_id}/status", headers=kop)
        assert response.status_code == 200, response.content
        return response.json()

    assert status()["status"] == Signaalstatus.NOG_NIET_OPGEPAKT
    workflow.oppakken(zaak_overvecht, door=consulent)
    assert status() == {"ID": signaal.extern_id, "status": "Opgepakt", "datum": timezone.localdate().isoformat()}
    workflow.niet_oppakken(zaak_overvecht, door=consulent, resultaat=Eindresultaat.ANDERE_REDEN,
                           toelichting="Inwoner is opgenomen in een kliniek")
    antwoord = status()
    assert antwoord["status"] == "Niet opgepakt: andere reden"
    assert "kliniek" not in str(antwoord) and set(antwoord) == {"ID", "status", "datum"}
    assert Vroegsignaalzaak.objects.get(pk=zaak_overvecht.pk).reden_toelichting.endswith("kliniek")


def test_only_informal_active_partners(client, ketenpartner, huisarts):
    huisarts.informeel = False
    huisarts.save()
    client.force_login(ketenpartner)
    assert client.get("/zaken/warme-overdracht/").status_code == 403
    huisarts.informeel, huisarts.actief = True, False
    huisarts.save()
    assert client.get("/zaken/warme-overdracht/").status_code == 403
