"""The column-wise fast path gives exactly the answer of the reference checks, for every row."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from vroeghulp.signalering.intake.controles import Controleur
from vroeghulp.signalering.intake.snel import SnelleControle
from vroeghulp.signalering.intake.velden import Ruwsignaal
from vroeghulp.signalering.models import PartnerType

KANDIDATEN = [
    ["E-1", " E-2", "E-3 ", "", None, "=1", "x" * 101, "ID\x07", 12, 1.5, "é-4"],
    ["412", "412,50", "1.234,56", "10", "0", "-5", "abc", "", None, 412, 412.5, 0, True, "99", "100", "49,99"],
    ["2025-12-03", "03-12-2025", "", None, "2026-01-09", "2025-06-01", "2025-07-31", "2025-08-01", "x", "2027-01-01",
     dt.date(2025, 12, 3), "46000", "2024-01-01"],
    ["2026-01-10", "10-01-2026", "", None, "2027-01-01", "gisteren", dt.date(2026, 1, 10), "2026-01-31",
     dt.datetime(2026, 1, 10, 9, 30), dt.date(2026, 3, 1), dt.datetime(2027, 1, 1)],
    ["nee", "ja", "", None, True, False, "misschien", "TRUE", "0", "1", 1],
    ["nee", "ja", "", None, True, "x"],
    ["nee", "ja", "", None, False, "1"],
    ["88812", "", None, "=1", "k" * 41, "K\x00"],
    ["123456782", "", None, "123456789", "12345672", "012345672", "1234 56782", 123456782, "abc"],
    ["3563 AB", "3563AB", "", None, "1011AA", "3563", "3563ab", "0123AB", "3451AA"],
    ["12", "", None, "12a", "0", "123456", "12.0", 12, "007"],
    ["bis", "", None, "x" * 11, "=A", " a "],
    ["1980-01-01", "", None, "2030-01-01", "1800-01-01", "x", dt.datetime(1980, 1, 1), dt.date(1850, 1, 1)],
    ["Vrouw", "Man", "", None, "M", "onzijdig", 3],
    ["A.", "", None, "-A", "A" * 21],
    ["van", "", None, " van "],
    ["Dijk", "", None, "=HYPERLINK(1)", "D" * 121, "Dijk\x07", "van\u00a0Dijk"],
    ["Eikstraat", "", None],
    ["Utrecht", "", None, "+Utrecht"],
    ["0612345678", "", None, "+31 6 12345678", "612345678", "=cmd", "06-12345678"],
    ["a@example.nl", "", None, "geen", " a@example.nl", "=HYPERLINK()"],
]

rij = st.tuples(*[st.sampled_from(k) for k in KANDIDATEN]).map(Ruwsignaal._make)


@pytest.mark.parametrize("soort", [p.value for p in PartnerType])
@settings(max_examples=60, deadline=None)
@given(blok=st.lists(rij, min_size=1, max_size=30))
def test_fast_path_equals_reference(soort, blok):
    controleur = Controleur(soort, vandaag=dt.date(2026, 2, 1), drempel=Decimal(50),
                            pc4=frozenset(range(3511, 3586)) | frozenset(range(3451, 3456)))
    snel = SnelleControle(controleur)
    assert snel.controleer_blok(blok) == [controleur.controleer(v) for v in blok]
    assert snel.controleer_blok(blok) == [controleur.controleer(v) for v in blok]  # with warm caches
