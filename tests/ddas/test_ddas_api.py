"""POST /ddas/<soort>/v1/gegevens as the official YAMLs say: only the CBS client, Dutch problem
answers naming the field, paging, and a Digest and JAdES signature that a verifier with only
the answer and a test certificate chain (generated here) can check."""

import base64
import hashlib
import json
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlencode

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID
from jsonschema import Draft202012Validator
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import RSAKey

from tests.ddas.helpers import SHV_SCHEMA, VS_SCHEMA, fouten
from vroeghulp.accounts import services as accounts
from vroeghulp.accounts.models import ApiClient, Scope
from vroeghulp.monitor.ddas import ondertekening
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory

VS = "/ddas/vroegsignalering/v1/gegevens"
SHV = "/ddas/schuldhulpverlening/v1/gegevens"


def _naam(cn):
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(onderwerp, sleutel, uitgever, uitgever_sleutel, ca: bool):
    nu = datetime.now(timezone.utc)
    return (x509.CertificateBuilder().subject_name(_naam(onderwerp)).issuer_name(_naam(uitgever))
            .public_key(sleutel.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(nu - timedelta(days=1)).not_valid_after(nu + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(uitgever_sleutel, hashes.SHA256()))


@pytest.fixture(scope="module")
def keten():
    """A test root CA -> intermediate CA -> the organisation's certificate, RSA 2048."""
    root_key, tussen_key, org_key = (rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(3))
    root = _cert("Test Root CA", root_key, "Test Root CA", root_key, True)
    tussen = _cert("Test Tussen CA", tussen_key, "Test Root CA", root_key, True)
    org = _cert("Gemeente Utrecht DDAS", org_key, "Test Tussen CA", tussen_key, False)
    return root, tussen, org, org_key


@pytest.fixture
def ondertekenen(keten, tmp_path, settings):
    root, tussen, org, org_key = keten
    cert = tmp_path / "ddas-cert.pem"
    cert.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (org, tussen)))
    key = tmp_path / "ddas-key.pem"
    key.write_bytes(org_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    settings.VROEGHULP_DDAS_CERT, settings.VROEGHULP_DDAS_KEY = str(cert), str(key)
    settings.VROEGHULP_DDAS_ORGANISATIE = "Gemeente Utrecht"
    settings.VROEGHULP_DDAS_CONTACT_EMAIL = "ddas@example.nl"
    return root


def _token(client) -> str:
    return accounts.nieuwe_api_token(client)[1]


@pytest.fixture
def cbs(db, client):
    """An access token of the CBS client from the token endpoint (OAuth2 client credentials)."""
    gegevens = accounts.cbs_clientgeheim_vernieuwen()
    antwoord = client.post("/ddas/oauth/token", urlencode({"grant_type": "client_credentials",
                                                           "client_id": gegevens.client_id,
                                                           "client_secret": gegevens.client_secret}),
                           content_type="application/x-www-form-urlencoded")
    assert antwoord.status_code == 200, antwoord.content
    return json.loads(antwoord.content)["access_token"]


@pytest.fixture
def data(db):
    zaak = ZaakFactory(matchingsdatum=date(2026, 3, 2))
    for i, d in enumerate([date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 31)]):
        SignaalFactory(zaak=zaak, signaaldatum=d, bsn="" if i else "123456782", bedrag="100.50")
    SignaalFactory(zaak=ZaakFactory(matchingsdatum=date(2026, 4, 1)), signaaldatum=date(2026, 4, 1))


