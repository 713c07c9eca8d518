"""The schuldhulp API. ``POST /api/v1/schuldhulp/aanbod`` (docs/interfaces.md section 7): the
settlement offer as a calculation, the same request and answer as `vroeghulp schuldhulp aanbod`.

The body is read by ``api.inhoud`` (a JSON object in UTF-8, else 415/400) and validated by
``aanbod_invoer`` (one place for the rules of the input, shared with the command line). Callers
as for the other calculations: an API client with scope `berekeningen` (token only, no CSRF), or
staff in a session. The request is anonymous (amounts and creditors, no person) and nothing is
stored: nothing to audit.
"""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router

from vroeghulp.accounts.models import Scope
from vroeghulp.api.auth import SessieAuth, TokenAuth
from vroeghulp.api.inhoud import lees_object
from vroeghulp.api.problem import json_bytes, problem
from vroeghulp.schuldhulp.aanbod import bereken_aanbod, als_dict
from vroeghulp.schuldhulp.aanbod_invoer import (
    BEDRAG_PATROON, MAX_BEDRAG, MAX_ID, MAX_LOOPTIJD, MAX_SCHULDEISER, MAX_SCHULDEN, MIN_LOOPTIJD,
    AanbodInvoerFout, valideer_aanbod,
)

router = Router(tags=["schuldhulp"])

VOORBEELD = {
    "afloscapaciteit_per_maand": 150.00, "looptijd_maanden": 18,
    "schulden": [{"id": "cjib-1", "schuldeiser": "CJIB", "bedrag": 1200.00, "preferent": True},
                 {"id": "huur-1", "schuldeiser": "Woonstichting", "bedrag": 2400.00, "preferent": False}],
}
# The form of the request as far as JSON Schema can say it. What it cannot say (a unique id per
# debt, whole cents, a text without control characters) is refused with 400 naming the field.
_TEKSTBEDRAG = {"type": "string", "pattern": BEDRAG_PATROON}


def _bedrag(omschrijving: str, *, nul_mag: bool) -> dict:
    getal = {"type": "number", "maximum": float(MAX_BEDRAG)}
    getal["minimum" if nul_mag else "exclusiveMinimum"] = 0
    return {"anyOf": [getal, _TEKSTBEDRAG], "description": omschrijving}


VERZOEK = {
    "type": "object",
    "required": ["afloscapaciteit_per_maand", "schulden"],
    "additionalProperties": False,
    "properties": {
        "afloscapaciteit_per_maand": _bedrag(
            "Euro's per maand, hele centen, 0 tot en met 1.000.000.000 (0: een nul-aanbod).", nul_mag=True),
        "looptijd_maanden": {"type": ["integer", "null"], "minimum": MIN_LOOPTIJD, "maximum": MAX_LOOPTIJD,
                             "description": "Maanden, 1 tot en met 60; zonder: 18."},
        "schulden": {
            "type": "array", "minItems": 1, "maxItems": MAX_SCHULDEN,
            "items": {
                "type": "object",
                "required": ["id", "bedrag"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "minLength": 1, "maxLength": MAX_ID,
                           "description": "Eigen kenmerk van de schuld, uniek in het verzoek."},
                    "schuldeiser": {"type": "string", "maxLength": MAX_SCHULDEISER},
                    "bedrag": _bedrag("Euro's, hele centen, meer dan 0, hoogstens 1.000.000.000.", nul_mag=False),
                    "preferent": {"type": "boolean", "description": "true: preferente schuld; zonder: concurrent."},
                },
            },
        },
    },
}
_EURO = {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$"}
_PROCENT = {"type": "string", "pattern": r"^[0-9]{1,3}\.[0-9]{2,}$", "description": "Procent, ten minste twee decimalen."}
ANTWOORD = {
    "type": "object",
    "required": ["pool", "totaal_schulden", "percentage_concurrent", "percentage_preferent", "aanbod",
                 "totaal_aanbod", "volledig_betaald"],
    "properties": {
        "pool": {**_EURO, "description": "Afloscapaciteit x looptijd."},
        "totaal_schulden": _EURO,
        "percentage_concurrent": _PROCENT,
        "percentage_preferent": _PROCENT,
        "aanbod": {"type": "array", "description": "Per schuld, in de volgorde van het verzoek.", "items": {
            "type": "object",
            "required": ["id", "bedrag", "percentage"],
            "properties": {"id": {"type": "string"}, "bedrag": _EURO, "percentage": _PROCENT,
                           "preferent": {"type": "boolean"}},
        }},
        "totaal_aanbod": {**_EURO, "description": "De som van de aanbiedingen, tot op de cent."},
        "volledig_betaald": {"type": "boolean"},
    },
}


@router.post(
    "/aanbod",
    auth=[TokenAuth(Scope.BEREKENINGEN), SessieAuth()],
    summary="Bereken het aanbod aan schuldeisers (schuldregeling)",
    openapi_extra={
        "requestBody": {"required": True,
                        "content": {"application/json": {"schema": VERZOEK, "example": VOORBEELD}}},
        "responses": {
            200: {"description": "Het aanbod per schuldeiser, in hele centen",
                  "content": {"application/json": {"schema": ANTWOORD}}},
            400: {"description": "Ongeldige invoer"},
            403: {"description": "Sessie geweigerd"},
        },
    },
)
def aanbod_endpoint(request):
    verzoek = lees_object(request)
    try:
        invoer = valideer_aanbod(verzoek)
    except AanbodInvoerFout as fout:
        return problem(400, _("Ongeldige invoer"), _("Een of meer velden zijn niet goed ingevuld."),
                       invalid_params=fout.invalid_params)
    aanbod = bereken_aanbod(invoer.afloscapaciteit_per_maand, invoer.looptijd_maanden, invoer.schulden)
    return HttpResponse(json_bytes(als_dict(aanbod)), content_type="application/json")
