"""Stabilisation: the monthly budget, stored calculations of ``regels`` (beslagvrije voet,
vtlb) with their input and sources, and the collection pause."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Postsoort", "Budgetpost", "Berekening", "Moratoriumsoort", "Moratorium"]


class Postsoort(models.TextChoices):
    INKOMEN = "inkomen", _("Inkomen")
    VASTE_LAST = "vaste_last", _("Vaste last")


class Budgetpost(models.Model):
    traject = models.ForeignKey("schuldhulp.Traject", on_delete=models.CASCADE, related_name="budget")
    soort = models.CharField(_("soort"), max_length=10, choices=Postsoort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=120)
    bedrag_per_maand = models.DecimalField(_("bedrag per maand"), max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("budgetpost")
        verbose_name_plural = _("budget")
        ordering = ["soort", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(bedrag_per_maand__gte=0),
                                              name="schuldhulp_budgetpost_niet_negatief")]


class Berekening(models.Model):
    """One calculation of ``regels`` for this traject: the request as sent, the outcome as
    returned (with ``toelichting`` and ``bronnen``) and the rules version, so a letter can show
    the calculation it was based on even after the rules change."""

    traject = models.ForeignKey("schuldhulp.Traject", on_delete=models.CASCADE, related_name="berekeningen")
    regeling = models.CharField(_("regeling"), max_length=30)  # beslagvrije_voet, vtlb
    peildatum = models.DateField(_("peildatum"))
    verzoek = models.JSONField(_("invoer"))
    uitkomst = models.JSONField(_("uitkomst"))
    rekenregels_versie = models.CharField(_("versie rekenregels"), max_length=64)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        verbose_name = _("berekening")
        verbose_name_plural = _("berekeningen")
        ordering = ["-tijdstip", "-id"]


class Moratoriumsoort(models.TextChoices):
    PAUZEKNOP = "pauzeknop", _("Pauzeknop (schuldeisers pauzeren de incasso)")
    AFKOELINGSPERIODE = "afkoelingsperiode", _("Afkoelingsperiode door de rechter (Wgs art. 5, hooguit 6 maanden)")
    AFSPRAAK = "afspraak", _("Afspraak met een schuldeiser")


class Moratorium(models.Model):
    traject = models.ForeignKey("schuldhulp.Traject", on_delete=models.CASCADE, related_name="moratoria")
    soort = models.CharField(_("soort"), max_length=20, choices=Moratoriumsoort.choices)
    # empty: every creditor of the traject
    schuldeiser = models.ForeignKey("schuldhulp.Schuldeiser", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("incassopauze")
        verbose_name_plural = _("incassopauzes")
        ordering = ["startdatum", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(einddatum__gte=models.F("startdatum")),
                                              name="schuldhulp_moratorium_einde_na_start")]
