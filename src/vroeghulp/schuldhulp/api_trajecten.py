"""The schuldhulp API for staff (docs/interfaces.md section 2): trajecten, their debts and the
messages to creditors, under ``/api/v1/schuldhulp/trajecten``.

Only a logged-in consulent or teamleider in a session (``SessieAuth``: CSRF on a POST, the second
factor where it is required), and only trajecten of the wijken of the own teams: another wijk is
403 (the refusal audited by ``workflow``), an unknown id 404. Every read writes an audit event;
every change goes through the service of its part (``schulden``, ``berichten``), which checks
access first and writes in one transaction. Bodies are read by ``api.inhoud`` (a JSON object in
UTF-8) and checked here field by field, so a refusal names each wrong field in ``invalid_params``.
"""

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status

from vroeghulp.accounts.permissions import may_work_on_schuldhulp
from vroeghulp.api.auth import SessieAuth
from vroeghulp.api.inhoud import lees_object
from vroeghulp.api.problem import json_bytes, problem
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import OngeldigeInvoer
from vroeghulp.schuldhulp import berichten, schulden, termijnen, workflow
from vroeghulp.signalering.intake.normaliseren import ongeldige_tekens
from vroeghulp.schuldhulp.models import (
    OPEN_FASEN, Aanmeldingswijze, Bedreiging, Bericht, Berichtsoort, DeadlineSoort, Fase, Reactie, Schuld,
    Schuldeisersoort, Schuldstatus, Traject,
)

router = Router(tags=["schuldhulp"], auth=SessieAuth())

PER_PAGINA = 50
MAX_PAGINA = 10_000
MAX_ID = 2**63 - 1  # the largest id a database row can have; larger is no traject (404, not 500)
DOEL_LIJST = "Schuldhulpverlening: trajecten opvragen (Wgs art. 3)"
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FOUTEN = {403: {"description": "Geweigerd"}, 404: {"description": "Niet gevonden"}}


# --- answers (documentation of the shapes; ninja checks each answer against them) -------------

class Code(Schema):
    code: str
    naam: str


class Inwoner(Schema):
    id: int
    naam: str


class TrajectRij(Schema):
    id: int
    fase: Code
    inwoner: Inwoner
    wijk: Code
    aanmeldingswijze: Code
    bedreiging: Code | None = Field(..., description="De bedreigende situatie (Wgs art. 4 lid 2), of null.")
    aanmelddatum: dt.date
    deadline: dt.date | None = Field(..., description="De eerstvolgende Wgs-termijn die nog loopt.")
    deadline_soort: Code | None
    te_laat: bool = Field(..., description="De termijn is voorbij (deadline vóór vandaag).")
    consulent: str | None = Field(..., description="Gebruikersnaam van de consulent.")


class TrajectLijst(Schema):
    resultaten: list[TrajectRij]
    aantal: int = Field(..., description="Het aantal trajecten met deze filters, over alle pagina's.")
    pagina: int
    per_pagina: int
    volgende: str | None = Field(..., description="URL van de volgende pagina, of null.")


class Datums(Schema):
    """The dates of the DDAS schuldhulpverlening model v1.0, null when the step did not happen."""

    aanmelddatum: dt.date
    aanmelding_einddatum: dt.date | None
    datum_eerste_gesprek: dt.date | None
    intake_einddatum: dt.date | None
    beschikkingsdatum: dt.date | None
    stabilisatie_startdatum: dt.date | None
    stabilisatie_einddatum: dt.date | None
    plan_van_aanpak_datum: dt.date | None
    oplossing_startdatum: dt.date | None
    oplossing_einddatum: dt.date | None
    nazorg_startdatum: dt.date | None
    nazorg_einddatum: dt.date | None
    doorverwijzing_datum: dt.date | None
    uitstroom_datum: dt.date | None
    datum_beeindigingsbeschikking: dt.date | None


class Termijnen(Schema):
    eerste_gesprek_uiterlijk: dt.date = Field(..., description="Wgs art. 4 lid 1 en 2.")
    beschikking_uiterlijk: dt.date | None = Field(..., description="Wgs art. 4a lid 3.")
    deadline: dt.date | None
    deadline_soort: Code | None
    te_laat: bool


class Fasewijziging(Schema):
    van: str = Field(..., description="Leeg bij de aanmelding.")
    naar: str
    datum: dt.date
    reden: str
    toelichting: str
    door: str | None


