"""The official DDAS schemas and one validator for every test that checks a delivery against them
(JSON Schema draft 2020-12, formats checked): the DDAS tests and the zelfcheck's."""

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from vroeghulp.schuldhulp import ddas as schuldhulp_ddas

STANDAARD = Path(__file__).parents[1] / "ddas" / "standaard"
VS_SCHEMA = STANDAARD / "vroegsignalering-v1.2/json_schema_Uitwisselmodel.json"
SHV_SCHEMA = schuldhulp_ddas.SCHEMA  # not copied twice


def validator(schema_pad: Path) -> Draft202012Validator:
    schema = json.loads(schema_pad.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def fouten(schema_pad: Path, document) -> list[str]:
    return [f"{list(f.path)}: {f.message}" for f in sorted(validator(schema_pad).iter_errors(document), key=str)]
