"""The settlement screen: own teams only, Dutch errors (never a 500), send with the letters as PDF."""

import pytest

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import regeling
from vroeghulp.schuldhulp.models import Fase, Voorstel, Voorstelstatus
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.schuldhulp.tests.pdf_tekst import pdf_tekst
from vroeghulp.schuldhulp.tests.test_regeling import _drie_schulden, schuld


@pytest.fixture
def ingelogd(client, consulent):
    client.force_login(consulent)
    return client


@pytest.fixture
def traject(consulent):
    t = traject_in(Fase.PLAN_VAN_AANPAK, consulent)
    _drie_schulden(t)
    return t


def _html(antwoord):
    return antwoord.content.decode()


def test_the_whole_story_on_the_screen(ingelogd, traject):
    url = f"/schuldhulp/{traject.pk}/regeling/"
    pagina = _html(ingelogd.get(url))
    assert "Nog geen afloscapaciteit" in pagina and 'aria-current="page">Schuldregeling' in pagina
    antwoord = ingelogd.post(url + "afloscapaciteit/", {"afl-afloscapaciteit": "50,00", "afl-reden": "vtlb-calculator"},
                             follow=True)
    assert "De afloscapaciteit is vastgelegd." in _html(antwoord)
    berekening = traject.berekeningen.get()
    antwoord = ingelogd.post(url + "voorstel/", {"voorstel-soort": "schuldregeling", "voorstel-berekening": berekening.pk},
                             follow=True)
    pagina = _html(antwoord)
    voorstel = Voorstel.objects.get()
    # pool 50 × 18 = 900: Woonstichting 200 (20%), Energie BV 100 (20%), Belastingdienst 600 (40%), see test_regeling
    assert 'data-pool="900.00"' in pagina and 'data-totaal-aanbod="900.00"' in pagina
    assert 'data-bedrag="200.00"' in pagina and 'data-bedrag="600.00"' in pagina
    antwoord = ingelogd.post(url + f"voorstel/{voorstel.pk}/versturen/",
                             {"versturen-kanaal": "brief", "versturen-termijn_werkdagen": "10"})
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(antwoord.content)
    assert tekst.count("Voorstel schuldregeling") == 3  # one letter per creditor
    for bedrag in ("€ 200,00", "20,00%", "€ 100,00", "€ 600,00", "40,00%", "€ 900,00", "€ 50,00", "18 maanden"):
        assert bedrag in tekst, bedrag
    assert "Woonstichting" in tekst and "Belastingdienst" in tekst
    regel = voorstel.regels.get(schuld__schuldeiser__naam="Energie BV")
    antwoord = ingelogd.post(url + f"regel/{regel.pk}/antwoord/", {f"antwoord-{regel.pk}-reactie": "weigering"},
                             follow=True)
    pagina = _html(antwoord)
    assert "Het voorstel staat nu op ‘Niet alle schuldeisers akkoord’." in pagina
    assert 'data-dwangakkoord="overwegen"' in pagina and 'data-aandeel-weigering="16.67"' in pagina
    assert "Waar de rechter naar kijkt" in pagina
    again = ingelogd.get(url + f"voorstel/{voorstel.pk}/brieven.pdf")
    assert again["Content-Type"] == "application/pdf" and "€ 600,00" in pdf_tekst(again.content)


def test_saneringskrediet_and_nul_aanbod_letters(consulent, traject):
    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "saneringskrediet", berekening_id=b.pk, door=consulent)
    assert "in één keer" in pdf_tekst(regeling.versturen(v.pk, consulent).pdf)
    nul = regeling.afloscapaciteit_invoeren(traject.pk, "0", "inkomen onder het vtlb", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "nul_aanbod", berekening_id=nul.pk, door=consulent)
    tekst = pdf_tekst(regeling.versturen(v.pk, consulent).pdf)
    assert "nul-aanbod" in tekst and "€ 0,00" in tekst and "0,00%" in tekst


