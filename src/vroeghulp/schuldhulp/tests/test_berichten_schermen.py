"""The messages screens: the page, sending, reactions, the letters PDF (text read back), the
portal CSV round trip and bad files, the worklist count, the letter texts and access."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from vroeghulp.schuldhulp import berichten, portaal_csv
from vroeghulp.schuldhulp.models import Bericht, Berichtsoort as S, Fase, Reactie
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.schuldhulp.tests.pdf_tekst import tekst
from vroeghulp.schuldhulp.tests.test_berichten import op, schuld


@pytest.fixture
def traject(consulent):
    return traject_in(Fase.INTAKE, consulent)


@pytest.fixture
def ingelogd(client, consulent):
    client.force_login(consulent)
    return client


@pytest.mark.django_db
def test_send_from_the_page_then_the_letters_as_one_pdf(ingelogd, traject):
    a = schuld(traject, "Woonstichting", "H-1", "1234.56")
    b = schuld(traject, "Waterbedrijf", "W-7", "87.05")
    with op(2026, 4, 2):
        antwoord = ingelogd.post(reverse("schuldhulp:berichten_versturen", args=[traject.pk]), {
            "stuur-schulden": [a.pk, b.pk], "stuur-soort": S.KENNISGEVING, "stuur-kanaal": "brief",
            "stuur-termijn_werkdagen": "10"})
        assert antwoord.status_code == 302
        pagina = ingelogd.get(antwoord["Location"])
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Woonstichting" in html and "Herinnering sturen" in html and "checked" in html
    ids = list(Bericht.objects.values_list("pk", flat=True))
    with op(2026, 4, 2):
        pdf = ingelogd.get(reverse("schuldhulp:berichten_pdf", args=[traject.pk]), {"bericht": ids})
    assert pdf["Content-Type"] == "application/pdf"
    inhoud = tekst(pdf.content)
    # the claim in Dutch notation, the name, and the term (2 April 2026 + 10 working days = 20 April, see test_berichten)
    assert "€ 1.234,56" in inhoud and "€ 87,05" in inhoud and traject.inwoner.naam in inhoud
    assert "20 april 2026" in inhoud and "H-1" in inhoud and "W-7" in inhoud


@pytest.mark.django_db
def test_reaction_from_the_page_updates_the_debt_and_bad_input_is_named(ingelogd, traject, consulent):
    a = schuld(traject)
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [a.pk], S.SALDOVERZOEK, door=consulent)[0]
        url = reverse("schuldhulp:bericht_reactie", args=[bericht.pk])
        p = f"reactie-{bericht.pk}"
        fout = ingelogd.post(url, {f"{p}-reactie": "saldo", f"{p}-saldo": "abc"}, follow=True)
        assert "Vul een bedrag in" in fout.content.decode()
        ingelogd.post(url, {f"{p}-reactie": "saldo", f"{p}-saldo": "950,10"})
    a.refresh_from_db()
    assert a.saldo == Decimal("950.10")


@pytest.mark.django_db
def test_overdue_page_and_worklist_count(ingelogd, traject, consulent):
    with op(2026, 4, 2):
        berichten.verstuur(traject.pk, [schuld(traject).pk, schuld(traject, "CJIB", "C-1", "50.00", "cjib").pk],
                           S.KENNISGEVING, door=consulent)
    with op(2026, 4, 23):  # term 20 April: 3 days overdue
        lijst = ingelogd.get(reverse("schuldhulp:berichten_te_laat")).content.decode()
        werklijst = ingelogd.get(reverse("schuldhulp:werklijst")).content.decode()
    assert "CJIB" in lijst and "Woonstichting" in lijst and "2 berichten te laat" in lijst
    assert "2 schuldeisers te laat" in werklijst


@pytest.mark.django_db
def test_csv_export_is_excel_friendly_and_formula_safe(ingelogd, traject, consulent):
    gevaarlijk = schuld(traject, "=HYPERLINK(\"http://x\")", "+31", "10.50")
    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [gevaarlijk.pk], S.KENNISGEVING, door=consulent)[0]
        inhoud = ingelogd.get(reverse("schuldhulp:berichten_csv", args=[traject.pk])).content
    assert inhoud.startswith("\ufeff".encode())
    regels = inhoud.decode("utf-8-sig").splitlines()
    assert regels[0] == ";".join(portaal_csv.KOLOMMEN)
    cellen = regels[1].split(";")
    assert cellen[0] == str(bericht.pk) and cellen[1].startswith("\"'=HYPERLINK") and cellen[2] == "'+31"
    assert cellen[-3:] == ["02-04-2026", "20-04-2026", "10,50"]


@pytest.mark.django_db
def test_csv_round_trip_of_reactions(traject, consulent):
    a, b = schuld(traject, kenmerk="H-1"), schuld(traject, "CJIB", "C-1", "50.00", "cjib")
    with op(2026, 4, 2):
        m1, m2 = berichten.verstuur(traject.pk, [a.pk, b.pk], S.SALDOVERZOEK, door=consulent)
        export = portaal_csv.exporteer(consulent, traject.pk).decode("utf-8-sig").splitlines()
    assert len(export) == 3
    reacties = f"bericht-id;kenmerk;reactie;datum;saldo\r\n{m1.pk};;saldo;09-04-2026;1.020,00\r\n;C-1;akkoord;2026-04-10;\r\n"
    with op(2026, 4, 14):
        uitslag = portaal_csv.importeer(("\ufeff" + reacties).encode(), consulent)
    assert (uitslag.opgeslagen, uitslag.fouten) == (2, [])
    a.refresh_from_db()
    m2.refresh_from_db()
    assert a.saldo == Decimal("1020.00") and m2.reactie == Reactie.AKKOORD and m2.reactie_op == date(2026, 4, 10)


@pytest.mark.django_db
def test_a_bad_csv_stores_nothing_and_names_each_row(ingelogd, traject, consulent):
    with op(2026, 4, 2):
        m1 = berichten.verstuur(traject.pk, [schuld(traject).pk], S.SALDOVERZOEK, door=consulent)[0]
    slecht = (f"bericht-id;reactie;datum;saldo\n{m1.pk};akkoord;10-04-2026;\n999999;akkoord;;\n"
              f"{m1.pk};misschien;31-02-2026;-5\n;saldo;;\n")
    with op(2026, 4, 14):
        uitslag = portaal_csv.importeer(slecht.encode(), consulent)
    assert uitslag.opgeslagen == 0
    meldingen = [(f.rij, f.melding) for f in uitslag.fouten]
    assert (3, "bericht-id 999999 bestaat niet, of u heeft geen toegang tot dit traject.") in meldingen
    assert any(r == 4 and "misschien" in m for r, m in meldingen)
    assert any(r == 4 and "31-02-2026" in m for r, m in meldingen)
    assert any(r == 4 and "ook op regel 2" in m for r, m in meldingen)
    assert any(r == 5 and "bericht-id of het kenmerk" in m for r, m in meldingen)
    assert not Bericht.objects.exclude(reactie="").exists()  # row 2 was good, yet nothing is stored
    for inhoud, melding in [(b"", "leeg"), ("naam;x\n1;2\n".encode(), "kolomnamen"),
                            ("bericht-id;reactie\n1;akkoord\n".encode("utf-16"), "UTF-8")]:
        with pytest.raises(portaal_csv.Importweigering, match=melding):
            portaal_csv.importeer(inhoud, consulent)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with op(2026, 4, 14):
        antwoord = ingelogd.post(reverse("schuldhulp:berichten_import"),
                                 {"bestand": SimpleUploadedFile("r.csv", slecht.encode())})
    assert antwoord.status_code == 400 and "Er is niets opgeslagen" in antwoord.content.decode()


@pytest.mark.django_db
def test_another_team_gets_no_page_no_pdf_no_csv(client, traject, consulent, wijk_zuid):
    from vroeghulp.accounts.models import Rol
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    with op(2026, 4, 2):
        bericht = berichten.verstuur(traject.pk, [schuld(traject).pk], S.KENNISGEVING, door=consulent)[0]
    client.force_login(GebruikerFactory(username="c.zuid", rol=Rol.CONSULENT,
                                        teams=[TeamFactory(naam="Zuid", wijken=[wijk_zuid])]))
    assert client.get(reverse("schuldhulp:berichten", args=[traject.pk])).status_code == 403
    assert client.get(reverse("schuldhulp:berichten_pdf", args=[traject.pk]), {"bericht": bericht.pk}).status_code == 403
    assert client.get(reverse("schuldhulp:berichten_csv", args=[traject.pk])).status_code == 403
    assert str(bericht.pk) not in client.get(reverse("schuldhulp:berichten_csv_alle")).content.decode("utf-8-sig")


@pytest.mark.django_db
def test_letter_texts_for_teamleider_only_with_a_made_up_preview(client, teamleider, consulent):
    client.force_login(consulent)
    assert client.get(reverse("schuldhulp:brieven")).status_code == 403
    client.force_login(teamleider)
    assert client.get(reverse("schuldhulp:brieven")).status_code == 200
    url = reverse("schuldhulp:brief", args=[S.HERINNERING])
    assert client.post(url, {"onderwerp": "Herinnering {kenmerk}", "tekst": "Wij wachten op {schuldeiser}: {bedrag}."}).status_code == 302
    inhoud = tekst(client.get(reverse("schuldhulp:brief_voorbeeld", args=[S.HERINNERING])).content)
    assert "Herinnering VB-12345" in inhoud and "Wij wachten op Voorbeeld Incasso B.V.: € 1.234,56." in inhoud
    assert client.get(reverse("schuldhulp:brief", args=["bestaat_niet"])).status_code == 404
