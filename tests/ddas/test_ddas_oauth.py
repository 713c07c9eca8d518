"""OAuth2 client credentials for the DDAS API (RFC 6749 section 4.4, errors as section 5.2):
the CBS client's secret gets a short-lived bearer token, and only that token gets a delivery."""

import base64
import io
import json
import logging
import re
from datetime import timedelta
from urllib.parse import quote_plus, urlencode

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.ddas.test_ddas_api import MAART, VS, _post, keten, ondertekenen  # noqa: F401 (fixtures)
from vroeghulp.accounts import services as accounts
from vroeghulp.accounts.models import ApiClient, Scope
from vroeghulp.audit.models import AuditEvent
from vroeghulp.zaken.tests.factories import SignaalpartnerFactory

TOKEN = "/ddas/oauth/token"
FORM = "application/x-www-form-urlencoded"
# RFC 6750 section 2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
B64TOKEN = re.compile(r"^[A-Za-z0-9\-._~+/]+=*$")


@pytest.fixture
def gegevens(db):
    return accounts.cbs_clientgeheim_vernieuwen()


def _vraag(client, velden: dict, basic: tuple[str, str] | None = None, content_type=FORM):
    extra = {}
    if basic is not None:
        paar = f"{quote_plus(basic[0])}:{quote_plus(basic[1])}".encode()
        extra["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(paar).decode()
    body = urlencode(velden) if content_type == FORM else json.dumps(velden)
    return client.post(TOKEN, body, content_type=content_type, **extra)


def _token(client, gegevens) -> str:
    antwoord = _vraag(client, {"grant_type": "client_credentials", "client_id": gegevens.client_id,
                               "client_secret": gegevens.client_secret})
    assert antwoord.status_code == 200, antwoord.content
    return json.loads(antwoord.content)["access_token"]


def _fout(antwoord) -> str:
    assert antwoord["Content-Type"] == "application/json" and antwoord["Cache-Control"] == "no-store"
    body = json.loads(antwoord.content)
    assert set(body) == {"error", "error_description"} and body["error_description"]
    return body["error"]


def test_right_secret_gives_a_bearer_token_that_gets_the_delivery(client, gegevens, ondertekenen):
    antwoord = _vraag(client, {"grant_type": "client_credentials", "scope": "ddas"},
                      basic=(gegevens.client_id, gegevens.client_secret))
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord["Cache-Control"] == "no-store" and antwoord["Pragma"] == "no-cache"  # RFC 6749 5.1
    body = json.loads(antwoord.content)
    assert body["token_type"] == "Bearer" and body["expires_in"] == 900 and body["scope"] == "ddas"
    assert B64TOKEN.match(body["access_token"]) and gegevens.client_secret not in body["access_token"]
    levering = _post(client, VS, MAART, body["access_token"])
    assert levering.status_code == 200 and "Digest" in levering
    # the secret in the body works the same way
    assert _post(client, VS, MAART, _token(client, gegevens)).status_code == 200


def test_wrong_secret_or_unknown_client_is_401_invalid_client(client, gegevens):
    for velden, basic in [
        ({"client_id": gegevens.client_id, "client_secret": gegevens.client_secret + "x"}, None),
        ({"client_id": "vroeghulp-client-999999", "client_secret": gegevens.client_secret}, None),
        ({"client_id": "iemand", "client_secret": gegevens.client_secret}, None),
        ({}, (gegevens.client_id, "vh_fout")),
        ({"client_id": gegevens.client_id}, None),
    ]:
        antwoord = _vraag(client, {"grant_type": "client_credentials", **velden}, basic=basic)
        assert antwoord.status_code == 401 and _fout(antwoord) == "invalid_client", velden
    # with Basic tried, the 401 says how to authenticate (RFC 6749 5.2)
    antwoord = _vraag(client, {"grant_type": "client_credentials"}, basic=(gegevens.client_id, "vh_fout"))
    assert antwoord["WWW-Authenticate"].startswith("Basic")


def test_partner_or_other_client_gets_no_token(client, db):
    partner = accounts.api_client_voor_partner(SignaalpartnerFactory(), [Scope.SIGNALEN_AANLEVEREN])
    rekenaar = ApiClient.objects.create(naam="Rekenhulp", scopes=[Scope.BEREKENINGEN])
    for c in (partner, rekenaar):
        _t, waarde = accounts.nieuwe_api_token(c)  # its own valid API token offered as a secret
        antwoord = _vraag(client, {"grant_type": "client_credentials", "client_id": f"vroeghulp-client-{c.pk}",
                                   "client_secret": waarde})
        assert antwoord.status_code == 401 and _fout(antwoord) == "invalid_client"
        assert _post(client, VS, MAART, waarde).status_code == 403  # and its token is no DDAS token
    with pytest.raises(ValueError):
        accounts.cbs_clientgeheim_vernieuwen("Rekenhulp")  # a name in use with other rights


@pytest.mark.parametrize("velden, fout", [
    ({}, "invalid_request"),
    ({"grant_type": "password"}, "unsupported_grant_type"),
    ({"grant_type": "authorization_code"}, "unsupported_grant_type"),
    ({"grant_type": "client_credentials", "scope": "read"}, "invalid_scope"),
    ({"grant_type": "client_credentials", "scope": "ddas signalen:status"}, "invalid_scope"),
])
def test_bad_requests_are_400_with_the_rfc_code(client, gegevens, velden, fout):
    antwoord = _vraag(client, velden, basic=(gegevens.client_id, gegevens.client_secret))
    assert antwoord.status_code == 400 and _fout(antwoord) == fout


def test_both_methods_json_or_get_are_refused(client, gegevens):
    beide = _vraag(client, {"grant_type": "client_credentials", "client_id": gegevens.client_id,
                            "client_secret": gegevens.client_secret}, basic=(gegevens.client_id, gegevens.client_secret))
    assert beide.status_code == 400 and _fout(beide) == "invalid_request"
    als_json = _vraag(client, {"grant_type": "client_credentials", "client_id": gegevens.client_id,
                               "client_secret": gegevens.client_secret}, content_type="application/json")
    assert als_json.status_code == 400 and _fout(als_json) == "invalid_request"
    dubbel = client.post(TOKEN, "grant_type=client_credentials&grant_type=password", content_type=FORM,
                         HTTP_AUTHORIZATION="Basic " + base64.b64encode(
                             f"{gegevens.client_id}:{gegevens.client_secret}".encode()).decode())
    assert dubbel.status_code == 400 and "grant_type" in json.loads(dubbel.content)["error_description"]
    assert client.get(TOKEN).status_code == 405
    kapot = client.post(TOKEN, "grant_type=client_credentials", content_type=FORM, HTTP_AUTHORIZATION="Basic %%%")
    assert kapot.status_code == 401 and _fout(kapot) == "invalid_client"


def test_expired_token_is_401(client, gegevens, ondertekenen):
    toegang = _token(client, gegevens)
    with time_machine.travel(timezone.now() + timedelta(seconds=899)):
        assert _post(client, VS, MAART, toegang).status_code == 200  # 899 s < 900 s: still valid
    with time_machine.travel(timezone.now() + timedelta(seconds=901)):
        verlopen = _post(client, VS, MAART, toegang)
    assert verlopen.status_code == 401 and verlopen["Fsc-Error-Code"] == "ERROR_CODE_ACCESS_TOKEN_INVALID"
    # a token changed by one character is not valid either
    vervalst = toegang[:-1] + ("A" if toegang[-1] != "A" else "B")
    assert _post(client, VS, MAART, vervalst).status_code == 401


def test_rotating_the_secret_ends_the_old_secret_and_its_tokens(client, gegevens, ondertekenen):
    oud_token = _token(client, gegevens)
    uit = io.StringIO()
    call_command("ddas_client", stdout=uit, stderr=io.StringIO())
    regels = dict(r.split("=", 1) for r in uit.getvalue().split())
    assert regels["client_id"] == gegevens.client_id and regels["client_secret"] != gegevens.client_secret
    assert _post(client, VS, MAART, oud_token).status_code == 401
    oud = _vraag(client, {"grant_type": "client_credentials"}, basic=(gegevens.client_id, gegevens.client_secret))
    assert oud.status_code == 401
    nieuw = accounts.Clientgegevens(regels["client_id"], regels["client_secret"])
    assert _post(client, VS, MAART, _token(client, nieuw)).status_code == 200
    # the rotation is in the audit trail, without the secret
    event = AuditEvent.objects.filter(object_type="accounts.ApiClient").latest("id")
    assert "clientgeheim" in event.toelichting and regels["client_secret"] not in event.toelichting
    # a deactivated client gets no token and its tokens stop
    toegang = _token(client, nieuw)
    ApiClient.objects.filter(naam="CBS").update(actief=False)
    assert _post(client, VS, MAART, toegang).status_code == 401
    assert _vraag(client, {"grant_type": "client_credentials"}, basic=(nieuw.client_id, nieuw.client_secret)).status_code == 401


def test_cli_bad_name_is_exit_2(db):
    ApiClient.objects.create(naam="Rekenhulp", scopes=[Scope.BEREKENINGEN])
    for naam, melding in [("Rekenhulp", "andere rechten"), ("  ", "--naam")]:
        with pytest.raises(CommandError) as fout:
            call_command("ddas_client", "--naam", naam, stdout=io.StringIO(), stderr=io.StringIO())
        assert fout.value.returncode == 2 and melding in str(fout.value)


def test_no_secret_or_token_in_any_log_line(client, gegevens, ondertekenen, caplog):
    caplog.set_level(logging.DEBUG)
    toegang = _token(client, gegevens)
    _vraag(client, {"grant_type": "client_credentials", "client_id": gegevens.client_id,
                    "client_secret": gegevens.client_secret + "x"})  # a 401, which Django logs
    _vraag(client, {"grant_type": "password"}, basic=(gegevens.client_id, gegevens.client_secret))  # a 400
    _post(client, VS, MAART, toegang)
    _post(client, VS, MAART, toegang + "x")  # a 401
    _post(client, VS, MAART, gegevens.client_secret)  # a 403
    assert caplog.records  # the requests were logged (django.request, the database), so the check can fail
    geheimen = (gegevens.client_secret, gegevens.client_secret[8:], toegang, toegang.split(".")[-1])
    for record in caplog.records:
        regel = record.getMessage() + repr(record.args) + repr(getattr(record, "request", ""))
        assert not any(g in regel for g in geheimen), record.name
