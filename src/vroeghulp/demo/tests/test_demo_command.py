"""`vroeghulp demo --alleen-data` on the test database (SQLite or PostgreSQL)."""

from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Avg, Count

from vroeghulp.accounts.models import Gebruiker, Rol, Team
from vroeghulp.common.bsn import is_valid_bsn
from vroeghulp.common.homes import HOMES
from vroeghulp.demo import steps
from vroeghulp.demo.models import DemoDataset
from vroeghulp.gebieden import utrecht
from vroeghulp.gebieden.models import Buurt, Postcode, Wijk
from vroeghulp.personen.models import Adres, Huishouden, Inwoner, Rol as HuisRol
from vroeghulp.signalering.models import Signaalpartner

pytestmark = pytest.mark.django_db

CODES = ["huur", "energie", "water", "zorg", "cak-zorgverzekeringen", "cak-eigen-bijdrage",
         "hypotheek", "duo", "belastingdienst", "dienst-toeslagen", "overige"]


def demo(huishoudens=300) -> str:
    uit = StringIO()
    call_command("demo", huishoudens=huishoudens, alleen_data=True, stdout=uit)
    return uit.getvalue()


def aantallen():
    return {m.__name__: m.objects.count() for m in (Wijk, Buurt, Postcode, Adres, Huishouden, Inwoner,
                                                   Signaalpartner, Team, Gebruiker, DemoDataset)}


def test_creates_utrecht_with_households_and_prints_the_logins():
    uitvoer = demo(300)
    assert Wijk.objects.filter(gemeente__code="0344").count() == 10
    assert list(Wijk.objects.filter(focusgebied=True).values_list("naam", flat=True)) == ["Overvecht"]
    assert Huishouden.objects.count() == 300
    assert Inwoner.objects.count() > 300
    for username in ("beheerder", "teamleider", "consulent", "analist", "huisarts"):
        assert username in uitvoer
    assert "demo" in uitvoer


def test_persons_have_valid_unique_bsns_and_every_household_one_main_resident():
    demo(300)
    bsns = list(Inwoner.objects.values_list("bsn", flat=True))
    assert len(bsns) == len(set(bsns))
    assert all(is_valid_bsn(b) for b in bsns)
    hoofd = Counter(Inwoner.objects.filter(rol=HuisRol.AANVRAGER).values_list("huishouden_id", flat=True))
    assert set(hoofd.values()) == {1} and len(hoofd) == 300
    assert Inwoner.objects.filter(rol=HuisRol.PARTNER).values("huishouden_id").annotate(
        n=Count("id")).filter(n__gt=1).count() == 0
    assert not Inwoner.objects.filter(rol=HuisRol.KIND, netto_inkomen_per_maand__gt=0).exists()


def test_every_address_lies_in_a_buurt_of_utrecht_with_a_postcode_of_that_buurt():
    demo(300)
    postcodes = dict(Postcode.objects.values_list("postcode", "buurt_id"))
    for adres in Adres.objects.select_related("buurt__wijk__gemeente"):
        assert adres.buurt.wijk.gemeente.code == "0344"
        assert utrecht.in_gemeente(adres.postcode), adres.postcode
        assert postcodes[adres.postcode] == adres.buurt_id
        assert adres.straatnaam and adres.plaatsnaam in {"Utrecht", "Vleuten", "De Meern", "Haarzuilens"}


def test_household_mix_contains_every_composition():
    demo(600)
    per_huishouden = {}
    for huishouden_id, rol in Inwoner.objects.values_list("huishouden_id", "rol"):
        per_huishouden.setdefault(huishouden_id, Counter())[rol] += 1
    soorten = Counter(
        "kostendelers" if r[HuisRol.MEDEBEWONER] else
        "gezin" if r[HuisRol.PARTNER] and r[HuisRol.KIND] else
        "eenouder" if r[HuisRol.KIND] else
        "paar" if r[HuisRol.PARTNER] else "alleenstaand"
        for r in per_huishouden.values()
    )
    assert set(soorten) == {"alleenstaand", "paar", "gezin", "eenouder", "kostendelers"}
    assert soorten["alleenstaand"] > soorten["paar"] > soorten["kostendelers"]


