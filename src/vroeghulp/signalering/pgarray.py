"""PostgreSQL helpers for the bulk paths of intake and matching: array literals built in one
pass, and binary COPY with the table's column types.

psycopg adapts a Python list element by element in Python (measured: 3 s of a 200,000-signal
intake); one ``'{...}'`` text literal per column, cast in SQL (``%s::text[]``), costs a join.
"""

from __future__ import annotations


def _tekst(waarde) -> str:
    return '"' + str(waarde).replace("\\", "\\\\").replace('"', '\\"') + '"'


def tekst(waarden) -> str:
    """A ``text[]`` literal; None becomes NULL; every element quoted (commas, braces, quotes)."""
    return "{" + ",".join("NULL" if w is None else _tekst(w) for w in waarden) + "}"


def getal(waarden) -> str:
    """A ``bigint[]`` literal; None becomes NULL."""
    return "{" + ",".join("NULL" if w is None else str(int(w)) for w in waarden) + "}"


def datum(waarden) -> str:
    """A ``date[]`` literal of ``datetime.date`` values; None becomes NULL."""
    return "{" + ",".join("NULL" if w is None else w.isoformat() for w in waarden) + "}"


PER_TYPE = {"text": tekst, "bigint": getal, "date": datum}


_TYPEN: dict[tuple, list[str]] = {}


def kopieer(cursor, tabel: str, kolommen, rijen) -> None:
    """COPY ``rijen`` into ``kolommen`` of ``tabel`` in binary format, with the column types
    from the catalog: psycopg then picks one dumper per column instead of one per value
    (measured: 9.7 -> 2.9 us per 35-column row). Values must be of the column's Python type
    (Decimal for numeric, date, bool, int; a jsonb value is the object, not its JSON text).
    ``cursor``: Django's cursor wrapper."""
    sleutel = (cursor.db.settings_dict["NAME"], tabel, tuple(kolommen))
    typen = _TYPEN.get(sleutel)
    if typen is None:
        cursor.execute(
            "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped", [tabel],
        )
        per_kolom = dict(cursor.fetchall())
        typen = _TYPEN[sleutel] = [per_kolom[k.strip('"')] for k in kolommen]
    with cursor.cursor.copy(f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(typen)
        for rij in rijen:
            copy.write_row(rij)
