"""Bijstandsnormen (Participatiewet art. 19, 21, 22, 22a; vermogen art. 34, 50).

The published norms (incl. vakantietoeslag) are used as they are; the kostendelersnorm
((40% + A × 30%) / A) × B is only computed when there are more kostendelers than the aanvrager and
partner, as the Normenbrief does (0,7 × B would give € 1.401,49 for 2026, the published norm is € 1.401,50).
Not modelled: jongerennormen (18–20), verblijf in een inrichting, woonkostentoeslag, verlagingen.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden
from vroeghulp.regels.variables.algemeen import centen

PW = "https://wetten.overheid.nl/BWBR0015703/2026-01-01"
ART_21 = PW + "#Hoofdstuk3_Paragraaf3.2_Artikel21"
ART_22 = PW + "#Hoofdstuk3_Paragraaf3.2_Artikel22"
ART_22A = PW + "#Hoofdstuk3_Paragraaf3.2_Artikel22a"


class bijstand_pensioengerechtigd(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Aanvrager of partner heeft de AOW-leeftijd bereikt (norm van art. 22)"
    reference = ART_22

    def formula(huishouden, period):
        aow = huishouden.members("aow_gerechtigd", period) * huishouden.members("is_aanvrager_of_partner", period)
        return huishouden.any(aow)


class bijstand_jongerennorm(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Aanvrager of partner is jonger dan 21: jongerennorm (art. 20), niet gemodelleerd"
    reference = PW + "#Hoofdstuk3_Paragraaf3.2_Artikel20"

    def formula(huishouden, period):
        jong = (huishouden.members("leeftijd", period) < 21) * huishouden.members("is_aanvrager_of_partner", period)
        return huishouden.any(jong)


class bijstand_aantal_kostendelers(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kostendelers (A), minstens aanvrager en partner"
    reference = ART_22A

    def formula(huishouden, period):
        eigen = 1 + huishouden("heeft_partner", period)
        return np.maximum(huishouden("kostendelers", period), eigen)


class bijstand_gehuwdennorm(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Gehuwdennorm (B in art. 22a) voor de leeftijdsgroep, per maand incl. vakantietoeslag"
    reference = ART_22A

    def formula(huishouden, period, parameters):
        b = parameters(period).bijstand
        return np.where(huishouden("bijstand_pensioengerechtigd", period), b.norm_gehuwden_pensioen, b.norm_gehuwden)


class bijstandsnorm(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Bijstandsnorm per maand inclusief vakantietoeslag (art. 21, 22, 22a)"
    reference = ART_21

    def formula(huishouden, period, parameters):
        b = parameters(period).bijstand
        partner = huishouden("heeft_partner", period)
        pensioen = huishouden("bijstand_pensioengerechtigd", period)
        eigen = 1 + partner
        kostendelers = huishouden("bijstand_aantal_kostendelers", period)
        gepubliceerd = np.select(
            [partner * pensioen, partner, pensioen],
            [b.norm_gehuwden_pensioen, b.norm_gehuwden, b.norm_alleenstaande_pensioen],
            b.norm_alleenstaande,
        )
        per_kostendeler = centen(
            (b.kostendelers_basis + kostendelers * b.kostendelers_per_persoon)
            / kostendelers
            * huishouden("bijstand_gehuwdennorm", period)
        )
        return np.where(kostendelers > eigen, eigen * per_kostendeler, gepubliceerd)


class bijstand_vakantietoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vakantietoeslag per maand: 5% van de norm inclusief vakantietoeslag (art. 19 lid 3)"
    reference = PW + "#Hoofdstuk3_Paragraaf3.1_Artikel19"

    def formula(huishouden, period, parameters):
        return centen(parameters(period).bijstand.vakantietoeslag_percentage * huishouden("bijstandsnorm", period))


class bijstand_vermogensgrens(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogensgrens bijstand (art. 34 lid 3): alleenstaande, of gezin / alleenstaande ouder"
    reference = PW + "#Artikel34"

    def formula(huishouden, period, parameters):
        b = parameters(period).bijstand
        gezin = huishouden("heeft_partner", period) + (huishouden("aantal_kinderen", period) > 0)
        return np.where(gezin, b.vermogensgrens_gezin, b.vermogensgrens_alleenstaande)
