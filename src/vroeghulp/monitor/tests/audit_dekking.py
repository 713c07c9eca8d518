"""Audit-coverage entries of the monitor app (see vroeghulp.audit.tests.dekking): the monitor's
screens here; the DDAS delivery screens (``ddas_urls``) add theirs to the same two dicts."""

_CIJFERS = "Alleen aantallen uit de monitorcellen (kleine aantallen verborgen), nooit gegevens van een persoon."

PERSOONSGEGEVENS = {}
ZONDER_PERSOONSGEGEVENS = {
    "monitor:dashboard": _CIJFERS,
    "monitor:grafiek": _CIJFERS + " Een SVG-grafiek.",
    "monitor:download": _CIJFERS + " Dezelfde tabel als CSV of XLSX.",
    "monitor:kwaliteit": "Aantallen per signaalpartner (een organisatie) en maand, geen personen en geen gebieden.",
    "monitor:doelen": "CBS-cijfers van de hele gemeente en de landelijke doelen; geen gegevens van personen.",
}
