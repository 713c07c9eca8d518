"""``POST /ddas/oauth/token``: the token URL of the DDAS YAMLs' ``clientCredentials`` flow
(RFC 6749 section 4.4), for the CBS client only (the rules: ``accounts.oauth``).

- request: ``application/x-www-form-urlencoded`` with ``grant_type=client_credentials`` and
  optionally ``scope=ddas``; the client authenticates with HTTP Basic (client_id and secret,
  each form-urlencoded, RFC 6749 section 2.3.1) or with ``client_id`` and ``client_secret`` in
  the body, never both;
- answer 200 ``{"access_token", "token_type": "Bearer", "expires_in", "scope"}`` with
  ``Cache-Control: no-store`` (section 5.1);
- errors (section 5.2) ``{"error", "error_description"}``: ``invalid_request`` (400),
  ``invalid_client`` (401; with ``WWW-Authenticate: Basic`` when Basic was tried),
  ``unsupported_grant_type`` (400), ``invalid_scope`` (400). The client_credentials grant has no
  grant of its own to be wrong, so ``invalid_grant`` does not occur.

Neither the secret nor the token is ever logged: this view logs nothing, and Django's request
log names only the path.
"""

from __future__ import annotations

import base64
import binascii
import json
from urllib.parse import unquote_plus

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from vroeghulp.accounts import services as accounts

GEEN_OPSLAG = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def _antwoord(body: dict, status: int = 200, **headers) -> HttpResponse:
    return HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type="application/json",
                        headers={**GEEN_OPSLAG, **headers})


def _fout(fout: str, omschrijving: str, status: int = 400, **headers) -> HttpResponse:
    return _antwoord({"error": fout, "error_description": omschrijving}, status, **headers)


def _basic(kop: str) -> tuple[str, str] | None:
    """(client_id, secret) from ``Authorization: Basic``, or None when it cannot be read."""
    soort, _spatie, waarde = kop.partition(" ")
    if soort.lower() != "basic":
        return None
    try:
        tekst = base64.b64decode(waarde.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    naam, dubbelepunt, geheim = tekst.partition(":")
    return (unquote_plus(naam), unquote_plus(geheim)) if dubbelepunt else None


@csrf_exempt
def token(request):
    if request.method != "POST":
        return _fout("invalid_request", f"Gebruik POST, niet {request.method}.", 405, Allow="POST")
    if request.content_type != "application/x-www-form-urlencoded":
        return _fout("invalid_request", "Stuur het verzoek als application/x-www-form-urlencoded.")
    velden = request.POST
    dubbel = sorted(k for k in velden if len(velden.getlist(k)) > 1)
    if dubbel:
        return _fout("invalid_request", f"{dubbel[0]}: dit veld staat er meer dan één keer in.")
    kop = request.headers.get("Authorization", "")
    in_body = "client_id" in velden or "client_secret" in velden
    if kop and in_body:
        return _fout("invalid_request", "Gebruik één manier om de client aan te melden: Basic of de velden client_id en client_secret, niet allebei.")
    basic = {"WWW-Authenticate": 'Basic realm="ddas"'} if kop else {}
    if kop:
        gegevens = _basic(kop)
        if gegevens is None:
            return _fout("invalid_client", "Authorization: schrijf Basic met base64 van client_id:client_secret.", 401, **basic)
        naam, geheim = gegevens
    else:
        naam, geheim = velden.get("client_id", ""), velden.get("client_secret", "")
        if not naam or not geheim:
            return _fout("invalid_client", "client_id en client_secret ontbreken (of gebruik Basic).", 401,
                         **{"WWW-Authenticate": 'Basic realm="ddas"'})
    soort = velden.get("grant_type")
    if not soort:
        return _fout("invalid_request", "grant_type ontbreekt; gebruik grant_type=client_credentials.")
    if soort != "client_credentials":
        return _fout("unsupported_grant_type", "grant_type: alleen client_credentials is mogelijk.")
    try:
        uitgegeven = accounts.toegangstoken_uitgeven(naam, geheim, velden.get("scope"))
    except accounts.OAuthFout as fout:
        return _fout(fout.fout, fout.omschrijving, fout.status, **(basic if fout.status == 401 else {}))
    return _antwoord({"access_token": uitgegeven.access_token, "token_type": "Bearer",
                      "expires_in": uitgegeven.expires_in, "scope": uitgegeven.scope})
