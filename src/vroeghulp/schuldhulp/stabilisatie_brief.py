"""The letter to a garnishing creditor when the beslagvrije voet is violated: a request to
recalculate it (Rv art. 475d lid 3 onder b: the deurwaarder sets the voet again when told, with
reasons, of a structural change; lid 5: an increase applies at once).

One letter per debt with status *beslag*, with our calculation (income, garnishment, what is
left, the voet, the shortfall and the steps of the calculation) and its legal sources, in one
PDF. Each letter is recorded as a message with an answer term (``schuldhulp.berichten``).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.schuldhulp import berichten, brieven, stabilisatie, workflow
from vroeghulp.schuldhulp.brieven import Tabel, euro
from vroeghulp.schuldhulp.models import Bericht, Berichtsoort, Schuld


@dataclass(frozen=True)
class Beslagbrieven:
    pdf: bytes
    berichten: tuple[Bericht, ...]
    bestandsnaam: str


def tabellen(t: stabilisatie.Toets) -> list[Tabel]:
    """The calculation under the letter: the amounts, then the steps and sources of the voet."""
    rijen = [[_("Netto inkomen per maand"), euro(t.inkomen)]]
    for b in t.beslagen:
        rijen.append([_("Beslag %(schuldeiser)s") % {"schuldeiser": b.schuldeiser},
                      euro(b.per_maand) if b.per_maand is not None else _("onbekend")])
    rijen += [
        [_("Over na beslag"), euro(t.over_na_beslag)],
        [_("Beslagvrije voet"), euro(t.voet)],
        [_("Tekort"), euro(t.tekort)],
    ]
    bedragen = Tabel(kop=_("Onze berekening per maand"), kolommen=[_("Omschrijving"), _("Bedrag")], rijen=rijen,
                     voet=[_("Peildatum %(datum)s, rekenregels %(versie)s.")
                           % {"datum": brieven.datum(t.berekening.peildatum), "versie": t.berekening.rekenregels_versie}])
    bronnen = [*t.bronnen, *stabilisatie.BRONNEN_HERBEREKENING]
    stappen = Tabel(kop=_("Zo is de beslagvrije voet berekend"), kolommen=[_("Stap")],
                    rijen=[[stap] for stap in t.toelichting],
                    voet=[_("Bron: %(titel)s, %(url)s") % b for b in bronnen])
    return [bedragen, stappen]


def maak(traject_id: int, *, door) -> Beslagbrieven:
    """Record the messages and build the PDF, in one transaction: when the PDF fails, no message
    is recorded. Refused (Dutch message) when the voet is not violated."""
    traject_id = workflow.toegang(traject_id, door)
    t = stabilisatie.toets(traject_id)
    if t is None:
        raise OngeldigeInvoer(_("Bereken eerst de beslagvrije voet."))
    if not t.geschonden:
        raise OngeldigeInvoer(_("Het beslag laat de beslagvrije voet vrij. Een brief is niet nodig."))
    ids = [b.schuld_id for b in t.beslagen]
    with transaction.atomic():
        verstuurd = berichten.verstuur(traject_id, ids, Berichtsoort.HERBEREKENING_BVV, door=door)
        schulden = Schuld.objects.select_related("schuldeiser", "traject__inwoner__huishouden__adres").in_bulk(ids)
        extra = {"over": euro(t.over_na_beslag), "beslagvrije_voet": euro(t.voet), "tekort": euro(t.tekort)}
        delen = [brieven.brief(schulden[b.schuld_id], Berichtsoort.HERBEREKENING_BVV, door=door,
                               antwoord_uiterlijk=b.antwoord_uiterlijk, extra=extra, tabellen=tabellen(t))
                 for b in verstuurd]
        pdf = brieven.render_pdf(delen, titel=_("Verzoek herberekening beslagvrije voet"))
    return Beslagbrieven(pdf, tuple(verstuurd), f"herberekening-beslagvrije-voet-traject-{traject_id}.pdf")