def test_incomes_are_lower_in_the_focus_area():
    demo(2000)
    volwassen = Inwoner.objects.exclude(rol=HuisRol.KIND)
    focus = volwassen.filter(huishouden__adres__buurt__wijk__focusgebied=True)
    rest = volwassen.filter(huishouden__adres__buurt__wijk__focusgebied=False)
    gem_focus = focus.aggregate(a=Avg("netto_inkomen_per_maand"))["a"]
    gem_rest = rest.aggregate(a=Avg("netto_inkomen_per_maand"))["a"]
    assert Decimal(gem_focus) < Decimal(gem_rest) * Decimal("0.8")
    assert 1800 < gem_rest < 3500  # net per adult per month, a Dutch city


def test_running_twice_does_not_duplicate_anything():
    demo(200)
    eerst = aantallen()
    uitvoer = demo(200)
    assert aantallen() == eerst
    assert "bestonden al" in uitvoer


def test_another_size_on_a_filled_database_is_refused_not_mixed():
    demo(100)
    with pytest.raises(CommandError, match="100 huishoudens"):
        demo(150)
    assert Huishouden.objects.count() == 100


def test_signal_partners_one_per_ddas_type_with_the_contract_codes():
    demo(50)
    formeel = Signaalpartner.objects.filter(informeel=False)
    assert sorted(formeel.values_list("code", flat=True)) == sorted(CODES)
    assert len(set(formeel.values_list("type", flat=True))) == 11
    assert all(len(p.kvk_nummer) == 8 and p.kvk_nummer.isdigit() and p.contactpersoon
               for p in Signaalpartner.objects.all())
    huisarts = Signaalpartner.objects.get(naam="Huisartsenpraktijk Overvecht")
    assert huisarts.informeel
    assert Gebruiker.objects.get(username="huisarts").signaalpartner == huisarts


def test_teams_cover_every_wijk_and_the_demo_caseworkers_work_in_overvecht():
    demo(50)
    assert set(Wijk.objects.filter(teams__isnull=False).values_list("naam", flat=True)) == {
        w.naam for w in utrecht.WIJKEN
    }
    overvecht = Team.objects.get(naam="Wijkteam Overvecht")
    assert set(overvecht.wijken.values_list("naam", flat=True)) == {"Overvecht", "Noordoost"}
    for username in ("consulent", "teamleider"):
        assert list(Gebruiker.objects.get(username=username).teams.all()) == [overvecht]


@pytest.mark.parametrize("username,rol", [
    ("beheerder", Rol.BEHEERDER), ("teamleider", Rol.TEAMLEIDER), ("consulent", Rol.CONSULENT),
    ("analist", Rol.ANALIST), ("huisarts", Rol.KETENPARTNER),
])
def test_demo_logins_work_and_reach_their_home_screen(client, username, rol):
    demo(20)
    response = client.post("/accounts/inloggen/", {"username": username, "password": "demo"}, follow=True)
    assert response.status_code == 200
    assert response.wsgi_request.user.username == username
    assert response.wsgi_request.user.rol == rol
    assert str(HOMES[rol][1]) in response.content.decode()


def test_extension_steps_run_after_the_own_steps(monkeypatch):
    monkeypatch.setattr(steps, "STEPS", ["vroeghulp.demo.tests.test_demo_command.voorbeeldstap"])
    demo(30)
    assert Gebruiker.objects.filter(username="stap-liep", first_name="30").exists()
    assert DemoDataset.objects.get().stappen == "vroeghulp.demo.tests.test_demo_command.voorbeeldstap"


def voorbeeldstap(context):
    """A step as another app would write it: it sees the households and the options."""
    assert Huishouden.objects.count() == context.opties["huishoudens"]
    assert context.gemeente.code == "0344"
    Gebruiker.objects.create(username="stap-liep", first_name=str(context.opties["huishoudens"]),
                             rol=Rol.ANALIST, is_active=False)
    context.meld("voorbeeldstap klaar")


def test_demo_consulent_sees_residents_of_overvecht_but_not_of_zuid(client):
    demo(400)
    client.post("/accounts/inloggen/", {"username": "consulent", "password": "demo"})
    in_overvecht = Inwoner.objects.filter(huishouden__adres__buurt__wijk__naam="Overvecht").first()
    in_zuid = Inwoner.objects.filter(huishouden__adres__buurt__wijk__naam="Zuid").first()
    assert client.get(f"/personen/{in_overvecht.pk}/").status_code == 200
    assert client.get(f"/personen/{in_zuid.pk}/").status_code == 403


def test_a_database_with_other_residents_is_never_filled(inwoner_overvecht):
    with pytest.raises(CommandError, match="niet door de demo"):
        demo(10)
    assert not DemoDataset.objects.exists()
