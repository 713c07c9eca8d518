"""The self-referral of "Ik wil hulp" as it is stored: the amount is what the resident said (no
number has to be made up), the channel is its own (Kanaal.ZELFMELDING) and shown as such on the
worklist and the case, and it is no vroegsignaal of a signal partner: the DDAS vroegsignalering
delivery (DDAS v1.2: "Een Vroegsignaal is een bericht dat door een signaalpartner [...] aan de
gemeente wordt verstrekt") and a traject's debts leave it out."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from vroeghulp.monitor.tests.ddas_schemas import VS_SCHEMA, fouten
from vroeghulp.monitor import definities
from vroeghulp.monitor.ddas import levering
from vroeghulp.signalering import intake
from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.models import Aanlevering, Kanaal, PartnerType, Vroegsignaal
from vroeghulp.zaken import zelfmelding
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory, ZaakFactory
from vroeghulp.zelfcheck.tests.doorlopen import doorloop, post

pytestmark = pytest.mark.django_db

CONTACT = {"voorletters": "S.", "achternaam": "Bakker", "postcode": "3561 ab", "huisnummer": "12",
           "telefoon": "06 1234 5678", "verstuur": "1", "toestemming": "on"}


@pytest.fixture
def postcode_overvecht(inwoner_overvecht):
    from vroeghulp.gebieden.models import Postcode

    return Postcode.objects.create(postcode="3561AB", buurt=inwoner_overvecht.huishouden.adres.buurt)


def _vraag_hulp(client, bedrag: str):
    token = doorloop(client)[-1].token
    scherm = post(client, "/zelfcheck/hulp/", {}, token)
    kenmerk = scherm.html.split('name="kenmerk" value="')[1].split('"')[0]
    return post(client, "/zelfcheck/hulp/", {**CONTACT, "bedrag": bedrag, "kenmerk": kenmerk}, token)


def _meld(kenmerk: str, *, bedrag=None, postcode="3561AB", huisnummer="12"):
    return zelfmelding.meld(kenmerk=kenmerk, voorletters="S.", achternaam="Bakker", postcode=postcode,
                            huisnummer=huisnummer, telefoon="0612345678", bedrag=bedrag, toestemming=True)


def test_no_amount_is_fine_and_stored_as_none(client, consulent, postcode_overvecht):
    scherm = _vraag_hulp(client, "")
    assert scherm.status == 200 and "belt u binnen" in scherm.html, scherm.html
    signaal = Vroegsignaal.objects.select_related("aanlevering").get(partner__code="zelfcheck")
    assert signaal.bedrag is None  # nothing invented
    assert signaal.aanlevering.kanaal == Kanaal.ZELFMELDING
    assert signaal.zaak.totaal_bedrag == 0
    assert "De inwoner vulde niet in hoeveel rekeningen er openstaan." in signaal.zaak.notities.get().tekst

    # the worklist and the case show a self-referral, without a made-up amount
    client.force_login(consulent)
    rij = client.get("/zaken/").content.decode().split(f'data-zaak="{signaal.zaak_id}"')[1].split("</tr>")[0]
    assert "Zelfmelding" in rij and "geen bedrag genoemd" in rij and "€ 0" not in rij
    assert "Warme overdracht" not in rij
    zaak = client.get(f"/zaken/{signaal.zaak_id}/").content.decode()
    tabel = zaak.split('id="signalen-kop"')[1].split("</table>")[0]
    assert "Zelfmelding" in tabel and "Geen bedrag genoemd" in tabel and "Toestemming inwoner vastgelegd" in tabel


def test_zero_means_nothing_is_open(client, postcode_overvecht):
    _vraag_hulp(client, "0")
    signaal = Vroegsignaal.objects.get(partner__code="zelfcheck")
    assert signaal.bedrag is None
    assert "Volgens de inwoner staan er geen rekeningen open." in signaal.zaak.notities.get().tekst


def test_an_amount_is_stored_as_said(client, postcode_overvecht):
    _vraag_hulp(client, "€ 1.250,-")
    signaal = Vroegsignaal.objects.get(partner__code="zelfcheck")
    assert signaal.bedrag == Decimal("1250.00") and signaal.zaak.totaal_bedrag == Decimal("1250.00")
    assert "rekeningen" not in signaal.zaak.notities.get().tekst


def test_a_partner_still_has_to_send_an_amount(postcode_overvecht):
    # the empty amount is allowed in the self-referral's channel only
    partner = SignaalpartnerFactory(type=PartnerType.ENERGIE)
    rij = {"ID": "E-1", "signaaldatum": timezone.localdate().isoformat(), "crisissignaal": False,
           "warmeOverdracht": True, "client": {"postcode": "3561AB", "huisnummer": "12"}}
    for kanaal in (Kanaal.API, Kanaal.WARME_OVERDRACHT):
        rapport = intake.verwerk(partner, intake.json_rijen([rij]), kanaal=kanaal, actor=None)
        assert rapport.signaal_ids == []
        assert [f["code"] for r in rapport.resultaten() for f in r["fouten"]] == ["bedrag_verplicht"]
    assert not Vroegsignaal.objects.exists()


def test_the_ddas_delivery_leaves_self_referrals_out(postcode_overvecht, inwoner_zuid, settings):
    settings.GEMEENTECODE = "0344"
    vandaag = timezone.localdate()
    # 1. a self-referral alone: its case has nothing else
    _meld("A" * 16)
    alleen = Vroegsignaal.objects.get(extern_id="ZC-" + "A" * 16)
    # 2. a self-referral (with an amount) in a case that also has a partner's signal
    _meld("B" * 16, bedrag=Decimal("800"), huisnummer="14")
    samen = Vroegsignaal.objects.get(extern_id="ZC-" + "B" * 16)
    energie = SignaalFactory(zaak=samen.zaak, partner__type=PartnerType.ENERGIE, bedrag=Decimal("412.50"),
                             postcode="3561AB", huisnummer="14")
    # 3. a partner's signal in a case of its own
    zaak = ZaakFactory(inwoner=inwoner_zuid, matchingsdatum=vandaag)
    water = SignaalFactory(zaak=zaak, partner__type=PartnerType.WATER, bedrag=Decimal("60"))

    van, tot = vandaag.replace(day=1) - timedelta(days=31), vandaag
    delen: list[str] = []
    levering.schrijf(delen.append, "vroegsignalering", van, tot)
    doc = json.loads("".join(delen))
    assert fouten(VS_SCHEMA, doc) == []
    [lev] = doc["leveringen"]
    assert sorted(s["ID"] for s in lev["vroegsignalen"]) == sorted([str(energie.pk), str(water.pk)])
    # the partner's signal keeps its amount in whole euros: 412.50 rounds half up to 413
    assert {s["ID"]: s["bedrag"] for s in lev["vroegsignalen"]} == {str(energie.pk): 413, str(water.pk): 60}
    # the case of the self-referral alone is no vroegsignaalzaak; the shared case refers only to the
    # partner's signal
    assert sorted([v["ID"] for v in z["vroegsignalen"]] for z in lev["vroegsignaalzaken"]) == sorted(
        [[str(energie.pk)], [str(water.pk)]])
    assert alleen.zaak_id is not None and alleen.zaak_id != samen.zaak_id
    # the counts of the delivery and the monitor follow the same definitions
    assert definities.aantal_signalen(van, tot) == 2 and definities.aantal_zaken(van, tot) == 2


def test_a_traject_takes_over_the_partners_signals_only(postcode_overvecht):
    _meld("C" * 16, bedrag=Decimal("800"))
    zelf = Vroegsignaal.objects.get(extern_id="ZC-" + "C" * 16)
    energie = SignaalFactory(zaak=zelf.zaak, partner__type=PartnerType.ENERGIE, bedrag=Decimal("412.50"))
    # "Zelfcheck" is no creditor: the resident's words are in the case's note, not a debt
    assert [s.signaal_id for s in signalering.signalen_van_zaak(zelf.zaak_id)] == [energie.pk]


def test_migration_moves_earlier_self_referrals_to_their_channel():
    from importlib import import_module

    migratie = import_module("vroeghulp.signalering.migrations.0009_zelfmelding_kanaal_bedrag_leeg")
    zelfcheck = SignaalpartnerFactory(code="zelfcheck")
    huisarts = SignaalpartnerFactory(code="huisarts", informeel=True)
    eerder = Aanlevering.objects.create(partner=zelfcheck, kanaal=Kanaal.WARME_OVERDRACHT)
    warm = Aanlevering.objects.create(partner=huisarts, kanaal=Kanaal.WARME_OVERDRACHT)
    migratie.zelfmeldingen_naar_eigen_kanaal(apps, None)
    eerder.refresh_from_db()
    warm.refresh_from_db()
    assert eerder.kanaal == Kanaal.ZELFMELDING and warm.kanaal == Kanaal.WARME_OVERDRACHT


def test_the_home_screen_counts_self_referrals_apart_from_warm_handovers(client, consulent, postcode_overvecht,
                                                                          inwoner_overvecht):
    """A self-referral is marked warm to come on top of the worklist, but nobody handed it over:
    the home screen and the worklist's filter "Alleen warme overdracht" must not count it as one.
    Three new cases: a self-referral alone (1), a self-referral in a case that also has a GP's
    warm handover (2: both), a partner's warm handover alone (3). So 2 warm handovers (cases 2, 3)
    and 2 self-referrals (cases 1, 2) - not the 3 warm ones the flag alone gives."""
    from vroeghulp.zaken import werkvoorraad

    _meld("D" * 16)
    alleen = Vroegsignaal.objects.get(extern_id="ZC-" + "D" * 16).zaak
    _meld("E" * 16, huisnummer="14")
    beide = Vroegsignaal.objects.get(extern_id="ZC-" + "E" * 16).zaak
    SignaalFactory(zaak=beide, partner__type=PartnerType.OVERIGE, partner__informeel=True, warme_overdracht=True)
    warm = ZaakFactory(inwoner=inwoner_overvecht, warme_overdracht=True)
    SignaalFactory(zaak=warm, partner__type=PartnerType.OVERIGE, partner__informeel=True, warme_overdracht=True)
    assert {z.status for z in (alleen, beide, warm)} == {"nieuw"}

    telling = werkvoorraad.tellingen(consulent)
    assert (telling["warm"], telling["zelfmelding"]) == (2, 2)
    client.force_login(consulent)
    home = client.get("/").content.decode()
    assert "<strong>2</strong>nieuwe warme overdrachten" in home and "<strong>2</strong>nieuwe zelfmeldingen" in home

    def rijen(query: str) -> set[int]:
        html = client.get(f"/zaken/?{query}").content.decode()
        return {int(deel.split('"')[0]) for deel in html.split('data-zaak="')[1:]}

    assert rijen("warme_overdracht=on&status=nieuw") == {beide.pk, warm.pk}
    assert rijen("zelfmelding=on&status=nieuw") == {alleen.pk, beide.pk}
