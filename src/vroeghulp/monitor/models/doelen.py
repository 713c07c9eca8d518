"""The municipality's CBS figures for the national goals, entered on a screen or imported from a
StatLine CSV (``monitor.statline``). Figures of the municipality as a whole: no person."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CbsOnderwerp(models.TextChoices):
    """What a figure counts. Names as CBS publishes them ("Schuldenproblematiek in beeld")."""

    PROBLEMATISCHE_SCHULDEN = "problematische_schulden", _("Huishoudens met problematische schulden")
    HUISHOUDENS = "huishoudens", _("Particuliere huishoudens")


class CbsCijfer(models.Model):
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    onderwerp = models.CharField(_("onderwerp"), max_length=30, choices=CbsOnderwerp.choices)
    waarde = models.PositiveIntegerField(_("aantal"))
    bron = models.CharField(_("bron"), max_length=200, blank=True,
                            help_text=_("Bijvoorbeeld de StatLine-tabel of 'ingevoerd'."))
    ingevoerd_door = models.CharField(_("ingevoerd door"), max_length=150, blank=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("CBS-cijfer")
        verbose_name_plural = _("CBS-cijfers")
        ordering = ["onderwerp", "jaar"]
        constraints = [models.UniqueConstraint(fields=["jaar", "onderwerp"], name="monitor_cbs_uniek")]

    def __str__(self):
        return f"{self.jaar} {self.onderwerp}: {self.waarde}"
