"""Uitkomst vtlb en afloscapaciteit (schuldregeling van 18 maanden), toelichting in Dutch (B1)."""

from vroeghulp.regels.uitkomsten import Regeling
from vroeghulp.regels.uitkomsten._hulp import centen, euro, waarde

BRONNEN = [
    {"titel": "Faillissementswet, art. 295 (vrij te laten bedrag)",
     "url": "https://wetten.overheid.nl/BWBR0001860/{jaar}-01-01#Artikel295"},
    {"titel": "Faillissementswet, art. 349a (looptijd 1,5 jaar)",
     "url": "https://wetten.overheid.nl/BWBR0001860/{jaar}-01-01#Artikel349a"},
    {"titel": "Wet gemeentelijke schuldhulpverlening, art. 4a",
     "url": "https://wetten.overheid.nl/BWBR0031331/{jaar}-01-01#Artikel4a"},
]
PGL_BRON = {"titel": "NVVK: nieuwe vtlb-calculator, juli 2021 (PGL-correctie)",
            "url": "https://www.nvvk.nl/page/1439/2021/07/09/Nieuwe-vtlb-calculator-beschikbaar"}


def uitkomst(sim, periode, i: int) -> dict:
    jaar = periode.start.year
    bronnen = [{"titel": b["titel"], "url": b["url"].format(jaar=jaar)} for b in BRONNEN]
    if not bool(waarde(sim, "bvv_berekend", periode, i)):
        return {"vtlb_per_maand": None, "afloscapaciteit_per_maand": None, "berekend": False, "bronnen": bronnen,
                "toelichting": [f"Het vrij te laten bedrag voor {jaar} kunnen wij nog niet berekenen. Wij rekenen "
                                "alleen met de regels die gelden vanaf 1 januari 2024."]}
    maanden = int(sim.tax_benefit_system.get_parameters_at_instant(periode.start).vtlb.looptijd_maanden)
    bvv = waarde(sim, "bvv_na_verminderingen", periode, i)
    correcties = waarde(sim, "vtlb_nominale_correcties", periode, i)
    vtlb = centen(waarde(sim, "vtlb", periode, i))
    inkomen = waarde(sim, "bvv_inkomen_schuldenaar", periode, i)
    per_maand = centen(waarde(sim, "afloscapaciteit_per_maand", periode, i))
    totaal = centen(waarde(sim, "afloscapaciteit_looptijd", periode, i))
    pgl = centen(waarde(sim, "vtlb_pgl_correctie", periode, i))
    stappen = [
        f"Beslagvrije voet (zonder de 95%-regel): {euro(bvv)} per maand.",
        f"Extra bedragen voor uw situatie (correcties): {euro(correcties)} per maand.",
        f"Vrij te laten bedrag: {euro(vtlb)} per maand. Dit geld houdt u om van te leven.",
        f"Uw netto inkomen: {euro(inkomen)} per maand.",
    ]
    if pgl > 0:
        stappen.insert(2, f"U of uw partner heeft de AOW-leeftijd. Volgens de Recofa-methode (zoals de NVVK die in 2021 "
                          f"beschreef) kan er dan {euro(pgl)} per maand bij komen. Wij tellen dat niet vanzelf mee. "
                          "Uw schuldhulpverlener kan het invullen bij de extra bedragen.")
        bronnen.append(PGL_BRON)
    if per_maand > 0:
        stappen.append(f"U kunt {euro(per_maand)} per maand aflossen. In {maanden} maanden is dat {euro(totaal)}.")
    else:
        stappen.append("U houdt niets over om af te lossen. De schuldeisers krijgen dan een nul-aanbod.")
    return {"vtlb_per_maand": vtlb, "afloscapaciteit_per_maand": per_maand, "looptijd_maanden": maanden,
            "afloscapaciteit_looptijd": totaal, "berekend": True, "toelichting": stappen, "bronnen": bronnen}


REGELING = Regeling(
    naam="vtlb",
    titel="Vrij te laten bedrag en afloscapaciteit",
    velden={"vtlb_per_maand": "vtlb", "afloscapaciteit_per_maand": "afloscapaciteit_per_maand",
            "afloscapaciteit_looptijd": "afloscapaciteit_looptijd"},
    uitkomst=uitkomst,
    volgorde=60,
)
