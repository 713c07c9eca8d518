"""Settings come from the environment: SQLite in WAL mode by default, PostgreSQL through DATABASE_URL."""

import json

from vroeghulp.common.tests.test_productie import GOOD_KEY, start_production

DATABASE = """
import json, django
django.setup()
from django.db import connection
info = {"engine": connection.settings_dict["ENGINE"], "name": str(connection.settings_dict["NAME"])}
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        info["journal_mode"] = cursor.fetchone()[0]
print(json.dumps(info))
"""


def test_default_database_is_sqlite_in_wal_mode_in_the_var_dir(tmp_path):
    result = start_production(tmp_path, DATABASE, VROEGHULP_OMGEVING="demo")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info == {"engine": "django.db.backends.sqlite3", "name": str(tmp_path / "vroeghulp.sqlite3"),
                    "journal_mode": "wal"}


def test_database_url_selects_postgresql(tmp_path):
    code = DATABASE.replace("if connection.vendor", "if False and connection.vendor")
    result = start_production(tmp_path, code, VROEGHULP_SECRET_KEY=GOOD_KEY,
                              DATABASE_URL="postgres://vroeghulp@db.example:5432/gemeente")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"engine": "django.db.backends.postgresql", "name": "gemeente"}


def test_unknown_omgeving_is_refused_in_dutch(tmp_path):
    result = start_production(tmp_path, VROEGHULP_OMGEVING="acceptatie")
    assert result.returncode != 0
    assert "VROEGHULP_OMGEVING moet 'productie', 'demo' of 'test' zijn" in result.stderr
