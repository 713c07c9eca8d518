"""Anonymous counts of schuldhulptrajecten that stay after the retention period removed them.

``schuldhulp.bewaartermijnen`` deletes a finished traject with everything of it five years
after the uitstroom (ADR 0003); before it deletes, it adds the traject here, so the numbers of
earlier years remain: per month of the uitstroom and wijk, how the resident came in, whether
there was a crisis and a stabilisation, the kind of solution, a doorverwijzing and the DDAS
reason of the uitstroom. No person, address, amount, date of a day or traject number. The same
house as ``signalering.AnoniemeTelling``; small cells are suppressed where they are shown.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["AnoniemeTrajecttelling"]


class AnoniemeTrajecttelling(models.Model):
    periode = models.DateField(_("maand van uitstroom"), help_text=_("Eerste dag van de maand."))
    wijk = models.ForeignKey("gebieden.Wijk", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("wijk"))
    aanmeldingswijze = models.CharField(_("aanmeldingswijze"), max_length=20)
    crisis = models.BooleanField(_("bedreigende situatie"), default=False)
    stabilisatie = models.BooleanField(_("stabilisatie gestart"), default=False)
    oplossingssoort = models.CharField(_("soort oplossing"), max_length=20, blank=True)
    doorverwijzing = models.CharField(_("doorverwezen naar"), max_length=20, blank=True)
    uitstroom_reden = models.CharField(_("reden uitstroom"), max_length=16, blank=True)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("anonieme telling van trajecten")
        verbose_name_plural = _("anonieme tellingen van trajecten")
        indexes = [models.Index(fields=["periode"], name="schuldhulp_telling_idx")]

    def __str__(self):
        return f"{self.periode:%Y-%m} {self.uitstroom_reden}: {self.aantal}"
