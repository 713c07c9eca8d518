"""The fields of a signal (docs/interfaces.md section 4.2) and the column names we recognise in files."""

import datetime as dt
import functools
import re
from collections import namedtuple
from decimal import Decimal
from typing import NamedTuple


class Signaal(NamedTuple):
    """One signal as the checks passed it (``controles``), through matching and storing. The field
    order is defined here only: the column order of the INSERT/COPY (``opslag``), the field order
    of a row as read (``Ruwsignaal``) and the contract's names (``VELDEN``) derive from it. The
    names are the columns of ``Vroegsignaal``; ``VELDEN`` holds the names partners use."""

    extern_id: str
    bedrag: Decimal
    ontstaansdatum: dt.date | None
    signaaldatum: dt.date
    crisissignaal: bool
    warme_overdracht: bool
    eindelevering: bool
    klantnummer: str
    # the client (inwoner)
    bsn: str
    postcode: str
    huisnummer: str
    huisnummertoevoeging: str
    geboortedatum: dt.date | None
    geslachtsaanduiding: str
    voorletters: str
    voorvoegsel: str
    achternaam: str
    straatnaam: str
    plaatsnaam: str
    telefoonnummer: str
    email: str

    def __reduce__(self):
        # The second reading process (``parallel``) sends checked records to this one: rebuilt
        # with tuple.__new__ they unpickle as fast as plain tuples (the default calls the
        # generated __new__ with 21 arguments per record: 0.6 s more per 200,000 signals).
        return als_signaal, (tuple(self),)


# A Signaal from values in the order of its fields: ``_make`` without its Python-level length check
# (the hot path builds one per row from exactly that many values).
als_signaal = functools.partial(tuple.__new__, Signaal)

# A signal as read from a file or a request, before any check: every field the value as sent
# (any type, None when absent), in the fields of ``Signaal``.
Ruwsignaal = namedtuple("Ruwsignaal", Signaal._fields, defaults=(None,) * len(Signaal._fields))
als_ruwsignaal = functools.partial(tuple.__new__, Ruwsignaal)  # as ``als_signaal``

# The names in the contract (JSON keys, file headers) where they differ from the column names.
_CONTRACTNAMEN = {"extern_id": "ID", "warme_overdracht": "warmeOverdracht", "bsn": "burgerservicenummer"}
VELDEN = tuple(_CONTRACTNAMEN.get(veld, veld) for veld in Signaal._fields)
_CLIENT_VANAF = Signaal._fields.index("bsn")
SIGNAAL_VELDEN = VELDEN[:_CLIENT_VANAF]
CLIENT_VELDEN = VELDEN[_CLIENT_VANAF:]

# The name used in ``fouten[].veld``: client fields get the ``client.`` prefix (as in the JSON).
VELDNAAM = tuple(f"client.{v}" if v in CLIENT_VELDEN else v for v in VELDEN)


def _sleutel(naam: str) -> str:
    naam = naam.strip().strip("\ufeff").strip().lower()
    if naam.startswith("client."):
        naam = naam[7:]
    return re.sub(r"[^a-z0-9]", "", naam)


# Extra names that partners' systems and spreadsheets use (compared without case, spaces, - _ .).
ALIASSEN = {
    "ID": ["id", "signaalid", "kenmerk", "referentie", "signaalnummer"],
    "bedrag": ["bedragachterstand", "achterstand", "achterstandsbedrag", "openstaandbedrag", "schuld"],
    "ontstaansdatum": ["datumontstaan", "ontstaan", "startachterstand", "datumachterstand"],
    "signaaldatum": ["datumsignaal", "signaleringsdatum", "datum"],
    "crisissignaal": ["crisis"],
    "warmeOverdracht": ["warmeoverdracht"],
    "eindelevering": ["eindlevering", "einddatumlevering"],
    "klantnummer": ["klantnr", "debiteurnummer", "debiteurnr", "contractnummer"],
    "burgerservicenummer": ["bsn", "burgerservicenr", "sofinummer"],
    "postcode": ["pc"],
    "huisnummer": ["huisnr", "nummer"],
    "huisnummertoevoeging": ["toevoeging", "huisnrtoevoeging", "huisnummertoev", "huisletter"],
    "geboortedatum": ["gebdatum", "geboortedat"],
    "geslachtsaanduiding": ["geslacht"],
    "voorletters": ["initialen"],
    "voorvoegsel": ["tussenvoegsel", "tussenvoegsels"],
    "achternaam": ["geslachtsnaam"],
    "straatnaam": ["straat"],
    "plaatsnaam": ["woonplaats", "plaats"],
    "telefoonnummer": ["telefoon", "tel", "telefoonnr", "mobiel", "mobielnummer"],
    "email": ["emailadres", "mail"],
}

KOPNAMEN: dict[str, int] = {}
for _index, _veld in enumerate(VELDEN):
    KOPNAMEN[_sleutel(_veld)] = _index
    for _alias in ALIASSEN.get(_veld, []):
        KOPNAMEN[_sleutel(_alias)] = _index


def veld_voor_kop(naam) -> int | None:
    """The position in ``Signaal`` of the field a column header stands for, or None when we do
    not know it (the reader picks a file's cells into a ``Ruwsignaal`` by these positions)."""
    if not isinstance(naam, str):
        naam = "" if naam is None else str(naam)
    return KOPNAMEN.get(_sleutel(naam))
