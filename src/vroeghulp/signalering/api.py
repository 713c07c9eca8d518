"""Partner API (docs/interfaces.md sections 4 and 5): deliver signals and read back their status.

``POST /api/v1/signalen`` takes 1 to 10,000 signals; each gets its own answer (geaccepteerd,
dubbel, afgewezen with ``fouten``). A request that cannot be read at all is refused as a whole
with problem+json and nothing is stored. The body is parsed by the intake itself (not by a
pydantic model): one bad signal must not refuse the other 9,999.
"""

import datetime as dt
import json
import re

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError, PydanticSerializationError, to_json

from vroeghulp.accounts.models import Scope
from vroeghulp.api.auth import TokenAuth
from vroeghulp.api.inhoud import lees_object
from vroeghulp.api.problem import json_bytes, problem
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.signalering.intake import Weigering, json_rijen, opslag, verwerk
from vroeghulp.signalering.intake.instellingen import API_MAX_SIGNALEN
from vroeghulp.signalering.models import Kanaal, Signaalstatus, StatusRij, Vroegsignaal, status_pagina, status_van

router = Router(tags=["signalen"])

DOEL_TERUGKOPPELING = "Terugkoppeling status aan signaalpartner (Wgs art. 3 lid 1 onder b)"
PAGINA = 1000
MAX_ID = 100  # docs/interfaces.md section 4.2: the partner's ID, at most 100 characters
# 'na' in a 'volgende' link: day number of the last status date (date.toordinal) and the last id.
# Every text that matches is a valid point (ordinals up to 999999 are dates, ids below 2**63), so
# the OpenAPI pattern is exactly what the API takes.
NA_PATROON = re.compile(r"^([1-9][0-9]{0,5})_([0-9]{1,18})$")


# Schemas: documentation of the contract (the intake validates itself, per signal).
class ClientIn(Schema):
    burgerservicenummer: str | None = Field(None, description="9 cijfers, 11-proef. Of postcode + huisnummer.")
    postcode: str | None = Field(None, examples=["3563 AB"])
    huisnummer: str | None = None
    huisnummertoevoeging: str | None = None
    geboortedatum: str | None = Field(None, description="JJJJ-MM-DD of DD-MM-JJJJ")
    geslachtsaanduiding: str | None = Field(None, description="Man, Vrouw, Onbekend of Leeg")
    voorletters: str | None = None
    voorvoegsel: str | None = None
    achternaam: str | None = None
    straatnaam: str | None = None
    plaatsnaam: str | None = None
    telefoonnummer: str | None = None
    email: str | None = None


class SignaalIn(Schema):
    ID: str = Field(..., description="Uw eigen, unieke ID van dit signaal (maximaal 100 tekens).")
    bedrag: float | str = Field(..., description="Achterstand in euro's: 412, 412,50, 1.234,56 of 1234.56")
    ontstaansdatum: str | None = Field(None, description="JJJJ-MM-DD of DD-MM-JJJJ")
    signaaldatum: str = Field(..., description="JJJJ-MM-DD of DD-MM-JJJJ")
    crisissignaal: bool | str | None = False
    warmeOverdracht: bool | str | None = False
    eindelevering: bool | str | None = False
    klantnummer: str | None = None
    client: ClientIn


class Aanlevering(Schema):
    signalen: list[SignaalIn] = Field(..., min_length=1, max_length=API_MAX_SIGNALEN)


class SignaalFout(Schema):
    veld: str
    code: str
    melding: str


class SignaalResultaat(Schema):
    ID: str | None
    status: str = Field(..., description="geaccepteerd, dubbel of afgewezen")
    fouten: list[SignaalFout]
    waarschuwingen: list[SignaalFout] | None = Field(None, description="Het signaal is aangenomen, met deze opmerkingen.")
    herhaling: bool | None = Field(None, description="Een eerder signaal met dit ID is bijgewerkt (hoger bedrag).")
    rij: int = Field(..., description="Plaats van het signaal in de lijst (1 = eerste).")


class SignaalAntwoord(Schema):
    ontvangen: int
    geaccepteerd: int
    dubbel: int
    afgewezen: int
    resultaten: list[SignaalResultaat]


class SignaalStatus(Schema):
    ID: str
    status: str = Field(..., description="DDAS EnumSignaalstatus", examples=[Signaalstatus.NOG_NIET_OPGEPAKT.value])
    datum: dt.date


class SignaalStatusLijst(Schema):
    resultaten: list[SignaalStatus]
    volgende: str | None = Field(None, description="URL van de volgende pagina, of null.")


