"""Matching of a delivery: while storing (one write per signal) or by the hook after the commit;
a failure of either loses nothing."""

import dataclasses

import pytest

from vroeghulp.signalering import services
from vroeghulp.signalering.intake import opslag, verwerk_bestand
from vroeghulp.signalering.models import Vroegsignaal

CSV = b"ID;bedrag;ontstaansdatum;signaaldatum;postcode;huisnummer\nA1;412;03-12-2025;10-01-2026;3563AB;1\n"


def _vervang_matching(monkeypatch, **functies):
    """Replace functions of the matching hook the zaken app registered (``services.Matching``)."""
    monkeypatch.setattr(services, "_matching", dataclasses.replace(services.matching(), **functies))


@pytest.mark.django_db
def test_hook_calls_matching_once_and_survives_its_failure(energie, vaste_dag, settings, monkeypatch):
    """The deferred path (a remote BRP): the hook gets the ids once, after the commit."""
    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    monkeypatch.setattr(opslag, "matching_bij_opslag", lambda: None)
    aanroepen = []
    _vervang_matching(monkeypatch, match_signalen=lambda ids: aanroepen.append(list(ids)))
    verwerk_bestand(energie, CSV, kanaal="bestand")
    assert aanroepen == [list(Vroegsignaal.objects.values_list("id", flat=True))]

    def kapot(ids):
        raise RuntimeError("matching stuk")

    _vervang_matching(monkeypatch, match_signalen=kapot)
    rapport = verwerk_bestand(energie, CSV.replace(b"A1;412", b"A2;412"), kanaal="bestand")
    assert rapport.geaccepteerd == 1 and Vroegsignaal.objects.count() == 2

    settings.VROEGHULP_MATCHEN_NA_INTAKE = False
    _vervang_matching(monkeypatch, match_signalen=lambda ids: aanroepen.append(ids))
    verwerk_bestand(energie, CSV.replace(b"A1;412", b"A3;412"), kanaal="bestand")
    assert len(aanroepen) == 1
    assert opslag.roep_matching_aan is not None


@pytest.mark.django_db
def test_matching_while_storing_writes_the_case_and_survives_its_failure(energie, vaste_dag, settings, monkeypatch):
    from vroeghulp.signalering import brp
    from vroeghulp.zaken.models import Vroegsignaalzaak

    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    brp.gebruik_bron(brp.GeenBrp())
    aanroepen = []
    monkeypatch.setattr(opslag, "roep_matching_aan", lambda ids: aanroepen.append(list(ids)))
    try:
        verwerk_bestand(energie, CSV, kanaal="bestand")
        signaal = Vroegsignaal.objects.get()
        assert signaal.zaak is not None and signaal.huishoudsleutel == "A:3563AB1"
        assert signaal.zaak.huishoudsleutel == "A:3563AB1" and aanroepen == []

        def kapot(*args, **kwargs):
            Vroegsignaalzaak.objects.create(huishoudsleutel="half", matchingsdatum=vaste_dag,
                                            startdatum_matchingperiode=vaste_dag,
                                            einddatum_matchingperiode=vaste_dag)
            raise RuntimeError("matching stuk")

        _vervang_matching(monkeypatch, koppel_nieuwe_signalen=kapot)
        rapport = verwerk_bestand(energie, CSV.replace(b"A1;412", b"A2;412"), kanaal="bestand")
        nieuw = Vroegsignaal.objects.get(extern_id="A2")
        assert rapport.geaccepteerd == 1 and nieuw.zaak is None and nieuw.huishoudsleutel == "A:3563AB1"
        assert not Vroegsignaalzaak.objects.filter(huishoudsleutel="half").exists()  # savepoint rolled back
        assert aanroepen == [[nieuw.pk]]  # matched after the commit instead
    finally:
        brp.gebruik_bron(None)


@pytest.mark.django_db
def test_unknown_column_named_like_a_bsn_is_not_echoed(energie, vaste_dag, settings, monkeypatch):
    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    monkeypatch.setattr(opslag, "roep_matching_aan", lambda ids: None)
    data = CSV.replace(b"huisnummer\n", b"huisnummer;123456782;Opmerking\n").replace(b";1\n", b";1;x;y\n")
    rapport = verwerk_bestand(energie, data, kanaal="bestand")
    melding = rapport.als_dict()["waarschuwingen"][0]["melding"]
    assert "123456782" not in melding and "kolom 7" in melding and "Opmerking" in melding


def test_matching_while_storing_only_without_network(settings):
    """No HTTP calls to a Haal Centraal BRP while a delivery holds the write lock: with that source
    the intake matches after the commit; without BRP or with the local one, while storing."""
    from vroeghulp.signalering import brp

    try:
        brp.gebruik_bron(brp.HaalCentraalBrp("https://brp.example.nl/haalcentraal/api/brp"))
        assert opslag.matching_bij_opslag() is None
        for bron in (brp.GeenBrp(), brp.LokaleBrp()):
            brp.gebruik_bron(bron)
            assert opslag.matching_bij_opslag() is bron
        settings.VROEGHULP_MATCHEN_NA_INTAKE = False
        assert opslag.matching_bij_opslag() is None
    finally:
        brp.gebruik_bron(None)


@pytest.mark.django_db
@pytest.mark.parametrize("match", [True, False])
def test_warnings_are_stored_as_a_json_list(energie, vaste_dag, settings, match):
    """On PostgreSQL the signals go in by binary COPY with the JSON text passed through
    (pgarray.kopieer); on both databases the column holds a JSON array, not a JSON string."""
    from django.db import connection

    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    csv = CSV + b"A2;412;03-12-2025;10-01-2026;3563AB;2\n"
    csv = csv.replace(b"ID;", b"achternaam;ID;").replace(b"\nA1;", b"\n=Dijk;A1;").replace(b"\nA2;", b"\nDijk;A2;")
    rapport = verwerk_bestand(energie, csv, kanaal="bestand", match=match)
    assert rapport.geaccepteerd == 2
    opgeslagen = dict(Vroegsignaal.objects.values_list("extern_id", "waarschuwingen"))
    assert opgeslagen == {"A1": [{"veld": "client.achternaam", "code": "formule_teken"}], "A2": []}
    soort = "jsonb_typeof" if connection.vendor == "postgresql" else "json_type"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {soort}(waarschuwingen) FROM {Vroegsignaal._meta.db_table}")
        assert {r[0] for r in cursor.fetchall()} == {"array"}
