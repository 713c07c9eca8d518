"""The refused rows of a delivery per reason, stored once on the delivery (issue 13: so the
municipality can call the partner that delivers badly). Expected counts read off the CSV by hand."""

import datetime as dt

import pytest

from vroeghulp.signalering import cijfers
from vroeghulp.signalering.intake import verwerk_bestand
from vroeghulp.signalering.models import Aanlevering

KOP = b"ID;bedrag;ontstaansdatum;signaaldatum;postcode;huisnummer\n"


@pytest.mark.django_db
def test_delivery_stores_refused_rows_per_reason(energie, intake_instellingen, vaste_dag):
    csv = KOP + (
        b"A1;0;03-12-2025;10-01-2026;3563AB;1\n"  # amount 0: bedrag_niet_positief
        b"A2;0;03-12-2025;10-01-2026;3563AB;2\n"  # amount 0: bedrag_niet_positief
        b"A3;412;03-12-2025;10-01-2026;9999ZZ;1\n"  # 9999 is not a PC4 of the gemeente
        b"A4;412;03-12-2025;10-01-2026;3563AB;4\n"  # accepted
    )
    rapport = verwerk_bestand(energie, csv, kanaal="bestand")
    assert rapport.afgewezen == 3
    aanlevering = Aanlevering.objects.get()
    # 2 rows of one error and 1 of another
    assert aanlevering.afgewezen_per_reden == {"bedrag_niet_positief": 2, "postcode_buiten_gemeente": 1}
    assert aanlevering.aantal_afgewezen == 3


@pytest.mark.django_db
def test_row_with_two_errors_counts_under_both_and_a_clean_delivery_stores_none(
        energie, intake_instellingen, vaste_dag):
    csv = KOP + (
        b"B1;0;03-12-2025;10-01-2026;9999ZZ;1\n"  # two errors: amount 0 and postcode outside
        b"B2;412;03-12-2025;10-01-2026;3563AB;1;extra\n"  # more columns than the header
    )
    verwerk_bestand(energie, csv, kanaal="bestand")
    assert Aanlevering.objects.get().afgewezen_per_reden == {
        "bedrag_niet_positief": 1, "postcode_buiten_gemeente": 1, "kolommen_teveel": 1}
    verwerk_bestand(energie, KOP + b"C1;412;03-12-2025;10-01-2026;3563AB;1\n", kanaal="bestand")
    assert Aanlevering.objects.order_by("id").last().afgewezen_per_reden == {}


@pytest.mark.django_db
def test_refused_per_reason_summed_per_partner_and_month(energie, intake_instellingen, vaste_dag):
    verwerk_bestand(energie, KOP + b"A1;0;03-12-2025;10-01-2026;3563AB;1\nA2;0;03-12-2025;10-01-2026;3563AB;2\n"
                    b"A3;412;03-12-2025;10-01-2026;9999ZZ;1\n", kanaal="bestand")
    verwerk_bestand(energie, KOP + b"A5;0;03-12-2025;10-01-2026;3563AB;5\n", kanaal="bestand")
    maand = Aanlevering.objects.first().ontvangen.date().replace(day=1)
    # 2 + 1 rows with amount 0 over the two deliveries, 1 postcode outside the gemeente
    assert {(t.reden, t.aantal) for t in cijfers.afwijzingen_per_reden(maand)} == {
        ("bedrag_niet_positief", 3), ("postcode_buiten_gemeente", 1)}
    assert {t.partner_id for t in cijfers.afwijzingen_per_reden(maand)} == {energie.pk}
    assert cijfers.afwijzingen_per_reden(maand + dt.timedelta(days=32)) == []
    assert cijfers.afwijzingsreden("bedrag_niet_positief") == "Het bedrag moet groter zijn dan 0."
