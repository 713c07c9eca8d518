"""POST /api/v1/berekeningen (docs/interfaces.md section 3): the regels service over HTTP.

The body is read by ``api.inhoud`` (JSON object in UTF-8, else 415/400) and validated by the
regels package itself (one place for the rules of the input), so the API and `vroeghulp bereken`
give the same invalid_params. Callers: an API client with scope `berekeningen` (token only, no
CSRF), or staff in a session (with CSRF and, where required, a completed second factor). The
situation is anonymous (no BSN, no name): nothing to audit.
"""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router

from vroeghulp.accounts.models import Scope
from vroeghulp.api.auth import SessieAuth, TokenAuth
from vroeghulp.api.inhoud import lees_object
from vroeghulp.api.problem import problem
from vroeghulp.regels.cli import als_json
from vroeghulp.regels.invoer import InvoerFout, PeildatumBuitenBereik
from vroeghulp.regels.voorbeeld import contracts_verzoek

router = Router(tags=["berekeningen"])

VOORBEELD = contracts_verzoek()

_UITKOMSTEN = {
    "type": "object",
    "required": ["peildatum", "uitkomsten", "rekenregels_versie"],
    "properties": {
        "peildatum": {"type": "string", "format": "date"},
        "uitkomsten": {
            "type": "object",
            "description": "Per regeling: recht, bedragen, toelichting en bronnen.",
            "additionalProperties": {"type": "object"},
        },
        "rekenregels_versie": {"type": "string"},
    },
}


@router.post(
    "",
    auth=[TokenAuth(Scope.BEREKENINGEN), SessieAuth()],
    summary="Bereken toeslagen, bijstandsnorm, beslagvrije voet en afloscapaciteit",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}, "example": VOORBEELD}},
        },
        "responses": {
            200: {
                "description": "Uitkomsten per regeling met toelichting en bronnen",
                "content": {"application/json": {"schema": _UITKOMSTEN}},
            },
            400: {"description": "Ongeldige invoer"},
            403: {"description": "Sessie geweigerd"},
            422: {"description": "Peildatum buiten de jaren die de regels kennen"},
        },
    },
)
def bereken_endpoint(request):
    # late import: loading the rules (OpenFisca) takes 0.4 s, which every management command would pay
    from vroeghulp.regels.service import bereken  # noqa: PLC0415

    situatie = lees_object(request)
    try:
        uitkomst = bereken(situatie)
    except InvoerFout as fout:
        return problem(
            400, _("Ongeldige invoer"), _("Een of meer velden zijn niet goed ingevuld."),
            invalid_params=fout.invalid_params,
        )
    except PeildatumBuitenBereik as fout:
        return problem(422, _("Peildatum buiten bereik"), str(fout))
    return HttpResponse(als_json(uitkomst).encode("utf-8", "backslashreplace"), content_type="application/json")
