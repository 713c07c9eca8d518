"""RFC 9457 problem details (application/problem+json), used by every API endpoint."""

import json

from django.http import HttpResponse

PROBLEM_JSON = "application/problem+json"


def problem(status: int, title: str, detail: str = "", *, invalid_params=None, **extra) -> HttpResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if invalid_params:
        body["invalid_params"] = invalid_params
    body.update(extra)
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON
    )