@pytest.mark.parametrize("pad, data, melding", [
    ("afloscapaciteit/", {"afl-afloscapaciteit": "veel", "afl-reden": "x"}, "Vul een bedrag in, bijvoorbeeld 1250,00."),
    ("afloscapaciteit/", {"afl-afloscapaciteit": "100.000,01", "afl-reden": "x"},
     "Dit bedrag is te hoog: hooguit 100.000 euro."),
    ("afloscapaciteit/", {"afl-afloscapaciteit": "9" * 5000, "afl-reden": "x"}, "Dit bedrag is te hoog"),
    ("afloscapaciteit/", {"afl-afloscapaciteit": "10", "afl-reden": "vtlb\x00"},
     "Reden bevat een teken dat geen tekst is"),
    ("afloscapaciteit/", {"afl-afloscapaciteit": "10"}, "Schrijf op waarom u de afloscapaciteit zelf invult."),
    ("voorstel/", {"voorstel-soort": "schuldregeling"}, "Bereken of vul eerst de afloscapaciteit in."),
    ("voorstel/", {"voorstel-soort": "cadeau", "voorstel-berekening": "1"}, "Kies een soort regeling uit de lijst."),
    ("vtlb/", {"vtlb-netto_inkomen_per_maand": "2000", "vtlb-toetsingsinkomen": "24000", "vtlb-peildatum": "01-01-2020"},
     "Peildatum: "),
    ("vtlb/", {"vtlb-netto_inkomen_per_maand": "-5", "vtlb-toetsingsinkomen": "x"},
     "Vul een bedrag in van 0 euro of meer."),
    ("vtlb/", {"vtlb-netto_inkomen_per_maand": "2000", "vtlb-toetsingsinkomen": "12,345"},
     "Vul hooguit 2 cijfers na de komma in."),
])
def test_bad_input_gives_a_dutch_message(ingelogd, traject, pad, data, melding):
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/regeling/{pad}", data, follow=True)
    assert antwoord.status_code == 200 and melding in _html(antwoord)
    assert not Voorstel.objects.exists()


def test_vtlb_on_the_screen(ingelogd, traject):
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/regeling/vtlb/", {
        "vtlb-netto_inkomen_per_maand": "1200,00", "vtlb-toetsingsinkomen": "14400", "vtlb-peildatum": "01-03-2026"},
        follow=True)
    assert "Berekend: de afloscapaciteit is" in _html(antwoord)
    assert traject.berekeningen.get().regeling == "vtlb"


def test_sending_twice_and_unknown_ids(ingelogd, consulent, traject):
    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    regeling.versturen(v.pk, consulent)
    data = {"versturen-kanaal": "brief", "versturen-termijn_werkdagen": "10"}
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/regeling/voorstel/{v.pk}/versturen/", data, follow=True)
    assert "al verstuurd of vervangen" in _html(antwoord)
    assert ingelogd.post(f"/schuldhulp/{traject.pk}/regeling/voorstel/999999/versturen/", data).status_code == 404
    assert ingelogd.post(f"/schuldhulp/{traject.pk}/regeling/regel/999999/antwoord/", {}).status_code == 404
    assert ingelogd.get("/schuldhulp/999999/regeling/").status_code == 404
    assert ingelogd.get(f"/schuldhulp/{traject.pk}/regeling/vtlb/").status_code == 405


def test_other_team_gets_403_and_nothing_changes(client, consulent, traject, inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    client.force_login(zuid)
    pagina = client.get(f"/schuldhulp/{traject.pk}/regeling/")
    assert pagina.status_code == 403 and traject.inwoner.naam not in _html(pagina)
    data = {"versturen-kanaal": "brief", "versturen-termijn_werkdagen": "10"}
    assert client.post(f"/schuldhulp/{traject.pk}/regeling/voorstel/{v.pk}/versturen/", data).status_code == 403
    assert client.get(f"/schuldhulp/{traject.pk}/regeling/voorstel/{v.pk}/brieven.pdf").status_code == 403
    assert client.post(f"/schuldhulp/{traject.pk}/regeling/afloscapaciteit/",
                       {"afl-afloscapaciteit": "1", "afl-reden": "x"}).status_code == 403
    v.refresh_from_db()
    assert v.status == Voorstelstatus.CONCEPT and traject.berekeningen.count() == 1
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruiker=zuid).count() >= 4


