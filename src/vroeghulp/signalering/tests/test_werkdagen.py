"""Working days for the crisis deadline: weekends and the holidays of the Algemene termijnenwet."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vroeghulp.signalering.werkdagen import crisis_deadline, feestdagen, is_werkdag, plus_werkdagen


@pytest.mark.parametrize(("dag", "werkdag"), [
    (dt.date(2026, 4, 27), False),  # Koningsdag (Monday)
    (dt.date(2025, 4, 26), False),  # Koningsdag on Saturday 26 April (27th was a Sunday)
    (dt.date(2025, 4, 28), True),   # the Monday after: a normal working day
    (dt.date(2026, 4, 3), False),   # Goede Vrijdag (Algemene termijnenwet art. 3 lid 2)
    (dt.date(2026, 4, 6), False),   # Tweede Paasdag
    (dt.date(2026, 5, 5), False),   # 5 mei, also outside lustrum years (art. 3 lid 1)
    (dt.date(2026, 5, 14), False),  # Hemelvaartsdag
    (dt.date(2026, 5, 25), False),  # Tweede Pinksterdag
    (dt.date(2026, 12, 25), False), (dt.date(2026, 12, 28), True),
    (dt.date(2027, 1, 1), False),   # Nieuwjaarsdag
    (dt.date(2026, 3, 7), False), (dt.date(2026, 3, 8), False),  # weekend
    (dt.date(2026, 3, 9), True),
])
def test_is_werkdag(dag, werkdag):
    assert is_werkdag(dag) is werkdag


def test_feestdagen_2026_met_de_hand():
    assert sorted(d for d in feestdagen(2026) if d.weekday() < 5) == [
        dt.date(2026, 1, 1), dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 4, 27),
        dt.date(2026, 5, 5), dt.date(2026, 5, 14), dt.date(2026, 5, 25), dt.date(2026, 12, 25),
    ]


@pytest.mark.parametrize(("ontvangen", "deadline"), [
    (dt.date(2026, 3, 6), dt.date(2026, 3, 11)),    # Fri → Mon, Tue, Wed
    (dt.date(2026, 4, 24), dt.date(2026, 4, 30)),   # Fri; Mon 27-4 Koningsdag
    (dt.date(2026, 4, 2), dt.date(2026, 4, 9)),     # Thu; Goede Vrijdag and Tweede Paasdag
    (dt.date(2026, 5, 13), dt.date(2026, 5, 19)),   # Wed; Hemelvaart Thu 14-5 → Fri, Mon, Tue
    (dt.date(2026, 12, 24), dt.date(2026, 12, 30)), # Thu; Kerst Fri 25 (Sat 26) → Mon, Tue, Wed
    (dt.date(2026, 12, 31), dt.date(2027, 1, 6)),   # Thu; Nieuwjaarsdag Fri → Mon, Tue, Wed
])
def test_crisis_deadline(ontvangen, deadline):
    assert crisis_deadline(ontvangen) == deadline


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.integers(min_value=1, max_value=10))
def test_plus_werkdagen_eigenschappen(start, n):
    eind = plus_werkdagen(start, n)
    assert is_werkdag(eind) and eind > start
    tussen = [start + dt.timedelta(days=i) for i in range(1, (eind - start).days + 1)]
    # eind is a working day and exactly n working days lie in (start, eind]: it is the n-th one.
    assert sum(is_werkdag(d) for d in tussen) == n
