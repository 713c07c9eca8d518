"""Working days for the crisis deadline of a vroegsignaal (Wgs art. 4 lid 2).

Wgs art. 4 lid 2 (BWBR0031331, text 2026-01-01): in a "bedreigende situatie" (gedwongen
woningontruiming, beëindiging van de levering van gas, elektriciteit, stadsverwarming of water,
opzegging of ontbinding van de zorgverzekering) the first conversation takes place "binnen drie
werkdagen".

A working day is Monday to Friday and not an "algemeen erkende feestdag" of the Algemene
termijnenwet (BWBR0002448) art. 3: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen,
Hemelvaartsdag, Koningsdag and 5 mei (every year, lid 1), and Goede Vrijdag, which lid 2 makes
equal to these days. The `holidays` package (NL calendar) gives the dates that move (Easter,
Ascension, Whit Monday, Koningsdag on 26 April when the 27th is a Sunday); it only lists
5 mei in lustrum years, so 5 mei is added for every year here.

The zaken app (``zaken.termijnen``) uses the same calendar for the deadlines of the workflow.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays

CRISIS_WERKDAGEN = 3


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> frozenset[date]:
    """The algemeen erkende feestdagen (Algemene termijnenwet art. 3) of one year."""
    nl = holidays.country_holidays("NL", years=jaar, language="en_US")
    dagen = set(nl.keys())  # includes Goede Vrijdag (art. 3 lid 2) and the Sundays Easter/Pentecost
    dagen.add(date(jaar, 5, 5))  # art. 3 lid 1: "de vijfde mei", every year
    return frozenset(dagen)


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def plus_werkdagen(start: date, aantal: int) -> date:
    """The ``aantal``-th working day after ``start`` (``start`` itself never counts)."""
    dag = start
    while aantal > 0:
        dag += timedelta(days=1)
        if is_werkdag(dag):
            aantal -= 1
    return dag


@lru_cache(maxsize=4096)
def crisis_deadline(ontvangen_op: date) -> date:
    """Last day for the first contact on a crisis signal received on ``ontvangen_op``."""
    return plus_werkdagen(ontvangen_op, CRISIS_WERKDAGEN)
