"""The files that make Vroeghulp reusable by other public organisations: licence and publiccode.yml."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[4]


def test_licence_is_the_full_eupl_1_2_text():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for part in ("1.Definitions", "5.Obligations of the Licensee", "15.Applicable Law", "Appendix"):
        assert part.replace(" ", "") in text.replace(" ", ""), part
    assert len(text) > 12000


def test_publiccode_yml_has_the_required_fields():
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert data["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "platforms", "developmentStatus", "softwareType", "description", "legal",
                "maintenance", "localisation"):
        assert key in data, key
    assert data["platforms"] == ["web"]
    assert data["legal"]["license"] == "EUPL-1.2"
    assert data["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert data["maintenance"]["contacts"]
    nl = data["description"]["nl"]
    assert len(nl["shortDescription"]) <= 150
    assert 150 <= len(nl["longDescription"]) <= 10000
    assert nl["features"]
    assert data["localisation"]["availableLanguages"] == ["nl"]
