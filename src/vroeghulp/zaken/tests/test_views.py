"""Screens: access per wijk, audit of reads, worklist order and filters, one-click steps, bulk."""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory
from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.signalering.models import PartnerType, Signaalstatus
from vroeghulp.zaken import brieven, workflow
from vroeghulp.zaken.models import Contactsoort, Eindresultaat, Zaakstatus
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory

pytestmark = pytest.mark.django_db


def rijen(response):
    return [z.pk for z in response.context["rijen"]]


def test_worklist_shows_only_own_wijken_and_audits_once(client, consulent, zaak_overvecht, zaak_zuid):
    client.force_login(consulent)
    response = client.get("/zaken/")
    assert response.status_code == 200
    assert rijen(response) == [zaak_overvecht.pk]
    event = AuditEvent.objects.get(actie=Actie.LEZEN, object_type="zaken.Vroegsignaalzaak")
    assert event.aantal == 1 and event.gebruikersnaam == consulent.username
    assert zaak_overvecht.inwoner.naam in response.content.decode()


def test_worklist_urgency_order(client, consulent, wijk_overvecht):
    vandaag = timezone.localdate()
    kwargs = {"inwoner__huishouden__adres__buurt__wijk": wijk_overvecht}
    later = ZaakFactory(matchingsdatum=vandaag, **kwargs)
    oud = ZaakFactory(matchingsdatum=vandaag - datetime.timedelta(days=40), **kwargs)  # overdue
    crisis = ZaakFactory(crisis=True, matchingsdatum=vandaag, **kwargs)
    warm = ZaakFactory(warme_overdracht=True, matchingsdatum=vandaag, **kwargs)
    client.force_login(consulent)
    assert rijen(client.get("/zaken/")) == [warm.pk, oud.pk, crisis.pk, later.pk]


def test_worklist_filters(client, consulent, wijk_overvecht, team_overvecht):
    kwargs = {"inwoner__huishouden__adres__buurt__wijk": wijk_overvecht}
    crisis = ZaakFactory(crisis=True, totaal_bedrag=900, **kwargs)
    SignaalFactory(zaak=crisis)
    huur = ZaakFactory(totaal_bedrag=120, matchsoort="meervoudig", **kwargs)
    SignaalFactory(zaak=huur, partner=SignaalpartnerFactory(code="huur", naam="Woningcorporatie", type=PartnerType.HUUR))
    mijn = ZaakFactory(toegewezen_aan=consulent, **kwargs)
    client.force_login(consulent)
    assert rijen(client.get("/zaken/?crisis=ja")) == [crisis.pk]
    assert rijen(client.get("/zaken/?signaaltype=Huur")) == [huur.pk]
    assert rijen(client.get("/zaken/?soort=meervoudig")) == [huur.pk]
    assert set(rijen(client.get("/zaken/?bedrag_min=100&bedrag_max=500"))) == {huur.pk, mijn.pk}
    assert rijen(client.get("/zaken/?toegewezen=mij")) == [mijn.pk]
    assert rijen(client.get("/zaken/?termijn=verlopen")) == []
    # htmx: only the table
    response = client.get("/zaken/?crisis=ja", headers={"HX-Request": "true"})
    assert b"<html" not in response.content and b"Crisis" in response.content


def test_worklist_query_count_is_constant(client, consulent, wijk_overvecht, django_assert_max_num_queries):
    for _ in range(20):
        SignaalFactory(zaak=ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht))
    client.force_login(consulent)
    client.get("/zaken/")
    with django_assert_max_num_queries(16):
        client.get("/zaken/?crisis=nee&signaaltype=Energie")


def test_case_file_audits_person_and_household(client, consulent, zaak_overvecht):
    from vroeghulp.personen.tests.factories import InwonerFactory

    partner = InwonerFactory(huishouden=zaak_overvecht.inwoner.huishouden, rol="partner")
    client.force_login(consulent)
    response = client.get(f"/zaken/{zaak_overvecht.pk}/")
    assert response.status_code == 200
    gelezen = set(AuditEvent.objects.filter(actie=Actie.LEZEN).values_list("persoon_id", flat=True))
    assert {zaak_overvecht.inwoner_id, partner.pk} <= gelezen
    tekst = response.content.decode()
    assert "Oppakken" in tekst and "Crisis" in tekst


def test_case_file_other_wijk_refused_and_audited(client, consulent, zaak_zuid):
    client.force_login(consulent)
    assert client.get(f"/zaken/{zaak_zuid.pk}/").status_code == 403
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, object_id=str(zaak_zuid.pk)).exists()
    assert client.post(f"/zaken/{zaak_zuid.pk}/oppakken/").status_code == 403


@pytest.mark.parametrize("rol", [Rol.ANALIST, Rol.BEHEERDER, Rol.KETENPARTNER])
def test_other_roles_have_no_worklist(client, rol, zaak_overvecht):
    client.force_login(GebruikerFactory(rol=rol))
    assert client.get("/zaken/").status_code == 403
    assert client.get(f"/zaken/{zaak_overvecht.pk}/").status_code == 403


