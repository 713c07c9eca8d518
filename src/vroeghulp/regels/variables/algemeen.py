"""Shared person and household helpers: age, roles, household size, joint income, AOW age.

Other rule modules import these; keep names stable (the snapshot test guards them).
"""

import numpy as np
from openfisca_core.periods import MONTH, YEAR
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden, Persoon

AOW = "https://wetten.overheid.nl/BWBR0002221/2026-01-01#HoofdstukII_Paragraaf1_Artikel7a"
AWIR = "https://wetten.overheid.nl/BWBR0018472/2026-01-01"
PARTICIPATIEWET = "https://wetten.overheid.nl/BWBR0015703/2026-01-01"


def _jaar_maand_dag(datums):
    """Split a datetime64[D] array into year, month and day integer arrays."""
    datums = np.asarray(datums, dtype="datetime64[D]")
    maanden = datums.astype("datetime64[M]")
    jaar = maanden.astype("datetime64[Y]").astype(int) + 1970
    maand = maanden.astype(int) % 12 + 1
    dag = (datums - maanden.astype("datetime64[D]")).astype(int) + 1
    return jaar, maand, dag


def centen(bedragen):
    """Round non-negative amounts to cents, half up (the tiny epsilon absorbs float noise)."""
    return np.floor(np.asarray(bedragen, dtype=float) * 100 + 0.5 + 1e-7) / 100


def hele_euros_half_omhoog(bedragen):
    """Whole euros, half up ("rekenkundig afgerond op hele euro's", Awir art. 14 lid 4)."""
    return np.floor(np.asarray(bedragen, dtype=float) + 0.5 + 1e-9)


def uitbetaald_per_maand(jaarbedragen):
    """The monthly payment of the Dienst Toeslagen for a yearly tegemoetkoming (Awir toeslagen).

    Awir art. 14 lid 4: "Het bedrag van de tegemoetkoming wordt rekenkundig afgerond op hele euro's";
    the tegemoetkoming is the amount for the berekeningsjaar (art. 2 lid 1 onder b). So the yearly
    amount is first rounded half up to whole euros, and the month gets a twelfth of that, rounded down:
    827,70 → 828 → 828 / 12 = 69 (not 827,70 / 12 = 68,97 → 68), as the official zorgtoeslag tables.
    """
    return np.floor(hele_euros_half_omhoog(jaarbedragen) / 12 + 1e-9)


def minimaal_toe_te_kennen(jaarbedragen, parameters, period):
    """Awir art. 14 lid 5: no tegemoetkoming below € 24 a year, tested on the yearly amount after the
    rounding of lid 4. One rule for every Awir toeslag."""
    return hele_euros_half_omhoog(jaarbedragen) >= parameters(period).algemeen.minimum_tegemoetkoming


def leeftijd_in_maanden_op(geboortedatum, peildatum):
    """Completed months of age on ``peildatum`` (a birthday counts on the day itself)."""
    gj, gm, gd = _jaar_maand_dag(geboortedatum)
    pj, pm, pd = _jaar_maand_dag(np.datetime64(peildatum, "D"))
    maanden = (pj - gj) * 12 + (pm - gm)
    return maanden - (pd < gd)


class leeftijd_in_maanden(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Leeftijd in volle maanden op de eerste dag van de maand"
    reference = AOW

    def formula(persoon, period):
        return leeftijd_in_maanden_op(persoon("geboortedatum", period), period.start.date)


class maanden_sinds_geboortemaand(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Aantal kalendermaanden tussen de geboortemaand en deze maand (0 in de geboortemaand)"
    reference = "https://wetten.overheid.nl/BWBR0022751/2026-01-01#Artikel2"

    # Toeslagen count in calendar months: "met ingang van de kalendermaand na de maand waarin ...".
    def formula(persoon, period):
        gj, gm, _ = _jaar_maand_dag(persoon("geboortedatum", period))
        return (period.start.year - gj) * 12 + (period.start.month - gm)


class leeftijd(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Leeftijd in jaren op de eerste dag van de maand"
    reference = AOW

    def formula(persoon, period):
        return persoon("leeftijd_in_maanden", period) // 12


class is_kind(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is een kind in het huishouden (rol kind)"
    reference = AWIR + "#Hoofdstuk1_Artikel1"

    def formula(persoon, period):
        return persoon.has_role(Huishouden.KIND)


class is_aanvrager_of_partner(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is de aanvrager of diens (toeslag)partner"
    reference = AWIR + "#Hoofdstuk1_Artikel3"

    def formula(persoon, period):
        return persoon.has_role(Huishouden.AANVRAGER) + persoon.has_role(Huishouden.PARTNER) > 0


class heeft_partner(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De aanvrager heeft een (toeslag)partner"
    reference = AWIR + "#Hoofdstuk1_Artikel3"

    def formula(huishouden, period):
        return huishouden.nb_persons(Huishouden.PARTNER) > 0


class aantal_kinderen(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kinderen in het huishouden"
    reference = AWIR + "#Hoofdstuk1_Artikel1"

    def formula(huishouden, period):
        return huishouden.nb_persons(Huishouden.KIND)


class aantal_personen(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal personen in het huishouden"
    reference = "https://wetten.overheid.nl/BWBR0008659/2026-01-01#Hoofdstuk1_Artikel1"

    def formula(huishouden, period):
        return huishouden.nb_persons()


class toetsingsinkomen_huishouden(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Toetsingsinkomen van aanvrager en partner samen (Awir art. 8)"
    reference = AWIR + "#Hoofdstuk2_Paragraaf2.2_Artikel8"

    def formula(huishouden, period):
        inkomen = huishouden.members("toetsingsinkomen", period)
        telt_mee = huishouden.members("is_aanvrager_of_partner", period.first_month)
        return huishouden.sum(inkomen * telt_mee)


class aow_leeftijd_in_maanden(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Pensioengerechtigde leeftijd in maanden die in deze maand geldt (AOW art. 7a)"
    reference = AOW

    def formula(persoon, period, parameters):
        return parameters(period).algemeen.aow_leeftijd_in_maanden * np.ones(persoon.count, dtype=int)


class aow_gerechtigd(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Heeft op de eerste dag van de maand de pensioengerechtigde leeftijd bereikt"
    reference = AOW

    def formula(persoon, period):
        return persoon("leeftijd_in_maanden", period) >= persoon("aow_leeftijd_in_maanden", period)
