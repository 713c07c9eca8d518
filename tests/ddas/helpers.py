"""The official schemas and the validator (vroeghulp.monitor.tests.ddas_schemas), and the official
example deliveries copied next to these tests."""

from pathlib import Path

from vroeghulp.monitor.tests.ddas_schemas import SHV_SCHEMA, STANDAARD, VS_SCHEMA, fouten, validator  # noqa: F401

VOORBEELDEN = Path(__file__).with_name("voorbeelden")
