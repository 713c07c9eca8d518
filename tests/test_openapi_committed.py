"""The committed OpenAPI spec (docs/openapi.json) must match the code: partners build against it."""

from vroeghulp.api.openapi import SPEC_PATH, current_spec, render


def test_committed_openapi_matches_code():
    assert SPEC_PATH.exists(), "docs/openapi.json ontbreekt: draai python -m vroeghulp.api.openapi"
    assert SPEC_PATH.read_text(encoding="utf-8") == render(current_spec()), (
        "De API is gewijzigd maar docs/openapi.json niet: draai python -m vroeghulp.api.openapi"
    )


def test_every_operation_documents_problem_json_errors_or_is_public():
    spec = current_spec()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary") or operation.get("description"), f"{method} {path} zonder uitleg"
