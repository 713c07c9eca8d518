"""A finished traject maps onto the official DDAS schuldhulpverlening schema (v1.0)."""

import hashlib
import json
import re
from datetime import date, datetime, timedelta, timezone as tz
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.personen.models import Rol
from vroeghulp.personen.tests.factories import InwonerFactory
from vroeghulp.schuldhulp import ddas, workflow
from vroeghulp.schuldhulp.models import Doorverwijzing, Fase as F, Oplossingssoort, Uitstroomreden as U
from vroeghulp.zaken import workflow as zaken_workflow
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory

D = date(2026, 1, 5)  # a Monday
DAG = timedelta(days=1)


def _schema():
    return json.loads(ddas.SCHEMA.read_text(encoding="utf-8"))


def _valideer(levering):
    validator = Draft202012Validator(_schema(), format_checker=FormatChecker())
    fouten = sorted(validator.iter_errors(levering), key=lambda f: list(f.path))
    assert fouten == [], [f"{list(f.path)}: {f.message}" for f in fouten]


def test_the_schema_is_the_official_copy_unchanged():
    assert hashlib.sha256(ddas.SCHEMA.read_bytes()).hexdigest() == (
        "ec34e80fb369a81a07dd16ff5657533e4f6c2050bebc74d414a5a92c2c4cf5a9")
    assert _schema()["$id"].endswith("/ddas/main/v1.0/json_schema_Uitwisselmodel.json")


def test_the_validator_does_refuse_a_wrong_delivery():
    # the test above is only worth something if the validator can fail
    validator = Draft202012Validator(_schema(), format_checker=FormatChecker())
    fout = {"startdatumLevering": "2026-13-01", "einddatumLevering": "2026-12-31",
            "aanleverdatumEnTijd": "2026-12-31T23:59:59Z", "codeGegevensleverancier": "x",
            "leveringen": [{"teller": 1, "aanleverende_organisatie": {},
                            "schuldhulptrajecten": [{"uitstroom": {"reden": "Klaar"}}]}]}
    meldingen = {f.message for f in validator.iter_errors(fout)}
    assert any("is not a 'date'" in m for m in meldingen)
    assert any("'gemeentecode' is a required property" in m for m in meldingen)
    assert any("'Klaar' is not one of" in m for m in meldingen)


@pytest.fixture
def afgerond_traject(consulent, inwoner_overvecht):
    """A crisis case -> traject -> intake -> stabilisatie -> plan -> schuldregeling -> nazorg -> uitstroom."""
    inwoner_overvecht.geslacht = "Vrouw"
    inwoner_overvecht.save()
    partner = InwonerFactory(huishouden=inwoner_overvecht.huishouden, rol=Rol.PARTNER, geslacht="Man",
                             geboortedatum=date(1983, 2, 1))
    zaak = ZaakFactory(inwoner=inwoner_overvecht, crisis=True)
    SignaalFactory(zaak=zaak, partner=SignaalpartnerFactory(code="woco", naam="Woningcorporatie Mitros", type="Huur"),
                   bedrag="1250.50", crisissignaal=True, signaaldatum=D - 10 * DAG)
    SignaalFactory(zaak=zaak, partner=SignaalpartnerFactory(code="zorg", naam="Zorgverzekeraar Zilveren Kruis", type="Zorg"),
                   bedrag="310.49", signaaldatum=D - 20 * DAG)
    zaken_workflow.oppakken(zaak, door=consulent)
    t = workflow.start_vanuit_zaak(zaak.pk, door=consulent, aanmelddatum=D)
    workflow.eerste_gesprek(t, door=consulent, datum=D + 2 * DAG, verwachte_weken=52)
    workflow.stabilisatie_starten(t, door=consulent, datum=D + 9 * DAG)
    workflow.plan_van_aanpak(t, door=consulent, datum=D + 40 * DAG)
    workflow.oplossing_starten(t, F.SCHULDREGELING, door=consulent, datum=D + 100 * DAG)
    workflow.nazorg_starten(t, door=consulent, datum=D + 280 * DAG)
    workflow.uitstromen(t, door=consulent, reden=U.AFGEROND, datum=D + 300 * DAG,
                        toelichting="Intern: mevrouw is tevreden")
    return t, partner


