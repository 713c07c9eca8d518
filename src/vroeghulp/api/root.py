"""The versioned API (/api/v1/): one NinjaAPI, routers from each app, errors as problem+json.

Every answer that is not a success is ``application/problem+json`` in Dutch: invalid input (400),
no or a wrong token (401, with ``WWW-Authenticate``), a refused session (403), a method the path
does not have (405, with ``Allow``), a body that is not JSON (415), and any error of our own (500,
without Python's text). The OpenAPI document says so for every operation (``openapi_fouten``).
"""

import functools
import logging

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from vroeghulp.api.auth import SessieGeweigerd
from vroeghulp.api.inhoud import OngeldigeInhoud
from vroeghulp.api.meldingen import dutch_reason
from vroeghulp.api.openapi_fouten import met_problem_json
from vroeghulp.api.problem import problem

logger = logging.getLogger(__name__)

WWW_AUTHENTICATE = 'Bearer realm="vroeghulp"'


class VroeghulpAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        return met_problem_json(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))

    def _get_bound_routers(self):
        bound = super()._get_bound_routers()
        # ninja answers a method the path lacks with a plain-text 405; ours is problem+json with Allow
        for router in bound:
            for path_view in router.path_operations.values():
                path_view._not_allowed = functools.partial(_not_allowed, path_view)
        return bound


api = VroeghulpAPI(
    title="Vroeghulp API",
    version="1.0.0",
    description=(
        "Vroegsignalen aanleveren, status terugkoppelen en berekeningen (regels als code). "
        "Elke fout is application/problem+json (RFC 9457) met een Nederlandse uitleg."
    ),
    urls_namespace="api-v1",
    # Interactive documentation only outside production; it loads Swagger UI from our own static
    # files (ninja's copy), so it works under our Content-Security-Policy.
    docs_url=None if settings.PRODUCTIE else "/docs",
)


def _field_name(loc) -> str:
    parts = [p for p in loc if p not in ("body", "payload", "query", "path")]
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    params = [{"name": _field_name(e.get("loc", ())), "reason": dutch_reason(e)} for e in exc.errors]
    return problem(400, _("Ongeldige invoer"), _("Een of meer velden zijn niet goed."), invalid_params=params)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return problem(
        401, _("Niet geautoriseerd"), _("Geef een geldige token mee: Authorization: Bearer <token>."),
        headers={"WWW-Authenticate": WWW_AUTHENTICATE},
    )


@api.exception_handler(SessieGeweigerd)
def on_session_refused(request, exc):
    if exc.code == "tweestaps":
        return problem(403, _("Tweestapsverificatie nodig"), _(
            "Rond eerst de tweestapsverificatie af. Log daarna opnieuw in op de website."
        ), code="tweestaps")
    return problem(403, _("Formulier verlopen"), _(
        "De beveiligingscode (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw, of gebruik een token."
    ), code="csrf")


@api.exception_handler(OngeldigeInhoud)
def on_invalid_body(request, exc):
    return problem(exc.status, exc.titel, exc.detail, code=exc.code)


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    # Our own operations raise no HttpError; ninja's texts are English, so say it in Dutch.
    if exc.status_code == 400:
        return problem(400, _("Ongeldig verzoek"), _("Dit verzoek kunnen we niet lezen."))
    return problem(exc.status_code, _("Verzoek geweigerd"), _("Dit verzoek kunnen we niet uitvoeren."))


@api.exception_handler(Exception)
def on_unexpected_error(request, exc):
    # Never Python's text to the client; the traceback goes to the log (BSNs are masked there).
    logger.exception("Onverwachte fout in %s %s", request.method, request.path)
    return problem(500, _("Er ging iets mis"), _("Er ging iets mis aan onze kant. Probeer het later opnieuw."))


def _not_allowed(path_view):
    allowed = sorted({m for op in path_view.operations for m in op.methods})
    return problem(
        405, _("Methode niet toegestaan"),
        _("Dit adres kent de methode niet. Toegestaan: %(methoden)s.") % {"methoden": ", ".join(allowed)},
        headers={"Allow": ", ".join(allowed)},
    )


def register_routers():
    """Each app contributes its router here; imported lazily to keep app loading simple."""
    from importlib import import_module

    for module_name, prefix in ROUTERS:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        api.add_router(prefix, module.router)


ROUTERS = [
    ("vroeghulp.api.berekeningen", "/berekeningen"),
    ("vroeghulp.signalering.api", "/signalen"),
    ("vroeghulp.schuldhulp.api", "/schuldhulp"),
    ("vroeghulp.schuldhulp.api_trajecten", "/schuldhulp"),  # staff: trajecten, debts, messages
]
register_routers()
