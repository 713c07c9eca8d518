"""The generator's building blocks: synthetic BSNs, gebieden data and postcodes."""

import re

import numpy as np
from hypothesis import given, settings, strategies as st

from vroeghulp.common.bsn import is_valid_bsn
from vroeghulp.demo.bsn import synthetische_bsns
from vroeghulp.gebieden import utrecht
from vroeghulp.gebieden.services import POSTCODE_PARES, buurt_aandelen, postcodes_per_buurt


@settings(max_examples=20, deadline=None)
@given(aantal=st.integers(1, 3000), seed=st.integers(0, 2**32 - 1))
def test_synthetic_bsns_are_valid_unique_and_recognisably_synthetic(aantal, seed):
    bsns = synthetische_bsns(aantal, np.random.default_rng(seed))
    assert len(bsns) == aantal == len(set(bsns))
    assert all(is_valid_bsn(b) and b.startswith("99") for b in bsns)


def test_same_seed_gives_same_bsns():
    assert synthetische_bsns(50, np.random.default_rng(7)) == synthetische_bsns(50, np.random.default_rng(7))


def test_ten_wijken_with_cbs_codes_and_overvecht_as_only_focus_area():
    assert [w.code for w in utrecht.WIJKEN] == [f"WK0344{i:02d}" for i in range(1, 11)]
    assert [w.naam for w in utrecht.WIJKEN if w.focusgebied] == ["Overvecht"]
    overvecht = next(w for w in utrecht.WIJKEN if w.naam == "Overvecht")
    assert {b.code for b in overvecht.buurten} == {
        "BU03440311", "BU03440312", "BU03440321", "BU03440322", "BU03440331",
        "BU03440332", "BU03440333", "BU03440341", "BU03440342", "BU03440343",
    }


def test_buurt_codes_are_unique_and_belong_to_their_wijk():
    paren = utrecht.alle_buurten()
    assert len({b.code for _, b in paren}) == len(paren)
    for wijk, buurt in paren:
        assert re.fullmatch(r"BU\d{8}", buurt.code)
        assert buurt.code[2:8] == wijk.code[2:8], buurt.naam


def test_postcodes_are_unique_valid_and_in_the_municipal_ranges():
    per_buurt = postcodes_per_buurt()
    alle = [pc for codes in per_buurt.values() for pc in codes]
    assert len(alle) == len(set(alle))
    assert all(re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", pc) and pc[4:] in POSTCODE_PARES for pc in alle)
    assert all(utrecht.in_gemeente(pc) for pc in alle)
    assert all(len(codes) >= 4 for codes in per_buurt.values())


def test_postcodes_follow_the_known_pc4_areas():
    per_buurt = postcodes_per_buurt()
    for wijk in utrecht.WIJKEN:
        pc4 = {int(pc[:4]) for b in wijk.buurten for pc in per_buurt[b.code]}
        if wijk.naam == "Overvecht":
            assert pc4 <= set(range(3561, 3565))
        if wijk.naam == "Leidsche Rijn":
            assert pc4 <= set(range(3541, 3547))
        if wijk.naam == "Vleuten-De Meern":
            assert pc4 <= set(range(3451, 3456))


def test_buurt_shares_sum_to_one_and_business_parks_weigh_little():
    aandelen = dict(zip([b.code for _, b in utrecht.alle_buurten()], buurt_aandelen()))
    assert abs(sum(aandelen.values()) - 1) < 1e-9
    assert aandelen["BU03440333"] < aandelen["BU03440341"] / 5  # Bedrijvengebied vs Zambesidreef
