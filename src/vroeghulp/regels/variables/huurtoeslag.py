"""Huurtoeslag (Wet op de huurtoeslag, BWBR0008659): the normhuur system of 2024 and 2025 and the linear
system in force from 1 January 2026.

2024 and 2025, per month (texts valid 2024-01-01 and 2025-01-01):
    rekenhuur    = kale huur + servicekosten (art. 5; at most 4 posts of € 12, the input is capped at € 48);
                   above the maximale huurgrens there is no right at all (art. 13 lid 1)
    normhuur     = the art. 17 lid 2 amount minus the art. 17 lid 3 reduction up to the minimum-
                   inkomensijkpunt, above it a·Y² + b·Y rounded up to cents (art. 19)
    basishuur    = normhuur + the art. 16 amount (€ 0 from 2023, Besluit Stb. 2022, 528) − the reduction
                   of the Wet verlaging eigen bijdrage huurtoeslag (€ 37,72 in 2024, € 37,14 in 2025)
    huurtoeslag  = 100% from basishuur to kwaliteitskortingsgrens + 65% to the aftoppingsgrens + 40% above
                   it (2024: only for an eenpersoonshuishouden), art. 21 lid 1-3; no separate afbouw.
2024 still had ouderenhuishoudens (someone of AOW age on 1 January) with their own minimum-
inkomensijkpunten, which are in no law text: for them ``huurtoeslag_berekend`` is False.
The factors a and b are derived from the law as art. 19 lid 2 prescribes (see the parameter notes and
tests/test_normhuur_2024_2025.py); the yearly Regeling itself was not read.

From 2026, per month (art. 21):
    rekenhuur    = kale huur (art. 5; servicekosten no longer count from 2026), capped at the
                   maximale huurgrens (art. 13; the cap is no eligibility condition any more)
    subsidie     = 100% of the rekenhuur between basishuur and kwaliteitskortingsgrens
                 + 65% between kwaliteitskortingsgrens and aftoppingsgrens
                 + 40% between aftoppingsgrens and maximale huurgrens (all households)
    afbouw       = (rekeninkomen − minimum-inkomensijkpunt) × afbouwpercentage / 12 (art. 21 lid 2)
    huurtoeslag  = subsidie − afbouw, not below zero.

Both systems give a monthly amount (art. 21: rekenhuur and limits per month, afbouw / 12). The huurtoeslag is a
tegemoetkoming of the Awir (art. 1 onder e) and the Awir applies (art. 1a lid 1), so the amount for the
berekeningsjaar (12 × the month when nothing changes) is rounded to whole euros (Awir art. 14 lid 4), nothing
is granted below € 24 (lid 5), and the monthly payment is a twelfth of the rounded year, rounded down:
``uitbetaald_per_maand``, the same helper as zorgtoeslag and kindgebonden budget.

Formulas start on 2024-01-01 (the earliest peildatum); months before give 0.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden
from vroeghulp.regels.variables.algemeen import centen, minimaal_toe_te_kennen, uitbetaald_per_maand
from vroeghulp.regels.variables.invoer import WoningSoort

WHT = "https://wetten.overheid.nl/BWBR0008659/2026-01-01"
AWIR_7 = "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Hoofdstuk2_Paragraaf2.2_Artikel7"
AWIR_14 = "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Hoofdstuk2_Paragraaf2.3_Artikel14"

WHT_2025 = "https://wetten.overheid.nl/BWBR0008659/2025-01-01"

# Children under this age at the start of the year keep part of their own income out of the rekeninkomen
# (Awir art. 7 lid 6). The age is fixed in the law; the amount is a parameter.
LEEFTIJD_VRIJSTELLING_KIND = 23
# Art. 5 lid 3 (up to 2025): four posts of servicekosten count, each at most the parameter amount.
AANTAL_POSTEN_SERVICEKOSTEN = 4


def _per_type(huishouden, period, parameter):
    """The value of a parameter node with an eenpersoons- and meerpersoonshuishouden child."""
    return np.where(
        huishouden("ht_eenpersoonshuishouden", period),
        parameter.eenpersoonshuishouden,
        parameter.meerpersoonshuishouden,
    )


class huurtoeslag_berekend(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De huurtoeslag kan voor deze maand worden berekend (2024: niet voor een ouderenhuishouden)"
    reference = WHT

    def formula_2024_01_01(huishouden, period):
        return np.logical_not(huishouden("ht_ouderenhuishouden", period))

    def formula_2025_01_01(huishouden, period):
        return np.ones(huishouden.count, dtype=bool)


class ht_ouderenhuishouden(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Ouderenhuishouden in 2024: iemand in het huishouden had op 1 januari de AOW-leeftijd (art. 2 c, d)"
    reference = "https://wetten.overheid.nl/BWBR0008659/2024-01-01#Artikel2"

    def formula_2024_01_01(huishouden, period):
        januari = period.this_year.first_month
        return huishouden.any(huishouden.members("aow_gerechtigd", januari))

    def formula_2025_01_01(huishouden, period):
        # From 2025 there are only een- and meerpersoonshuishoudens.
        return np.zeros(huishouden.count, dtype=bool)


class ht_eenpersoonshuishouden(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Eenpersoonshuishouden: de huurder woont alleen (art. 2 onderdeel a)"
    reference = WHT + "#Artikel2"

    def formula(huishouden, period):
        return huishouden("aantal_personen", period) == 1


class ht_rekeninkomen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Rekeninkomen per jaar: toetsingsinkomens van huurder, partner en medebewoners (art. 1 onderdeel i)"
    reference = WHT + "#Artikel1"

    def formula_2024_01_01(huishouden, period, parameters):
        vrijstelling = parameters(period).huurtoeslag.vrijstelling_inkomen_kind
        inkomen = huishouden.members("toetsingsinkomen", period.this_year)
        # Awir art. 7 lid 6: the age "bij de aanvang van het berekeningsjaar".
        jong_kind = huishouden.members("is_kind", period) * (
            huishouden.members("leeftijd", period.this_year.first_month) < LEEFTIJD_VRIJSTELLING_KIND
        )
        telt = np.where(jong_kind, np.maximum(0, inkomen - vrijstelling), inkomen)
        return huishouden.sum(telt)


class ht_maximale_huurgrens(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Maximale huurgrens die voor dit huishouden geldt (art. 13 lid 1)"
    reference = WHT + "#Artikel13"

    def formula_2024_01_01(huishouden, period, parameters):
        ht = parameters(period).huurtoeslag
        # Lid 1 a: someone (huurder, partner, medebewoner) at or above the age, or a child in the home.
        # A handicap (lid 1 a onder 2) is not an input, so the lower cap can be too strict there.
        volwassen = huishouden.members("leeftijd", period) >= ht.leeftijdsgrens_jongeren
        oud_genoeg = huishouden.any(volwassen * np.logical_not(huishouden.members("is_kind", period)))
        met_kind = huishouden("aantal_kinderen", period) > 0
        return np.where(oud_genoeg + met_kind, ht.maximale_huurgrens, ht.maximale_huurgrens_jongeren)


class ht_rekenhuur(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Rekenhuur per maand: kale huur, tot en met 2025 plus servicekosten tot 4 x € 12 (art. 5)"
    reference = WHT + "#Artikel5"

    def formula_2024_01_01(huishouden, period, parameters):
        # Art. 5 lid 3: only four posts count, each at most € 12. The input does not split the posts, so
        # the servicekosten count up to 4 x € 12 (the caller enters the subsidiabele servicekosten).
        per_post = parameters(period).huurtoeslag.normhuur.servicekosten_maximum_per_post
        servicekosten = np.clip(huishouden("servicekosten", period), 0, AANTAL_POSTEN_SERVICEKOSTEN * per_post)
        return np.maximum(0, huishouden("kale_huur", period)) + servicekosten

    def formula_2026_01_01(huishouden, period):
        return np.maximum(0, huishouden("kale_huur", period))


class ht_huur_te_hoog(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Rekenhuur boven de maximale huurgrens: geen huurtoeslag (art. 13 lid 1, tot en met 2025)"
    reference = WHT_2025 + "#Artikel13"

    def formula_2024_01_01(huishouden, period):
        # The exceptions of lid 2 (handicap, 8 persons, earlier huurtoeslag for this home) are no input.
        return huishouden("ht_rekenhuur", period) > huishouden("ht_maximale_huurgrens", period) + 1e-9

    def formula_2026_01_01(huishouden, period):
        # From 2026 the cap only limits the rent that counts (art. 21 lid 1 d).
        return np.zeros(huishouden.count, dtype=bool)


class ht_normhuur(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Normhuur per maand: vast tot het minimum-inkomensijkpunt, daarboven a x Y2 + b x Y (art. 17-19)"
    reference = WHT_2025 + "#Artikel19"

    def formula_2024_01_01(huishouden, period, parameters):
        normhuur = parameters(period).huurtoeslag.normhuur
        inkomen = huishouden("ht_rekeninkomen", period)
        minimum = normhuur.bij_minimum_inkomensijkpunt - _per_type(huishouden, period, normhuur.verlaging_minimum)
        a = _per_type(huishouden, period, normhuur.factor_a)
        b = _per_type(huishouden, period, normhuur.factor_b)
        # Art. 19 lid 3: rounded up to whole cents (round first so 285.35000000001 stays 285.35).
        formule = np.ceil(np.round((a * inkomen**2 + b * inkomen) * 100, 6)) / 100
        boven = inkomen > huishouden("ht_minimum_inkomensijkpunt", period)
        return np.where(boven, formule, minimum)


class ht_basishuur(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Basishuur per maand: het deel van de huur dat de huurder altijd zelf betaalt (art. 16)"
    reference = WHT + "#Artikel16"

    def formula_2024_01_01(huishouden, period, parameters):
        # Art. 16: normhuur + € 0 (Stb. 2022, 528), minus the reduction of BWBR0049106 art. 1.
        normhuur = parameters(period).huurtoeslag.normhuur
        return huishouden("ht_normhuur", period) + normhuur.verhoging_basishuur - normhuur.verlaging_basishuur

    def formula_2026_01_01(huishouden, period, parameters):
        basishuur = parameters(period).huurtoeslag.basishuur
        return np.where(
            huishouden("ht_eenpersoonshuishouden", period),
            basishuur.eenpersoonshuishouden,
            basishuur.meerpersoonshuishouden,
        )


class ht_aftoppingsgrens(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Aftoppingsgrens voor dit huishouden (art. 20 lid 2)"
    reference = WHT + "#Artikel20"

    def formula_2024_01_01(huishouden, period, parameters):
        grens = parameters(period).huurtoeslag.aftoppingsgrens
        return np.where(
            huishouden("aantal_personen", period) <= 2,
            grens.een_of_twee_personen,
            grens.drie_of_meer_personen,
        )


class ht_subsidie_voor_afbouw(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurtoeslag per maand vóór een afbouw: 100% / 65% / 40% van de huur boven de basishuur (art. 21 lid 1-3)"
    reference = WHT + "#Artikel21"

    def formula_2024_01_01(huishouden, period, parameters):
        # Art. 21 lid 1 c (text 2024-01-01): 40% only for an eenpersoonshuishouden, someone of AOW age or
        # a home adapted for a handicap. Ouderenhuishoudens are not computed in 2024; a handicap is no input.
        boven = parameters(period).huurtoeslag.subsidiepercentage.boven_aftoppingsgrens
        pct_boven = np.where(huishouden("ht_eenpersoonshuishouden", period), boven, 0.0)
        return _subsidie(huishouden, period, parameters, pct_boven)

    def formula_2025_01_01(huishouden, period, parameters):
        # 2025 and 2026: 40% above the aftoppingsgrens for every household.
        boven = parameters(period).huurtoeslag.subsidiepercentage.boven_aftoppingsgrens
        return _subsidie(huishouden, period, parameters, boven)


def _subsidie(huishouden, period, parameters, pct_boven):
    ht = parameters(period).huurtoeslag
    pct = ht.subsidiepercentage
    huur = np.minimum(huishouden("ht_rekenhuur", period), huishouden("ht_maximale_huurgrens", period))
    basis = huishouden("ht_basishuur", period)
    kwaliteit = ht.kwaliteitskortingsgrens
    aftopping = huishouden("ht_aftoppingsgrens", period)

    def band(onder, boven):
        # Lid 2 and 3: a basishuur above a limit moves the start of the band up.
        return np.maximum(0, np.minimum(huur, boven) - np.maximum(onder, basis))

    return (
        pct.tot_kwaliteitskortingsgrens * band(basis, kwaliteit)
        + pct.tot_aftoppingsgrens * band(kwaliteit, aftopping)
        + pct_boven * np.maximum(0, huur - np.maximum(aftopping, basis))
    )


class ht_minimum_inkomensijkpunt(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Minimum-inkomensijkpunt per jaar voor dit huishouden (art. 17 lid 1)"
    reference = WHT + "#Artikel17"

    def formula_2024_01_01(huishouden, period, parameters):
        return _per_type(huishouden, period, parameters(period).huurtoeslag.minimum_inkomensijkpunt)


class ht_afbouwpercentage(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Afbouwpercentage voor dit huishouden (art. 21 lid 2)"
    reference = WHT + "#Artikel21"

    def formula_2026_01_01(huishouden, period, parameters):
        pct = parameters(period).huurtoeslag.afbouwpercentage
        return np.where(
            huishouden("ht_eenpersoonshuishouden", period),
            pct.eenpersoonshuishouden,
            pct.meerpersoonshuishouden,
        )


class ht_afbouw(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vermindering per maand door inkomen boven het minimum-inkomensijkpunt (art. 21 lid 2, vanaf 2026)"
    reference = WHT + "#Artikel21"

    def formula_2024_01_01(huishouden, period):
        # Up to 2025 the income works through the normhuur (art. 19), not through a separate afbouw.
        return np.zeros(huishouden.count)

    def formula_2026_01_01(huishouden, period):
        boven = np.maximum(
            0, huishouden("ht_rekeninkomen", period) - huishouden("ht_minimum_inkomensijkpunt", period)
        )
        return boven * huishouden("ht_afbouwpercentage", period) / 12


class ht_vermogen_te_hoog(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen boven de vermogensgrens van de huurtoeslag (Awir art. 7)"
    reference = AWIR_7

    def formula_2024_01_01(huishouden, period, parameters):
        grens = parameters(period).huurtoeslag.vermogensgrens
        limiet = np.where(huishouden("heeft_partner", period), grens.met_partner, grens.zonder_partner)
        return huishouden("vermogen", period.this_year) > limiet


class ht_voorwaarden(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Voldoet aan de voorwaarden: huurwoning, huurder 18+, vermogen niet te hoog, tot en met 2025 huur niet te hoog"
    reference = WHT + "#Artikel8"

    def formula_2024_01_01(huishouden, period):
        huur = huishouden("woning_soort", period) == WoningSoort.huur
        aanvrager_leeftijd = huishouden.sum(
            huishouden.members("leeftijd", period) * huishouden.members.has_role(Huishouden.AANVRAGER)
        )
        return (
            huur
            * (aanvrager_leeftijd >= 18)
            * np.logical_not(huishouden("ht_vermogen_te_hoog", period))
            * np.logical_not(huishouden("ht_huur_te_hoog", period))
            * huishouden("huurtoeslag_berekend", period)
        )


class huurtoeslag_per_maand_onafgerond(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurtoeslag per maand zoals berekend, vóór afronding (art. 21)"
    reference = WHT + "#Artikel21"

    def formula_2024_01_01(huishouden, period):
        bedrag = np.maximum(
            0, huishouden("ht_subsidie_voor_afbouw", period) - huishouden("ht_afbouw", period)
        )
        return bedrag * huishouden("ht_voorwaarden", period)


class huurtoeslag_recht(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Recht op huurtoeslag: voldoet aan de voorwaarden en afgerond minstens € 24 per jaar (Awir art. 14 lid 5)"
    reference = AWIR_14

    def formula_2024_01_01(huishouden, period, parameters):
        # Wht art. 1a lid 1: the Awir applies, so also art. 14 lid 5 (nothing below € 24 a year, after the
        # rounding of lid 4). With the voorwaarden not met the monthly amount is 0 and so is the year.
        return minimaal_toe_te_kennen(_per_jaar_berekend(huishouden, period), parameters, period)


class huurtoeslag_per_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurtoeslag per maand zoals uitbetaald: jaarbedrag op hele euro's afgerond (Awir art. 14 lid 4), / 12, naar beneden"
    reference = AWIR_14

    def formula_2024_01_01(huishouden, period):
        return uitbetaald_per_maand(huishouden("huurtoeslag_per_jaar", period))


class huurtoeslag_per_jaar(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurtoeslag per jaar bij gelijke situatie: 12 × het maandbedrag van art. 21, in centen, vóór de afronding op hele euro's"
    reference = WHT + "#Artikel21"

    def formula_2024_01_01(huishouden, period):
        return _per_jaar_berekend(huishouden, period) * huishouden("huurtoeslag_recht", period)


def _per_jaar_berekend(huishouden, period):
    """The tegemoetkoming for the berekeningsjaar (Awir art. 2 lid 1 b) when the month's situation holds all
    year: 12 × the monthly amount of Wht art. 21, in cents (as zorgtoeslag_berekend)."""
    return centen(huishouden("huurtoeslag_per_maand_onafgerond", period) * 12)