def test_finished_traject_validates_against_the_official_schema(afgerond_traject, consulent, settings):
    settings.GEMEENTECODE = "0344"
    traject, partner = afgerond_traject
    inwoner = traject.inwoner
    adres = inwoner.huishouden.adres
    levering = ddas.levering(date(2026, 1, 1), date(2026, 12, 31), door=consulent, organisatie="Gemeente Utrecht",
                             nu=datetime(2026, 12, 31, 22, 0, 5, tzinfo=tz.utc))
    _valideer(levering)
    # date-time has no checker installed (rfc3339-validator): check the form by hand
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", levering["aanleverdatumEnTijd"])
    assert levering["aanleverdatumEnTijd"] == "2026-12-31T22:00:05Z"
    [traj] = levering["leveringen"][0]["schuldhulptrajecten"]
    # D = 5 Jan 2026; the steps at +2, +9, +40, +100, +280 and +300 days
    assert traj["startdatum"] == "2026-01-05" and traj["einddatum"] == "2026-11-01"
    assert traj["gemeentecode"] == "0344"
    assert traj["aanmelding"] == {"crisisinterventie": True, "startdatum": "2026-01-05", "einddatum": "2026-01-07"}
    assert traj["intake"] == {"startdatum": "2026-01-07", "einddatum": "2026-01-14",
                              "beschikkingsdatum": "2026-02-14", "beschikkingssoort": "Toelatingsbeschikking"}
    assert traj["stabilisatie"] == {"startdatum": "2026-01-14", "einddatum": "2026-02-14"}
    assert traj["planVanAanpak"] == {"datumAfronding": "2026-02-14"}
    assert traj["oplossing"] == {"soort": "Schuldbemiddeling", "startdatum": "2026-04-15", "einddatum": "2026-10-12"}
    assert traj["nazorg"] == {"startdatum": "2026-10-12", "einddatum": "2026-11-01"}
    assert traj["uitstroom"] == {"datum": "2026-11-01", "reden": "Afgerond"}  # no internal toelichting
    assert traj["client"] == [
        {"Burgerservicenummer": inwoner.bsn, "Geboortedatum": inwoner.geboortedatum.isoformat(),
         "Geslachtsaanduiding": "Vrouw", "Postcode": adres.postcode, "Huisnummer": str(adres.huisnummer)},
        {"Burgerservicenummer": partner.bsn, "Geboortedatum": "1983-02-01", "Geslachtsaanduiding": "Man",
         "Postcode": adres.postcode, "Huisnummer": str(adres.huisnummer)},
    ]
    # the signals are debts of the overview: whole euros, half up: 1250.50 -> 1251, 310.49 -> 310;
    # a landlord is Overig, a health insurer Zorg; peildatum: the day they entered the overview
    vandaag = timezone.localdate().isoformat()
    assert sorted((s["schuldeiser"]["naam"], s["bedrag"], s["schuldsoort"], s["peildatum"]) for s in traj["schulden"]) == [
        ("Woningcorporatie Mitros", 1251, "Overig", vandaag),
        ("Zorgverzekeraar Zilveren Kruis", 310, "Zorg", vandaag),
    ]
    assert "schuldregeling" not in traj and "toekenningsdatum" not in traj  # no proposal was sent
    assert AuditEvent.objects.filter(actie=Actie.EXPORTEREN, aantal=1, doel=ddas.DOEL).exists()


