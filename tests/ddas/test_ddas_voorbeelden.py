"""The official copies are unchanged, the validator can fail, and the official example deliveries
validate with the same validator as our own deliveries."""

import hashlib
import json

import pytest

from tests.ddas.helpers import SHV_SCHEMA, STANDAARD, VOORBEELDEN, VS_SCHEMA, fouten

# the hashes of the published files (standaard/README.md, voorbeelden/README.md)
OFFICIEEL = {
    STANDAARD / "vroegsignalering-v1.2/json_schema_Uitwisselmodel.json":
        "7fdf32319635fd4911cbb73d622eb3edc5275471c5dfd91f0ad9f46995a5f887",
    STANDAARD / "vroegsignalering-v1.2/DDAS-VS-api-v1.0.yaml":
        "6978c7e0d02abb2aa03d8f555f40793822bde828b58f9db32806709d0d70f65f",
    STANDAARD / "schuldhulpverlening-v1.0/DDAS-SHV.yaml":
        "f1d70d9d38f159c608e2e94dda7e864564ab176afe16f805f19530bdadec32bd",
    SHV_SCHEMA: "ec34e80fb369a81a07dd16ff5657533e4f6c2050bebc74d414a5a92c2c4cf5a9",
}
VOORBEELD_HASHES = {
    "UitgebreidMeervoudigVoorbeeld.json": "6246f23b0b0e2fac17c83e1af3fbd1f1f0432a7ac9f79c28eb22220fa4e6403f",
    "enkelvoudigVoorbeeld.json": "b8b738b8e664624cd59bda7d0950a35e660a92be524b6e62e10878917668d14d",
    "meerdereLeveringenVoorbeeld.json": "d40ec795889544fe4e56c2583d4863a1936191db897e31a1113d269a10790859",
    "meervoudigVoorbeeld.json": "7fa5a0eb637900ec7a4e744dfffdc378563ff2431ee0654708547eeb12e69adf",
    "samenloopVoorbeeldDeel1.json": "0fe6992135accbf38cf94080758153f767570d2b973759acf5b1b9441e1de87b",
    "samenloopVoorbeeldDeel2.json": "2ff762667d6e32a6a431b9cc1b57e23434349bf53cfe4eff1522485dcd339361",
}


@pytest.mark.parametrize("pad", list(OFFICIEEL), ids=lambda p: p.name)
def test_official_copies_are_unchanged(pad):
    assert hashlib.sha256(pad.read_bytes()).hexdigest() == OFFICIEEL[pad]


@pytest.mark.parametrize("naam", [n for n in VOORBEELD_HASHES if n != "UitgebreidMeervoudigVoorbeeld.json"])
def test_official_examples_validate(naam):
    pad = VOORBEELDEN / naam
    assert hashlib.sha256(pad.read_bytes()).hexdigest() == VOORBEELD_HASHES[naam]
    assert fouten(SHV_SCHEMA, json.loads(pad.read_text(encoding="utf-8"))) == []


def test_the_extended_example_breaks_the_schema_in_twelve_places():
    # The standards README says 12 errors, "null where the schema wants a string"; reading the
    # file they are: einddatum null 5x (trajecten 0, 1, 4, oplossing 1, begeleiding of 4),
    # beschikkingssoort "Toewijzingsbeschikking" 5x (not in EnumBeschikkingssoort), uitstroom
    # reden "Zelfstandig verder" once (not in EnumUitstroomreden), and $schema/$id/title at the
    # top (additionalProperties: false). The schema wins.
    meldingen = fouten(SHV_SCHEMA, json.loads((VOORBEELDEN / "UitgebreidMeervoudigVoorbeeld.json").read_text()))
    assert len(meldingen) == 12
    assert sum("None is not of type 'string'" in m for m in meldingen) == 5
    assert sum("'Toewijzingsbeschikking' is not one of" in m for m in meldingen) == 5
    assert sum("'Zelfstandig verder' is not one of" in m for m in meldingen) == 1
    assert sum("Additional properties are not allowed" in m for m in meldingen) == 1


def test_the_vs_validator_refuses_a_wrong_delivery():
    fout = {"startdatumLevering": "2026-02-30", "einddatumLevering": "2026-03-31",
            "aanleverdatumEnTijd": "gisteren", "codeGegevensleverancier": "x",
            "leveringen": [{"teller": 1, "gemeentecode": "0344", "aanleverendeOrganisatie": {},
                            "vroegsignalen": [{"ID": "1", "signaalpartner": {"type": "Bakker"},
                                               "client": {"burgerservicenummer": "123456782", "postcode": "3511AA"}}]}]}
    meldingen = " | ".join(fouten(VS_SCHEMA, fout))
    assert "is not a 'date'" in meldingen and "is not a 'date-time'" in meldingen
    assert "'Bakker' is not one of" in meldingen
    assert "is not valid under any of the given schemas" in meldingen  # BSN with an address: oneOf
