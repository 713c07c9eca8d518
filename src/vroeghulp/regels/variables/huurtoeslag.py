"""Huurtoeslag (Wet op de huurtoeslag, BWBR0008659), the linear system in force from 1 January 2026.

Per month (art. 21):
    rekenhuur    = kale huur (art. 5; servicekosten no longer count from 2026), capped at the
                   maximale huurgrens (art. 13; the cap is no eligibility condition any more)
    subsidie     = 100% of the rekenhuur between basishuur and kwaliteitskortingsgrens
                 + 65% between kwaliteitskortingsgrens and aftoppingsgrens
                 + 40% between aftoppingsgrens and maximale huurgrens (all households)
    afbouw       = (rekeninkomen − minimum-inkomensijkpunt) × afbouwpercentage / 12 (art. 21 lid 2)
    huurtoeslag  = subsidie − afbouw, not below zero.

The 2024–2025 system (normhuur a·Y² + b·Y with yearly factors) is not encoded: the factors of the
Regeling huurtoeslag 2024 and 2025 were not found in a primary source. Formulas start on 2026-01-01,
so earlier months give 0 and ``huurtoeslag_berekend`` is False.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden
from vroeghulp.regels.variables.invoer import WoningSoort

WHT = "https://wetten.overheid.nl/BWBR0008659/2026-01-01"
AWIR_7 = "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Hoofdstuk2_Paragraaf2.2_Artikel7"

# Children under this age keep part of their own income out of the rekeninkomen (Besluit op de
# huurtoeslag). The age is fixed in the Besluit; the amount is a parameter.
LEEFTIJD_VRIJSTELLING_KIND = 23


class huurtoeslag_berekend(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De huurtoeslag kan voor deze maand worden berekend (stelsel vanaf 2026)"
    reference = WHT

    def formula_2026_01_01(huishouden, period):
        return np.ones(huishouden.count, dtype=bool)


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

    def formula_2026_01_01(huishouden, period, parameters):
        vrijstelling = parameters(period).huurtoeslag.vrijstelling_inkomen_kind
        inkomen = huishouden.members("toetsingsinkomen", period.this_year)
        jong_kind = huishouden.members("is_kind", period) * (
            huishouden.members("leeftijd", period) < LEEFTIJD_VRIJSTELLING_KIND
        )
        telt = np.where(jong_kind, np.maximum(0, inkomen - vrijstelling), inkomen)
        return huishouden.sum(telt)


class ht_maximale_huurgrens(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Maximale huurgrens die voor dit huishouden geldt (art. 13 lid 1)"
    reference = WHT + "#Artikel13"

    def formula_2026_01_01(huishouden, period, parameters):
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
    label = "Rekenhuur per maand: de kale huur (art. 5), alleen tot de maximale huurgrens telt mee"
    reference = WHT + "#Artikel5"

    def formula_2026_01_01(huishouden, period):
        return np.maximum(0, huishouden("kale_huur", period))


class ht_basishuur(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Basishuur per maand: het deel van de huur dat de huurder altijd zelf betaalt (art. 16)"
    reference = WHT + "#Artikel16"

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

    def formula_2026_01_01(huishouden, period, parameters):
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
    label = "Huurtoeslag per maand bij een inkomen tot het minimum-inkomensijkpunt (art. 21 lid 1)"
    reference = WHT + "#Artikel21"

    def formula_2026_01_01(huishouden, period, parameters):
        ht = parameters(period).huurtoeslag
        pct = ht.subsidiepercentage
        huur = np.minimum(huishouden("ht_rekenhuur", period), huishouden("ht_maximale_huurgrens", period))
        basis = huishouden("ht_basishuur", period)
        kwaliteit = ht.kwaliteitskortingsgrens
        aftopping = huishouden("ht_aftoppingsgrens", period)

        def band(onder, boven):
            return np.maximum(0, np.minimum(huur, boven) - np.maximum(onder, basis))

        return (
            pct.tot_kwaliteitskortingsgrens * band(basis, kwaliteit)
            + pct.tot_aftoppingsgrens * band(kwaliteit, aftopping)
            + pct.boven_aftoppingsgrens * np.maximum(0, huur - np.maximum(aftopping, basis))
        )


class ht_minimum_inkomensijkpunt(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Minimum-inkomensijkpunt per jaar voor dit huishouden (art. 17 lid 1)"
    reference = WHT + "#Artikel17"

    def formula_2026_01_01(huishouden, period, parameters):
        ijkpunt = parameters(period).huurtoeslag.minimum_inkomensijkpunt
        return np.where(
            huishouden("ht_eenpersoonshuishouden", period),
            ijkpunt.eenpersoonshuishouden,
            ijkpunt.meerpersoonshuishouden,
        )


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
    label = "Vermindering per maand door inkomen boven het minimum-inkomensijkpunt (art. 21 lid 2)"
    reference = WHT + "#Artikel21"

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

    def formula_2026_01_01(huishouden, period, parameters):
        grens = parameters(period).huurtoeslag.vermogensgrens
        limiet = np.where(huishouden("heeft_partner", period), grens.met_partner, grens.zonder_partner)
        return huishouden("vermogen", period.this_year) > limiet


class ht_voorwaarden(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Voldoet aan de voorwaarden: huurwoning, huurder 18 jaar of ouder, vermogen niet te hoog (art. 7-8)"
    reference = WHT + "#Artikel8"

    def formula_2026_01_01(huishouden, period):
        huur = huishouden("woning_soort", period) == WoningSoort.huur
        aanvrager_leeftijd = huishouden.sum(
            huishouden.members("leeftijd", period) * huishouden.members.has_role(Huishouden.AANVRAGER)
        )
        return huur * (aanvrager_leeftijd >= 18) * np.logical_not(huishouden("ht_vermogen_te_hoog", period))


class huurtoeslag_per_maand_onafgerond(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurtoeslag per maand zoals berekend, vóór afronding (art. 21)"
    reference = WHT + "#Artikel21"

    def formula_2026_01_01(huishouden, period):
        bedrag = np.maximum(
            0, huishouden("ht_subsidie_voor_afbouw", period) - huishouden("ht_afbouw", period)
        )
        return bedrag * huishouden("ht_voorwaarden", period)


class huurtoeslag_recht(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Recht op huurtoeslag in deze maand"
    reference = WHT + "#Artikel7"

    def formula_2026_01_01(huishouden, period):
        # Paid per month in whole euros rounded down: below € 1 nothing is paid.
        return huishouden("huurtoeslag_per_maand", period) >= 1


class huurtoeslag_per_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurtoeslag per maand zoals uitbetaald: hele euro's, naar beneden afgerond"
    reference = WHT + "#Artikel21"

    def formula_2026_01_01(huishouden, period):
        # Small epsilon: a float like 299.99999999 must stay 299, a true 300.00 must become 300.
        return np.floor(huishouden("huurtoeslag_per_maand_onafgerond", period) + 1e-9)


class huurtoeslag_per_jaar(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurtoeslag per jaar bij gelijke situatie: 12 × het maandbedrag vóór afronding, in centen"
    reference = WHT + "#Artikel21"

    def formula_2026_01_01(huishouden, period):
        bedrag = huishouden("huurtoeslag_per_maand_onafgerond", period) * 12
        return np.floor(bedrag * 100 + 0.5 + 1e-7) / 100
