"""OAuth 2.0 client credentials (RFC 6749 section 4.4) for the CBS client of the DDAS deliveries.

The DDAS YAMLs (``monitor/ddas/standaard``) describe the API as secured by ``clientCredentials``
with a token URL: CBS sends its client_id and client_secret and gets a short-lived bearer token.

- **client secret**: an ``ApiToken`` of the CBS client, so it is stored as the house stores every
  API credential: a 256-bit random value of which only the SHA-256 hash is kept
  (``models.hash_token``). Making a new one (``nieuw_geheim``) revokes the old ones.
- **access token**: a value signed with the secret key (``django.core.signing``, HMAC-SHA256,
  constant-time check) that names the client and the secret it was issued for, valid for
  ``TOEGANG_SECONDEN``. Nothing is stored per token; each use checks that the secret is still
  valid and the client active, so revoking or rotating the secret ends its tokens at once.
  The separator is "." (not Django's ":"), so the value is a valid RFC 6750 ``b64token``.

Only a client with the DDAS scope and no signal partner can get a token: for any other client
(a partner's client, a calculation client) the token endpoint answers ``invalid_client``, as for
an unknown one, so it does not tell which clients exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.utils import timezone

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie

DDAS_SCOPE = Scope.DDAS_LEVERING.value
TOEGANG_SECONDEN = 900  # 15 minutes: enough to fetch every page of a year, short if it leaks
_ZOUT = "vroeghulp.accounts.oauth.toegangstoken"
_CLIENT_ID = "vroeghulp-client-"


class OAuthFout(Exception):
    """An error answer of the token endpoint (RFC 6749 section 5.2): ``fout`` is the error code,
    ``omschrijving`` the Dutch error_description, ``status`` 400 or 401."""

    def __init__(self, fout: str, omschrijving: str, status: int = 400):
        super().__init__(omschrijving)
        self.fout, self.omschrijving, self.status = fout, omschrijving, status


@dataclass(frozen=True)
class Clientgegevens:
    """What the beheerder gives CBS, once: the secret is not stored."""

    client_id: str
    client_secret: str


@dataclass(frozen=True)
class Toegangstoken:
    access_token: str
    expires_in: int
    scope: str


def client_id(client: ApiClient) -> str:
    return f"{_CLIENT_ID}{client.pk}"


def _pk(waarde: str) -> int | None:
    getal = waarde[len(_CLIENT_ID):] if waarde.startswith(_CLIENT_ID) else ""
    return int(getal) if getal.isascii() and getal.isdigit() and len(getal) < 19 else None


def _ondertekenaar() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=_ZOUT, sep=".")


def is_ddas_client(client: ApiClient) -> bool:
    return client.actief and client.heeft_scope(DDAS_SCOPE) and client.signaalpartner_id is None


@transaction.atomic
def nieuw_geheim(client: ApiClient) -> Clientgegevens:
    """Revoke the client's secrets (and so its access tokens) and make a new one."""
    if not is_ddas_client(client):
        raise ValueError(f"De API-client '{client.naam}' is geen actieve DDAS-client.")
    ApiToken.objects.filter(client=client, ingetrokken__isnull=True).update(ingetrokken=timezone.now())
    _token, waarde = ApiToken.nieuw(client)
    audit.log(actor=None, actie=Actie.WIJZIGEN, object_type="accounts.ApiClient", object_id=client.pk,
              doel="Beheer van API-clients", toelichting="nieuw clientgeheim (OAuth2 client credentials)")
    return Clientgegevens(client_id=client_id(client), client_secret=waarde)


def uitgeven(client_id_waarde: str, client_secret: str, scope: str | None = None) -> Toegangstoken:
    """A token for the client with this id and secret; ``OAuthFout`` when they do not fit."""
    pk = _pk(client_id_waarde or "")
    gevonden = ApiToken.zoek(client_secret) if pk is not None and client_secret else None
    if gevonden is None or gevonden.client_id != pk or not is_ddas_client(gevonden.client):
        raise OAuthFout("invalid_client", "De client_id of het client_secret klopt niet.", 401)
    gevraagd = set((scope or DDAS_SCOPE).split())
    if gevraagd != {DDAS_SCOPE}:
        raise OAuthFout("invalid_scope", f"scope: alleen '{DDAS_SCOPE}' is mogelijk.")
    ApiToken.objects.filter(pk=gevonden.pk).update(laatst_gebruikt=timezone.now())
    waarde = _ondertekenaar().sign_object({"c": pk, "g": gevonden.pk})
    return Toegangstoken(access_token=waarde, expires_in=TOEGANG_SECONDEN, scope=DDAS_SCOPE)


def client_van_toegangstoken(waarde: str, max_leeftijd: int = TOEGANG_SECONDEN) -> ApiClient | None:
    """The client of a valid, unexpired access token whose secret is still valid; else None."""
    try:
        inhoud = _ondertekenaar().unsign_object(waarde, max_age=max_leeftijd)
    except (signing.BadSignature, ValueError):  # SignatureExpired is a BadSignature
        return None
    if not (isinstance(inhoud, dict) and isinstance(inhoud.get("c"), int) and isinstance(inhoud.get("g"), int)):
        return None
    geheim = (ApiToken.objects.select_related("client")
              .filter(pk=inhoud["g"], client_id=inhoud["c"], ingetrokken__isnull=True, client__actief=True).first())
    return geheim.client if geheim is not None else None
