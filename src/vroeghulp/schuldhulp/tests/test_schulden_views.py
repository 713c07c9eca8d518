"""The debt overview screens: own teams only (another wijk 403 with an audit event), adding,
changing, removing and importing, bad input as a Dutch message and never a 500."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import berichten, schulden, workflow
from vroeghulp.schuldhulp.models import Aanmeldingswijze, Berichtsoort, Fase as F, Schuld, Schuldeisersoort as S
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.zaken import workflow as zaken_workflow
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def ingelogd(client, consulent):
    client.force_login(consulent)
    return client


@pytest.fixture
def traject(consulent):
    return traject_in(F.INTAKE, consulent)


def _zuid(inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    return zuid, workflow.aanmelden(inwoner_zuid.pk, door=zuid, aanmeldingswijze=Aanmeldingswijze.INLOOP)


def test_overview_shows_table_totals_and_timeline(ingelogd, consulent, traject):
    schulden.toevoegen(traject, door=consulent, schuldeiser="Belastingdienst", soort=S.BELASTINGDIENST,
                       bedrag=D("1000.00"), ontstaansdatum=datetime.date(2023, 4, 1), kenmerk="BD-1")
    schulden.toevoegen(traject, door=consulent, schuldeiser="Woonstichting", soort=S.VERHUURDER, bedrag=D("250.50"))
    antwoord = ingelogd.get(f"/schuldhulp/{traject.pk}/schulden/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'aria-current="page">Schulden</a>' in html
    assert "Belastingdienst" in html and "BD-1" in html and "Woonstichting" in html
    # 1000.00 + 250.50 = 1250.50, written the Dutch way; the tax authority is preferent
    assert 'data-totaal="totaal">€ 1.250,50' in html
    assert 'data-totaal="preferent">€ 1.000,00' in html and 'data-totaal="concurrent">€ 250,50' in html
    # Rijksincasso: 1000.00 / 1250.50 = 79.97% -> 80.0
    assert 'data-totaal="rijksincasso">€ 1.000,00 (80,0%)' in html
    assert '<time datetime="2023-04-01">' in html
    assert AuditEvent.objects.filter(actie=Actie.LEZEN, object_type="schuldhulp.Traject", object_id=str(traject.pk)).exists()


def test_other_wijk_is_403_with_an_audit_event(ingelogd, consulent, inwoner_zuid):
    zuid, traject = _zuid(inwoner_zuid)
    schuld = schulden.toevoegen(traject, door=zuid, schuldeiser="CJIB", soort=S.CJIB, bedrag=D("5"))
    for methode, pad, data in [
        ("get", f"/schuldhulp/{traject.pk}/schulden/", None),
        ("post", f"/schuldhulp/{traject.pk}/schulden/", {"schuld-schuldeiser": "X", "schuld-soort": "overig",
                                                          "schuld-bedrag": "1", "schuld-status": "open"}),
        ("get", f"/schuldhulp/schuld/{schuld.pk}/", None),
        ("post", f"/schuldhulp/schuld/{schuld.pk}/", {"schuld-bedrag": "1"}),
        ("post", f"/schuldhulp/schuld/{schuld.pk}/verwijderen/", {}),
        ("post", f"/schuldhulp/{traject.pk}/schulden/inlezen/",
         {"lijst-bestand": SimpleUploadedFile("x.csv", b"schuldeiser;bedrag\nA;1\n")}),
    ]:
        voor = AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruiker=consulent).count()
        antwoord = getattr(ingelogd, methode)(pad, data)
        assert antwoord.status_code == 403, pad
        assert inwoner_zuid.naam not in antwoord.content.decode()
        assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruiker=consulent).count() == voor + 1, pad
    assert Schuld.objects.get() == schuld and Schuld.objects.get().bedrag == D("5.00")


def test_other_roles_refused(client, analist, traject):
    client.force_login(analist)
    assert client.get(f"/schuldhulp/{traject.pk}/schulden/").status_code == 403


def test_add_with_dutch_amount_and_errors_without_500(ingelogd, traject):
    pad = f"/schuldhulp/{traject.pk}/schulden/"
    goed = {"schuld-schuldeiser": "CJIB", "schuld-soort": "cjib", "schuld-bedrag": "€ 1.250,50",
            "schuld-ontstaansdatum": "15-03-2024", "schuld-status": "beslag", "schuld-preferent": "",
            "schuld-beslag_per_maand": "125,00"}
    antwoord = ingelogd.post(pad, goed)
    assert antwoord.status_code == 302 and antwoord["Location"] == pad
    schuld = traject.schulden.get()
    assert (schuld.bedrag, schuld.beslag_per_maand, schuld.ontstaansdatum) == (
        D("1250.50"), D("125.00"), datetime.date(2024, 3, 15))
    for fout, melding in [
        ({"schuld-bedrag": "twaalf"}, "Vul een bedrag in, bijvoorbeeld 1250,00."),
        ({"schuld-bedrag": "0"}, "Vul een bedrag in van meer dan 0 euro."),
        ({"schuld-bedrag": "1000000000,01"}, "Dit bedrag is te hoog: hooguit 1.000.000.000 euro."),
        ({"schuld-bedrag": "9" * 39}, "Dit bedrag is te hoog: hooguit 1.000.000.000 euro."),
        ({"schuld-bedrag": "9" * 5000}, "Dit bedrag is te hoog: hooguit 1.000.000.000 euro."),
        ({"schuld-beslag_per_maand": "12,345"}, "Vul hooguit 2 cijfers na de komma in."),
        ({"schuld-ontstaansdatum": "31-02-2024"}, "Vul een geldige datum in, bijvoorbeeld 31-01-2026."),
        ({"schuld-ontstaansdatum": "01-01-2999"}, "De datum van ontstaan ligt in de toekomst."),
        ({"schuld-soort": "bank"}, "Selecteer een geldige keuze"),
        ({"schuld-schuldeiser": "Eneco\x00"}, "Schuldeiser bevat een teken dat geen tekst is"),
        ({"schuld-kenmerk": "K\x00-1"}, "Kenmerk van de schuldeiser bevat een teken dat geen tekst is"),
        ({"schuld-toelichting": "\x00"}, "Toelichting (alleen intern) bevat een teken dat geen tekst is"),
    ]:
        antwoord = ingelogd.post(pad, {**goed, **fout})
        assert antwoord.status_code == 400, fout
        assert melding in antwoord.content.decode(), fout
    assert traject.schulden.count() == 1


def test_change_and_remove_on_screen(ingelogd, consulent, traject):
    schuld = schulden.toevoegen(traject, door=consulent, schuldeiser="Eneco", soort=S.ENERGIE, bedrag=D("100"))
    pagina = ingelogd.get(f"/schuldhulp/schuld/{schuld.pk}/").content.decode()
    assert 'value="100,00"' in pagina
    antwoord = ingelogd.post(f"/schuldhulp/schuld/{schuld.pk}/", {
        "schuld-schuldeiser": "Eneco", "schuld-soort": "energie", "schuld-bedrag": "90,10", "schuld-status": "betwist",
        "schuld-preferent": "nee"})
    assert antwoord.status_code == 302
    schuld.refresh_from_db()
    assert (schuld.bedrag, schuld.status) == (D("90.10"), "betwist")
    antwoord = ingelogd.post(f"/schuldhulp/schuld/{schuld.pk}/", {"schuld-schuldeiser": "", "schuld-bedrag": "x"})
    assert antwoord.status_code == 400
    berichten.verstuur(traject.pk, [schuld.pk], Berichtsoort.KENNISGEVING, door=consulent)
    antwoord = ingelogd.post(f"/schuldhulp/schuld/{schuld.pk}/verwijderen/", follow=True)
    assert "Verwijderen kan niet meer" in antwoord.content.decode()
    assert Schuld.objects.filter(pk=schuld.pk).exists()
    assert ingelogd.get(f"/schuldhulp/schuld/{schuld.pk}/verwijderen/").status_code == 405
    assert ingelogd.get("/schuldhulp/schuld/999999/").status_code == 404


def test_import_on_screen_with_its_report(ingelogd, traject):
    pad = f"/schuldhulp/{traject.pk}/schulden/inlezen/"
    fout = SimpleUploadedFile("fout.csv", "schuldeiser;bedrag\nCJIB;-1\n;5\n".encode())
    antwoord = ingelogd.post(pad, {"lijst-bestand": fout})
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "fout.csv is niet ingelezen" in html and "Er staan 2 fouten in het bestand." in html
    assert "Het bedrag moet meer zijn dan 0 euro." in html and "De naam van de schuldeiser ontbreekt." in html
    assert not Schuld.objects.exists()
    kapot = SimpleUploadedFile("kapot.xlsx", b"PK\x03\x04kapot")
    html = ingelogd.post(pad, {"lijst-bestand": kapot}).content.decode()
    assert "Het Excel-bestand is beschadigd of versleuteld." in html
    assert ingelogd.post(pad, {}).status_code == 400  # no file: the form says so
    goed = SimpleUploadedFile("goed.csv", "schuldeiser;bedrag\nCJIB;12,50\nDUO;€ 1.000,-\n".encode("cp1252"))
    antwoord = ingelogd.post(pad, {"lijst-bestand": goed})
    assert antwoord.status_code == 200 and "2 schulden ingelezen." in antwoord.content.decode()
    assert sorted(traject.schulden.values_list("bedrag", flat=True)) == [D("12.50"), D("1000.00")]


def test_import_crash_is_a_report_not_a_500(ingelogd, traject, monkeypatch):
    def kapot(*args, **kwargs):
        raise RuntimeError("weg")
    monkeypatch.setattr(schulden, "opslaan", kapot)
    bestand = SimpleUploadedFile("x.csv", b"schuldeiser;bedrag\nA;1\n")
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/schulden/inlezen/", {"lijst-bestand": bestand})
    assert antwoord.status_code == 400
    assert "Er ging iets mis bij het inlezen. Er is niets opgeslagen." in antwoord.content.decode()


def test_started_from_a_case_the_signals_are_on_the_overview(ingelogd, consulent, inwoner_overvecht):
    zaak = ZaakFactory(inwoner=inwoner_overvecht)
    SignaalFactory(zaak=zaak, bedrag="412.00")
    zaken_workflow.oppakken(zaak, door=consulent)
    ingelogd.post(f"/schuldhulp/start/zaak/{zaak.pk}/", {"aanmelddatum": "", "bedreiging": ""})
    traject = workflow.Traject.objects.get(zaak_id=zaak.pk)
    html = ingelogd.get(f"/schuldhulp/{traject.pk}/schulden/").content.decode()
    assert "Energie Utrecht BV" in html and "€ 412,00" in html and "uit een signaal" in html
