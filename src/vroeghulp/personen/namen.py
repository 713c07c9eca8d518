"""How a person's name is written: initials, prefix and surname ("P. de Ruiter").

One function for the BRP mirror (``Inwoner.naam``) and for the names signal partners send, so
a resident reads the same on every screen and letter (``zaken.namen`` picks whose name to use).
"""


def naam(voorletters: str, voorvoegsel: str, achternaam: str) -> str:
    """The parts that are known, separated by a space; empty when none is known."""
    return " ".join(deel for deel in (voorletters, voorvoegsel, achternaam) if deel)
