"""``vroeghulp bewaartermijnen``: delete signals and cases without help whose retention period
has passed (docs/adr/0001-bewaartermijnen.md), then cases with help but without a
schuldhulptraject and open cases without activity after theirs
(docs/adr/0004-bewaartermijn-hulp-zonder-traject.md), keeping only anonymous counts; then run the
retention every app above zaken registered (schuldhulp: docs/adr/0003-bewaartermijn-schuldhulp.md).
Run it daily. A setting it cannot use stops it with exit code 2 and a Dutch message."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vroeghulp.zaken.bewaartermijnen import (
    andere_opruimingen, bewaartermijn_maanden, bewaartermijn_met_hulp_jaren, ruim_op, ruim_op_met_hulp,
)


class Command(BaseCommand):
    help = _("Verwijder signalen en zaken zonder hulp, zaken met hulp zonder schuldhulptraject en open zaken "
             "zonder activiteit, en afgesloten schuldhulptrajecten na hun bewaartermijn; "
             "bewaar alleen anonieme tellingen.")

    def add_arguments(self, parser):
        parser.add_argument("--proef", action="store_true",
                            help=_("Alleen tellen wat weg zou gaan; niets verwijderen."))

    def handle(self, *args, **opties):
        try:
            self._ruim_op(opties["proef"])
        except ImproperlyConfigured as fout:
            raise CommandError(str(fout), returncode=2) from None

    def _ruim_op(self, proef: bool) -> None:
        maanden, jaren = bewaartermijn_maanden(), bewaartermijn_met_hulp_jaren()  # both checked before anything goes
        resultaat = ruim_op(proef=proef)
        waarden = {"maanden": maanden, "grens": resultaat.grens.strftime("%d-%m-%Y"),
                   "signalen": resultaat.signalen, "zaken": resultaat.zaken,
                   "open": resultaat.nog_open}
        if proef:
            regel = _("Proef (bewaartermijn %(maanden)d maanden, vóór %(grens)s): "
                      "%(signalen)d signalen en %(zaken)d zaken zouden worden verwijderd.")
        else:
            regel = _("Bewaartermijn %(maanden)d maanden (vóór %(grens)s): %(signalen)d signalen "
                      "en %(zaken)d zaken verwijderd. Alleen anonieme tellingen zijn bewaard.")
        self.stdout.write(regel % waarden)
        if resultaat.nog_open:
            self.stdout.write(_("Let op: %(open)d zaken van vóór die datum staan nog open en "
                                "blijven bewaard tot ze zijn afgesloten of %(jaren)d jaar stil liggen.")
                              % {**waarden, "jaren": jaren})
        met_hulp = ruim_op_met_hulp(proef=proef)
        waarden = {"jaren": jaren, "grens": met_hulp.grens.strftime("%d-%m-%Y"), "zaken": met_hulp.zaken,
                   "open": met_hulp.waarvan_open, "signalen": met_hulp.signalen}
        if proef:
            regel = _("Proef zaken met hulp zonder schuldhulptraject en open zaken (bewaartermijn %(jaren)d jaar "
                      "na de laatste activiteit, vóór %(grens)s): %(zaken)d zaken (waarvan %(open)d open) met "
                      "%(signalen)d signalen zouden worden verwijderd.")
        else:
            regel = _("Zaken met hulp zonder schuldhulptraject en open zaken: bewaartermijn %(jaren)d jaar na de "
                      "laatste activiteit (vóór %(grens)s): %(zaken)d zaken (waarvan %(open)d open) met "
                      "%(signalen)d signalen verwijderd. Alleen anonieme tellingen zijn bewaard.")
        self.stdout.write(regel % waarden)
        for opruimen in andere_opruimingen():
            self.stdout.write(opruimen(proef=proef))
