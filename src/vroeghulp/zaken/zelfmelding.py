"""Self-referral from the zelfcheck: a resident asks for help, with consent, without an account.

The signal goes through the intake's one storage path and matching, in one transaction, from the
signal partner "Zelfcheck" (``signalering.services.zelfcheck_partner``) in a channel of its own,
``Kanaal.ZELFMELDING``: the worklist and the case page show it as a self-referral, and it is no
vroegsignaal of a signal partner, so the DDAS vroegsignalering delivery leaves it out
(``signalering.services.vroegsignalen``). It is handled like a warm handover: the consent is
recorded on the signal and in the audit trail, the case is marked ``warme_overdracht`` (top of
the worklist of the resident's wijk), and what the resident chose to share becomes a note on the
case.

The amount is what the resident said, nothing more: left empty (or 0, "nothing is open") the
signal has no amount (the intake allows that only in this channel) and the note says which of the
two it was; nobody has to invent a number to ask for help.

``kenmerk`` comes from the form, so sending the same form twice gives one signal (the intake keeps
one signal per partner and ID) and the same confirmation.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.signalering import intake
from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.models import Kanaal, Vroegsignaal
from vroeghulp.zaken.models import Notitie, Vroegsignaalzaak
from vroeghulp.zaken.termijnen import norm_hulpaanbod_dagen

PARTNER_CODE = signalering.ZELFCHECK_PARTNER
DOEL = "zelfmelding via de zelfcheck"
KENMERK = re.compile(r"^[0-9A-F]{16}$")


class MeldingGeweigerd(Exception):
    def __init__(self, meldingen: list[str]):
        super().__init__("; ".join(meldingen))
        self.meldingen = meldingen


@dataclass(frozen=True)
class Bevestiging:
    """What the resident is told: which wijk's team calls, and within how many days."""

    wijk: str
    dagen: int
    nieuw: bool


def meld(*, kenmerk: str, voorletters: str, achternaam: str, postcode: str, huisnummer: str,
         toevoeging: str = "", telefoon: str, email: str = "", bedrag: Decimal | None, toestemming: bool,
         gedeeld: str = "") -> Bevestiging:
    """``bedrag``: what the resident said is open, None when they left it empty, 0 for "nothing"."""
    if not toestemming:
        raise MeldingGeweigerd([_("Zonder uw toestemming kunnen wij uw gegevens niet doorgeven.")])
    if not KENMERK.match(kenmerk):
        raise MeldingGeweigerd([_("Het formulier is niet compleet. Begin opnieuw.")])
    vandaag = timezone.localdate()
    extern_id = f"ZC-{kenmerk}"
    signaal = {
        "ID": extern_id, "bedrag": str(bedrag) if bedrag else None, "signaaldatum": vandaag.isoformat(),
        "crisissignaal": False, "warmeOverdracht": True, "eindelevering": False,
        "client": {"postcode": postcode, "huisnummer": huisnummer, "huisnummertoevoeging": toevoeging or None,
                   "voorletters": voorletters, "achternaam": achternaam,
                   "telefoonnummer": telefoon or None, "email": email or None},
    }
    with transaction.atomic():
        partner = signalering.zelfcheck_partner()
        bestaand = Vroegsignaal.objects.filter(partner=partner, extern_id=extern_id).select_related("wijk").first()
        if bestaand is not None:  # the same form sent again
            return Bevestiging(wijk=bestaand.wijk.naam if bestaand.wijk else "", dagen=norm_hulpaanbod_dagen(),
                               nieuw=False)
        rapport = intake.verwerk(partner, intake.json_rijen([signaal]), kanaal=Kanaal.ZELFMELDING,
                                 actor=None, ingediend_door=PARTNER_CODE)
        if not rapport.signaal_ids:
            meldingen = [f["melding"] for r in rapport.resultaten() for f in r["fouten"]]
            raise MeldingGeweigerd(meldingen or [_("Het doorgeven is niet gelukt. Kijk uw gegevens na.")])
        signalering.leg_toestemming_vast(rapport.signaal_ids)
        opgeslagen = Vroegsignaal.objects.select_related("zaak", "wijk").get(pk=rapport.signaal_ids[0])
        audit.log(actor=None, actie=Actie.AANMAKEN, object_type=Vroegsignaal._meta.label, object_id=opgeslagen.pk,
                  doel=DOEL, toelichting=_("Toestemming van de inwoner vastgelegd (contact opnemen%(delen)s).") % {
                      "delen": _("; antwoorden gedeeld") if gedeeld.strip() else ""})
        zaak = opgeslagen.zaak
        if zaak is not None:
            Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(warme_overdracht=True)
            tekst = _("Zelfmelding via de zelfcheck. De inwoner gaf toestemming om contact op te nemen.")
            if bedrag is None:
                tekst += " " + _("De inwoner vulde niet in hoeveel rekeningen er openstaan.")
            elif not bedrag:
                tekst += " " + _("Volgens de inwoner staan er geen rekeningen open.")
            if gedeeld.strip():
                tekst += " " + _("Gedeeld door de inwoner: %(tekst)s") % {"tekst": gedeeld.strip()}
            Notitie.objects.create(zaak=zaak, door=None, tekst=tekst[:2000])
    return Bevestiging(wijk=opgeslagen.wijk.naam if opgeslagen.wijk else "", dagen=norm_hulpaanbod_dagen(), nieuw=True)
