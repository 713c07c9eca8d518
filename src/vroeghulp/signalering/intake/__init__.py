"""Intake of vroegsignalen: one validation and storage path for the partner API, the upload
screen and ``vroeghulp signalen importeer`` (docs/interfaces.md section 4).

- ``lezen``: files and JSON to rows (encodings, delimiters, Excel artefacts, header aliases);
- ``normaliseren``: single values (amounts, dates, BSN, postcode, ...);
- ``controles``: the checks per signal (reject or warn, see docs/signalering.md);
- ``opslag``: atomic bulk storage, duplicates and repeats, audit, matching hook.
"""

import logging

from vroeghulp.signalering.intake.codes import Weigering
from vroeghulp.signalering.intake.lezen import lees, signalen_uit_json, json_rijen
from vroeghulp.signalering.intake.opslag import Rapport, verwerk

logger = logging.getLogger(__name__)


def verwerk_bestand(partner, data: bytes, *, bestandsnaam: str = "", kanaal: str, max_bytes=None,
                    max_rijen=None, **kwargs) -> Rapport:
    """A file (CSV, XLSX or JSON) from the screen or the command line."""
    from vroeghulp.signalering.intake import instellingen, parallel

    grens = max_bytes if max_bytes is not None else instellingen.max_bytes()
    if len(data) > grens:
        raise Weigering("te_groot", detail=f"maximaal {grens // (1024 * 1024)} MB", status=413)
    if not data.strip():
        raise Weigering("leeg")
    max_rijen = max_rijen or instellingen.max_rijen()
    tweede_proces = parallel.gebruiken(data)
    if tweede_proces:  # a large file: read and checked in a second process
        try:
            bron = parallel.ParalleleBron(data, bestandsnaam, max_rijen=max_rijen)
        except parallel.LezenMislukt as fout:
            # it did not start (e.g. an application server whose sys.executable is no Python):
            # the second process only adds speed, so read here
            logger.warning("Tweede leesproces niet gestart (%s); het bestand wordt in dit proces gelezen", fout)
            tweede_proces = False
    if not tweede_proces:
        bron = lees(data, bestandsnaam, max_rijen=max_rijen)
    try:
        return verwerk(partner, bron.rijen, kanaal=kanaal, bestandsnaam=bestandsnaam, bron=bron, **kwargs)
    finally:
        if tweede_proces:
            bron.sluit()  # also when the delivery was refused before its rows were read


__all__ = ["Rapport", "Weigering", "json_rijen", "lees", "signalen_uit_json", "verwerk", "verwerk_bestand"]
