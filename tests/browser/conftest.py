"""Playwright in Debian's Chromium against pytest-django's live server.

Every test here is marked ``browser`` and runs on a transactional database (the live server
runs in another thread). Playwright cannot download browsers on our machines, so we launch
/usr/bin/chromium (or VROEGHULP_CHROMIUM) ourselves.

Fixtures: ``page`` (fails the test on a console error, a CSP violation or a missing asset),
``inloggen(username, password=PASSWORD)`` (logs in through the form), ``axe(page)`` (the serious
and critical axe-core violations, to assert ``== []``), plus the shared fixtures of
``vroeghulp.conftest`` (wijken, teams, one user per role, inwoners in and outside the wijk).
"""

import os
from pathlib import Path

# The sync Playwright API runs an event loop in this thread; Django's ORM calls made from the
# test (fixtures, assertions) would otherwise be refused as "async unsafe".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from vroeghulp.conftest import *  # noqa: E402,F401,F403  (shared fixtures: wijken, users, inwoners)
from vroeghulp.conftest import _django_db_helper  # noqa: E402,F401  (audit triggers and flush)

CHROMIUM = os.environ.get("VROEGHULP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium ontbreekt ({CHROMIUM}). Installeer het met 'apt-get install chromium' "
            "(./dev test doet dat als root), of wijs VROEGHULP_CHROMIUM naar een Chromium."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The strict CSP must never block our own assets (a violation is a console error), and every
    # asset must exist. Error statuses of pages themselves (403 in a test) are the tests' business.
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
            if r.status == 404 and r.request.resource_type != "document" else None)
    yield page
    context.close()
    assert not errors, f"Fouten in de browser: {errors}"


@pytest.fixture
def axe():
    """Runs axe-core (from node_modules, injected by Playwright) and returns serious/critical violations."""
    from django.conf import settings

    path = settings.NODE_MODULES / "axe-core" / "axe.min.js"
    if not path.exists():
        pytest.fail(f"axe-core ontbreekt ({path}): draai 'npm ci'.")
    source = path.read_text(encoding="utf-8")

    def check(page) -> list[str]:
        # evaluate() goes through the DevTools protocol, so our CSP (no inline script) stays strict.
        page.evaluate(source)
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return check


PASSWORD = "correct-paard-batterij-niet"  # the password GebruikerFactory gives


@pytest.fixture
def inloggen(page):
    """Log in through the real form, as a person would."""

    def login(username: str, password: str = PASSWORD):
        page.goto("/accounts/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()

    return login
