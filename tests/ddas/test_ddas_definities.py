"""monitor.definities: which signals, cases and trajecten belong to a period, at the boundaries.

Each expectation follows from the definition in the module docstring (worked out per object in
the comments), not from running the code.
"""

from datetime import date

import pytest

from vroeghulp.monitor import definities
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import Uitstroomreden
from vroeghulp.schuldhulp.tests.factories import inwoner_in
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

VAN, TOT = date(2026, 3, 1), date(2026, 3, 31)


@pytest.mark.django_db
def test_signalen_by_signaaldatum_both_ends_included():
    zaak = ZaakFactory(matchingsdatum=date(2026, 2, 1))
    binnen = {SignaalFactory(zaak=zaak, signaaldatum=d).pk for d in (VAN, date(2026, 3, 15), TOT)}
    for d in (date(2026, 2, 28), date(2026, 4, 1)):  # the day before and the day after
        SignaalFactory(zaak=zaak, signaaldatum=d)
    assert set(definities.signalen(VAN, TOT).values_list("id", flat=True)) == binnen
    assert definities.aantal_signalen(VAN, TOT) == 3


@pytest.mark.django_db
def test_zaken_open_on_one_day_of_the_period():
    def zaak(matchingsdatum, afgerond=None):
        return ZaakFactory(matchingsdatum=matchingsdatum, datum_afgerond=afgerond).pk

    erin = {
        zaak(date(2026, 1, 10)),                     # still open: started before, never closed
        zaak(date(2026, 1, 10), date(2026, 3, 1)),   # closed on the first day: open that day
        zaak(date(2026, 3, 31)),                     # created on the last day
        zaak(date(2026, 3, 5), date(2026, 3, 20)),   # within
    }
    zaak(date(2026, 1, 10), date(2026, 2, 28))       # closed the day before
    zaak(date(2026, 4, 1))                           # created the day after
    assert set(definities.zaken(VAN, TOT).values_list("id", flat=True)) == erin


@pytest.mark.django_db
def test_trajecten_that_ran_on_one_day_of_the_period(consulent):
    wijk = consulent.teams.first().wijken.first()

    def traject(aanmelddatum, uitstroom=None):
        t = workflow.aanmelden(inwoner_in(wijk).pk, door=consulent, aanmeldingswijze="inloop",
                               aanmelddatum=aanmelddatum)
        if uitstroom:
            t = workflow.uitstromen(t, door=consulent, reden=Uitstroomreden.ZELF, datum=uitstroom)
        return t.pk

    erin = {traject(date(2025, 12, 1)), traject(date(2026, 2, 1), date(2026, 3, 1)),
            traject(date(2026, 3, 31))}
    traject(date(2026, 1, 1), date(2026, 2, 28))  # left the day before
    traject(date(2026, 4, 1))                     # registered the day after
    assert set(definities.trajecten(VAN, TOT).values_list("id", flat=True)) == erin
    telling = definities.tellingen(VAN, TOT)
    assert (telling.signalen, telling.zaken, telling.trajecten) == (0, 0, 3)


def test_maand_and_periode():
    assert definities.maand(2024, 2) == definities.Periode(date(2024, 2, 1), date(2024, 2, 29))  # leap year
    with pytest.raises(ValueError):
        definities.Periode(date(2026, 2, 1), date(2026, 1, 31))
