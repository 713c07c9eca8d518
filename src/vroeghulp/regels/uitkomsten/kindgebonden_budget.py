"""Uitkomst kindgebonden budget: amounts from the OpenFisca variables, toelichting in Dutch (B1)."""

from decimal import Decimal

from vroeghulp.regels.uitkomsten import Regeling
from vroeghulp.regels.uitkomsten._hulp import centen, euro, hele_euros, personen_van, procent, waarde

BRONNEN = [
    {"titel": "Wet op het kindgebonden budget, art. 1 en 2", "url": "https://wetten.overheid.nl/BWBR0022751/{jaar}-01-01#Artikel2"},
    {"titel": "Algemene wet inkomensafhankelijke regelingen, art. 14",
     "url": "https://wetten.overheid.nl/BWBR0018472/{jaar}-01-01#Hoofdstuk2_Paragraaf2.3_Artikel14"},
]


def uitkomst(sim, periode, i: int) -> dict:
    p = sim.tax_benefit_system.get_parameters_at_instant(periode.start)
    kgb = p.kindgebonden_budget
    jaar = periode.start.year
    bronnen = [{"titel": b["titel"], "url": b["url"].format(jaar=jaar)} for b in BRONNEN]
    partner = bool(waarde(sim, "heeft_partner", periode, i))
    kinderen = int(waarde(sim, "kgb_aantal_kinderen", periode, i))
    stappen = []
    if kinderen == 0:
        stappen.append("U krijgt geen kindgebonden budget: er woont geen kind jonger dan 18 jaar in uw huishouden "
                       "(het recht begint in de maand na de geboorte).")
        return {"recht": False, "per_jaar": Decimal("0.00"), "per_maand": Decimal(0),
                "toelichting": stappen, "bronnen": bronnen}

    bedragen = sim.calculate("kgb_bedrag_kind", periode)
    for nummer, persoon in enumerate(
        [j for j in personen_van(sim, i) if sim.calculate("kgb_kind_telt_mee", periode)[j]], start=1
    ):
        bedrag = bedragen[persoon]
        extra = bedrag - kgb.bedrag_per_kind
        uitleg = f" (inclusief {euro(extra, 0)} extra voor een kind van {'16 of 17' if extra == kgb.verhoging_16_en_17 else '12 tot 16'} jaar)" if extra else ""
        stappen.append(f"Kind {nummer}: {euro(bedrag, 0)} per jaar{uitleg}.")
    kop = waarde(sim, "kgb_alleenstaande_ouderkop", periode, i)
    if kop:
        stappen.append(f"U heeft geen toeslagpartner. Daarom krijgt u de alleenstaande-ouderkop: {euro(kop, 0)} per jaar.")
    maximaal = waarde(sim, "kgb_maximaal", periode, i)
    stappen.append(f"Samen: {euro(maximaal)} per jaar, als uw inkomen niet te hoog is.")
    inkomen = waarde(sim, "toetsingsinkomen_huishouden", periode.this_year, i)
    drempel = waarde(sim, "kgb_drempel", periode, i)
    vermindering = waarde(sim, "kgb_vermindering", periode, i)
    if vermindering > 0:
        stappen.append(f"Uw toetsingsinkomen{' samen' if partner else ''} ({euro(inkomen)}) is hoger dan {euro(drempel, 0)}. "
                       f"Het bedrag gaat omlaag met {procent(kgb.afbouwpercentage)} van {euro(inkomen - drempel)} = {euro(vermindering)}.")
    else:
        stappen.append(f"Uw toetsingsinkomen{' samen' if partner else ''} ({euro(inkomen)}) is niet hoger dan "
                       f"{euro(drempel, 0)}. U krijgt het volle bedrag.")
    berekend = centen(waarde(sim, "kgb_berekend", periode, i))
    reden = None
    if bool(waarde(sim, "kgb_vermogen_te_hoog", periode, i)):
        grens = kgb.vermogensgrens_partners if partner else kgb.vermogensgrens_alleenstaande
        reden = f"U krijgt geen kindgebonden budget: uw vermogen is hoger dan {euro(grens, 0)}."
    elif berekend == 0:
        reden = "U krijgt geen kindgebonden budget: uw inkomen is te hoog."
    elif not bool(waarde(sim, "kgb_recht", periode, i)):
        reden = "U krijgt geen kindgebonden budget: het bedrag is lager dan € 24 per jaar. Dan wordt niets uitbetaald."
    if reden:
        stappen.append(reden)
        return {"recht": False, "per_jaar": Decimal("0.00"), "per_maand": Decimal(0),
                "toelichting": stappen, "bronnen": bronnen}
    per_maand = Decimal(int(waarde(sim, "kindgebonden_budget_per_maand", periode, i)))
    stappen.append(f"Kindgebonden budget: {euro(berekend)} per jaar, afgerond op hele euro's "
                   f"{euro(hele_euros(berekend), 0)}. Per maand een twaalfde daarvan, naar beneden afgerond: "
                   f"{euro(per_maand, 0)}.")
    return {"recht": True, "per_jaar": berekend, "per_maand": per_maand, "toelichting": stappen, "bronnen": bronnen}


REGELING = Regeling(
    naam="kindgebonden_budget",
    titel="Kindgebonden budget",
    velden={"recht": "kgb_recht", "per_jaar": "kindgebonden_budget_per_jaar", "per_maand": "kindgebonden_budget_per_maand"},
    uitkomst=uitkomst,
    volgorde=30,
)