class Stap(Schema):
    naar: str
    actie: str = Field(..., description="De functie van de werkstroom die deze stap zet.")
    label: str


class Checklistpunt(Schema):
    id: int
    omschrijving: str
    wie: str = Field(..., description="inwoner of consulent")
    gedaan: bool
    gedaan_op: dt.date | None


class TrajectDetail(TrajectRij):
    datums: Datums
    termijnen: Termijnen
    verwachte_weken: int | None = Field(..., description="Verwacht aantal weken tot het resultaat (Wgs art. 4 lid 3).")
    beschikkingssoort: str = Field(..., description="DDAS EnumBeschikkingssoort, of leeg.")
    oplossingssoort: str = Field(..., description="DDAS EnumOplossingssoort, of leeg.")
    doorverwijzing: str
    uitstroom_reden: str = Field(..., description="DDAS EnumUitstroomreden, of leeg.")
    fasen: list[Fasewijziging] = Field(..., description="De geschiedenis, oudste eerst.")
    mogelijke_stappen: list[Stap]
    checklist: list[Checklistpunt]


class SchuldeiserUit(Schema):
    id: int
    naam: str
    soort: Code
    rijksincasso: bool


class SchuldUit(Schema):
    id: int
    schuldeiser: SchuldeiserUit
    kenmerk: str
    bedrag: str = Field(..., description="Wat de schuldeiser vraagt, euro's met twee decimalen.")
    saldo: str | None = Field(..., description="Het bevestigde saldo, of null.")
    saldo_datum: dt.date | None
    actueel_bedrag: str = Field(..., description="Het saldo als het bevestigd is, anders het bedrag.")
    ontstaansdatum: dt.date | None
    status: Code
    preferent: bool
    beslag_per_maand: str | None
    bron: str = Field(..., description="signaal, handmatig of import")
    toelichting: str


class Deeltotaal(Schema):
    code: str
    naam: str
    aantal: int
    bedrag: str


class SchuldTotalen(Schema):
    aantal: int = Field(..., description="Schulden die niet betaald zijn.")
    totaal: str
    preferent: str
    concurrent: str
    rijksincasso: str
    per_status: list[Deeltotaal]
    per_soort: list[Deeltotaal]


class SchuldenLijst(Schema):
    resultaten: list[SchuldUit]
    totalen: SchuldTotalen


class BerichtUit(Schema):
    id: int
    schuld_id: int
    schuldeiser: str
    soort: Code
    kanaal: str
    verzonden_op: dt.date
    antwoord_uiterlijk: dt.date | None = Field(..., description="Laatste dag van de reactietermijn.")
    te_laat: bool = Field(..., description="Geen reactie en de termijn is voorbij.")
    herinnering_van: int | None = Field(..., description="Het bericht waaraan deze herinnering herinnert.")
    reactie: Code | None
    reactie_op: dt.date | None
    reactie_saldo: str | None
    reactie_toelichting: str


class BerichtenLijst(Schema):
    resultaten: list[BerichtUit]
    te_laat: int = Field(..., description="Het aantal berichten zonder reactie na de termijn.")


class TrajectFilter(Schema):
    fase: Fase | None = Field(None, description="Alleen trajecten in deze fase. Zonder: alle lopende trajecten.")
    te_laat: bool | None = Field(None, description="true: alleen te laat; false: alleen op tijd.")
    pagina: int = Field(1, ge=1, le=MAX_PAGINA)


# --- helpers ------------------------------------------------------------------------------------

def _code(keuzes, waarde) -> dict | None:
    return {"code": waarde, "naam": str(keuzes(waarde).label)} if waarde else None


def _euro(bedrag: Decimal | None) -> str | None:
    return None if bedrag is None else f"{bedrag:.2f}"


def _ongeldig(params: list[dict]) -> HttpResponse:
    return problem(400, _("Ongeldige invoer"), _("Een of meer velden zijn niet goed ingevuld."), invalid_params=params)


def _niet_gevonden(wat: str) -> HttpResponse:
    return problem(404, _("Niet gevonden"), wat)


def _geweigerd(fout: PermissionDenied) -> HttpResponse:
    return problem(403, _("Geen toegang"), str(fout) or _("U heeft geen toegang tot dit traject."))


