"""``vroeghulp signalen matchen``: match every signal that has no case yet into vroegsignaalzaken.

The intake already matches each delivery on arrival (``match_signalen``); this command catches
up after a failure, after a BRP outage or after a change of the matching settings.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from vroeghulp.zaken.matching import CHUNK, match_signalen_met_telling, niet_gematchte_ids


class Command(BaseCommand):
    help = _("Koppel signalen zonder zaak aan vroegsignaalzaken (matching).")

    def add_arguments(self, parser):
        parser.add_argument("--max", type=int, default=None,
                            help=_("Hoogstens zoveel signalen matchen."))
        parser.add_argument("--opnieuw-brp", action="store_true",
                            help=_("Ook signalen van personen die de BRP niet kende opnieuw "
                                   "controleren (alleen uit de terugkijkperiode)."))

    def handle(self, *args, **opties):
        ids = niet_gematchte_ids(opties["max"], opnieuw_brp=opties["opnieuw_brp"])
        totaal = {"signalen": 0, "nieuwe_zaken": 0, "bijgewerkte_zaken": 0}
        for i in range(0, len(ids), CHUNK * 10):
            for sleutel, aantal in match_signalen_met_telling(ids[i:i + CHUNK * 10]).items():
                totaal[sleutel] += aantal
        self.stdout.write(_(
            "Klaar: %(signalen)d signalen verwerkt, %(nieuwe_zaken)d nieuwe zaken, "
            "%(bijgewerkte_zaken)d zaken aangevuld."
        ) % totaal)
