"""The index behind a page of the partner status API (migrations 0007 and 0008, issue 10): key
(partner, status_datum, id) on both databases; on PostgreSQL extern_id and status as INCLUDE
columns, so that the page never reads the table (an index-only scan)."""

import datetime as dt

import pytest
from django.db import connection

from vroeghulp.signalering.models import _STATUS_PAGINA_SQL, status_pagina
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory, VroegsignaalFactory

pytestmark = pytest.mark.django_db
postgres_alleen = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="INCLUDE is PostgreSQL's")


def _kolommen() -> tuple[list[str], list[str]]:
    """The key and the INCLUDE columns of vroegsignaal_status_idx, as the database reports them."""
    with connection.cursor() as cursor:
        beperkingen = connection.introspection.get_constraints(cursor, "signalering_vroegsignaal")
    index = beperkingen["vroegsignaal_status_idx"]
    assert index["index"] and not index["unique"]
    if connection.vendor != "postgresql":
        return index["columns"], []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attname, k.i <= x.indnkeyatts FROM pg_index x"
            " JOIN pg_class c ON c.oid = x.indexrelid"
            " CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, i)"
            " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum"
            " WHERE c.relname = 'vroegsignaal_status_idx' ORDER BY k.i")
        rijen = cursor.fetchall()
    return [naam for naam, sleutel in rijen if sleutel], [naam for naam, sleutel in rijen if not sleutel]


def test_the_key_is_partner_status_date_and_id():
    sleutel, _extra = _kolommen()
    assert sleutel == ["partner_id", "status_datum", "id"]


@postgres_alleen
def test_on_postgresql_the_index_also_holds_what_a_page_shows():
    _sleutel, extra = _kolommen()
    assert extra == ["extern_id", "status"]


@postgres_alleen
def test_on_postgresql_a_page_is_an_index_only_scan():
    partner = SignaalpartnerFactory(code="water")
    andere = SignaalpartnerFactory(code="energie")
    dag = dt.date(2026, 3, 2)
    for i in range(30):
        VroegsignaalFactory(partner=partner if i % 3 else andere, extern_id=f"S-{i}", status_datum=dag)
    with connection.cursor() as cursor:
        # The visibility map says which heap pages need no visit: VACUUM cannot run in the test's
        # transaction, so the plan is only asked (EXPLAIN without ANALYZE) for its kind of scan;
        # a tiny table would otherwise be read sequentially.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + _STATUS_PAGINA_SQL, [partner.pk, dag, 0, 1001])
        plan = "\n".join(r[0] for r in cursor.fetchall())
    assert "Index Only Scan using vroegsignaal_status_idx" in plan, plan
    assert "Sort" not in plan, plan
    # and the page itself is still this partner's signals in key order
    assert [r[0] for r in status_pagina(partner.pk, dag, aantal=100)] == [
        f"S-{i}" for i in range(30) if i % 3]
