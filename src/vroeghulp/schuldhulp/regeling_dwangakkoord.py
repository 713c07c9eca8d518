"""When asking the court for a dwangakkoord (Faillissementswet art. 287a) is worth considering.

The article (text on wetten.overheid.nl):

- lid 1: in the request for the Wsnp (art. 284 lid 1) the debtor may ask the court to order one or
  more creditors "die weigert of weigeren mee te werken aan een vóór indiening van het
  verzoekschrift aangeboden schuldregeling" to agree with it. So: the offer was sent first, and
  at least one creditor refused.
- lid 5: the court grants it when the creditor "in redelijkheid niet tot weigering van instemming
  met de schuldregeling heeft kunnen komen", weighing the disproportion between the creditor's
  interest in refusing and the interests of the debtor or of the other creditors harmed by it.

The law sets no threshold (no share of the total debt above or below which a refusal is
unreasonable), and we found no binding one in case law. So the flag does not judge: it shows
the numbers the court weighs (how many refuse, their share of the debts, what they are offered,
who already agreed) and the points of view the courts use, and leaves the judgement to the
consulent. Case law examples are shown as examples, never as a limit.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from vroeghulp.schuldhulp.models import Voorstel, Voorstelstatus
from vroeghulp.schuldhulp.regeling import Antwoord, Voorstelstand


@dataclass(frozen=True)
class Bron:
    titel: str
    url: str


BRONNEN = (
    Bron("Faillissementswet, art. 287a (gedwongen schuldregeling)",
         "https://wetten.overheid.nl/jci1.3:c:BWBR0001860&artikel=287a"),
    Bron("Schulinck, Grip op Schuldhulpverlening: hoe beoordeelt de rechter een verzoek om een dwangakkoord?",
         "https://kalendersociaaldomein.nl/antwoordmaart"),
    Bron("Voorbeeld: conclusie A-G bij de Hoge Raad, 24 juni 2020, ECLI:NL:PHR:2020:703 (één weigerende "
         "schuldeiser met 11,25% van de schulden, aanbod 10,37%)",
         "https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:PHR:2020:703"),
    Bron("Voorbeeld: Rechtbank Noord-Nederland, 11 december 2024, ECLI:NL:RBNNE:2024:5048 (saneringskrediet, "
         "39,65% concurrent tegen 27,17% in de Wsnp)",
         "https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:RBNNE:2024:5048"),
)


def gezichtspunten() -> tuple[str, ...]:
    """The points of view courts use in the weighing of lid 5 (as summarised by Schulinck); the
    court need not use all of them."""
    return (
        _("Is het voorstel volledig, goed onderbouwd en met stukken aangetoond?"),
        _("Is het voorstel het hoogste dat de inwoner kan betalen?"),
        _("Zouden de schuldeisers in de Wsnp minder krijgen?"),
        _("Is de regeling uit te voeren en vol te houden?"),
        _("Zijn alle schulden aangetoond?"),
        _("Krijgen alle schuldeisers een gelijke behandeling?"),
        _("Benadeelt de weigering de schuldeisers die wel akkoord zijn?"),
        _("Is de inwoner te goeder trouw?"),
    )


@dataclass(frozen=True)
class Weigeraar:
    schuldeiser: str
    schuldbedrag: Decimal
    aanbod: Decimal
    aandeel: Decimal  # percentage of the total debt in the proposal


@dataclass(frozen=True)
class Dwangakkoord:
    """The numbers for the consulent's judgement. ``overwegen``: the conditions of lid 1 are met
    (the offer was sent and at least one creditor refused); it is not a prediction."""

    overwegen: bool
    redenen: tuple[str, ...]
    totaal_schulden: Decimal
    aantal_schuldeisers: int
    aantal_akkoord: int
    aantal_weigering: int
    aantal_open: int  # no answer yet, term passed, or "geen reactie"
    schuld_akkoord: Decimal
    schuld_weigering: Decimal
    schuld_open: Decimal
    aandeel_akkoord: Decimal  # percentages of the total debt, two decimals
    aandeel_weigering: Decimal
    aandeel_open: Decimal
    aanbod_weigeraars: Decimal  # what the refusing creditors are offered together
    percentage_concurrent: Decimal
    percentage_preferent: Decimal
    weigeraars: tuple[Weigeraar, ...]
    bronnen: tuple[Bron, ...] = BRONNEN


def aandeel(deel: Decimal, totaal: Decimal) -> Decimal:
    """``deel`` as a percentage of ``totaal``, two decimals, half up, exactly."""
    if totaal == 0:
        return Decimal("0.00")
    honderdsten = Fraction(deel) / Fraction(totaal) * 10_000
    afgerond = (honderdsten.numerator * 2 + honderdsten.denominator) // (2 * honderdsten.denominator)
    return (Decimal(afgerond) / 100).quantize(Decimal("0.01"))


def beoordeel(voorstel: Voorstel, stand: Voorstelstand) -> Dwangakkoord:
    open_ = (Antwoord.OPEN, Antwoord.TE_LAAT, Antwoord.GEEN_REACTIE, Antwoord.NIET_VERSTUURD)
    akkoord = [r for r in stand.regels if r.antwoord == Antwoord.AKKOORD]
    weigering = [r for r in stand.regels if r.antwoord == Antwoord.WEIGERING]
    nog_open = [r for r in stand.regels if r.antwoord in open_]
    totaal = sum((r.regel.schuldbedrag for r in stand.regels), Decimal("0.00"))

    def som(regels):
        return sum((r.regel.schuldbedrag for r in regels), Decimal("0.00"))

    verstuurd = voorstel.verzonden_op is not None and voorstel.status != Voorstelstatus.VERVALLEN
    overwegen = verstuurd and bool(weigering)
    redenen = []
    if not verstuurd:
        redenen.append(_("Het voorstel is nog niet verstuurd of is vervangen. Een dwangakkoord kan alleen over "
                         "een regeling die de schuldeisers eerst kregen (Faillissementswet art. 287a lid 1)."))
    elif not weigering:
        redenen.append(_("Geen schuldeiser heeft geweigerd. Een dwangakkoord is (nog) niet nodig."))
    else:
        redenen.append(_("%(aantal)s schuldeiser(s) weigeren. Samen hebben zij %(aandeel)s%% van de schulden. "
                         "De rechtbank kan hen bevelen in te stemmen als zij in redelijkheid niet konden weigeren "
                         "(art. 287a lid 5). De wet noemt geen grens voor dit aandeel: dat weegt u zelf af.")
                       % {"aantal": len(weigering), "aandeel": _procent(aandeel(som(weigering), totaal))})
        redenen.append(_("U dient het verzoek in samen met het verzoek om toelating tot de wettelijke "
                         "schuldsanering (Wsnp) (art. 287a lid 1 en art. 284)."))
    if verstuurd and nog_open:
        redenen.append(_("Van %(aantal)s schuldeiser(s) is er nog geen antwoord. Stuur een herinnering voordat u "
                         "een dwangakkoord vraagt.") % {"aantal": len(nog_open)})
    return Dwangakkoord(
        overwegen=overwegen, redenen=tuple(redenen), totaal_schulden=totaal,
        aantal_schuldeisers=len(stand.regels), aantal_akkoord=len(akkoord), aantal_weigering=len(weigering),
        aantal_open=len(nog_open), schuld_akkoord=som(akkoord), schuld_weigering=som(weigering),
        schuld_open=som(nog_open), aandeel_akkoord=aandeel(som(akkoord), totaal),
        aandeel_weigering=aandeel(som(weigering), totaal), aandeel_open=aandeel(som(nog_open), totaal),
        aanbod_weigeraars=sum((r.regel.bedrag for r in weigering), Decimal("0.00")),
        percentage_concurrent=voorstel.percentage_concurrent, percentage_preferent=voorstel.percentage_preferent,
        weigeraars=tuple(Weigeraar(r.regel.schuld.schuldeiser.naam, r.regel.schuldbedrag, r.regel.bedrag,
                                   aandeel(r.regel.schuldbedrag, totaal)) for r in weigering),
    )


def _procent(waarde: Decimal) -> str:
    return f"{waarde:.2f}".replace(".", ",")
