"""POST /api/v1/berekeningen (CONTRACTS section 2): the regels service over HTTP.

The body is validated by the regels package itself (one place for the rules of the input), so the
API and `vroeghulp bereken` give the same invalid_params. Callers: staff in a session, or an API
client with scope `berekeningen`. The situation is anonymous (no BSN, no name): nothing to audit.
"""

import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.security import django_auth

from vroeghulp.accounts.models import Scope
from vroeghulp.api.auth import TokenAuth
from vroeghulp.api.problem import problem
from vroeghulp.regels.voorbeeld import contracts_verzoek

router = Router(tags=["berekeningen"])

VOORBEELD = contracts_verzoek()


@router.post(
    "",
    auth=[django_auth, TokenAuth(Scope.BEREKENINGEN)],
    summary="Bereken toeslagen, bijstandsnorm, beslagvrije voet en afloscapaciteit",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}, "example": VOORBEELD}},
        },
        "responses": {
            200: {"description": "Uitkomsten per regeling met toelichting en bronnen"},
            400: {"description": "Ongeldige invoer (application/problem+json, invalid_params)"},
            422: {"description": "Peildatum buiten de jaren die de regels kennen"},
        },
    },
)
def bereken_endpoint(request):
    from vroeghulp.regels.cli import als_json
    from vroeghulp.regels.service import InvoerFout, PeildatumBuitenBereik, bereken

    try:
        situatie = json.loads(request.body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return problem(400, _("Ongeldige JSON"), _("De inhoud van het verzoek is geen geldige JSON."))
    try:
        uitkomst = bereken(situatie)
    except InvoerFout as fout:
        return problem(
            400, _("Ongeldige invoer"), _("Een of meer velden zijn niet goed ingevuld."),
            invalid_params=fout.invalid_params,
        )
    except PeildatumBuitenBereik as fout:
        return problem(422, _("Peildatum buiten bereik"), str(fout))
    return HttpResponse(als_json(uitkomst), content_type="application/json")
