"""Properties of matching for random deliveries (hypothesis): invariants that always hold."""

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vroeghulp.zaken.matching import match_signalen, matchingperiode
from vroeghulp.zaken.matching.periodes import maanden_terug
from vroeghulp.signalering.models import PartnerType, Vroegsignaal
from vroeghulp.zaken.tests.test_matching import _ontvangen, lokale_brp, partner  # noqa: F401
from vroeghulp.signalering.werkdagen import crisis_deadline
from vroeghulp.zaken.models import Matchsoort, Vroegsignaalzaak

ADRESSEN = [("3561AB", "1", ""), ("3561AB", "1", "bis"), ("3561AB", "2", ""), ("3525AA", "10", "A")]

signaal_st = st.tuples(
    st.integers(0, len(ADRESSEN) - 1),  # household
    st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2026, 9, 30)),  # signaaldatum
    st.integers(0, 2),  # partner
    st.integers(50, 3000),  # bedrag
    st.booleans() | st.just(False),  # crisis (less often)
)


def _maak(partners, rijen, prefix):
    signalen = []
    for n, (h, datum, p, bedrag, crisis) in enumerate(rijen):
        pc, nr, toev = ADRESSEN[h]
        signalen.append(Vroegsignaal.objects.create(
            partner=partners[p], extern_id=f"{prefix}-{n}", bedrag=Decimal(bedrag), signaaldatum=datum,
            ontvangen=_ontvangen(datum + dt.timedelta(days=1)), status_datum=datum,
            huishoudsleutel="?", postcode=pc, huisnummer=nr, huisnummertoevoeging=toev,
            crisissignaal=crisis))
    return signalen


def _uitkomst():
    uit = {}
    for zaak in Vroegsignaalzaak.objects.all():
        ids = sorted(s.extern_id.split("-", 1)[1] for s in zaak.signalen.all())
        uit[(zaak.huishoudsleutel, zaak.startdatum_matchingperiode)] = (
            zaak.matchsoort, ids, zaak.totaal_bedrag, zaak.crisis, zaak.deadline)
    return uit


def _leeg():
    Vroegsignaal.objects.all().delete()
    Vroegsignaalzaak.objects.all().delete()


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rijen=st.lists(signaal_st, min_size=1, max_size=14))
def test_matching_invarianten(db, rijen):
    _leeg()
    partners = [partner(t) for t in (PartnerType.HUUR, PartnerType.ENERGIE, PartnerType.ZORG)]
    signalen = _maak(partners, rijen, "X")
    match_signalen([s.pk for s in signalen])
    zaken = list(Vroegsignaalzaak.objects.all())
    per_zaak = {z.pk: [] for z in zaken}
    for s in Vroegsignaal.objects.all():
        assert s.zaak_id is not None  # every signal of a resident address gets a case
        per_zaak[s.zaak_id].append(s)
    for zaak in zaken:
        eigen = per_zaak[zaak.pk]
        assert eigen, "no empty cases"
        assert {s.huishoudsleutel for s in eigen} == {zaak.huishoudsleutel}
        for s in eigen:
            assert matchingperiode(s.signaaldatum) == (
                zaak.startdatum_matchingperiode, zaak.einddatum_matchingperiode)
        assert zaak.totaal_bedrag == sum(s.bedrag for s in eigen)
        eerste = min(s.signaaldatum for s in eigen)
        eerder = any(
            z.huishoudsleutel == zaak.huishoudsleutel
            and z.pk != zaak.pk
            and z.startdatum_matchingperiode <= zaak.startdatum_matchingperiode
            and z.einddatum_matchingperiode >= maanden_terug(eerste, 6)
            for z in zaken)
        if eerder:
            assert zaak.matchsoort == Matchsoort.OPEENVOLGEND
        else:
            assert zaak.matchsoort == (Matchsoort.MEERVOUDIG if len(eigen) > 1 else Matchsoort.ENKELVOUDIG)
        crisis = [s for s in eigen if s.crisissignaal]
        assert zaak.crisis == bool(crisis)
        if crisis:
            assert zaak.deadline == min(crisis_deadline(s.signaaldatum + dt.timedelta(days=1))
                                        for s in crisis)
    # one open case per household and period
    assert len({(z.huishoudsleutel, z.startdatum_matchingperiode) for z in zaken}) == len(zaken)
    # idempotent
    voor = _uitkomst()
    match_signalen([s.pk for s in signalen])
    assert _uitkomst() == voor


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rijen=st.lists(signaal_st, min_size=1, max_size=12))
def test_maandelijks_matchen_geeft_hetzelfde_als_alles_ineens(db, rijen):
    _leeg()
    partners = [partner(t) for t in (PartnerType.HUUR, PartnerType.ENERGIE, PartnerType.ZORG)]
    match_signalen([s.pk for s in _maak(partners, rijen, "A")])
    ineens = _uitkomst()
    _leeg()
    signalen = _maak(partners, rijen, "M")
    per_maand = {}
    for s in signalen:
        per_maand.setdefault(s.signaaldatum.replace(day=1), []).append(s.pk)
    for maand in sorted(per_maand):
        match_signalen(per_maand[maand])
    assert _uitkomst() == ineens


_TEKENS = "0123456789ABZabz -²٣"  # digits, letters, a space, and non-ASCII digits that isdigit() accepts
adres_deel = st.text(alphabet=_TEKENS, max_size=8)
# mostly (nearly) clean values, so the fast path and its near misses are both reached often
postcode_st = st.one_of(
    adres_deel,
    st.builds(lambda c, l: c + l, st.text(alphabet="0123456789²", min_size=4, max_size=4),
              st.text(alphabet="ABZabz٣ ", min_size=2, max_size=2)),
)
huisnummer_st = st.one_of(adres_deel, st.text(alphabet="0123456789", min_size=1, max_size=6))


@settings(max_examples=3000, deadline=None)
@given(postcode=postcode_st, huisnummer=huisnummer_st, huisletter=st.sampled_from(["", "a", "B"]),
       toevoeging=st.sampled_from(["", "bis", "-2", " "]))
def test_snelle_adressleutel_is_gelijk_aan_de_algemene(postcode, huisnummer, huisletter, toevoeging):
    """The fast path for clean addresses gives exactly the key (and normalised postcode) of the
    general rule with regular expressions, also for near misses (leading zero, lower case, ²)."""
    from vroeghulp.signalering.huishoudsleutel import adres, adres_sleutel, adres_sleutel_algemeen, normaliseer_postcode

    algemeen = adres_sleutel_algemeen(postcode, huisnummer, huisletter, toevoeging)
    assert adres_sleutel(postcode, huisnummer, huisletter, toevoeging) == algemeen
    assert adres.__wrapped__(postcode, huisnummer, huisletter, toevoeging) == (
        algemeen, normaliseer_postcode(postcode) if algemeen else "")
    assert adres_sleutel("3563AB", "12") == "A:3563AB12"  # the fast path itself
