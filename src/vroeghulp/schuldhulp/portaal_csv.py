"""CSV for the creditors' bulk portals: the open messages out, the creditors' reactions in.

Export: UTF-8 with a BOM and ``;`` as separator (so Excel in Dutch opens it in columns), one row
per unanswered message, with ``bericht-id`` first so the reactions file can point at it. A cell that
starts with ``= + - @``, a tab or a carriage return gets a leading ``'`` (OWASP "CSV injection"):
Excel would otherwise run it as a formula. Every export is audited per traject.

Import: columns ``bericht-id`` or ``kenmerk``, ``reactie``, ``datum`` and ``saldo`` (``toelichting``
optional). Every row is checked first and every error named per row in Dutch; only when all rows
are good are they stored, in one transaction (all or nothing).
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.schuldhulp import berichten, workflow
from vroeghulp.schuldhulp.models import OPEN_FASEN, Bericht, Reactie

DOEL = "Schuldhulpverlening: berichten via het portaal van schuldeisers (Wgs art. 3)"
KOLOMMEN = ["bericht-id", "schuldeiser", "kenmerk", "naam", "geboortedatum", "soort bericht", "verzonden op",
            "antwoord uiterlijk", "bedrag"]
MAX_BYTES = 2_000_000
MAX_RIJEN = 5000
_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
REACTIES = {"saldo": Reactie.SALDO, "saldo opgegeven": Reactie.SALDO, "akkoord": Reactie.AKKOORD,
            "weigering": Reactie.WEIGERING, "geweigerd": Reactie.WEIGERING,
            "geen reactie": Reactie.GEEN_REACTIE, "geen_reactie": Reactie.GEEN_REACTIE}


def veilig(waarde) -> str:
    """A cell Excel shows as text, never runs as a formula."""
    tekst = "" if waarde is None else str(waarde)
    return "'" + tekst if tekst.startswith(_GEVAARLIJK) else tekst


def _bedrag(bedrag: Decimal | None) -> str:
    return "" if bedrag is None else f"{bedrag:.2f}".replace(".", ",")


def open_berichten(door, traject_id: int | None = None):
    """The unanswered messages of one traject, or of all open trajecten of the user's wijken."""
    qs = Bericht.objects.filter(reactie="")
    if traject_id is not None:
        workflow.toegang(traject_id, door)
        qs = qs.filter(traject_id=traject_id)
    else:
        qs = qs.filter(traject__wijk_id__in=door.wijk_ids(), traject__fase__in=OPEN_FASEN)
    return (qs.select_related("schuld__schuldeiser", "traject__inwoner")
            .order_by("schuld__schuldeiser__naam", "antwoord_uiterlijk", "id"))


