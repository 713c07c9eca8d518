"""Starting a traject from a vroegsignaalzaak ends the case's outreach with the DDAS result
"Vervolghulp en/of verwijzing financieel" (EnumEindresultaat, DDAS vroegsignalering v1.2,
json_schema_Uitwisselmodel.json), step by step through zaken's transition table with its
history; a closed case keeps its result; the case page links to the traject."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import schulden, workflow
from vroeghulp.schuldhulp.models import Traject
from vroeghulp.signalering.models import Signaalstatus, Vroegsignaal
from vroeghulp.zaken import workflow as zaken_workflow
from vroeghulp.zaken.models import Eindresultaat as E, Statuswijziging, Vroegsignaalzaak, Zaakstatus as S
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

AMS = ZoneInfo("Europe/Amsterdam")
VANDAAG = dt.date(2026, 3, 4)
# The DDAS value, written out from the standard's enumeration (not read from our own code).
VERVOLGHULP_FINANCIEEL = "Vervolghulp en/of verwijzing financieel"


@pytest.fixture(autouse=True)
def _op_vandaag():
    with time_machine.travel(dt.datetime(2026, 3, 4, 10, 0, tzinfo=AMS), tick=False):
        yield


@pytest.fixture
def zaak(inwoner_overvecht):
    zaak = ZaakFactory(inwoner=inwoner_overvecht)
    SignaalFactory(zaak=zaak, bedrag="640.00", signaaldatum=dt.date(2026, 2, 20))
    return zaak


def _naar(zaak, status, door):
    zaken_workflow.oppakken(zaak, door=door)
    if status in (S.CONTACT_GELEGD, S.HULP_AANGEBODEN):
        zaken_workflow.contact_gelegd(zaak, door=door)
    if status == S.HULP_AANGEBODEN:
        zaken_workflow.hulp_aanbieden(zaak, door=door)


def _stappen(zaak):
    return [(w.van, w.naar, w.resultaat) for w in Statuswijziging.objects.filter(zaak=zaak).order_by("tijdstip", "id")]


@pytest.mark.parametrize(("status", "nog_te_gaan"), [
    (S.OPGEPAKT, [(S.OPGEPAKT, S.CONTACT_GELEGD, ""), (S.CONTACT_GELEGD, S.HULP_AANGEBODEN, ""),
                  (S.HULP_AANGEBODEN, S.AFGEROND, VERVOLGHULP_FINANCIEEL)]),
    (S.CONTACT_GELEGD, [(S.CONTACT_GELEGD, S.HULP_AANGEBODEN, ""), (S.HULP_AANGEBODEN, S.AFGEROND, VERVOLGHULP_FINANCIEEL)]),
    (S.HULP_AANGEBODEN, [(S.HULP_AANGEBODEN, S.AFGEROND, VERVOLGHULP_FINANCIEEL)]),
])
def test_starting_a_traject_closes_the_open_case_with_vervolghulp_financieel(zaak, consulent, status, nog_te_gaan):
    _naar(zaak, status, consulent)
    eerder = _stappen(zaak)
    traject = workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    zaak.refresh_from_db()
    assert (zaak.status, zaak.resultaat, zaak.datum_afgerond) == (S.AFGEROND, VERVOLGHULP_FINANCIEEL, VANDAAG)
    assert zaak.datum_hulp_aangeboden == VANDAAG  # a traject is help offered and accepted
    # the history of before stays, each step the case still had to take is appended once
    assert _stappen(zaak) == eerder + nog_te_gaan
    laatste = Statuswijziging.objects.filter(zaak=zaak).order_by("-tijdstip", "-id").first()
    assert (laatste.door, laatste.toelichting) == (consulent, f"Schuldhulptraject {traject.pk} gestart")
    assert AuditEvent.objects.filter(actie=Actie.WIJZIGEN, object_type="zaken.Vroegsignaalzaak", object_id=str(zaak.pk),
                                     toelichting=f"Status {S.HULP_AANGEBODEN} → {S.AFGEROND}").count() == 1
    # the partner's feedback follows the case (terugkoppeling): no longer "nog niet opgepakt"
    assert Vroegsignaal.objects.get(zaak=zaak).status == Signaalstatus.OPGEPAKT


@pytest.mark.parametrize("resultaat", [E.REGELT_ZELF, E.BUDGETADVIES])
def test_a_closed_case_keeps_its_result_and_history(zaak, consulent, resultaat):
    _naar(zaak, S.CONTACT_GELEGD, consulent)
    zaken_workflow.afronden(zaak, door=consulent, resultaat=resultaat)
    eerder = _stappen(zaak)
    traject = workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    zaak.refresh_from_db()
    assert (zaak.status, zaak.resultaat) == (S.AFGEROND, resultaat)
    assert _stappen(zaak) == eerder
    assert traject.zaak_id == zaak.pk


def test_a_failing_start_leaves_the_case_open(zaak, consulent, monkeypatch):
    _naar(zaak, S.CONTACT_GELEGD, consulent)

    def stuk(*args, **kwargs):
        raise RuntimeError("kapot")
    monkeypatch.setattr(schulden, "uit_signalen", stuk)
    with pytest.raises(RuntimeError):
        workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    zaak.refresh_from_db()
    assert (zaak.status, zaak.resultaat) == (S.CONTACT_GELEGD, "")
    assert not Traject.objects.filter(zaak_id=zaak.pk).exists()


def test_a_case_that_cannot_close_leaves_no_traject(zaak, consulent, monkeypatch):
    """Both or neither: when the case refuses its step (someone closed it a moment ago), no traject."""
    _naar(zaak, S.CONTACT_GELEGD, consulent)

    def bezet(*args, **kwargs):
        raise zaken_workflow.OvergangNietToegestaan("Iemand anders heeft deze zaak net gewijzigd. Laad de pagina opnieuw.")
    monkeypatch.setattr(zaken_workflow, "_overgang", bezet)
    with pytest.raises(workflow.WerkstroomFout, match="net gewijzigd"):
        workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    assert not Traject.objects.filter(zaak_id=zaak.pk).exists()
    assert Vroegsignaalzaak.objects.get(pk=zaak.pk).status == S.CONTACT_GELEGD


def test_the_case_page_links_to_the_traject(client, zaak, consulent):
    client.force_login(consulent)
    _naar(zaak, S.OPGEPAKT, consulent)
    pagina = client.get(reverse("zaken:detail", args=[zaak.pk])).content.decode()
    start = reverse("schuldhulp:start", kwargs={"zaak_id": zaak.pk})
    assert f'href="{start}"' in pagina and "Schuldhulp starten" in pagina
    antwoord = client.post(start, {"aanmelddatum": "04-03-2026", "bedreiging": ""})
    traject = Traject.objects.get(zaak_id=zaak.pk)
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("schuldhulp:detail", kwargs={"pk": traject.pk})
    pagina = client.get(reverse("zaken:detail", args=[zaak.pk])).content.decode()
    assert f'href="{reverse("schuldhulp:detail", kwargs={"pk": traject.pk})}"' in pagina
    assert f"Schuldhulptraject {traject.pk} (Aanmelding)" in pagina
    assert f'href="{start}"' not in pagina  # no second start from the case
    assert "Vervolghulp en/of verwijzing financieel" in pagina  # the case's result and history
