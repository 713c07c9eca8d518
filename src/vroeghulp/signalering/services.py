"""The only way other apps change signalering's data (docs/principles.md), and the hook through
which signalering calls matching.

Signalering sits below zaken (docs/adr/0002-matching-bij-zaken.md): it never imports zaken.
Matching creates and updates cases, so it lives in ``zaken.matching``; the intake calls it
through the ``Matching`` that ``ZakenConfig.ready`` registers here. What matching and the case
workflow change on signals (case link, household key, wijk, inwoner, status) goes through the
bulk functions below: set-based, one statement per group of changed columns, as fast as the code
that wrote the table directly before (the intake benchmark is the measure).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext

from vroeghulp.common import pgarray
from vroeghulp.common.sql import als_bedrag, als_datum, in_lijst, postgresql
from vroeghulp.signalering.models import Aanlevering, Kanaal, PartnerType, Signaalpartner, Signaalstatus, Vroegsignaal
from vroeghulp.signalering.tellingen import AnoniemeTelling, Soort

# --- the matching hook -----------------------------------------------------------------------


@dataclass(frozen=True)
class Matching:
    """What signalering needs from matching; ``zaken.matching.haak`` fills it in.

    - ``match_signalen(ids, *, op=None) -> counts``: match stored signals (after a commit, the
      demo's monthly runs);
    - ``koppel_nieuwe_signalen(rijen, *, vandaag, ontvangen_op, bron, uitgesteld)``: match a
      block the intake is about to insert; returns the values per id and the cases to pass on;
    - ``schrijf_uitgestelde_zaken(uitgesteld)``: write the existing cases kept for the delivery;
    - ``terugkoppelen_na(zaak_ids, vandaag)``: partner status of new signals in moved cases;
    - ``ververs_statistieken()``: PostgreSQL planner statistics of the case table (the intake
      asks when a delivery has doubled the tables).
    """

    match_signalen: Callable[..., dict]
    koppel_nieuwe_signalen: Callable[..., tuple[dict, list[int]]]
    schrijf_uitgestelde_zaken: Callable[[dict], None]
    terugkoppelen_na: Callable[[list[int], date], None]
    ververs_statistieken: Callable[[], None]


_matching: Matching | None = None


def registreer_matching(haak: Matching) -> None:
    """Called once by ``ZakenConfig.ready``."""
    global _matching
    _matching = haak


def matching() -> Matching:
    if _matching is None:
        raise ImproperlyConfigured("Geen matching geregistreerd: de app vroeghulp.zaken ontbreekt in INSTALLED_APPS.")
    return _matching


# --- signals for matching --------------------------------------------------------------------

class Matchrij(NamedTuple):
    """A signal as matching reads it: a stored one (``matchrijen``) or one the intake is about to
    insert (its id known, no case yet). The names are the columns of ``Vroegsignaal``."""

    id: int
    bsn: str
    postcode: str
    huisnummer: str
    huisnummertoevoeging: str
    signaaldatum: date
    huishoudsleutel: str
    bedrag: Decimal
    crisissignaal: bool
    warme_overdracht: bool
    eindelevering: bool
    herhaling: bool
    vorig_bedrag: Decimal | None
    zaak_id: int | None
    status: str
    wijk_id: int | None
    inwoner_id: int | None
    status_datum: date | None


class Matchuitkomst(NamedTuple):
    """What matching decided for one signal, as ``schrijf_matchuitkomsten`` writes it (and the
    intake inserts it)."""

    huishoudsleutel: str
    zaak_id: int | None
    wijk_id: int | None
    inwoner_id: int | None
    status: str
    status_datum: date | None
    id: int


MATCHVELDEN = Matchrij._fields  # the columns matching reads


def nieuwe_matchrij(pk: int, record, herhaling: bool, vorig_bedrag: Decimal | None, status: str,
                    status_datum: date) -> Matchrij:
    """The ``Matchrij`` of a checked signal (``intake.velden.Signaal``) about to be inserted with
    id ``pk``: no household key, case, wijk or inwoner yet. Positional, in the order of
    ``Matchrij`` right above: a call with keywords costs 2 us more per signal (the intake's hot
    path); ``test_signaalrecord`` checks every field."""
    r = record
    return Matchrij(pk, r.bsn, r.postcode, r.huisnummer, r.huisnummertoevoeging, r.signaaldatum, "", r.bedrag,
                    r.crisissignaal, r.warme_overdracht, r.eindelevering, herhaling, vorig_bedrag, None, status, None,
                    None, status_datum)
GEEN_ZAAK = frozenset({Signaalstatus.GEEN_INWONER, Signaalstatus.OVERLEDEN})


def _kolom(veld: str) -> str:
    return connection.ops.quote_name(Vroegsignaal._meta.get_field(veld).column)


def _tabel() -> str:
    return connection.ops.quote_name(Vroegsignaal._meta.db_table)


def matchrijen(ids: list[int]) -> list[Matchrij]:
    """These signals (sorted ids) as ``Matchrij``, amounts as Decimal, without the ORM's
    per-value machinery (hot path of matching); ids from one delivery are consecutive, so a
    range beats IN (...)."""
    kolommen = ", ".join(_kolom(v) for v in MATCHVELDEN)
    pk = _kolom("id")
    with connection.cursor() as cursor:
        if ids[-1] - ids[0] < 2 * len(ids):
            gezocht = set(ids)
            cursor.execute(f"SELECT {kolommen} FROM {_tabel()} WHERE {pk} BETWEEN %s AND %s", [ids[0], ids[-1]])
            rijen = [Matchrij._make(r) for r in cursor.fetchall()]
            rijen = [r for r in rijen if r.id in gezocht]
        else:
            waar, params = in_lijst(ids, "bigint")
            cursor.execute(f"SELECT {kolommen} FROM {_tabel()} WHERE {pk} {waar}", params)
            rijen = [Matchrij._make(r) for r in cursor.fetchall()]
    if postgresql():
        return rijen  # psycopg returns Decimal and date already
    # SQLite: amounts come back as REAL (dates as dates, through Django's converters)
    return [r._replace(bedrag=als_bedrag(r.bedrag), vorig_bedrag=als_bedrag(r.vorig_bedrag),
                       status_datum=als_datum(r.status_datum)) for r in rijen]


def ontvangstdagen(ids: list[int]) -> dict[int, date]:
    """The local day each signal was received (the crisis term runs from then)."""
    tz = timezone.get_current_timezone()
    return {pk: timezone.localdate(o, tz) for pk, o in
            Vroegsignaal.objects.filter(pk__in=ids).values_list("id", "ontvangen")}


def niet_gematchte_ids(limiet: int | None = None, *, geen_inwoner_vanaf: date | None = None) -> list[int]:
    """Signals without a case that can still get one. ``geen_inwoner_vanaf``: also the signals
    the BRP did not know (or knew as deceased) with a signaaldatum from that day."""
    qs = Vroegsignaal.objects.filter(zaak__isnull=True)
    if geen_inwoner_vanaf is not None:
        qs = qs.exclude(status__in=GEEN_ZAAK, signaaldatum__lt=geen_inwoner_vanaf)
    else:
        qs = qs.exclude(status__in=GEEN_ZAAK)
    ids = qs.order_by("id").values_list("id", flat=True)
    return list(ids[:limiet] if limiet else ids)


# --- what matching writes on signals ---------------------------------------------------------

_MATCHKOLOMMEN = ("huishoudsleutel", "zaak_id", "wijk_id", "inwoner_id", "status", "status_datum")
_PG_TYPE = {"huishoudsleutel": "text", "zaak_id": "bigint", "wijk_id": "bigint", "inwoner_id": "bigint",
            "status": "text", "status_datum": "date", "id": "bigint"}


def schrijf_matchuitkomsten(regels: list[Matchuitkomst], oude_waarden: Mapping[int, Matchrij]) -> None:
    """Write matching's outcome for stored signals: ``oude_waarden`` holds each signal as read
    (by id).

    Only what changed: SQLite and PostgreSQL maintain the index of every column in the SET list,
    so rows are grouped by their set of changed columns, one statement each (usually one or two),
    in id order."""
    if not regels:
        return
    kolom = {f.attname: connection.ops.quote_name(f.column) for f in Vroegsignaal._meta.concrete_fields}
    tabel = _tabel()
    groepen: dict[tuple[bool, ...], list] = {}
    for regel in sorted(regels, key=attrgetter("id")):
        oud = oude_waarden[regel.id]
        status = regel.status != oud.status
        # which columns changed, in the order of _MATCHKOLOMMEN (a tuple of booleans: no per-row
        # generator); status_datum only when it really changes with the status: the intake already
        # set today's date, and SQLite maintains the (partner, status_datum) index for every
        # column in the SET list
        masker = (regel.huishoudsleutel != oud.huishoudsleutel, regel.zaak_id != oud.zaak_id,
                  regel.wijk_id != oud.wijk_id, regel.inwoner_id != oud.inwoner_id, status,
                  status and regel.status_datum != oud.status_datum)
        if True in masker:
            groepen.setdefault(masker, []).append(regel)
    with connection.cursor() as cursor:
        for masker, regels_groep in groepen.items():
            namen = tuple(naam for naam, anders in zip(_MATCHKOLOMMEN, masker, strict=True) if anders)
            rijen = list(map(attrgetter(*namen, "id"), regels_groep))  # the changed columns, the pk last
            if postgresql():
                # one statement per group (PostgreSQL's UPDATE ... FROM unnest): an executemany of single-row UPDATEs costs a round
                # trip and a plan per row (measured: 30 s of the 45 s for 200,000 signals)
                typen = [_PG_TYPE[n] for n in (*namen, "id")]
                zet = ", ".join(f"{kolom[n]} = v.k{j}" for j, n in enumerate(namen))
                alias = ", ".join(f"k{j}" for j in range(len(namen)))
                arrays = ", ".join(f"%s::{t}[]" for t in typen)
                # the id range keeps the planner from a hash join over the whole table (right
                # after a bulk intake its row estimate is stale): an index range scan instead
                cursor.execute(
                    f"UPDATE {tabel} SET {zet} FROM unnest({arrays}) AS v({alias}, pk) "
                    f"WHERE {tabel}.{kolom['id']} = v.pk AND {tabel}.{kolom['id']} BETWEEN %s AND %s",
                    [*(pgarray.PER_TYPE[t](kolom_waarden) for t, kolom_waarden in zip(typen, zip(*rijen), strict=True)),
                     regels_groep[0].id, regels_groep[-1].id],
                )
            else:
                zet = ", ".join(f"{kolom[n]} = %s" for n in namen)
                cursor.executemany(f"UPDATE {tabel} SET {zet} WHERE {kolom['id']} = %s", rijen)


def zet_status_per_zaak(zaak_ids_per_status: Mapping[str, Iterable[int]], datum: date, *,
                        alleen_nieuwe_signalen: bool = False, per_keer: int = 500) -> int:
    """Give the signals of these cases the partner status (``zaken.terugkoppeling`` decides it);
    only signals whose status changes get ``datum``. ``alleen_nieuwe_signalen``: only signals
    still "Nog niet opgepakt". Returns how many signals changed."""
    gewijzigd = 0
    for status, zaak_ids in zaak_ids_per_status.items():
        zaak_ids = list(zaak_ids)
        for i in range(0, len(zaak_ids), per_keer):
            signalen = Vroegsignaal.objects.filter(zaak_id__in=zaak_ids[i:i + per_keer]).exclude(status=status)
            if alleen_nieuwe_signalen:
                signalen = signalen.filter(status=Signaalstatus.NOG_NIET_OPGEPAKT)
            gewijzigd += signalen.update(status=status, status_datum=datum)
    return gewijzigd


def leg_toestemming_vast(signaal_ids: Iterable[int]) -> None:
    """Warm handover: the resident consented to passing these signals on."""
    Vroegsignaal.objects.filter(pk__in=list(signaal_ids)).update(toestemming_inwoner=True)


# --- retention (orchestrated by zaken.bewaartermijnen) ---------------------------------------


def verlopen_signaal_ids(grens: date, zaak_ids: list[int]) -> list[int]:
    """The signals of these expired cases and the signals without a case from before ``grens``."""
    return list(Vroegsignaal.objects.filter(
        Q(zaak_id__in=zaak_ids) | Q(zaak__isnull=True, signaaldatum__lt=grens)
    ).values_list("id", flat=True))


def tel_signalen(tellingen: Counter, signaal_ids: list[int]) -> None:
    """Add the anonymous counts of these signals to ``tellingen`` (keys as ``AnoniemeTelling``)."""
    for rij in (
        Vroegsignaal.objects.filter(id__in=signaal_ids)
        .annotate(maand=TruncMonth("signaaldatum"))
        .values("maand", "partner__type", "wijk_id", "zaak__matchsoort", "status", "zaak__crisis")
        .annotate(n=Count("id")).order_by()
    ):
        sleutel = (rij["maand"], Soort.SIGNAAL, rij["partner__type"], rij["wijk_id"],
                   rij["zaak__matchsoort"] or "", rij["status"], bool(rij["zaak__crisis"]))
        tellingen[sleutel] += rij["n"]


def bewaar_anonieme_tellingen(tellingen: Counter) -> None:
    """Add counts (key: periode, soort, partnertype, wijk_id, matchsoort, uitkomst, crisis) to
    ``AnoniemeTelling``: existing cells grow, new cells are created."""
    if not tellingen:
        return
    velden = ("periode", "soort", "partnertype", "wijk_id", "matchsoort", "uitkomst", "crisis")
    periodes = {_als_datum(k[0]) for k in tellingen}
    bestaand = {
        tuple(getattr(t, v) for v in velden): t
        for t in AnoniemeTelling.objects.filter(periode__in=periodes)
    }
    nieuw, bijwerken = [], []
    for sleutel, aantal in tellingen.items():
        sleutel = (_als_datum(sleutel[0]),) + sleutel[1:]
        if sleutel in bestaand:
            telling = bestaand[sleutel]
            telling.aantal += aantal
            bijwerken.append(telling)
        else:
            nieuw.append(AnoniemeTelling(aantal=aantal, **dict(zip(velden, sleutel))))
    AnoniemeTelling.objects.bulk_create(nieuw)
    if bijwerken:
        nu = timezone.now()
        for t in bijwerken:
            t.bijgewerkt = nu
        AnoniemeTelling.objects.bulk_update(bijwerken, ["aantal", "bijgewerkt"])


def _als_datum(waarde) -> date:
    return waarde.date() if isinstance(waarde, datetime) else waarde


def verwijder_signalen(signaal_ids: list[int], *, per_keer: int = 2000) -> None:
    """Delete these signals (retention); the caller writes the audit event with the count."""
    for i in range(0, len(signaal_ids), per_keer):
        Vroegsignaal.objects.filter(id__in=signaal_ids[i:i + per_keer]).delete()


# --- reads for other apps ------------------------------------------------------------------


@dataclass(frozen=True)
class SignaalVoorTraject:
    """What a schuldhulptraject takes over from one signal of a case (schuldhulp)."""

    signaal_id: int
    partner: str
    partnertype: str
    bedrag: object  # Decimal
    signaaldatum: date
    ontstaansdatum: date | None
    crisissignaal: bool


def signalen_van_zaak(zaak_id: int) -> list[SignaalVoorTraject]:
    """The partners' signals of a case, which a traject takes over as its first debts. Not a
    self-referral: it names no creditor (and perhaps no amount); what the resident said is in the
    case's note."""
    rijen = (vroegsignalen().filter(zaak_id=zaak_id).order_by("signaaldatum", "id")
             .values_list("id", "partner__naam", "partner__type", "bedrag", "signaaldatum",
                          "ontstaansdatum", "crisissignaal"))
    return [SignaalVoorTraject(*rij) for rij in rijen]


def lees_tabel(data: bytes, bestandsnaam: str = "", *, max_rijen: int):
    """Another app's CSV or XLSX table (a debt list), read as the intake reads a delivery:
    ``intake.lezen.tabel_rijen``. Imported here, not at the top: the intake imports this module."""
    from vroeghulp.signalering.intake.lezen import tabel_rijen

    return tabel_rijen(data, bestandsnaam, max_rijen=max_rijen)


# --- reads for the DDAS delivery and the monitor (monitor.definities says which period; the
# delivery's pages: signalering.ddas) -------------------------------------------------------------


# A self-referral (Kanaal.ZELFMELDING, the zelfcheck's "Ik wil hulp") is a resident asking for
# help, not a signal of a signal partner: the DDAS standard defines a Vroegsignaal as "een bericht
# dat door een signaalpartner [...] aan de gemeente wordt verstrekt" on the ground of the Wgs (art.
# 3 lid 1 onder b), and a signaalpartner as an organisation entitled to pass on arrears. So neither
# the self-referral nor a case that has nothing else is in the DDAS vroegsignalering delivery or in
# the monitor's figures that follow its definitions (monitor.definities). If such a resident gets
# schuldhulp, that is an Aanmelding in the DDAS schuldhulpverlening delivery.

def _zelfmeldingen():
    return Aanlevering.objects.filter(kanaal=Kanaal.ZELFMELDING).values("id")


def vroegsignalen():
    """Every signal of a signal partner: all signals but the self-referrals."""
    return Vroegsignaal.objects.exclude(aanlevering_id__in=_zelfmeldingen())


def signalen_met_signaaldatum(van: date, tot: date):
    """The vroegsignalen (``vroegsignalen``: no self-referral) whose signaaldatum is in [van, tot]
    (both included), as a queryset."""
    return vroegsignalen().filter(signaaldatum__gte=van, signaaldatum__lte=tot)


def zaken_met_zelfmelding():
    """The ids (a ``values`` queryset, for ``__in``) of the cases with a self-referral among
    their signals (the resident's own "Ik wil hulp" in the zelfcheck)."""
    # The self-referrals are found through the zelfcheck partner (the first column of the status
    # index; the signals have no index on aanlevering, which would slow the intake).
    return (Vroegsignaal.objects
            .filter(partner_id__in=Signaalpartner.objects.filter(code=ZELFCHECK_PARTNER).values("id"),
                    aanlevering_id__in=_zelfmeldingen(), zaak_id__isnull=False)
            .values("zaak_id"))


def zaken_met_alleen_zelfmeldingen():
    """The ids (a ``values`` queryset, for ``__in``) of the cases whose every signal is a
    self-referral: no vroegsignaalzaak in the DDAS sense. Small: only cases with a self-referral
    are looked at (through the index on zaak_id)."""
    # A correlated EXISTS per self-referral through the index on zaak_id. The NOT IN over the
    # cases' signals this replaces was a scan of all signals per page of cases in the DDAS export.
    ander_signaal = vroegsignalen().filter(zaak_id=OuterRef("zaak_id"))
    return zaken_met_zelfmelding().exclude(Exists(ander_signaal))


ZELFCHECK_PARTNER = "zelfcheck"


def zelfcheck_partner() -> Signaalpartner:
    """The partner under which the zelfcheck's self-referrals go in (created on first use): an
    informal partner of DDAS type Overige; its deliveries have the channel Kanaal.ZELFMELDING."""
    partner, _nieuw = Signaalpartner.objects.get_or_create(
        code=ZELFCHECK_PARTNER,
        defaults={"naam": gettext("Zelfcheck (inwoner meldt zich zelf)"), "type": PartnerType.OVERIGE,
                  "informeel": True},
    )
    return partner


def partnertypen() -> dict[int, str]:
    """The DDAS type (EnumSignaalpartner) of every signal partner, by partner id."""
    return dict(Signaalpartner.objects.values_list("id", "type"))
