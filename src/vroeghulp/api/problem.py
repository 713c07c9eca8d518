"""RFC 9457 problem details (application/problem+json), used by every API endpoint.

``json_bytes`` is the one way an API answer becomes bytes: it cannot fail on text a client sent
(a lone surrogate such as ``"\\udfff"`` decodes from JSON but cannot be written as UTF-8), so an
answer built after a commit always reaches the client.
"""

import json

from django.http import HttpResponse

PROBLEM_JSON = "application/problem+json"

# The shape of every error answer, for the OpenAPI document.
PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "description": "Altijd about:blank: de status zegt wat er mis is."},
        "title": {"type": "string", "description": "Korte omschrijving in het Nederlands."},
        "status": {"type": "integer", "description": "De HTTP-status van dit antwoord."},
        "detail": {"type": "string", "description": "Uitleg in het Nederlands: wat is er mis en wat kunt u doen."},
        "code": {"type": "string", "description": "Vaste code van de weigering, voor programma's."},
        "invalid_params": {
            "type": "array",
            "description": "Eén regel per veld dat niet klopt.",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
}


def json_bytes(data) -> bytes:
    """UTF-8 JSON; text that UTF-8 cannot hold (lone surrogates) is written as a JSON escape."""
    try:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True).encode("ascii")


def problem(status: int, title: str, detail: str = "", *, invalid_params=None, headers=None, **extra) -> HttpResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if invalid_params:
        body["invalid_params"] = invalid_params
    body.update({k: v for k, v in extra.items() if v is not None})
    return HttpResponse(json_bytes(body), status=status, content_type=PROBLEM_JSON, headers=headers)
