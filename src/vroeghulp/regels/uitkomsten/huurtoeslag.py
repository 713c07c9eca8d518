"""Uitkomst huurtoeslag (stelsel vanaf 2026): amounts from the OpenFisca variables, toelichting in B1."""

from decimal import Decimal

from vroeghulp.regels.uitkomsten import Regeling
from vroeghulp.regels.uitkomsten._hulp import centen, euro, procent, waarde

WHT = "https://wetten.overheid.nl/BWBR0008659/{jaar}-01-01"
BRONNEN = [
    {"titel": "Wet op de huurtoeslag, art. 13, 16, 17, 20 en 21", "url": WHT + "#Artikel21"},
    {"titel": "Regeling huurtoeslag 2026 (Staatscourant 2025, 39783)",
     "url": "https://zoek.officielebekendmakingen.nl/stcrt-2025-39783.html"},
    {"titel": "Algemene wet inkomensafhankelijke regelingen, art. 7 (vermogen)",
     "url": "https://wetten.overheid.nl/BWBR0018472/{jaar}-01-01#Hoofdstuk2_Paragraaf2.2_Artikel7"},
]


def _geen_recht(stappen, bronnen, reden, berekend=True):
    stappen.append(reden)
    uitkomst = {"recht": False, "per_jaar": Decimal("0.00"), "per_maand": Decimal(0),
                "toelichting": stappen, "bronnen": bronnen}
    if not berekend:
        uitkomst["berekend"] = False  # rules for this year are not encoded: no verdict on entitlement
    return uitkomst


def uitkomst(sim, periode, i: int) -> dict:
    jaar = periode.start.year
    bronnen = [{"titel": b["titel"], "url": b["url"].format(jaar=jaar)} for b in BRONNEN]
    stappen: list[str] = []
    if not bool(waarde(sim, "huurtoeslag_berekend", periode, i)):
        # Up to 2025 the basishuur came from a normhuur a·Y² + b·Y (Wht art. 16-19); the yearly factors a and b
        # of the Regeling were not found, so only the law text of that year is cited.
        bronnen = [{"titel": "Wet op de huurtoeslag, art. 16-21 (berekening tot en met 2025)",
                    "url": WHT.format(jaar=jaar) + "#Artikel19"}]
        stappen.append(f"De huurtoeslag voor {jaar} kunnen wij nog niet berekenen. Wij rekenen alleen met "
                       "de regels die gelden vanaf 1 januari 2026.")
        return _geen_recht(stappen, bronnen,
                           f"In {jaar} hing de huur die u zelf betaalt af van uw inkomen volgens een formule met "
                           "factoren die elk jaar apart worden vastgesteld. Die factoren hebben wij nog niet.",
                           berekend=False)

    ht = sim.tax_benefit_system.get_parameters_at_instant(periode.start).huurtoeslag
    # Compare by name: OpenFisca loads the variable modules itself, so the Enum classes differ.
    if sim.calculate("woning_soort", periode).decode()[i].name != "huur":
        return _geen_recht(stappen, bronnen, "U krijgt geen huurtoeslag: u huurt geen woning.")
    if bool(waarde(sim, "ht_vermogen_te_hoog", periode, i)):
        partner = bool(waarde(sim, "heeft_partner", periode, i))
        grens = ht.vermogensgrens.met_partner if partner else ht.vermogensgrens.zonder_partner
        return _geen_recht(stappen, bronnen, f"U krijgt geen huurtoeslag: uw vermogen is hoger dan {euro(grens, 0)}.")
    if not bool(waarde(sim, "ht_voorwaarden", periode, i)):
        return _geen_recht(stappen, bronnen, "U krijgt geen huurtoeslag: u moet 18 jaar of ouder zijn.")

    alleen = bool(waarde(sim, "ht_eenpersoonshuishouden", periode, i))
    soort = "u woont alleen" if alleen else "u woont met anderen samen"
    huur = waarde(sim, "ht_rekenhuur", periode, i)
    grens = waarde(sim, "ht_maximale_huurgrens", periode, i)
    basis = waarde(sim, "ht_basishuur", periode, i)
    aftopping = waarde(sim, "ht_aftoppingsgrens", periode, i)
    subsidie = waarde(sim, "ht_subsidie_voor_afbouw", periode, i)
    inkomen = waarde(sim, "ht_rekeninkomen", periode, i)
    ijkpunt = waarde(sim, "ht_minimum_inkomensijkpunt", periode, i)
    pct = waarde(sim, "ht_afbouwpercentage", periode, i)
    afbouw = waarde(sim, "ht_afbouw", periode, i)
    onafgerond = waarde(sim, "huurtoeslag_per_maand_onafgerond", periode, i)

    stappen.append(f"Uw kale huur is {euro(huur)} per maand. Servicekosten tellen vanaf 2026 niet meer mee.")
    if huur > grens:
        stappen.append(f"Wij rekenen met niet meer dan {euro(grens)}: over huur daarboven krijgt u geen huurtoeslag.")
    stappen.append(f"De basishuur betaalt u altijd zelf: {euro(basis)}, want {soort}.")
    stappen.append(
        f"U krijgt 100% van de huur tussen {euro(basis)} en {euro(ht.kwaliteitskortingsgrens)}, "
        f"{procent(ht.subsidiepercentage.tot_aftoppingsgrens)} van de huur tot {euro(aftopping)} en "
        f"{procent(ht.subsidiepercentage.boven_aftoppingsgrens)} van de huur daarboven. "
        f"Dat is {euro(subsidie)} per maand.")
    stappen.append(f"Uw inkomen{' samen' if not alleen else ''} is {euro(inkomen)} per jaar.")
    if afbouw > 0:
        stappen.append(
            f"Dat is {euro(inkomen - ijkpunt)} meer dan {euro(ijkpunt, 0)}. Daarom gaat er "
            f"{procent(pct)} daarvan af, gedeeld door 12: {euro(afbouw)} per maand.")
    else:
        stappen.append(f"Dat is niet meer dan {euro(ijkpunt, 0)}. Daarom gaat er niets af.")

    per_maand = Decimal(int(waarde(sim, "huurtoeslag_per_maand", periode, i)))
    if per_maand < 1:
        return _geen_recht(stappen, bronnen,
                           "U krijgt geen huurtoeslag: door uw inkomen blijft er niets over.")
    stappen.append(f"Huurtoeslag: {euro(onafgerond)} per maand. De Dienst Toeslagen betaalt hele euro's, "
                   f"naar beneden afgerond: {euro(per_maand, 0)} per maand.")
    return {"recht": True, "per_jaar": centen(waarde(sim, "huurtoeslag_per_jaar", periode, i)),
            "per_maand": per_maand, "toelichting": stappen, "bronnen": bronnen}


REGELING = Regeling(
    naam="huurtoeslag",
    titel="Huurtoeslag",
    velden={"recht": "huurtoeslag_recht", "per_jaar": "huurtoeslag_per_jaar", "per_maand": "huurtoeslag_per_maand"},
    uitkomst=uitkomst,
    volgorde=20,
)
