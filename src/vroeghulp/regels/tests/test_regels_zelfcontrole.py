"""Self-check of the zorgtoeslag parameters against the income limits the government publishes.

Published limits (regels-en-bedragen.md [V]): 2024 37.496 / 47.368, 2025 39.719 / 50.206,
2026 40.857 / 51.142 (single / with toeslagpartner). At the limit there is still a right; one euro
more and the yearly amount, rounded to whole euros (Awir art. 14 lid 4), drops below € 24 (lid 5).
"""

from datetime import date

import numpy as np
import pytest

from vroeghulp.regels.batch import ROL_CODE, Tabel, bereken_batch

GRENZEN = {2024: (37496, 47368), 2025: (39719, 50206), 2026: (40857, 51142)}


def _recht(jaar: int, inkomens: list[int], partner: bool) -> np.ndarray:
    n = len(inkomens)
    per_huishouden = 2 if partner else 1
    rollen = [ROL_CODE["aanvrager"], ROL_CODE["partner"]][:per_huishouden]
    inkomen = np.zeros(n * per_huishouden)
    inkomen[::per_huishouden] = inkomens  # all income with the aanvrager: only the sum counts
    tabel = Tabel(
        peildatum=date(jaar, 6, 1),
        personen={
            "huishouden": np.repeat(np.arange(n), per_huishouden),
            "rol": np.tile(rollen, n),
            "geboortedatum": np.full(n * per_huishouden, np.datetime64("1980-01-01")),
            "toetsingsinkomen": inkomen,
        },
        aantal_huishoudens=n,
    )
    return bereken_batch(tabel, ["zorgtoeslag"])["zorgtoeslag"]["recht"]


@pytest.mark.parametrize("jaar", sorted(GRENZEN))
@pytest.mark.parametrize("partner", [False, True], ids=["alleenstaande", "partners"])
def test_gepubliceerde_inkomensgrens(jaar, partner):
    grens = GRENZEN[jaar][1 if partner else 0]
    assert list(_recht(jaar, [grens - 1, grens, grens + 1], partner)) == [True, True, False]
