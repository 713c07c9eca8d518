"""From the resident's answers to the household of ``regels`` (docs/interfaces.md section 3).

The one place where answers become the facts the rules read, so the zelfcheck gives exactly what
``vroeghulp bereken`` and ``POST /api/v1/berekeningen`` give for the same household:

- an age of N years is a birth date N years and one month before the peildatum (age supplements
  start in the month after a birthday; in the month of a birthday an amount may differ);
- income per week, four weeks or month becomes a year by × 52, × 13 or × 12, plus 8% vakantiegeld
  (the statutory minimum, Wet minimumloon en minimumvakantiebijslag art. 15); the toeslagen read
  the yearly gross income (toetsingsinkomen), the bijstandsnorm and the beslagvrije voet the net
  monthly income including vakantiegeld. When only one of net and gross is known, it stands in for
  the other and the result says so (``Schattingen``);
- everybody is insured for health care (it is compulsory for residents), no other adults live in
  the home (kostendelers 1), servicekosten 0 (the 2026 huurtoeslag does not count them).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from vroeghulp.regels.invoer import EERSTE_PEILDATUM, LAATSTE_PEILDATUM
from vroeghulp.zelfcheck.antwoorden import Antwoorden, Inkomen

PER_JAAR = {"week": 52, "vier_weken": 13, "maand": 12}
VAKANTIEGELD = Decimal("1.08")
CENT = Decimal("0.01")


def peildatum(vandaag: date) -> date:
    """Today, within the years the rules know (after the last one: its last day)."""
    return min(max(vandaag, EERSTE_PEILDATUM), LAATSTE_PEILDATUM)


def geboortedatum(leeftijd: int, peil: date) -> date:
    jaar, maand = peil.year - leeftijd, peil.month - 1
    if maand == 0:
        jaar, maand = jaar - 1, 12
    return date(jaar, maand, 1)


@dataclass(frozen=True)
class Bedragen:
    """One person's income as the rules read it."""

    toetsingsinkomen: Decimal  # per year, gross, incl. vakantiegeld
    netto_per_maand: Decimal  # incl. vakantiegeld
    bruto_geschat: bool  # only the net amount was given
    netto_geschat: bool  # only the gross amount was given


def bedragen(inkomen: Inkomen | None) -> Bedragen:
    if inkomen is None:
        return Bedragen(Decimal("0.00"), Decimal("0.00"), False, False)
    netto = inkomen.netto if inkomen.netto is not None else inkomen.bruto
    bruto = inkomen.bruto if inkomen.bruto is not None else inkomen.netto
    keer = PER_JAAR[inkomen.per]
    return Bedragen(
        toetsingsinkomen=(bruto * keer * VAKANTIEGELD).quantize(CENT, rounding=ROUND_HALF_UP),
        netto_per_maand=(netto * keer * VAKANTIEGELD / 12).quantize(CENT, rounding=ROUND_HALF_UP),
        bruto_geschat=inkomen.bruto is None,
        netto_geschat=inkomen.netto is None,
    )


def situatie(antwoorden: Antwoorden, peil: date, *, regelingen: list[str] | None = None) -> dict:
    """The request for ``regels.service.bereken`` (numbers as float: the JSON the CLI reads)."""
    eigen = bedragen(antwoorden.inkomen)
    personen = [{"rol": "aanvrager", "geboortedatum": geboortedatum(antwoorden.leeftijd, peil).isoformat(),
                 "verzekerd": True, "toetsingsinkomen": float(eigen.toetsingsinkomen),
                 "netto_inkomen_per_maand": float(eigen.netto_per_maand)}]
    if antwoorden.partner:
        van_partner = bedragen(antwoorden.inkomen_partner)
        personen.append({"rol": "partner",
                         "geboortedatum": geboortedatum(antwoorden.leeftijd_partner, peil).isoformat(),
                         "verzekerd": True, "toetsingsinkomen": float(van_partner.toetsingsinkomen),
                         "netto_inkomen_per_maand": float(van_partner.netto_per_maand)})
    for leeftijd in antwoorden.kinderen or ():
        personen.append({"rol": "kind", "geboortedatum": geboortedatum(leeftijd, peil).isoformat()})
    woning = ({"soort": "huur", "kale_huur_per_maand": float(antwoorden.huur or 0), "servicekosten_per_maand": 0}
              if antwoorden.woning == "huur" else {"soort": "koop" if antwoorden.woning == "koop" else "geen"})
    verzoek = {
        "peildatum": peil.isoformat(),
        "huishouden": {"personen": personen, "vermogen": float(antwoorden.vermogen or 0), "woning": woning,
                       "kostendelers": 1},
    }
    if regelingen is not None:
        verzoek["regelingen"] = regelingen
    return verzoek


def netto_huishouden(antwoorden: Antwoorden) -> Decimal:
    """Net monthly income of the resident and partner together, incl. vakantiegeld."""
    totaal = bedragen(antwoorden.inkomen).netto_per_maand
    if antwoorden.partner:
        totaal += bedragen(antwoorden.inkomen_partner).netto_per_maand
    return totaal
