"""Loading Gemeente Utrecht into the database."""

import pytest

from vroeghulp.gebieden import utrecht
from vroeghulp.gebieden.models import Buurt, Gemeente, Postcode, Wijk
from vroeghulp.gebieden.services import laad_utrecht, postcodes_per_buurt

pytestmark = pytest.mark.django_db


def test_loads_gemeente_wijken_buurten_and_postcodes_once():
    laad_utrecht()
    eerst = [m.objects.count() for m in (Gemeente, Wijk, Buurt, Postcode)]
    gemeente = laad_utrecht()
    assert [m.objects.count() for m in (Gemeente, Wijk, Buurt, Postcode)] == eerst
    assert (gemeente.code, gemeente.naam, gemeente.cbs_code) == ("0344", "Utrecht", "GM0344")
    assert eerst[1:3] == [10, len(utrecht.alle_buurten())]


def test_every_postcode_row_points_at_its_buurt():
    laad_utrecht()
    verwacht = {pc: code for code, pcs in postcodes_per_buurt().items() for pc in pcs}
    rijen = dict(Postcode.objects.values_list("postcode", "buurt__code"))
    assert rijen == verwacht


def test_completes_an_existing_wijk_and_marks_overvecht_as_focus_area():
    gemeente = Gemeente.objects.create(code="0344", naam="Utrecht")
    Wijk.objects.create(code="WK034403", naam="Overvecht", gemeente=gemeente, focusgebied=False)
    laad_utrecht()
    assert Wijk.objects.get(code="WK034403").focusgebied
    assert Buurt.objects.filter(wijk__code="WK034403").count() == 10
