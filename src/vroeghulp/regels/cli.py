"""``vroeghulp bereken [BESTAND|-]``: read a situation as JSON, print the outcomes as JSON.

Exit 0 with the outcomes; exit 2 with a problem+json-like object when the input is invalid
(docs/interfaces.md section 3). Plain Python, no Django: the project CLI routes the command here.
"""

import json
import re
import sys
from decimal import Decimal

from vroeghulp.regels.invoer import InvoerFout, PeildatumBuitenBereik

GEBRUIK = "Gebruik: vroeghulp bereken [BESTAND|-]   (zonder BESTAND of met - leest de situatie van stdin)"


_MERK = "\u2063getal:"  # invisible separator: never part of real text in our outcomes
_GETAL = re.compile('"' + _MERK + r'(-?[0-9]+\.[0-9]{2})"')


def _naar_json(waarde):
    if isinstance(waarde, Decimal):
        return f"{_MERK}{waarde:.2f}"
    if isinstance(waarde, dict):
        return {k: _naar_json(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_naar_json(v) for v in waarde]
    return waarde


def als_json(uitkomst: dict) -> str:
    """JSON text with every Decimal as a number with two decimals (1243.51, 103.00)."""
    # json cannot print a number with a fixed number of decimals; mark Decimals, then unquote them.
    return _GETAL.sub(r"\1", json.dumps(_naar_json(uitkomst), ensure_ascii=False, indent=2))


def _probleem(status: int, titel: str, detail: str, invalid_params=None) -> dict:
    probleem = {"type": "about:blank", "title": titel, "status": status, "detail": detail}
    if invalid_params is not None:
        probleem["invalid_params"] = invalid_params
    return probleem


def main(argv=None, stdin=None, stdout=None, stderr=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    if argv and argv[0] == "bereken":
        argv = argv[1:]
    if len(argv) > 1 or (argv and argv[0] in ("-h", "--help")):
        print(GEBRUIK, file=stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    bron = argv[0] if argv else "-"
    try:
        tekst = stdin.read() if bron == "-" else open(bron, encoding="utf-8").read()
    except OSError as fout:
        print(json.dumps(_probleem(2, "Bestand niet te lezen", str(fout)), ensure_ascii=False), file=stdout)
        return 2
    try:
        situatie = json.loads(tekst)
    except json.JSONDecodeError as fout:
        probleem = _probleem(400, "Ongeldige JSON", f"De invoer is geen geldige JSON (regel {fout.lineno}).")
        print(json.dumps(probleem, ensure_ascii=False, indent=2), file=stdout)
        return 2

    from vroeghulp.regels.service import bereken  # late import: building the rules takes a moment

    try:
        uitkomst = bereken(situatie)
    except InvoerFout as fout:
        probleem = _probleem(400, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", fout.invalid_params)
        print(json.dumps(probleem, ensure_ascii=False, indent=2), file=stdout)
        return 2
    except PeildatumBuitenBereik as fout:
        print(json.dumps(_probleem(422, "Peildatum buiten bereik", str(fout)), ensure_ascii=False, indent=2), file=stdout)
        return 2
    print(als_json(uitkomst), file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
