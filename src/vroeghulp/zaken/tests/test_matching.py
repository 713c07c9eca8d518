"""Matching of signals into vroegsignaalzaken: keys, periods, classification, repeats, crisis."""

import datetime as dt
from decimal import Decimal
from itertools import count

import pytest
import time_machine
from django.utils import timezone

from vroeghulp.gebieden.tests.factories import BuurtFactory, PostcodeFactory
from vroeghulp.personen.tests.factories import AdresFactory, HuishoudenFactory, InwonerFactory
from vroeghulp.signalering import brp
from vroeghulp.signalering.huishoudsleutel import adres_sleutel, bsn_sleutel
from vroeghulp.signalering.models import PartnerType, Signaalpartner, Signaalstatus, Vroegsignaal
from vroeghulp.zaken.matching import match_signalen, matchingperiode, niet_gematchte_ids
from vroeghulp.zaken.models import Eindresultaat, Matchsoort, Vroegsignaalzaak, Zaakstatus

_volgnummer = count(1)


def partner(type_=PartnerType.HUUR, code=None):
    code = code or f"{type_.lower().replace(' ', '-')}-{next(_volgnummer)}"
    return Signaalpartner.objects.create(code=code, naam=code, type=type_)


def signaal(p, *, datum=dt.date(2026, 3, 10), bedrag=400, ontvangen=None, **velden):
    """A stored signal as the intake leaves it (no case yet)."""
    ontvangen = ontvangen or timezone.make_aware(dt.datetime.combine(datum, dt.time(9, 0)))
    velden.setdefault("extern_id", f"S-{next(_volgnummer)}")
    velden.setdefault("huishoudsleutel", "?")
    return Vroegsignaal.objects.create(
        partner=p, bedrag=Decimal(bedrag), signaaldatum=datum, ontvangen=ontvangen,
        status_datum=datum, **velden,
    )


def matched(*signalen):
    match_signalen([s.pk for s in signalen])
    return [Vroegsignaal.objects.get(pk=s.pk) for s in signalen]


@pytest.fixture(autouse=True)
def lokale_brp():
    brp.gebruik_bron(brp.LokaleBrp())
    yield
    brp.gebruik_bron(None)


@pytest.fixture
def huur(db):
    return partner(PartnerType.HUUR)


@pytest.fixture
def zorg(db):
    return partner(PartnerType.ZORG)


@pytest.fixture
def energie(db):
    return partner(PartnerType.ENERGIE)


# --- keys and periods --------------------------------------------------------------------------

def test_adres_sleutel_normaliseert_postcode_huisnummer_en_toevoeging():
    assert adres_sleutel("3563 ab", "12", "", "bis") == "A:3563AB12-BIS"
    assert adres_sleutel("3563AB", "012-BIS") == "A:3563AB12-BIS"
    assert adres_sleutel("3563AB", "12", "", " -Bis") == "A:3563AB12-BIS"
    assert adres_sleutel("3563AB", "12") == "A:3563AB12"
    assert adres_sleutel("3563AB", "12", "A", "2") == adres_sleutel("3563AB", "12a", "", "-2")
    assert adres_sleutel("3563AB", "") is None
    assert adres_sleutel("ABCD12", "3") is None


def test_bsn_sleutel_bevat_geen_bsn():
    from vroeghulp.signalering.huishoudsleutel import huishoudsleutel

    assert bsn_sleutel("123456782") == huishoudsleutel(bsn="123456782")
    assert adres_sleutel("3563AB", "12", "", "bis") == huishoudsleutel(bsn="123456782", postcode="3563AB",
                                                                        huisnummer="12", toevoeging="bis")
    sleutel = bsn_sleutel("123456782")
    assert "123456782" not in sleutel and sleutel.startswith("B:") and len(sleutel) <= 40
    assert sleutel == bsn_sleutel("123456782")


