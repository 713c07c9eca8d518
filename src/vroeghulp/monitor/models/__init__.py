"""The tables of the monitor, one module per subject. Import from ``vroeghulp.monitor.models``.

- ``cellen``: the pre-aggregated counts of the dashboard (no person, no case id), refreshed by
  ``vroeghulp monitor bijwerken``, and the log of each refresh (the freshness on the screen);
- ``doelen``: the CBS figures of the municipality entered or imported for the national goals;
- ``ddas_leveringen``: the log of the DDAS deliveries (counts per object type, no person).
"""

from vroeghulp.monitor.models.cellen import (  # noqa: F401
    Bijwerking, Contactcel, Kwaliteitscel, Maat, Monitorcel, Niveau, Periodesoort,
)
from vroeghulp.monitor.models.doelen import CbsCijfer, CbsOnderwerp  # noqa: F401
from vroeghulp.monitor.models.ddas_leveringen import Ddaslevering, Ddassoort, Kanaal  # noqa: F401
