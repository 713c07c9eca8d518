"""Every NL Design System class our templates use exists in the installed (pinned) CSS, and the
pages load only assets from our own static files."""

import re
from pathlib import Path

from django.conf import settings

SRC = Path(settings.BASE_DIR)
CSS = [
    settings.NODE_MODULES / "@utrecht/component-library-css/dist/index.css",
    settings.NODE_MODULES / "@utrecht/design-tokens/dist/index.css",
]
CLASS = re.compile(r"\butrecht-[a-z0-9]+(?:[-_][a-z0-9]+)*")


def test_every_utrecht_class_in_the_templates_exists():
    missing_css = [str(p) for p in CSS if not p.exists()]
    assert not missing_css, f"npm-pakketten ontbreken ({missing_css}): draai 'npm ci'"
    known = set()
    for path in CSS:
        known |= set(re.findall(r"\.(utrecht-[a-z0-9_-]+)", path.read_text(encoding="utf-8")))
    unknown = {}
    for template in SRC.rglob("templates/**/*.html"):
        for name in set(CLASS.findall(template.read_text(encoding="utf-8"))) - known:
            unknown.setdefault(name, []).append(str(template.relative_to(SRC)))
    assert not unknown, f"Onbekende NL Design System-klassen: {unknown}"


def test_static_dirs_point_at_the_npm_packages():
    prefixes = {d[0] for d in settings.STATICFILES_DIRS if isinstance(d, tuple)}
    assert {"nlds/utrecht", "nlds/tokens", "htmx"} <= prefixes