def test_matchingperiode_is_kalendermaand():
    assert matchingperiode(dt.date(2026, 2, 14)) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert matchingperiode(dt.date(2026, 12, 31)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


# --- classification ----------------------------------------------------------------------------

@time_machine.travel(dt.datetime(2026, 3, 20, 10, 0, tzinfo=dt.UTC), tick=False)
def test_enkelvoudig(huur):
    (s,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    zaak = s.zaak
    assert zaak.matchsoort == Matchsoort.ENKELVOUDIG
    assert zaak.huishoudsleutel == "A:3563AB12" == s.huishoudsleutel
    assert (zaak.startdatum_matchingperiode, zaak.einddatum_matchingperiode) == (
        dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert zaak.matchingsdatum == dt.date(2026, 3, 20)
    assert zaak.totaal_bedrag == Decimal("400")
    assert zaak.status == Zaakstatus.NIEUW and not zaak.crisis
    assert s.status == Signaalstatus.NOG_NIET_OPGEPAKT
    # no crisis: the zaken norm for an offer of help (28 days after matching) is the deadline
    assert (zaak.deadline, zaak.deadline_soort) == (dt.date(2026, 4, 17), "hulpaanbod")


def test_meervoudig_zelfde_huishouden_zelfde_maand(huur, energie):
    a = signaal(huur, postcode="3563ab", huisnummer="12", huisnummertoevoeging="-bis", bedrag=300)
    b = signaal(energie, postcode="3563ab", huisnummer="12", huisnummertoevoeging="BIS",
                datum=dt.date(2026, 3, 25), bedrag=150)
    a, b = matched(a, b)
    assert a.zaak_id == b.zaak_id
    assert a.zaak.matchsoort == Matchsoort.MEERVOUDIG
    assert a.zaak.totaal_bedrag == Decimal("450")


def test_meervoudig_ook_als_tweede_signaal_later_binnenkomt(huur, energie):
    (a,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 3, 30)))
    assert a.zaak_id == b.zaak_id
    assert Vroegsignaalzaak.objects.get().matchsoort == Matchsoort.MEERVOUDIG


def test_andere_maand_wordt_opeenvolgend(huur, energie):
    (a,) = matched(signaal(huur, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 1, 5)))
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 3, 10)))
    assert a.zaak_id != b.zaak_id
    assert a.zaak.matchsoort == Matchsoort.ENKELVOUDIG
    assert b.zaak.matchsoort == Matchsoort.OPEENVOLGEND


@pytest.mark.parametrize(("tweede", "soort"), [
    (dt.date(2026, 1, 31), Matchsoort.OPEENVOLGEND),  # 31-1 minus 6 months = 31-7: July case counts
    (dt.date(2026, 2, 1), Matchsoort.ENKELVOUDIG),  # 1-2 minus 6 months = 1-8: July case ended
])
def test_zes_maanden_terugkijken_grens(huur, energie, tweede, soort):
    matched(signaal(huur, postcode="3563AB", huisnummer="12", datum=dt.date(2025, 7, 20)))
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", datum=tweede))
    assert b.zaak.matchsoort == soort


def test_opeenvolgend_binnen_een_aanlevering(huur, energie):
    a = signaal(huur, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 1, 5))
    b = signaal(energie, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 2, 5))
    b, a = matched(b, a)
    assert a.zaak.matchsoort == Matchsoort.ENKELVOUDIG
    assert b.zaak.matchsoort == Matchsoort.OPEENVOLGEND


def test_afgesloten_zaak_in_zelfde_periode_krijgt_geen_nieuw_signaal(huur, energie):
    (a,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    Vroegsignaalzaak.objects.filter(pk=a.zaak_id).update(status=Zaakstatus.AFGEROND)
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 3, 28)))
    assert b.zaak_id != a.zaak_id
    assert b.zaak.status == Zaakstatus.NIEUW
    assert b.zaak.matchsoort == Matchsoort.OPEENVOLGEND  # the household had a case this month


def test_herhaling_met_hoger_bedrag_in_dezelfde_periode_blijft_in_zijn_zaak(huur):
    (s,) = matched(signaal(huur, postcode="3563AB", huisnummer="12", bedrag=400))
    Vroegsignaal.objects.filter(pk=s.pk).update(herhaling=True, vorig_bedrag=Decimal("400"),
                                                bedrag=Decimal("520"))
    (t,) = matched(s)
    zaak = Vroegsignaalzaak.objects.get()
    assert t.zaak_id == zaak.pk == s.zaak_id
    assert zaak.matchsoort == Matchsoort.ENKELVOUDIG and zaak.totaal_bedrag == Decimal("520")
    assert t.status == Signaalstatus.NOG_NIET_OPGEPAKT


def test_matchen_is_idempotent(huur):
    s = signaal(huur, postcode="3563AB", huisnummer="12")
    match_signalen([s.pk])
    match_signalen([s.pk])
    assert Vroegsignaalzaak.objects.count() == 1
    assert niet_gematchte_ids() == []


# --- BSN and address meet ----------------------------------------------------------------------

