"""Warm handover: an informal partner (GP practice, school, employer, volunteer organisation)
passes on a resident's money worries, with the resident's consent.

The signal goes through the intake's one storage path (``signalering.intake.verwerk``, channel
"warme overdracht") and matching, in one transaction; then the consent is recorded on the signal
(``toestemming_inwoner``) and the case is marked ``warme_overdracht`` (top of the worklist).
"""

import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.accounts.permissions import may_do_warm_handover
from vroeghulp.signalering import intake
from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.models import Kanaal, Vroegsignaal
from vroeghulp.zaken.models import Notitie, Vroegsignaalzaak


class OverdrachtGeweigerd(Exception):
    def __init__(self, meldingen: list[str]):
        super().__init__("; ".join(meldingen))
        self.meldingen = meldingen


@dataclass
class Uitkomst:
    signaal: Vroegsignaal
    zaak: Vroegsignaalzaak | None


def mag_doorgeven(gebruiker) -> bool:
    return may_do_warm_handover(gebruiker)


def doorgeven(gebruiker, *, voorletters: str, achternaam: str, postcode: str, huisnummer: str,
              toevoeging: str = "", geboortedatum=None, bsn: str = "", telefoon: str = "",
              email: str = "", bedrag=None, crisis: bool = False, toestemming: bool,
              toelichting: str = "") -> Uitkomst:
    if not mag_doorgeven(gebruiker):
        raise PermissionDenied(_("Alleen ketenpartners met een organisatie kunnen een warme overdracht doen."))
    if not toestemming:
        raise OverdrachtGeweigerd([_("Zonder toestemming van de inwoner mag u dit niet doorgeven.")])
    vandaag = timezone.localdate()
    signaal = {
        "ID": f"WO-{vandaag:%Y%m%d}-{secrets.token_hex(4).upper()}",
        "bedrag": str(bedrag) if bedrag not in (None, "") else "0",
        "signaaldatum": vandaag.isoformat(),
        "crisissignaal": bool(crisis),
        "warmeOverdracht": True,
        "eindelevering": False,
        "client": {
            "burgerservicenummer": bsn or None, "postcode": postcode, "huisnummer": huisnummer,
            "huisnummertoevoeging": toevoeging or None,
            "geboortedatum": geboortedatum.isoformat() if geboortedatum else None,
            "voorletters": voorletters, "achternaam": achternaam,
            "telefoonnummer": telefoon or None, "email": email or None,
        },
    }
    with transaction.atomic():
        rapport = intake.verwerk(
            gebruiker.signaalpartner, intake.json_rijen([signaal]), kanaal=Kanaal.WARME_OVERDRACHT,
            actor=gebruiker, ingediend_door=gebruiker.get_username(),
        )
        if not rapport.signaal_ids:
            meldingen = [f["melding"] for r in rapport.resultaten() for f in r["fouten"]]
            raise OverdrachtGeweigerd(meldingen or [_("Het doorgeven is niet gelukt. Controleer de gegevens.")])
        signalering.leg_toestemming_vast(rapport.signaal_ids)
        opgeslagen = Vroegsignaal.objects.select_related("zaak").get(pk=rapport.signaal_ids[0])
        zaak = opgeslagen.zaak
        if zaak is not None:
            Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(warme_overdracht=True)
            zaak.warme_overdracht = True
            if toelichting.strip():
                Notitie.objects.create(
                    zaak=zaak, door=gebruiker,
                    tekst=_("Warme overdracht door %(partner)s: %(tekst)s") % {
                        "partner": gebruiker.signaalpartner.naam, "tekst": toelichting.strip()[:1500]},
                )
    return Uitkomst(signaal=opgeslagen, zaak=zaak)


def eigen_overdrachten(gebruiker, aantal: int = 20):
    """The partner's own handovers: reference, date and DDAS status only (docs/interfaces.md section 5)."""
    return (
        Vroegsignaal.objects.filter(partner_id=gebruiker.signaalpartner_id, warme_overdracht=True)
        .order_by("-ontvangen").values("extern_id", "signaaldatum", "status", "status_datum")[:aantal]
    )
