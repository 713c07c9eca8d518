"""Messages to creditors (kennisgeving, saldoverzoek, betalingsvoorstel, herinnering, …) with
their answer term, the creditor's reaction, and the letter texts the municipality edits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Berichtsoort", "Kanaal", "Reactie", "Bericht", "Berichtsjabloon"]


class Berichtsoort(models.TextChoices):
    KENNISGEVING = "kennisgeving", _("Kennisgeving")  # starts the pauzeknop: creditors pause collection
    SALDOVERZOEK = "saldoverzoek", _("Saldoverzoek")
    BETALINGSVOORSTEL = "betalingsvoorstel", _("Betalingsvoorstel")
    HERINNERING = "herinnering", _("Herinnering")
    HERBEREKENING_BVV = "herberekening_bvv", _("Verzoek herberekening beslagvrije voet")


class Kanaal(models.TextChoices):
    BRIEF = "brief", _("Brief")
    EMAIL = "email", _("E-mail")
    PORTAAL = "portaal", _("Portaal van de schuldeiser")
    KNOOPPUNT = "knooppunt", _("Schuldenknooppunt")


class Reactie(models.TextChoices):
    SALDO = "saldo", _("Saldo opgegeven")
    AKKOORD = "akkoord", _("Akkoord")
    WEIGERING = "weigering", _("Weigering")
    GEEN_REACTIE = "geen_reactie", _("Geen reactie")


class Bericht(models.Model):
    traject = models.ForeignKey("schuldhulp.Traject", on_delete=models.CASCADE, related_name="berichten")
    schuld = models.ForeignKey("schuldhulp.Schuld", on_delete=models.CASCADE, related_name="berichten")
    soort = models.CharField(_("soort bericht"), max_length=20, choices=Berichtsoort.choices)
    kanaal = models.CharField(_("kanaal"), max_length=10, choices=Kanaal.choices, default=Kanaal.BRIEF)
    verzonden_op = models.DateField(_("verzonden op"))
    # 10 working days unless set otherwise (schuldhulp.berichten)
    antwoord_uiterlijk = models.DateField(_("antwoord uiterlijk"), null=True, blank=True)
    # a herinnering points at the message it reminds of
    herinnering_van = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                                        related_name="herinneringen")
    reactie = models.CharField(_("reactie"), max_length=14, choices=Reactie.choices, blank=True)
    reactie_op = models.DateField(_("reactie ontvangen op"), null=True, blank=True)
    reactie_saldo = models.DecimalField(_("opgegeven saldo"), max_digits=12, decimal_places=2, null=True, blank=True)
    reactie_toelichting = models.CharField(_("toelichting bij de reactie"), max_length=500, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("bericht aan schuldeiser")
        verbose_name_plural = _("berichten aan schuldeisers")
        ordering = ["verzonden_op", "id"]
        indexes = [
            # the overdue worklist: unanswered messages by term
            models.Index(fields=["reactie", "antwoord_uiterlijk"], name="schuldhulp_bericht_open_idx"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.verzonden_op}"

    @property
    def beantwoord(self) -> bool:
        return bool(self.reactie)


class Berichtsjabloon(models.Model):
    """The letter text per kind of message; the municipality edits it. Placeholders: see
    ``schuldhulp.brieven``."""

    soort = models.CharField(_("soort bericht"), max_length=20, choices=Berichtsoort.choices, unique=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("brieftekst voor schuldeisers")
        verbose_name_plural = _("brieven aan schuldeisers")
        ordering = ["soort"]

    def __str__(self):
        return self.get_soort_display()
