"""Machine codes of the intake checks with their Dutch message (B1).

A row error (``fouten``) rejects the row; a warning (``waarschuwingen``) keeps it. The choice per
check and its legal source are documented in docs/signalering.md. Messages never contain the
value that was sent (a BSN must not be echoed).
"""

from django.utils.translation import gettext_lazy as _

MELDINGEN = {
    # the signal itself
    "kolommen_teveel": _(
        "Deze regel heeft meer kolommen dan de kopregel. Staat er een scheidingsteken in een waarde zonder aanhalingstekens?"
    ),
    "signaal_geen_object": _("Dit signaal is geen object met velden."),
    "id_verplicht": _("Het ID ontbreekt. Geef elk signaal uw eigen, unieke ID."),
    "id_te_lang": _("Het ID is te lang (maximaal 100 tekens)."),
    "id_ongeldig": _("Het ID bevat tekens die niet zijn toegestaan (stuurtekens, ongeldige tekens of een formule)."),
    "waarde_type": _("Deze waarde heeft het verkeerde soort (bijvoorbeeld een lijst in plaats van tekst)."),
    "bedrag_verplicht": _("Het bedrag van de achterstand ontbreekt."),
    "bedrag_ongeldig": _("Het bedrag is geen geldig bedrag. Gebruik bijvoorbeeld 412, 412,50 of 1.234,56."),
    "bedrag_niet_positief": _("Het bedrag moet groter zijn dan 0."),
    "bedrag_te_hoog": _("Het bedrag is te hoog om te verwerken (maximaal 9.999.999.999,99)."),
    "onder_drempelbedrag": _("Het bedrag is lager dan het drempelbedrag van de gemeente. Wij nemen dit signaal niet aan."),
    "cak_eigen_bijdrage_bedrag": _("Een signaal over de eigen bijdrage (CAK) kan pas vanaf een achterstand van € 100."),
    "datum_verplicht": _("De datum ontbreekt."),
    "datum_ongeldig": _("Dit is geen geldige datum. Gebruik JJJJ-MM-DD of DD-MM-JJJJ."),
    "datum_in_toekomst": _("Deze datum ligt in de toekomst."),
    "ontstaansdatum_na_signaaldatum": _("De ontstaansdatum ligt na de signaaldatum."),
    "ontstaansdatum_ontbreekt": _("De ontstaansdatum ontbreekt. Wij kunnen de termijn van het convenant niet controleren."),
    "termijn_te_kort": _("De achterstand is nog te kort voor een signaal van dit soort partner (zie het convenant)."),
    "termijn_te_lang": _("De achterstand is langer dan de termijn in het convenant. Wij nemen het signaal toch aan."),
    "boolean_ongeldig": _("Gebruik ja/nee, true/false of 1/0."),
    "eindelevering_alleen_energie": _("Eindelevering geldt alleen voor energie en water."),
    # client
    "client_ongeldig": _("De gegevens van de inwoner (client) zijn geen object met velden."),
    "bsn_of_adres_verplicht": _("Geef een geldig burgerservicenummer, of een postcode met huisnummer."),
    "bsn_elfproef": _("Het burgerservicenummer is niet geldig (11-proef)."),
    "postcode_formaat": _("De postcode is niet geldig. Gebruik 4 cijfers en 2 letters, bijvoorbeeld 3563 AB."),
    "postcode_buiten_gemeente": _("Deze postcode hoort niet bij onze gemeente. Stuur het signaal naar de gemeente waar de inwoner woont."),
    "huisnummer_ongeldig": _("Het huisnummer is niet geldig. Gebruik alleen cijfers (1 tot 99999)."),
    "huisnummer_gesplitst": _("Het huisnummer bevatte een toevoeging. Wij hebben die apart gezet."),
    "geslacht_onbekend": _("Dit geslacht kennen wij niet (Man, Vrouw, Onbekend). Wij hebben het leeg gelaten."),
    "geboortedatum_ongeldig": _("De geboortedatum is niet geldig. Wij hebben die leeg gelaten."),
    "telefoon_ongeldig": _("Het telefoonnummer is niet geldig. Wij hebben het leeg gelaten."),
    "email_ongeldig": _("Het e-mailadres is niet geldig. Wij hebben het leeg gelaten."),
    "te_lang": _("Deze waarde is te lang. Wij hebben die leeg gelaten."),
    "formule_teken": _("Deze waarde begint met een rekenteken (=, +, - of @). Wij bewaren het als gewone tekst."),
    "tekens_verwijderd": _("Wij hebben onzichtbare stuurtekens uit deze waarde verwijderd."),
    "tekens_ongeldig": _(
        "Deze waarde bevatte tekens die geen geldige tekst zijn (bijvoorbeeld een half teken). Wij hebben die weggelaten."
    ),
}

# Whole-delivery refusals (problem+json on the API, exit code 2 on the command line).
WEIGERINGEN = {
    "leeg": _("De aanlevering bevat geen signalen."),
    "te_groot": _("De aanlevering is te groot."),
    "te_veel_signalen": _("De aanlevering bevat te veel signalen."),
    "geen_json": _("Dit is geen geldige JSON."),
    "json_vorm": _('De JSON moet een object zijn met een lijst "signalen".'),
    "geen_tabel": _("Dit bestand is geen tabel die wij kunnen lezen (CSV, XLSX of JSON)."),
    "xls_oud": _("Oude Excel-bestanden (.xls) lezen wij niet. Sla het bestand op als .xlsx of .csv."),
    "codering": _("Wij kunnen de tekens in dit bestand niet lezen. Sla het op als UTF-8 of Windows-1252."),
    "geen_kopregel": _("Het bestand heeft geen kopregel met kolomnamen."),
    "kolom_ontbreekt": _("Een verplichte kolom ontbreekt."),
    "kolom_dubbel": _("Een kolom komt twee keer voor."),
    "csv_kapot": _("Het CSV-bestand is beschadigd (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten)."),
    "xlsx_kapot": _("Het Excel-bestand is beschadigd of versleuteld."),
    "partner_inactief": _("Deze signaalpartner is niet actief. Neem contact op met de gemeente."),
    "geen_partner": _("Deze token hoort niet bij een signaalpartner."),
    "verwerking_mislukt": _(
        "Er ging iets mis bij het verwerken van de aanlevering. Er is niets opgeslagen. Probeer het later opnieuw."
    ),
}


def melding(code: str) -> str:
    return str(MELDINGEN.get(code) or WEIGERINGEN.get(code) or code)


class Weigering(Exception):
    """The delivery as a whole cannot be processed; nothing is stored."""

    def __init__(self, code: str, detail: str = "", status: int = 400):
        self.code = code
        self.detail = detail
        self.status = status
        super().__init__(code)

    def __reduce__(self):  # whole, through the pipe of the reading process (intake.parallel)
        return (type(self), (self.code, self.detail, self.status))

    @property
    def titel(self) -> str:
        return melding(self.code)

    def als_dict(self) -> dict:
        return {"code": self.code, "melding": self.titel, "detail": self.detail}
