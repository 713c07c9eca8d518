"""The settlement offer on examples worked out by hand from the rule (docs/interfaces.md section 7):
pool = afloscapaciteit x looptijd; concurrent p, preferent 2p capped at 100%; p the largest value
that fits; whole cents by largest remainder, ties in request order."""

from decimal import Decimal

from vroeghulp.schuldhulp.aanbod import Schuld, als_dict, bereken_aanbod


def aanbod(afloscapaciteit, looptijd, *schulden):
    """schulden: (id, bedrag, preferent)."""
    return als_dict(bereken_aanbod(
        Decimal(afloscapaciteit), looptijd, [Schuld(i, Decimal(b), p) for i, b, p in schulden]))


def regels(uitkomst):
    return [(r["id"], r["bedrag"], r["percentage"]) for r in uitkomst["aanbod"]]


def test_contract_example_caps_the_preferent_claim_and_gives_the_rest_to_the_concurrent_one():
    # pool = 150 x 18 = 2700. Uncapped: 2p*1200 + p*2400 = 4800p = 2700 -> p = 56.25%, so the
    # preferent CJIB would get 112.5% -> capped at 100%: CJIB 1200. The rest, 2700 - 1200 = 1500,
    # goes to the huur claim: p = 1500 / 2400 = 62.5%.
    uitkomst = aanbod("150.00", 18, ("cjib-1", "1200.00", True), ("huur-1", "2400.00", False))
    assert uitkomst == {
        "pool": "2700.00", "totaal_schulden": "3600.00",
        "percentage_concurrent": "62.50", "percentage_preferent": "100.00",
        "aanbod": [{"id": "cjib-1", "bedrag": "1200.00", "percentage": "100.00", "preferent": True},
                   {"id": "huur-1", "bedrag": "1500.00", "percentage": "62.50", "preferent": False}],
        "totaal_aanbod": "2700.00", "volledig_betaald": False,
    }


def test_uncapped_preferent_gets_twice_the_concurrent_percentage_and_the_spare_cent_the_largest_remainder():
    # pool = 50 x 18 = 900. 2p*1000 + p*(2000 + 3000) = 7000p = 900 -> p = 9/70 = 12.857142..%,
    # preferent 2p = 18/70 = 25.714285..% (< 100%, no cap).
    # Exact offers in cents: 100000 * 18/70 = 25714.2857..., 200000 * 9/70 = 25714.2857...,
    # 300000 * 9/70 = 38571.4285... Rounded down: 25714 + 25714 + 38571 = 89999, one cent short;
    # the largest remainder (.4285 against .2857 twice) is the huur claim: 385.72.
    # Percentages of what is offered: 257.14/1000 = 25.714% -> 25.71; 257.14/2000 = 12.857% ->
    # 12.86; 385.72/3000 = 12.8573% -> 12.86.
    uitkomst = aanbod("50", 18, ("belasting", "1000", True), ("energie", "2000", False), ("huur", "3000", False))
    assert uitkomst["pool"] == "900.00"
    assert uitkomst["percentage_concurrent"] == "12.86"
    assert uitkomst["percentage_preferent"] == "25.71"
    assert regels(uitkomst) == [("belasting", "257.14", "25.71"), ("energie", "257.14", "12.86"),
                                ("huur", "385.72", "12.86")]
    assert uitkomst["totaal_aanbod"] == "900.00"


def test_several_capped_preferent_claims_and_the_surplus_redistributed():
    # pool = 250 x 18 = 4500; preferent 600 + 900 = 1500, concurrent 1000 + 4000 = 5000.
    # Uncapped: 2p*1500 + p*5000 = 8000p = 4500 -> p = 56.25%, 2p = 112.5%: both preferent claims
    # capped, paid in full (1500). The rest 4500 - 1500 = 3000 over 5000 concurrent: p = 60%:
    # 600 and 2400. Check: 600 + 900 + 600 + 2400 = 4500.
    uitkomst = aanbod("250", 18, ("cjib", "600", True), ("belasting", "900", True),
                      ("zorg", "1000", False), ("huur", "4000", False))
    assert regels(uitkomst) == [("cjib", "600.00", "100.00"), ("belasting", "900.00", "100.00"),
                                ("zorg", "600.00", "60.00"), ("huur", "2400.00", "60.00")]
    assert (uitkomst["percentage_concurrent"], uitkomst["percentage_preferent"]) == ("60.00", "100.00")
    assert uitkomst["totaal_aanbod"] == "4500.00"


def test_at_exactly_half_the_preferent_claim_is_just_paid_in_full():
    # pool = 100 x 20 = 2000; 2p*1000 + p*2000 = 4000p = 2000 -> p = 50%, 2p = 100% exactly.
    uitkomst = aanbod("100", 20, ("cjib", "1000", True), ("huur", "2000", False))
    assert regels(uitkomst) == [("cjib", "1000.00", "100.00"), ("huur", "1000.00", "50.00")]


