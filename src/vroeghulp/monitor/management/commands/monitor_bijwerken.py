"""``vroeghulp monitor bijwerken [--vanaf JJJJ-MM-DD | --alles]``: the monitor's figures again."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from vroeghulp.monitor.bijwerken import bijwerken


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise CommandError(f"--vanaf: '{tekst}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-01-01.",
                           returncode=2) from None


class Command(BaseCommand):
    help = ("Telt de cijfers van de monitor opnieuw: elke maand, elk kwartaal en elk jaar dat op of na "
            "--vanaf eindigt (standaard: de vorige en deze maand). Alleen aantallen, geen personen.")

    def add_arguments(self, parser):
        groep = parser.add_mutually_exclusive_group()
        groep.add_argument("--vanaf", type=str, help="JJJJ-MM-DD: tel de perioden die op of na deze dag eindigen.")
        groep.add_argument("--alles", action="store_true", help="Tel alle perioden sinds het eerste signaal.")

    def handle(self, *args, vanaf=None, alles=False, **options):
        bijwerking = bijwerken(_datum(vanaf) if vanaf else None, alles=alles)
        duur = (bijwerking.klaar - bijwerking.gestart).total_seconds()
        self.stdout.write(f"Monitor bijgewerkt vanaf {bijwerking.vanaf:%d-%m-%Y}: {bijwerking.cellen} cellen "
                          f"in {duur:.1f} s.")
