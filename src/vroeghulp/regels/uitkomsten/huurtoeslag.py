"""Uitkomst huurtoeslag (2024-2025: normhuurstelsel; vanaf 2026: lineair stelsel): amounts from the
OpenFisca variables, toelichting in B1."""

from decimal import Decimal

from vroeghulp.regels.uitkomsten import Regeling
from vroeghulp.regels.uitkomsten._hulp import centen, euro, hele_euros, procent, waarde

WHT = "https://wetten.overheid.nl/BWBR0008659/{jaar}-01-01"
AWIR_7 = {"titel": "Algemene wet inkomensafhankelijke regelingen, art. 7 (vermogen)",
          "url": "https://wetten.overheid.nl/BWBR0018472/{jaar}-01-01#Hoofdstuk2_Paragraaf2.2_Artikel7"}
AWIR_14 = {"titel": "Algemene wet inkomensafhankelijke regelingen, art. 14 (afronding, minimaal € 24)",
           "url": "https://wetten.overheid.nl/BWBR0018472/{jaar}-01-01#Hoofdstuk2_Paragraaf2.3_Artikel14"}
BRONNEN = [
    {"titel": "Wet op de huurtoeslag, art. 13, 16, 17, 20 en 21", "url": WHT + "#Artikel21"},
    {"titel": "Regeling huurtoeslag 2026 (Staatscourant 2025, 39783)",
     "url": "https://zoek.officielebekendmakingen.nl/stcrt-2025-39783.html"},
    AWIR_7,
    AWIR_14,
]
BRONNEN_TOT_2026 = [
    {"titel": "Wet op de huurtoeslag, art. 5, 13 en 16-21 (normhuur en basishuur)", "url": WHT + "#Artikel19"},
    {"titel": "Wet verlaging eigen bijdrage huurtoeslag, art. 1",
     "url": "https://wetten.overheid.nl/BWBR0049106/2026-01-01#Artikel1"},
    {"titel": "Besluit van 21 december 2022 tot wijziging van artikel 16 van de Wet op de huurtoeslag (Stb. 2022, 528)",
     "url": "https://zoek.officielebekendmakingen.nl/stb-2022-528.html"},
    AWIR_7,
    AWIR_14,
]


def _geen_recht(stappen, bronnen, reden, berekend=True):
    stappen.append(reden)
    uitkomst = {"recht": False, "per_jaar": Decimal("0.00"), "per_maand": Decimal(0),
                "toelichting": stappen, "bronnen": bronnen}
    if not berekend:
        uitkomst["berekend"] = False  # rules for this household are not encoded: no verdict on entitlement
    return uitkomst