class SignaalStatusFilter(Schema):
    sinds: dt.date = Field(..., description="Signalen waarvan de status op of na deze datum is gewijzigd (JJJJ-MM-DD).")
    na: str | None = Field(None, description="Vervolgpunt uit 'volgende'; niet zelf invullen.",
                           pattern=NA_PATROON.pattern)

    @field_validator("sinds", mode="before")
    @classmethod
    def _alleen_jjjj_mm_dd(cls, waarde):
        # pydantic would also take 0 (a Unix time) or a date with a time; the contract says JJJJ-MM-DD
        if not isinstance(waarde, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", waarde):
            raise PydanticCustomError("date_parsing", "JJJJ-MM-DD")  # reason in Dutch: api.meldingen
        return waarde


def _inline(schema: dict) -> dict:
    """A pydantic JSON schema with its $defs inlined, for the OpenAPI request body."""
    defs = schema.pop("$defs", {})

    def los_op(knoop):
        if isinstance(knoop, dict):
            if "$ref" in knoop and knoop["$ref"].startswith("#/$defs/"):
                return los_op(dict(defs[knoop["$ref"].rsplit("/", 1)[1]]))
            return {k: los_op(v) for k, v in knoop.items()}
        if isinstance(knoop, list):
            return [los_op(v) for v in knoop]
        return knoop

    return los_op(schema)


def _aanlevering_schema() -> dict:
    """The body as the API checks it: an object with 1 to 10,000 signals.

    A signal that does not have the documented form is not refused with the request: it gets its
    own answer (afgewezen, with the fields that are wrong). So each item is "a Signaal, or any
    other value" - the honest schema, which still shows the form of a signal.
    """
    schema = _inline(Aanlevering.model_json_schema())
    signaal = schema["properties"]["signalen"]["items"]
    schema["properties"]["signalen"]["items"] = {"anyOf": [signaal, {
        "description": "Elke andere waarde wordt niet geweigerd met het hele verzoek: dit signaal krijgt "
        "status afgewezen met de velden die niet kloppen."}]}
    return schema


def _weigering(weigering: Weigering) -> HttpResponse:
    return problem(weigering.status, weigering.titel, weigering.detail, code=weigering.code)


def _partner(request):
    partner = request.auth.signaalpartner
    if partner is None:
        raise Weigering("geen_partner", status=403)
    return partner


def _partner_id(request) -> int:
    """The partner's id, without loading the partner (the status operations need no more)."""
    partner_id = request.auth.signaalpartner_id
    if partner_id is None:
        raise Weigering("geen_partner", status=403)
    return partner_id


@router.post(
    "",
    auth=TokenAuth(Scope.SIGNALEN_AANLEVEREN),
    response={200: SignaalAntwoord},
    summary="Signalen aanleveren",
    description=(
        "Lever 1 tot 10.000 signalen aan. Elk signaal krijgt een eigen antwoord. "
        "Hetzelfde ID nog eens sturen maakt nooit een tweede signaal; een hoger bedrag werkt het signaal bij."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _aanlevering_schema()}},
        },
        "responses": {
            200: {"links": {"StatusSinds": {
                "operationId": "vroeghulp_signalering_api_status_sinds",
                "parameters": {"sinds": "2000-01-01"},
                "description": "De status van de aangeleverde (en eerdere) signalen.",
            }}},
            403: {"description": "Geweigerd"},
        },
    },
)
@audit.persoonsgegevens
def aanleveren(request):
    try:
        partner = _partner(request)
        # the API takes the contract's form only: {"signalen": [...]} in UTF-8 JSON (files may differ)
        signalen = lees_object(request).get("signalen")
        if not isinstance(signalen, list):
            raise Weigering("json_vorm")
        if not signalen:
            raise Weigering("leeg")
        if len(signalen) > API_MAX_SIGNALEN:
            raise Weigering("te_veel_signalen", detail=_("maximaal %d per verzoek") % API_MAX_SIGNALEN, status=413)
        rapport = verwerk(
            partner, json_rijen(signalen), kanaal=Kanaal.API, actor=request.auth,
            ingediend_door=request.auth.naam, match=False,
            # the answer is built inside the transaction: should it fail, nothing is stored
            antwoord=lambda gemaakt: json_bytes(gemaakt.als_dict()),
        )
    except Weigering as weigering:
        return _weigering(weigering)
    response = HttpResponse(rapport.antwoord, content_type="application/json")
    if rapport.signaal_ids:
        # Matching runs right after the answer has been sent (when the server closes the response),
        # so the partner's request stays fast; the signals are already committed.
        ids = rapport.signaal_ids
        response._resource_closers.append(lambda: opslag.roep_matching_aan(ids))
    return response


def _kan_id_zijn(signaal_id: str) -> bool:
    """False for text no stored ID can equal: too long, NUL or other control characters."""
    return len(signaal_id) <= MAX_ID and signaal_id.isprintable()


