"""``vroeghulp partners token CODE``: a new API token for a signal partner, printed once."""

from django.core.management.base import BaseCommand, CommandError

from vroeghulp.signalering.models import Signaalpartner
from vroeghulp.signalering.tokens import nieuwe_token


class Command(BaseCommand):
    help = "Maakt een nieuwe API-token voor de signaalpartner met deze code en toont die één keer."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Code van de signaalpartner, bijvoorbeeld 'energie'.")

    def handle(self, *args, code, **options):
        partner = Signaalpartner.objects.filter(code=code).first()
        if partner is None:
            raise CommandError(f"Er is geen signaalpartner met code '{code}'.", returncode=2)
        _token, waarde = nieuwe_token(partner)
        self.stderr.write(
            f"Nieuwe token voor {partner.naam}. Bewaar hem nu: wij tonen hem niet nog eens."
        )
        self.stdout.write(waarde)
