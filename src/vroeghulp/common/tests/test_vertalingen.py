"""The committed .mo is exactly the compiled .po (fresh machines may lack GNU gettext to compile it),
and the UI really speaks Dutch through gettext."""

import ast
import gettext
from pathlib import Path

from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES"


def parse_po(text: str) -> dict:
    """Non-fuzzy entries as gettext stores them: msgid (with msgctxt) -> msgstr, plurals as tuples."""
    catalog, entry, key, fuzzy = {}, {}, None, False

    def flush():
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = entry["msgid"]
            if "msgctxt" in entry:
                msgid = f"{entry['msgctxt']}\x04{msgid}"
            if "msgid_plural" in entry:
                for n in range(2):
                    catalog[(msgid, n)] = entry.get(f"msgstr[{n}]", "")
            else:
                catalog[msgid] = entry.get("msgstr", "")
        entry, fuzzy = {}, False

    for line in text.splitlines() + [""]:
        line = line.strip()
        if not line:
            flush()
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            if key == "msgid" and "msgid" in entry and ("msgstr" in entry or "msgstr[0]" in entry):
                flush()
            entry[key] = ast.literal_eval(value)
    return catalog


def test_committed_mo_matches_the_po():
    po = parse_po((LOCALE / "django.po").read_text(encoding="utf-8"))
    with open(LOCALE / "django.mo", "rb") as handle:
        mo = gettext.GNUTranslations(handle)._catalog
    # msgfmt leaves out untranslated entries; the header lives under the empty msgid.
    expected = {k: v for k, v in po.items() if v and k != ""}
    actual = {k: v for k, v in mo.items() if k != ""}
    assert actual == expected, "django.mo is niet bijgewerkt: draai ./dev vertalingen"


def test_catalogue_is_dutch_and_covers_the_foundation_screens():
    po = parse_po((LOCALE / "django.po").read_text(encoding="utf-8"))
    assert "Language: nl" in po[""]
    for text in ("Direct naar de inhoud", "Inloggen bij Vroeghulp", "Audittrail", "Geen toegang"):
        assert text in po, f"{text!r} ontbreekt in django.po: draai ./dev vertalingen"


def test_active_language_is_dutch(client, db):
    assert translation.get_language() == "nl"
    response = client.post("/accounts/inloggen/", {"username": "", "password": ""})
    assert "Dit veld is verplicht." in response.content.decode()
