"""The one settings reader (``common.instellingen``): Django settings first, then the
environment, then the default; a value it cannot use stops with a Dutch message naming it."""

import subprocess
import sys
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured

from vroeghulp.common import instellingen

NAAM = "VROEGHULP_PROEF_INSTELLING"


@pytest.fixture(autouse=True)
def schoon(monkeypatch, settings):
    monkeypatch.delenv(NAAM, raising=False)
    if hasattr(settings, NAAM):
        delattr(settings, NAAM)


def test_django_setting_wins_over_the_environment(settings, monkeypatch):
    monkeypatch.setenv(NAAM, "7")
    setattr(settings, NAAM, "3")
    assert instellingen.geheel_getal(NAAM, 1) == 3


def test_environment_when_django_has_no_value(settings, monkeypatch):
    monkeypatch.setenv(NAAM, "7")
    assert instellingen.geheel_getal(NAAM, 1) == 7
    setattr(settings, NAAM, "")  # an empty setting counts as not set
    assert instellingen.geheel_getal(NAAM, 1) == 7


def test_default_when_neither_has_a_value(monkeypatch):
    assert instellingen.geheel_getal(NAAM, 1) == 1
    monkeypatch.setenv(NAAM, "")
    assert instellingen.tekst(NAAM, "maand") == "maand"
    assert instellingen.waarde(NAAM) is None


def test_types(settings, monkeypatch):
    monkeypatch.setenv(NAAM, " 50,25 ")
    assert instellingen.bedrag(NAAM, "0") == Decimal("50.25")
    assert instellingen.tekst(NAAM) == "50,25"
    for tekst, verwacht in [("1", True), ("ja", True), ("ON", True), ("0", False), ("nee", False),
                            ("false", False)]:
        monkeypatch.setenv(NAAM, tekst)
        assert instellingen.aan_uit(NAAM, not verwacht) is verwacht, tekst
    setattr(settings, NAAM, False)  # a Django setting may already be a bool
    assert instellingen.aan_uit(NAAM, True) is False


@pytest.mark.parametrize(("lezer", "tekst", "soort"), [
    (lambda: instellingen.geheel_getal(NAAM, 1), "zes", "een geheel getal"),
    (lambda: instellingen.geheel_getal(NAAM, 1), "6.5", "een geheel getal"),
    (lambda: instellingen.bedrag(NAAM, "1"), "vijftig", "een getal"),
    (lambda: instellingen.bedrag(NAAM, "1"), "NaN", "een getal"),
    (lambda: instellingen.aan_uit(NAAM, True), "misschien", "aan (1, ja) of uit (0, nee)"),
])
def test_a_bad_value_names_the_variable_in_dutch(monkeypatch, lezer, tekst, soort):
    monkeypatch.setenv(NAAM, tekst)
    with pytest.raises(ImproperlyConfigured) as fout:
        lezer()
    assert str(fout.value) == f"{NAAM} moet {soort} zijn, niet '{tekst}'. Pas de instelling aan."


def test_the_intake_and_matching_settings_use_it(settings, monkeypatch):
    from vroeghulp.signalering.intake import instellingen as intake
    from vroeghulp.zaken.matching import instellingen as matching

    settings.VROEGHULP_DREMPELBEDRAG = "veel"
    with pytest.raises(ImproperlyConfigured, match="VROEGHULP_DREMPELBEDRAG moet een getal zijn"):
        intake.drempelbedrag()
    monkeypatch.setenv("VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN", "een half jaar")
    with pytest.raises(ImproperlyConfigured, match="VROEGHULP_MATCHING_TERUGKIJKEN_MAANDEN moet een geheel getal"):
        matching.terugkijken_maanden()
    monkeypatch.setenv("VROEGHULP_MATCHEN_NA_INTAKE", "0")
    assert intake.matchen_na_intake() is False
    settings.VROEGHULP_POSTCODES_PC4 = "3511-35"
    with pytest.raises(ImproperlyConfigured, match="VROEGHULP_POSTCODES_PC4 moet PC4-reeksen bevatten"):
        intake.gemeente_pc4()


def test_works_without_django_settings():
    """A process without configured Django settings reads the environment and the defaults."""
    code = (
        "import os; os.environ.pop('DJANGO_SETTINGS_MODULE', None); os.environ['VROEGHULP_X'] = '12'\n"
        "from vroeghulp.common import instellingen\n"
        "print(instellingen.geheel_getal('VROEGHULP_X', 1), instellingen.tekst('VROEGHULP_Y', 'standaard'))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert uit.stdout.split() == ["12", "standaard"]
