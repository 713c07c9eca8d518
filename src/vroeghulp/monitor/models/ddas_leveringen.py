"""The log of the DDAS deliveries to CBS: per complete delivery its soort, period, counts per
object type, when, and through which channel and client. Counts only: no person, no id of a
signal, case or traject, and no staff name (the CLI is "opdrachtregel", the API the client's
name, e.g. "CBS"). The beheerder's preview compares a new delivery with the last one of the
same soort and period (``monitor.ddas.voorbeeld``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Ddassoort(models.TextChoices):
    VROEGSIGNALERING = "vroegsignalering", _("Vroegsignalering")
    SCHULDHULPVERLENING = "schuldhulpverlening", _("Schuldhulpverlening")


class Kanaal(models.TextChoices):
    API = "api", _("API (het CBS haalt op)")
    OPDRACHTREGEL = "opdrachtregel", _("Opdrachtregel (bestand)")


class Ddaslevering(models.Model):
    soort = models.CharField(_("soort"), max_length=24, choices=Ddassoort.choices)
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    aantallen = models.JSONField(_("aantallen per objecttype"), default=dict)
    geleverd = models.DateTimeField(_("geleverd"), default=timezone.now)
    kanaal = models.CharField(_("kanaal"), max_length=16, choices=Kanaal.choices)
    door = models.CharField(_("door"), max_length=120, blank=True,
                            help_text=_("De API-client (bijvoorbeeld CBS) of 'opdrachtregel'; nooit een persoon."))

    class Meta:
        verbose_name = _("DDAS-levering")
        verbose_name_plural = _("DDAS-leveringen")
        ordering = ["-geleverd", "-id"]
        indexes = [models.Index(fields=["soort", "van", "tot", "-geleverd"], name="monitor_ddas_periode")]

    def __str__(self):
        return f"{self.soort} {self.van:%Y-%m-%d}..{self.tot:%Y-%m-%d}"