def exporteer(door, traject_id: int | None = None) -> bytes:
    """The open messages as CSV bytes (UTF-8 with BOM, ``;``). Audited: one event per traject."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    per_traject: dict[int, list] = {}
    for b in open_berichten(door, traject_id):
        inwoner = b.traject.inwoner
        schrijver.writerow([veilig(v) for v in (
            b.pk, b.schuld.schuldeiser.naam, b.schuld.kenmerk, inwoner.naam, inwoner.geboortedatum.strftime("%d-%m-%Y"),
            b.get_soort_display(), b.verzonden_op.strftime("%d-%m-%Y"),
            b.antwoord_uiterlijk.strftime("%d-%m-%Y") if b.antwoord_uiterlijk else "", _bedrag(b.schuld.actueel_bedrag))])
        per_traject.setdefault(b.traject_id, [inwoner.pk, 0])[1] += 1
    for tid, (persoon_id, aantal) in per_traject.items():
        audit.log(actor=door, actie=Actie.EXPORTEREN, object_type=Bericht._meta.label, object_id=tid,
                  persoon_id=persoon_id, doel=DOEL, aantal=aantal, toelichting="CSV voor het portaal van schuldeisers")
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


# --- import ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rijfout:
    rij: int  # the line in the file (the header is line 1)
    melding: str


@dataclass(frozen=True)
class Reactierij:
    rij: int
    bericht_id: int
    reactie: str
    datum: date
    saldo: Decimal | None
    toelichting: str


@dataclass(frozen=True)
class Importuitslag:
    opgeslagen: int
    fouten: list[Rijfout]


class Importweigering(Exception):
    """The file as a whole cannot be read (encoding, no header, too big)."""

    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


def _kop(naam: str) -> str:
    return re.sub(r"[\s_]+", "-", naam.strip().lstrip("'").lower())


def _lees(inhoud: bytes) -> tuple[list[str], list[list[str]]]:
    if len(inhoud) > MAX_BYTES:
        raise Importweigering(_("Het bestand is te groot: hooguit 2 MB."))
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Importweigering(_("Het bestand is geen UTF-8. Sla het in Excel op als ‘CSV UTF-8’.")) from None
    if not tekst.strip():
        raise Importweigering(_("Het bestand is leeg."))
    eerste = tekst.splitlines()[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=scheiding))
    kop = [_kop(k) for k in rijen[0]]
    if "reactie" not in kop or not ({"bericht-id", "kenmerk"} & set(kop)):
        raise Importweigering(_("De eerste regel moet de kolomnamen hebben: bericht-id of kenmerk, reactie, datum "
                                "en saldo."))
    data = [r for r in rijen[1:] if any(c.strip() for c in r)]
    if len(data) > MAX_RIJEN:
        raise Importweigering(_("Het bestand heeft te veel regels: hooguit %(max)s.") % {"max": MAX_RIJEN})
    return kop, rijen[1:]


def _datum(tekst: str) -> date | None:
    for formaat in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(tekst.strip(), formaat).date()
        except ValueError:
            continue
    return None


def _saldo(tekst: str) -> Decimal | None:
    tekst = tekst.strip().replace("€", "").replace(" ", "").lstrip("'")
    if "," in tekst:  # Dutch: 1.234,56
        tekst = tekst.replace(".", "").replace(",", ".")
    try:
        waarde = Decimal(tekst)
    except InvalidOperation:
        return None
    return waarde.quantize(Decimal("0.01")) if waarde.is_finite() and waarde == waarde.quantize(Decimal("0.01")) else None


def controleer(inhoud: bytes, door) -> tuple[list[Reactierij], list[Rijfout]]:
    """Every row checked against the messages this user may see; nothing is stored."""
    kop, rijen = _lees(inhoud)
    vandaag = timezone.localdate()
    zichtbaar = Bericht.objects.filter(traject__wijk_id__in=door.wijk_ids())
    goed, fouten, gezien = [], [], {}
    for nummer, cellen in enumerate(rijen, start=2):
        if not any(c.strip() for c in cellen):
            continue
        waarden = {k: (cellen[i].strip().lstrip("'") if i < len(cellen) else "") for i, k in enumerate(kop)}
        eigen = []

        bericht = None
        if waarden.get("bericht-id"):
            if not waarden["bericht-id"].isdigit():
                eigen.append(_("bericht-id ‘%(w)s’ is geen nummer.") % {"w": waarden["bericht-id"]})
            else:
                bericht = zichtbaar.filter(pk=int(waarden["bericht-id"])).first()
                if bericht is None:
                    eigen.append(_("bericht-id %(w)s bestaat niet, of u heeft geen toegang tot dit traject.")
                                 % {"w": waarden["bericht-id"]})
        elif waarden.get("kenmerk"):
            kandidaten = list(zichtbaar.filter(schuld__kenmerk=waarden["kenmerk"], reactie="",
                                               herinnering_van__isnull=True)[:2])
            if not kandidaten:
                eigen.append(_("kenmerk ‘%(w)s’: geen open bericht met dit kenmerk gevonden.") % {"w": waarden["kenmerk"]})
            elif len(kandidaten) > 1:
                eigen.append(_("kenmerk ‘%(w)s’ hoort bij meer dan één open bericht. Vul de bericht-id in.")
                             % {"w": waarden["kenmerk"]})
            else:
                bericht = kandidaten[0]
        else:
            eigen.append(_("Vul de bericht-id of het kenmerk in."))
        if bericht is not None and bericht.reactie:
            eigen.append(_("bericht %(id)s heeft al een reactie (%(r)s).") % {"id": bericht.pk, "r": bericht.get_reactie_display()})
        if bericht is not None and bericht.pk in gezien:
            eigen.append(_("bericht %(id)s staat ook op regel %(r)s.") % {"id": bericht.pk, "r": gezien[bericht.pk]})

        reactie = REACTIES.get(waarden.get("reactie", "").lower())
        if reactie is None:
            eigen.append(_("reactie ‘%(w)s’ kennen wij niet. Kies saldo, akkoord, weigering of geen reactie.")
                         % {"w": waarden.get("reactie", "")})
        datum = _datum(waarden.get("datum", "")) if waarden.get("datum") else vandaag
        if datum is None:
            eigen.append(_("datum ‘%(w)s’ is geen datum. Schrijf bijvoorbeeld 31-01-2026.") % {"w": waarden["datum"]})
        elif datum > vandaag:
            eigen.append(_("datum %(d)s ligt in de toekomst.") % {"d": datum.strftime("%d-%m-%Y")})
        elif bericht is not None and datum < bericht.verzonden_op:
            eigen.append(_("datum %(d)s ligt vóór het bericht (%(v)s).") % {
                "d": datum.strftime("%d-%m-%Y"), "v": bericht.verzonden_op.strftime("%d-%m-%Y")})
        saldo = None
        if waarden.get("saldo"):
            saldo = _saldo(waarden["saldo"])
            if saldo is None or saldo <= 0:
                eigen.append(_("saldo ‘%(w)s’ is geen bedrag boven 0, bijvoorbeeld 1234,56.") % {"w": waarden["saldo"]})
        if reactie == Reactie.SALDO and not waarden.get("saldo"):
            eigen.append(_("saldo ontbreekt: bij de reactie saldo hoort een bedrag."))

        if eigen:
            fouten.extend(Rijfout(nummer, m) for m in eigen)
        else:
            gezien[bericht.pk] = nummer
            goed.append(Reactierij(nummer, bericht.pk, reactie, datum,
                                   saldo if reactie == Reactie.SALDO else None, waarden.get("toelichting", "")[:500]))
    if not goed and not fouten:
        raise Importweigering(_("Het bestand heeft geen regels onder de kolomnamen."))
    return goed, fouten


def importeer(inhoud: bytes, door) -> Importuitslag:
    """All rows or none: with one error nothing is stored and every error is returned."""
    goed, fouten = controleer(inhoud, door)
    if fouten:
        return Importuitslag(0, fouten)
    try:
        with transaction.atomic():
            for rij in goed:
                try:
                    berichten.reactie_vastleggen(rij.bericht_id, rij.reactie, door=door, ontvangen_op=rij.datum,
                                                 saldo=rij.saldo, toelichting=rij.toelichting)
                except OngeldigeInvoer as fout:
                    raise _Terug(Rijfout(rij.rij, fout.melding)) from None
    except _Terug as terug:
        return Importuitslag(0, [terug.fout])
    return Importuitslag(len(goed), [])


class _Terug(Exception):
    def __init__(self, fout: Rijfout):
        super().__init__(fout.melding)
        self.fout = fout
