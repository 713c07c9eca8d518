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

# The names of regels.service.REGELINGEN (a test checks they are the same); not imported from there,
# because loading the rules takes 0.4 s that every start of Django would pay.
REGELINGEN = ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "bijstandsnorm", "beslagvrije_voet", "vtlb")
_BEDRAG = {"type": ["number", "string"], "minimum": 0, "maximum": 1_000_000_000,
           "description": "Euro's, 0 tot en met 1.000.000.000 (een getal; tekst alleen als getal, zoals \"412.50\")."}
_PERSOON = {
    "type": "object",
    "required": ["rol", "geboortedatum"],
    "properties": {
        "rol": {"enum": ["aanvrager", "partner", "kind", "medebewoner"]},
        "geboortedatum": {"type": "string", "format": "date", "description": "JJJJ-MM-DD, niet na de peildatum."},
        "verzekerd": {"type": "boolean"},
        "toetsingsinkomen": _BEDRAG,
        "netto_inkomen_per_maand": _BEDRAG,
    },
    "additionalProperties": {"type": ["number", "string", "boolean"],
                             "description": "Andere feiten voor regels die ze nodig hebben."},
}
# The form of a situation as far as JSON Schema can say it. Rules across fields (exactly one
# aanvrager, at most one partner, no birth date after the peildatum, a peildatum in the years the
# rules know) are checked by the regels package and answered with 400 or 422 naming the field.
SITUATIE = {
    "type": "object",
    "required": ["huishouden"],
    "properties": {
        "peildatum": {"type": ["string", "null"], "format": "date",
                      "description": "JJJJ-MM-DD, van 2024-01-01 tot en met 2026-12-31; zonder: vandaag."},
        "huishouden": {
            "type": "object",
            "required": ["personen"],
            "properties": {
                "personen": {"type": "array", "minItems": 1, "maxItems": 50, "items": _PERSOON},
                "vermogen": _BEDRAG,
                "woning": {"type": "object", "properties": {
                    "soort": {"enum": ["huur", "koop", "geen"]},
                    "kale_huur_per_maand": _BEDRAG,
                    "servicekosten_per_maand": _BEDRAG,
                }},
                "kostendelers": {"type": "integer", "minimum": 1, "maximum": 50},
            },
            "additionalProperties": {"type": ["number", "string", "boolean"]},
        },
        "regelingen": {"type": ["array", "null"], "items": {"enum": list(REGELINGEN)},
                       "description": "Welke uitkomsten; zonder: alle."},
    },
}

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
            "content": {"application/json": {"schema": SITUATIE, "example": VOORBEELD}},
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
