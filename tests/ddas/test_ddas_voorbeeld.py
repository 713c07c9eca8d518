"""The beheerder's preview of a DDAS delivery (/ddas-levering/) and the log of complete
deliveries it compares with. Every expected count is worked out from the objects made here."""

import io
import json
from datetime import date
from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from tests.ddas.test_ddas_api import MAART, SHV, VS, _post, keten, ondertekenen  # noqa: F401 (fixtures)
from tests.ddas.test_ddas_oauth import _token
from vroeghulp.accounts import services as accounts
from vroeghulp.monitor.ddas import voorbeeld
from vroeghulp.monitor.models import Ddaslevering
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.tests.factories import inwoner_in
from vroeghulp.zaken.models import Contactpoging
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

URL = "/ddas-levering/"
VAN, TOT = date(2026, 3, 1), date(2026, 3, 31)
VRAAG = {"soort": "vroegsignalering", "van": "2026-03-01", "tot": "2026-03-31"}


@pytest.fixture
def maart(db):
    """March 2026: 3 signals (2 with a BSN, 1 with an address) of one case with 1 contact
    attempt; 1 signal of 28 February (another month) whose case was closed on 28 February."""
    zaak = ZaakFactory(matchingsdatum=date(2026, 3, 2))
    SignaalFactory(zaak=zaak, signaaldatum=date(2026, 3, 2), bsn="111222333")
    SignaalFactory(zaak=zaak, signaaldatum=date(2026, 3, 10), bsn="123456782")
    SignaalFactory(zaak=zaak, signaaldatum=date(2026, 3, 31), bsn="")
    Contactpoging.objects.create(zaak=zaak, soort="Brief", datum=date(2026, 3, 3), bereikt=False)
    februari = ZaakFactory(matchingsdatum=date(2026, 2, 3), datum_afgerond=date(2026, 2, 28))
    SignaalFactory(zaak=februari, signaaldatum=date(2026, 2, 3), bsn="")
    return zaak


def _rijen(pagina: str) -> dict[str, list[str]]:
    """The table rows of the page as label -> the numbers in the row."""
    import re

    uit = {}
    for rij in re.findall(r'<tr class="utrecht-table__row">(.*?)</tr>', pagina, re.S):
        kop = re.search(r'scope="row">(.*?)</th>', rij, re.S)
        if kop:
            uit[kop.group(1).strip()] = [c.strip() for c in re.findall(r"numeric-column\">(.*?)</td>", rij, re.S)]
    return uit


def test_counts_per_object_type_by_hand(maart):
    # signals of March: 3 (2 with BSN, 1 with address); cases open in March: the one case
    # (the February case closed before 1 March); its 1 contact attempt
    assert voorbeeld.aantallen("vroegsignalering", VAN, TOT) == {
        "vroegsignalen": 3, "met_bsn": 2, "zonder_bsn": 1, "vroegsignaalzaken": 1, "contactpogingen": 1}


def test_beheerder_sees_the_counts_and_no_person(client, beheerder, maart):
    client.force_login(beheerder)
    pagina = client.get(URL + "?" + urlencode(VRAAG)).content.decode()
    rijen = _rijen(pagina)
    assert rijen["Vroegsignalen"] == ["3"] and rijen["Vroegsignalen met BSN"] == ["2"]
    assert rijen["Vroegsignaalzaken"] == ["1"] and rijen["Contactpogingen"] == ["1"]
    assert "Over deze periode is nog niets geleverd." in pagina
    for geheim in ("111222333", "123456782", "Jansen", "3561AB"):
        assert geheim not in pagina
    # without a choice: the previous month, the form filled in
    assert client.get(URL).status_code == 200


def test_what_changed_since_the_last_delivery(client, beheerder, maart, tmp_path):
    call_command("ddas_export", "--van", "2026-03-01", "--tot", "2026-03-31", "--uitvoer", str(tmp_path / "m.json"),
                 stderr=io.StringIO())
    [log] = Ddaslevering.objects.all()
    assert (log.soort, log.van, log.tot, log.kanaal, log.door) == ("vroegsignalering", VAN, TOT, "opdrachtregel",
                                                                   "opdrachtregel")
    assert log.aantallen["vroegsignalen"] == 3 and log.aantallen["vroegsignaalzaken"] == 1
    # after the delivery: one more signal of March (with a BSN) arrives in the same case
    SignaalFactory(zaak=maart, signaaldatum=date(2026, 3, 20), bsn="999999990")
    client.force_login(beheerder)
    pagina = client.get(URL + "?" + urlencode(VRAAG)).content.decode()
    rijen = _rijen(pagina)
    # now / last delivery / difference: 4 / 3 / +1 signals, 3 / 2 / +1 with BSN, cases 1 / 1 / 0
    assert rijen["Vroegsignalen"] == ["4", "3", "+1"]
    assert rijen["Vroegsignalen met BSN"] == ["3", "2", "+1"]
    assert rijen["Vroegsignaalzaken"] == ["1", "1", "0"]
    assert "Vroegsignalen ontvangen na de vorige levering: 1" in pagina
    # another period has no delivery yet
    april = client.get(URL + "?" + urlencode({**VRAAG, "van": "2026-04-01", "tot": "2026-04-30"})).content.decode()
    assert "Over deze periode is nog niets geleverd." in april


