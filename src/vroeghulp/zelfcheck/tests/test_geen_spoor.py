"""No trace: a completed check without a help request adds no row to any table, and no answer
appears in any log line or response header; the only cookie is the CSRF token; every page is
small enough for a slow phone."""

import logging
import threading
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.db import connection

from vroeghulp.zelfcheck.tests.doorlopen import doorloop, post

# Answers that cannot appear by accident: if any of these (or the signed token) is in a log line or
# a header, an answer leaked.
STAPPEN = [
    {"vraag": "partner", "partner": "ja"},
    {"vraag": "leeftijd", "leeftijd": "47", "leeftijd_partner": "53"},
    {"vraag": "kinderen", "kinderen": "ja", "leeftijden": "7, 13"},
    {"vraag": "woning", "woning": "huur"},
    {"vraag": "huur", "huur": "678,91"},
    {"vraag": "inkomen", "netto": "1.234,57", "per": "vier_weken"},
    {"vraag": "inkomen_partner", "bruto": "987,65", "per": "week"},
    {"vraag": "vermogen", "vermogen": "43219"},
    {"vraag": "beslag", "beslag": "ja"},
    {"vraag": "wijk", "wijk": "WK034403"},
]
SPOREN = ("678,91", "678.91", "1234,57", "1234.57", "1.234,57", "987,65", "987.65", "43219", "43.219",
          "WK034403", "Overvecht")


class _AlleRegels:
    """Every record of every logger at every level while active (levels lowered to DEBUG)."""

    def __init__(self):
        self.regels: list[str] = []
        self._lock = threading.Lock()

    def __enter__(self):
        self._oud_factory = logging.getLogRecordFactory()
        oud = self._oud_factory

        def factory(*args, **kwargs):
            record = oud(*args, **kwargs)
            with self._lock:
                self.regels.append(f"{record.name} {record.levelname} {record.getMessage()} {record.args!r}")
            return record

        logging.setLogRecordFactory(factory)
        self._niveaus = {naam: l.level for naam, l in logging.root.manager.loggerDict.items()
                         if isinstance(l, logging.Logger)}
        self._root = logging.root.level
        for naam in self._niveaus:
            logging.getLogger(naam).setLevel(logging.DEBUG)
        logging.root.setLevel(logging.DEBUG)
        logging.disable(logging.NOTSET)
        return self

    def __exit__(self, *exc):
        logging.setLogRecordFactory(self._oud_factory)
        for naam, niveau in self._niveaus.items():
            logging.getLogger(naam).setLevel(niveau)
        logging.root.setLevel(self._root)


def _tellingen() -> dict[str, int]:
    with connection.cursor() as cursor:
        uit = {}
        for tabel in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(tabel)}")
            uit[tabel] = cursor.fetchone()[0]
        return uit


def _geen_spoor(tekst: str, token: str):
    assert token not in tekst
    for spoor in SPOREN:
        assert spoor not in tekst, f"{spoor!r} in {tekst[:500]!r}"


@pytest.mark.django_db
def test_a_whole_check_leaves_no_row_no_log_line_no_header(client, wijk_overvecht):
    voor = _tellingen()
    with _AlleRegels() as log:
        schermen = doorloop(client, STAPPEN)
        uitkomst = schermen[-1]
        assert "Uw uitkomst" in uitkomst.html
        schermen.append(post(client, "/zelfcheck/uitkomst/", {"watals": "1", "extra": "250"}, uitkomst.token))
        pdf = client.post("/zelfcheck/uitkomst.pdf", {"antwoorden": uitkomst.token})
        assert pdf.status_code == 200
        fout = post(client, "/zelfcheck/vraag/", {"vraag": "huur", "huur": "geen idee"}, schermen[5].token)
        assert fout.status == 200
        kapot = post(client, "/zelfcheck/vraag/", {"vraag": "huur"}, uitkomst.token[:-2] + "xx")
        assert kapot.status == 400
    assert _tellingen() == voor
    assert log.regels, "the capture saw no record at all: it does not work"
    _geen_spoor("\n".join(log.regels), uitkomst.token)
    for response in [s.response for s in schermen] + [pdf, fout.response, kapot.response]:
        koppen = "\n".join(f"{k}: {v}" for k, v in response.items())
        _geen_spoor(koppen, uitkomst.token)
        assert set(response.cookies) <= {"csrftoken"}
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_the_server_access_log_holds_no_answer(live_server, wijk_overvecht, monkeypatch):
    """Through a real HTTP server that writes an access line per request (django.server, as
    ``runserver`` does; the test server is quiet unless told otherwise)."""
    from django.core.servers.basehttp import WSGIRequestHandler
    from django.test.testcases import QuietWSGIRequestHandler

    monkeypatch.setattr(QuietWSGIRequestHandler, "log_message", WSGIRequestHandler.log_message)
    koekjes = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(koekjes))
    with _AlleRegels() as log:
        html = opener.open(live_server.url + "/zelfcheck/").read().decode()
        csrf = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        token = None
        for stap in [{}] + STAPPEN:
            data = {**stap, "csrfmiddlewaretoken": csrf, **({"antwoorden": token} if token else {})}
            verzoek = urllib.request.Request(live_server.url + "/zelfcheck/vraag/",
                                             data=urllib.parse.urlencode(data).encode(),
                                             headers={"Referer": live_server.url + "/zelfcheck/"})
            with opener.open(verzoek) as antwoord:
                html = antwoord.read().decode()
                koppen = str(antwoord.headers)
            if 'name="antwoorden" value="' in html:
                token = html.split('name="antwoorden" value="')[1].split('"')[0]
            _geen_spoor(koppen, token or "-")
    assert "Uw uitkomst" in html
    regels = "\n".join(log.regels)
    assert "django.server" in regels and "/zelfcheck/vraag/" in regels  # the access lines were seen
    _geen_spoor(regels, token)
    assert {c.name for c in koekjes} == {"csrftoken"}


MAX_BYTES = 60 * 1024


@pytest.mark.django_db
def test_every_page_is_at_most_60_kb_besides_the_stylesheet(client, wijk_overvecht):
    """The HTML of each screen (uncompressed, so transferred is at most this) plus what it loads
    that is not a stylesheet (the icon)."""
    from django.contrib.staticfiles import finders

    icoon = len(open(finders.find("vroeghulp/favicon.svg"), "rb").read())
    schermen = [client.get("/zelfcheck/")] + [s.response for s in doorloop(client, STAPPEN)]
    uitkomst = schermen[-1]
    token = uitkomst.content.decode().split('name="antwoorden" value="')[1].split('"')[0]
    schermen.append(client.post("/zelfcheck/hulp/", {"antwoorden": token}))
    for response in schermen:
        html = response.content.decode()
        assert "<script" not in html  # nothing but the stylesheets and the icon is loaded
        assert len(response.content) + icoon <= MAX_BYTES, (len(response.content), html[:200])
    assert max(len(r.content) for r in schermen) == len(uitkomst.content)  # the result is the largest
