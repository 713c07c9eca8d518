"""Zorgtoeslag (Wet op de zorgtoeslag, BWBR0018451; Awir art. 14).

toeslag per jaar = standaardpremie (× 2 met partner) − normpremie;
normpremie = p1 × drempelinkomen + p2 × max(0, toetsingsinkomen − drempelinkomen).
Amounts are yearly, as the Dienst Toeslagen shows them, for the situation of the month asked.
Per month: the yearly amount rounded half up to whole euros (Awir art. 14 lid 4), / 12, rounded down.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden
from vroeghulp.regels.variables.algemeen import centen, minimaal_toe_te_kennen, uitbetaald_per_maand

WZT = "https://wetten.overheid.nl/BWBR0018451/2026-01-01"
AWIR_14 = "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Hoofdstuk2_Paragraaf2.3_Artikel14"


class zorgtoeslag_aantal_verzekerden(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal verzekerden onder aanvrager en partner (verzekerde vanaf de maand na de 18e verjaardag)"
    reference = WZT + "#Artikel1"

    def formula(huishouden, period):
        verzekerd = huishouden.members("verzekerd", period.this_year)
        meerderjarig = huishouden.members("maanden_sinds_geboortemaand", period) > 18 * 12
        telt = huishouden.members("is_aanvrager_of_partner", period)
        return huishouden.sum(verzekerd * meerderjarig * telt)


class zorgtoeslag_normpremie(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Normpremie per jaar (art. 2 lid 2 en 3)"
    reference = WZT + "#Artikel2"

    def formula(huishouden, period, parameters):
        zt = parameters(period).zorgtoeslag
        drempel = parameters(period).algemeen.drempelinkomen
        inkomen = huishouden("toetsingsinkomen_huishouden", period.this_year)
        p1 = np.where(
            huishouden("heeft_partner", period),
            zt.percentage_drempelinkomen_partners,
            zt.percentage_drempelinkomen_alleenstaande,
        )
        return p1 * drempel + zt.percentage_boven_drempelinkomen * np.maximum(0, inkomen - drempel)


class zorgtoeslag_berekend(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Zorgtoeslag per jaar vóór de Awir-toetsen, in centen afgerond (art. 2 lid 1 en 4)"
    reference = WZT + "#Artikel2"

    def formula(huishouden, period, parameters):
        zt = parameters(period).zorgtoeslag
        partner = huishouden("heeft_partner", period)
        verzekerden = huishouden("zorgtoeslag_aantal_verzekerden", period)
        standaardpremie = zt.standaardpremie * np.where(partner, 2, 1)
        verschil = np.maximum(0, standaardpremie - huishouden("zorgtoeslag_normpremie", period))
        # Art. 2 lid 4: a partner who is not insured halves the joint entitlement.
        aandeel = np.where(partner * (verzekerden == 1), zt.aandeel_partner_niet_verzekerd, 1.0)
        return centen(verschil * aandeel * (verzekerden > 0))


class zorgtoeslag_vermogen_te_hoog(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Vermogen boven de vermogensgrens van de zorgtoeslag (art. 3)"
    reference = WZT + "#Artikel3"

    def formula(huishouden, period, parameters):
        zt = parameters(period).zorgtoeslag
        grens = np.where(
            huishouden("heeft_partner", period), zt.vermogensgrens_partners, zt.vermogensgrens_alleenstaande
        )
        return huishouden("vermogen", period.this_year) > grens


class zorgtoeslag_recht(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Recht op zorgtoeslag: verzekerd, vermogen niet te hoog en afgerond minstens € 24 per jaar"
    reference = AWIR_14

    def formula(huishouden, period, parameters):
        return (
            (huishouden("zorgtoeslag_aantal_verzekerden", period) > 0)
            * np.logical_not(huishouden("zorgtoeslag_vermogen_te_hoog", period))
            * minimaal_toe_te_kennen(huishouden("zorgtoeslag_berekend", period), parameters, period)
        )


class zorgtoeslag_per_jaar(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Zorgtoeslag per jaar in euro en cent, vóór de afronding op hele euro's (Awir art. 14 lid 4)"
    reference = WZT + "#Artikel2"

    def formula(huishouden, period):
        return huishouden("zorgtoeslag_berekend", period) * huishouden("zorgtoeslag_recht", period)


class zorgtoeslag_per_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Zorgtoeslag per maand zoals uitbetaald: jaarbedrag op hele euro's afgerond (Awir art. 14 lid 4), / 12, naar beneden"
    reference = AWIR_14

    def formula(huishouden, period):
        return uitbetaald_per_maand(huishouden("zorgtoeslag_per_jaar", period))
