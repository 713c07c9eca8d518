"""The debt overview service: adding, changing, removing debts, the creditors' address book,
totals, the timeline, and the pre-fill from the signals of a vroegsignaalzaak."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp import berichten, schulden, workflow
from vroeghulp.schuldhulp.models import (
    Aanmeldingswijze, Berichtsoort, Fase as F, Schuld, Schuldbron, Schuldeiser, Schuldeisersoort as S,
    Schuldstatus as St,
)
from vroeghulp.schuldhulp.tests.factories import traject_in
from vroeghulp.signalering.models import PartnerType
from vroeghulp.zaken import workflow as zaken_workflow
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def traject(consulent):
    return traject_in(F.INTAKE, consulent)


def _zuid_traject(inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    return workflow.aanmelden(inwoner_zuid.pk, door=zuid, aanmeldingswijze=Aanmeldingswijze.INLOOP)


def test_add_a_debt_finds_or_creates_the_creditor(traject, consulent):
    eerste = schulden.toevoegen(traject, door=consulent, schuldeiser="  CJIB ", soort=S.CJIB, bedrag=D("1200.00"),
                                kenmerk="1234 5678", ontstaansdatum=datetime.date(2024, 3, 1))
    tweede = schulden.toevoegen(traject, door=consulent, schuldeiser="cjib", soort=S.CJIB, bedrag=D("89"))
    assert eerste.schuldeiser_id == tweede.schuldeiser_id  # one CJIB in the address book (name case aside)
    assert Schuldeiser.objects.get().naam == "CJIB"
    assert (eerste.bedrag, eerste.bron, eerste.status, eerste.preferent) == (D("1200.00"), Schuldbron.HANDMATIG, St.OPEN, False)
    # same name, other kind: another creditor (unique on name + kind)
    schulden.toevoegen(traject, door=consulent, schuldeiser="CJIB", soort=S.OVERIG, bedrag=D("1"))
    assert Schuldeiser.objects.count() == 2
    assert AuditEvent.objects.filter(actie=Actie.AANMAKEN, object_type="schuldhulp.Schuld").count() == 3


def test_the_tax_authority_is_preferent_unless_told_otherwise(traject, consulent):
    bd = schulden.toevoegen(traject, door=consulent, schuldeiser="Belastingdienst", soort=S.BELASTINGDIENST, bedrag=D("10"))
    zelf = schulden.toevoegen(traject, door=consulent, schuldeiser="Belastingdienst", soort=S.BELASTINGDIENST,
                              bedrag=D("10"), preferent=False)
    assert (bd.preferent, zelf.preferent) == (True, False)


@pytest.mark.parametrize("bedrag, melding", [
    (D("0"), "Het bedrag moet meer zijn dan 0 euro."),
    (D("-5"), "Het bedrag moet meer zijn dan 0 euro."),
    (D("12.345"), "Het bedrag heeft meer dan 2 cijfers achter de komma. Vul hele centen in."),
    (D("1000000000.01"), "Het bedrag is te hoog: hooguit 1.000.000.000 euro."),
    (D("NaN"), "Het bedrag is geen bedrag. Vul bijvoorbeeld 1250,50 in."),
    (D("Infinity"), "Het bedrag is geen bedrag. Vul bijvoorbeeld 1250,50 in."),
    ("twaalf", "Het bedrag is geen bedrag. Vul bijvoorbeeld 1250,50 in."),
    (None, "Het bedrag ontbreekt. Vul een bedrag in euro's in."),
    (True, "Het bedrag ontbreekt. Vul een bedrag in euro's in."),
])
def test_bad_amounts_refused_with_the_field_named(traject, consulent, bedrag, melding):
    with pytest.raises(schulden.Veldfout) as fout:
        schulden.toevoegen(traject, door=consulent, schuldeiser="Eneco", soort=S.ENERGIE, bedrag=bedrag)
    assert (fout.value.veld, fout.value.melding) == ("bedrag", melding)
    assert not Schuld.objects.exists() and not Schuldeiser.objects.exists()


def test_the_largest_amount_is_allowed(traject, consulent):
    schuld = schulden.toevoegen(traject, door=consulent, schuldeiser="Bank", soort=S.OVERIG, bedrag=D("1000000000"))
    schuld.refresh_from_db()
    assert schuld.bedrag == D("1000000000.00")


def test_other_bad_input(traject, consulent):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    gevallen = [
        ({"ontstaansdatum": morgen}, "ontstaansdatum", "De datum van ontstaan ligt in de toekomst. Vul vandaag of eerder in."),
        ({"schuldeiser": "  "}, "schuldeiser", "De naam van de schuldeiser ontbreekt."),
        ({"schuldeiser": "x" * 121}, "schuldeiser", "De naam van de schuldeiser is te lang: hooguit 120 tekens."),
        ({"schuldeiser": "Eneco\ud800"}, "schuldeiser", "De naam van de schuldeiser bevat tekens die geen geldige tekst zijn."),
        ({"soort": "bank"}, "soort", "Kies een soort schuldeiser uit de lijst."),
        ({"status": "kwijt"}, "status", "Kies een status uit de lijst: open, betalingsregeling, beslag, in verzet, betwist of betaald."),
        ({"kenmerk": "k" * 61}, "kenmerk", "Het kenmerk is te lang: hooguit 60 tekens."),
        ({"beslag_per_maand": D("-1")}, "beslag_per_maand", "Het beslag per maand moet meer zijn dan 0 euro."),
    ]
    for extra, veld, melding in gevallen:
        velden = {"schuldeiser": "Eneco", "soort": S.ENERGIE, "bedrag": D("100"), **extra}
        with pytest.raises(schulden.Veldfout) as fout:
            schulden.toevoegen(traject, door=consulent, **velden)
        assert (fout.value.veld, fout.value.melding) == (veld, melding)
    assert not Schuld.objects.exists()


def test_change_and_remove(traject, consulent):
    schuld = schulden.toevoegen(traject, door=consulent, schuldeiser="Eneco", soort=S.ENERGIE, bedrag=D("100"))
    gewijzigd = schulden.wijzigen(schuld.pk, door=consulent, status=St.BESLAG, beslag_per_maand=D("150.00"),
                                  schuldeiser="Vattenfall")
    gewijzigd.refresh_from_db()
    assert (gewijzigd.status, gewijzigd.beslag_per_maand, gewijzigd.schuldeiser.naam, gewijzigd.bedrag) == (
        St.BESLAG, D("150.00"), "Vattenfall", D("100.00"))
    assert Schuldeiser.objects.filter(naam="Eneco").exists()  # the address book keeps the old one
    with pytest.raises(schulden.Veldfout):
        schulden.wijzigen(schuld.pk, door=consulent, bedrag=D("0"))
    gewijzigd.refresh_from_db()
    assert gewijzigd.bedrag == D("100.00")  # nothing half-stored
    with pytest.raises(workflow.OngeldigeInvoer):
        schulden.wijzigen(schuld.pk, door=consulent, signaal=None)
    schulden.verwijderen(schuld.pk, door=consulent)
    assert not Schuld.objects.exists()
    assert AuditEvent.objects.filter(actie=Actie.VERWIJDEREN, object_type="schuldhulp.Schuld").exists()
    with pytest.raises(workflow.OngeldigeInvoer, match="bestaat niet"):
        schulden.verwijderen(schuld.pk, door=consulent)


def test_a_debt_with_messages_is_not_removed(traject, consulent):
    schuld = schulden.toevoegen(traject, door=consulent, schuldeiser="Eneco", soort=S.ENERGIE, bedrag=D("100"))
    berichten.verstuur(traject.pk, [schuld.pk], Berichtsoort.KENNISGEVING, door=consulent)
    with pytest.raises(workflow.OngeldigeInvoer, match="al contact met de schuldeiser"):
        schulden.verwijderen(schuld.pk, door=consulent)
    assert Schuld.objects.filter(pk=schuld.pk).exists()


def test_another_wijk_is_refused_and_audited(consulent, inwoner_zuid):
    traject = _zuid_traject(inwoner_zuid)
    with pytest.raises(PermissionDenied):
        schulden.toevoegen(traject, door=consulent, schuldeiser="Eneco", soort=S.ENERGIE, bedrag=D("0"))
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruiker=consulent).count() == 1
    assert not Schuld.objects.exists()


def test_totals(traject, consulent):
    def voeg(naam, soort, bedrag, **extra):
        return schulden.toevoegen(traject, door=consulent, schuldeiser=naam, soort=soort, bedrag=D(bedrag), **extra)

    voeg("Belastingdienst", S.BELASTINGDIENST, "1000.00")              # preferent by kind
    voeg("CJIB", S.CJIB, "250.50", status=St.BESLAG)
    huur = voeg("Woonstichting", S.VERHUURDER, "2000.00", status=St.BETALINGSREGELING)
    voeg("Eneco", S.ENERGIE, "749.50")
    voeg("Oude schuld", S.OVERIG, "500.00", status=St.BETAALD)         # paid: only in per_status
    # the creditor confirmed a lower balance: that counts
    schulden.Schuld.objects.filter(pk=huur.pk).update(saldo=D("1800.00"))
    t = schulden.totalen(schulden.schulden_van(traject.pk))
    # open: 1000.00 + 250.50 + 1800.00 + 749.50 = 3800.00
    assert (t.aantal, t.totaal) == (4, D("3800.00"))
    assert (t.preferent, t.concurrent) == (D("1000.00"), D("2800.00"))
    # Rijksincasso: Belastingdienst 1000.00 + CJIB 250.50 = 1250.50; 1250.50 / 3800 = 32.907% -> 32.9
    assert (t.rijksincasso, t.rijksincasso_aandeel) == (D("1250.50"), D("32.9"))
    assert [(d.sleutel, d.aantal, d.bedrag) for d in t.per_status] == [
        ("open", 2, D("1749.50")), ("betalingsregeling", 1, D("1800.00")), ("beslag", 1, D("250.50")),
        ("betaald", 1, D("500.00"))]
    assert [(d.sleutel, d.bedrag) for d in t.per_soort] == [
        ("cjib", D("250.50")), ("belastingdienst", D("1000.00")), ("verhuurder", D("1800.00")), ("energie", D("749.50"))]
    leeg = schulden.totalen([])
    assert (leeg.totaal, leeg.rijksincasso_aandeel, leeg.per_status) == (D("0.00"), None, ())


def test_timeline_by_date_with_messages(traject, consulent):
    oud = schulden.toevoegen(traject, door=consulent, schuldeiser="Eneco", soort=S.ENERGIE, bedrag=D("100"),
                             ontstaansdatum=datetime.date(2023, 5, 1))
    schulden.toevoegen(traject, door=consulent, schuldeiser="CJIB", soort=S.CJIB, bedrag=D("50"),
                       ontstaansdatum=datetime.date(2022, 1, 9))
    schulden.toevoegen(traject, door=consulent, schuldeiser="Zonder datum", soort=S.OVERIG, bedrag=D("5"))
    verzonden = timezone.localdate() - datetime.timedelta(days=20)
    bericht = berichten.verstuur(traject.pk, [oud.pk], Berichtsoort.SALDOVERZOEK, door=consulent, verzonden_op=verzonden)[0]
    berichten.reactie_vastleggen(bericht.pk, "saldo", door=consulent, saldo=D("90.00"), ontvangen_op=verzonden + datetime.timedelta(days=3))
    regels = schulden.tijdlijn(traject.pk)
    assert [(r.datum, r.soort, r.schuldeiser) for r in regels] == [
        (datetime.date(2022, 1, 9), "schuld", "CJIB"), (datetime.date(2023, 5, 1), "schuld", "Eneco"),
        (verzonden, "bericht", "Eneco"), (verzonden + datetime.timedelta(days=3), "reactie", "Eneco")]
    assert regels[-1].bedrag == D("90.00")


# --- pre-fill from the signals ---------------------------------------------------------------------

@pytest.mark.parametrize("partnertype, soort", [
    (PartnerType.HUUR, S.VERHUURDER), (PartnerType.ENERGIE, S.ENERGIE), (PartnerType.WATER, S.WATER),
    (PartnerType.ZORG, S.ZORGVERZEKERAAR), (PartnerType.CAK_ZORGVERZEKERINGEN, S.CAK),
    (PartnerType.CAK_EIGEN_BIJDRAGE, S.CAK), (PartnerType.DUO, S.DUO),
    (PartnerType.BELASTINGDIENST, S.BELASTINGDIENST), (PartnerType.DIENST_TOESLAGEN, S.DIENST_TOESLAGEN),
    (PartnerType.HYPOTHEEK, S.OVERIG), (PartnerType.OVERIGE, S.OVERIG),
])
def test_every_ddas_partnertype_has_a_kind(partnertype, soort):
    assert schulden.SOORT_PER_PARTNERTYPE[partnertype] == soort


def test_every_partnertype_is_mapped():
    assert set(schulden.SOORT_PER_PARTNERTYPE) == set(PartnerType.values)


def test_a_traject_started_from_a_case_has_its_signals_as_debts(consulent, inwoner_overvecht):
    zaak = ZaakFactory(inwoner=inwoner_overvecht)
    huur = SignaalpartnerFactory(code="woonstichting", naam="Woonstichting Mitros", type=PartnerType.HUUR)
    energie = SignaalpartnerFactory(code="eneco", naam="Eneco", type=PartnerType.ENERGIE)
    vandaag = timezone.localdate()
    SignaalFactory(zaak=zaak, partner=huur, bedrag=D("1450.00"), signaaldatum=vandaag - datetime.timedelta(days=10),
                   ontstaansdatum=vandaag - datetime.timedelta(days=70))
    SignaalFactory(zaak=zaak, partner=energie, bedrag=D("312.40"), signaaldatum=vandaag - datetime.timedelta(days=5))
    zaken_workflow.oppakken(zaak, door=consulent)
    traject = workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    rijen = list(traject.schulden.select_related("schuldeiser", "signaal").order_by("bedrag"))
    assert [(s.schuldeiser.naam, s.schuldeiser.soort, s.bedrag, s.ontstaansdatum, s.bron) for s in rijen] == [
        ("Eneco", S.ENERGIE, D("312.40"), vandaag - datetime.timedelta(days=5), Schuldbron.SIGNAAL),  # no origin date: the signal date
        ("Woonstichting Mitros", S.VERHUURDER, D("1450.00"), vandaag - datetime.timedelta(days=70), Schuldbron.SIGNAAL)]
    assert {s.signaal.traject_id for s in rijen} == {traject.pk}
    # a second call adds nothing: one debt per signal
    assert schulden.uit_signalen(traject, door=consulent) == []
    assert traject.schulden.count() == 2


def test_a_failing_prefill_leaves_no_traject(consulent, inwoner_overvecht, monkeypatch):
    zaak = ZaakFactory(inwoner=inwoner_overvecht)
    SignaalFactory(zaak=zaak)
    zaken_workflow.oppakken(zaak, door=consulent)

    def stuk(*args, **kwargs):
        raise RuntimeError("kapot")
    monkeypatch.setattr(schulden, "uit_signalen", stuk)
    with pytest.raises(RuntimeError):
        workflow.start_vanuit_zaak(zaak.pk, door=consulent)
    assert not workflow.Traject.objects.filter(zaak_id=zaak.pk).exists()
