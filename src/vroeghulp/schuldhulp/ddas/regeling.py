"""DDAS ``schuldregeling``, ``toekenningsdatum``, ``totaalSchuldbedragBijAanvangSchuld`` and
``oplossing.vtlb`` from the settlement proposals of a traject (Detail_Model_Schuldhulpverlening.md:
Schuldregeling, Schuldhulptraject, Oplossing; VraagEnAntwoord.md).

- The proposal that counts: the accepted one, else the latest sent one that was not replaced
  (a concept was never "ingediend"; a replaced one gave way to the next). A saneringskrediet and a
  nul-aanbod are schuldregelingen too ("Een schuldregeling kan met een saneringskrediet of een
  schuldbemiddeling gerealiseerd worden"; the 0%-aanbod of EnumOplossingssoort).
- ``datum`` ("door de schuldhulpverlener ingediend"): the day the proposal was sent.
- ``toegekend``: when every creditor agreed, the day of the last agreement; ``afgewezen``: when
  a creditor refused (and no later answer of that creditor resolved it), the day of the first
  refusal that stands. The answers are those of ``schuldhulp.regeling.stand``.
- ``dwangakkoord`` "heeft alleen de waarde true als de datum 'toegekend' een waarde heeft"
  (VraagEnAntwoord.md); we do not file dwangakkoord requests, so a granted settlement was agreed
  by all creditors: ``false``. Left out otherwise, with ``datumVerzoekDwangakkoord``; ``ingetrokken``
  is left out (a replaced proposal is not delivered).
- ``toekenningsdatum`` is ``toegekend`` ("Wij vragen om hier dezelfde waarde op te voeren").
- ``totaalSchuldbedragBijAanvangSchuld``: the debts that go into the settlement, each separately,
  i.e. the sum of the claims the offer was computed on, in whole euros (the exact sum rounded
  once, half up).
- ``vtlb`` ("in hele euro's per maand"): from the vtlb calculation of that proposal; left out
  when the consulent entered the afloscapaciteit by hand (then no vtlb is known).
"""

from dataclasses import dataclass
from decimal import Decimal

from vroeghulp.schuldhulp import regeling
from vroeghulp.schuldhulp.ddas.waarden import datum, euro, zonder_leeg
from vroeghulp.schuldhulp.models import Voorstel, Voorstelstatus

_INGEDIEND = (Voorstelstatus.AANGENOMEN, Voorstelstatus.AFGEWEZEN, Voorstelstatus.VERZONDEN)


@dataclass(frozen=True)
class Regeling:
    """The DDAS parts of one traject that come from its settlement proposal."""

    schuldregeling: dict
    toekenningsdatum: str | None
    totaal_schuldbedrag: int | None
    vtlb: int | None


GEEN = Regeling(schuldregeling={}, toekenningsdatum=None, totaal_schuldbedrag=None, vtlb=None)


def _ingediend(voorstellen: list[Voorstel]) -> Voorstel | None:
    ingediend = [v for v in voorstellen if v.status in _INGEDIEND and v.verzonden_op]
    aangenomen = [v for v in ingediend if v.status == Voorstelstatus.AANGENOMEN]
    return max(aangenomen or ingediend, key=lambda v: (v.verzonden_op, v.pk), default=None)


def _vtlb(voorstel: Voorstel) -> int | None:
    b = voorstel.berekening
    if b is None or b.regeling != regeling.VTLB or b.uitkomst.get("vtlb_per_maand") is None:
        return None
    return euro(Decimal(str(b.uitkomst["vtlb_per_maand"])))


def van(voorstellen: list[Voorstel]) -> Regeling:
    voorstel = _ingediend(voorstellen)
    if voorstel is None:
        return GEEN
    stand = regeling.stand(voorstel)
    toegekend = afgewezen = None
    if stand.status == Voorstelstatus.AANGENOMEN:
        toegekend = max(r.op for r in stand.regels)
    elif stand.status == Voorstelstatus.AFGEWEZEN:
        afgewezen = min(r.op for r in stand.regels if r.antwoord == regeling.Antwoord.WEIGERING)
    schuldregeling = zonder_leeg({
        "datum": datum(voorstel.verzonden_op), "toegekend": datum(toegekend), "afgewezen": datum(afgewezen),
        "dwangakkoord": False if toegekend else None,
    })
    totaal = sum((r.regel.schuldbedrag for r in stand.regels), Decimal(0))
    return Regeling(schuldregeling=schuldregeling, toekenningsdatum=datum(toegekend),
                    totaal_schuldbedrag=euro(totaal) if stand.regels else None, vtlb=_vtlb(voorstel))
