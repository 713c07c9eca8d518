"""Every URL pattern of the project, for the tests that must cover them all (login, audit).

New screens are found automatically, so the security tests keep up as apps add URLs.
"""

import re
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# A harmless sample value per path converter: enough to reach the view (or its login check).
SAMPLES = {
    "int": "1",
    "str": "voorbeeld",
    "slug": "voorbeeld",
    "path": "voorbeeld",
    "uuid": "00000000-0000-4000-8000-000000000001",
}
ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
REGEX_GROUP = re.compile(r"\(\?P<[^>]+>[^)]*\)")


@dataclass(frozen=True)
class Route:
    route: str  # e.g. "personen/<int:inwoner_id>/"
    name: str  # "namespace:name", or the route itself for an unnamed pattern
    callback: object

    def sample_path(self) -> str:
        """The route with a sample value for each parameter, as an absolute path."""
        path = ROUTE_PARAM.sub(lambda m: SAMPLES.get(m["converter"] or "str", "1"), self.route)
        return "/" + path


def _regex_as_route(regex: str) -> str:
    route = REGEX_GROUP.sub("1", regex.lstrip("^").rstrip("$").replace("\\Z", ""))
    if any(ch in route for ch in "()[]*+?\\"):
        raise ValueError(f"Kan geen voorbeeld-URL maken van het patroon {regex!r}; gebruik path().")
    return route


def _walk(patterns, prefix: str, namespace: str | None):
    for pattern in patterns:
        part = str(pattern.pattern)
        if not isinstance(pattern.pattern, RoutePattern):
            part = _regex_as_route(part)
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace) if n) or None
            yield from _walk(pattern.url_patterns, prefix + part, inner)
        else:
            route = prefix + part
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or route)
            yield Route(route=route, name=name, callback=pattern.callback)


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, "", None))


def shows_personal_data(view) -> bool:
    """True when the view (function or class-based) is marked with ``@audit.persoonsgegevens``."""
    return bool(
        getattr(view, "toont_persoonsgegevens", False)
        or getattr(getattr(view, "view_class", None), "toont_persoonsgegevens", False)
    )


def ninja_operations(route: Route) -> list[tuple[str, object]]:
    """(HTTP method, view function) of each django-ninja operation behind this URL; empty for
    an ordinary Django view. Ninja wraps the operations of one path in a closure over its PathView."""
    operations = []
    for cell in getattr(route.callback, "__closure__", None) or ():
        path_view = cell.cell_contents
        for operation in getattr(path_view, "operations", ()):
            operations += [(method, operation.view_func) for method in operation.methods]
    return operations


@dataclass(frozen=True)
class Endpoint:
    key: str  # URL name, or "METHOD /path" for an API operation
    view: object


def all_endpoints() -> list[Endpoint]:
    """Every screen (by URL name) and every API operation (by method and path), once each."""
    seen: dict[str, Endpoint] = {}
    for route in all_routes():
        operations = ninja_operations(route)
        if operations:
            for method, view in operations:
                key = f"{method} /{route.route}"
                seen.setdefault(key, Endpoint(key, view))
        else:
            seen.setdefault(route.name, Endpoint(route.name, route.callback))
    return list(seen.values())