def _alleen_schuldhulp(request) -> HttpResponse | None:
    if not may_work_on_schuldhulp(request.auth):
        audit.log(actor=request.auth, actie=Actie.GEWEIGERD, object_type=Traject._meta.label, doel=DOEL_LIJST,
                  toelichting=f"API {request.method} {request.path}: rol zonder schuldhulp")
        return problem(403, _("Geen toegang"), _("Alleen consulenten en teamleiders werken met schuldhulptrajecten."))
    return None


def _onbekende_parameters(request, bekend) -> HttpResponse | None:
    onbekend = sorted(set(request.GET) - set(bekend))
    if onbekend:  # ninja passes only the known ones; a misspelt "fse" must not be ignored
        return _ongeldig([{"name": naam, "reason": _("Dit veld kennen we niet.")} for naam in onbekend])
    return None


def _json(data, status: int = 200) -> HttpResponse:
    return HttpResponse(json_bytes(data), status=status, content_type="application/json")


def _rij(t: Traject, vandaag: dt.date) -> dict:
    return {
        "id": t.pk, "fase": _code(Fase, t.fase), "inwoner": {"id": t.inwoner_id, "naam": t.inwoner.naam},
        "wijk": {"code": t.wijk.code, "naam": t.wijk.naam},
        "aanmeldingswijze": _code(Aanmeldingswijze, t.aanmeldingswijze),
        "bedreiging": _code(Bedreiging, t.bedreiging), "aanmelddatum": t.aanmelddatum, "deadline": t.deadline,
        "deadline_soort": _code(DeadlineSoort, t.deadline_soort), "te_laat": termijnen.is_te_laat(t, vandaag),
        "consulent": t.consulent.get_username() if t.consulent_id else None,
    }


def _traject(request, traject_id: int) -> Traject | HttpResponse:
    """The traject with an audited read, or the problem answer (403 audited, 404)."""
    geweigerd = _alleen_schuldhulp(request)
    if geweigerd is not None:
        return geweigerd
    if not Traject.objects.filter(pk=traject_id).exists():
        return _niet_gevonden(_("Wij kennen geen traject met dit nummer."))
    try:
        return workflow.traject_voor(request.auth, traject_id)
    except PermissionDenied as fout:
        return _geweigerd(fout)


def _toegang(request, traject_id: int) -> int | HttpResponse:
    """The traject's id if the user may work on it (a refusal audited), else the problem answer."""
    geweigerd = _alleen_schuldhulp(request)
    if geweigerd is not None:
        return geweigerd
    if not Traject.objects.filter(pk=traject_id).exists():
        return _niet_gevonden(_("Wij kennen geen traject met dit nummer."))
    try:
        return workflow.toegang(traject_id, request.auth)
    except PermissionDenied as fout:
        return _geweigerd(fout)


def _inwoner_id(traject_id: int) -> int:
    return Traject.objects.values_list("inwoner_id", flat=True).get(pk=traject_id)


def _lees_gedeeld(request, object_type: str, traject_id: int, toelichting: str, aantal: int) -> None:
    audit.log(actor=request.auth, actie=Actie.LEZEN, object_type=object_type, object_id=traject_id,
              persoon_id=_inwoner_id(traject_id), doel=workflow.DOEL, toelichting=toelichting, aantal=aantal)


def _datum(waarde, naam: str, fouten: list) -> dt.date | None:
    """A date as JJJJ-MM-DD (or null), not in the future."""
    if waarde is None:
        return None
    if not isinstance(waarde, str) or not _DATUM.fullmatch(waarde):
        fouten.append({"name": naam, "reason": _("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-01-31.")})
        return None
    try:
        datum = dt.date.fromisoformat(waarde)
    except ValueError:
        fouten.append({"name": naam, "reason": _("Deze datum bestaat niet. Vul een datum in als JJJJ-MM-DD.")})
        return None
    if datum > timezone.localdate():
        fouten.append({"name": naam, "reason": _("Deze datum ligt in de toekomst. Vul vandaag of eerder in.")})
        return None
    return datum


def _tekst(data: dict, naam: str, fouten: list) -> str:
    waarde = data.get(naam, "")
    if waarde is None:
        return ""
    if not isinstance(waarde, str):
        fouten.append({"name": naam, "reason": _("Vul een tekst in, of laat dit veld weg.")})
        return ""
    return waarde


def _onbekende_velden(data: dict, bekend: tuple[str, ...], fouten: list) -> None:
    for naam in data:
        if naam not in bekend:
            fouten.append({"name": str(naam), "reason": _("Dit veld kennen we niet. Bedoelt u een van: %(velden)s?")
                           % {"velden": ", ".join(bekend)}})


