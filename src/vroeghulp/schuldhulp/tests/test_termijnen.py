"""Wgs deadlines, worked by hand from the law and the 2026 calendar.

Calendar 2026 (1 January is a Thursday): Goede Vrijdag 3 April, Pasen 5-6 April, Koningsdag
Monday 27 April, 5 mei Tuesday, Hemelvaart Thursday 14 May, Kerstmis Friday 25 and Saturday
26 December. Four weeks = 28 days, eight weeks = 56 days (Wgs art. 4 lid 1, art. 4a lid 3);
a term ending on a weekend or algemeen erkende feestdag runs on to the next working day
(Algemene termijnenwet art. 1 lid 1); three working days do not count the start day (art. 4 lid 2).
"""

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured

from vroeghulp.schuldhulp import termijnen


@pytest.mark.parametrize("aanmelding,verwacht", [
    # Mon 2 Feb + 28 days = Mon 2 Mar, a working day
    (date(2026, 2, 2), date(2026, 3, 2)),
    # Mon 30 Mar + 28 = Mon 27 Apr, Koningsdag -> Tue 28 Apr
    (date(2026, 3, 30), date(2026, 4, 28)),
    # Sat 7 Mar + 28 = Sat 4 Apr -> Sun 5 (Pasen) -> Mon 6 (2e Paasdag) -> Tue 7 Apr
    (date(2026, 3, 7), date(2026, 4, 7)),
])
def test_first_conversation_within_four_weeks(aanmelding, verwacht):
    assert termijnen.eerste_gesprek_uiterlijk(aanmelding, bedreiging=False) == verwacht


@pytest.mark.parametrize("aanmelding,verwacht", [
    # Wed 4 Feb: Thu 5 (1), Fri 6 (2), Mon 9 (3)
    (date(2026, 2, 4), date(2026, 2, 9)),
    # Thu 2 Apr: Fri 3 Goede Vrijdag, Mon 6 2e Paasdag; Tue 7 (1), Wed 8 (2), Thu 9 (3)
    (date(2026, 4, 2), date(2026, 4, 9)),
    # Mon 4 May: Tue 5 mei no; Wed 6 (1), Thu 7 (2), Fri 8 (3)
    (date(2026, 5, 4), date(2026, 5, 8)),
    # Tue 12 May: Wed 13 (1), Thu 14 Hemelvaart no, Fri 15 (2), Mon 18 (3)
    (date(2026, 5, 12), date(2026, 5, 18)),
])
def test_threatening_situation_three_working_days(aanmelding, verwacht):
    assert termijnen.eerste_gesprek_uiterlijk(aanmelding, bedreiging=True) == verwacht


def test_beschikking_eight_weeks_by_default(monkeypatch):
    monkeypatch.delenv("VROEGHULP_WGS_BESCHIKKING_WEKEN", raising=False)
    # Tue 3 Mar + 56 = Tue 28 Apr
    assert termijnen.beschikking_uiterlijk(date(2026, 3, 3)) == date(2026, 4, 28)
    # Fri 30 Oct + 56 = Fri 25 Dec (Kerstmis) -> Sat 26 (2e Kerstdag) -> Sun 27 -> Mon 28 Dec
    assert termijnen.beschikking_uiterlijk(date(2026, 10, 30)) == date(2026, 12, 28)


def test_beschikking_term_of_the_municipality(monkeypatch):
    monkeypatch.setenv("VROEGHULP_WGS_BESCHIKKING_WEKEN", "6")
    # Tue 3 Mar + 42 = Tue 14 Apr
    assert termijnen.beschikking_uiterlijk(date(2026, 3, 3)) == date(2026, 4, 14)


@pytest.mark.parametrize("waarde,woord", [("9", "hooguit 8 weken"), ("0", "1 tot en met 8"),
                                          ("acht", "geheel getal")])
def test_beschikking_term_above_eight_weeks_refused_in_dutch(monkeypatch, waarde, woord):
    monkeypatch.setenv("VROEGHULP_WGS_BESCHIKKING_WEKEN", waarde)
    with pytest.raises(ImproperlyConfigured, match="VROEGHULP_WGS_BESCHIKKING_WEKEN") as fout:
        termijnen.beschikking_weken()
    assert woord in str(fout.value)


def test_next_open_deadline():
    # before the first conversation: its deadline; after it: the beschikking; after that: none
    t = termijnen.bereken(aanmelddatum=date(2026, 2, 2), bedreiging=False, datum_eerste_gesprek=None,
                          beschikkingsdatum=None, open_=True)
    assert (t.deadline, t.deadline_soort) == (date(2026, 3, 2), "eerste_gesprek")
    t = termijnen.bereken(aanmelddatum=date(2026, 2, 2), bedreiging=False, datum_eerste_gesprek=date(2026, 3, 3),
                          beschikkingsdatum=None, open_=True)
    assert (t.deadline, t.deadline_soort, t.beschikking_uiterlijk) == (date(2026, 4, 28), "beschikking", date(2026, 4, 28))
    t = termijnen.bereken(aanmelddatum=date(2026, 2, 2), bedreiging=False, datum_eerste_gesprek=date(2026, 3, 3),
                          beschikkingsdatum=date(2026, 4, 1), open_=True)
    assert t.deadline is None
    t = termijnen.bereken(aanmelddatum=date(2026, 2, 2), bedreiging=False, datum_eerste_gesprek=None,
                          beschikkingsdatum=None, open_=False)
    assert t.deadline is None
