import datetime

import factory

from vroeghulp.gebieden.tests.factories import BuurtFactory
from vroeghulp.personen.models import Adres, Huishouden, Inwoner, Rol


def bsn_from_seed(seed: int) -> str:
    """A valid BSN (11-proef) derived from a number: choose the last digit so the sum fits."""
    base = f"{10000000 + (seed * 7919) % 89999999:08d}"  # never 0000…: no leading-zero BSNs
    total = sum(int(d) * w for d, w in zip(base, (9, 8, 7, 6, 5, 4, 3, 2)))
    for last in range(10):
        if (total - last) % 11 == 0:
            return base + str(last)
    return bsn_from_seed(seed + 1000003)


class AdresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adres

    postcode = factory.Sequence(lambda n: f"35{n % 100:02d}AB")
    huisnummer = factory.Sequence(lambda n: n + 1)
    straatnaam = "Eikstraat"
    plaatsnaam = "Utrecht"
    buurt = factory.SubFactory(BuurtFactory)


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    adres = factory.SubFactory(AdresFactory)


class InwonerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inwoner

    bsn = factory.Sequence(bsn_from_seed)
    voornamen = "Anna"
    voorletters = "A."
    achternaam = factory.Sequence(lambda n: f"Jansen{n}")
    geboortedatum = datetime.date(1985, 5, 17)
    geslacht = "Vrouw"
    huishouden = factory.SubFactory(HuishoudenFactory)
    rol = Rol.AANVRAGER