def _bedrag_waarde(waarde, naam: str, fouten: list):
    """A number or a text (the service checks the amount itself); anything else is refused here."""
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float, str)):
        fouten.append({"name": naam, "reason": _("Vul een bedrag in euro's in: een getal zoals 150.00.")})
        return None
    if isinstance(waarde, int) and abs(waarde) > 10**12:
        return 10**12  # refused as too large by the service, without writing out huge numbers
    return waarde


# --- trajecten ------------------------------------------------------------------------------------

@router.get(
    "/trajecten",
    response={200: TrajectLijst},
    summary="Uw schuldhulptrajecten",
    description=("De trajecten in de wijken van uw teams, de dringendste eerst (eerstvolgende Wgs-termijn, dan "
                 "de aanmelding); per pagina 50. Zonder filter: de lopende trajecten."),
    openapi_extra={"responses": {403: {"description": "Geweigerd"}}},
)
@audit.persoonsgegevens
def trajecten(request, filters: Query[TrajectFilter]):
    geweigerd = _alleen_schuldhulp(request) or _onbekende_parameters(request, TrajectFilter.model_fields)
    if geweigerd is not None:
        return geweigerd
    vandaag = timezone.localdate()
    rijen = Traject.objects.filter(wijk_id__in=request.auth.wijk_ids())
    rijen = rijen.filter(fase=filters.fase) if filters.fase else rijen.filter(fase__in=OPEN_FASEN)
    if filters.te_laat is True:
        rijen = rijen.filter(deadline__lt=vandaag)
    elif filters.te_laat is False:
        rijen = rijen.exclude(deadline__lt=vandaag)
    aantal = rijen.count()
    begin = (filters.pagina - 1) * PER_PAGINA
    pagina = list(rijen.prefetch_related("inwoner", "wijk", "consulent")  # not joined: see views.trajecten.werklijst
                  .order_by(F("deadline").asc(nulls_last=True), "aanmelddatum", "id")[begin:begin + PER_PAGINA])
    volgende = None
    if begin + PER_PAGINA < aantal and filters.pagina < MAX_PAGINA:
        query = request.GET.copy()
        query["pagina"] = str(filters.pagina + 1)
        volgende = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    audit.log(actor=request.auth, actie=Actie.LEZEN, object_type=Traject._meta.label, doel=DOEL_LIJST,
              toelichting=f"API trajectenlijst, pagina {filters.pagina}", aantal=len(pagina))
    return {"resultaten": [_rij(t, vandaag) for t in pagina], "aantal": aantal, "pagina": filters.pagina,
            "per_pagina": PER_PAGINA, "volgende": volgende}


_TRAJECT_ID = Path(..., ge=1, le=MAX_ID, description="Het nummer van het traject.")
_BERICHT_ID = Path(..., ge=1, le=MAX_ID, description="Het nummer van het bericht.")


@router.get(
    "/trajecten/{traject_id}",
    response={200: TrajectDetail},
    summary="Eén traject: fasen, datums, termijnen en checklist",
    openapi_extra={"responses": _FOUTEN},
)
@audit.persoonsgegevens
def traject(request, traject_id: int = _TRAJECT_ID):
    t = _traject(request, traject_id)
    if isinstance(t, HttpResponse):
        return t
    vandaag = timezone.localdate()
    datums = {naam: getattr(t, naam) for naam in Datums.model_fields}
    return {
        **_rij(t, vandaag), "datums": datums,
        "termijnen": {"eerste_gesprek_uiterlijk": t.eerste_gesprek_uiterlijk, "beschikking_uiterlijk": t.beschikking_uiterlijk,
                      "deadline": t.deadline, "deadline_soort": _code(DeadlineSoort, t.deadline_soort),
                      "te_laat": termijnen.is_te_laat(t, vandaag)},
        "verwachte_weken": t.verwachte_weken, "beschikkingssoort": t.beschikkingssoort,
        "oplossingssoort": t.oplossingssoort, "doorverwijzing": t.doorverwijzing, "uitstroom_reden": t.uitstroom_reden,
        "fasen": [{"van": w.van, "naar": w.naar, "datum": w.datum, "reden": w.reden, "toelichting": w.toelichting,
                   "door": w.door.get_username() if w.door_id else None}
                  for w in t.fasewijzigingen.select_related("door")],
        "mogelijke_stappen": [{"naar": o.naar, "actie": o.actie, "label": str(o.label)}
                              for o in workflow.mogelijke_overgangen(t.fase)],
        "checklist": [{"id": c.pk, "omschrijving": c.omschrijving, "wie": c.wie, "gedaan": c.gedaan,
                       "gedaan_op": c.gedaan_op} for c in t.checklist.all()],
    }


