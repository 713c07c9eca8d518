"""``POST /ddas/vroegsignalering/v1/gegevens`` and ``POST /ddas/schuldhulpverlening/v1/gegevens``:
the operation ``postGegevens`` of the official YAMLs (``standaard/*/DDAS-*.yaml``), which are
their contract (not part of docs/openapi.json).

- request body ``GegevensRequest``: ``aanleverperiodeStartdatum``, ``aanleverperiodeEinddatum``
  (dates; required here: without a period there is no delivery), ``aanleverende_organisatie``
  (optional; must be ours), ``page`` and ``pageSize`` (integers >= 1), nothing else
  (``additionalProperties: false``);
- answer 200 ``{"gegevens": Uitwisselmodel, "paginering": Paginering}`` with the ``Digest`` and
  ``nlgov-adr-payload-sig`` headers (``ondertekening``); ``paginering`` is always there;
- 400/422 ``ProblemDetails`` in Dutch naming the field; 401/403/405 ``FscError`` with the
  ``Fsc-Error-Code`` header (401 also ``WWW-Authenticate: Bearer``).

Only the CBS client (an API client with the scope ``ddas``) is answered, with an access token of
``POST /ddas/oauth/token`` (``monitor.ddas.oauth``, OAuth2 client credentials as the YAMLs'
``securitySchemes`` say): no, an unknown or an expired token 401; another API token (a
partner's, or the CBS client's secret used as a bearer token) or a staff session 403.
"""

from __future__ import annotations

import json
import math
from datetime import date

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from vroeghulp.accounts import services as accounts
from vroeghulp.audit import services as audit
from vroeghulp.api.problem import PROBLEM_JSON, json_bytes
from vroeghulp.monitor.ddas import kop, levering, ondertekening, voorbeeld

STANDAARD_PAGINA = 25000  # the YAML's example
MAX_PAGINA = 100000
VELDEN = {"aanleverperiodeStartdatum", "aanleverperiodeEinddatum", "aanleverende_organisatie", "page", "pageSize"}


def _fsc(status: int, code: str, title: str, detail: str, **headers) -> HttpResponse:
    body = {"code": code, "domain": "ERROR_DOMAIN_INWAY", "title": title, "detail": detail, "status": status}
    return HttpResponse(json_bytes(body), status=status, content_type=PROBLEM_JSON,
                        headers={"Fsc-Error-Code": code, **headers})


def _probleem(status: int, title: str, fouten: list[tuple[str, str]], instance: str) -> HttpResponse:
    body = {"type": "about:blank", "title": title, "status": status,
            "detail": " ".join(f"{veld}: {reden}" for veld, reden in fouten), "instance": instance,
            "invalid_params": [{"name": veld, "reason": reden} for veld, reden in fouten]}
    return HttpResponse(json_bytes(body), status=status, content_type=PROBLEM_JSON)


