"""Property tests (hypothesis): shapes of the rules that must hold for any household, checked on the
vectorised path against the single-household path."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from vroeghulp.regels.batch import bereken_batch
from vroeghulp.regels.service import bereken


def _verzoek(inkomen: int, partner: bool, kinderen: int, datum: str) -> dict:
    personen = [{"rol": "aanvrager", "geboortedatum": "1985-03-01", "toetsingsinkomen": inkomen}]
    if partner:
        personen.append({"rol": "partner", "geboortedatum": "1986-03-01"})
    personen += [{"rol": "kind", "geboortedatum": f"{2010 + i}-05-01"} for i in range(kinderen)]
    return {"peildatum": datum, "huishouden": {"personen": personen},
            "regelingen": ["zorgtoeslag", "kindgebonden_budget", "bijstandsnorm"]}


huishoudens = st.tuples(
    st.integers(0, 120_000), st.booleans(), st.integers(0, 4), st.sampled_from(["2024-03-01", "2025-08-01", "2026-01-01"])
)


@settings(max_examples=40, deadline=None)
@given(huishoudens, st.integers(1, 5000))
def test_meer_inkomen_geeft_nooit_meer_toeslag(huishouden, extra):
    inkomen, partner, kinderen, datum = huishouden
    laag = bereken(_verzoek(inkomen, partner, kinderen, datum))["uitkomsten"]
    hoog = bereken(_verzoek(inkomen + extra, partner, kinderen, datum))["uitkomsten"]
    for regeling in ("zorgtoeslag", "kindgebonden_budget"):
        assert hoog[regeling]["per_jaar"] <= laag[regeling]["per_jaar"]
        # Awir art. 14 lid 4: the yearly amount rounded half up to whole euros, then / 12 rounded down.
        jaar_afgerond = laag[regeling]["per_jaar"].quantize(Decimal(1), rounding=ROUND_HALF_UP)
        assert laag[regeling]["per_maand"] == int(jaar_afgerond / 12)
        assert laag[regeling]["recht"] == (laag[regeling]["per_jaar"] > 0)


@settings(max_examples=15, deadline=None)
@given(st.lists(huishoudens, min_size=1, max_size=8), st.sampled_from(["2024-03-01", "2026-01-01"]))
def test_batch_en_bereken_geven_dezelfde_bedragen(lijst, datum):
    verzoeken = [_verzoek(i, p, k, datum) for i, p, k, _ in lijst]
    batch = bereken_batch(verzoeken)
    for n, verzoek in enumerate(verzoeken):
        enkel = bereken(verzoek)["uitkomsten"]
        for regeling in ("zorgtoeslag", "kindgebonden_budget"):
            assert Decimal(repr(float(batch[regeling]["per_jaar"][n]))).quantize(Decimal("0.01")) == enkel[regeling]["per_jaar"]
        assert abs(float(batch["bijstandsnorm"]["per_maand"][n]) - float(enkel["bijstandsnorm"]["per_maand"])) < 0.001


@settings(max_examples=25, deadline=None)
@given(st.booleans(), st.integers(1, 7), st.sampled_from(["2024-01-01", "2024-07-01", "2025-01-01", "2026-01-01", "2026-07-01"]))
def test_meer_kostendelers_geeft_nooit_een_hogere_norm(partner, kostendelers, datum):
    def norm(aantal):
        verzoek = _verzoek(0, partner, 0, datum)
        verzoek["huishouden"]["kostendelers"] = aantal
        verzoek["regelingen"] = ["bijstandsnorm"]
        return bereken(verzoek)["uitkomsten"]["bijstandsnorm"]["per_maand"]

    assert norm(kostendelers + 1) <= norm(kostendelers)
