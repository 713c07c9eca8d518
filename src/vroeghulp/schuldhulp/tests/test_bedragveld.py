"""The amount field of the schuldhulp forms reads amounts as people write them (one reader for
forms, deliveries and debt lists: signalering.intake.normaliseren.bedrag)."""

from decimal import Decimal

import pytest
from django import forms

from vroeghulp.schuldhulp.forms import BedragVeld, TekstVeld


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
    ("99999999999", "Dit bedrag is te hoog: hooguit 1.000.000.000 euro."),
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


@pytest.mark.parametrize("tekst", ["9" * 5000, "1" + "0" * 400, "99.999.999.999,99"])
def test_enorme_getallen_zijn_te_hoog_met_de_grens_erbij(tekst):
    with pytest.raises(forms.ValidationError) as fout:
        BedragVeld().clean(tekst)
    assert fout.value.messages == ["Dit bedrag is te hoog: hooguit 1.000.000.000 euro."]


def test_grens_met_centen_in_de_melding():
    with pytest.raises(forms.ValidationError) as fout:
        BedragVeld(max_bedrag=Decimal("99999999.99")).clean("100.000.000")
    assert fout.value.messages == ["Dit bedrag is te hoog: hooguit 99.999.999,99 euro."]


# --- text fields: the intake's check for characters no text may hold ------------------------------

@pytest.mark.parametrize("tekst", ["Loon\x00", "\x00", "Eneco \ud800", "\udfff", "x\ufffe"])
def test_tekstveld_weigert_nul_en_losse_surrogaten(tekst):
    veld = TekstVeld(label="Omschrijving", max_length=120)
    with pytest.raises(forms.ValidationError) as fout:
        veld.clean(tekst)
    assert fout.value.messages == [
        "Omschrijving bevat een teken dat geen tekst is (bijvoorbeeld een nul-teken). Haal het weg en probeer het opnieuw."]


def test_tekstveld_laat_gewone_tekst_door():
    veld = TekstVeld(label="Schuldeiser", max_length=120)
    assert veld.clean("  Café De Zwaan – Ühlenbeck 😀 ") == "Café De Zwaan – Ühlenbeck 😀"


@pytest.mark.parametrize("module, form, veld", [
    ("vroeghulp.schuldhulp.forms", "StapForm", "toelichting"),
    ("vroeghulp.schuldhulp.forms", "ChecklistForm", "omschrijving"),
    ("vroeghulp.schuldhulp.views.schulden", "SchuldForm", "schuldeiser"),
    ("vroeghulp.schuldhulp.views.schulden", "SchuldForm", "kenmerk"),
    ("vroeghulp.schuldhulp.views.schulden", "SchuldForm", "toelichting"),
    ("vroeghulp.schuldhulp.views.stabilisatie", "PostForm", "omschrijving"),
    ("vroeghulp.schuldhulp.views.stabilisatie", "PauzeForm", "toelichting"),
    ("vroeghulp.schuldhulp.berichten_forms", "ReactieForm", "toelichting"),
    ("vroeghulp.schuldhulp.berichten_forms", "SjabloonForm", "onderwerp"),
    ("vroeghulp.schuldhulp.berichten_forms", "SjabloonForm", "tekst"),
    ("vroeghulp.schuldhulp.regeling_forms", "AfloscapaciteitForm", "reden"),
    ("vroeghulp.schuldhulp.regeling_forms", "AntwoordForm", "toelichting"),
])
def test_elk_tekstveld_van_schuldhulp_weigert_een_nul_teken(module, form, veld):
    import importlib

    klasse = getattr(importlib.import_module(module), form)
    kwargs = {"schuldeisers": []} if form == "PauzeForm" else {}
    ingevuld = klasse({veld: "a\x00b"}, **kwargs)
    assert not ingevuld.is_valid()
    assert "bevat een teken dat geen tekst is" in " ".join(ingevuld.errors[veld])


def test_elk_bedragveld_van_schuldhulp_is_het_ene_bedragveld():
    # Every amount field of every schuldhulp form is forms.BedragVeld (one reader, one set of messages).
    import importlib
    import inspect

    from django.forms import DecimalField, FloatField

    gevonden = 0
    for module in ("vroeghulp.schuldhulp.forms", "vroeghulp.schuldhulp.views.schulden",
                   "vroeghulp.schuldhulp.views.stabilisatie", "vroeghulp.schuldhulp.berichten_forms",
                   "vroeghulp.schuldhulp.regeling_forms", "vroeghulp.schuldhulp.views.aanmelden"):
        for _naam, klasse in inspect.getmembers(importlib.import_module(module), inspect.isclass):
            if issubclass(klasse, forms.BaseForm) and klasse.__module__ == module:
                for veld in klasse.base_fields.values():
                    assert not isinstance(veld, (DecimalField, FloatField)), (klasse, veld)
                    gevonden += isinstance(veld, BedragVeld)
    assert gevonden == 16  # schulden 2, stabilisatie 6 (budget 1, beslagvrije voet 5), berichten 1, regeling 7 (vtlb 6, afloscapaciteit 1)
