"""Audit-coverage entries of the foundation screens (see dekking.py for the format)."""

from vroeghulp.audit.tests.dekking import Aanroep


def _persoon(request):
    inwoner = request.getfixturevalue("inwoner_overvecht")
    return Aanroep(f"/personen/{inwoner.pk}/", gebruiker=request.getfixturevalue("consulent"))


PERSOONSGEGEVENS = {
    "personen:persoon": _persoon,
}

ZONDER_PERSOONSGEGEVENS = {
    "home": "Startpagina per rol: toont alleen de teams en wijken van de gebruiker zelf. "
    "Komt er een werkvoorraad met inwoners op, markeer de view en registreer hem hier.",
    "health": "Gezondheidscontrole: alleen de status.",
    "accounts:login": "Inlogformulier.",
    "accounts:logout": "Uitloggen.",
    "accounts:tweestaps": "Tweestapsverificatie van de eigen medewerker.",
    "accounts:gebruikers": "Overzicht van medewerkers, teams en API-clients; geen gegevens van inwoners.",
    "audit:zoeken": "Audittrail: gebruikersnamen van medewerkers en interne persoonsnummers, "
    "geen gegevens van inwoners; alleen voor de beheerder.",
    "api-v1:openapi-json": "OpenAPI-specificatie.",
    "api-v1:openapi-view": "API-documentatie.",
    "api-v1:api-root": "Ingang van de API.",
    "POST /api/v1/berekeningen": "Berekening met regels als code: een anonieme situatie zonder BSN "
    "of naam; er wordt niets opgeslagen.",
}