def test_open_and_referred_trajecten_validate_too(consulent):
    from vroeghulp.schuldhulp.tests.factories import traject_in

    aangemeld = traject_in(F.AANMELDING, consulent)
    bewind = traject_in(F.INTAKE, consulent)
    workflow.doorverwijzen(bewind, door=consulent, naar=Doorverwijzing.BESCHERMINGSBEWIND)
    regeling = traject_in(F.PLAN_VAN_AANPAK, consulent)
    workflow.oplossing_starten(regeling, F.BETALINGSREGELING, door=consulent, soort=Oplossingssoort.HERFINANCIERING)
    vandaag = aangemeld.aanmelddatum
    levering = ddas.levering(vandaag - 365 * DAG, vandaag, door=consulent, organisatie="Gemeente Utrecht")
    _valideer(levering)
    trajecten = levering["leveringen"][0]["schuldhulptrajecten"]
    assert len(trajecten) == 3
    assert [{"soort": "Beschermingsbewind", "startdatum": vandaag.isoformat()}] in [t.get("begeleiding") for t in trajecten]
    assert {"soort": "Herfinanciering", "startdatum": vandaag.isoformat()} in [t.get("oplossing") for t in trajecten]
    assert all("einddatum" not in t and "uitstroom" not in t for t in trajecten)  # all still open


def test_period_selects_trajecten_that_ran_in_it(afgerond_traject, consulent):
    # the traject ran 5 Jan - 1 Nov 2026: not in 2025, and not from 2 Nov 2026
    assert ddas.trajecten_in_periode(date(2025, 1, 1), date(2025, 12, 31)).count() == 0
    assert ddas.trajecten_in_periode(date(2026, 11, 2), date(2026, 12, 31)).count() == 0
    assert ddas.trajecten_in_periode(date(2026, 11, 1), date(2026, 12, 31)).count() == 1


# --- debts, pauses and the settlement (issue 12 points 3, 5 and 6) -----------------------------------

AMSTERDAM = __import__("zoneinfo").ZoneInfo("Europe/Amsterdam")


def _op(reis, dag: date):
    reis.move_to(datetime(dag.year, dag.month, dag.day, 10, 0, tzinfo=AMSTERDAM))
    return dag


