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


def json_tekst(data) -> str:
    """JSON text that any stdout can take: a lone surrogate from the input stays a JSON escape."""
    tekst = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        tekst = json.dumps(data, ensure_ascii=True, indent=2)
    return tekst


def foutregel(probleem: dict) -> str:
    """The one Dutch line for standard error: title, detail and each wrong field; text that UTF-8
    cannot hold (a lone surrogate from the input) as an escape."""
    regels = [f"{p['name']}: {p['reason']}" for p in probleem.get("invalid_params") or ()]
    regel = " ".join([f"{probleem['title']}: {probleem['detail']}", *regels])
    return regel.encode("utf-8", "backslashreplace").decode("utf-8")


def _weiger(probleem: dict, stdout, stderr) -> int:
    """The problem object on stdout (as the API sends it), one Dutch line on stderr; exit 2."""
    print(json_tekst(probleem), file=stdout)
    print(foutregel(probleem), file=stderr)
    return 2


def geen_getal(waarde: str):
    raise ValueError(waarde)  # NaN and Infinity are no JSON


def _lees(bron: str, stdin) -> str:
    if bron == "-":
        buffer = getattr(stdin, "buffer", None)
        data = buffer.read() if buffer is not None else stdin.read()
    else:
        with open(bron, "rb") as bestand:
            data = bestand.read()
    if isinstance(data, str):
        return data
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")


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
        tekst = _lees(bron, stdin)
    except OSError as fout:
        reden = {FileNotFoundError: "het bestaat niet", PermissionError: "u heeft geen toegang",
                 IsADirectoryError: "het is een map"}.get(type(fout), "het systeem weigert")
        return _weiger(_probleem(2, "Bestand niet te lezen", f"Het bestand {bron} is niet te lezen: {reden}."),
                       stdout, stderr)
    except UnicodeDecodeError as fout:
        return _weiger(_probleem(400, "Ongeldige tekens", (
            f"De invoer is geen geldige UTF-8 (byte {fout.start + 1}). Sla het bestand op als UTF-8."
        )), stdout, stderr)
    try:
        situatie = json.loads(tekst, parse_constant=geen_getal)
    except json.JSONDecodeError as fout:
        return _weiger(_probleem(400, "Ongeldige JSON", f"De invoer is geen geldige JSON (regel {fout.lineno})."),
                       stdout, stderr)
    except RecursionError:
        return _weiger(_probleem(400, "Ongeldige JSON", "De JSON is te diep genest: er zitten te veel lijsten of "
                                 "objecten in elkaar."), stdout, stderr)
    except ValueError:  # NaN/Infinity, or an integer of more than 4300 digits
        return _weiger(_probleem(400, "Ongeldige JSON", "De invoer bevat een getal dat JSON niet kent of dat te "
                                 "lang is."), stdout, stderr)

    from vroeghulp.regels.service import bereken  # late import: building the rules takes a moment

    try:
        uitkomst = bereken(situatie)
    except InvoerFout as fout:
        probleem = _probleem(400, "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", fout.invalid_params)
        return _weiger(probleem, stdout, stderr)
    except PeildatumBuitenBereik as fout:
        return _weiger(_probleem(422, "Peildatum buiten bereik", str(fout)), stdout, stderr)
    print(als_json(uitkomst), file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