def test_the_whole_story_through_the_screens(client, consulent, zaak_overvecht):
    client.force_login(consulent)
    pk = zaak_overvecht.pk
    client.post(f"/zaken/{pk}/oppakken/")
    vandaag = timezone.localdate().isoformat()
    client.post(f"/zaken/{pk}/contactpoging/", {"poging-soort": "Telefoon", "poging-datum": vandaag,
                                                 "poging-dagdeel": "Ochtend", "poging-bereikt": "nee"})
    detail = client.get(f"/zaken/{pk}/").content.decode()
    assert "Volgende poging" in detail and "Huisbezoek" in detail
    # one click on the suggestion: a house visit, reached
    client.post(f"/zaken/{pk}/contactpoging/", {"poging-soort": "Huisbezoek", "poging-datum": vandaag,
                                                 "poging-dagdeel": "Avond", "poging-bereikt": "ja"})
    client.post(f"/zaken/{pk}/stap/hulp_aangeboden/", {})
    client.post(f"/zaken/{pk}/stap/afgerond/", {"afgerond-resultaat": Eindresultaat.VERVOLGHULP_FINANCIEEL})
    zaak_overvecht.refresh_from_db()
    assert zaak_overvecht.status == Zaakstatus.AFGEROND
    assert zaak_overvecht.resultaat == Eindresultaat.VERVOLGHULP_FINANCIEEL
    assert [p.bereikt for p in zaak_overvecht.contactpogingen.all()] == [False, True]
    assert zaak_overvecht.signalen.get().status == Signaalstatus.OPGEPAKT


def test_second_pick_up_shows_message(client, consulent, team_overvecht, zaak_overvecht):
    collega = GebruikerFactory(first_name="Kim", last_name="Bakker", teams=[team_overvecht])
    workflow.oppakken(zaak_overvecht, door=collega)
    client.force_login(consulent)
    response = client.post(f"/zaken/{zaak_overvecht.pk}/oppakken/", follow=True)
    assert "net opgepakt door Kim Bakker" in response.content.decode()


def test_bulk_assign(client, teamleider, consulent, wijk_overvecht):
    zaken = [ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht) for _ in range(3)]
    client.force_login(teamleider)
    response = client.post("/zaken/bulk/", {"zaak": [z.pk for z in zaken], "actie": "toewijzen",
                                            "aan": consulent.pk, "terug": "/zaken/?crisis=nee"})
    assert response.status_code == 302 and response["Location"] == "/zaken/?crisis=nee"
    assert all(z.toegewezen_aan == consulent for z in type(zaken[0]).objects.filter(pk__in=[z.pk for z in zaken]))


def test_bulk_refuses_cases_of_other_wijk(client, consulent, zaak_overvecht, zaak_zuid):
    client.force_login(consulent)
    response = client.post("/zaken/bulk/", {"zaak": [zaak_overvecht.pk, zaak_zuid.pk], "actie": "toewijzen",
                                            "aan": consulent.pk})
    assert response.status_code == 403


