"""Audit-coverage entries of the monitor app (see vroeghulp.audit.tests.dekking): the monitor's
screens here; the DDAS delivery screens (``ddas_urls``) add theirs to the same two dicts."""

import json
from datetime import date, datetime, timedelta, timezone

from vroeghulp.audit.tests.dekking import Aanroep

_CIJFERS = "Alleen aantallen uit de monitorcellen (kleine aantallen verborgen), nooit gegevens van een persoon."



def _ddas(pad: str, soort: str):
    """CBS's call with an OAuth2 access token, signed with a self-signed test certificate (the API
    never answers unsigned), for a period that holds one signal or one traject."""

    def bouw(request):
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.x509.oid import NameOID

        from vroeghulp.accounts import services as accounts

        sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        naam = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Audit test")])
        nu = datetime.now(timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(naam).issuer_name(naam).public_key(sleutel.public_key())
                .serial_number(1).not_valid_before(nu - timedelta(days=1)).not_valid_after(nu + timedelta(days=1))
                .sign(sleutel, hashes.SHA256()))
        tmp, settings = request.getfixturevalue("tmp_path"), request.getfixturevalue("settings")
        (tmp / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (tmp / "k.pem").write_bytes(sleutel.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                          serialization.NoEncryption()))
        settings.VROEGHULP_DDAS_CERT, settings.VROEGHULP_DDAS_KEY = str(tmp / "c.pem"), str(tmp / "k.pem")
        if soort == "vroegsignalering":
            from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

            SignaalFactory(zaak=ZaakFactory(matchingsdatum=date(2026, 3, 2)), signaaldatum=date(2026, 3, 2))
        else:
            from vroeghulp.schuldhulp import workflow
            from vroeghulp.schuldhulp.tests.factories import inwoner_in

            consulent = request.getfixturevalue("consulent")
            workflow.aanmelden(inwoner_in(consulent.teams.first().wijken.first()).pk, door=consulent,
                               aanmeldingswijze="inloop", aanmelddatum=date(2026, 3, 2))
        gegevens = accounts.cbs_clientgeheim_vernieuwen()
        token = accounts.toegangstoken_uitgeven(gegevens.client_id, gegevens.client_secret).access_token
        return Aanroep(pad, methode="post", content_type="application/json",
                       data=json.dumps({"aanleverperiodeStartdatum": "2026-03-01", "aanleverperiodeEinddatum": "2026-03-31"}),
                       headers={"Authorization": f"Bearer {token}"})

    return bouw


PERSOONSGEGEVENS = {
    "ddas:vroegsignalering": _ddas("/ddas/vroegsignalering/v1/gegevens", "vroegsignalering"),
    "ddas:schuldhulpverlening": _ddas("/ddas/schuldhulpverlening/v1/gegevens", "schuldhulpverlening"),
}
ZONDER_PERSOONSGEGEVENS = {
    "monitor:dashboard": _CIJFERS,
    "monitor:grafiek": _CIJFERS + " Een SVG-grafiek.",
    "monitor:download": _CIJFERS + " Dezelfde tabel als CSV of XLSX.",
    "monitor:kwaliteit": "Aantallen per signaalpartner (een organisatie) en maand, geen personen en geen gebieden.",
    "monitor:doelen": "CBS-cijfers van de hele gemeente en de landelijke doelen; geen gegevens van personen.",
    "ddas:token": "Het OAuth2-tokenpunt van het CBS: geeft een toegangstoken, geen gegevens van personen.",
    "ddas_beheer:voorbeeld": "Voorbeeld van een DDAS-levering: alleen aantallen per soort gegeven, geen personen.",
}
