"""``vroeghulp signalen importeer BESTAND --partner CODE`` (docs/interfaces.md sections 1 and 4).

Prints the report as JSON. Exit 0 when the file was processed (also when rows were rejected),
2 when the file as a whole was refused (then nothing is stored), 1 when processing failed for
another reason (then nothing is stored either: ``verwerk`` raises only before its commit). Never
a traceback: the message is Dutch, the log gets only the type of the error (personal data).
"""

import json
import logging
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vroeghulp.signalering.intake import Weigering, verwerk_bestand
from vroeghulp.signalering.intake.normaliseren import ongeldige_tekens, toonbaar
from vroeghulp.signalering.models import Kanaal, Signaalpartner

logger = logging.getLogger(__name__)


def _leesfout(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return _("het bestand bestaat niet")
    if isinstance(error, IsADirectoryError):
        return _("dit is een map, geen bestand")
    if isinstance(error, PermissionError):
        return _("u mag dit bestand niet lezen")
    return _("het bestand kan niet worden gelezen")


class Command(BaseCommand):
    help = "Leest signalen uit een CSV-, XLSX- of JSON-bestand en slaat ze op."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Pad naar het bestand, of - voor standaardinvoer.")
        parser.add_argument("--partner", required=True, help="Code van de signaalpartner.")
        parser.add_argument(
            "--samenvatting", action="store_true",
            help="Toon alleen de aantallen en de signalen die zijn afgewezen, dubbel zijn of een opmerking hebben.",
        )

    def handle(self, *args, bestand, partner, samenvatting=False, **options):
        # argv may carry surrogates (bytes that are no UTF-8): no database or terminal takes them
        gevonden = None if ongeldige_tekens(partner) else Signaalpartner.objects.filter(code=partner).first()
        if gevonden is None:
            raise CommandError(
                _("Er is geen signaalpartner met code '%s'.") % toonbaar(partner), returncode=2)
        try:
            data = sys.stdin.buffer.read() if bestand == "-" else Path(bestand).read_bytes()
        except (OSError, ValueError) as error:  # ValueError: a NUL in the path
            reden = _leesfout(error) if isinstance(error, OSError) else _("de naam van het bestand is ongeldig")
            raise CommandError(_("Kan het bestand niet lezen: %s") % reden, returncode=2) from None
        voortgang = None
        if options.get("verbosity", 1) >= 2:
            def voortgang(aantal):
                self.stderr.write(f"verwerkt: {aantal}")
                self.stderr.flush()
        try:
            rapport = verwerk_bestand(
                gevonden, data, bestandsnaam=Path(bestand).name if bestand != "-" else "",
                kanaal=Kanaal.OPDRACHTREGEL, ingediend_door="opdrachtregel", voortgang=voortgang,
            )
        except Weigering as weigering:
            self.stdout.write(json.dumps(weigering.als_dict(), ensure_ascii=False))
            self.stderr.write((_("Het bestand is geweigerd:") + f" {weigering.titel} {weigering.detail}").strip())
            sys.exit(2)
        except Exception as error:  # noqa: BLE001 - a Dutch message, never a traceback
            logger.error("Import mislukt (%s)", type(error).__name__)
            weigering = Weigering("verwerking_mislukt", status=500)
            self.stdout.write(json.dumps(weigering.als_dict(), ensure_ascii=False))
            self.stderr.write(weigering.titel)
            sys.exit(1)
        self._schrijf(rapport, samenvatting)

    def _schrijf(self, rapport, samenvatting):
        uit = self.stdout
        kop = {k: v for k, v in rapport.als_dict(alleen_opvallend=True).items() if k != "resultaten"}
        uit.write(json.dumps(kop, ensure_ascii=False)[:-1] + ', "resultaten": [', ending="")
        eerste = True
        for item in rapport.resultaten(alleen_opvallend=samenvatting):
            uit.write(("" if eerste else ",\n") + json.dumps(item, ensure_ascii=False), ending="")
            eerste = False
        uit.write("]}")
