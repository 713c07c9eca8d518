"""One place that writes audit events. Never pass a BSN: use ids."""

import functools

from django.db import connection
from django.utils import timezone

from vroeghulp.audit.models import Actie, AuditEvent


def _velden(
    *, actor, actie: str, object_type: str, object_id="", persoon_id=None, doel: str,
    toelichting: str = "", aantal: int = 1,
) -> dict:
    gebruiker = gebruikersnaam = api_client = None
    if actor is not None and getattr(actor, "is_authenticated", False):
        gebruiker, gebruikersnaam = actor, actor.get_username()
    elif actor is not None:
        api_client = str(actor)
    return {
        "gebruiker": gebruiker,
        "gebruikersnaam": gebruikersnaam or "",
        "api_client": api_client or ("" if gebruiker else "systeem"),
        "actie": actie,
        "object_type": object_type,
        "object_id": str(object_id or ""),
        "persoon_id": persoon_id,
        "doel": doel,
        "toelichting": toelichting[:250],
        "aantal": aantal,
    }


def log(
    *, actor, actie: str, object_type: str, object_id="", persoon_id=None, doel: str,
    toelichting: str = "", aantal: int = 1,
) -> AuditEvent:
    """Record who did what to which personal data and why.

    ``actor`` is a user, an ApiClient, or None for the system (commands, scheduled jobs).
    """
    return AuditEvent.objects.create(**_velden(
        actor=actor, actie=actie, object_type=object_type, object_id=object_id, persoon_id=persoon_id,
        doel=doel, toelichting=toelichting, aantal=aantal,
    ))


_KOLOMMEN = (
    "tijdstip", "gebruiker", "gebruikersnaam", "api_client", "actie", "object_type", "object_id",
    "persoon_id", "doel", "toelichting", "aantal",
)


@functools.cache
def _insert_sql(vendor: str) -> str:
    kolommen = ", ".join(connection.ops.quote_name(AuditEvent._meta.get_field(naam).column) for naam in _KOLOMMEN)
    plaatsen = ", ".join(["%s"] * len(_KOLOMMEN))
    return f"INSERT INTO {connection.ops.quote_name(AuditEvent._meta.db_table)} ({kolommen}) VALUES ({plaatsen})"


def log_rij(
    *, actor, actie: str, object_type: str, object_id="", persoon_id=None, doel: str,
    toelichting: str = "", aantal: int = 1,
) -> None:
    """The same event as ``log``, written with one parameterised INSERT instead of a model save.

    For the hot paths: every partner status call writes one, and the ORM's INSERT cost a fifth of
    such a request (issue 10 load test). It can only append, like ``log``; the table's triggers
    refuse any change anyway.
    """
    velden = _velden(
        actor=actor, actie=actie, object_type=object_type, object_id=object_id, persoon_id=persoon_id,
        doel=doel, toelichting=toelichting, aantal=aantal,
    )
    gebruiker = velden["gebruiker"]
    velden["gebruiker"] = gebruiker.pk if gebruiker is not None else None
    velden["tijdstip"] = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(connection.vendor), [velden[naam] for naam in _KOLOMMEN])


def log_read(actor, obj, *, doel: str, persoon_id=None, toelichting: str = "") -> AuditEvent:
    return log(
        actor=actor, actie=Actie.LEZEN, object_type=obj._meta.label, object_id=obj.pk,
        persoon_id=persoon_id, doel=doel, toelichting=toelichting,
    )


def log_denied(actor, obj, *, doel: str, persoon_id=None) -> AuditEvent:
    return log(
        actor=actor, actie=Actie.GEWEIGERD, object_type=obj._meta.label, object_id=obj.pk,
        persoon_id=persoon_id, doel=doel, toelichting="Geen toegang tot deze wijk",
    )


def persoonsgegevens(view):
    """Marks a view that shows personal data. The audit-coverage test enumerates every URL and
    checks each marked view writes an event; unmarked views must be listed as showing none."""
    view.toont_persoonsgegevens = True
    return view
