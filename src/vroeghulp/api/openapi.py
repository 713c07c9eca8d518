"""Write the generated OpenAPI spec to docs/openapi.json (committed; a test fails on drift).

Run: ``.venv/bin/python -m vroeghulp.api.openapi``
"""

import json
import os
from pathlib import Path

SPEC_PATH = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"


def current_spec() -> dict:
    from vroeghulp.api.root import api

    return api.get_openapi_schema(path_prefix="/api/v1")


def render(spec: dict) -> str:
    normalised = json.loads(json.dumps(spec))  # int status keys become strings, as in JSON
    return json.dumps(normalised, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vroeghulp.test_settings")
    import django

    django.setup()
    SPEC_PATH.write_text(render(current_spec()), encoding="utf-8")
    print(f"Geschreven: {SPEC_PATH}")


if __name__ == "__main__":
    main()
