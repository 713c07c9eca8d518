"""Anonymous visitors reach no staff page: every URL outside the public prefixes sends them to login.

The URLs come from the resolver, so a screen another app adds later is covered without editing this test.
"""

from urllib.parse import urlsplit

import pytest

from vroeghulp.accounts.middleware import PUBLIC_PREFIXES
from vroeghulp.common.urlwalk import all_routes

# Agreed public areas (issue 2): login, static files, the token-secured APIs, the anonymous
# zelfcheck and the health check. Adding one is a security decision: change it here on purpose.
AGREED_PUBLIC = {"/accounts/inloggen/", "/static/", "/api/", "/ddas/", "/zelfcheck/", "/gezond/"}


def staff_routes():
    return [r for r in all_routes() if not r.sample_path().startswith(tuple(AGREED_PUBLIC))]


def test_public_prefixes_are_exactly_the_agreed_ones():
    assert set(PUBLIC_PREFIXES) == AGREED_PUBLIC


def test_the_walk_finds_the_known_staff_pages():
    names = {r.name for r in staff_routes()}
    assert {"home", "audit:zoeken", "personen:persoon", "accounts:tweestaps", "accounts:logout"} <= names


def not_sent_to_login(client, method) -> list[str]:
    wrong = []
    for route in staff_routes():
        path = route.sample_path()
        response = getattr(client, method)(path)
        target = urlsplit(response.headers.get("Location", ""))
        if response.status_code != 302 or target.path != "/accounts/inloggen/":
            wrong.append(f"{method.upper()} {path} ({route.name}): {response.status_code} {target.path}")
    return wrong


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_access_to_every_staff_url_redirects_to_login(client, method):
    wrong = not_sent_to_login(client, method)
    assert not wrong, "Niet doorgestuurd naar inloggen:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_the_check_notices_a_page_left_open(client, monkeypatch):
    monkeypatch.setattr("vroeghulp.accounts.middleware.PUBLIC_PREFIXES", PUBLIC_PREFIXES + ("/audit/",))
    assert not_sent_to_login(client, "get") == ["GET /audit/ (audit:zoeken): 403 "]


@pytest.mark.django_db
def test_login_redirect_keeps_the_page_to_return_to(client):
    response = client.get("/audit/?actie=lezen")
    assert response.headers["Location"] == "/accounts/inloggen/?next=/audit/%3Factie%3Dlezen"


@pytest.mark.django_db
def test_login_page_itself_is_public_and_dutch(client):
    response = client.get("/accounts/inloggen/")
    assert response.status_code == 200
    assert "Inloggen bij Vroeghulp" in response.content.decode()


# API operations open to everyone, with the reason. Everything else needs a token or a session.
PUBLIC_API_OPERATIONS: dict[str, str] = {}


@pytest.mark.django_db
def test_every_api_operation_refuses_anonymous_callers(client):
    from vroeghulp.common.urlwalk import all_endpoints, all_routes, ninja_operations

    wrong, checked = [], 0
    for route in all_routes():
        for method, _view in ninja_operations(route):
            key = f"{method} /{route.route}"
            if key in PUBLIC_API_OPERATIONS:
                continue
            checked += 1
            response = client.generic(method, route.sample_path(), "{}", content_type="application/json")
            if response.status_code != 401 or response.headers["Content-Type"] != "application/problem+json":
                wrong.append(f"{key}: {response.status_code} {response.headers.get('Content-Type')}")
    assert checked >= 1 and len(all_endpoints()) > checked
    assert not wrong, "API zonder inlogcontrole:\n" + "\n".join(wrong)
