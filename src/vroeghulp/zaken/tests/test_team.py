"""The team overview is the teamleider's screen (README "Rollen"), and it names a resident as the
worklist, the case file and the letters do (one rule: ``zaken.namen``)."""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory
from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.zaken import brieven
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

pytestmark = pytest.mark.django_db

LANG_GELEDEN = datetime.timedelta(days=60)  # far past every deadline, so the case is on the team page


@pytest.mark.parametrize("rol", ["consulent", "beheerder", "analist"])
def test_only_the_teamleider_opens_the_team_page(request, client, rol, teamleider):
    client.force_login(request.getfixturevalue(rol))
    response = client.get("/zaken/team/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    geweigerd = AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruikersnaam=request.getfixturevalue(rol).username)
    assert geweigerd.count() == 1 and geweigerd.get().doel
    client.force_login(teamleider)
    assert client.get("/zaken/team/").status_code == 200


def test_a_ketenpartner_is_refused_too(client, db):
    client.force_login(GebruikerFactory(rol=Rol.KETENPARTNER))
    assert client.get("/zaken/team/").status_code == 403


@pytest.mark.parametrize(("rol", "ziet_team"), [
    ("consulent", False), ("teamleider", True), ("analist", False), ("beheerder", False)])
def test_the_menu_shows_team_only_to_the_teamleider(request, client, rol, ziet_team):
    client.force_login(request.getfixturevalue(rol))
    menu = [str(item["label"]) for item in client.get("/").context["MENU"]]
    assert ("Team" in menu) is ziet_team


def _namen_op(client, url):
    """Link text per case id on the worklist or team page."""
    import re

    html = client.get(url).content.decode()
    return {int(pk): naam.strip() for pk, naam in re.findall(r'href="/zaken/(\d+)/">([^<]+)</a>', html)}


def test_team_page_and_worklist_name_a_resident_the_same(client, teamleider, wijk_overvecht, inwoner_overvecht):
    oud = timezone.localdate() - LANG_GELEDEN
    inwoner_overvecht.voorletters, inwoner_overvecht.voorvoegsel, inwoner_overvecht.achternaam = "A.", "van", "Dijk"
    inwoner_overvecht.save()
    gekoppeld = ZaakFactory(inwoner=inwoner_overvecht, matchingsdatum=oud)
    SignaalFactory(zaak=gekoppeld, voorletters="X.", achternaam="Anders")  # the BRP name wins
    # Not linked to a BRP person (yet): the partner's name, from the first signal with a surname.
    los = ZaakFactory(inwoner=None, wijk=wijk_overvecht, matchingsdatum=oud)
    SignaalFactory(zaak=los, voorletters="", voorvoegsel="", achternaam="")
    SignaalFactory(zaak=los, voorletters="P.", voorvoegsel="de", achternaam="Ruiter")
    SignaalFactory(zaak=los, voorletters="Q.", achternaam="Later")
    onbekend = ZaakFactory(inwoner=None, wijk=wijk_overvecht, matchingsdatum=oud)
    SignaalFactory(zaak=onbekend, voorletters="", voorvoegsel="", achternaam="")

    client.force_login(teamleider)
    team, werkvoorraad = _namen_op(client, "/zaken/team/"), _namen_op(client, "/zaken/")
    # Expected by hand: voorletters, voorvoegsel and achternaam with single spaces.
    verwacht = {gekoppeld.pk: "A. van Dijk", los.pk: "P. de Ruiter", onbekend.pk: f"Zaak {onbekend.pk}"}
    assert team == verwacht
    assert werkvoorraad == verwacht

    # The case file and the letter use the same name.
    detail = client.get(f"/zaken/{los.pk}/").content.decode()
    assert '<h1 class="utrecht-heading-1">P. de Ruiter</h1>' in detail
    assert f'<h1 class="utrecht-heading-1">Zaak {onbekend.pk}</h1>' in client.get(f"/zaken/{onbekend.pk}/").content.decode()
    assert brieven.ontvanger(los).naam == "P. de Ruiter"
    assert brieven.ontvanger(los).aanhef == "Beste P. de Ruiter,"  # no gender in the signal
    assert brieven.ontvanger(onbekend).naam == "De bewoner"
    assert brieven.ontvanger(onbekend).aanhef == "Beste bewoner,"