def test_bsn_signaal_en_adressignaal_komen_in_een_zaak(zorg, huur, inwoner_overvecht):
    adres = inwoner_overvecht.huishouden.adres
    a = signaal(zorg, bsn=inwoner_overvecht.bsn)  # zorgverzekeraar: only the BSN
    b = signaal(huur, postcode=adres.postcode.lower(),
                huisnummer=str(adres.huisnummer))
    a, b = matched(a, b)
    assert a.zaak_id == b.zaak_id
    assert a.huishoudsleutel == b.huishoudsleutel == f"A:{adres.postcode}{adres.huisnummer}"
    assert a.zaak.matchsoort == Matchsoort.MEERVOUDIG
    assert a.inwoner_id == inwoner_overvecht.pk and a.zaak.inwoner_id == inwoner_overvecht.pk
    wijk = inwoner_overvecht.huishouden.adres.buurt.wijk
    assert a.wijk_id == wijk.pk and b.wijk_id == wijk.pk and a.zaak.wijk_id == wijk.pk


def test_bsn_sleutel_volgt_brp_adres_niet_opgegeven_adres(zorg, inwoner_overvecht):
    adres = inwoner_overvecht.huishouden.adres
    (s,) = matched(signaal(zorg, bsn=inwoner_overvecht.bsn, postcode="9999ZZ", huisnummer="1"))
    assert s.huishoudsleutel == f"A:{adres.postcode}{adres.huisnummer}"


def test_wijk_uit_postcodetabel_voor_adressignaal(huur, wijk_zuid):
    PostcodeFactory(postcode="3525AB", buurt=BuurtFactory(wijk=wijk_zuid))
    (s,) = matched(signaal(huur, postcode="3525ab", huisnummer="7"))
    assert s.wijk_id == wijk_zuid.pk and s.zaak.wijk_id == wijk_zuid.pk


def test_brp_persoon_niet_gevonden_wordt_geen_inwoner(zorg, inwoner_overvecht):
    (s,) = matched(signaal(zorg, bsn="111222333"))
    assert s.status == Signaalstatus.GEEN_INWONER
    assert s.status == "Persoon is geen inwoner (meer) in de gemeente"
    assert s.zaak_id is None and s.status_datum == timezone.localdate()
    assert "111222333" not in s.huishoudsleutel
    assert Vroegsignaalzaak.objects.count() == 0
    assert niet_gematchte_ids() == []


def test_zonder_brp_controle_geen_inwoner_status(zorg):
    brp.gebruik_bron(brp.GeenBrp())
    (s,) = matched(signaal(zorg, bsn="111222333"))
    assert s.status == Signaalstatus.NOG_NIET_OPGEPAKT
    assert s.zaak.huishoudsleutel == bsn_sleutel("111222333")


def test_haal_centraal_antwoord_wordt_brp_persoon():
    persoon = brp.van_haal_centraal({
        "burgerservicenummer": "999993653",
        "verblijfplaats": {"verblijfadres": {"postcode": "3563AB", "huisnummer": 12,
                                             "huisletter": "a", "huisnummertoevoeging": "2"}},
        "opschortingBijhouding": {"reden": {"code": "O", "omschrijving": "overlijden"}},
    })
    assert persoon.bsn == "999993653" and persoon.overleden
    assert adres_sleutel(persoon.postcode, persoon.huisnummer, persoon.huisletter,
                         persoon.toevoeging) == "A:3563AB12-A2"


def test_haal_centraal_bron_vraagt_per_twintig(monkeypatch):
    verzoeken = []

    def post(self, body):
        verzoeken.append(body)
        return {"personen": [{"burgerservicenummer": b, "gemeenteVanInschrijving": {"code": "0344"},
                              "verblijfplaats": {"verblijfadres": {"postcode": "3563AB",
                                                                   "huisnummer": 1}}}
                             for b in body["burgerservicenummer"][:1]]}

    monkeypatch.setattr(brp.HaalCentraalBrp, "_post", post)
    bron = brp.HaalCentraalBrp("https://brp.example/haalcentraal/api/brp", gemeentecode="0344")
    gevonden = bron.zoek_personen([f"{i:09d}" for i in range(45)])
    assert [len(v["burgerservicenummer"]) for v in verzoeken] == [20, 20, 5]
    assert verzoeken[0]["type"] == "RaadpleegMetBurgerservicenummer"
    assert len(gevonden) == 3


