"""Matching periods and the look-back: plain date arithmetic, cached (a chunk has few dates)."""

from datetime import date, timedelta
from functools import lru_cache

from vroeghulp.zaken.matching.instellingen import periodesoort


@lru_cache(maxsize=4096)
def maanden_terug(dag: date, maanden: int) -> date:
    """The same day ``maanden`` months earlier (the last day of a shorter month)."""
    jaar, maand = divmod(dag.year * 12 + dag.month - 1 - maanden, 12)
    maand += 1
    laatste = (date(jaar + (maand == 12), maand % 12 + 1, 1) - timedelta(days=1)).day
    return date(jaar, maand, min(dag.day, laatste))


def matchingperiode(dag: date) -> tuple[date, date]:
    """Start and end (inclusive) of the matching period that contains ``dag``."""
    return periode(dag, periodesoort())


@lru_cache(maxsize=4096)
def periode(dag: date, soort: str) -> tuple[date, date]:
    if soort == "week":
        start = dag - timedelta(days=dag.weekday())
        return start, start + timedelta(days=6)
    start = dag.replace(day=1)
    volgende = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, volgende - timedelta(days=1)