# --- debts ------------------------------------------------------------------------------------------

def _schuld(s: Schuld) -> dict:
    return {
        "id": s.pk, "schuldeiser": {"id": s.schuldeiser_id, "naam": s.schuldeiser.naam,
                                    "soort": _code(Schuldeisersoort, s.schuldeiser.soort),
                                    "rijksincasso": s.schuldeiser.rijksincasso},
        "kenmerk": s.kenmerk, "bedrag": _euro(s.bedrag), "saldo": _euro(s.saldo), "saldo_datum": s.saldo_datum,
        "actueel_bedrag": _euro(s.actueel_bedrag), "ontstaansdatum": s.ontstaansdatum,
        "status": _code(Schuldstatus, s.status), "preferent": s.preferent,
        "beslag_per_maand": _euro(s.beslag_per_maand), "bron": s.bron, "toelichting": s.toelichting,
    }


def _deeltotalen(deel) -> list[dict]:
    return [{"code": d.sleutel, "naam": d.label, "aantal": d.aantal, "bedrag": _euro(d.bedrag)} for d in deel]


@router.get(
    "/trajecten/{traject_id}/schulden",
    response={200: SchuldenLijst},
    summary="De schulden van een traject, met totalen",
    openapi_extra={"responses": _FOUTEN},
)
@audit.persoonsgegevens
def schulden_lijst(request, traject_id: int = _TRAJECT_ID):
    toegang = _toegang(request, traject_id)
    if isinstance(toegang, HttpResponse):
        return toegang
    lijst = schulden.schulden_van(traject_id)
    totaal = schulden.totalen(lijst)
    _lees_gedeeld(request, Schuld._meta.label, traject_id, "API schuldenoverzicht", len(lijst))
    return {"resultaten": [_schuld(s) for s in lijst], "totalen": {
        "aantal": totaal.aantal, "totaal": _euro(totaal.totaal), "preferent": _euro(totaal.preferent),
        "concurrent": _euro(totaal.concurrent), "rijksincasso": _euro(totaal.rijksincasso),
        "per_status": _deeltotalen(totaal.per_status), "per_soort": _deeltotalen(totaal.per_soort)}}


SCHULD_VELDEN = ("schuldeiser", "soort", "bedrag", "kenmerk", "ontstaansdatum", "status", "preferent",
                 "beslag_per_maand", "toelichting")
_BEDRAG_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string"}],
                  "description": "Euro's, hele centen, meer dan 0, hoogstens 1.000.000.000 (bijvoorbeeld 1250.50)."}
NIEUWE_SCHULD = {
    "type": "object",
    "required": ["schuldeiser", "soort", "bedrag"],
    "additionalProperties": False,
    "properties": {
        "schuldeiser": {"type": "string", "minLength": 1, "maxLength": 120,
                        "description": "Naam van de schuldeiser; een nieuwe naam komt in het adresboek."},
        "soort": {"type": "string", "enum": list(Schuldeisersoort.values)},
        "bedrag": _BEDRAG_SCHEMA,
        "kenmerk": {"type": ["string", "null"], "maxLength": 60, "description": "Dossier- of factuurnummer."},
        "ontstaansdatum": {"type": ["string", "null"], "format": "date", "description": "JJJJ-MM-DD, niet in de toekomst."},
        "status": {"type": ["string", "null"], "enum": [*Schuldstatus.values, None], "description": "Zonder: open."},
        "preferent": {"type": ["boolean", "null"], "description": "Zonder: preferent als de soort dat is (Belastingdienst)."},
        "beslag_per_maand": {"anyOf": [*_BEDRAG_SCHEMA["anyOf"], {"type": "null"}],
                             "description": "Bij beslag: wat er per maand wordt ingehouden, in euro's."},
        "toelichting": {"type": ["string", "null"], "maxLength": 500},
    },
}
VOORBEELD_SCHULD = {"schuldeiser": "CJIB", "soort": "cjib", "bedrag": 412.50, "ontstaansdatum": "2025-06-01",
                    "status": "open"}


