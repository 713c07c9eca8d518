"""The official schemas and one validator for every DDAS test (draft 2020-12, formats checked)."""

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from vroeghulp.schuldhulp import ddas as schuldhulp_ddas

STANDAARD = Path(__file__).parents[2] / "src/vroeghulp/monitor/ddas/standaard"
VS_SCHEMA = STANDAARD / "vroegsignalering-v1.2/json_schema_Uitwisselmodel.json"
SHV_SCHEMA = schuldhulp_ddas.SCHEMA  # not copied twice
VOORBEELDEN = Path(__file__).with_name("voorbeelden")


def validator(schema_pad: Path) -> Draft202012Validator:
    schema = json.loads(schema_pad.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def fouten(schema_pad: Path, document) -> list[str]:
    return [f"{list(f.path)}: {f.message}" for f in sorted(validator(schema_pad).iter_errors(document), key=str)]
