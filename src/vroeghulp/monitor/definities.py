"""Which vroegsignalen, vroegsignaalzaken and schuldhulptrajecten belong to a period: the ONE
place that says it, for the DDAS deliveries to CBS (``monitor.ddas``) and the monitor's screens
(the funnel), so that they never disagree.

A period is ``van`` up to and including ``tot`` (two dates), as the DDAS Uitwisselmodel's
``startdatumLevering`` / ``einddatumLevering``: "De begindatum / einddatum van de periode waarover
gerapporteerd wordt binnen de levering" (DDAS vroegsignalering v1.2 and schuldhulpverlening v1.0,
``json_schema_Uitwisselmodel.json``).

Public functions (names and signatures are stable; other modules build on them):

- ``signalen(van, tot)`` -> queryset of the vroegsignalen of the period;
- ``zaken(van, tot)`` -> queryset of the vroegsignaalzaken of the period;
- ``trajecten(van, tot)`` -> queryset of the schuldhulptrajecten of the period;
- ``aantal_signalen / aantal_zaken / aantal_trajecten(van, tot) -> int``;
- ``tellingen(van, tot) -> Periodetelling`` (the three counts in one record);
- ``maand(jaar, maand) -> Periode`` and ``Periode`` (van, tot) for callers that count by month.

The definitions, and the passage of the standard each rests on:

1. **Vroegsignaal: its signaaldatum is in the period.** The standard dates a signal by
   ``signaaldatum``: "Datum waarop de signaalpartner het signaal heeft verstuurd" (vroegsignalering
   v1.2, ``Vroegsignaal.signaaldatum``), and a levering is "de verzameling van vroegsignalen en
   vroegsignaalzaken die over een bepaalde periode worden aangeleverd". So a signal is delivered
   once, in the period of the date it carries, and CBS can check that from the delivery alone
   (every ``signaaldatum`` lies between start- and einddatumLevering). Consecutive periods never
   deliver a signal twice.
2. **Vroegsignaalzaak: open on at least one day of the period**, i.e. created by matching on or
   before ``tot`` (``matchingsdatum``: "De datum waarop de matching wordt uitgevoerd") and not
   closed before ``van`` (``datum_afgerond``, set when the case is afgerond or niet opgepakt).
   The standard describes the zaak as the unit that "omvat alle handelingen die de gemeente
   verricht naar aanleiding van het ontvangen vroegsignaal" (``Vroegsignaalzaak``): its
   contactpogingen, datumOpgepakt and resultaat are what the gemeente did, so a zaak is delivered
   in every period in which it was being handled, with its state at the time of delivery; that
   is how the final ``resultaat`` of a case that started in an earlier period reaches CBS. A zaak
   refers to its signals by ``ID``; signals of an earlier period were in the delivery of that
   period (definition 1).
3. **Schuldhulptraject: ran on at least one day of the period**: aanmelding (``startdatum``) on
   or before ``tot`` and no uitstroom before ``van``. The Q&A of schuldhulpverlening v1.0
   ("Overlap in de schuldhulptrajecten in de aanlevering aan CBS"): "Als er overlap in de tijd is
   in de aangeleverde informatie, dan wordt dit samengevoegd tot één (deel)traject", with the
   example of one begeleiding delivered over 2023 and again over 2024. So a running traject is
   delivered in every period it runs with the same dates, and CBS joins the parts; the rule is
   ``schuldhulp.ddas.trajecten_in_periode`` (the schuldhulp app's read of its own table).

Within one delivery every object of the period occurs exactly once (tests/test_ddas_*).
The monitor reads through the owners' services (import contract ``monitor-leest``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from vroeghulp.schuldhulp import ddas as schuldhulp_ddas
from vroeghulp.signalering import services as signalering
from vroeghulp.zaken import services as zaken_services


@dataclass(frozen=True)
class Periode:
    """``van`` up to and including ``tot``."""

    van: date
    tot: date

    def __post_init__(self):
        if self.tot < self.van:
            raise ValueError("De einddatum ligt voor de begindatum.")


@dataclass(frozen=True)
class Periodetelling:
    """How many objects of each kind belong to one period (the definitions above)."""

    van: date
    tot: date
    signalen: int
    zaken: int
    trajecten: int


def maand(jaar: int, maand_nr: int) -> Periode:
    """The calendar month as a period (first up to and including last day)."""
    laatste = calendar.monthrange(jaar, maand_nr)[1]
    return Periode(date(jaar, maand_nr, 1), date(jaar, maand_nr, laatste))


def signalen(van: date, tot: date):
    """Definition 1: the vroegsignalen whose signaaldatum lies in [van, tot]."""
    return signalering.signalen_met_signaaldatum(van, tot)


def zaken(van: date, tot: date):
    """Definition 2: the vroegsignaalzaken open on at least one day of [van, tot]."""
    return zaken_services.zaken_lopend_in(van, tot)


def trajecten(van: date, tot: date):
    """Definition 3: the schuldhulptrajecten that ran on at least one day of [van, tot]."""
    return schuldhulp_ddas.trajecten_in_periode(van, tot)


def aantal_signalen(van: date, tot: date) -> int:
    return signalen(van, tot).count()


def aantal_zaken(van: date, tot: date) -> int:
    return zaken(van, tot).count()


def aantal_trajecten(van: date, tot: date) -> int:
    # without the prefetch and select_related of the delivery's queryset: a count needs neither
    return trajecten(van, tot).select_related(None).prefetch_related(None).order_by().count()


def tellingen(van: date, tot: date) -> Periodetelling:
    """The counts of the period: what the DDAS deliveries contain and what the funnel shows."""
    return Periodetelling(van=van, tot=tot, signalen=aantal_signalen(van, tot),
                          zaken=aantal_zaken(van, tot), trajecten=aantal_trajecten(van, tot))
