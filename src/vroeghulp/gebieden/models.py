"""Gemeente, wijken and buurten with their CBS codes (Wijk- en Buurtkaart)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gemeente(models.Model):
    code = models.CharField(
        _("gemeentecode"), max_length=4, unique=True,
        validators=[RegexValidator(r"^\d{4}$", _("Een gemeentecode heeft 4 cijfers."))],
    )
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.naam

    @property
    def cbs_code(self) -> str:
        return f"GM{self.code}"


class Wijk(models.Model):
    code = models.CharField(
        _("CBS-wijkcode"), max_length=8, unique=True,
        validators=[RegexValidator(r"^WK\d{6}$", _("Een wijkcode is WK gevolgd door 6 cijfers."))],
    )
    naam = models.CharField(_("naam"), max_length=100)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="wijken")
    focusgebied = models.BooleanField(
        _("focusgebied NPLV"), default=False,
        help_text=_("Een van de 20 focusgebieden van het Nationaal Programma Leefbaarheid en Veiligheid."),
    )

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["code"]

    def __str__(self):
        return self.naam


class Buurt(models.Model):
    code = models.CharField(
        _("CBS-buurtcode"), max_length=10, unique=True,
        validators=[RegexValidator(r"^BU\d{8}$", _("Een buurtcode is BU gevolgd door 8 cijfers."))],
    )
    naam = models.CharField(_("naam"), max_length=100)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="buurten")

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["code"]

    def __str__(self):
        return self.naam


class Postcode(models.Model):
    """A six-position postcode (1234AB) of the municipality and the buurt it lies in."""

    postcode = models.CharField(_("postcode"), max_length=6, primary_key=True)
    buurt = models.ForeignKey(Buurt, on_delete=models.CASCADE, related_name="postcodes")

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