def uitkomst(sim, periode, i: int) -> dict:
    jaar = periode.start.year
    lijst = BRONNEN if jaar >= 2026 else BRONNEN_TOT_2026
    bronnen = [{"titel": b["titel"], "url": b["url"].format(jaar=jaar)} for b in lijst]
    stappen: list[str] = []
    if not bool(waarde(sim, "huurtoeslag_berekend", periode, i)):
        # 2024: ouderenhuishoudens had their own minimum-inkomensijkpunten (AOW-based, in no law text).
        bronnen = [{"titel": "Wet op de huurtoeslag, art. 2 en 17 (ouderenhuishouden)",
                    "url": WHT.format(jaar=jaar) + "#Artikel17"}]
        stappen.append(f"In {jaar} had iemand in uw huishouden op 1 januari de AOW-leeftijd. Voor zo'n "
                       "huishouden golden in dat jaar aparte bedragen.")
        return _geen_recht(stappen, bronnen,
                           "Die bedragen hebben wij niet. Daarom kunnen wij uw huurtoeslag voor dit jaar niet "
                           "berekenen.", berekend=False)

    ht = sim.tax_benefit_system.get_parameters_at_instant(periode.start).huurtoeslag
    # Compare by name: OpenFisca loads the variable modules itself, so the Enum classes differ.
    if sim.calculate("woning_soort", periode).decode()[i].name != "huur":
        return _geen_recht(stappen, bronnen, "U krijgt geen huurtoeslag: u huurt geen woning.")
    if bool(waarde(sim, "ht_vermogen_te_hoog", periode, i)):
        partner = bool(waarde(sim, "heeft_partner", periode, i))
        grens = ht.vermogensgrens.met_partner if partner else ht.vermogensgrens.zonder_partner
        return _geen_recht(stappen, bronnen, f"U krijgt geen huurtoeslag: uw vermogen is hoger dan {euro(grens, 0)}.")

    alleen = bool(waarde(sim, "ht_eenpersoonshuishouden", periode, i))
    soort = "u woont alleen" if alleen else "u woont met anderen samen"
    huur = waarde(sim, "ht_rekenhuur", periode, i)
    grens = waarde(sim, "ht_maximale_huurgrens", periode, i)
    if jaar < 2026:
        stappen.append(f"Uw huur is {euro(huur)} per maand: de kale huur plus de servicekosten die meetellen "
                       "(lift, schoonmaak, huismeester en gemeenschappelijke ruimten, samen niet meer dan € 48).")
        if bool(waarde(sim, "ht_huur_te_hoog", periode, i)):
            return _geen_recht(stappen, bronnen,
                               f"U krijgt geen huurtoeslag: uw huur is hoger dan {euro(grens)}. Dat is de hoogste "
                               f"huur waarbij u in {jaar} huurtoeslag kon krijgen.")
    else:
        stappen.append(f"Uw kale huur is {euro(huur)} per maand. Servicekosten tellen vanaf 2026 niet meer mee.")
    if not bool(waarde(sim, "ht_voorwaarden", periode, i)):
        return _geen_recht(stappen, bronnen, "U krijgt geen huurtoeslag: u moet 18 jaar of ouder zijn.")

    basis = waarde(sim, "ht_basishuur", periode, i)
    aftopping = waarde(sim, "ht_aftoppingsgrens", periode, i)
    subsidie = waarde(sim, "ht_subsidie_voor_afbouw", periode, i)
    inkomen = waarde(sim, "ht_rekeninkomen", periode, i)
    ijkpunt = waarde(sim, "ht_minimum_inkomensijkpunt", periode, i)
    onafgerond = waarde(sim, "huurtoeslag_per_maand_onafgerond", periode, i)

    if jaar < 2026:
        _stappen_normhuur(stappen, sim, periode, i, ht, alleen, soort, inkomen, ijkpunt, basis)
        veertig = alleen or jaar >= 2025
        stappen.append(
            f"U krijgt 100% van de huur tussen {euro(basis)} en {euro(ht.kwaliteitskortingsgrens)} en "
            f"{procent(ht.subsidiepercentage.tot_aftoppingsgrens)} van de huur tot {euro(aftopping)}"
            + (f", en {procent(ht.subsidiepercentage.boven_aftoppingsgrens)} van de huur daarboven. "
               if veertig else ". Over huur daarboven krijgt u in 2024 niets, want u woont niet alleen. ")
            + f"Dat is {euro(subsidie)} per maand.")
    else:
        if huur > grens:
            stappen.append(f"Wij rekenen met niet meer dan {euro(grens)}: over huur daarboven krijgt u geen "
                           "huurtoeslag.")
        stappen.append(f"De basishuur betaalt u altijd zelf: {euro(basis)}, want {soort}.")
        stappen.append(
            f"U krijgt 100% van de huur tussen {euro(basis)} en {euro(ht.kwaliteitskortingsgrens)}, "
            f"{procent(ht.subsidiepercentage.tot_aftoppingsgrens)} van de huur tot {euro(aftopping)} en "
            f"{procent(ht.subsidiepercentage.boven_aftoppingsgrens)} van de huur daarboven. "
            f"Dat is {euro(subsidie)} per maand.")
        stappen.append(f"Uw inkomen{' samen' if not alleen else ''} is {euro(inkomen)} per jaar.")
        afbouw = waarde(sim, "ht_afbouw", periode, i)
        if afbouw > 0:
            pct = waarde(sim, "ht_afbouwpercentage", periode, i)
            stappen.append(
                f"Dat is {euro(inkomen - ijkpunt)} meer dan {euro(ijkpunt, 0)}. Daarom gaat er "
                f"{procent(pct)} daarvan af, gedeeld door 12: {euro(afbouw)} per maand.")
        else:
            stappen.append(f"Dat is niet meer dan {euro(ijkpunt, 0)}. Daarom gaat er niets af.")

    if onafgerond <= 0:
        return _geen_recht(stappen, bronnen,
                           "U krijgt geen huurtoeslag: door uw inkomen blijft er niets over.")
    if not bool(waarde(sim, "huurtoeslag_recht", periode, i)):
        return _geen_recht(stappen, bronnen,
                           "U krijgt geen huurtoeslag: het bedrag is lager dan € 24 per jaar. Dan betaalt de "
                           "Dienst Toeslagen niets uit.")
    per_jaar = centen(waarde(sim, "huurtoeslag_per_jaar", periode, i))
    per_maand = Decimal(int(waarde(sim, "huurtoeslag_per_maand", periode, i)))
    stappen.append(f"Huurtoeslag: {euro(centen(onafgerond))} per maand, over 12 maanden {euro(per_jaar)}, afgerond op hele "
                   f"euro's {euro(hele_euros(per_jaar), 0)}. Per maand krijgt u een twaalfde daarvan, naar beneden "
                   f"afgerond: {euro(per_maand, 0)}.")
    return {"recht": True, "per_jaar": per_jaar, "per_maand": per_maand, "toelichting": stappen, "bronnen": bronnen}


def _stappen_normhuur(stappen, sim, periode, i, ht, alleen, soort, inkomen, ijkpunt, basis):
    """2024-2025: the basishuur follows from the normhuur (Wht art. 16-19)."""
    normhuur = waarde(sim, "ht_normhuur", periode, i)
    stappen.append(f"Uw inkomen{' samen' if not alleen else ''} is {euro(inkomen)} per jaar.")
    if inkomen > ijkpunt:
        stappen.append(f"Dat is meer dan {euro(ijkpunt, 0)}. Daarom hangt het deel van de huur dat u zelf "
                       f"betaalt af van uw inkomen: {euro(normhuur)} per maand (de normhuur, want {soort}).")
    else:
        stappen.append(f"Dat is niet meer dan {euro(ijkpunt, 0)}. Het deel van de huur dat u zelf betaalt is "
                       f"dan het laagste bedrag: {euro(normhuur)} per maand (de normhuur, want {soort}).")
    verlaging = ht.normhuur.verlaging_basishuur - ht.normhuur.verhoging_basishuur
    stappen.append(f"Daar gaat in {periode.start.year} {euro(verlaging)} af. De basishuur die u altijd zelf betaalt is "
                   f"{euro(basis)}.")


REGELING = Regeling(
    naam="huurtoeslag",
    titel="Huurtoeslag",
    velden={"recht": "huurtoeslag_recht", "per_jaar": "huurtoeslag_per_jaar", "per_maand": "huurtoeslag_per_maand"},
    uitkomst=uitkomst,
    volgorde=20,
)
