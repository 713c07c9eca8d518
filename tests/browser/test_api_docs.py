"""/api/v1/docs in a real browser: Swagger UI from our own static files runs under the strict CSP
(the page fixture fails on any CSP violation, script error or missing asset)."""

from playwright.sync_api import expect


def test_swagger_ui_shows_the_operations_under_our_csp(page, db):
    page.goto("/api/v1/docs")
    expect(page.get_by_text("/api/v1/berekeningen").first).to_be_visible()
    expect(page.get_by_text("/api/v1/signalen/status").first).to_be_visible()