def _cbs(request):
    """The CBS client, or the refusal (401/403) as an answer. The bearer token is an access token
    of ``POST /ddas/oauth/token`` (``accounts.oauth``); any other API token is known but not for
    this: 403."""
    kop_waarde = request.headers.get("Authorization", "")
    soort, _spatie, token = kop_waarde.partition(" ")
    token = token.strip()
    if not kop_waarde:
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            return None, _fsc(403, "ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN", "Geen toegang",
                              "Deze levering is alleen voor het CBS, niet voor medewerkers.")
        return None, _fsc(401, "ERROR_CODE_ACCESS_TOKEN_MISSING", "Geen toegangstoken",
                          "Stuur een toegangstoken mee in de header Authorization: Bearer <token>.",
                          **{"WWW-Authenticate": "Bearer"})
    bearer = soort.lower() == "bearer" and token
    client = accounts.client_van_toegangstoken(token) if bearer else None
    if client is not None and accounts.is_ddas_client(client):
        return client, None
    if client is None and (not bearer or accounts.client_van_token(token) is None):
        return None, _fsc(401, "ERROR_CODE_ACCESS_TOKEN_INVALID", "Ongeldig toegangstoken",
                          "Het toegangstoken is onbekend, verlopen, ingetrokken of van een client die niet actief is. "
                          "Vraag een nieuw aan bij POST /ddas/oauth/token.",
                          **{"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return None, _fsc(403, "ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN", "Geen toegang",
                      "Dit token mag de DDAS-levering niet ophalen: die is alleen voor het CBS, "
                      "met een toegangstoken van POST /ddas/oauth/token.")


def _datum(verzoek: dict, veld: str, fouten: list) -> date | None:
    if veld not in verzoek:
        fouten.append((veld, "ontbreekt; geef een datum als JJJJ-MM-DD."))
        return None
    waarde = verzoek[veld]
    try:
        if not isinstance(waarde, str) or len(waarde) != 10:
            raise ValueError
        return date.fromisoformat(waarde)
    except ValueError:
        fouten.append((veld, "is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-01-31."))
        return None


def _geheel(verzoek: dict, veld: str, standaard: int, maximum: int, fouten: list) -> int:
    waarde = verzoek.get(veld, standaard)
    if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 1:
        fouten.append((veld, "moet een geheel getal van 1 of meer zijn."))
        return standaard
    if waarde > maximum:
        fouten.append((veld, f"mag hoogstens {maximum} zijn."))
        return standaard
    return waarde


def _gegevens(request, soort: str) -> HttpResponse:
    if request.method != "POST":
        return _fsc(405, "ERROR_CODE_METHOD_UNSUPPORTED", "Methode niet toegestaan",
                    f"Gebruik POST, niet {request.method}.", Allow="POST")
    client, weigering = _cbs(request)
    if weigering is not None:
        return weigering
    pad = request.path
    try:
        verzoek = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _probleem(400, "Ongeldig verzoek", [("body", "is geen geldige JSON.")], pad)
    if not isinstance(verzoek, dict):
        return _probleem(400, "Ongeldig verzoek",
                         [("body", "moet een JSON-object zijn met aanleverperiodeStartdatum en aanleverperiodeEinddatum.")], pad)
    fouten: list[tuple[str, str]] = [(veld, "kennen we niet (alleen " + ", ".join(sorted(VELDEN)) + ").")
                                     for veld in sorted(set(verzoek) - VELDEN)]
    van = _datum(verzoek, "aanleverperiodeStartdatum", fouten)
    tot = _datum(verzoek, "aanleverperiodeEinddatum", fouten)
    pagina = _geheel(verzoek, "page", 1, 10**9, fouten)
    grootte = _geheel(verzoek, "pageSize", STANDAARD_PAGINA, MAX_PAGINA, fouten)
    organisatie = verzoek.get("aanleverende_organisatie")
    if organisatie is not None and not isinstance(organisatie, str):
        fouten.append(("aanleverende_organisatie", "moet tekst zijn."))
    if fouten:
        return _probleem(400, "Ongeldig verzoek", fouten, pad)
    if tot < van:
        return _probleem(422, "Verzoek niet te verwerken",
                         [("aanleverperiodeEinddatum", "ligt voor aanleverperiodeStartdatum.")], pad)
    if organisatie is not None and organisatie.strip().casefold() != kop.organisatie().naam.casefold():
        return _probleem(422, "Verzoek niet te verwerken",
                         [("aanleverende_organisatie", f"wij leveren alleen voor {kop.organisatie().naam}.")], pad)
    try:
        sleutel = ondertekening.sleutel()
    except ondertekening.GeenSleutel:
        # never an unsigned answer; the reason is for the log of the beheerder, not for CBS
        return HttpResponse(json_bytes({"type": "about:blank", "title": "Levering tijdelijk niet mogelijk",
                                        "status": 503, "detail": "De levering kan nu niet worden ondertekend."}),
                            status=503, content_type=PROBLEM_JSON)
    totaal = levering.totalen(soort, van, tot)
    records = sum(totaal.values())
    pagina_s = max(1, math.ceil(records / grootte))
    if pagina > pagina_s:
        return _probleem(422, "Verzoek niet te verwerken",
                         [("page", f"deze periode heeft {pagina_s} pagina('s) van {grootte}.")], pad)
    delen = ['{"gegevens":']
    levering.schrijf(delen.append, soort, van, tot, door=client, begin=(pagina - 1) * grootte, aantal=grootte,
                     totaal=totaal)
    delen.append(',"paginering":' + json.dumps({"pageSize": grootte, "currentPage": pagina,
                                                 "totalPages": pagina_s, "totalRecords": records}) + "}")
    body = "".join(delen).encode("utf-8")
    if pagina == pagina_s:  # the last page: CBS has the whole delivery (counts only, for the preview)
        voorbeeld.vastleggen(soort, van, tot, kanaal="api", door=client.naam)
    return HttpResponse(body, content_type="application/json", headers=ondertekening.onderteken(body, sleutel))


@csrf_exempt
@audit.persoonsgegevens  # BSNs and addresses; levering.schrijf logs one event per object type
def vroegsignalering(request):
    return _gegevens(request, levering.VROEGSIGNALERING)


@csrf_exempt
@audit.persoonsgegevens
def schuldhulpverlening(request):
    return _gegevens(request, levering.SCHULDHULPVERLENING)
