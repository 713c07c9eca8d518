"""The amount field of the schuldhulp forms reads amounts as people write them (one reader for
forms, deliveries and debt lists: signalering.intake.normaliseren.bedrag)."""

from decimal import Decimal

import pytest
from django import forms

from vroeghulp.schuldhulp.forms import BedragVeld


@pytest.mark.parametrize("tekst, bedrag", [
    ("1.250,50", "1250.50"), ("1250,50", "1250.50"), ("1250.50", "1250.50"), ("€ 1.250,-", "1250.00"),
    ("2.300", "2300.00"),  # a dot with three digits groups thousands: 2.300 is two thousand three hundred
    ("1.234.567,89", "1234567.89"), (" 12 ", "12.00"), ("12,5", "12.50"),
])
def test_bedragen_zoals_mensen_ze_schrijven(tekst, bedrag):
    assert BedragVeld().clean(tekst) == Decimal(bedrag)


@pytest.mark.parametrize("tekst, melding", [
    ("veel", "Vul een bedrag in, bijvoorbeeld 1250,00."),
    ("12,345", "Vul hooguit 2 cijfers na de komma in."),
    ("1e5", "Vul een bedrag in, bijvoorbeeld 1250,00."),
    ("99999999999", "Dit bedrag is te hoog."),
    ("0", "Vul een bedrag in van meer dan 0 euro."),
    ("-3", "Vul een bedrag in van meer dan 0 euro."),
])
def test_geen_bedrag_geeft_de_reden(tekst, melding):
    with pytest.raises(forms.ValidationError) as fout:
        BedragVeld().clean(tekst)
    assert fout.value.messages == [melding]


def test_nul_mag_waar_het_mag():
    veld = BedragVeld(nul_mag=True)
    assert veld.clean("0") == Decimal("0.00") and veld.clean("0,00") == Decimal("0.00")
    with pytest.raises(forms.ValidationError, match="0 euro of meer"):
        veld.clean("-0,01")


def test_grens_van_het_veld():
    veld = BedragVeld(max_bedrag=Decimal("100"))
    assert veld.clean("100,00") == Decimal("100.00")
    with pytest.raises(forms.ValidationError, match="te hoog"):
        veld.clean("100,01")
