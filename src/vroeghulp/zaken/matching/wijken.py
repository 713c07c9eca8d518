"""Postcode → wijk for signals whose wijk the BRP did not give (a read of gebieden and personen)."""

from django.db import connection

from vroeghulp.gebieden.models import Buurt, Postcode
from vroeghulp.personen.models import Adres
from vroeghulp.common.sql import in_lijst, kolom


def wijken_voor_postcodes(postcodes) -> dict[str, int]:
    """Postcode → wijk id: the gebieden Postcode table, then the addresses of the personen app."""
    postcodes = sorted({p for p in postcodes if p})
    if not postcodes:
        return {}
    ops = connection.ops
    buurt = ops.quote_name(Buurt._meta.db_table)
    buurt_pk, buurt_wijk = kolom(Buurt, "id"), kolom(Buurt, "wijk")
    gevonden: dict[str, int] = {}
    with connection.cursor() as cursor:
        for model in (Postcode, Adres):
            rest = [p for p in postcodes if p not in gevonden]
            if not rest:
                break
            tabel = ops.quote_name(model._meta.db_table)
            waar, params = in_lijst(rest)
            cursor.execute(
                f"SELECT DISTINCT t.{kolom(model, 'postcode')}, b.{buurt_wijk} FROM {tabel} t "
                f"JOIN {buurt} b ON b.{buurt_pk} = t.{kolom(model, 'buurt')} "
                f"WHERE t.{kolom(model, 'postcode')} {waar}", params)
            for pc, wijk in cursor.fetchall():
                gevonden.setdefault(pc, wijk)
    return gevonden
