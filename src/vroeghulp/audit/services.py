"""One place that writes audit events. Never pass a BSN: use ids."""

from vroeghulp.audit.models import Actie, AuditEvent


def log(
    *, actor, actie: str, object_type: str, object_id="", persoon_id=None, doel: str,
    toelichting: str = "", aantal: int = 1,
) -> AuditEvent:
    """Record who did what to which personal data and why.

    ``actor`` is a user, an ApiClient, or None for the system (commands, scheduled jobs).
    """
    gebruiker = gebruikersnaam = api_client = None
    if actor is not None and getattr(actor, "is_authenticated", False):
        gebruiker, gebruikersnaam = actor, actor.get_username()
    elif actor is not None:
        api_client = str(actor)
    return AuditEvent.objects.create(
        gebruiker=gebruiker,
        gebruikersnaam=gebruikersnaam or "",
        api_client=api_client or ("" if gebruiker else "systeem"),
        actie=actie,
        object_type=object_type,
        object_id=str(object_id or ""),
        persoon_id=persoon_id,
        doel=doel,
        toelichting=toelichting[:250],
        aantal=aantal,
    )


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
