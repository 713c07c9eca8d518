"""Audit coverage: every screen and API operation is either marked as showing personal data
(``@audit.persoonsgegevens``) and proven to write an audit event, or listed with the reason it
shows none.

Each app keeps its own entries in ``vroeghulp/<app>/tests/audit_dekking.py``:

    from vroeghulp.audit.tests.dekking import Aanroep

    def _zaak(request):                      # request: pytest's FixtureRequest
        zaak = request.getfixturevalue("zaak_overvecht")
        return Aanroep(f"/zaken/{zaak.pk}/", gebruiker=request.getfixturevalue("consulent"))

    PERSOONSGEGEVENS = {"zaken:detail": _zaak}            # URL name -> builds the call
    ZONDER_PERSOONSGEGEVENS = {"zaken:hulp": "Uitlegpagina zonder gegevens van inwoners."}

API operations are keyed by method and route, e.g. ``"POST /api/v1/signalen"``; the failing
test prints the exact key.
"""

from dataclasses import dataclass, field
from importlib import import_module
from typing import Callable

from django.apps import apps


@dataclass
class Aanroep:
    """One request that must show personal data and so write an audit event."""

    pad: str
    gebruiker: object = None  # logged in with force_login (None: anonymous or API token)
    methode: str = "get"
    data: object = None
    content_type: str | None = None
    headers: dict = field(default_factory=dict)  # e.g. {"Authorization": "Bearer ..."}

    def uitvoeren(self, client):
        if self.gebruiker is not None:
            client.force_login(self.gebruiker)
        kwargs = {"headers": self.headers}
        if self.content_type:
            kwargs["content_type"] = self.content_type
        return getattr(client, self.methode.lower())(self.pad, self.data, **kwargs)


def registries() -> tuple[dict[str, Callable], dict[str, str]]:
    """Merge the ``audit_dekking`` modules of all Vroeghulp apps; a key may appear only once."""
    shows, shows_none = {}, {}
    for config in apps.get_app_configs():
        if not config.name.startswith("vroeghulp."):
            continue
        try:
            module = import_module(f"{config.name}.tests.audit_dekking")
        except ModuleNotFoundError as error:
            if not (error.name or "").startswith(config.name):
                raise
            continue
        for target, source in (
            (shows, getattr(module, "PERSOONSGEGEVENS", {})),
            (shows_none, getattr(module, "ZONDER_PERSOONSGEGEVENS", {})),
        ):
            double = (set(shows) | set(shows_none)) & set(source)
            if double:
                raise AssertionError(f"{module.__name__}: dubbel geregistreerd: {sorted(double)}")
            target.update(source)
    return shows, shows_none


def problemen(endpoints, shows: dict, shows_none: dict) -> list[str]:
    """Every endpoint must be marked and registered, or listed as showing no personal data."""
    from vroeghulp.common.urlwalk import shows_personal_data

    found = []
    for endpoint in endpoints:
        marked = shows_personal_data(endpoint.view)
        if marked and endpoint.key in shows_none:
            found.append(f"{endpoint.key!r} is gemarkeerd maar staat ook in ZONDER_PERSOONSGEGEVENS")
        elif marked and endpoint.key not in shows:
            found.append(f"{endpoint.key!r} toont persoonsgegevens maar staat niet in PERSOONSGEGEVENS")
        elif not marked and endpoint.key in shows:
            found.append(f"{endpoint.key!r} staat in PERSOONSGEGEVENS maar mist @audit.persoonsgegevens")
        elif not marked and endpoint.key not in shows_none:
            found.append(
                f"{endpoint.key!r} is niet ingedeeld: markeer de view met @audit.persoonsgegevens en "
                "registreer een Aanroep in PERSOONSGEGEVENS, of zet hem met een reden in "
                "ZONDER_PERSOONSGEGEVENS (tests/audit_dekking.py van uw app)"
            )
    known = {e.key for e in endpoints}
    found += [f"{key!r} staat in een register maar bestaat niet (meer)" for key in sorted((set(shows) | set(shows_none)) - known)]
    return found
