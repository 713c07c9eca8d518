"""Audit-coverage entries of the zelfcheck (see vroeghulp.audit.tests.dekking)."""

ZONDER_PERSOONSGEGEVENS = {
    "zelfcheck:start": "Uitleg voor inwoners; geen gegevens.",
    "zelfcheck:vraag": "Anonieme vragen: de antwoorden staan alleen in het formulier van de inwoner zelf, niets wordt opgeslagen.",
    "zelfcheck:uitslag": "De anonieme uitkomst voor de inwoner zelf, uit de antwoorden in het formulier; niets wordt opgeslagen.",
    "zelfcheck:pdf": "Dezelfde anonieme uitkomst als PDF, direct gemaakt en niet bewaard.",
    "zelfcheck:hulp": "De inwoner vult zelf contactgegevens in; het doorsturen schrijft een auditgebeurtenis (toestemming). Het scherm toont geen gegevens uit de registratie.",
    "zelfcheck_beheer:overzicht": "Inrichting: regelingen en hulppunten van de gemeente, geen gegevens van inwoners.",
    "zelfcheck_beheer:nieuw": "Formulier voor een regeling of hulppunt; geen gegevens van inwoners.",
    "zelfcheck_beheer:bewerk": "Formulier voor een regeling of hulppunt; geen gegevens van inwoners.",
    "zelfcheck_beheer:verwijder": "Verwijdert een regeling of hulppunt; geen gegevens van inwoners.",
}
