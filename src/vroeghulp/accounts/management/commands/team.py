from django.core.management.base import BaseCommand, CommandError

from vroeghulp.accounts.services import InvoerFout, team_opslaan


class Command(BaseCommand):
    help = "Maakt een wijkteam of werkt het bij: vroeghulp team NAAM --wijk WK034403 [--wijk ...]"

    def add_arguments(self, parser):
        parser.add_argument("naam")
        parser.add_argument("--wijk", action="append", default=[], help="CBS-wijkcode, bijvoorbeeld WK034403")

    def handle(self, *args, **opties):
        try:
            team = team_opslaan(opties["naam"], opties["wijk"])
        except InvoerFout as fout:
            raise CommandError(str(fout), returncode=2) from fout
        wijken = ", ".join(w.naam for w in team.wijken.all()) or "geen"
        self.stdout.write(f"Team '{team.naam}' opgeslagen met wijken: {wijken}.")