@router.post(
    "/trajecten/{traject_id}/schulden",
    response={201: SchuldUit},
    summary="Een schuld toevoegen",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": NIEUWE_SCHULD, "example": VOORBEELD_SCHULD}}},
        "responses": {400: {"description": "Ongeldige invoer"}, **_FOUTEN},
    },
)
@audit.persoonsgegevens
def schuld_toevoegen(request, traject_id: int = _TRAJECT_ID):
    data = lees_object(request)
    toegang = _toegang(request, traject_id)
    if isinstance(toegang, HttpResponse):
        return toegang
    fouten: list[dict] = []
    _onbekende_velden(data, SCHULD_VELDEN, fouten)
    velden = {naam: _tekst(data, naam, fouten) for naam in ("schuldeiser", "kenmerk", "toelichting")}
    for naam, standaard in (("soort", None), ("status", Schuldstatus.OPEN)):
        waarde = data.get(naam)
        if waarde is None and standaard is not None:
            waarde = standaard
        if not isinstance(waarde, str):
            waarde = None  # the service names the field with its list of choices
        velden[naam] = waarde
    velden["ontstaansdatum"] = _datum(data.get("ontstaansdatum"), "ontstaansdatum", fouten)
    velden["bedrag"] = _bedrag_waarde(data.get("bedrag"), "bedrag", fouten) if "bedrag" in data else None
    beslag = data.get("beslag_per_maand")
    velden["beslag_per_maand"] = None if beslag is None else _bedrag_waarde(beslag, "beslag_per_maand", fouten)
    preferent = data.get("preferent")
    if preferent is not None and not isinstance(preferent, bool):
        fouten.append({"name": "preferent", "reason": _("Vul true (preferent), false (concurrent) in, of laat het weg.")})
    velden["preferent"] = preferent
    if not fouten:
        try:  # every field the service checks; it names the first wrong one
            schulden.controleer(**velden)
        except schulden.Veldfout as fout:
            fouten.append({"name": fout.veld, "reason": fout.melding})
    if fouten:
        return _ongeldig(fouten)
    try:
        schuld = schulden.toevoegen(traject_id, door=request.auth, **velden)
    except PermissionDenied as fout:
        return _geweigerd(fout)
    except schulden.Veldfout as fout:
        return _ongeldig([{"name": fout.veld, "reason": fout.melding}])
    except OngeldigeInvoer as fout:
        return problem(400, _("Ongeldige invoer"), fout.melding)
    schuld = Schuld.objects.select_related("schuldeiser").get(pk=schuld.pk)
    return Status(201, _schuld(schuld))


# --- messages to creditors ------------------------------------------------------------------------

def _bericht(b: Bericht, vandaag: dt.date) -> dict:
    return {
        "id": b.pk, "schuld_id": b.schuld_id, "schuldeiser": b.schuld.schuldeiser.naam,
        "soort": _code(Berichtsoort, b.soort), "kanaal": b.kanaal, "verzonden_op": b.verzonden_op,
        "antwoord_uiterlijk": b.antwoord_uiterlijk, "te_laat": berichten.is_te_laat(b, vandaag),
        "herinnering_van": b.herinnering_van_id, "reactie": _code(Reactie, b.reactie), "reactie_op": b.reactie_op,
        "reactie_saldo": _euro(b.reactie_saldo), "reactie_toelichting": b.reactie_toelichting,
    }


@router.get(
    "/trajecten/{traject_id}/berichten",
    response={200: BerichtenLijst},
    summary="De berichten aan schuldeisers, met termijnen en reacties",
    openapi_extra={"responses": _FOUTEN},
)
@audit.persoonsgegevens
def berichten_lijst(request, traject_id: int = _TRAJECT_ID):
    toegang = _toegang(request, traject_id)
    if isinstance(toegang, HttpResponse):
        return toegang
    vandaag = timezone.localdate()
    lijst = list(Bericht.objects.filter(traject_id=traject_id).select_related("schuld__schuldeiser")
                 .order_by("verzonden_op", "id"))
    _lees_gedeeld(request, Bericht._meta.label, traject_id, "API berichten aan schuldeisers", len(lijst))
    rijen = [_bericht(b, vandaag) for b in lijst]
    return {"resultaten": rijen, "te_laat": sum(r["te_laat"] for r in rijen)}


