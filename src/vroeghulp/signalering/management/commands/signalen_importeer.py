"""``vroeghulp signalen importeer BESTAND --partner CODE`` (docs/interfaces.md sections 1 and 4).

Prints the report as JSON. Exit 0 when the file was processed (also when rows were rejected),
2 when the file as a whole was refused (then nothing is stored).
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vroeghulp.signalering.intake import Weigering, verwerk_bestand
from vroeghulp.signalering.models import Kanaal, Signaalpartner


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
        gevonden = Signaalpartner.objects.filter(code=partner).first()
        if gevonden is None:
            raise CommandError(f"Er is geen signaalpartner met code '{partner}'.", returncode=2)
        try:
            data = sys.stdin.buffer.read() if bestand == "-" else Path(bestand).read_bytes()
        except OSError as error:
            raise CommandError(f"Kan het bestand niet lezen: {error.strerror}", returncode=2) from None
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
            self.stderr.write(f"Het bestand is geweigerd: {weigering.titel} {weigering.detail}".strip())
            sys.exit(2)
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
