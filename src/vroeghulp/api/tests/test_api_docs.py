"""/api/v1/docs (issue 10 point 6): Swagger UI from our own static files, under our CSP, and no
documentation page at all in production."""

import json
import re

from django.contrib.staticfiles import finders

from vroeghulp.common.tests.test_productie import GOOD_KEY, start_production


def test_docs_load_only_our_own_files(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    bronnen = [re.search(r'src="([^"]+)"', attrs) for attrs, _body in scripts]
    # every executed script comes from /static/ (CSP script-src 'self'); the one inline block is
    # data (type="application/json"), which a browser does not run
    for (attrs, body), bron in zip(scripts, bronnen):
        if bron is None:
            assert 'type="application/json"' in attrs and json.loads(body)["url"] == "/api/v1/openapi.json"
        else:
            assert bron[1].startswith("/static/"), bron[1]
            assert finders.find(bron[1].removeprefix("/static/")), bron[1]
    links = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert links and all(link.startswith("/static/") for link in links), links
    assert "cdn" not in html.lower()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_docs_are_absent_in_production(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/api/v1/docs'); print('gevonden')\n"
        "except Resolver404:\n    print('afwezig')\n"
        "resolve('/api/v1/openapi.json'); print('spec')\n"
    )
    result = start_production(tmp_path, code, VROEGHULP_SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["afwezig", "spec"]
