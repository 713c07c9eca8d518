"""Synthetic burgerservicenummers, drawn in bulk.

All demo BSNs start with 99, the block that also holds the test persons of the BRP
proefomgeving (999 9x xxxx), so they are recognisable as synthetic. They pass the 11-proef, so
the application treats them as valid. They are drawn at random and never looked up anywhere;
nothing guarantees that no real person holds one of these numbers, which is why demo data must
never be linked to a real register.
"""

from functools import lru_cache

import numpy as np

PREFIX = 99
_WEIGHTS = np.array([9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int64)


@lru_cache(maxsize=1)
def _alle_geldige() -> np.ndarray:
    """Every valid BSN 99xxxxxxx (about 909,000) as integers; computed once per process."""
    body = PREFIX * 1_000_000 + np.arange(1_000_000, dtype=np.int64)  # 8 digits
    digits = (body[:, None] // 10 ** np.arange(7, -1, -1, dtype=np.int64)) % 10
    check = (digits @ _WEIGHTS) % 11  # 11-proef: weighted sum minus last digit divisible by 11
    ok = check < 10
    return body[ok] * 10 + check[ok]


def synthetische_bsns(aantal: int, rng: np.random.Generator) -> list[str]:
    """``aantal`` distinct valid synthetic BSNs in random order."""
    alle = _alle_geldige()
    if aantal > len(alle):
        raise ValueError(f"Hoogstens {len(alle)} synthetische BSN's beschikbaar.")
    return [f"{n:09d}" for n in rng.choice(alle, size=aantal, replace=False)]
