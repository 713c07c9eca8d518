"""A local scheme at 120% of the bijstandsnorm: shown just under the limit, not just over it."""

from decimal import Decimal

import pytest
import time_machine

from vroeghulp.zelfcheck.models import Leeftijdvoor, LokaleRegeling
from vroeghulp.zelfcheck.tests.doorlopen import ALLEENSTAANDE_OUDER, doorloop

pytestmark = pytest.mark.django_db

# Bijstandsnorm alleenstaande (ouder) 21 tot AOW-leeftijd on 1 March 2026: € 1.401,50 per month incl.
# vakantietoeslag (Participatiewet art. 21 onder a, text valid 2026-01-01; SZW Normenbrief 1 januari
# 2026). 120% of it: 1,20 × 1.401,50 = € 1.681,80.
# The check adds 8% vakantiegeld to the net monthly income the resident enters (docs/zelfcheck.md):
#   just under: € 1.557,00 × 1,08 = € 1.681,56 ≤ € 1.681,80 -> shown
#   just over:  € 1.558,00 × 1,08 = € 1.682,64 > € 1.681,80 -> not shown
ONDER, BOVEN = "1557,00", "1558,00"


@pytest.fixture
def stadspas(db):
    return LokaleRegeling.objects.create(
        naam="Stadspas", omschrijving="Korting op sport, cultuur en zwemmen.", inkomensgrens_procent=120,
        aanvragen="Vraag de Stadspas aan bij de gemeente.")


def _uitkomst(client, netto: str, **vervang) -> str:
    stappen = [dict(s) for s in ALLEENSTAANDE_OUDER]
    stappen[5] = {"vraag": "inkomen", "netto": netto, "per": "maand"}
    for stap in stappen:
        stap.update(vervang.get(stap["vraag"], {}))
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        return doorloop(client, stappen)[-1].html


def test_shown_just_under_the_limit(client, stadspas):
    html = _uitkomst(client, ONDER)
    assert "Stadspas" in html
    assert "120% van uw bijstandsnorm (€ 1.401,50): € 1.681,80 per maand" in html
    assert "€ 1.681,56" in html


def test_not_shown_just_over_the_limit(client, stadspas):
    assert "Stadspas" not in _uitkomst(client, BOVEN)


def test_asset_limit_and_child_ages(client, stadspas):
    stadspas.vermogensgrens = Decimal("5000")
    stadspas.save()
    assert "Stadspas" not in _uitkomst(client, ONDER, vermogen={"vermogen": "5000,01"})
    assert "Stadspas" in _uitkomst(client, ONDER, vermogen={"vermogen": "5000"})
    # a scheme for children from 12 to 18: the children are 4 and 9
    stadspas.leeftijd_voor, stadspas.leeftijd_vanaf, stadspas.leeftijd_tot = Leeftijdvoor.KIND, 12, 18
    stadspas.save()
    assert "Stadspas" not in _uitkomst(client, ONDER)
    assert "Stadspas" in _uitkomst(client, ONDER, kinderen={"leeftijden": "4, 12"})


def test_inactive_scheme_not_shown(client, stadspas):
    stadspas.actief = False
    stadspas.save()
    assert "Stadspas" not in _uitkomst(client, ONDER)