def _schrijvend(vragen) -> list[str]:
    """The statements that change a table other than the audit log (a read writes its audit event)."""
    return [q["sql"] for q in vragen.captured_queries
            if q["sql"].split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE") and "audit_auditevent" not in q["sql"]]


def test_answer_recorded_on_the_messages_page_shows_in_the_status_and_the_get_writes_nothing(
        ingelogd, consulent, traject):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from vroeghulp.schuldhulp import berichten

    schuld(traject, "Extra", "10.00")
    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    regeling.versturen(v.pk, consulent)
    berichten.reactie_vastleggen(v.regels.first().bericht_id, "weigering", door=consulent)
    audit_voor = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as vragen:
        pagina = _html(ingelogd.get(f"/schuldhulp/{traject.pk}/regeling/"))
    # the status comes from the answers on reading: one weigering, so not everyone agreed
    assert 'data-status="afgewezen"' in pagina and "Niet alle schuldeisers akkoord" in pagina
    assert _schrijvend(vragen) == []
    assert AuditEvent.objects.count() == audit_voor + 1  # only the read itself
    v.refresh_from_db()
    assert v.status == Voorstelstatus.VERZONDEN  # stored: what the services decided (it was sent)


def test_accepted_on_the_messages_page_blocks_a_new_proposal(ingelogd, consulent, traject):
    from vroeghulp.schuldhulp import berichten

    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    regeling.versturen(v.pk, consulent)
    for regel in v.regels.all():  # every creditor agrees, recorded on the messages page
        berichten.reactie_vastleggen(regel.bericht_id, "akkoord", door=consulent)
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/regeling/voorstel/",
                             {"voorstel-soort": "schuldregeling", "voorstel-berekening": b.pk}, follow=True)
    assert "al aangenomen" in _html(antwoord) and 'data-status="aangenomen"' in _html(antwoord)
    assert Voorstel.objects.count() == 1


def test_a_refused_proposal_keeps_afgewezen_when_replaced(consulent, traject):
    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    regeling.versturen(v.pk, consulent)
    regeling.antwoord_vastleggen(v.regels.first().pk, "weigering", door=consulent)
    nieuw = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    v.refresh_from_db()
    assert v.status == Voorstelstatus.AFGEWEZEN and regeling.huidig_voorstel(traject.pk) == nieuw


def test_answer_forms_in_the_rows_post_what_the_form_reads(ingelogd, consulent, traject):
    """The answer fields are written out in the table rows; their names must be the form's."""
    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    regeling.versturen(v.pk, consulent)
    regel = v.regels.get(schuld__schuldeiser__naam="Woonstichting")
    pagina = _html(ingelogd.get(f"/schuldhulp/{traject.pk}/regeling/"))
    p = f"antwoord-{regel.pk}"
    for naam in ("reactie", "ontvangen_op", "toelichting"):
        assert f'name="{p}-{naam}"' in pagina and f'for="id_{p}-{naam}"' in pagina and f'id="id_{p}-{naam}"' in pagina
    assert '<option value="weigering">Weigering</option>' in pagina
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/regeling/regel/{regel.pk}/antwoord/",
                             {f"{p}-reactie": "akkoord", f"{p}-ontvangen_op": "", f"{p}-toelichting": "prima"},
                             follow=True)
    assert "Het antwoord is vastgelegd." in _html(antwoord)
    assert [r.antwoord for r in regeling.stand(v).regels if r.regel.pk == regel.pk] == ["akkoord"]


def test_every_letter_is_followed_by_the_offer_to_all_creditors(consulent, traject):
    """Each creditor's letter carries its own offer and the totals; the appendix with the offer to
    every creditor (equal treatment) follows each letter, so each creditor can be sent its pages."""
    import io

    from pypdf import PdfReader

    b = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=consulent)
    v = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=b.pk, door=consulent)
    paginas = [p.extract_text() for p in PdfReader(io.BytesIO(regeling.versturen(v.pk, consulent).pdf)).pages]
    brieven = [i for i, t in enumerate(paginas) if "Voorstel schuldregeling" in t]
    bijlagen = [i for i, t in enumerate(paginas) if "Bijlage bij het voorstel" in t]
    assert len(brieven) == len(bijlagen) == 3
    # letter, then its appendix, then the next letter: strictly alternating
    assert sorted(brieven + bijlagen) == [x for pair in zip(brieven, bijlagen) for x in pair]
    for i in bijlagen:
        bijlage = "\n".join(paginas[i:next((b for b in brieven if b > i), len(paginas))])
        for naam, bedrag in (("Woonstichting", "€ 200,00"), ("Energie BV", "€ 100,00"), ("Belastingdienst", "€ 600,00")):
            assert naam in bijlage and bedrag in bijlage
    assert all("Aantal schuldeisers in dit voorstel" in paginas[i] or "Aantal schuldeisers in dit voorstel"
               in paginas[i + 1] for i in brieven)
