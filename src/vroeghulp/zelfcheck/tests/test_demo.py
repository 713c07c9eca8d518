"""The demo step configures schemes and help points per wijk, once."""

import io

import pytest

from vroeghulp.demo.context import DemoContext
from vroeghulp.zelfcheck import demo
from vroeghulp.zelfcheck.models import Hulppunt, LokaleRegeling
from vroeghulp.zelfcheck.tests.doorlopen import doorloop

pytestmark = pytest.mark.django_db


def test_demo_step_and_what_the_check_then_shows(client, wijk_overvecht, wijk_zuid):
    context = DemoContext(opties={}, seed=1, gemeente=wijk_overvecht.gemeente, stdout=io.StringIO())
    demo.vul(context)
    demo.vul(context)  # idempotent
    assert LokaleRegeling.objects.count() == 3
    assert Hulppunt.objects.filter(wijk=wijk_overvecht).count() == 3 and Hulppunt.objects.count() == 7
    html = doorloop(client)[-1].html
    # net € 1.150 × 1,08 = € 1.242 is below 125% of the 2026 norm for a single parent (125% × € 1.401,50 =
    # € 1.751,88 in the first half year, 125% × € 1.419,46 = € 1.774,33 from July): the Stadspas;
    # the children of 4 and 9 fall in 4 to 18: Meedoen voor kinderen
    assert "Stadspas" in html and "Meedoen voor kinderen" in html
    assert "Sociaal raadslieden Overvecht" in html and "Sociaal raadslieden Zuid" not in html
    assert "Schuldhulp van de gemeente" in html
