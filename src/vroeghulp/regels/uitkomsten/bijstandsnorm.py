"""Uitkomst bijstandsnorm: the norm per month incl. vakantietoeslag, with toelichting in Dutch (B1)."""

from vroeghulp.regels.uitkomsten import Regeling
from vroeghulp.regels.uitkomsten._hulp import centen, euro, waarde

PW = "https://wetten.overheid.nl/BWBR0015703/{datum}"


def uitkomst(sim, periode, i: int) -> dict:
    p = sim.tax_benefit_system.get_parameters_at_instant(periode.start)
    b = p.bijstand
    datum = periode.start.date.isoformat()
    partner = bool(waarde(sim, "heeft_partner", periode, i))
    pensioen = bool(waarde(sim, "bijstand_pensioengerechtigd", periode, i))
    kostendelers = int(waarde(sim, "bijstand_aantal_kostendelers", periode, i))
    norm = centen(waarde(sim, "bijstandsnorm", periode, i))
    vakantietoeslag = centen(waarde(sim, "bijstand_vakantietoeslag", periode, i))
    grens = centen(waarde(sim, "bijstand_vermogensgrens", periode, i))
    eigen = 2 if partner else 1
    wie = "gehuwden of samenwonenden" if partner else "een alleenstaande of alleenstaande ouder"
    leeftijd = "met de AOW-leeftijd" if pensioen else "van 21 jaar tot de AOW-leeftijd"
    stappen = [f"U krijgt de norm voor {wie} {leeftijd}."]
    if kostendelers > eigen:
        gehuwden = centen(waarde(sim, "bijstand_gehuwdennorm", periode, i))
        per_persoon = centen((b.kostendelers_basis + kostendelers * b.kostendelers_per_persoon) / kostendelers * float(gehuwden))
        stappen.append(f"Er wonen {kostendelers} kostendelers in de woning. Dan geldt de kostendelersnorm: "
                       f"(40% + {kostendelers} × 30%) / {kostendelers} × {euro(gehuwden)} = {euro(per_persoon)} per persoon"
                       + (f", voor u samen 2 × {euro(per_persoon)}." if partner else "."))
    stappen.append(f"Bijstandsnorm: {euro(norm)} per maand, inclusief {euro(vakantietoeslag)} vakantietoeslag (5%).")
    stappen.append(f"De vermogensgrens is {euro(grens, 0)}. Heeft u meer vermogen, dan krijgt u meestal geen bijstand.")
    if bool(waarde(sim, "bijstand_jongerennorm", periode, i)):
        stappen.append("Let op: u of uw partner is jonger dan 21. Dan geldt een lagere jongerennorm. "
                       "Die rekenen wij niet uit; de gemeente kan dat wel.")
    bronnen = [
        {"titel": "Participatiewet, art. 19, 21, 22 en 22a", "url": PW.format(datum=datum) + "#Hoofdstuk3_Paragraaf3.2_Artikel21"},
        {"titel": "Participatiewet, art. 34 (vermogen)", "url": PW.format(datum=datum) + "#Hoofdstuk3_Paragraaf3.4_Artikel34"},
    ]
    return {"per_maand": norm, "vakantietoeslag_per_maand": vakantietoeslag, "vermogensgrens": grens,
            "toelichting": stappen, "bronnen": bronnen}


REGELING = Regeling(
    naam="bijstandsnorm",
    titel="Bijstandsnorm",
    velden={"per_maand": "bijstandsnorm", "vakantietoeslag_per_maand": "bijstand_vakantietoeslag",
            "vermogensgrens": "bijstand_vermogensgrens"},
    uitkomst=uitkomst,
    volgorde=40,
)
