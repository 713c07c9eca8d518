"""What every demo step receives (see ``vroeghulp.demo.steps``)."""

import datetime
from random import Random
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from vroeghulp.demo import bsn

# Ages and birth dates are computed against this fixed date so a rebuild gives the same persons.
PEILDATUM = datetime.date(2026, 1, 1)


@dataclass
class DemoContext:
    opties: dict
    seed: int
    gemeente: Any
    stdout: Any
    vandaag: datetime.date = field(default_factory=datetime.date.today)
    peildatum: datetime.date = PEILDATUM
    rng: np.random.Generator = field(init=False)
    random: Random = field(init=False)

    def __post_init__(self):
        self.rng = np.random.default_rng(self.seed)
        self.random = Random(self.seed)

    def rng_voor(self, naam: str) -> np.random.Generator:
        """A generator of its own for one step: adding a step never changes another step's data."""
        return np.random.default_rng([self.seed, zlib.crc32(naam.encode())])

    def random_voor(self, naam: str) -> Random:
        return Random(self.seed * 1_000_003 + zlib.crc32(naam.encode()))

    def meld(self, tekst: str) -> None:
        self.stdout.write(tekst)

    def synthetische_bsns(self, aantal: int, rng: np.random.Generator) -> list[str]:
        """Valid synthetic BSNs (``demo.bsn``) for steps in other apps, which do not import demo."""
        return bsn.synthetische_bsns(aantal, rng)
