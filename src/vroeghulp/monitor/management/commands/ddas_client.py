"""``vroeghulp ddas client [--naam CBS]``: create the CBS client of the DDAS deliveries (when
absent) and give it a new client secret, printed once; the old secret and every access token made
with it stop working at once (docs/ddas.md, docs/interfaces.md section 1)."""

from django.core.management.base import BaseCommand, CommandError

from vroeghulp.accounts import services as accounts


class Command(BaseCommand):
    help = ("Maakt de API-client van het CBS voor de DDAS-levering (als die er nog niet is) en geeft hem een "
            "nieuw clientgeheim. Het oude geheim werkt daarna niet meer.")

    def add_arguments(self, parser):
        parser.add_argument("--naam", default="CBS", help="Naam van de API-client (standaard CBS).")

    def handle(self, *args, naam, **options):
        naam = naam.strip()
        if not naam or len(naam) > 120:
            raise CommandError("--naam: geef een naam van 1 tot 120 tekens.", returncode=2)
        try:
            gegevens = accounts.cbs_clientgeheim_vernieuwen(naam)
        except ValueError as fout:
            raise CommandError(f"--naam: {fout}", returncode=2) from None
        self.stderr.write("Nieuw clientgeheim voor de DDAS-levering. Geef het nu aan het CBS: wij tonen het niet "
                          "nog eens. Het oude geheim werkt niet meer. Token-URL: POST /ddas/oauth/token.")
        self.stdout.write(f"client_id={gegevens.client_id}")
        self.stdout.write(f"client_secret={gegevens.client_secret}")
