"""PostgreSQL helpers for the bulk paths of intake and matching: array literals built in one
pass, and ids taken from a sequence before a COPY.

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


def volgende_ids(cursor, tabel: str, aantal: int) -> list[int]:
    """``aantal`` ids from the sequence of ``tabel``.id, so rows can be written with COPY (which
    returns nothing) and referred to before they exist."""
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [tabel, aantal],
    )
    return [r[0] for r in cursor.fetchall()]