def test_only_preferent_claims_share_at_twice_the_concurrent_percentage():
    # pool = 100 x 10 = 1000; no concurrent claims: 2p*(1000 + 3000) = 8000p = 1000 -> p = 12.5%,
    # 2p = 25%: 250 and 750. The concurrent percentage is what a concurrent creditor would get.
    uitkomst = aanbod("100", 10, ("a", "1000", True), ("b", "3000", True))
    assert regels(uitkomst) == [("a", "250.00", "25.00"), ("b", "750.00", "25.00")]
    assert (uitkomst["percentage_concurrent"], uitkomst["percentage_preferent"]) == ("12.50", "25.00")


def test_a_tie_of_remainders_goes_to_the_creditor_first_in_the_request():
    # pool = 1.00 x 1 = 100 cents over three equal claims of 100 euro: 33 1/3 cents each.
    # Rounded down 33 + 33 + 33 = 99; one cent left, three equal remainders (1/3): the first gets it.
    # Percentages: 0.34/100 = 0.34%, 0.33/100 = 0.33%; p = 1/300 = 0.333..% -> 0.33.
    uitkomst = aanbod("1.00", 1, ("c", "100", False), ("a", "100", False), ("b", "100", False))
    assert regels(uitkomst) == [("c", "0.34", "0.34"), ("a", "0.33", "0.33"), ("b", "0.33", "0.33")]
    assert uitkomst["percentage_concurrent"] == "0.33"
    # Two cents over three: 2/3 cent each, all rounded down to 0; the first two get a cent.
    uitkomst = aanbod("0.01", 2, ("c", "100", False), ("a", "100", False), ("b", "100", False))
    assert [r["bedrag"] for r in uitkomst["aanbod"]] == ["0.01", "0.01", "0.00"]
    assert uitkomst["totaal_aanbod"] == "0.02"


def test_a_pool_that_covers_every_claim_pays_every_claim_in_full():
    # pool = 100 x 18 = 1800 >= 500 + 700 = 1200: everything in full; totaal_aanbod is the sum of
    # the claims (1200), not the pool.
    uitkomst = aanbod("100", 18, ("cjib", "500", True), ("huur", "700", False))
    assert regels(uitkomst) == [("cjib", "500.00", "100.00"), ("huur", "700.00", "100.00")]
    assert (uitkomst["pool"], uitkomst["totaal_aanbod"], uitkomst["volledig_betaald"]) == ("1800.00", "1200.00", True)
    # A pool exactly the size of the debts (60 x 20 = 1200) is full payment too.
    assert aanbod("60", 20, ("cjib", "500", True), ("huur", "700", False))["volledig_betaald"] is True


def test_no_afloscapaciteit_is_the_nul_aanbod():
    uitkomst = aanbod("0", 18, ("cjib", "500", True), ("huur", "700", False))
    assert uitkomst == {
        "pool": "0.00", "totaal_schulden": "1200.00", "percentage_concurrent": "0.00",
        "percentage_preferent": "0.00",
        "aanbod": [{"id": "cjib", "bedrag": "0.00", "percentage": "0.00", "preferent": True},
                   {"id": "huur", "bedrag": "0.00", "percentage": "0.00", "preferent": False}],
        "totaal_aanbod": "0.00", "volledig_betaald": False,
    }


def test_one_cent_more_in_the_pool_can_cost_a_creditor_a_cent():
    # Largest remainder has the Alabama paradox; the contract prescribes it, so we show it here.
    # Claims of 3, 3 and 1 cent (concurrent), pool 3 cents: exact 9/7, 9/7, 3/7 = 1.29, 1.29, 0.43;
    # rounded down 1 + 1 + 0 = 2, one cent to the largest remainder (0.43): 1, 1, 1.
    # Pool 4 cents: exact 12/7, 12/7, 4/7 = 1.71, 1.71, 0.57; rounded down 1 + 1 + 0 = 2, two cents
    # to the two largest remainders (0.71, 0.71): 2, 2, 0. The exact shares all grew.
    schulden = (("a", "0.03", False), ("b", "0.03", False), ("c", "0.01", False))
    assert [r["bedrag"] for r in aanbod("0.03", 1, *schulden)["aanbod"]] == ["0.01", "0.01", "0.01"]
    assert [r["bedrag"] for r in aanbod("0.04", 1, *schulden)["aanbod"]] == ["0.02", "0.02", "0.00"]


def test_the_looptijd_multiplies_the_monthly_capacity():
    # 60 months x 10.01 = 600.60 over a single claim of 1000: 60.06%.
    uitkomst = aanbod("10.01", 60, ("huur", "1000", False))
    assert regels(uitkomst) == [("huur", "600.60", "60.06")]