def _status(signaal: StatusRij) -> dict:
    return {"ID": signaal.extern_id, "status": signaal.status, "datum": signaal.status_datum}


def _json(data) -> HttpResponse:
    """A 200 JSON answer written directly, with pydantic-core's serialiser (dates as JJJJ-MM-DD):
    ninja's validation of a page of 1,000 results against the schema cost 12 of the 19 ms of a
    request, json.dumps still 2 ms (issue 10 load test); the dicts have the schema's shape."""
    try:
        body = to_json(data)
    except PydanticSerializationError:  # text UTF-8 cannot hold (a lone surrogate): as JSON escapes
        body = json.dumps(data, default=dt.date.isoformat).encode("ascii")
    return HttpResponse(body, content_type="application/json")


@router.get(
    "/status",
    auth=TokenAuth(Scope.SIGNALEN_STATUS),
    response={200: SignaalStatusLijst},
    openapi_extra={"responses": {
        200: {"links": {"StatusVanEen": {
            "operationId": "vroeghulp_signalering_api_status_een",
            "parameters": {"signaal_id": "$response.body#/resultaten/0/ID"},
            "description": "De status van het eerste signaal in de lijst.",
        }}},
        403: {"description": "Geweigerd"},
    }},
    summary="Status van uw signalen sinds een datum",
    description="Alleen uw eigen signalen; per pagina maximaal 1000. Volg 'volgende' tot die null is.",
)
@audit.persoonsgegevens
def status_sinds(request, filters: Query[SignaalStatusFilter]):
    try:
        partner_id = _partner_id(request)
    except Weigering as weigering:
        return _weigering(weigering)
    onbekend = sorted(set(request.GET) - set(SignaalStatusFilter.model_fields))
    if onbekend:  # ninja passes only the known ones; a misspelt "sind" must not be ignored
        return problem(400, _("Ongeldige invoer"), _("Dit verzoek heeft parameters die wij niet kennen."),
                       invalid_params=[{"name": naam, "reason": _("Dit veld kennen we niet.")} for naam in onbekend])
    na = None
    if filters.na:
        vervolg = NA_PATROON.fullmatch(filters.na)
        if vervolg is None:
            return problem(400, _("Ongeldige invoer"), _("De waarde van 'na' klopt niet."),
                           invalid_params=[{"name": "na", "reason": _("Gebruik de link uit 'volgende'.")}])
        na = (dt.date.fromordinal(int(vervolg[1])), int(vervolg[2]))
    # a keyset the index (partner, status_datum, id) serves as one range scan (issue 10)
    pagina = status_pagina(partner_id, filters.sinds, na, aantal=PAGINA + 1)
    volgende = None
    if len(pagina) > PAGINA:
        pagina = pagina[:PAGINA]
        laatste = pagina[-1]  # (extern_id, status, status_datum, id)
        volgende = request.build_absolute_uri(
            f"{request.path}?sinds={filters.sinds.isoformat()}&na={laatste[2].toordinal()}_{laatste[3]}"
        )
    audit.log_rij(
        actor=request.auth, actie=Actie.LEZEN, object_type=Vroegsignaal._meta.label, doel=DOEL_TERUGKOPPELING,
        toelichting=f"status sinds {filters.sinds.isoformat()}", aantal=len(pagina),
    )
    resultaten = [{"ID": extern_id, "status": status, "datum": datum} for extern_id, status, datum, _pk in pagina]
    return _json({"resultaten": resultaten, "volgende": volgende})


@router.get(
    "/{path:signaal_id}/status",
    auth=TokenAuth(Scope.SIGNALEN_STATUS),
    response={200: SignaalStatus},
    openapi_extra={"responses": {403: {"description": "Geweigerd"}, 404: {"description": "Niet gevonden"}}},
    summary="Status van één signaal",
    description="Alleen voor uw eigen signalen; een ID dat wij niet van u kennen geeft 404.",
)
@audit.persoonsgegevens
def status_een(request, signaal_id: str):
    try:
        partner_id = _partner_id(request)
    except Weigering as weigering:
        return _weigering(weigering)
    if not _kan_id_zijn(signaal_id):
        # PostgreSQL refuses NUL in text; an ID we cannot have stored is simply not found
        return problem(404, _("Niet gevonden"), _("Wij kennen geen signaal van u met dit ID."))
    signaal = status_van(partner_id, signaal_id)
    if signaal is None:
        return problem(404, _("Niet gevonden"), _("Wij kennen geen signaal van u met dit ID."))
    audit.log_rij(
        actor=request.auth, actie=Actie.LEZEN, object_type=Vroegsignaal._meta.label, object_id=signaal.id,
        doel=DOEL_TERUGKOPPELING, toelichting="status",
    )
    return _json(_status(signaal))
