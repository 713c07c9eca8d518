"""Feedback to partners (docs/interfaces.md section 5): the DDAS signal status of each signal of a case.

A partner learns one DDAS EnumSignaalstatus per signal and the date it last changed, nothing
else: never the reason behind "Niet opgepakt: andere reden", never what happened in the case.
The partner status API (signalering.api) serves ``Vroegsignaal.status``/``status_datum``;
every workflow transition calls ``bijwerken`` so those stay current. Zaken decides the status;
signalering writes it (``signalering.services.zet_status_per_zaak``: it owns the signals).

Mapping (decided here, documented in docs/zaken.md):

| zaak                                        | signal status for the partner            |
|---------------------------------------------|------------------------------------------|
| nieuw                                       | Nog niet opgepakt                        |
| opgepakt / contact gelegd / hulp aangeboden | Opgepakt                                 |
| afgerond, any worked result                 | Opgepakt                                 |
| afgerond or niet opgepakt with "Inwoner al bekend bij schuldhulpverlening", "Inwoner is overleden", "Persoon is geen inwoner (meer) in de gemeente" | the same value (1:1) |
| niet opgepakt: herhaalde melding / onterecht signaal / andere reden | the same value (no reason) |
"""

from collections import defaultdict

from django.utils import timezone

from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.models import Signaalstatus
from vroeghulp.zaken.models import Eindresultaat, Vroegsignaalzaak, Zaakstatus

EEN_OP_EEN = {
    Eindresultaat.AL_BEKEND: Signaalstatus.AL_BEKEND,
    Eindresultaat.OVERLEDEN: Signaalstatus.OVERLEDEN,
    Eindresultaat.GEEN_INWONER: Signaalstatus.GEEN_INWONER,
    Eindresultaat.HERHAALDE_MELDING: Signaalstatus.HERHAALDE_MELDING,
    Eindresultaat.ONTERECHT: Signaalstatus.ONTERECHT,
    Eindresultaat.ANDERE_REDEN: Signaalstatus.ANDERE_REDEN,
}


def signaalstatus(status: str, resultaat: str = "") -> str:
    """The DDAS signal status a partner sees for a case in this state with this result."""
    if status == Zaakstatus.NIEUW:
        return Signaalstatus.NOG_NIET_OPGEPAKT
    if resultaat in EEN_OP_EEN:
        return EEN_OP_EEN[resultaat]
    if status == Zaakstatus.NIET_OPGEPAKT:
        # A niet-opgepakt case always has one of the reasons above; be safe if not.
        return Signaalstatus.ANDERE_REDEN
    return Signaalstatus.OPGEPAKT


def bijwerken(zaak, datum=None) -> int:
    """Set the status of every signal of the case; only changed signals get a new date.

    Returns the number of signals whose status changed. Call inside the transition's transaction.
    """
    nieuw = signaalstatus(zaak.status, zaak.resultaat)
    return signalering.zet_status_per_zaak({nieuw: [zaak.pk]}, datum or timezone.localdate())


def bijwerken_zaken(zaak_ids, datum=None, *, alleen_nieuwe_signalen: bool = False) -> int:
    """Set-based ``bijwerken`` for many cases (matching, after linking new signals to existing
    cases; the demo). A signal that joins a case already picked up gets "Opgepakt" at once.

    ``alleen_nieuwe_signalen``: touch only signals still "Nog niet opgepakt", so a repeat that
    matching marked "Niet opgepakt: herhaalde melding" keeps that answer."""
    per_status = defaultdict(list)
    for pk, status, resultaat in Vroegsignaalzaak.objects.filter(pk__in=list(zaak_ids)).values_list(
            "id", "status", "resultaat"):
        per_status[signaalstatus(status, resultaat)].append(pk)
    return signalering.zet_status_per_zaak(per_status, datum or timezone.localdate(),
                                           alleen_nieuwe_signalen=alleen_nieuwe_signalen)
