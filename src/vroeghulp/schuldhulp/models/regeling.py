"""The settlement proposal to the creditors (schuldregeling, saneringskrediet or nul-aanbod),
as computed by ``schuldhulp.aanbod`` and sent, one line per debt with the creditor's answer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Voorstelsoort", "Voorstelstatus", "Voorstel", "Voorstelregel"]


class Voorstelsoort(models.TextChoices):
    SCHULDREGELING = "schuldregeling", _("Schuldregeling (18 maanden aflossen)")
    SANERINGSKREDIET = "saneringskrediet", _("Saneringskrediet (één bedrag, finale kwijting)")
    NUL_AANBOD = "nul_aanbod", _("Nul-aanbod (geen afloscapaciteit)")


class Voorstelstatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VERZONDEN = "verzonden", _("Verzonden")
    AANGENOMEN = "aangenomen", _("Alle schuldeisers akkoord")
    AFGEWEZEN = "afgewezen", _("Niet alle schuldeisers akkoord")
    VERVALLEN = "vervallen", _("Vervangen door een nieuw voorstel")


class Voorstel(models.Model):
    traject = models.ForeignKey("schuldhulp.Traject", on_delete=models.CASCADE, related_name="voorstellen")
    soort = models.CharField(_("soort"), max_length=20, choices=Voorstelsoort.choices)
    status = models.CharField(_("status"), max_length=12, choices=Voorstelstatus.choices,
                              default=Voorstelstatus.CONCEPT)
    afloscapaciteit_per_maand = models.DecimalField(_("afloscapaciteit per maand"), max_digits=10, decimal_places=2)
    looptijd_maanden = models.PositiveSmallIntegerField(_("looptijd in maanden"), default=18)
    pool = models.DecimalField(_("totaal beschikbaar"), max_digits=12, decimal_places=2)
    totaal_schulden = models.DecimalField(_("totaal schulden"), max_digits=12, decimal_places=2)
    percentage_concurrent = models.DecimalField(_("percentage concurrent"), max_digits=5, decimal_places=2)
    percentage_preferent = models.DecimalField(_("percentage preferent"), max_digits=5, decimal_places=2)
    berekening = models.ForeignKey("schuldhulp.Berekening", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    verzonden_op = models.DateField(_("verzonden op"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("voorstel aan schuldeisers")
        verbose_name_plural = _("voorstellen aan schuldeisers")
        ordering = ["-aangemaakt", "-id"]


class Voorstelregel(models.Model):
    voorstel = models.ForeignKey(Voorstel, on_delete=models.CASCADE, related_name="regels")
    schuld = models.ForeignKey("schuldhulp.Schuld", on_delete=models.CASCADE, related_name="voorstelregels")
    schuldbedrag = models.DecimalField(_("schuld"), max_digits=12, decimal_places=2)
    bedrag = models.DecimalField(_("aangeboden bedrag"), max_digits=12, decimal_places=2)
    percentage = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2)
    preferent = models.BooleanField(_("preferent"), default=False)
    # the betalingsvoorstel message of this line; its reaction is the creditor's answer
    bericht = models.ForeignKey("schuldhulp.Bericht", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")

    class Meta:
        verbose_name = _("regel van een voorstel")
        verbose_name_plural = _("regels van een voorstel")
        ordering = ["id"]
