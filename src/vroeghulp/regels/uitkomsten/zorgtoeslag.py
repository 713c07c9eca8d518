"""Uitkomst zorgtoeslag: amounts from the OpenFisca variables, toelichting in Dutch (B1)."""

from decimal import Decimal

from vroeghulp.regels.uitkomsten import Regeling
from vroeghulp.regels.uitkomsten._hulp import centen, euro, hele_euros, procent, waarde

WZT = "https://wetten.overheid.nl/BWBR0018451/{jaar}-01-01"
BRONNEN = [
    {"titel": "Wet op de zorgtoeslag, art. 1, 2 en 3", "url": WZT + "#Artikel2"},
    {"titel": "Algemene wet inkomensafhankelijke regelingen, art. 14",
     "url": "https://wetten.overheid.nl/BWBR0018472/{jaar}-01-01#Hoofdstuk2_Paragraaf2.3_Artikel14"},
]


def uitkomst(sim, periode, i: int) -> dict:
    p = sim.tax_benefit_system.get_parameters_at_instant(periode.start)
    zt, drempel = p.zorgtoeslag, p.algemeen.drempelinkomen
    jaar = periode.start.year
    partner = bool(waarde(sim, "heeft_partner", periode, i))
    verzekerden = int(waarde(sim, "zorgtoeslag_aantal_verzekerden", periode, i))
    inkomen = waarde(sim, "toetsingsinkomen_huishouden", periode.this_year, i)
    normpremie = waarde(sim, "zorgtoeslag_normpremie", periode, i)
    berekend = centen(waarde(sim, "zorgtoeslag_berekend", periode, i))
    recht = bool(waarde(sim, "zorgtoeslag_recht", periode, i))
    bronnen = [{"titel": b["titel"], "url": b["url"].format(jaar=jaar)} for b in BRONNEN]

    stappen = []
    if partner:
        stappen.append(f"Standaardpremie {jaar}: 2 × {euro(zt.standaardpremie)} = {euro(2 * zt.standaardpremie)}, "
                       "want u heeft een toeslagpartner.")
        p1 = zt.percentage_drempelinkomen_partners
    else:
        stappen.append(f"Standaardpremie {jaar}: {euro(zt.standaardpremie)}.")
        p1 = zt.percentage_drempelinkomen_alleenstaande
    boven = max(0.0, inkomen - drempel)
    stappen.append(f"Uw toetsingsinkomen{' samen' if partner else ''} (het inkomen waarmee de Dienst Toeslagen "
                   f"rekent): {euro(inkomen)}. Het drempelinkomen is {euro(drempel, 0)}.")
    stappen.append(f"Normpremie: {procent(p1)} van {euro(drempel, 0)} = {euro(p1 * drempel)}, plus "
                   f"{procent(zt.percentage_boven_drempelinkomen)} van {euro(boven)} boven het drempelinkomen "
                   f"= {euro(zt.percentage_boven_drempelinkomen * boven)}. Samen {euro(normpremie)}.")
    standaard = zt.standaardpremie * (2 if partner else 1)
    stappen.append(f"Standaardpremie min normpremie: {euro(standaard)} − {euro(normpremie)} = "
                   f"{euro(max(0.0, standaard - normpremie))} per jaar.")
    if partner and verzekerden == 1:
        stappen.append(f"Eén van u beiden heeft geen Nederlandse zorgverzekering. Daarom krijgt u de helft: "
                       f"{euro(berekend)} per jaar.")

    reden = None
    if verzekerden == 0:
        reden = "U krijgt geen zorgtoeslag: niemand van u heeft een Nederlandse zorgverzekering (of u bent nog geen 18)."
    elif bool(waarde(sim, "zorgtoeslag_vermogen_te_hoog", periode, i)):
        grens = zt.vermogensgrens_partners if partner else zt.vermogensgrens_alleenstaande
        reden = f"U krijgt geen zorgtoeslag: uw vermogen is hoger dan {euro(grens, 0)}."
    elif not recht and standaard - normpremie <= 0:
        reden = "U krijgt geen zorgtoeslag: uw inkomen is te hoog. De normpremie is hoger dan de standaardpremie."
    elif not recht:
        reden = "U krijgt geen zorgtoeslag: het bedrag is lager dan € 24 per jaar. Dan betaalt de Dienst Toeslagen niets uit."
    if reden:
        stappen.append(reden)
        return {"recht": False, "per_jaar": Decimal("0.00"), "per_maand": Decimal(0),
                "toelichting": stappen, "bronnen": bronnen}

    per_maand = Decimal(int(waarde(sim, "zorgtoeslag_per_maand", periode, i)))
    stappen.append(f"Zorgtoeslag: {euro(berekend)} per jaar, afgerond op hele euro's {euro(hele_euros(berekend), 0)}. "
                   f"Per maand krijgt u een twaalfde daarvan, naar beneden afgerond: {euro(per_maand, 0)}.")
    return {"recht": True, "per_jaar": berekend, "per_maand": per_maand, "toelichting": stappen, "bronnen": bronnen}


REGELING = Regeling(
    naam="zorgtoeslag",
    titel="Zorgtoeslag",
    velden={"recht": "zorgtoeslag_recht", "per_jaar": "zorgtoeslag_per_jaar", "per_maand": "zorgtoeslag_per_maand"},
    uitkomst=uitkomst,
    volgorde=10,
)
