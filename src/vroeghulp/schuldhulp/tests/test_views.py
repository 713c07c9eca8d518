"""The schuldhulp screens: own teams only, overdue stands out, steps by POST, the start from a case."""

import datetime

import pytest
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import Aanmeldingswijze, Fase as F, Traject
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.zaken import workflow as zaken_workflow
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory


@pytest.fixture
def ingelogd(client, consulent):
    client.force_login(consulent)
    return client


def test_worklist_shows_own_teams_only_and_overdue_stands_out(ingelogd, consulent, inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    workflow.aanmelden(inwoner_zuid.pk, door=zuid, aanmeldingswijze=Aanmeldingswijze.ZELFMELDING)
    # 60 days ago: the 4 weeks for the first conversation have passed
    oud = traject_in(F.AANMELDING, consulent, aanmelddatum=timezone.localdate() - datetime.timedelta(days=60))
    nieuw = traject_in(F.AANMELDING, consulent)
    antwoord = ingelogd.get("/schuldhulp/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert oud.inwoner.naam in html and nieuw.inwoner.naam in html and inwoner_zuid.naam not in html
    assert html.index(oud.inwoner.naam) < html.index(nieuw.inwoner.naam)  # most urgent first
    assert f'vh-rij--te-laat" data-traject="{oud.pk}"' in html
    assert f'"utrecht-table__row" data-traject="{nieuw.pk}"' in html
    assert "1 is te laat." in html


def test_other_roles_refused(client, analist):
    client.force_login(analist)
    assert client.get("/schuldhulp/").status_code == 403


def test_traject_page_of_other_wijk_refused(ingelogd, inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    traject = workflow.aanmelden(inwoner_zuid.pk, door=zuid, aanmeldingswijze=Aanmeldingswijze.INLOOP)
    antwoord = ingelogd.get(f"/schuldhulp/{traject.pk}/")
    assert antwoord.status_code == 403
    assert inwoner_zuid.naam not in antwoord.content.decode()
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, object_id=str(traject.pk)).exists()


def test_steps_by_post_with_dutch_errors(ingelogd, consulent):
    traject = traject_in(F.AANMELDING, consulent)
    pagina = ingelogd.get(f"/schuldhulp/{traject.pk}/").content.decode()
    assert f'action="/schuldhulp/{traject.pk}/stap/intake/"' in pagina and "csrfmiddlewaretoken" in pagina
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/stap/intake/", {"intake-datum": "31-02-2026"}, follow=True)
    assert "Vul een geldige datum in, bijvoorbeeld 31-01-2026." in antwoord.content.decode()
    antwoord = ingelogd.post(f"/schuldhulp/{traject.pk}/stap/plan_van_aanpak/", {}, follow=True)
    assert "Deze stap kan niet: het traject staat op ‘Aanmelding’." in antwoord.content.decode()
    ingelogd.post(f"/schuldhulp/{traject.pk}/stap/intake/", {"intake-verwachte_weken": "30"})
    traject.refresh_from_db()
    assert (traject.fase, traject.verwachte_weken) == (F.INTAKE, 30)
    assert ingelogd.get(f"/schuldhulp/{traject.pk}/stap/intake/").status_code == 405


def test_checklist_on_the_page(ingelogd, consulent):
    traject = traject_in(F.INTAKE, consulent)
    ingelogd.post(f"/schuldhulp/{traject.pk}/checklist/", {"punt-omschrijving": "Huurcontract", "punt-wie": "inwoner"})
    item = traject.checklist.get(omschrijving="Huurcontract")
    ingelogd.post(f"/schuldhulp/checklist/{item.pk}/", {"gedaan": "1"})
    item.refresh_from_db()
    assert item.gedaan
    assert "Huurcontract" in ingelogd.get(f"/schuldhulp/{traject.pk}/").content.decode()


def test_start_from_the_case_page(ingelogd, consulent, inwoner_overvecht):
    zaak = ZaakFactory(inwoner=inwoner_overvecht)
    SignaalFactory(zaak=zaak, bedrag="412.00")
    zaken_workflow.oppakken(zaak, door=consulent)
    dossier = ingelogd.get(f"/zaken/{zaak.pk}/").content.decode()
    assert f'href="/schuldhulp/start/zaak/{zaak.pk}/"' in dossier and "(binnenkort)" not in dossier.split("Verder helpen")[1][:400]
    assert ingelogd.get(f"/schuldhulp/start/zaak/{zaak.pk}/").status_code == 200
    antwoord = ingelogd.post(f"/schuldhulp/start/zaak/{zaak.pk}/", {"aanmelddatum": "", "bedreiging": ""})
    traject = Traject.objects.get(zaak_id=zaak.pk)
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/schuldhulp/{traject.pk}/"
    assert traject.signalen.get().bedrag == 412
