"""Statistical disclosure control: no count of fewer than ``VROEGHULP_MONITOR_DREMPEL`` (default
5) people is shown, and none can be worked out from what is shown.

Primary suppression hides every cell with 0 < value < threshold (a zero reveals no one).
Secondary suppression: a table is a set of *lines*, each a group of cells and the cell that is
their sum (the wijken of a column and the gemeente total; the kinds of case and all cases). A
line with exactly one hidden cell gives that cell away by subtraction, so the smallest visible
non-zero cell of the line is hidden too, or, when there is none, its total; repeated until every
line has no hidden cell or at least two (the classic hypercube-free heuristic of CBS's tau-argus
manual, "singleton" rule). A percentage is shown only when both its counts are.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from vroeghulp.common import instellingen

STANDAARD_DREMPEL = 5


def drempel() -> int:
    """``VROEGHULP_MONITOR_DREMPEL``: the smallest count that is shown (default 5)."""
    return instellingen.geheel_getal("VROEGHULP_MONITOR_DREMPEL", STANDAARD_DREMPEL)


@dataclass(frozen=True)
class Lijn:
    """Cells whose values add up to ``totaal`` (a key of the same table)."""

    leden: tuple[Hashable, ...]
    totaal: Hashable


def klein(waarde: int, grens: int) -> bool:
    return 0 < waarde < grens


def te_verbergen(waarden: Mapping[Hashable, int], lijnen: Iterable[Lijn], grens: int | None = None,
                 vast: Iterable[Hashable] = ()) -> set[Hashable]:
    """The keys of ``waarden`` to hide. ``vast``: cells already hidden elsewhere (e.g. a wijk's
    total on the gemeente page, shown again above its buurten), hidden here too."""
    grens = drempel() if grens is None else grens
    lijnen = list(lijnen)
    verborgen = {k for k, v in waarden.items() if klein(v, grens)} | set(vast)
    veranderd = True
    while veranderd:
        veranderd = False
        for lijn in lijnen:
            alle = (*lijn.leden, lijn.totaal)
            if sum(1 for k in alle if k in verborgen) != 1:
                continue
            kandidaten = sorted((waarden.get(k, 0), str(k), k) for k in lijn.leden
                                if k not in verborgen and waarden.get(k, 0) > 0)
            if kandidaten:
                verborgen.add(kandidaten[0][2])
            elif lijn.totaal not in verborgen and waarden.get(lijn.totaal, 0) > 0:
                verborgen.add(lijn.totaal)
            else:
                continue
            veranderd = True
    return verborgen


def percentage(teller: int | None, noemer: int | None) -> float | None:
    """``teller / noemer`` in percent, or None when either is hidden (None) or the noemer is 0."""
    if teller is None or noemer is None or noemer == 0:
        return None
    return round(100 * teller / noemer, 1)