REACTIE_VELDEN = ("reactie", "ontvangen_op", "saldo", "toelichting")
NIEUWE_REACTIE = {
    "type": "object",
    "required": ["reactie"],
    "additionalProperties": False,
    "properties": {
        "reactie": {"type": "string", "enum": list(Reactie.values)},
        "ontvangen_op": {"type": ["string", "null"], "format": "date",
                         "description": "JJJJ-MM-DD; niet in de toekomst en niet vóór het bericht. Zonder: vandaag."},
        "saldo": {"anyOf": [*_BEDRAG_SCHEMA["anyOf"], {"type": "null"}],
                  "description": "Alleen bij reactie 'saldo' (en dan verplicht): het saldo dat de schuldeiser opgeeft."},
        "toelichting": {"type": ["string", "null"], "maxLength": 500},
    },
}


@router.post(
    "/trajecten/{traject_id}/berichten/{bericht_id}/reactie",
    response={200: BerichtUit},
    summary="De reactie van de schuldeiser vastleggen",
    description="Een saldo wordt ook het bevestigde saldo van de schuld.",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": NIEUWE_REACTIE, "example": {"reactie": "saldo", "saldo": "1250.50"}}}},
        "responses": {400: {"description": "Ongeldige invoer"}, **_FOUTEN},
    },
)
@audit.persoonsgegevens
def reactie(request, traject_id: int = _TRAJECT_ID, bericht_id: int = _BERICHT_ID):
    data = lees_object(request)
    toegang = _toegang(request, traject_id)
    if isinstance(toegang, HttpResponse):
        return toegang
    bericht = Bericht.objects.filter(pk=bericht_id, traject_id=traject_id).only("id", "verzonden_op").first()
    if bericht is None:
        return _niet_gevonden(_("Dit traject heeft geen bericht met dit nummer."))
    fouten: list[dict] = []
    _onbekende_velden(data, REACTIE_VELDEN, fouten)
    soort = data.get("reactie")
    if soort not in Reactie.values:
        fouten.append({"name": "reactie", "reason": _("Kies een reactie: %(keuzes)s.") % {"keuzes": ", ".join(Reactie.values)}})
    ontvangen_op = _datum(data.get("ontvangen_op"), "ontvangen_op", fouten)
    if ontvangen_op is not None and ontvangen_op < bericht.verzonden_op:
        fouten.append({"name": "ontvangen_op", "reason": _("De reactie kan niet eerder zijn dan het bericht (%(datum)s).")
                       % {"datum": bericht.verzonden_op.isoformat()}})
    saldo = None
    if data.get("saldo") is not None and soort != Reactie.SALDO:
        fouten.append({"name": "saldo", "reason": _("Een saldo hoort alleen bij de reactie 'saldo'. Laat het weg.")})
    elif soort == Reactie.SALDO:
        waarde = _bedrag_waarde(data.get("saldo"), "saldo", fouten) if data.get("saldo") is not None else None
        if waarde is None and not any(f["name"] == "saldo" for f in fouten):
            fouten.append({"name": "saldo", "reason": _("Vul het saldo in dat de schuldeiser opgeeft: meer dan 0 euro.")})
        elif waarde is not None:
            try:
                saldo = schulden.controleer_bedrag(waarde, veld="saldo", naam=_("Het saldo"))
            except schulden.Veldfout as fout:
                fouten.append({"name": "saldo", "reason": fout.melding})
    toelichting = _tekst(data, "toelichting", fouten)
    if len(toelichting) > 500:
        fouten.append({"name": "toelichting", "reason": _("Deze tekst is te lang: hoogstens 500 tekens.")})
    elif ongeldige_tekens(toelichting) or any(unicodedata.category(t) == "Cc" for t in toelichting if t not in "\n\t"):
        fouten.append({"name": "toelichting", "reason": _("Deze tekst bevat tekens die we niet kunnen verwerken, zoals stuurtekens.")})
    if fouten:
        return _ongeldig(fouten)
    try:
        berichten.reactie_vastleggen(bericht_id, soort, door=request.auth, ontvangen_op=ontvangen_op, saldo=saldo,
                                     toelichting=toelichting.strip())
    except PermissionDenied as fout:
        return _geweigerd(fout)
    except OngeldigeInvoer as fout:
        return problem(400, _("Ongeldige invoer"), fout.melding)
    bijgewerkt = Bericht.objects.select_related("schuld__schuldeiser").get(pk=bericht_id)
    return _bericht(bijgewerkt, timezone.localdate())
