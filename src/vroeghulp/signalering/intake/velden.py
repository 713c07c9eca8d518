"""The fields of a signal (docs/interfaces.md section 4.2) and the column names we recognise in files."""

import re

# Canonical order: every channel turns a signal into a flat sequence in this order.
VELDEN = (
    "ID", "bedrag", "ontstaansdatum", "signaaldatum", "crisissignaal", "warmeOverdracht",
    "eindelevering", "klantnummer",
    "burgerservicenummer", "postcode", "huisnummer", "huisnummertoevoeging", "geboortedatum",
    "geslachtsaanduiding", "voorletters", "voorvoegsel", "achternaam", "straatnaam", "plaatsnaam",
    "telefoonnummer", "email",
)
CLIENT_VELDEN = VELDEN[8:]
SIGNAAL_VELDEN = VELDEN[:8]
(
    I_ID, I_BEDRAG, I_ONTSTAAN, I_SIGNAAL, I_CRISIS, I_WARM, I_EIND, I_KLANTNR,
    I_BSN, I_POSTCODE, I_HUISNR, I_TOEV, I_GEBDATUM, I_GESLACHT, I_VOORLETTERS, I_VOORVOEGSEL,
    I_ACHTERNAAM, I_STRAAT, I_PLAATS, I_TELEFOON, I_EMAIL,
) = range(len(VELDEN))

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
    """The index of the field a column header stands for, or None when we do not know it."""
    if not isinstance(naam, str):
        naam = "" if naam is None else str(naam)
    return KOPNAMEN.get(_sleutel(naam))
