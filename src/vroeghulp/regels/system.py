"""Builds the OpenFisca TaxBenefitSystem once: entities, every module in ``variables/`` and the
parameter tree in ``parameters/``.

Building takes a few hundred milliseconds, so it is cached per process; callers never build their
own. Plain Python: no Django.
"""

from functools import lru_cache
from pathlib import Path

import numpy
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import config as variable_config

from vroeghulp.regels.entities import entities

# Money must be exact to the cent: OpenFisca stores float variables as float32 (about 7 significant
# digits), so 1.869,21 / 2 = 934,605 would become 934,60498 and round to 934,60 instead of 934,61.
# Must be set before any variable is instantiated.
variable_config.VALUE_TYPES[float]["dtype"] = numpy.float64

PACKAGE_DIR = Path(__file__).resolve().parent
VARIABLES_DIR = PACKAGE_DIR / "variables"
PARAMETERS_DIR = PACKAGE_DIR / "parameters"


class VroeghulpSysteem(TaxBenefitSystem):
    """The rules of Vroeghulp: Dutch toeslagen, bijstandsnormen, beslagvrije voet and VTLB."""

    def __init__(self) -> None:
        super().__init__(entities)
        self.add_variables_from_directory(str(VARIABLES_DIR))
        self.load_parameters(str(PARAMETERS_DIR))


@lru_cache(maxsize=1)
def systeem() -> VroeghulpSysteem:
    """The shared, cached tax-benefit system."""
    return VroeghulpSysteem()
