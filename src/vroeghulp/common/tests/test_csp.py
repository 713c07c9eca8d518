"""The CSP header built once (common.csp): the same header as django-csp builds per response, on
pages and on token calls; a view's own policy and a nonce still go through django-csp."""

import pytest
from csp.constants import NONCE
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from vroeghulp.common.csp import VasteCSPMiddleware, vast_beleid


def _antwoord(request, response=None):
    """Both middleware on the same request and response kind: the headers each one sets."""
    headers = []
    for middleware in (CSPMiddleware, VasteCSPMiddleware):
        kopie = response() if response else HttpResponse("ok")
        verzoek = RequestFactory().get(request)
        instantie = middleware(lambda r, kopie=kopie: kopie)
        gegeven = instantie(verzoek)
        headers.append({k: v for k, v in gegeven.headers.items() if k.startswith("Content-Security-Policy")})
    return headers


def test_settings_policy_equals_django_csps_and_is_strict():
    django_csp, vast = _antwoord("/api/v1/signalen/status")
    assert vast == django_csp
    waarde = vast["Content-Security-Policy"]
    assert "script-src 'self'" in waarde and "frame-ancestors 'none'" in waarde and "unsafe-inline" not in waarde
    assert "Content-Security-Policy-Report-Only" not in vast  # none configured


def test_the_production_stack_sends_it_on_token_calls_and_pages(client, db):
    for pad in ("/api/v1/signalen/status?sinds=2026-01-01", "/accounts/inloggen/"):
        assert client.get(pad).headers["Content-Security-Policy"] == vast_beleid(False)[0]


def test_a_views_own_policy_and_a_nonce_are_still_per_response():
    @csp_update({"img-src": ["https://kaart.example"]})
    def view(request):
        return HttpResponse("ok")

    verzoek = RequestFactory().get("/")
    waarde = VasteCSPMiddleware(view)(verzoek).headers["Content-Security-Policy"]
    assert "img-src 'self' data: https://kaart.example" in waarde

    def met_nonce(request):
        return HttpResponse(str(request.csp_nonce))

    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"script-src": ["'self'", NONCE]}}):
        verzoek = RequestFactory().get("/")
        antwoord = VasteCSPMiddleware(met_nonce)(verzoek)
        # django-csp orders the directives as a set iterates: compare them as a set
        assert set(antwoord.headers["Content-Security-Policy"].split("; ")) == {
            "default-src 'self'", f"script-src 'self' 'nonce-{antwoord.content.decode()}'"}


def test_a_header_already_set_or_an_exempt_response_is_left_alone():
    def eigen():
        response = HttpResponse("ok")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    def vrijgesteld():
        response = HttpResponse("ok")
        response._csp_exempt = True
        return response

    assert _antwoord("/", eigen) == [{"Content-Security-Policy": "default-src 'none'"}] * 2
    assert _antwoord("/", vrijgesteld) == [{}, {}]


def test_a_nonce_asked_after_the_header_is_written_is_an_error():
    from csp.exceptions import CSPNonceError

    verzoek = RequestFactory().get("/")
    VasteCSPMiddleware(lambda r: HttpResponse("ok"))(verzoek)
    with pytest.raises(CSPNonceError):
        str(verzoek.csp_nonce)


def test_changed_settings_are_followed():
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}},
                           CONTENT_SECURITY_POLICY_REPORT_ONLY={
                               "DIRECTIVES": {"default-src": ["'self'"]}, "EXCLUDE_URL_PREFIXES": ["/vrij/"]}):
        django_csp, vast = _antwoord("/")
        assert vast == django_csp == {"Content-Security-Policy": "default-src 'none'",
                                      "Content-Security-Policy-Report-Only": "default-src 'self'"}
        assert _antwoord("/vrij/pagina") == [{"Content-Security-Policy": "default-src 'none'"}] * 2
    assert "script-src 'self'" in vast_beleid(False)[0]


def test_the_settings_use_it_in_django_csps_place():
    from django.conf import settings

    assert "vroeghulp.common.csp.VasteCSPMiddleware" in settings.MIDDLEWARE
    assert "csp.middleware.CSPMiddleware" not in settings.MIDDLEWARE
