"""Input variables: the facts of the situation (docs/interfaces.md section 3).

Amounts are floats inside OpenFisca (vectorised); the service converts outcomes to Decimal with
the law's rounding.
"""

from datetime import date

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH, YEAR
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden, Persoon

AWIR = "https://wetten.overheid.nl/BWBR0018472/2026-01-01"


class geboortedatum(Variable):
    value_type = date
    default_value = date(1970, 1, 1)
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortedatum"
    reference = "https://wetten.overheid.nl/BWBR0033715/2026-01-01#Hoofdstuk1"  # Wet BRP


class verzekerd(Variable):
    value_type = bool
    default_value = True
    entity = Persoon
    definition_period = YEAR
    label = "Heeft een Nederlandse zorgverzekering"
    reference = "https://wetten.overheid.nl/BWBR0018451/2026-01-01#Artikel2"


class toetsingsinkomen(Variable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Toetsingsinkomen per jaar (Awir art. 8); voor de beslagvrije voet: C van art. 475da Rv"
    reference = AWIR + "#Hoofdstuk2_Paragraaf2.2_Artikel8"


class netto_inkomen_per_maand(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Netto inkomen per maand inclusief vakantietoeslag"
    reference = "https://wetten.overheid.nl/BWBR0001827/2026-01-01#Boek2_Titeldeel3_Afdeling5A_Artikel475dc"


class vermogen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Gezamenlijk vermogen van aanvrager en partner op 1 januari (rendementsgrondslag)"
    reference = AWIR + "#Hoofdstuk2_Paragraaf2.2_Artikel7"


class WoningSoort(Enum):
    huur = "Huurwoning"
    koop = "Koopwoning"
    geen = "Geen eigen woonruimte"


class woning_soort(Variable):
    value_type = Enum
    possible_values = WoningSoort
    default_value = WoningSoort.huur
    entity = Huishouden
    definition_period = MONTH
    label = "Soort woning"
    reference = "https://wetten.overheid.nl/BWBR0008659/2026-01-01#Hoofdstuk1_Artikel1"


class kale_huur(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Kale huur per maand"
    reference = "https://wetten.overheid.nl/BWBR0008659/2026-01-01#Hoofdstuk1_Artikel1"


class servicekosten(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Servicekosten per maand"
    reference = "https://wetten.overheid.nl/BWBR0008659/2026-01-01#Hoofdstuk1_Artikel1"


class kostendelers(Variable):
    value_type = int
    default_value = 1
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal kostendelers in de woning, de aanvrager meegeteld (Participatiewet art. 22a)"
    reference = "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Hoofdstuk3_Paragraaf3.2_Artikel22a"
