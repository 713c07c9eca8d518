"""PostgreSQL with server-side binding and prepared statements (VROEGHULP_DB_PREPARED, default on;
issue 10 load test), off on request for a pooler that does not support them; SQLite unchanged."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from vroeghulp.signalering.models import status_van
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory, VroegsignaalFactory

OPTIES = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps(settings.DATABASES["default"].get("OPTIONS", {}), default=str))
"""


def _opties(tmp_path, **extra_env) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VROEGHULP_", "DJANGO_"))}
    env.update(DJANGO_SETTINGS_MODULE="vroeghulp.settings", VROEGHULP_OMGEVING="test",
               VROEGHULP_VAR_DIR=str(tmp_path), **extra_env)
    uit = subprocess.run([sys.executable, "-c", OPTIES], env=env, capture_output=True, text=True, timeout=120,
                         check=True)
    return json.loads(uit.stdout.strip().splitlines()[-1])


def test_postgresql_binds_on_the_server_and_prepares_by_default(tmp_path):
    opties = _opties(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:5432/niet_gebruikt")
    assert opties["server_side_binding"] is True and opties["prepare_threshold"] == 5


def test_it_can_be_turned_off_for_a_pooler(tmp_path):
    opties = _opties(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:5432/niet_gebruikt",
                     VROEGHULP_DB_PREPARED="0")
    assert "server_side_binding" not in opties and "prepare_threshold" not in opties


def test_sqlite_keeps_its_own_options(tmp_path):
    opties = _opties(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert opties["transaction_mode"] == "IMMEDIATE" and "server_side_binding" not in opties


@pytest.mark.django_db
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="prepared statements are PostgreSQL's")
def test_a_status_query_is_prepared_on_the_server_after_five_runs():
    if not connection.settings_dict["OPTIONS"].get("server_side_binding"):
        pytest.skip("VROEGHULP_DB_PREPARED=0 in this test run")
    partner = SignaalpartnerFactory(code="water")
    VroegsignaalFactory(partner=partner, extern_id="S-1")

    def voorbereid() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [r[0] for r in cursor.fetchall() if "extern_id = $2" in r[0]]

    for _ in range(4):
        assert status_van(partner.pk, "S-1").extern_id == "S-1"
    assert voorbereid() == []  # psycopg prepares at the fifth run (prepare_threshold)
    for _ in range(2):
        assert status_van(partner.pk, "S-1").extern_id == "S-1"
        assert status_van(partner.pk, "bestaat-niet") is None
    assert len(voorbereid()) == 1
