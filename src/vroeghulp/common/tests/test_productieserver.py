"""Issue 10 point 7: the production server as the README starts it (``vroeghulp server``), with
production settings, on its own PostgreSQL database, answering real HTTP requests.

The database is created here on 127.0.0.1:5432 (or the server of DATABASE_URL when that is
PostgreSQL) and dropped afterwards; without a reachable PostgreSQL the test is skipped with the
reason. 999140590 is a valid BSN (see test_bsn_in_logs.py)."""

import http.client
import json
import os
import uuid
from urllib.parse import urlsplit

import pytest

from vroeghulp.common.tests import servers

BSN = "999140590"
HTTPS = {"X-Forwarded-Proto": "https"}  # what the https proxy in front of the server sends


def _postgres_admin_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        return parts._replace(path="/postgres").geturl()
    return "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def postgres_database():
    """A new, empty database; its URL. Dropped afterwards, also when the test fails."""
    psycopg = pytest.importorskip("psycopg")
    admin = _postgres_admin_url()
    try:
        connection = psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"Geen PostgreSQL bereikbaar op {urlsplit(admin).netloc}: {error}")
    name = f"vh_productieserver_{uuid.uuid4().hex[:12]}"
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
        try:
            yield urlsplit(admin)._replace(path=f"/{name}").geturl()
        finally:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _status_from(source: str, port: int, path: str, headers: dict[str, str]) -> int:
    """The status of a GET sent from another loopback address (Linux answers all of 127/8)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.slow
def test_production_server_on_postgresql_answers_real_requests(tmp_path, postgres_database):
    port = servers.free_port()
    env = servers.clean_env(
        VROEGHULP_OMGEVING="productie", VROEGHULP_SECRET_KEY=servers.GOOD_KEY,
        VROEGHULP_ALLOWED_HOSTS="127.0.0.1", VROEGHULP_VAR_DIR=str(tmp_path), DATABASE_URL=postgres_database,
        VROEGHULP_BIND=f"127.0.0.1:{port}", VROEGHULP_WORKERS="2", VROEGHULP_POSTCODES_PC4="3500-3599",
        VROEGHULP_LOGLEVEL="info",  # more lines for the BSN check below
    )
    for args in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"],
                 ["shell", "-c", "from vroeghulp.signalering.models import Signaalpartner as P; "
                                 "P.objects.create(code='energie', naam='Energie BV', type='Energie')"]):
        done = servers.run(*args, env=env)
        assert done.returncode == 0, (args, done.stderr)
    assert (tmp_path / "static" / "vroeghulp" / "app.css").exists()  # collected into VROEGHULP_VAR_DIR
    token = servers.run("partners", "token", "energie", env=env)
    assert token.returncode == 0, token.stderr
    bearer = {"Authorization": f"Bearer {token.stdout.strip()}", **HTTPS}

    with servers.serve("server", env=env, port=port) as server:
        base = server.base
        health = servers.get(f"{base}/gezond/")  # plain http: the load balancer's check
        assert health.status == 200
        assert servers.get(f"{base}/accounts/inloggen/").status == 301  # anything else: to https
        login = servers.get(f"{base}/accounts/inloggen/", HTTPS)
        assert login.status == 200 and b"<form" in login.body
        # the same header from an address that is not the proxy (VROEGHULP_FORWARDED_ALLOW_IPS,
        # default 127.0.0.1 and ::1) does not count: still plain http, so to https
        assert _status_from("127.0.0.3", port, "/accounts/inloggen/", HTTPS) == 301
        assert login.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "script-src 'self'" in login.headers["Content-Security-Policy"]
        static = servers.get(f"{base}/static/vroeghulp/app.css", HTTPS)
        assert static.status == 200 and static.headers["Content-Type"].startswith("text/css")

        signal = {"ID": "ENERGIE-1", "bedrag": 412, "ontstaansdatum": "2025-12-03", "signaaldatum": "2026-01-10",
                  "crisissignaal": False, "warmeOverdracht": False, "eindelevering": False, "klantnummer": "1",
                  "client": {"burgerservicenummer": BSN, "postcode": "3563 AB", "huisnummer": "1"}}
        delivered = servers.post_json(f"{base}/api/v1/signalen", {"signalen": [signal]}, bearer)
        assert delivered.status == 200, delivered.body
        assert json.loads(delivered.body)["geaccepteerd"] == 1
        one = servers.get(f"{base}/api/v1/signalen/ENERGIE-1/status", bearer)
        assert one.status == 200 and json.loads(one.body)["ID"] == "ENERGIE-1"
        changed = json.loads(servers.get(f"{base}/api/v1/signalen/status?sinds=2020-01-01", bearer).body)
        assert [s["ID"] for s in changed["resultaten"]] == ["ENERGIE-1"]
        unknown = servers.get(f"{base}/api/v1/signalen/{BSN}/status", bearer)
        assert unknown.status == 404 and unknown.headers["Content-Type"] == "application/problem+json"
        assert servers.get(f"{base}/personen/{BSN}/", HTTPS).status == 302  # to the login
        assert servers.get(f"{base}/api/v1/signalen/status?sinds=2020-01-01", HTTPS).status == 401

    log = server.output
    assert "Starting granian" in log and log.count("Spawning worker-") == 2
    assert '"GET /api/v1/signalen/*********/status HTTP/1.1" 404' in log
    assert "Not Found: /api/v1/signalen/*********/status" in log
    assert BSN not in log
