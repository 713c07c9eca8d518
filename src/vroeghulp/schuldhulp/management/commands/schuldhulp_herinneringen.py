"""``vroeghulp schuldhulp herinneringen``: the daily job (deploy/) that records a reminder for
every creditor message past its answer term. Idempotent: a second run on the same day adds
nothing. Prints counts only (no personal data)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from vroeghulp.schuldhulp import berichten


class Command(BaseCommand):
    help = "Stuur een herinnering voor elk bericht aan een schuldeiser waarvan de reactietermijn voorbij is."

    def add_arguments(self, parser):
        parser.add_argument("--datum", help="Doen alsof het deze dag is (JJJJ-MM-DD); standaard vandaag.")

    def handle(self, *args, datum=None, **options):
        vandaag = None
        if datum:
            vandaag = parse_date(datum) if len(datum) == 10 else None
            if vandaag is None:
                raise CommandError(f"--datum: '{datum}' is geen datum. Gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-31.")
        ronde = berichten.herinneringen_sturen(vandaag)
        self.stdout.write(
            f"Herinneringen {ronde.vandaag:%d-%m-%Y}: {ronde.verstuurd} herinneringen voor {ronde.trajecten} trajecten, "
            f"antwoord uiterlijk {ronde.antwoord_uiterlijk:%d-%m-%Y}.")
