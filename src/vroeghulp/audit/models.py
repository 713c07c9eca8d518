"""Append-only audit trail of every read and write of personal data.

Rows can be added, never changed or removed: the model refuses save-on-existing and delete, the
queryset refuses update and delete, and a database trigger (migration 0002) refuses both on
SQLite and PostgreSQL, so not even a raw query through the app can rewrite history.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditImmutableError(Exception):
    pass


class Actie(models.TextChoices):
    LEZEN = "lezen", _("Gelezen")
    AANMAKEN = "aanmaken", _("Aangemaakt")
    WIJZIGEN = "wijzigen", _("Gewijzigd")
    VERWIJDEREN = "verwijderen", _("Verwijderd")
    EXPORTEREN = "exporteren", _("Geëxporteerd")
    GEWEIGERD = "geweigerd", _("Toegang geweigerd")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditImmutableError("Het audittrail kan niet worden gewijzigd.")

    def delete(self):
        raise AuditImmutableError("Het audittrail kan niet worden verwijderd.")


class AuditEvent(models.Model):
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False,
        null=True, blank=True, related_name="+", verbose_name=_("gebruiker"),
    )
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    api_client = models.CharField(_("API-client"), max_length=120, blank=True)
    actie = models.CharField(_("actie"), max_length=12, choices=Actie.choices)
    object_type = models.CharField(_("soort object"), max_length=60)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    persoon_id = models.BigIntegerField(_("persoon"), null=True, blank=True, db_index=True)
    doel = models.CharField(_("doel"), max_length=120)
    toelichting = models.CharField(_("toelichting"), max_length=250, blank=True)
    aantal = models.PositiveIntegerField(_("aantal records"), default=1)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("audittrail")
        ordering = ["-tijdstip", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditImmutableError("Het audittrail kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditImmutableError("Het audittrail kan niet worden verwijderd.")
