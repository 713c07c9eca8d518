"""The entry points of matching: stored signals (``match_signalen``) and signals the intake is
about to insert (``koppel_nieuwe_signalen``). Both run ``regels.koppel``."""

from __future__ import annotations

from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from vroeghulp.common.sql import postgresql
from vroeghulp.signalering import brp as brp_module
from vroeghulp.signalering import services as signalering
from vroeghulp.zaken import terugkoppeling
from vroeghulp.zaken.matching import instellingen, regels, zaakopslag
from vroeghulp.zaken.matching.periodes import maanden_terug


def match_signalen(signaal_ids: list[int]) -> None:
    """Match the given stored signals into vroegsignaalzaken (set-based, in chunks).

    Idempotent: a signal that already has a case is left alone unless it is a repeat
    (``herhaling``). Runs in one transaction per chunk (a savepoint inside the intake's).
    """
    match_signalen_met_telling(signaal_ids)


def match_signalen_met_telling(signaal_ids, *, op: date | None = None) -> dict:
    """``match_signalen`` that returns counts: signalen, nieuwe_zaken, bijgewerkte_zaken.

    ``op``: the matchingsdatum (default today); the demo replays a year of monthly runs.
    """
    totaal = {"signalen": 0, "nieuwe_zaken": 0, "bijgewerkte_zaken": 0}
    ids = sorted(set(signaal_ids))
    if not ids:
        return totaal
    bron = brp_module.bron()
    chunk = instellingen.CHUNK
    for i in range(0, len(ids), chunk):
        with transaction.atomic():
            _vergrendel()
            for sleutel, aantal in _match_chunk(ids[i:i + chunk], bron, op).items():
                totaal[sleutel] += aantal
    return totaal


def _vergrendel() -> None:
    """PostgreSQL: one matcher at a time (two could otherwise create two cases for one household).
    SQLite serialises writers already."""
    if postgresql():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [0x5648_4D41])  # "VHMA"


def _match_chunk(ids: list[int], bron, op: date | None = None) -> dict:
    """Match stored signals (the command, a deferred delivery): read, classify, write back."""
    vandaag = op or timezone.localdate()
    rijen = [r for r in signalering.matchrijen(ids) if r.zaak_id is None or r.herhaling]
    if not rijen:
        return {}
    spoed = [r.id for r in rijen if r.crisissignaal or r.eindelevering]  # these need the receipt day
    ontvangst = signalering.ontvangstdagen(spoed) if spoed else {}
    uitkomst, oude_waarden, terugkoppelen, telling = regels.koppel(rijen, bron, vandaag, ontvangst)
    signalering.schrijf_matchuitkomsten(uitkomst, oude_waarden)
    terugkoppelen_na(terugkoppelen, vandaag)
    return telling


def koppel_nieuwe_signalen(rijen: list[signalering.Matchrij], *, vandaag: date, ontvangen_op: date, bron=None,
                           uitgesteld: dict | None = None) -> tuple[dict[int, signalering.Matchuitkomst], list[int]]:
    """Match signals the intake is about to INSERT, so that each signal is written once (issue 4:
    matching afterwards read and rewrote every row). Same rules as ``match_signalen``: both run
    ``regels.koppel``.

    ``rijen``: ``signalering.services.Matchrij`` with the ids the rows will get, no case, status
    "Nog niet opgepakt"; ``vandaag`` is the matchingsdatum, ``ontvangen_op`` the local day of
    receipt (the crisis term starts then). Returns the ``Matchuitkomst`` per id and the cases
    whose partner status must be passed on once the signals are stored (``terugkoppelen_na``).
    Call inside the delivery's transaction; the matching lock is then held until its commit.

    ``uitgesteld``: a dict kept by the caller for the whole delivery. Existing cases that get
    signals are then kept there and written once by ``schrijf_uitgestelde_zaken`` at the end, not
    per block (on PostgreSQL every rewrite of a case inside the one delivery transaction left a row
    version that could not be pruned before the commit: a file with hundreds of signals per
    household rewrote the same cases in every block).
    """
    _vergrendel()
    bron = bron or brp_module.bron()
    uitkomst, _oud, terugkoppelen, _telling = regels.koppel(
        rijen, bron, vandaag, {}, ontvangen_op, uitgesteld)
    return {u.id: u for u in uitkomst}, terugkoppelen


def schrijf_uitgestelde_zaken(uitgesteld: dict) -> None:
    """Write the existing cases ``koppel_nieuwe_signalen`` kept in ``uitgesteld`` (before the
    signals' partner status is passed on)."""
    zaakopslag.werk_zaken_bij(list(uitgesteld.values()))
    uitgesteld.clear()


def terugkoppelen_na(zaak_ids: list[int], vandaag: date) -> None:
    """A new signal in a case the workflow already moved gets that case's partner status now
    (docs/interfaces.md section 5: kept current as cases move), not "Nog niet opgepakt"."""
    if zaak_ids:
        terugkoppeling.bijwerken_zaken(zaak_ids, vandaag, alleen_nieuwe_signalen=True)


def niet_gematchte_ids(limiet: int | None = None, *, opnieuw_brp: bool = False) -> list[int]:
    """Signals without a case that can still get one (for the command). ``opnieuw_brp``: also
    the signals the BRP did not know (or knew as deceased) within the look-back period, e.g.
    after a BRP outage or a late registration."""
    vanaf = maanden_terug(timezone.localdate(), instellingen.terugkijken_maanden()) if opnieuw_brp else None
    return signalering.niet_gematchte_ids(limiet, geen_inwoner_vanaf=vanaf)


def haak() -> signalering.Matching:
    """What ``ZakenConfig.ready`` registers with signalering (``registreer_matching``)."""
    return signalering.Matching(
        match_signalen=match_signalen_met_telling,
        koppel_nieuwe_signalen=koppel_nieuwe_signalen,
        schrijf_uitgestelde_zaken=schrijf_uitgestelde_zaken,
        terugkoppelen_na=terugkoppelen_na,
        ververs_statistieken=zaakopslag.ververs_statistieken,
    )
