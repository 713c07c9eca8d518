"""What the municipality configures for the zelfcheck: its own schemes (minimaregelingen) and the
places where residents get help. No table here holds anything a resident answered."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Leeftijdvoor(models.TextChoices):
    """Whose age a scheme's age limits are about."""

    AANVRAGER = "aanvrager", _("De inwoner zelf")
    KIND = "kind", _("Een kind in het huishouden")


class LokaleRegeling(models.Model):
    """A minimaregeling of the municipality: income limit as a percentage of the bijstandsnorm
    that applies to the household (that is how municipalities write them down)."""

    naam = models.CharField(_("naam"), max_length=120)
    omschrijving = models.TextField(_("wat het is"), max_length=1000,
                                    help_text=_("In gewone taal: wat krijgt de inwoner?"))
    inkomensgrens_procent = models.PositiveSmallIntegerField(
        _("inkomensgrens (% van de bijstandsnorm)"), default=120,
        validators=[MinValueValidator(1), MaxValueValidator(300)],
        help_text=_("Bijvoorbeeld 120: het netto inkomen mag niet hoger zijn dan 120% van de bijstandsnorm."),
    )
    vermogensgrens = models.DecimalField(
        _("vermogensgrens (euro)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))], help_text=_("Leeg: geen grens."),
    )
    leeftijd_voor = models.CharField(_("leeftijd geldt voor"), max_length=10, choices=Leeftijdvoor.choices,
                                     default=Leeftijdvoor.AANVRAGER)
    leeftijd_vanaf = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True,
                                                      validators=[MaxValueValidator(120)])
    leeftijd_tot = models.PositiveSmallIntegerField(
        _("tot leeftijd"), null=True, blank=True, validators=[MaxValueValidator(120)],
        help_text=_("Tot, dus niet tot en met: 18 betekent jonger dan 18."),
    )
    aanvragen = models.TextField(_("waar en hoe aanvragen"), max_length=1000)
    link = models.URLField(_("link naar de aanvraag"), blank=True)
    actief = models.BooleanField(_("tonen in de zelfcheck"), default=True)

    class Meta:
        verbose_name = _("lokale regeling")
        verbose_name_plural = _("lokale regelingen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Hulpsoort(models.TextChoices):
    SOCIAAL_RAADSLIEDEN = "sociaal_raadslieden", _("Sociaal raadslieden")
    INLOOPPUNT = "inlooppunt", _("Inlooppunt")
    FORMULIERENBRIGADE = "formulierenbrigade", _("Formulierenbrigade")
    SCHULDHULP = "schuldhulp", _("Schuldhulp")


class Hulppunt(models.Model):
    """A place where residents can walk in or call, per wijk (no wijk: for the whole municipality)."""

    soort = models.CharField(_("soort"), max_length=24, choices=Hulpsoort.choices)
    naam = models.CharField(_("naam"), max_length=120)
    wijk = models.ForeignKey("gebieden.Wijk", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="+", verbose_name=_("wijk"),
                             help_text=_("Leeg: voor de hele gemeente."))
    adres = models.CharField(_("adres"), max_length=200)
    openingstijden = models.CharField(_("openingstijden"), max_length=300)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    actief = models.BooleanField(_("tonen in de zelfcheck"), default=True)

    class Meta:
        verbose_name = _("hulppunt")
        verbose_name_plural = _("hulppunten")
        ordering = ["soort", "naam"]

    def __str__(self):
        return self.naam
