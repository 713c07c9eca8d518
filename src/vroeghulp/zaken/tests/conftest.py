import pytest

from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory


@pytest.fixture
def zaak_overvecht(inwoner_overvecht):
    zaak = ZaakFactory(inwoner=inwoner_overvecht, crisis=True)
    SignaalFactory(zaak=zaak, telefoonnummer="0612345678")
    return zaak


@pytest.fixture
def zaak_zuid(inwoner_zuid):
    zaak = ZaakFactory(inwoner=inwoner_zuid)
    SignaalFactory(zaak=zaak)
    return zaak