def test_bron_volgt_instellingen(settings):
    brp.gebruik_bron(None)
    settings.VROEGHULP_BRP_URL = "https://brp.example/api"
    settings.VROEGHULP_BRP_API_KEY = "geheim"
    bron = brp.bron()
    assert isinstance(bron, brp.HaalCentraalBrp) and bron.api_key == "geheim"
    settings.VROEGHULP_BRP_URL = ""
    settings.VROEGHULP_BRP_BRON = "uit"
    assert isinstance(brp.bron(), brp.GeenBrp)


# --- repeats -----------------------------------------------------------------------------------

def test_herhaling_zonder_hoger_bedrag_wordt_niet_opgepakt(huur):
    (s,) = matched(signaal(huur, postcode="3563AB", huisnummer="12", herhaling=True,
                           vorig_bedrag=Decimal("400"), bedrag=400))
    assert s.status == Signaalstatus.HERHAALDE_MELDING
    assert s.zaak.status == Zaakstatus.NIET_OPGEPAKT
    assert s.zaak.resultaat == Eindresultaat.HERHAALDE_MELDING
    assert s.zaak.deadline is None


def test_herhaling_naast_ander_signaal_laat_zaak_open(huur, energie):
    a = signaal(huur, postcode="3563AB", huisnummer="12", herhaling=True, vorig_bedrag=Decimal("500"),
                bedrag=450)
    b = signaal(energie, postcode="3563AB", huisnummer="12")
    a, b = matched(a, b)
    assert a.status == Signaalstatus.HERHAALDE_MELDING
    assert b.status == Signaalstatus.NOG_NIET_OPGEPAKT
    assert a.zaak_id == b.zaak_id and a.zaak.status == Zaakstatus.NIEUW and a.zaak.resultaat == ""


def test_herhaling_met_hoger_bedrag_wordt_opnieuw_gematcht(huur):
    (s,) = matched(signaal(huur, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 1, 10)))
    eerste_zaak = s.zaak_id
    # the partner sends the same ID again two months later with a higher amount (intake update)
    Vroegsignaal.objects.filter(pk=s.pk).update(
        herhaling=True, vorig_bedrag=Decimal("400"), bedrag=Decimal("650"),
        signaaldatum=dt.date(2026, 3, 10))
    (s,) = matched(s)
    assert s.status == Signaalstatus.NOG_NIET_OPGEPAKT
    assert s.zaak_id != eerste_zaak and s.zaak.matchsoort == Matchsoort.OPEENVOLGEND


def test_herhaling_van_gematcht_signaal_zonder_groei_houdt_zaak(huur):
    (s,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    Vroegsignaal.objects.filter(pk=s.pk).update(herhaling=True, vorig_bedrag=Decimal("400"))
    (t,) = matched(s)
    assert t.zaak_id == s.zaak_id and t.status == Signaalstatus.HERHAALDE_MELDING
    assert Vroegsignaalzaak.objects.count() == 1


# --- crisis ------------------------------------------------------------------------------------

def _ontvangen(dag, uur=10):
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, 0)))


@pytest.mark.parametrize(("ontvangen", "verwacht"), [
    # Thursday 5 March 2026 → Fri 6, Mon 9, Tue 10
    (dt.date(2026, 3, 5), dt.date(2026, 3, 10)),
    # Friday 24 April 2026 → Mon 27 is Koningsdag → Tue 28, Wed 29, Thu 30
    (dt.date(2026, 4, 24), dt.date(2026, 4, 30)),
    # Thursday 2 April 2026 → Fri 3 Goede Vrijdag, Mon 6 Tweede Paasdag → Tue 7, Wed 8, Thu 9
    (dt.date(2026, 4, 2), dt.date(2026, 4, 9)),
    # Wednesday 23 December 2026 → Thu 24, Fri 25 + Sat 26 Kerst, Mon 28, Tue 29
    (dt.date(2026, 12, 23), dt.date(2026, 12, 29)),
    # Monday 4 May 2026 → Tue 5 May (Bevrijdingsdag, Algemene termijnenwet) → Wed 6, Thu 7, Fri 8
    (dt.date(2026, 5, 4), dt.date(2026, 5, 8)),
    # Saturday 27 December 2025 (received in the weekend) → Mon 29, Tue 30, Wed 31
    (dt.date(2025, 12, 27), dt.date(2025, 12, 31)),
])
def test_crisis_deadline_drie_werkdagen_na_ontvangst(energie, ontvangen, verwacht):
    (s,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", crisissignaal=True,
                           datum=ontvangen - dt.timedelta(days=3), ontvangen=_ontvangen(ontvangen)))
    assert s.zaak.crisis is True
    assert s.zaak.deadline == verwacht