def _post(client, pad, body, token=None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(pad, data=json.dumps(body) if not isinstance(body, bytes) else body,
                       content_type="application/json", **headers, **extra)


MAART = {"aanleverperiodeStartdatum": "2026-03-01", "aanleverperiodeEinddatum": "2026-03-31"}


def _verifieer(antwoord, root):
    """What CBS does: the digest of the body, the chain up to the root, PS256 over the digest line."""
    body = antwoord.content
    assert antwoord["Digest"] == "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
    handtekening = antwoord["nlgov-adr-payload-sig"]
    kop_b64, midden, _sig = handtekening.split(".")
    assert midden == ""  # detached
    kop = json.loads(base64.urlsafe_b64decode(kop_b64 + "=" * (-len(kop_b64) % 4)))
    assert kop["alg"] == "PS256" and kop["typ"] == "JOSE" and kop["kid"]
    assert kop["sigD"] == {"mId": "http://uri.etsi.org/19182/HttpHeaders", "pars": ["digest"]}
    # the HttpHeaders payload is signed unencoded (RFC 7797), and a receiver must know both
    assert kop["b64"] is False and {"sigD", "b64"} <= set(kop["crit"])
    keten = [x509.load_der_x509_certificate(base64.b64decode(c)) for c in kop["x5c"]]
    assert len(keten) == 2
    keten[0].verify_directly_issued_by(keten[1])
    keten[1].verify_directly_issued_by(root)
    publiek = RSAKey.import_key(keten[0].public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    regel = f"digest: {antwoord['Digest']}".encode()
    # Checked without the library that signed it: RFC 7797 section 3, the signing input is the
    # header segment, a dot and the payload as it is; PS256 is RSASSA-PSS with SHA-256, MGF1
    # SHA-256 and a 32-byte salt (RFC 7518 section 3.5).
    handtekening_bytes = base64.urlsafe_b64decode(_sig + "=" * (-len(_sig) % 4))
    keten[0].public_key().verify(
        handtekening_bytes, kop_b64.encode("ascii") + b"." + regel,
        padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
    jws.deserialize_compact(handtekening, publiek, payload=regel, algorithms=["PS256"],
                            registry=ondertekening.REGISTRY)
    return kop, publiek, regel


def test_cbs_gets_a_signed_valid_delivery(client, cbs, data, ondertekenen):
    antwoord = _post(client, VS, MAART, cbs)
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord["Content-Type"] == "application/json"
    kop, publiek, regel = _verifieer(antwoord, ondertekenen)
    inhoud = json.loads(antwoord.content)
    assert fouten(VS_SCHEMA, inhoud["gegevens"]) == []
    [lev] = inhoud["gegevens"]["leveringen"]
    assert len(lev["vroegsignalen"]) == 3 and len(lev["vroegsignaalzaken"]) == 1
    # bedrag 100.50 -> 101 whole euros (half a euro up)
    assert {s["bedrag"] for s in lev["vroegsignalen"]} == {101}
    assert inhoud["paginering"] == {"pageSize": 25000, "currentPage": 1, "totalPages": 1, "totalRecords": 4}
    # the Paginering schema of the YAML
    Draft202012Validator({"type": "object", "required": ["pageSize", "currentPage", "totalPages", "totalRecords"],
                          "properties": {k: {"type": "integer", "minimum": 1} for k in ("pageSize", "currentPage", "totalPages")}}
                         ).validate(inhoud["paginering"])
    # a changed body or another digest line does not verify
    with pytest.raises(BadSignatureError):
        jws.deserialize_compact(antwoord["nlgov-adr-payload-sig"], publiek,
                                payload=f"digest: {ondertekening.digest(antwoord.content + b' ')}".encode(),
                                algorithms=["PS256"], registry=ondertekening.REGISTRY)


def test_paging_as_the_yaml_says(client, cbs, data, ondertekenen):
    # 4 records in March: 3 signals then 1 case; pages of 3 -> [3 signals], [1 case]
    een = json.loads(_post(client, VS, {**MAART, "page": 1, "pageSize": 3}, cbs).content)
    twee_antwoord = _post(client, VS, {**MAART, "page": 2, "pageSize": 3}, cbs)
    _verifieer(twee_antwoord, ondertekenen)
    twee = json.loads(twee_antwoord.content)
    assert een["paginering"] == {"pageSize": 3, "currentPage": 1, "totalPages": 2, "totalRecords": 4}
    assert twee["paginering"]["currentPage"] == 2
    assert [len(p["gegevens"]["leveringen"][0]["vroegsignalen"]) for p in (een, twee)] == [3, 0]
    assert [len(p["gegevens"]["leveringen"][0]["vroegsignaalzaken"]) for p in (een, twee)] == [0, 1]
    drie = _post(client, VS, {**MAART, "page": 3, "pageSize": 3}, cbs)
    assert drie.status_code == 422 and json.loads(drie.content)["invalid_params"][0]["name"] == "page"


def test_schuldhulpverlening_answers_too(client, cbs, db, ondertekenen):
    antwoord = _post(client, SHV, MAART, cbs)
    assert antwoord.status_code == 200
    _verifieer(antwoord, ondertekenen)
    assert fouten(SHV_SCHEMA, json.loads(antwoord.content)["gegevens"]) == []


def test_no_token_401_unknown_401_partner_403_staff_403(client, data, ondertekenen, beheerder):
    zonder = _post(client, VS, MAART)
    assert zonder.status_code == 401 and zonder["Fsc-Error-Code"] == "ERROR_CODE_ACCESS_TOKEN_MISSING"
    assert zonder["WWW-Authenticate"].startswith("Bearer")
    fsc = json.loads(zonder.content)
    assert fsc["domain"] == "ERROR_DOMAIN_INWAY" and fsc["status"] == 401 and "toegangstoken" in fsc["detail"]
    onbekend = _post(client, VS, MAART, "vh_bestaatniet")
    assert onbekend.status_code == 401 and onbekend["Fsc-Error-Code"] == "ERROR_CODE_ACCESS_TOKEN_INVALID"
    partner = accounts.api_client_voor_partner(SignaalpartnerFactory(), [Scope.SIGNALEN_AANLEVEREN, Scope.SIGNALEN_STATUS])
    for pad in (VS, SHV):
        geweigerd = _post(client, pad, MAART, _token(partner))
        assert geweigerd.status_code == 403 and geweigerd["Fsc-Error-Code"] == "ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN"
        assert "Digest" not in geweigerd and b"vroegsignalen" not in geweigerd.content
    rekenaar = ApiClient.objects.create(naam="Rekenhulp", scopes=[Scope.BEREKENINGEN])
    assert _post(client, VS, MAART, _token(rekenaar)).status_code == 403
    # the CBS client's secret is for the token endpoint, not a bearer token of the delivery
    geheim = accounts.cbs_clientgeheim_vernieuwen().client_secret
    assert _post(client, VS, MAART, geheim).status_code == 403
    client.force_login(beheerder)  # a staff session, no token
    assert _post(client, VS, MAART).status_code == 403


@pytest.mark.parametrize("body, veld", [
    ({"aanleverperiodeEinddatum": "2026-03-31"}, "aanleverperiodeStartdatum"),
    ({**MAART, "aanleverperiodeStartdatum": "2026-02-30"}, "aanleverperiodeStartdatum"),
    ({**MAART, "aanleverperiodeEinddatum": 20260331}, "aanleverperiodeEinddatum"),
    ({**MAART, "page": 0}, "page"),
    ({**MAART, "pageSize": "10"}, "pageSize"),
    ({**MAART, "pageSize": True}, "pageSize"),
    ({**MAART, "pageSize": 10**7}, "pageSize"),
    ({**MAART, "gemeente": "0344"}, "gemeente"),
    ({**MAART, "aanleverende_organisatie": 12}, "aanleverende_organisatie"),
    ([MAART], "body"),
    (b"{niet json", "body"),
])
def test_bad_requests_get_a_dutch_400_naming_the_field(client, cbs, ondertekenen, body, veld):
    antwoord = _post(client, VS, body, cbs)
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    probleem = json.loads(antwoord.content)
    assert probleem["status"] == 400 and probleem["title"] == "Ongeldig verzoek"
    assert veld in [p["name"] for p in probleem["invalid_params"]] and veld in probleem["detail"]


def test_unprocessable_period_or_organisation_422(client, cbs, ondertekenen):
    terug = _post(client, VS, {"aanleverperiodeStartdatum": "2026-03-31", "aanleverperiodeEinddatum": "2026-03-01"}, cbs)
    assert terug.status_code == 422 and "aanleverperiodeEinddatum" in json.loads(terug.content)["detail"]
    ander = _post(client, VS, {**MAART, "aanleverende_organisatie": "Gemeente Elders"}, cbs)
    assert ander.status_code == 422 and "Gemeente Utrecht" in json.loads(ander.content)["detail"]
    assert _post(client, VS, {**MAART, "aanleverende_organisatie": "gemeente utrecht"}, cbs).status_code == 200


def test_get_is_405_and_no_key_is_503_never_unsigned(client, cbs, settings):
    antwoord = client.get(VS, HTTP_AUTHORIZATION=f"Bearer {cbs}")
    assert antwoord.status_code == 405 and antwoord["Fsc-Error-Code"] == "ERROR_CODE_METHOD_UNSUPPORTED"
    settings.VROEGHULP_DDAS_CERT = ""
    geen = _post(client, VS, MAART, cbs)
    assert geen.status_code == 503 and "Digest" not in geen
