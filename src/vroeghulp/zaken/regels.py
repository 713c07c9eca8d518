"""The regels check from a case: what the household may be entitled to (rules as code).

Built from what the municipality knows (BRP household, net income); that is an indication,
not a decision — the screen says so. Uses ``vroeghulp.regels.service.bereken`` only.
"""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.personen.models import Rol

REGELINGEN = ["zorgtoeslag", "kindgebonden_budget", "bijstandsnorm", "beslagvrije_voet"]


def _namen() -> dict:
    return {"zorgtoeslag": _("Zorgtoeslag"), "kindgebonden_budget": _("Kindgebonden budget"),
            "bijstandsnorm": _("Bijstandsnorm (per maand)"), "beslagvrije_voet": _("Beslagvrije voet (per maand)"),
            "huurtoeslag": _("Huurtoeslag")}


def situatie_voor(inwoner, huisgenoten) -> dict:
    personen = []
    aanvrager_gezien = False
    partner_gezien = False
    for persoon in [inwoner, *huisgenoten]:
        rol = persoon.rol
        if rol == Rol.AANVRAGER:
            rol = "medebewoner" if aanvrager_gezien else "aanvrager"
            aanvrager_gezien = True
        elif rol == Rol.PARTNER:
            rol = "medebewoner" if partner_gezien else "partner"
            partner_gezien = True
        item = {"rol": rol, "geboortedatum": persoon.geboortedatum.isoformat()}
        if rol != "kind":
            netto = Decimal(persoon.netto_inkomen_per_maand or 0)
            item["netto_inkomen_per_maand"] = float(netto)
            # Indication: 12 × net monthly income stands in for the (unknown) toetsingsinkomen.
            item["toetsingsinkomen"] = float(netto * 12)
        personen.append(item)
    if not aanvrager_gezien and personen:
        personen[0]["rol"] = "aanvrager"
    volwassenen = sum(1 for p in personen if p["rol"] in ("aanvrager", "medebewoner"))
    return {
        "peildatum": timezone.localdate().isoformat(),
        "huishouden": {"personen": personen, "vermogen": 0, "kostendelers": max(1, volwassenen)},
        "regelingen": REGELINGEN,
    }


def uitkomsten(situatie: dict) -> dict:
    from vroeghulp.regels import service

    try:
        antwoord = service.bereken(situatie)
    except service.InvoerFout as fout:
        return {"fout": _("De gegevens zijn niet compleet genoeg om te rekenen."), "details": str(fout)}
    except service.PeildatumBuitenBereik:
        return {"fout": _("Voor deze datum kennen de rekenregels de bedragen nog niet.")}
    namen = _namen()
    return {"uitkomsten": antwoord["uitkomsten"], "versie": antwoord["rekenregels_versie"],
            "regels": [(naam, namen.get(naam, naam), u) for naam, u in antwoord["uitkomsten"].items()]}
