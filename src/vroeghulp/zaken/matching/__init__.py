"""Matching of vroegsignalen into vroegsignaalzaken (DDAS Vroegsignaalzaak).

Matching creates and updates cases, so it lives with their owner, zaken
(docs/adr/0002-matching-bij-zaken.md). Signalering, a layer below, calls it through the hook
``signalering.services.Matching`` that ``ZakenConfig.ready`` registers (``ingangen.haak``);
what matching writes on signals goes through ``signalering.services``.

Modules
- ``ingangen``: the entry points. ``koppel_nieuwe_signalen(rijen, ...)`` is called by the intake
  for each block *before* its INSERT (one write per signal), when the BRP source needs no
  network; ``match_signalen(signaal_ids)`` matches stored signals: after the commit of an API
  delivery or with a remote BRP, repeats that updated older signals, and ``vroeghulp signalen
  matchen`` for everything not matched yet. Both run the same rules (``regels.koppel``).
- ``regels``: the rules below (signals in as ``signalering.services.Matchrij``, out as
  ``Matchuitkomst``); ``zaakopslag``: reading, creating and updating cases;
  ``periodes``: matching period and look-back; ``wijken``: postcode → wijk;
  ``instellingen``: the settings. The database-specific SQL is ``common.sql``.
- The household key is ``signalering.huishoudsleutel`` (the intake writes it for every signal).

Rules (retention: ``zaken.bewaartermijnen`` and docs/adr/0001-bewaartermijnen.md):

1. **Household key** (``signalering.huishoudsleutel``, max 40 characters). The household is the address:
   ``A:<postcode><huisnummer>-<huisletter+toevoeging>`` (postcode without space, upper case;
   house number without leading zeros; letter and addition upper case, only letters and digits,
   so ``12 bis``, ``12-BIS`` and ``12, toevoeging Bis`` meet; the intake's key has the same
   form). When the BRP finds the person by BSN, the key is built from the **BRP address**, so a BSN signal (zorgverzekeraar) and an address signal
   (verhuurder, energie) of the same household land in one case. Without a usable address (BSN
   only, no BRP check) the key is ``B:`` + a keyed hash of the BSN (no BSN in the key: the key
   also lives on the case and in worklists); the same pseudonym as the intake's. Rotating
   ``SECRET_KEY`` changes these keys (BSN-only households then start a new history).
2. **BRP check** (``signalering.brp``): a BSN the BRP does not know as resident →
   status "Persoon is geen inwoner (meer) in de gemeente", no case; a deceased person →
   "Inwoner is overleden", no case. Signals with only an address are not checked against the
   BRP (the partner's address is the household). ``Vroegsignaal.wijk`` comes from the BRP
   address, else from the ``gebieden.Postcode`` table (postcode → buurt → wijk), else from a
   known address with that postcode; the case gets the wijk of its first signal that has one, so
   the worklist access control (per wijk) works. Each BRP check writes one audit event per chunk
   (actie ``lezen``, counts only).
3. **Matching period**: the calendar month of the signaaldatum (``VROEGHULP_MATCHINGPERIODE=
   maand``; ``week`` = ISO week is the alternative). The market (RIS) matches monthly.
   ``matchingsdatum`` is the day the matching ran (DDAS: "De datum waarop de matching wordt
   uitgevoerd").
4. **Classification** (DDAS/Divosa categories; they exclude each other):
   - a signal joins the **open** case of the same household whose period contains its
     signaaldatum → that case becomes **meervoudig** (several signals in one period);
   - otherwise a new case; **opeenvolgend** when the household had a case in the previous
     6 months (``VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN``): a case whose period ends on or after
     signaaldatum − 6 months and starts before this period (or a closed case in this same
     period); else **enkelvoudig**.
   - opeenvolgend wins over meervoudig: a consecutive case stays opeenvolgend when a second
     signal joins it (the history is the stronger fact for outreach).
5. **Repeats**: the intake sets ``herhaling`` and ``vorig_bedrag`` when a partner sends the same
   ``ID`` again. A repeat whose amount did not grow (bedrag ≤ vorig_bedrag) gets status
   "Niet opgepakt: herhaalde melding" (Divosa: a repeat is only picked up when the arrears grew).
   When such signals are all a new case has, the case is created closed: status
   ``niet_opgepakt``, resultaat "Niet opgepakt: herhaalde melding". A repeat with a higher
   amount is matched again like a new signal (it can start a new, consecutive case).
6. **Crisis**: ``crisissignaal`` → the case is a crisis case with a deadline of 3 working days
   (Wgs art. 4 lid 2; ``signalering.werkdagen``: weekends and the algemeen erkende feestdagen of
   the Algemene termijnenwet art. 3) after the day the signal was **received** (``ontvangen``,
   local date): the Wgs term runs from when the college has the signal (art. 4 lid 1 onder b,
   "het college een signaal ... heeft ontvangen"), not from the partner's signaaldatum.
   **Eindelevering** (energy end of supply, Stcrt. 2023, 10020): not automatically a
   bedreigende situatie; an eindelevering without an earlier signal counts as a regular signal
   (domain notes, vroegsignalering.md). When the household does have an earlier signal (in the
   same case or a case in the look-back), the eindelevering is the announced end of supply
   ("beëindiging van de levering van gas, elektriciteit", Wgs art. 4 lid 2) and the case becomes
   a crisis case.

Deadlines of new cases follow ``zaken.termijnen`` (crisis: first contact; otherwise the norm for
an offer of help); an existing case only gets new deadlines when a signal makes it a crisis case.

Performance: set-based per chunk (default 5,000 signals): one query for the signals, one BRP
call/query, one audit event, one or two for postcode → wijk, one for the existing cases of all
keys in the chunk, new cases in multi-row INSERTs (SQLite) or one COPY with ids from the sequence
(PostgreSQL), changed cases and signals per set of changed columns (only changed columns are
written) one ``executemany`` (SQLite) or one ``UPDATE ... FROM unnest(arrays)`` (PostgreSQL;
signals through ``signalering.services.schrijf_matchuitkomsten``). No per-row queries; at most
14 statements for a chunk of 1,000 (tested).
"""

from __future__ import annotations

from vroeghulp.zaken.matching.ingangen import (
    haak,
    koppel_nieuwe_signalen,
    match_signalen,
    match_signalen_met_telling,
    niet_gematchte_ids,
    schrijf_uitgestelde_zaken,
    terugkoppelen_na,
)
from vroeghulp.zaken.matching.instellingen import CHUNK, terugkijken_maanden
from vroeghulp.zaken.matching.periodes import matchingperiode

__all__ = [
    "CHUNK", "haak", "koppel_nieuwe_signalen", "match_signalen", "match_signalen_met_telling",
    "matchingperiode", "niet_gematchte_ids", "schrijf_uitgestelde_zaken", "terugkijken_maanden",
    "terugkoppelen_na",
]
