"""Anonymous counts that stay after the retention period has removed signals and cases.

``vroeghulp bewaartermijnen`` deletes the personal data of signals and cases that did not lead
to help; before it deletes, it adds their numbers here, so the monitor keeps its trend lines
(signals per month, partner type, wijk and outcome). No person, address, amount or case id is
stored. Small cells (e.g. 1 signal in a wijk in a month) are suppressed by the monitor when it
shows them, as with every aggregate.

The model lives in this module (owned by the matching/retention work) and is loaded by
``SignaleringConfig.ready``; its table comes from migration ``0003_anonieme_tellingen``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    SIGNAAL = "signaal", _("Signaal")
    ZAAK = "zaak", _("Vroegsignaalzaak")


class AnoniemeTelling(models.Model):
    periode = models.DateField(_("maand"), help_text=_("Eerste dag van de maand."))
    soort = models.CharField(_("soort"), max_length=8, choices=Soort.choices)
    partnertype = models.CharField(_("soort signaalpartner"), max_length=24, blank=True)
    wijk = models.ForeignKey(
        "gebieden.Wijk", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("wijk"),
    )
    matchsoort = models.CharField(_("soort zaak"), max_length=14, blank=True)
    uitkomst = models.CharField(
        _("uitkomst"), max_length=80, blank=True,
        help_text=_("Signaalstatus bij een signaal, eindresultaat bij een zaak."),
    )
    crisis = models.BooleanField(_("crisis"), default=False)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        app_label = "signalering"
        verbose_name = _("anonieme telling")
        verbose_name_plural = _("anonieme tellingen")
        indexes = [models.Index(fields=["periode", "soort"], name="signalering_telling_idx")]

    def __str__(self):
        return f"{self.periode:%Y-%m} {self.soort} {self.uitkomst}: {self.aantal}"
