"""The versioned API (/api/v1/): one NinjaAPI, routers from each app, errors as problem+json."""

from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from vroeghulp.api.meldingen import dutch_reason
from vroeghulp.api.problem import problem

api = NinjaAPI(
    title="Vroeghulp API",
    version="1.0.0",
    description="Vroegsignalen aanleveren, status terugkoppelen en berekeningen (regels als code).",
    urls_namespace="api-v1",
    docs_url="/docs",
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
    return problem(401, _("Niet geautoriseerd"), _("Geef een geldige token mee: Authorization: Bearer <token>."))


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return problem(exc.status_code, str(exc))


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
]
register_routers()
