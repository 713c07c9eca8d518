"""The example request of docs/interfaces.md section 3, verbatim: shown in the API docs, used by the
tests (its zorgtoeslag is the contract's 1.243,51 / 103) and by the benchmark."""

import copy

_VOORBEELD_VERZOEK = {
    "peildatum": "2026-01-01",
    "huishouden": {
        "personen": [
            {"rol": "aanvrager", "geboortedatum": "1990-04-01", "verzekerd": True,
             "toetsingsinkomen": 26200, "netto_inkomen_per_maand": 1650.00},
            {"rol": "partner", "geboortedatum": "1991-02-01", "verzekerd": False,
             "toetsingsinkomen": 7000, "netto_inkomen_per_maand": 480.00},
            {"rol": "kind", "geboortedatum": "2018-06-01"},
        ],
        "vermogen": 0,
        "woning": {"soort": "huur", "kale_huur_per_maand": 600.00, "servicekosten_per_maand": 0},
        "kostendelers": 1,
    },
    "regelingen": ["zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "bijstandsnorm", "beslagvrije_voet"],
}


def contracts_verzoek() -> dict:
    """A fresh copy, so a caller may change it."""
    return copy.deepcopy(_VOORBEELD_VERZOEK)
