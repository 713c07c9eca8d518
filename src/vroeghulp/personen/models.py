"""Inwoners, their address and household: the local mirror of what the BRP says.

A person is identified by BSN internally; URLs and logs use the internal id only.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from vroeghulp.gebieden.models import Buurt
from vroeghulp.personen import namen


class Adres(models.Model):
    postcode = models.CharField(_("postcode"), max_length=6, db_index=True)
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    huisletter = models.CharField(_("huisletter"), max_length=1, blank=True)
    toevoeging = models.CharField(_("huisnummertoevoeging"), max_length=4, blank=True)
    straatnaam = models.CharField(_("straatnaam"), max_length=80)
    plaatsnaam = models.CharField(_("plaatsnaam"), max_length=80)
    buurt = models.ForeignKey(Buurt, on_delete=models.PROTECT, related_name="adressen")

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")
        constraints = [
            models.UniqueConstraint(
                fields=["postcode", "huisnummer", "huisletter", "toevoeging"], name="uniek_adres"
            )
        ]

    def __str__(self):
        nummer = f"{self.huisnummer}{self.huisletter}"
        if self.toevoeging:
            nummer += f"-{self.toevoeging}"
        return f"{self.straatnaam} {nummer}, {self.postcode[:4]} {self.postcode[4:]} {self.plaatsnaam}"

    @property
    def wijk(self):
        return self.buurt.wijk


class Huishouden(models.Model):
    adres = models.ForeignKey(Adres, on_delete=models.PROTECT, related_name="huishoudens")

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")


class Geslacht(models.TextChoices):
    MAN = "Man", _("Man")
    VROUW = "Vrouw", _("Vrouw")
    ONBEKEND = "Onbekend", _("Onbekend")


class Rol(models.TextChoices):
    AANVRAGER = "aanvrager", _("Hoofdbewoner")
    PARTNER = "partner", _("Partner")
    KIND = "kind", _("Kind")
    MEDEBEWONER = "medebewoner", _("Medebewoner")


class Inwoner(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bsn = models.CharField(_("burgerservicenummer"), max_length=9, unique=True)
    voornamen = models.CharField(_("voornamen"), max_length=120, blank=True)
    voorletters = models.CharField(_("voorletters"), max_length=20, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=120)
    geboortedatum = models.DateField(_("geboortedatum"))
    geslacht = models.CharField(_("geslacht"), max_length=8, choices=Geslacht.choices)
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="leden")
    rol = models.CharField(_("rol in het huishouden"), max_length=12, choices=Rol.choices)
    netto_inkomen_per_maand = models.DecimalField(
        _("netto inkomen per maand"), max_digits=9, decimal_places=2, default=0
    )
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("inwoner")
        verbose_name_plural = _("inwoners")

    def __str__(self):
        return self.naam

    @property
    def naam(self) -> str:
        return namen.naam(self.voorletters, self.voorvoegsel, self.achternaam)
