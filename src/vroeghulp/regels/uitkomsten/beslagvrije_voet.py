"""Uitkomst beslagvrije voet: per_maand in euros and cents, toelichting in Dutch (B1)."""

from decimal import Decimal

from vroeghulp.regels.uitkomsten import Regeling
from vroeghulp.regels.uitkomsten._hulp import centen, euro, waarde

RV = "https://wetten.overheid.nl/BWBR0001827/{datum}#"
BRONNEN = [
    {"titel": "Wetboek van Burgerlijke Rechtsvordering, art. 475da (berekening en maximum)", "url": RV + "Artikel475da"},
    {"titel": "Wetboek van Burgerlijke Rechtsvordering, art. 475db (inkomen partner)", "url": RV + "Artikel475db"},
    {"titel": "Wetboek van Burgerlijke Rechtsvordering, art. 475dc (95%-regel)", "url": RV + "Artikel475dc"},
    {"titel": "Rijksoverheid: uw beslagvrije voet", "url": "https://www.uwbeslagvrijevoet.nl/"},
]

LEEFSITUATIE = {
    "alleenstaande": "alleenstaande",
    "alleenstaande_ouder": "alleenstaande ouder",
    "gehuwden_zonder_kinderen": "getrouwd of samenwonend, zonder kinderen",
    "gehuwden_met_kinderen": "getrouwd of samenwonend, met kinderen",
}


def uitkomst(sim, periode, i: int) -> dict:
    # The maxima change on 1 January and 1 July (lid 8): cite the text valid in that half year.
    datum = f"{periode.start.year}-{'07' if periode.start.month >= 7 else '01'}-01"
    bronnen = [{"titel": b["titel"], "url": b["url"].format(datum=datum)} for b in BRONNEN]
    if not bool(waarde(sim, "bvv_berekend", periode, i)):
        stappen = [f"De beslagvrije voet voor {periode.start.year} kunnen wij nog niet berekenen. Wij rekenen alleen "
                   "met de regels die gelden vanaf 1 januari 2024."]
        maximum = waarde(sim, "bvv_maximum", periode, i)  # lid 1 maxima are known from 1-1-2024
        if maximum > 0:
            leefsituatie = sim.calculate("bvv_leefsituatie", periode).decode()[i].name
            stappen.append(f"Wel staat vast: u bent {LEEFSITUATIE[leefsituatie]}, en dan is de beslagvrije voet in "
                           f"deze maand nooit meer dan {euro(maximum)} (artikel 475da, eerste lid).")
        return {"per_maand": None, "berekend": False, "bronnen": bronnen, "toelichting": stappen}

    # By name: OpenFisca loads the variable modules itself, so its Enum class is not ours.
    leefsituatie = sim.calculate("bvv_leefsituatie", periode).decode()[i].name
    gehuwd = leefsituatie.startswith("gehuwden")
    inkomen = waarde(sim, "bvv_belastbaar_inkomen", periode, i)
    basis = waarde(sim, "bvv_basis", periode, i)
    zorg = waarde(sim, "bvv_zorgdeel", periode, i)
    huur = waarde(sim, "bvv_huurdeel", periode, i)
    kind = waarde(sim, "bvv_kinddeel", periode, i)
    formule = waarde(sim, "bvv_volgens_formule", periode, i)
    maximum = waarde(sim, "bvv_maximum", periode, i)
    woon = waarde(sim, "bvv_woonkostenverhoging", periode, i)
    partner = waarde(sim, "bvv_vermindering_partner", periode, i)
    voor_95 = waarde(sim, "bvv_na_verminderingen", periode, i)
    per_maand = centen(waarde(sim, "beslagvrije_voet", periode, i))

    stappen = [
        f"U bent {LEEFSITUATIE[leefsituatie]}.",
        f"Basis: 95% van de bijstandsnorm{' voor gehuwden' if gehuwd else ''}: {euro(basis)}.",
        f"Uw inkomen per jaar{' samen' if gehuwd else ''} (belastbaar inkomen): {euro(inkomen)}.",
        f"Voor de zorgverzekering komt erbij: {euro(zorg)}. Dit is wat u aan zorgtoeslag mist door uw inkomen, "
        "met een maximum.",
        f"Voor de huur komt erbij: {euro(huur)}. Dit is wat u aan huurtoeslag mist door uw inkomen"
        + (", met een maximum." if periode.start.year >= 2026 else "."),
    ]
    if leefsituatie in ("alleenstaande_ouder", "gehuwden_met_kinderen"):
        stappen.append(f"Voor de kinderen komt erbij: {euro(kind)}. Dit is wat u aan kindgebonden budget mist "
                       "door uw inkomen.")
    stappen.append(f"Samen: {euro(formule)} per maand.")
    if formule > maximum:
        stappen.append(f"De beslagvrije voet is nooit meer dan {euro(maximum)} voor uw situatie. "
                       f"Wij rekenen dus met {euro(maximum)}.")
    if woon > 0:
        stappen.append(f"Uw woonkosten zijn hoog. Als u daarom vraagt, komt er {euro(woon)} bij. "
                       "Dat hebben wij meegerekend.")
    if partner > 0:
        stappen.append(f"Uw partner heeft zelf inkomen. Daarom gaat er {euro(partner)} af "
                       "(niet meer dan de helft van de beslagvrije voet).")
    if bool(waarde(sim, "bvv_95_procent_toegepast", periode, i)):
        stappen.append(f"Dat is meer dan 95% van uw netto inkomen per maand. De beslagvrije voet is dan 95% van "
                       f"uw inkomen: {euro(per_maand)}. De schuldeiser krijgt altijd minstens 5%.")
    elif waarde(sim, "bvv_inkomen_schuldenaar", periode, i) <= 0:
        stappen.append("U heeft geen netto inkomen opgegeven. Daarom is de 95%-regel niet toegepast.")
    if not bool(waarde(sim, "bvv_95_procent_toegepast", periode, i)):
        stappen.append(f"Uw beslagvrije voet is {euro(per_maand)} per maand. Dit deel van uw inkomen mag niet "
                       "in beslag worden genomen.")
    return {"per_maand": per_maand, "berekend": True, "voor_95_procent_regel": centen(voor_95),
            "toelichting": stappen, "bronnen": bronnen}


REGELING = Regeling(
    naam="beslagvrije_voet",
    titel="Beslagvrije voet",
    velden={"per_maand": "beslagvrije_voet"},
    uitkomst=uitkomst,
    volgorde=50,
)
