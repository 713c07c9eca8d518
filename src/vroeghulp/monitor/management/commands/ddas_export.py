"""``vroeghulp ddas export --soort vroegsignalering|schuldhulpverlening --van --tot [--uitvoer]``
(docs/interfaces.md section 1): the DDAS delivery of the period as one JSON file, or on stdout."""

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vroeghulp.monitor.ddas import bestand, levering, voorbeeld


def _datum(waarde: str, optie: str) -> date:
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise CommandError(f"{optie}: '{waarde}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-01-31.",
                           returncode=2) from None


class Command(BaseCommand):
    help = "Schrijft de DDAS-levering aan het CBS over een periode (JSON volgens de officiële standaard)."

    def add_arguments(self, parser):
        parser.add_argument("--soort", default=levering.VROEGSIGNALERING,
                            help="vroegsignalering (standaard) of schuldhulpverlening.")
        parser.add_argument("--van", required=True, help="Eerste dag van de periode, JJJJ-MM-DD.")
        parser.add_argument("--tot", required=True, help="Laatste dag van de periode (telt mee), JJJJ-MM-DD.")
        parser.add_argument("--uitvoer", help="Bestand om naar te schrijven; zonder deze optie naar het scherm.")

    def handle(self, *args, soort, van, tot, uitvoer, **options):
        if soort not in levering.SOORTEN:
            raise CommandError(f"--soort: '{soort}' kennen we niet; kies vroegsignalering of schuldhulpverlening.",
                               returncode=2)
        begin, eind = _datum(van, "--van"), _datum(tot, "--tot")
        if eind < begin:
            raise CommandError(f"--tot: {eind.isoformat()} ligt voor --van {begin.isoformat()}.", returncode=2)
        if uitvoer is None:
            geschreven = levering.schrijf(self.stdout._out.write, soort, begin, eind)
            self.stdout._out.write("\n")
        else:
            pad = Path(uitvoer)
            if not pad.parent.is_dir():
                raise CommandError(f"--uitvoer: de map '{pad.parent}' bestaat niet.", returncode=2)
            if pad.is_dir():
                raise CommandError(f"--uitvoer: '{pad}' is een map, geen bestand.", returncode=2)
            geschreven = bestand.schrijf_atomair(pad, lambda schrijf: levering.schrijf(schrijf, soort, begin, eind))
        # the log of complete deliveries (the beheerder's preview compares with it); counts only
        voorbeeld.vastleggen(soort, begin, eind, kanaal="opdrachtregel", door="opdrachtregel")
        telling = ", ".join(f"{aantal} {naam}" for naam, aantal in geschreven.aantallen.items())
        sys.stderr.write(f"DDAS-levering {soort} {begin.isoformat()} t/m {eind.isoformat()}: {telling}.\n")
