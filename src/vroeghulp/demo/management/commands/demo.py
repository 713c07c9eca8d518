"""``vroeghulp demo``: the synthetic municipality Utrecht, its logins, and the app on localhost."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from vroeghulp.demo import accounts, services


class Command(BaseCommand):
    help = _("Maakt de demo-gemeente Utrecht met inwoners en demo-accounts, en start de app.")

    def add_arguments(self, parser):
        parser.add_argument("--huishoudens", type=int, default=2000,
                            help=_("Aantal synthetische huishoudens (standaard 2000)."))
        parser.add_argument("--alleen-data", action="store_true",
                            help=_("Alleen de database vullen, de app niet starten."))
        parser.add_argument("--poort", type=int, default=8000, help=_("Poort van de app (standaard 8000)."))
        parser.add_argument("--opnieuw", action="store_true",
                            help=_("Een bestaande demo-database (SQLite-bestand) weggooien en opnieuw maken."))

    def handle(self, *args, **opties):
        if settings.PRODUCTIE:
            raise CommandError(_("De demo draait niet in productie. Zet VROEGHULP_OMGEVING=demo."))
        if opties["huishoudens"] < 0:
            raise CommandError(_("--huishoudens moet 0 of meer zijn."))
        self._migreer(opnieuw=opties["opnieuw"])
        try:
            nieuw = services.vul_demo(opties, self.stdout)
        except services.AndereDataset as fout:
            # Another demo in the embedded file may go; anything else only with --opnieuw.
            if not self._sqlite_bestand():
                raise CommandError(_("%(fout)s Gebruik een lege database.") % {"fout": fout}) from fout
            if not fout.demo:
                raise CommandError(
                    _("%(fout)s Gebruik --opnieuw om dit databasebestand te wissen.") % {"fout": fout}
                ) from fout
            self.stdout.write(_("%(fout)s De demo-database wordt opnieuw gemaakt.") % {"fout": fout})
            self._migreer(opnieuw=True)
            nieuw = services.vul_demo(opties, self.stdout)
        if not nieuw:
            self.stdout.write(_("De demo-gegevens bestonden al; er is niets dubbel toegevoegd."))
        self._toon_logins()
        if not opties["alleen_data"]:
            self.stdout.write(_("De app draait op %(url)s (stoppen: Ctrl+C).")
                              % {"url": f"http://127.0.0.1:{opties['poort']}/"})
            call_command("runserver", f"127.0.0.1:{opties['poort']}", use_reloader=False,
                         insecure_serving=True)

    def _sqlite_bestand(self) -> Path | None:
        db = settings.DATABASES["default"]
        naam = str(db["NAME"])
        if db["ENGINE"] != "django.db.backends.sqlite3" or naam == ":memory:" or "mode=memory" in naam:
            return None
        return Path(naam)

    def _migreer(self, *, opnieuw: bool) -> None:
        bestand = self._sqlite_bestand()
        if bestand is not None:
            bestand.parent.mkdir(parents=True, exist_ok=True)
            if opnieuw:
                connection.close()
                for pad in (bestand, Path(f"{bestand}-wal"), Path(f"{bestand}-shm")):
                    pad.unlink(missing_ok=True)
        elif opnieuw:
            raise CommandError(_("--opnieuw werkt alleen met de ingebouwde SQLite-database."))
        call_command("migrate", interactive=False, verbosity=0)

    def _toon_logins(self) -> None:
        self.stdout.write("\n" + _("Demo-accounts (wachtwoord: demo, alleen voor deze demo):"))
        for username, rol, teams in accounts.beschrijving():
            self.stdout.write(f"  {username:<11} {rol:<32} {teams}")