def test_crisis_deadline_telt_lokale_datum_van_ontvangst(energie):
    # 23:30 UTC on Thursday 5 March is Friday 6 March 00:30 in Amsterdam → Mon 9, Tue 10, Wed 11
    ontvangen = dt.datetime(2026, 3, 5, 23, 30, tzinfo=dt.UTC)
    (s,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", crisissignaal=True,
                           ontvangen=ontvangen, datum=dt.date(2026, 3, 5)))
    assert s.zaak.deadline == dt.date(2026, 3, 11)


def test_eindelevering_zonder_eerder_signaal_is_gewoon_signaal(energie):
    (s,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", eindelevering=True))
    assert s.zaak.crisis is False


def test_eindelevering_na_eerder_signaal_is_crisis(energie):
    matched(signaal(energie, postcode="3563AB", huisnummer="12", datum=dt.date(2026, 2, 2)))
    (s,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", eindelevering=True,
                           datum=dt.date(2026, 3, 5), ontvangen=_ontvangen(dt.date(2026, 3, 5))))
    assert s.zaak.crisis is True and s.zaak.deadline == dt.date(2026, 3, 10)
    assert s.zaak.matchsoort == Matchsoort.OPEENVOLGEND


def test_nieuw_signaal_in_opgepakte_zaak_krijgt_meteen_opgepakt(huur, energie):
    # docs/interfaces.md section 5: the partner's status is kept current as cases move.
    (a,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    Vroegsignaalzaak.objects.filter(pk=a.zaak_id).update(status=Zaakstatus.OPGEPAKT)
    Vroegsignaal.objects.filter(pk=a.pk).update(status=Signaalstatus.OPGEPAKT)
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", bedrag=90))
    assert b.zaak_id == a.zaak_id
    assert b.status == Signaalstatus.OPGEPAKT


def test_nieuw_signaal_in_nieuwe_zaak_blijft_nog_niet_opgepakt(huur, energie):
    (a,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", bedrag=90))
    assert b.zaak_id == a.zaak_id
    assert b.status == Signaalstatus.NOG_NIET_OPGEPAKT


def test_crisissignaal_maakt_bestaande_zaak_crisis(huur, energie):
    (a,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    assert a.zaak.crisis is False
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", crisissignaal=True,
                           ontvangen=_ontvangen(dt.date(2026, 3, 12))))
    zaak = Vroegsignaalzaak.objects.get(pk=a.zaak_id)
    assert b.zaak_id == zaak.pk and zaak.crisis and zaak.deadline == dt.date(2026, 3, 17)
    assert zaak.deadline_soort == "eerste_contact" and zaak.contact_uiterlijk == dt.date(2026, 3, 17)


def test_nieuw_signaal_laat_termijnen_van_de_werkstroom_staan(huur, energie):
    (a,) = matched(signaal(huur, postcode="3563AB", huisnummer="12"))
    Vroegsignaalzaak.objects.filter(pk=a.zaak_id).update(
        status=Zaakstatus.HULP_AANGEBODEN, deadline=None, deadline_soort="")
    (b,) = matched(signaal(energie, postcode="3563AB", huisnummer="12", bedrag=90))
    zaak = Vroegsignaalzaak.objects.get(pk=a.zaak_id)
    assert b.zaak_id == zaak.pk and zaak.matchsoort == Matchsoort.MEERVOUDIG
    assert zaak.totaal_bedrag == Decimal("490")
    assert zaak.deadline is None and zaak.status == Zaakstatus.HULP_AANGEBODEN


def test_brp_controle_in_audittrail_zonder_bsn(zorg, inwoner_overvecht):
    from vroeghulp.audit.models import Actie, AuditEvent

    matched(signaal(zorg, bsn=inwoner_overvecht.bsn), signaal(zorg, bsn="111222333"))
    event = AuditEvent.objects.get(object_type="personen.BRP")
    assert event.actie == Actie.LEZEN and event.aantal == 2 and event.api_client == "systeem"
    assert inwoner_overvecht.bsn not in event.toelichting and "111222333" not in event.toelichting


# --- performance -------------------------------------------------------------------------------

def test_chunk_van_duizend_signalen_met_vaste_query_aantallen(
    django_assert_max_num_queries, huur, zorg, inwoner_overvecht,
):
    buurt = BuurtFactory()
    PostcodeFactory(postcode="3511AA", buurt=buurt)
    for i in range(50):
        InwonerFactory(huishouden=HuishoudenFactory(
            adres=AdresFactory(buurt=buurt, postcode="3511AA", huisnummer=1000 + i)))
    from vroeghulp.personen.models import Inwoner

    bsns = list(Inwoner.objects.values_list("bsn", flat=True))
    signalen = []
    for i in range(1000):
        if i % 3 == 0:
            velden = {"bsn": bsns[i % len(bsns)]}
        else:
            velden = {"postcode": "3511AA", "huisnummer": str(i % 400)}
        signalen.append(Vroegsignaal(
            partner=zorg if i % 3 == 0 else huur, extern_id=f"P-{i}", bedrag=Decimal(100 + i),
            signaaldatum=dt.date(2026, 1 + i % 3, 1 + i % 28), ontvangen=_ontvangen(dt.date(2026, 3, 31)),
            status_datum=dt.date(2026, 3, 31), huishoudsleutel="?", crisissignaal=i % 50 == 0,
            **velden,
        ))
    Vroegsignaal.objects.bulk_create(signalen)
    ids = list(Vroegsignaal.objects.values_list("id", flat=True))
    # savepoint, (PostgreSQL: advisory lock), signals, receipt days of crisis signals, BRP, audit,
    # postcodes, addresses, existing cases, one INSERT of the cases, an UPDATE per column set
    with django_assert_max_num_queries(14):
        match_signalen(ids)
    assert not Vroegsignaal.objects.filter(zaak__isnull=True).exists()
    # a second chunk on the same households uses the existing cases, still set-based
    meer = [Vroegsignaal(
        partner=huur, extern_id=f"Q-{i}", bedrag=Decimal(50), signaaldatum=dt.date(2026, 3, 15),
        ontvangen=_ontvangen(dt.date(2026, 4, 1)), status_datum=dt.date(2026, 4, 1),
        huishoudsleutel="?", postcode="3511AA", huisnummer=str(i % 400)) for i in range(1000)]
    Vroegsignaal.objects.bulk_create(meer)
    nieuwe_ids = list(Vroegsignaal.objects.filter(extern_id__startswith="Q-").values_list("id", flat=True))
    with django_assert_max_num_queries(16):
        match_signalen(nieuwe_ids)
    assert Vroegsignaalzaak.objects.filter(matchsoort=Matchsoort.MEERVOUDIG).exists()


# --- command -----------------------------------------------------------------------------------

def test_commando_signalen_matchen(huur, energie):
    from io import StringIO

    from django.core.management import call_command

    a = signaal(huur, postcode="3563AB", huisnummer="12")
    b = signaal(energie, postcode="3563AB", huisnummer="12")
    c = signaal(energie, postcode="3511AA", huisnummer="1", datum=dt.date(2026, 2, 1))
    uit = StringIO()
    call_command("signalen_matchen", stdout=uit)
    assert "3 signalen verwerkt, 2 nieuwe zaken" in uit.getvalue()
    assert Vroegsignaal.objects.filter(zaak__isnull=True).count() == 0
    assert Vroegsignaal.objects.get(pk=a.pk).zaak_id == Vroegsignaal.objects.get(pk=b.pk).zaak_id
    assert Vroegsignaal.objects.get(pk=c.pk).zaak.matchsoort == Matchsoort.ENKELVOUDIG
    uit = StringIO()
    call_command("signalen_matchen", stdout=uit)
    assert "0 signalen verwerkt" in uit.getvalue()


def test_commando_opnieuw_brp_na_late_inschrijving(zorg, inwoner_overvecht):
    from io import StringIO

    from django.core.management import call_command

    (s,) = matched(signaal(zorg, bsn="111222333", datum=timezone.localdate()))
    assert s.status == Signaalstatus.GEEN_INWONER
    call_command("signalen_matchen", stdout=StringIO())
    assert Vroegsignaal.objects.get(pk=s.pk).zaak_id is None  # not checked again by default
    InwonerFactory(bsn="111222333", huishouden=inwoner_overvecht.huishouden)
    uit = StringIO()
    call_command("signalen_matchen", "--opnieuw-brp", stdout=uit)
    s = Vroegsignaal.objects.get(pk=s.pk)
    assert s.status == Signaalstatus.NOG_NIET_OPGEPAKT and s.zaak_id is not None
    assert s.zaak.wijk_id == inwoner_overvecht.huishouden.adres.buurt.wijk_id
