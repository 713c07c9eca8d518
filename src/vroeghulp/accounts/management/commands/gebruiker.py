import getpass
import sys

from django.core.management.base import BaseCommand, CommandError

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.services import InvoerFout, gebruiker_opslaan


class Command(BaseCommand):
    help = (
        "Maakt een medewerker of werkt die bij: vroeghulp gebruiker GEBRUIKERSNAAM --rol consulent "
        "--team 'Wijkteam Overvecht' [--naam 'Voornaam Achternaam'] [--wachtwoord-stdin]"
    )

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--rol", required=True, choices=Rol.values)
        parser.add_argument("--team", action="append", default=[])
        parser.add_argument("--naam", default="")
        parser.add_argument("--wachtwoord-stdin", action="store_true",
                            help="lees het wachtwoord van standaardinvoer (voor scripts)")

    def handle(self, *args, **opties):
        if opties["wachtwoord_stdin"]:
            wachtwoord = sys.stdin.readline().rstrip("\n")
        else:
            wachtwoord = getpass.getpass("Wachtwoord: ")
            if wachtwoord != getpass.getpass("Nog een keer: "):
                raise CommandError("wachtwoord: de twee wachtwoorden zijn niet gelijk.", returncode=2)
        try:
            gebruiker = gebruiker_opslaan(
                opties["gebruikersnaam"], rol=opties["rol"], wachtwoord=wachtwoord,
                teams=opties["team"], naam=opties["naam"],
            )
        except InvoerFout as fout:
            raise CommandError(str(fout), returncode=2) from fout
        self.stdout.write(f"Gebruiker '{gebruiker.username}' opgeslagen als {gebruiker.get_rol_display()}.")