@pytest.fixture
def traject_met_regeling(consulent, inwoner_overvecht):
    """2 March 2026: a case with one rent signal becomes a traject; three more debts, a collection
    pause and an afkoelingsperiode; a confirmed saldo; the vtlb; a schuldregeling sent on 23 March
    and accepted by all four creditors, the last on 2 April; solution, nazorg and a finished uitstroom."""
    from vroeghulp.schuldhulp import berichten, regeling, schulden, stabilisatie
    from vroeghulp.schuldhulp.models import Moratoriumsoort, Schuldeiser

    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=AMSTERDAM), tick=False) as reis:
        inwoner_overvecht.geboortedatum = date(1986, 1, 1)
        inwoner_overvecht.save(update_fields=["geboortedatum"])
        zaak = ZaakFactory(inwoner=inwoner_overvecht)
        SignaalFactory(zaak=zaak, partner=SignaalpartnerFactory(code="woco", naam="Woningcorporatie Mitros", type="Huur"),
                       bedrag="1250.50", signaaldatum=date(2026, 2, 16))
        zaken_workflow.oppakken(zaak, door=consulent)
        t = workflow.start_vanuit_zaak(zaak.pk, door=consulent, aanmelddatum=date(2026, 3, 2))
        workflow.eerste_gesprek(t, door=consulent, datum=date(2026, 3, 2), verwachte_weken=40)
        workflow.stabilisatie_starten(t, door=consulent, datum=date(2026, 3, 2))
        cjib = schulden.toevoegen(t.pk, door=consulent, schuldeiser="CJIB", soort="cjib", bedrag="1000.00")
        schulden.toevoegen(t.pk, door=consulent, schuldeiser="Belastingdienst", soort="belastingdienst", bedrag="500.00")
        schulden.toevoegen(t.pk, door=consulent, schuldeiser="Eneco", soort="energie", bedrag="749.49")
        Schuldeiser.objects.filter(naam="Eneco").update(postadres="Postbus 1000\n3000 BA Rotterdam")
        stabilisatie.moratorium_registreren(t.pk, door=consulent, soort=Moratoriumsoort.PAUZEKNOP,
                                            startdatum=date(2026, 3, 2), einddatum=date(2026, 5, 31))
        stabilisatie.moratorium_registreren(t.pk, door=consulent, soort=Moratoriumsoort.AFKOELINGSPERIODE,
                                            startdatum=date(2026, 3, 4), einddatum=date(2026, 9, 3))
        [verzoek] = berichten.verstuur(t.pk, [cjib.pk], "saldoverzoek", door=consulent)
        _op(reis, date(2026, 3, 16))
        berichten.reactie_vastleggen(verzoek.pk, "saldo", door=consulent, saldo=Decimal("1020.00"))
        _op(reis, date(2026, 3, 20))
        workflow.plan_van_aanpak(t, door=consulent, datum=date(2026, 3, 20), verwachte_weken=40)
        berekening = regeling.vtlb_berekenen(t.pk, regeling.Huishoudinvoer(
            peildatum=date(2026, 3, 1), netto_inkomen_per_maand=Decimal("2300"), toetsingsinkomen=Decimal("35000")),
            door=consulent)
        voorstel = regeling.voorstel_maken(t.pk, "schuldregeling", berekening_id=berekening.pk, door=consulent)
        _op(reis, date(2026, 3, 23))
        regeling.versturen(voorstel.pk, consulent)
        for dag, regel in zip([date(2026, 3, 25), date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 2)],
                              voorstel.regels.order_by("id")):
            _op(reis, dag)
            regeling.antwoord_vastleggen(regel.pk, "akkoord", door=consulent)
        _op(reis, date(2026, 4, 6))
        workflow.oplossing_starten(t, F.SCHULDREGELING, door=consulent, datum=date(2026, 4, 6))
        _op(reis, date(2027, 10, 6))
        workflow.nazorg_starten(t, door=consulent, datum=date(2027, 10, 6))
        _op(reis, date(2027, 11, 5))
        workflow.uitstromen(t, door=consulent, reden=U.AFGEROND, datum=date(2027, 11, 5))
        yield t


