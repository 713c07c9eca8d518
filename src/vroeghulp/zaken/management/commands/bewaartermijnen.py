"""``vroeghulp bewaartermijnen``: delete signals and cases without help whose retention period
has passed, keeping only anonymous counts (docs/adr/0001-bewaartermijnen.md), then run the
retention every app above zaken registered (schuldhulp: docs/adr/0003-bewaartermijn-schuldhulp.md).
Run it daily."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from vroeghulp.zaken.bewaartermijnen import andere_opruimingen, bewaartermijn_maanden, ruim_op


class Command(BaseCommand):
    help = _("Verwijder signalen en zaken zonder hulp en afgesloten schuldhulptrajecten na hun bewaartermijn; "
             "bewaar alleen anonieme tellingen.")

    def add_arguments(self, parser):
        parser.add_argument("--proef", action="store_true",
                            help=_("Alleen tellen wat weg zou gaan; niets verwijderen."))

    def handle(self, *args, **opties):
        resultaat = ruim_op(proef=opties["proef"])
        waarden = {"maanden": bewaartermijn_maanden(), "grens": resultaat.grens.strftime("%d-%m-%Y"),
                   "signalen": resultaat.signalen, "zaken": resultaat.zaken,
                   "open": resultaat.nog_open}
        if opties["proef"]:
            regel = _("Proef (bewaartermijn %(maanden)d maanden, vóór %(grens)s): "
                      "%(signalen)d signalen en %(zaken)d zaken zouden worden verwijderd.")
        else:
            regel = _("Bewaartermijn %(maanden)d maanden (vóór %(grens)s): %(signalen)d signalen "
                      "en %(zaken)d zaken verwijderd. Alleen anonieme tellingen zijn bewaard.")
        self.stdout.write(regel % waarden)
        if resultaat.nog_open:
            self.stdout.write(_("Let op: %(open)d zaken van vóór die datum staan nog open en "
                                "blijven bewaard tot ze zijn afgesloten.") % waarden)
        for opruimen in andere_opruimingen():
            self.stdout.write(opruimen(proef=opties["proef"]))
