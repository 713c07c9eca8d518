"""Kindgebonden budget (Wet op het kindgebonden budget, BWBR0022751, art. 1 en 2).

Per child a yearly amount, supplements for children of 12–15 and 16–17, the alleenstaande-ouderkop,
reduced by a percentage of the toetsingsinkomen above the drempel (higher drempel for partners).
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden, Persoon
from vroeghulp.regels.variables.algemeen import centen, minimaal_toe_te_kennen, uitbetaald_per_maand

WKB = "https://wetten.overheid.nl/BWBR0022751/2026-01-01"
AWIR_14 = "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Hoofdstuk2_Paragraaf2.3_Artikel14"


class kgb_kind_telt_mee(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Kind telt mee: vanaf de maand na de geboorte tot en met de maand waarin het 18 wordt (art. 2 lid 1)"
    reference = WKB + "#Artikel2"

    def formula(persoon, period):
        maanden = persoon("maanden_sinds_geboortemaand", period)
        return persoon("is_kind", period) * (maanden >= 1) * (maanden <= 18 * 12)


class kgb_bedrag_kind(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Bedrag per jaar voor dit kind, met de verhoging voor 12–15 of 16–17 jaar (art. 2 lid 2–5)"
    reference = WKB + "#Artikel2"

    def formula(persoon, period, parameters):
        kgb = parameters(period).kindgebonden_budget
        maanden = persoon("maanden_sinds_geboortemaand", period)
        # Supplements start in the month after the 12th and 16th birthday (art. 2 lid 3 and 5).
        verhoging = np.select(
            [maanden > 16 * 12, maanden > 12 * 12], [kgb.verhoging_16_en_17, kgb.verhoging_12_tot_16], 0
        )
        return (kgb.bedrag_per_kind + verhoging) * persoon("kgb_kind_telt_mee", period)


class kgb_aantal_kinderen(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kinderen waarvoor aanspraak op kindgebonden budget bestaat"
    reference = WKB + "#Artikel2"

    def formula(huishouden, period):
        return huishouden.sum(huishouden.members("kgb_kind_telt_mee", period))


class kgb_alleenstaande_ouderkop(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Alleenstaande-ouderkop per jaar (art. 2 lid 6)"
    reference = WKB + "#Artikel2"

    def formula(huishouden, period, parameters):
        kop = parameters(period).kindgebonden_budget.alleenstaande_ouderkop
        heeft_kind = huishouden("kgb_aantal_kinderen", period) > 0
        return kop * heeft_kind * np.logical_not(huishouden("heeft_partner", period))


class kgb_maximaal(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Kindgebonden budget per jaar vóór de inkomensafbouw"
    reference = WKB + "#Artikel2"

    def formula(huishouden, period):
        kinderen = huishouden.sum(huishouden.members("kgb_bedrag_kind", period))
        return kinderen + huishouden("kgb_alleenstaande_ouderkop", period)


class kgb_drempel(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Inkomen waarboven het kindgebonden budget afneemt (art. 2 lid 7 en 8)"
    reference = WKB + "#Artikel2"

    def formula(huishouden, period, parameters):
        p = parameters(period)
        verhoging = p.kindgebonden_budget.verhoging_drempel_partners * huishouden("heeft_partner", period)
        return p.algemeen.drempelinkomen + verhoging


class kgb_vermindering(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vermindering: afbouwpercentage × toetsingsinkomen boven de drempel (art. 2 lid 7 en 8)"
    reference = WKB + "#Artikel2"

    def formula(huishouden, period, parameters):
        percentage = parameters(period).kindgebonden_budget.afbouwpercentage
        inkomen = huishouden("toetsingsinkomen_huishouden", period.this_year)
        return percentage * np.maximum(0, inkomen - huishouden("kgb_drempel", period))


class kgb_berekend(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Kindgebonden budget per jaar na afbouw, in centen afgerond, vóór de Awir-toetsen"
    reference = WKB + "#Artikel2"

    def formula(huishouden, period):
        return centen(np.maximum(0, huishouden("kgb_maximaal", period) - huishouden("kgb_vermindering", period)))


class kgb_vermogen_te_hoog(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen boven de vermogensgrens van het kindgebonden budget (art. 1 lid 4)"
    reference = WKB + "#Artikel1"

    def formula(huishouden, period, parameters):
        kgb = parameters(period).kindgebonden_budget
        grens = np.where(
            huishouden("heeft_partner", period), kgb.vermogensgrens_partners, kgb.vermogensgrens_alleenstaande
        )
        return huishouden("vermogen", period.this_year) > grens


class kgb_recht(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Recht op kindgebonden budget: een kind, vermogen niet te hoog, afgerond minstens € 24 per jaar"
    reference = AWIR_14

    def formula(huishouden, period, parameters):
        return (
            (huishouden("kgb_aantal_kinderen", period) > 0)
            * np.logical_not(huishouden("kgb_vermogen_te_hoog", period))
            * minimaal_toe_te_kennen(huishouden("kgb_berekend", period), parameters, period)
        )


class kindgebonden_budget_per_jaar(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Kindgebonden budget per jaar in euro en cent, vóór de afronding op hele euro's (Awir art. 14 lid 4)"
    reference = WKB + "#Artikel2"

    def formula(huishouden, period):
        return huishouden("kgb_berekend", period) * huishouden("kgb_recht", period)


class kindgebonden_budget_per_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Kindgebonden budget per maand zoals uitbetaald: jaarbedrag op hele euro's afgerond (Awir art. 14 lid 4), / 12, naar beneden"
    reference = AWIR_14

    def formula(huishouden, period):
        return uitbetaald_per_maand(huishouden("kindgebonden_budget_per_jaar", period))