def test_debts_pauses_and_the_accepted_settlement_map_onto_the_schema(traject_met_regeling, consulent):
    levering = ddas.levering(date(2026, 1, 1), date(2027, 12, 31), door=consulent, organisatie="Gemeente Utrecht",
                             nu=datetime(2028, 1, 10, 9, 0, tzinfo=tz.utc))
    _valideer(levering)
    [traj] = levering["leveringen"][0]["schuldhulptrajecten"]

    # Schuld (Detail_Model): every debt separately, "bedrag in hele euro's", peildatum = when the
    # schuldhulpverlener established it. Mitros 1.250,50 → 1.251 (half up), from the signal on 2 March;
    # CJIB: the confirmed saldo 1.020,00 of 16 March, not the claim of 1.000,00; Belastingdienst 500;
    # Eneco 749,49 → 749. EnumSchuldensoort: verhuurder Overig, CJIB and Belastingdienst Publiek,
    # energy Nuts ("organisaties die werken met meterstanden").
    assert [(s["schuldeiser"]["naam"], s["bedrag"], s["peildatum"], s["schuldsoort"]) for s in traj["schulden"]] == [
        ("Woningcorporatie Mitros", 1251, "2026-03-02", "Overig"),
        ("CJIB", 1020, "2026-03-16", "Publiek"),
        ("Belastingdienst", 500, "2026-03-02", "Publiek"),
        ("Eneco", 749, "2026-03-02", "Nuts"),
    ]
    eneco = traj["schulden"][3]["schuldeiser"]
    assert eneco == {"naam": "Eneco", "Naam": "Eneco", "postcode": "3000BA", "privepersoon": False}
    assert all("zakelijkeSchuld" not in s for s in traj["schulden"])  # not recorded, so not delivered

    # Moratorium = the court's (Fw art. 287b, at most six months): the afkoelingsperiode. The
    # pauzeknop is a voorlopige voorziening ("tijdelijke opschorting van afbetalingen").
    assert traj["moratoria"] == [{"startdatum": "2026-03-04", "einddatum": "2026-09-03"}]
    assert traj["voorlopigeVoorzieningen"] == [{"startdatum": "2026-03-02", "einddatum": "2026-05-31"}]

    # Schuldregeling: ingediend (sent) 23 March; toegekend when the last of the four agreed, 2 April;
    # dwangakkoord false (Q&A: true only with a 'toegekend', and no court was asked); the traject's
    # toekenningsdatum is the same date (Q&A).
    assert traj["schuldregeling"] == {"datum": "2026-03-23", "toegekend": "2026-04-02", "dwangakkoord": False}
    assert traj["toekenningsdatum"] == "2026-04-02"
    # totaalSchuldbedragBijAanvangSchuld: the claims in the settlement, each debt separately:
    # 1.250,50 + 1.020,00 (confirmed saldo) + 500,00 + 749,49 = 3.519,99 → 3.520 whole euros.
    assert traj["totaalSchuldbedragBijAanvangSchuld"] == 3520
    # vtlb "in hele euro's per maand": regels/tests/scenarios/vtlb/vtlb_2026.yaml, single, belastbaar
    # inkomen 35.000: vtlb 1.652,09 → 1.652.
    assert traj["oplossing"] == {"soort": "Schuldbemiddeling", "startdatum": "2026-04-06",
                                 "einddatum": "2027-10-06", "vtlb": 1652}
    assert traj["nazorg"] == {"startdatum": "2027-10-06", "einddatum": "2027-11-05"}
    assert traj["uitstroom"] == {"datum": "2027-11-05", "reden": "Afgerond"}
    assert traj["einddatum"] == "2027-11-05"


def test_a_refused_settlement_has_its_refusal_date_and_no_grant(consulent, inwoner_overvecht):
    from vroeghulp.schuldhulp import regeling, schulden
    from vroeghulp.schuldhulp.tests.factories import traject_in

    with time_machine.travel(datetime(2026, 3, 23, 10, 0, tzinfo=AMSTERDAM), tick=False) as reis:
        t = traject_in(F.PLAN_VAN_AANPAK, consulent, inwoner=inwoner_overvecht)
        schulden.toevoegen(t.pk, door=consulent, schuldeiser="CJIB", soort="cjib", bedrag="1000.00")
        schulden.toevoegen(t.pk, door=consulent, schuldeiser="DUO", soort="duo", bedrag="3000.40")
        concept = regeling.voorstel_maken(t.pk, "schuldregeling", door=consulent, berekening_id=regeling.afloscapaciteit_invoeren(
            t.pk, "50.00", "uitkomst vtlb-calculator", door=consulent).pk)
        traj = ddas.schuldhulptraject(t)
        assert "schuldregeling" not in traj  # a concept was never ingediend
        regeling.versturen(concept.pk, consulent)
        cjib, duo = concept.regels.order_by("id")
        _op(reis, date(2026, 3, 26))
        regeling.antwoord_vastleggen(cjib.pk, "weigering", door=consulent)
        _op(reis, date(2026, 3, 30))
        regeling.antwoord_vastleggen(duo.pk, "akkoord", door=consulent)
        traj = ddas.schuldhulptraject(t)
    assert traj["schuldregeling"] == {"datum": "2026-03-23", "afgewezen": "2026-03-26"}
    assert "toekenningsdatum" not in traj
    # 1.000,00 + 3.000,40 = 4.000,40 → 4.000; entered by hand, so no vtlb is known
    assert traj["totaalSchuldbedragBijAanvangSchuld"] == 4000
    assert "vtlb" not in traj.get("oplossing", {})
