"""The ``Digest`` header and the ``nlgov-adr-payload-sig`` signature of a DDAS answer.

As the official YAMLs say (``standaard/*/DDAS-*.yaml``, components ``Digest`` and
``NlgovAdrPayloadSig``): ``Digest`` is "SHA-256 digest van de payload (conform RFC 3230)",
``SHA-256=<base64>``; the signature is "JAdES payload signing conform Geonovum KP-APIs
signing-jades module (header: nlgov-adr-payload-sig, PS256, detached, alleen digest getekend,
key meegestuurd via x5c)", a JWS Compact Serialization with a detached payload whose protected
header has at least ``alg: PS256``, ``kid``, ``x5c`` (the whole chain) and ``typ: "JOSE"``.

"Alleen digest getekend": the detached JWS payload is not the body but the ``Digest`` header
line, as JAdES's HttpHeaders mechanism signs HTTP headers and as the Geonovum module requires
for payload signing (ETSI TS 119 182-1; ADR signing-jades "Payload signing": ``sigD`` with
``mId`` http://uri.etsi.org/19182/HttpHeaders and ``pars`` only ``["digest"]``): the bytes
``digest: SHA-256=...``. That payload is signed as it is, not base64url-encoded (``b64: false``,
RFC 7797), so the signing input is ``BASE64URL(header) "." "digest: SHA-256=..."``; a receiver
that must understand ``sigD`` and ``b64`` finds them in ``crit`` (the DDAS profile: "crit geeft
aan dat een ontvanger sigD en b64 moet begrijpen"). A verifier recomputes the digest of the
body, rebuilds that line and checks PS256 with the key of ``x5c[0]``. ``sigT`` is the signing
time (UTC), in ``crit`` too.

The certificate chain and key come from the settings ``VROEGHULP_DDAS_CERT`` (PEM file, the
organisation's certificate first, then the intermediates) and ``VROEGHULP_DDAS_KEY`` (PEM file,
RSA private key). Made with joserfc.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from joserfc import jws
from joserfc.jwk import RSAKey
from joserfc.registry import HeaderParameter

ALG = "PS256"
HTTP_HEADERS = "http://uri.etsi.org/19182/HttpHeaders"


def _is_str(waarde) -> None:
    if not isinstance(waarde, str):
        raise ValueError("must be a string")


def _is_sigd(waarde) -> None:
    if not (isinstance(waarde, dict) and isinstance(waarde.get("mId"), str) and isinstance(waarde.get("pars"), list)):
        raise ValueError("must be a sigD object with mId and pars")


# joserfc refuses headers it does not know in ``crit``: the two JAdES headers we use
REGISTRY = jws.JWSRegistry(
    header_registry={"sigT": HeaderParameter("JAdES signing time", _is_str),
                     "sigD": HeaderParameter("JAdES signed data", _is_sigd)},
    algorithms=[ALG],
)
# x5c carries the whole chain (PKIoverheid: three certificates of about 2 kB): more than joserfc's
# default limit of 512 bytes for a protected header
REGISTRY.max_header_length = 32 * 1024


class GeenSleutel(Exception):
    """VROEGHULP_DDAS_CERT / VROEGHULP_DDAS_KEY are not set or cannot be read."""


@dataclass(frozen=True)
class Sleutel:
    key: RSAKey
    x5c: list[str]  # base64 DER, the organisation's certificate first
    kid: str


def digest(body: bytes) -> str:
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode("ascii")


def getekende_regel(digest_waarde: str) -> bytes:
    """The detached payload: the Digest header as a header line (lower-case name)."""
    return f"digest: {digest_waarde}".encode("ascii")


def sleutel_van(cert_pem: bytes, key_pem: bytes) -> Sleutel:
    keten = x509.load_pem_x509_certificates(cert_pem)
    x5c = [base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode("ascii") for c in keten]
    # kid: the certificate's SHA-256 thumbprint (as x5t#S256), so a renewed certificate has a new one
    kid = base64.urlsafe_b64encode(hashlib.sha256(base64.b64decode(x5c[0])).digest()).rstrip(b"=").decode()
    return Sleutel(key=RSAKey.import_key(key_pem), x5c=x5c, kid=kid)


@lru_cache(maxsize=4)
def _uit_bestanden(cert_pad: str, key_pad: str) -> Sleutel:
    try:
        return sleutel_van(Path(cert_pad).read_bytes(), Path(key_pad).read_bytes())
    except (OSError, ValueError) as fout:
        raise GeenSleutel(f"VROEGHULP_DDAS_CERT/VROEGHULP_DDAS_KEY zijn niet te lezen: {type(fout).__name__}") from None


def sleutel() -> Sleutel:
    cert_pad = getattr(settings, "VROEGHULP_DDAS_CERT", "")
    key_pad = getattr(settings, "VROEGHULP_DDAS_KEY", "")
    if not cert_pad or not key_pad:
        raise GeenSleutel("VROEGHULP_DDAS_CERT en VROEGHULP_DDAS_KEY zijn niet ingesteld.")
    return _uit_bestanden(str(cert_pad), str(key_pad))


def handtekening(digest_waarde: str, s: Sleutel, nu: datetime | None = None) -> str:
    """The ``nlgov-adr-payload-sig`` value: compact JWS, payload detached (``header..signature``)."""
    nu = (nu or datetime.now(timezone.utc)).astimezone(timezone.utc)
    protected = {
        "alg": ALG, "typ": "JOSE", "kid": s.kid, "x5c": s.x5c, "x5t#S256": s.kid,
        "sigT": nu.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sigD": {"mId": HTTP_HEADERS, "pars": ["digest"]},
        "b64": False,
        "crit": ["sigT", "sigD", "b64"],
    }
    compact = jws.serialize_compact(protected, getekende_regel(digest_waarde), s.key, algorithms=[ALG],
                                    registry=REGISTRY)
    return jws.detach_compact_content(compact)


def onderteken(body: bytes, s: Sleutel | None = None) -> dict[str, str]:
    """The two response headers for this body."""
    waarde = digest(body)
    return {"Digest": waarde, "nlgov-adr-payload-sig": handtekening(waarde, s or sleutel())}
