"""A preview of a creditor letter with a made-up resident and creditor (no personal data), for
the screen where the teamleider or beheerder edits the texts. Same placeholders and layout as
``schuldhulp.brieven.brief``; nothing is read from a traject, so nothing is audited."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.schuldhulp import brieven
from vroeghulp.schuldhulp.berichten import antwoord_uiterlijk
from vroeghulp.schuldhulp.models import Berichtsoort
from vroeghulp.zaken import services as zaken
from vroeghulp.zaken.brieven import alineas, vul_in

SCHULDEISER = "Voorbeeld Incasso B.V."


def waarden(soort: str) -> dict:
    stijl = zaken.huisstijl()
    vandaag = timezone.localdate()
    return {
        "schuldeiser": SCHULDEISER, "kenmerk": "VB-12345", "naam": "A. Voorbeeld",
        "geboortedatum": brieven.datum(date(1980, 1, 1)), "adres": "Voorbeeldstraat 1, 3500 AA Utrecht",
        "bedrag": brieven.euro(Decimal("1234.56")), "datum": brieven.datum(vandaag),
        "antwoord_uiterlijk": brieven.datum(antwoord_uiterlijk(vandaag)),
        "gemeente": stijl.gemeentenaam, "afdeling": stijl.afdeling, "telefoon": stijl.telefoon, "email": stijl.email,
        "consulent": _("Uw naam"), "ondertekening": stijl.ondertekening,
        # what the other kinds add (proposal, bailiff letter, reminder)
        "aanbod": brieven.euro(Decimal("185.18")), "percentage": "15,00%",
        "over": brieven.euro(Decimal("1150.00")), "beslagvrije_voet": brieven.euro(Decimal("1400.00")),
        "tekort": brieven.euro(Decimal("250.00")),
        "verzonden_op": brieven.datum(vandaag - timedelta(days=21)),
        "oorspronkelijk": Berichtsoort.KENNISGEVING.label.lower(),
    }


def voorbeeld_pdf(soort: str) -> bytes:
    tekst = brieven.sjabloon(soort)
    w = waarden(soort)
    brief = {"ontvanger": {"naam": SCHULDEISER, "adresregels": ["Postbus 1", "1000 AA Amsterdam"]},
             "datum": w["datum"], "onderwerp": vul_in(tekst.onderwerp, w), "blokken": alineas(vul_in(tekst.tekst, w)),
             "tabellen": []}
    return brieven.render_pdf([brief], _("Voorbeeld: %(soort)s") % {"soort": tekst.get_soort_display()})
