"""The dwangakkoord flag (Fw art. 287a): the numbers by hand, no threshold of our own."""

from decimal import Decimal

import pytest

from vroeghulp.schuldhulp import regeling
from vroeghulp.schuldhulp.models import Fase, Reactie
from vroeghulp.schuldhulp.regeling_dwangakkoord import aandeel, beoordeel
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.schuldhulp.tests.test_regeling import _drie_schulden, _voorstel

D = Decimal


@pytest.fixture
def verstuurd(consulent):
    traject = traject_in(Fase.PLAN_VAN_AANPAK, consulent)
    _drie_schulden(traject)  # Woonstichting 1.000, Energie BV 500, Belastingdienst 1.500 preferent
    voorstel = _voorstel(traject, consulent, "50.00")  # offers 200, 100, 600 (test_regeling)
    regeling.versturen(voorstel.pk, consulent)
    voorstel.refresh_from_db()
    return voorstel


def _antwoord(voorstel, naam, reactie, door):
    regel = voorstel.regels.get(schuld__schuldeiser__naam=naam)
    regeling.antwoord_vastleggen(regel.pk, reactie, door=door)


def test_one_refusal_the_numbers(verstuurd, consulent):
    _antwoord(verstuurd, "Woonstichting", Reactie.AKKOORD, consulent)
    _antwoord(verstuurd, "Energie BV", Reactie.WEIGERING, consulent)
    d = beoordeel(verstuurd, regeling.stand(verstuurd))
    # total 3.000; refusing: Energie BV 500 → 500 / 3.000 = 16,666…% → 16,67%
    # agreed: Woonstichting 1.000 → 33,33%; no answer: Belastingdienst 1.500 → 50,00%
    assert d.overwegen
    assert (d.aantal_akkoord, d.aantal_weigering, d.aantal_open) == (1, 1, 1)
    assert (d.schuld_akkoord, d.schuld_weigering, d.schuld_open) == (D("1000.00"), D("500.00"), D("1500.00"))
    assert (d.aandeel_akkoord, d.aandeel_weigering, d.aandeel_open) == (D("33.33"), D("16.67"), D("50.00"))
    assert d.aanbod_weigeraars == D("100.00")  # Energie BV is offered 20% of 500
    assert [(w.schuldeiser, w.aandeel) for w in d.weigeraars] == [("Energie BV", D("16.67"))]
    assert "16,67% van de schulden" in d.redenen[0] and "De wet noemt geen grens" in d.redenen[0]
    assert any("Wsnp" in r for r in d.redenen) and any("nog geen antwoord" in r for r in d.redenen)
    assert any("287a" in b.url for b in d.bronnen)


def test_no_refusal_no_flag(verstuurd, consulent):
    for naam in ("Woonstichting", "Energie BV", "Belastingdienst"):
        _antwoord(verstuurd, naam, Reactie.AKKOORD, consulent)
    d = beoordeel(verstuurd, regeling.stand(verstuurd))
    assert not d.overwegen and d.aandeel_akkoord == D("100.00") and "Geen schuldeiser heeft geweigerd" in d.redenen[0]


def test_not_sent_no_flag(consulent):
    traject = traject_in(Fase.PLAN_VAN_AANPAK, consulent)
    _drie_schulden(traject)
    voorstel = _voorstel(traject, consulent)
    d = beoordeel(voorstel, regeling.stand(voorstel))
    assert not d.overwegen and "lid 1" in d.redenen[0] and d.aantal_open == 3


@pytest.mark.parametrize("deel, totaal, verwacht", [
    ("1", "3", "33.33"), ("2", "3", "66.67"), ("1", "8", "12.50"),  # 12,5 exactly; 66,666… up
    ("1401.19", "12453.40", "11.25"),  # ECLI:NL:PHR:2020:703: 1.401,19 / 12.453,40 = 11,2515…%
    ("0", "0", "0.00"),
])
def test_share_half_up(deel, totaal, verwacht):
    assert aandeel(D(deel), D(totaal)) == D(verwacht)
