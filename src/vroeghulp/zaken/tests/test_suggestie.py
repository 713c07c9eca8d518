"""The next contact attempt: another channel or another time of day than the failed ones."""

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from vroeghulp.zaken.models import Contactsoort as C, Dagdeel as D
from vroeghulp.zaken.suggestie import ZONDER_DAGDEEL, volgende_poging


@dataclass
class P:
    soort: str
    dagdeel: str = ""
    bereikt: bool = False


def test_first_attempt():
    assert volgende_poging([]).soort == C.TELEFOON
    assert volgende_poging([], crisis=True).soort == C.HUISBEZOEK
    assert volgende_poging([], telefoon=False).soort == C.HUISBEZOEK
    warm = volgende_poging([], warme_overdracht=True)
    assert warm.soort == C.TELEFOON and "ketenpartner" in warm.uitleg


def test_failed_phone_call_leads_to_house_visit_in_the_evening():
    voorstel = volgende_poging([P(C.TELEFOON, D.OCHTEND)])
    assert voorstel.soort == C.HUISBEZOEK
    assert voorstel.dagdeel == D.AVOND
    assert voorstel.label == "Huisbezoek, avond"


def test_no_suggestion_once_reached():
    assert volgende_poging([P(C.TELEFOON, D.OCHTEND), P(C.HUISBEZOEK, D.AVOND, True)]) is None


def test_without_phone_no_phone_or_sms():
    voorstel = volgende_poging([P(C.HUISBEZOEK, D.MIDDAG)], telefoon=False)
    assert voorstel.soort not in (C.TELEFOON, C.SMS_WHATSAPP)


KANALEN = [C.TELEFOON, C.HUISBEZOEK, C.SMS_WHATSAPP, C.BRIEF, C.KAARTJE, C.MAIL, C.AFSPRAAK_OP_LOCATIE]


@given(st.lists(st.tuples(st.sampled_from(KANALEN), st.sampled_from(list(D.values))), max_size=25))
def test_never_repeats_a_failed_combination_while_another_is_open(mislukt):
    pogingen = [P(s, "" if s in ZONDER_DAGDEEL else d) for s, d in mislukt]
    voorstel = volgende_poging(pogingen)
    geprobeerd = {(p.soort, p.dagdeel) for p in pogingen}
    alle = {(k, "") if k in ZONDER_DAGDEEL else (k, d) for k in KANALEN for d in D.values}
    if alle - geprobeerd:
        assert (voorstel.soort, voorstel.dagdeel) not in geprobeerd
    assert (voorstel.dagdeel == "") == (voorstel.soort in ZONDER_DAGDEEL)