def test_the_api_logs_after_the_last_page_only(client, maart, ondertekenen):
    accounts.cbs_client()
    toegang = _token(client, accounts.cbs_clientgeheim_vernieuwen())
    # 4 records in March (3 signals, 1 case): pages of 3 -> page 1 of 2 is not the whole delivery
    assert _post(client, VS, {**MAART, "page": 1, "pageSize": 3}, toegang).status_code == 200
    assert not Ddaslevering.objects.exists()
    assert _post(client, VS, {**MAART, "page": 2, "pageSize": 3}, toegang).status_code == 200
    [log] = Ddaslevering.objects.all()
    assert (log.kanaal, log.door, log.aantallen["vroegsignalen"]) == ("api", "CBS", 3)


def test_schuldhulpverlening_counts_the_trajecten(client, beheerder, consulent, ondertekenen):
    wijk = consulent.teams.first().wijken.first()
    for d in (date(2026, 3, 2), date(2026, 3, 9)):
        workflow.aanmelden(inwoner_in(wijk).pk, door=consulent, aanmeldingswijze="inloop", aanmelddatum=d)
    telling = voorbeeld.aantallen("schuldhulpverlening", VAN, TOT)
    # two trajecten registered in March, each with its aanmelding phase and at least its resident
    assert telling["schuldhulptrajecten"] == 2 and telling["aanmelding"] == 2 and telling["client"] >= 2
    client.force_login(beheerder)
    rijen = _rijen(client.get(URL + "?" + urlencode({**VRAAG, "soort": "schuldhulpverlening"})).content.decode())
    assert rijen["Schuldhulptrajecten"] == ["2"]
    # the API's delivery of March logs the same counts
    toegang = _token(client, accounts.cbs_clientgeheim_vernieuwen())
    assert _post(client, SHV, MAART, toegang).status_code == 200
    assert Ddaslevering.objects.get(soort="schuldhulpverlening").aantallen == telling


@pytest.mark.parametrize("vraag, veld, melding", [
    ({**VRAAG, "tot": "2026-02-01"}, "tot", "ligt voor de eerste dag"),
    ({**VRAAG, "van": "2026-02-30"}, "van", "geen datum"),
    ({**VRAAG, "van": "31-03-2026"}, "van", "geen datum"),
    ({**VRAAG, "van": "1026-03-01"}, "van", "Kies een datum tussen"),
    ({**VRAAG, "soort": "armoede"}, "soort", "armoede"),
    ({"soort": "vroegsignalering", "van": "2026-03-01"}, "tot", "verplicht"),
])
def test_bad_input_is_a_form_error_naming_the_field(client, beheerder, db, vraag, veld, melding):
    client.force_login(beheerder)
    antwoord = client.get(URL + "?" + urlencode(vraag))
    assert antwoord.status_code == 200
    form = antwoord.context["form"]
    assert veld in form.errors and melding in " ".join(form.errors[veld])
    assert antwoord.context["v"] is None
    assert "Controleer wat u heeft ingevuld" in antwoord.content.decode()


@pytest.mark.parametrize("rol", ["consulent", "teamleider", "analist"])
def test_other_roles_are_refused(request, client, rol, maart):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(URL + "?" + urlencode(VRAAG)).status_code == 403


def test_anonymous_goes_to_the_login(client, db):
    antwoord = client.get(URL)
    assert antwoord.status_code == 302 and "/accounts/inloggen/" in antwoord["Location"]


def test_menu_shows_it_to_the_beheerder_only(client, beheerder, analist):
    client.force_login(beheerder)
    assert URL in client.get("/").content.decode()
    client.force_login(analist)
    assert URL not in client.get("/").content.decode()


def test_the_json_of_the_log_holds_no_person(maart, tmp_path):
    call_command("ddas_export", "--van", "2026-03-01", "--tot", "2026-03-31", "--uitvoer", str(tmp_path / "m.json"),
                 stderr=io.StringIO())
    tekst = json.dumps(list(Ddaslevering.objects.values()), default=str)
    assert not any(g in tekst for g in ("111222333", "123456782", "Jansen", "3561AB"))
