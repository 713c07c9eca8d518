"""Creditors and debts. A creditor (``Schuldeiser``) is an entry in the organisation's address
book, shared by all trajecten (one CJIB, one Woonstichting); a debt (``Schuld``) is one claim of
one creditor in one traject."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Schuldeisersoort", "RIJKSINCASSO", "Schuldeiser", "Schuldstatus", "Schuldbron", "Schuld"]


class Schuldeisersoort(models.TextChoices):
    # The Rijksincasso partners (Vorderingenoverzicht Rijk)
    CAK = "cak", _("CAK")
    CJIB = "cjib", _("CJIB")
    DUO = "duo", _("DUO")
    UWV = "uwv", _("UWV")
    SVB = "svb", _("SVB")
    BELASTINGDIENST = "belastingdienst", _("Belastingdienst")
    DIENST_TOESLAGEN = "dienst_toeslagen", _("Dienst Toeslagen")
    # Others
    ZORGVERZEKERAAR = "zorgverzekeraar", _("Zorgverzekeraar")
    VERHUURDER = "verhuurder", _("Verhuurder")
    ENERGIE = "energie", _("Energieleverancier")
    WATER = "water", _("Waterbedrijf")
    GEMEENTE = "gemeente", _("Gemeente")
    DEURWAARDER = "deurwaarder", _("Gerechtsdeurwaarder")
    INCASSOBUREAU = "incassobureau", _("Incassobureau")
    OVERIG = "overig", _("Overig")


RIJKSINCASSO = frozenset({
    Schuldeisersoort.CAK, Schuldeisersoort.CJIB, Schuldeisersoort.DUO, Schuldeisersoort.UWV,
    Schuldeisersoort.SVB, Schuldeisersoort.BELASTINGDIENST, Schuldeisersoort.DIENST_TOESLAGEN,
})


class Schuldeiser(models.Model):
    naam = models.CharField(_("naam"), max_length=120)
    soort = models.CharField(_("soort schuldeiser"), max_length=20, choices=Schuldeisersoort.choices)
    postadres = models.CharField(_("postadres"), max_length=300, blank=True,
                                 help_text=_("Straat en huisnummer, postcode en plaats; één regel per regel."))
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("schuldeiser")
        verbose_name_plural = _("schuldeisers")
        ordering = ["naam", "id"]
        constraints = [models.UniqueConstraint(fields=["naam", "soort"], name="schuldhulp_schuldeiser_uniek")]

    def __str__(self):
        return self.naam

    @property
    def rijksincasso(self) -> bool:
        return self.soort in RIJKSINCASSO


class Schuldstatus(models.TextChoices):
    OPEN = "open", _("Open")
    BETALINGSREGELING = "betalingsregeling", _("Betalingsregeling")
    BESLAG = "beslag", _("Beslag")
    IN_VERZET = "in_verzet", _("In verzet")
    BETWIST = "betwist", _("Betwist")
    BETAALD = "betaald", _("Betaald")


class Schuldbron(models.TextChoices):
    SIGNAAL = "signaal", _("Uit een signaal")
    HANDMATIG = "handmatig", _("Ingevoerd")
    IMPORT = "import", _("Uit een schuldenlijst")


class Schuld(models.Model):
    traject = models.ForeignKey("schuldhulp.Traject", on_delete=models.CASCADE, related_name="schulden")
    schuldeiser = models.ForeignKey(Schuldeiser, on_delete=models.PROTECT, related_name="schulden")
    kenmerk = models.CharField(_("kenmerk van de schuldeiser"), max_length=60, blank=True,
                               help_text=_("Dossiernummer of factuurnummer van de schuldeiser."))
    bedrag = models.DecimalField(_("bedrag"), max_digits=12, decimal_places=2,
                                 help_text=_("Wat de schuldeiser vraagt, in euro's."))
    # The balance the creditor confirmed (answer to a saldoverzoek); the offer uses it when known.
    saldo = models.DecimalField(_("bevestigd saldo"), max_digits=12, decimal_places=2, null=True, blank=True)
    saldo_datum = models.DateField(_("saldo bevestigd op"), null=True, blank=True)
    ontstaansdatum = models.DateField(_("ontstaan op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Schuldstatus.choices, default=Schuldstatus.OPEN)
    preferent = models.BooleanField(_("preferent"), default=False,
                                    help_text=_("Preferente schulden gaan voor (bijvoorbeeld de Belastingdienst)."))
    # With status "beslag": what is garnished per month (stabilisation checks the beslagvrije voet).
    beslag_per_maand = models.DecimalField(_("beslag per maand"), max_digits=10, decimal_places=2,
                                           null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=10, choices=Schuldbron.choices, default=Schuldbron.HANDMATIG)
    signaal = models.ForeignKey("schuldhulp.MeegenomenSignaal", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="schulden")
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")

    class Meta:
        verbose_name = _("schuld")
        verbose_name_plural = _("schulden")
        ordering = ["ontstaansdatum", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gt=0), name="schuldhulp_schuld_bedrag_positief"),
            # a debt from a signal is carried over once
            models.UniqueConstraint(fields=["traject", "signaal"], condition=models.Q(signaal__isnull=False),
                                    name="schuldhulp_schuld_een_per_signaal"),
        ]

    def __str__(self):
        return f"{self.schuldeiser} {self.bedrag}"

    @property
    def actueel_bedrag(self):
        """What the debt is now: the confirmed balance when there is one, else the claim."""
        return self.saldo if self.saldo is not None else self.bedrag