def test_bulk_letters_one_pdf_audit_per_letter(client, consulent, wijk_overvecht):
    zaken = [ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht) for _ in range(3)]
    for zaak in zaken[:2]:
        workflow.oppakken(zaak, door=consulent)
    sjabloon = brieven.sjablonen().get(naam="Kennismakingsbrief")
    client.force_login(consulent)
    response = client.post("/zaken/bulk/", {"zaak": [z.pk for z in zaken], "actie": "brieven",
                                            "sjabloon": sjabloon.pk, "vastleggen": "on"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    export = AuditEvent.objects.filter(actie=Actie.EXPORTEREN)
    assert export.count() == 3
    assert set(export.values_list("persoon_id", flat=True)) == {z.inwoner_id for z in zaken}
    # picked-up cases got a contact attempt "Brief"; the new one did not
    for zaak in zaken[:2]:
        assert zaak.contactpogingen.get().soort == Contactsoort.BRIEF
    assert not zaken[2].contactpogingen.exists()


def test_letter_text_is_filled_in(consulent, zaak_overvecht):
    sjabloon = brieven.sjablonen().get(naam="Kennismakingsbrief")
    stijl = brieven.huisstijl()
    brief = brieven._brief(sjabloon, stijl, brieven.ontvanger(zaak_overvecht), "Sam de Consulent")
    tekst = " ".join(r for b in brief["blokken"] for r in b["regels"])
    assert "{" not in tekst
    assert "Beste mevrouw" in tekst and stijl.telefoon in tekst and "Sam de Consulent" in tekst
    assert any(b["soort"] == "lijst" for b in brief["blokken"])


def test_team_view_shows_overdue(client, teamleider, wijk_overvecht):
    oud = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht,
                      matchingsdatum=timezone.localdate() - datetime.timedelta(days=60))
    client.force_login(teamleider)
    response = client.get("/zaken/team/")
    assert [z.pk for z in response.context["te_laat"]] == [oud.pk]
    assert "Te laat" in response.content.decode()


def test_home_screens_show_counts_without_personal_data(client, consulent, teamleider, zaak_overvecht):
    client.force_login(consulent)
    tekst = client.get("/").content.decode()
    assert "op mijn naam" in tekst and zaak_overvecht.inwoner.achternaam not in tekst
    client.force_login(teamleider)
    tekst = client.get("/").content.decode()
    assert "Overzicht van het team" in tekst and zaak_overvecht.inwoner.achternaam not in tekst


def test_letters_managed_by_beheerder_not_consulent(client, beheerder, consulent):
    client.force_login(consulent)
    assert client.get("/zaken/brieven/").status_code == 403
    client.force_login(beheerder)
    assert client.get("/zaken/brieven/").status_code == 200
    sjabloon = brieven.sjablonen().first()
    response = client.post(f"/zaken/brieven/{sjabloon.pk}/", {
        "naam": sjabloon.naam, "soort": sjabloon.soort, "onderwerp": "Nieuw onderwerp",
        "tekst": "{aanhef}\n\nBel {telefoon}.", "actief": "on"})
    assert response.status_code == 302
    sjabloon.refresh_from_db()
    assert sjabloon.onderwerp == "Nieuw onderwerp"
    voorbeeld = client.get(f"/zaken/brieven/{sjabloon.pk}/voorbeeld/")
    assert voorbeeld.content.startswith(b"%PDF")


def test_house_style_logo_upload(client, beheerder):
    from django.core.files.uploadedfile import SimpleUploadedFile

    import io

    from PIL import Image

    uit = io.BytesIO()
    Image.new("RGB", (4, 4)).save(uit, "PNG")
    png = uit.getvalue()  # a real PNG: the content is checked with Pillow (test_logo.py)
    client.force_login(beheerder)
    response = client.post("/zaken/brieven/huisstijl/", {
        "gemeentenaam": "Gemeente Testdorp", "afdeling": "Team Geld", "adres": "Postbus 1", "telefoon": "14 000",
        "email": "geld@example.nl", "website": "", "ondertekening": "Team Geld",
        "logo_bestand": SimpleUploadedFile("logo.png", png, content_type="image/png")})
    assert response.status_code == 302
    stijl = brieven.huisstijl()
    assert stijl.gemeentenaam == "Gemeente Testdorp" and stijl.logo.startswith("data:image/png;base64,")
    script = SimpleUploadedFile("x.svg", b"<svg><script>alert(1)</script></svg>", content_type="image/svg+xml")
    response = client.post("/zaken/brieven/huisstijl/", {
        "gemeentenaam": "X", "afdeling": "Y", "telefoon": "1", "ondertekening": "Z", "logo_bestand": script})
    assert response.status_code == 200 and "Een SVG-bestand kan niet als logo" in response.content.decode()


def test_regels_check_for_the_household(client, consulent, zaak_overvecht):
    client.force_login(consulent)
    response = client.get(f"/zaken/{zaak_overvecht.pk}/regelingen/")
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "indicatie" in tekst
    assert response.context.get("uitkomsten") or response.context.get("fout")
    assert AuditEvent.objects.filter(persoon_id=zaak_overvecht.inwoner_id, actie=Actie.LEZEN).exists()


def test_case_of_a_person_who_moved_to_another_team(client, consulent, inwoner_zuid, wijk_overvecht):
    zaak = ZaakFactory(inwoner=inwoner_zuid, wijk=wijk_overvecht)
    SignaalFactory(zaak=zaak, achternaam="Verhuisd")
    client.force_login(consulent)
    response = client.get(f"/zaken/{zaak.pk}/")
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "ander team" in tekst and inwoner_zuid.achternaam not in tekst
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, persoon_id=inwoner_zuid.pk).exists()


@pytest.mark.parametrize("naam", ["Kennismakingsbrief", "Kaartje: wij kwamen langs"])
def test_each_default_letter_fits_on_one_page(naam, consulent, wijk_overvecht):
    from django.template.loader import render_to_string
    from weasyprint import HTML

    zaken = [ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht) for _ in range(3)]
    sjabloon = brieven.sjablonen().get(naam=naam)
    stijl = brieven.huisstijl()
    html = render_to_string("zaken/brief_pdf.html", {
        "sjabloon": sjabloon, "stijl": stijl, "kaartje": sjabloon.soort == "kaartje",
        "brieven": [brieven._brief(sjabloon, stijl, brieven.ontvanger(z), "Sam") for z in zaken]})
    document = HTML(string=html).render()
    assert len(document.pages) == 3  # one page per resident
    breedte = document.pages[0].width
    assert (breedte < 600) if sjabloon.soort == "kaartje" else (breedte > 750)  # A6 landscape 148 mm vs A4 210 mm


def test_worklist_pages(client, consulent, wijk_overvecht):
    for _ in range(55):
        ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht)
    client.force_login(consulent)
    eerste = client.get("/zaken/")
    assert len(eerste.context["rijen"]) == 50 and eerste.context["volgende_url"] == "?pagina=2"
    tweede = client.get("/zaken/?pagina=2")
    assert len(tweede.context["rijen"]) == 5
    assert not set(rijen(eerste)) & set(rijen(tweede))
    voorbij = client.get("/zaken/?pagina=40")  # beyond the last page: the last page
    assert rijen(voorbij) == rijen(tweede) and voorbij.context["pagina"] == 2
