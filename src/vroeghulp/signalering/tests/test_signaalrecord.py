"""The typed signal record: one definition of the fields, whose names are the columns that
store them and whose contract names are those of docs/interfaces.md section 4.2."""

import datetime as dt
import pickle
from decimal import Decimal

from vroeghulp.signalering.intake import opslag
from vroeghulp.signalering.intake.velden import CLIENT_VELDEN, SIGNAAL_VELDEN, VELDEN, Ruwsignaal, Signaal
from vroeghulp.signalering.models import Vroegsignaal
from vroeghulp.signalering.services import MATCHVELDEN, Matchrij, Matchuitkomst

KOLOMMEN = {f.attname for f in Vroegsignaal._meta.concrete_fields}


def test_contract_names_in_the_order_of_the_contract():
    # docs/interfaces.md section 4.2: the signal's fields, then the client's
    assert SIGNAAL_VELDEN == ("ID", "bedrag", "ontstaansdatum", "signaaldatum", "crisissignaal", "warmeOverdracht",
                              "eindelevering", "klantnummer")
    assert CLIENT_VELDEN == ("burgerservicenummer", "postcode", "huisnummer", "huisnummertoevoeging",
                             "geboortedatum", "geslachtsaanduiding", "voorletters", "voorvoegsel", "achternaam",
                             "straatnaam", "plaatsnaam", "telefoonnummer", "email")
    assert VELDEN == SIGNAAL_VELDEN + CLIENT_VELDEN
    assert Ruwsignaal._fields == Signaal._fields


def test_every_field_of_the_records_is_a_column_of_vroegsignaal():
    for record in (Signaal, opslag.Opslagvelden, Matchrij, Matchuitkomst):
        assert set(record._fields) <= KOLOMMEN, record.__name__
    assert set(opslag._KOLOMMEN + opslag._GEMATCHT) <= KOLOMMEN
    assert set(opslag._BIJWERKEN) <= KOLOMMEN - {"extern_id", "id", "zaak_id", "status"}
    assert MATCHVELDEN == Matchrij._fields
    # an INSERT names each column once, the record's first
    assert len(set(opslag._KOLOMMEN + opslag._GEMATCHT)) == len(opslag._KOLOMMEN + opslag._GEMATCHT)
    assert opslag._KOLOMMEN[:len(Signaal._fields)] == Signaal._fields


def test_a_record_read_as_it_was_sent():
    rij = Ruwsignaal(extern_id="E-1")  # a row that could not be split: only its ID
    assert rij.extern_id == "E-1" and rij.bedrag is None and rij.email is None


def test_a_record_survives_the_trip_to_the_second_reading_process():
    record = Signaal(
        extern_id="E-1", bedrag=Decimal("412.50"), ontstaansdatum=dt.date(2025, 12, 3),
        signaaldatum=dt.date(2026, 1, 10), crisissignaal=False, warme_overdracht=True, eindelevering=False,
        klantnummer="88812", bsn="123456782", postcode="3563AB", huisnummer="12", huisnummertoevoeging="BIS",
        geboortedatum=None, geslachtsaanduiding="V", voorletters="A.", voorvoegsel="van", achternaam="Dijk",
        straatnaam="Eikstraat", plaatsnaam="Utrecht", telefoonnummer="0612345678", email="a@example.nl",
    )
    terug = pickle.loads(pickle.dumps([record], protocol=pickle.HIGHEST_PROTOCOL))[0]
    assert type(terug) is Signaal
    assert terug == record and terug.bedrag == Decimal("412.50") and terug.warme_overdracht is True


def test_the_matchrij_of_a_new_signal_takes_each_value_from_its_own_field():
    """``nieuwe_matchrij`` builds positionally for speed: every field must get its own value."""
    from vroeghulp.signalering.services import nieuwe_matchrij

    record = Signaal._make(f"waarde-{veld}" for veld in Signaal._fields)
    rij = nieuwe_matchrij(7, record, "herhaling", "vorig", "status", "datum")
    verwacht = {veld: f"waarde-{veld}" for veld in Matchrij._fields if veld in Signaal._fields}
    verwacht.update(id=7, huishoudsleutel="", herhaling="herhaling", vorig_bedrag="vorig", zaak_id=None,
                    status="status", wijk_id=None, inwoner_id=None, status_datum="datum")
    assert rij._asdict() == verwacht


def test_the_intake_stores_each_value_in_its_own_column():
    """``Opslagvelden`` is built positionally for speed (``_opslagvelden``): each value in its field."""
    from types import SimpleNamespace

    schrijver = SimpleNamespace(partner_id=3, aanlevering_id=4, ontvangen="ontvangen")
    nieuw = opslag._Nieuw(record=None, waarschuwingen=[("client.email", "email_ongeldig")], vorig_bedrag=Decimal(9),
                          herhaling=True)
    velden = opslag._Schrijver._opslagvelden(schrijver, nieuw, "A:3511AB1", "status", dt.date(2026, 1, 2))
    assert velden._asdict() == {
        "huishoudsleutel": "A:3511AB1", "waarschuwingen": '[{"veld": "client.email", "code": "email_ongeldig"}]',
        "partner_id": 3, "aanlevering_id": 4, "ontvangen": "ontvangen", "herhaling": True,
        "toestemming_inwoner": False, "status": "status", "status_datum": dt.date(2026, 1, 2),
        "vorig_bedrag": Decimal(9),
    }
