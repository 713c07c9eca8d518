"""Audit-coverage entries of schuldhulp (see vroeghulp.audit.tests.dekking)."""

PERSOONSGEGEVENS = {}
ZONDER_PERSOONSGEGEVENS = {
    "POST /api/v1/schuldhulp/aanbod": "Berekening van een aanbod aan schuldeisers: bedragen en "
    "schuldeisers zonder BSN of naam van een inwoner; er wordt niets opgeslagen.",
}
