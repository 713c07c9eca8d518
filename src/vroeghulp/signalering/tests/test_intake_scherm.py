"""The upload screen (beheerder, teamleider; not consulent) and the partner screens (beheerder)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from vroeghulp.accounts.models import ApiToken
from vroeghulp.audit.models import AuditEvent
from vroeghulp.signalering.models import Signaalpartner, Vroegsignaal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_instellingen", "vaste_dag")]

CSV = (
    "ID;bedrag;ontstaansdatum;signaaldatum;burgerservicenummer;postcode;huisnummer\n"
    "A1;412;03-12-2025;10-01-2026;123456782;3563AB;1\n"
    "A2;412;03-12-2025;10-01-2026;123456789;3563AB;2\n"
).encode("cp1252")


def upload(client, partner, inhoud=CSV, naam="levering.csv", **headers):
    bestand = SimpleUploadedFile(naam, inhoud, content_type="text/csv")
    return client.post("/signalen/aanleveren/", {"partner": partner.pk, "bestand": bestand}, headers=headers)


def test_consulent_may_not_upload(client, consulent, energie):
    client.force_login(consulent)
    assert client.get("/signalen/aanleveren/").status_code == 403
    assert upload(client, energie).status_code == 403
    assert not Vroegsignaal.objects.exists()


def test_teamleider_uploads_and_sees_row_report_instantly(client, teamleider, energie):
    client.force_login(teamleider)
    pagina = client.get("/signalen/aanleveren/")
    assert pagina.status_code == 200
    assert b'hx-post="/signalen/aanleveren/"' in pagina.content
    antwoord = upload(client, energie, HX_Request="true")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "<html" not in html  # the htmx partial only
    assert "2 signalen ontvangen" in html and "1 afgewezen" in html
    assert "client.burgerservicenummer" in html and "11-proef" in html
    assert "123456789" not in html and "123456782" not in html
    assert list(Vroegsignaal.objects.values_list("extern_id", flat=True)) == ["A1"]
    event = AuditEvent.objects.get(object_type="signalering.Aanlevering")
    assert (event.gebruikersnaam, event.aantal, event.actie) == ("t.overvecht", 2, "aanmaken")
    volledig = client.get("/signalen/aanleveren/").content.decode()
    assert "levering.csv" in volledig  # listed under the latest deliveries


def test_refused_file_without_htmx(client, beheerder, energie):
    client.force_login(beheerder)
    antwoord = upload(client, energie, inhoud=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), naam="oud.xls")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "<html" in html and "Het bestand is niet ingelezen" in html and ".xlsx" in html
    assert not Vroegsignaal.objects.exists()


def test_partner_screens_for_beheerder_only(client, beheerder, teamleider, energie):
    client.force_login(teamleider)
    assert client.get("/signalen/partners/").status_code == 403
    assert client.post(f"/signalen/partners/{energie.pk}/token/").status_code == 403
    client.force_login(beheerder)
    lijst = client.get("/signalen/partners/")
    assert lijst.status_code == 200 and "Energie BV" in lijst.content.decode()
    nieuw = client.post("/signalen/partners/nieuw/", {
        "code": "woonstad", "naam": "Woonstad", "type": "Huur", "kvk_nummer": "1234567", "actief": "on",
    })
    assert nieuw.status_code == 200 and "8 cijfers" in nieuw.content.decode()
    nieuw = client.post("/signalen/partners/nieuw/", {
        "code": "woonstad", "naam": "Woonstad", "type": "Huur", "kvk_nummer": "12345678", "actief": "on",
        "contactpersoon": "J. de Vries",
    })
    assert nieuw.status_code == 302
    partner = Signaalpartner.objects.get(code="woonstad")
    assert client.get(f"/signalen/partners/{partner.pk}/token/").status_code == 405
    antwoord = client.post(f"/signalen/partners/{partner.pk}/token/")
    assert antwoord.status_code == 200 and antwoord["Cache-Control"] == "no-store"
    html = antwoord.content.decode()
    waarde = html.split('id="token" type="text" readonly value="')[1].split('"')[0]
    assert ApiToken.zoek(waarde).client.signaalpartner == partner
    assert waarde not in client.get("/signalen/partners/").content.decode()  # shown once
