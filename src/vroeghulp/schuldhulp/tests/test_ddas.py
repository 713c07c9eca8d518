"""A finished traject maps onto the official DDAS schuldhulpverlening schema (v1.0)."""

import hashlib
import json
import re
from datetime import date, datetime, timedelta, timezone as tz

import pytest
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
    # whole euros, half up: 1250.50 -> 1251, 310.49 -> 310; huur is Overig, zorg is Zorg
    assert sorted((s["schuldeiser"]["naam"], s["bedrag"], s["schuldsoort"], s["peildatum"]) for s in traj["schulden"]) == [
        ("Woningcorporatie Mitros", 1251, "Overig", "2025-12-26"),
        ("Zorgverzekeraar Zilveren Kruis", 310, "Zorg", "2025-12-16"),
    ]
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
