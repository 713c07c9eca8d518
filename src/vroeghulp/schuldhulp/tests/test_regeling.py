"""The settlement on a traject: offers by hand, the three kinds, superseding, sending, answers.

Expected amounts are worked out by hand from the rule of ``schuldhulp.aanbod`` (concurrent: one
percentage p; preferent: 2p, never above the claim; pool = afloscapaciteit × 18 months, Fw art.
349a lid 1) and, for the vtlb, from the hand calculations in regels/tests/scenarios/vtlb.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.common.werkstroom import OngeldigeInvoer, WerkstroomFout
from vroeghulp.schuldhulp import berichten, regeling
from vroeghulp.schuldhulp.models import (
    Bericht, Berichtsoort, Fase, Reactie, Schuld, Schuldeiser, Schuldstatus, Voorstel, Voorstelstatus,
)
from vroeghulp.schuldhulp.tests.factories import inwoner_in, traject_in

D = Decimal


def schuld(traject, naam, bedrag, *, preferent=False, status=Schuldstatus.OPEN, soort="overig", saldo=None):
    eiser, _nieuw = Schuldeiser.objects.get_or_create(naam=naam, soort=soort,
                                                      defaults={"postadres": "Postbus 1\n3500 AA Utrecht"})
    return Schuld.objects.create(traject=traject, schuldeiser=eiser, bedrag=D(bedrag), preferent=preferent,
                                 status=status, saldo=None if saldo is None else D(saldo), kenmerk=f"K-{naam[:4]}")


@pytest.fixture
def traject(consulent):
    return traject_in(Fase.PLAN_VAN_AANPAK, consulent)


def _drie_schulden(traject):
    return (schuld(traject, "Woonstichting", "1000.00", soort="verhuurder"),
            schuld(traject, "Energie BV", "500.00", soort="energie"),
            schuld(traject, "Belastingdienst", "1500.00", preferent=True, soort="belastingdienst"))


def _voorstel(traject, door, per_maand="50.00", soort="schuldregeling"):
    berekening = regeling.afloscapaciteit_invoeren(traject.pk, per_maand, "uitkomst vtlb-calculator", door=door)
    return regeling.voorstel_maken(traject.pk, soort, berekening_id=berekening.pk, door=door)


def _bedragen(voorstel):
    return [(r.schuld.schuldeiser.naam, r.bedrag, r.percentage, r.preferent) for r in voorstel.regels.all()]


def test_schuldregeling_by_hand_leaves_out_paid_and_disputed(traject, consulent):
    _drie_schulden(traject)
    schuld(traject, "CJIB", "300.00", status=Schuldstatus.BETAALD, soort="cjib")
    schuld(traject, "Incasso Snel", "200.00", status=Schuldstatus.BETWIST, soort="incassobureau")
    voorstel = _voorstel(traject, consulent, "50.00")
    # pool = 50,00 × 18 = 900,00; claims 1.000 + 500 concurrent, 1.500 preferent (betaald and betwist out)
    # 1.500·p + 1.500·2p = 4.500·p = 900 → p = 0,20; 2p = 0,40 ≤ 1 (no cap)
    # 1.000 × 0,20 = 200,00; 500 × 0,20 = 100,00; 1.500 × 0,40 = 600,00; together 900,00
    assert (voorstel.pool, voorstel.totaal_schulden) == (D("900.00"), D("3000.00"))
    assert (voorstel.percentage_concurrent, voorstel.percentage_preferent) == (D("20.00"), D("40.00"))
    assert _bedragen(voorstel) == [("Woonstichting", D("200.00"), D("20.00"), False),
                                   ("Energie BV", D("100.00"), D("20.00"), False),
                                   ("Belastingdienst", D("600.00"), D("40.00"), True)]
    weg = {w.schuld.schuldeiser.naam: w.reden for w in regeling.weggelaten(traject.pk, voorstel)}
    assert weg == {"CJIB": "Betaald", "Incasso Snel": "Betwist: eerst uitzoeken of de schuld klopt"}
    assert voorstel.status == Voorstelstatus.CONCEPT and voorstel.looptijd_maanden == 18
    assert voorstel.berekening.verzoek == {"reden": "uitkomst vtlb-calculator"}


def test_preferent_capped_at_its_claim_and_confirmed_balance_used(traject, consulent):
    schuld(traject, "Woonstichting", "1000.00")
    schuld(traject, "Energie BV", "1200.00", saldo="1000.00")  # the confirmed balance counts, not the claim
    schuld(traject, "Belastingdienst", "400.00", preferent=True)
    voorstel = _voorstel(traject, consulent, "100.00")
    # pool = 100 × 18 = 1.800. Without a cap: 2.000·p + 400·2p = 2.800·p = 1.800 → p = 0,6429, 2p > 1:
    # the Belastingdienst is capped at 400,00 (100%); the rest 1.400 over 2.000 concurrent → p = 0,70
    assert _bedragen(voorstel) == [("Woonstichting", D("700.00"), D("70.00"), False),
                                   ("Energie BV", D("700.00"), D("70.00"), False),
                                   ("Belastingdienst", D("400.00"), D("100.00"), True)]
    assert voorstel.regels.get(schuld__schuldeiser__naam="Energie BV").schuldbedrag == D("1000.00")


def test_vtlb_from_regels_is_stored_with_request_outcome_and_version(consulent, team_overvecht):
    inwoner = inwoner_in(team_overvecht.wijken.first(), geboortedatum=datetime.date(1986, 1, 1))
    traject = traject_in(Fase.PLAN_VAN_AANPAK, consulent, inwoner=inwoner)
    schuld(traject, "Woonstichting", "20000.00")
    berekening = regeling.vtlb_berekenen(traject.pk, regeling.Huishoudinvoer(
        peildatum=datetime.date(2026, 3, 1), netto_inkomen_per_maand=D("2300"), toetsingsinkomen=D("35000")),
        door=consulent)
    # regels/tests/scenarios/vtlb/vtlb_2026.yaml: vtlb 1.652,09; 2.300,00 − 1.652,09 = 647,91 per month
    assert berekening.regeling == "vtlb" and berekening.rekenregels_versie.startswith("regels-")
    assert berekening.uitkomst["vtlb_per_maand"] == "1652.09"
    assert berekening.verzoek["huishouden"]["personen"][0]["netto_inkomen_per_maand"] == "2300"
    voorstel = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=berekening.pk, door=consulent)
    # 647,91 × 18 = 11.662,38; one concurrent claim of 20.000: 11.662,38 / 20.000 = 0,583119 → 58,31%
    assert (voorstel.afloscapaciteit_per_maand, voorstel.pool) == (D("647.91"), D("11662.38"))
    assert _bedragen(voorstel) == [("Woonstichting", D("11662.38"), D("58.31"), False)]


def test_saneringskrediet_is_the_same_pool_at_once(traject, consulent):
    _drie_schulden(traject)
    voorstel = _voorstel(traject, consulent, "50.00", soort="saneringskrediet")
    # the same pool as the schuldregeling (900,00), shared the same way, paid at once by the credit bank
    assert voorstel.soort == "saneringskrediet" and voorstel.pool == D("900.00")
    assert [b for _n, b, _p, _v in _bedragen(voorstel)] == [D("200.00"), D("100.00"), D("600.00")]


def test_nul_aanbod_only_without_afloscapaciteit(consulent, team_overvecht):
    inwoner = inwoner_in(team_overvecht.wijken.first(), geboortedatum=datetime.date(1986, 1, 1))
    traject = traject_in(Fase.PLAN_VAN_AANPAK, consulent, inwoner=inwoner)
    _drie_schulden(traject)
    # vtlb_2026.yaml "Nul-aanbod": vtlb 1.331,43, income 1.200 → afloscapaciteit 0
    nul = regeling.vtlb_berekenen(traject.pk, regeling.Huishoudinvoer(
        peildatum=datetime.date(2026, 3, 1), netto_inkomen_per_maand=D("1200"), toetsingsinkomen=D("20000")),
        door=consulent)
    with pytest.raises(OngeldigeInvoer, match="Kies het nul-aanbod"):
        regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=nul.pk, door=consulent)
    voorstel = regeling.voorstel_maken(traject.pk, "nul_aanbod", berekening_id=nul.pk, door=consulent)
    assert voorstel.pool == D("0.00")
    assert [(b, p) for _n, b, p, _v in _bedragen(voorstel)] == [(D("0.00"), D("0.00"))] * 3
    met = regeling.afloscapaciteit_invoeren(traject.pk, "10.00", "vast bedrag", door=consulent)
    with pytest.raises(OngeldigeInvoer, match="een nul-aanbod kan alleen zonder afloscapaciteit"):
        regeling.voorstel_maken(traject.pk, "nul_aanbod", berekening_id=met.pk, door=consulent)


@pytest.mark.parametrize("bedrag, reden, melding", [
    ("abc", "x", "Afloscapaciteit: vul een bedrag"), ("-1", "x", "van 0 tot 100.000"),
    ("10.001", "x", "hele centen"), ("NaN", "x", "van 0 tot 100.000"), ("10", "  ", "Reden:"),
])
def test_entered_afloscapaciteit_refused_with_the_field_named(traject, consulent, bedrag, reden, melding):
    with pytest.raises(OngeldigeInvoer, match=melding):
        regeling.afloscapaciteit_invoeren(traject.pk, bedrag, reden, door=consulent)
    assert not traject.berekeningen.exists()


def test_no_debts_no_proposal(traject, consulent):
    schuld(traject, "CJIB", "300.00", status=Schuldstatus.BETAALD)
    with pytest.raises(OngeldigeInvoer, match="Schulden: "):
        _voorstel(traject, consulent)
    assert not Voorstel.objects.exists()


def test_a_new_proposal_supersedes_the_concept_and_the_sent_one(traject, consulent):
    _drie_schulden(traject)
    eerste = _voorstel(traject, consulent, "50.00")
    tweede = _voorstel(traject, consulent, "60.00")
    eerste.refresh_from_db()
    assert (eerste.status, tweede.status) == (Voorstelstatus.VERVALLEN, Voorstelstatus.CONCEPT)
    regeling.versturen(tweede.pk, consulent)
    derde = _voorstel(traject, consulent, "70.00")
    tweede.refresh_from_db()
    assert tweede.status == Voorstelstatus.VERVALLEN and regeling.huidig_voorstel(traject.pk) == derde
    with pytest.raises(WerkstroomFout, match="al verstuurd of vervangen"):
        regeling.versturen(tweede.pk, consulent)


def test_sending_records_one_message_per_line_and_makes_the_letters(traject, consulent):
    _drie_schulden(traject)
    voorstel = _voorstel(traject, consulent, "50.00")
    verzending = regeling.versturen(voorstel.pk, consulent)
    voorstel.refresh_from_db()
    assert voorstel.status == Voorstelstatus.VERZONDEN and voorstel.verzonden_op == timezone.localdate()
    regels = list(voorstel.regels.select_related("bericht"))
    assert [r.bericht.soort for r in regels] == [Berichtsoort.BETALINGSVOORSTEL] * 3
    assert [r.bericht.schuld_id for r in regels] == [r.schuld_id for r in regels]
    assert regels[0].bericht.antwoord_uiterlijk == berichten.antwoord_uiterlijk(timezone.localdate())
    assert verzending.pdf.startswith(b"%PDF")
    assert AuditEvent.objects.filter(actie=Actie.EXPORTEREN, object_type="schuldhulp.Schuld").count() == 3
    with pytest.raises(WerkstroomFout):
        regeling.versturen(voorstel.pk, consulent)
    assert Bericht.objects.count() == 3


def _antwoord(voorstel, naam, reactie, door, **kwargs):
    regel = voorstel.regels.get(schuld__schuldeiser__naam=naam)
    return regeling.antwoord_vastleggen(regel.pk, reactie, door=door, **kwargs)


def test_status_from_the_answers(traject, consulent):
    _drie_schulden(traject)
    voorstel = _voorstel(traject, consulent)
    regeling.versturen(voorstel.pk, consulent)
    stand = _antwoord(voorstel, "Woonstichting", Reactie.AKKOORD, consulent)
    assert stand.status == Voorstelstatus.VERZONDEN and [r.antwoord for r in stand.regels] == ["akkoord", "open", "open"]
    stand = _antwoord(voorstel, "Energie BV", Reactie.WEIGERING, consulent, toelichting="te laag")
    voorstel.refresh_from_db()
    # derived from the answers on every read; stored stays what the services decided (sent)
    assert stand.status == regeling.stand(voorstel).status == Voorstelstatus.AFGEWEZEN
    assert voorstel.status == Voorstelstatus.VERZONDEN
    # the refusal is resolved: after a reminder the creditor agrees after all
    energie = voorstel.regels.get(schuld__schuldeiser__naam="Energie BV")
    [herinnering] = berichten.verstuur(traject.pk, [energie.schuld_id], Berichtsoort.HERINNERING, door=consulent,
                                       herinnering_van={energie.schuld_id: energie.bericht_id})
    berichten.reactie_vastleggen(herinnering.pk, Reactie.AKKOORD, door=consulent)
    assert regeling.stand(voorstel).status == Voorstelstatus.VERZONDEN  # the Belastingdienst has not answered
    stand = _antwoord(voorstel, "Belastingdienst", Reactie.AKKOORD, consulent)
    voorstel.refresh_from_db()
    assert stand.status == regeling.stand(voorstel).status == Voorstelstatus.AANGENOMEN
    with pytest.raises(WerkstroomFout, match="al aangenomen"):
        _voorstel(traject, consulent)


def test_no_answer_after_the_term_is_late_not_agreed(traject, consulent):
    schuld(traject, "Woonstichting", "1000.00")
    voorstel = _voorstel(traject, consulent)
    regeling.versturen(voorstel.pk, consulent, verzonden_op=timezone.localdate() - datetime.timedelta(days=30))
    assert [r.antwoord for r in regeling.stand(voorstel).regels] == ["te_laat"]
    stand = _antwoord(voorstel, "Woonstichting", Reactie.GEEN_REACTIE, consulent)
    assert stand.status == Voorstelstatus.VERZONDEN and stand.regels[0].antwoord == "geen_reactie"


def test_answer_refused_before_sending_and_on_a_superseded_proposal(traject, consulent):
    schuld(traject, "Woonstichting", "1000.00")
    voorstel = _voorstel(traject, consulent)
    with pytest.raises(WerkstroomFout, match="nog niet verstuurd"):
        _antwoord(voorstel, "Woonstichting", Reactie.AKKOORD, consulent)
    regeling.versturen(voorstel.pk, consulent)
    _voorstel(traject, consulent, "60.00")
    with pytest.raises(WerkstroomFout, match="vervangen"):
        _antwoord(voorstel, "Woonstichting", Reactie.AKKOORD, consulent)
    with pytest.raises(OngeldigeInvoer, match="Antwoord: "):
        _antwoord(voorstel, "Woonstichting", Reactie.SALDO, consulent)


def test_other_team_refused_and_audited(traject, inwoner_zuid):
    from vroeghulp.accounts.tests.factories import GebruikerFactory, TeamFactory

    zuid = GebruikerFactory(teams=[TeamFactory(wijken=[inwoner_zuid.huishouden.adres.buurt.wijk])])
    schuld(traject, "Woonstichting", "1000.00")
    with pytest.raises(PermissionDenied):
        regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "x", door=zuid)
    with pytest.raises(PermissionDenied):
        regeling.vtlb_berekenen(traject.pk, regeling.Huishoudinvoer(timezone.localdate(), D(2000), D(24000)),
                                door=zuid)
    assert not traject.berekeningen.exists()
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, gebruiker_id=zuid.pk).count() == 2


@pytest.mark.parametrize("opgeslagen, antwoorden, status", [
    ("verzonden", ["akkoord", "akkoord"], "aangenomen"),           # everyone agreed
    ("verzonden", ["akkoord", "weigering", "open"], "afgewezen"),  # one refusal is enough
    ("verzonden", ["akkoord", "geen_reactie"], "verzonden"),       # "no reaction" is not an akkoord
    ("verzonden", ["akkoord", "te_laat"], "verzonden"),
    ("concept", ["niet_verstuurd"], "concept"),                    # answers do not move a concept ...
    ("vervallen", ["akkoord"], "vervallen"),                       # ... nor a replaced proposal
])
def test_derived_status_is_a_function_of_the_answers(opgeslagen, antwoorden, status):
    assert regeling.afgeleide_status(opgeslagen, antwoorden) == status
