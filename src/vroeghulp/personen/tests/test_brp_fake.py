"""The BRP fake answers from the local personen tables, in a Haal Centraal-like shape."""

import datetime

import numpy as np
import pytest

from vroeghulp.common.bsn import is_valid_bsn
from vroeghulp.demo.bsn import synthetische_bsns
from vroeghulp.personen import brp_fake
from vroeghulp.personen.tests.factories import AdresFactory, HuishoudenFactory, InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def flat(wijk_overvecht):
    """Two homes under one huisnummer (toevoeging 1 and 2) and a house with huisletter A."""
    from vroeghulp.gebieden.tests.factories import BuurtFactory

    buurt = BuurtFactory(wijk=wijk_overvecht, code="BU03440341", naam="Zambesidreef en omgeving")
    een = HuishoudenFactory(adres=AdresFactory(buurt=buurt, postcode="3561AB", huisnummer=12, toevoeging="1",
                                               straatnaam="Zambesidreef"))
    twee = HuishoudenFactory(adres=AdresFactory(buurt=buurt, postcode="3561AB", huisnummer=12, toevoeging="2",
                                                straatnaam="Zambesidreef"))
    letter = HuishoudenFactory(adres=AdresFactory(buurt=buurt, postcode="3561AB", huisnummer=14, huisletter="A",
                                                  straatnaam="Zambesidreef"))
    # Explicit BSNs: the shared factory's first sequence value is 000000000, which is invalid.
    bsn = iter(synthetische_bsns(4, np.random.default_rng(1)))
    return {
        "ouder": InwonerFactory(huishouden=een, bsn=next(bsn), geboortedatum=datetime.date(1970, 3, 1), voorvoegsel="van",
                                achternaam="Dijk", voornamen="Anna Maria"),
        "kind": InwonerFactory(huishouden=een, bsn=next(bsn), geboortedatum=datetime.date(2012, 6, 1), rol="kind"),
        "buur": InwonerFactory(huishouden=twee, bsn=next(bsn), geboortedatum=datetime.date(1985, 1, 1)),
        "letter": InwonerFactory(huishouden=letter, bsn=next(bsn)),
    }


def test_zoek_persoon_answers_like_haal_centraal(flat):
    ouder = flat["ouder"]
    assert is_valid_bsn(ouder.bsn)
    persoon = brp_fake.zoek_persoon(ouder.bsn)
    assert persoon["burgerservicenummer"] == ouder.bsn
    assert persoon["naam"]["voorvoegsel"] == "van" and persoon["naam"]["geslachtsnaam"] == "Dijk"
    assert persoon["naam"]["volledigeNaam"] == "Anna Maria van Dijk"
    assert persoon["geboorte"]["datum"] == {"type": "Datum", "datum": "1970-03-01", "langFormaat": "1 maart 1970"}
    assert persoon["verblijfplaats"] == {"type": "Adres", "verblijfadres": {
        "officieleStraatnaam": "Zambesidreef", "korteStraatnaam": "Zambesidreef", "huisnummer": 12,
        "huisnummertoevoeging": "1", "postcode": "3561AB", "woonplaats": "Utrecht",
    }}
    assert persoon["gemeenteVanInschrijving"] == {"code": "0344", "omschrijving": "Utrecht"}
    assert (persoon["inwoner_id"], persoon["wijkcode"], persoon["buurtcode"]) == (
        ouder.pk, "WK034403", "BU03440341")
    assert persoon["wijk_id"] == ouder.huishouden.adres.buurt.wijk_id


def test_the_signalering_brp_reads_the_fake(flat):
    from vroeghulp.signalering.brp import van_haal_centraal

    brp = van_haal_centraal(brp_fake.zoek_persoon(flat["letter"].bsn))
    assert (brp.postcode, brp.huisnummer, brp.huisletter, brp.inwoner_id) == (
        "3561AB", "14", "A", flat["letter"].pk)


def test_zoek_personen_looks_up_a_batch(flat):
    bsns = [flat["ouder"].bsn, flat["buur"].bsn, "111222333", ""]
    gevonden = brp_fake.zoek_personen(bsns)
    assert set(gevonden) == {flat["ouder"].bsn, flat["buur"].bsn}
    assert gevonden[flat["buur"].bsn]["inwoner_id"] == flat["buur"].pk


def test_zoek_persoon_accepts_spaces_and_refuses_unknown_or_invalid_bsns(flat):
    bsn = flat["ouder"].bsn
    assert brp_fake.zoek_persoon(f"{bsn[:4]} {bsn[4:]}")["inwoner_id"] == flat["ouder"].pk
    assert brp_fake.zoek_persoon("123456789") is None  # fails the 11-proef
    assert brp_fake.zoek_persoon("111222333") is None  # valid, but nobody lives here with it


def test_zoek_bewoners_without_toevoeging_returns_everyone_at_the_number_oldest_first(flat):
    ids = [p["inwoner_id"] for p in brp_fake.zoek_bewoners("3561 ab", "12")]
    assert ids == [flat["ouder"].pk, flat["buur"].pk, flat["kind"].pk]


def test_zoek_bewoners_with_toevoeging_or_huisletter_returns_that_home_only(flat):
    assert [p["inwoner_id"] for p in brp_fake.zoek_bewoners("3561AB", 12, "2")] == [flat["buur"].pk]
    assert [p["inwoner_id"] for p in brp_fake.zoek_bewoners("3561AB", 14, "a")] == [flat["letter"].pk]
    assert brp_fake.zoek_bewoners("3561AB", 12, "bis") == []
    assert brp_fake.zoek_bewoners("3561AB", "twaalf") == []
    assert brp_fake.zoek_bewoners("3561AC", 12) == []


def test_age_is_computed_on_the_day():
    geboren = datetime.date(2000, 6, 15)
    assert brp_fake._leeftijd(geboren, datetime.date(2026, 6, 14)) == 25
    assert brp_fake._leeftijd(geboren, datetime.date(2026, 6, 15)) == 26
