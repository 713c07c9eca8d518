"""The files that make Vroeghulp reusable by other public organisations: licence and publiccode.yml."""

import re
import subprocess
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


# Design notes of the people who build Vroeghulp live outside the repository; what the project
# promises is in docs/interfaces.md and docs/architecture.md. A reference to the notes (a path, or
# "section 3" of the contract) is a dead end for everyone who clones the repository. The patterns
# are assembled from pieces so that this file does not match itself.
_BUITEN = re.compile(
    "|".join([
        re.escape("../" + "shared"),
        r"\bshared/(?:design|domain|standards|seeds|style|hooks)\b",
        re.escape("/" + "work/"),
        r"\b" + "CONTRA" + r"CTS\b",
        r"\b" + "ARCHI" + r"TECTURE\.md\b",
    ])
)


def _projectbestanden() -> list[Path]:
    """Every file git tracks (what a clone gets); without git, every file outside the local dirs."""
    try:
        uit = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        overslaan = {".git", ".venv", "node_modules", "var", "__pycache__"}
        return [p for p in ROOT.rglob("*") if p.is_file() and not overslaan & set(p.relative_to(ROOT).parts)]
    return [ROOT / naam for naam in uit.decode().split("\0") if naam]


def test_the_pattern_finds_references_outside_the_repository():
    # The check below is only worth something if the pattern catches the forms that occurred.
    for tekst in ("see ../" + "shared/" + "design/x.md", "(CONTRA" + "CTS section 3)", "ARCHI" + "TECTURE.md",
                  "shared/" + "domain/vroegsignalering.md", "/" + "work/shared"):
        assert _BUITEN.search(tekst), tekst
    for tekst in ("contracts_verzoek()", "docs/interfaces.md section 3", "a shared-cache database"):
        assert not _BUITEN.search(tekst), tekst


def test_no_tracked_file_refers_to_files_outside_the_repository():
    gevonden = []
    bestanden = _projectbestanden()
    assert len(bestanden) > 100  # the listing worked
    for pad in bestanden:
        try:
            tekst = pad.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue  # binary (a .mo, an image), or deleted in the work tree but not yet in git
        for nummer, regel in enumerate(tekst.splitlines(), start=1):
            if _BUITEN.search(regel):
                gevonden.append(f"{pad.relative_to(ROOT)}:{nummer}: {regel.strip()[:120]}")
    assert not gevonden, "Verwijzingen naar bestanden buiten de repository:\n" + "\n".join(gevonden)
