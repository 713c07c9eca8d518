"""Vroegsignaalzaak: the outreach on one household's signals (DDAS Vroegsignaalzaak)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Zaakstatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    OPGEPAKT = "opgepakt", _("Opgepakt")
    CONTACT_GELEGD = "contact_gelegd", _("Contact gelegd")
    HULP_AANGEBODEN = "hulp_aangeboden", _("Hulp aangeboden")
    AFGEROND = "afgerond", _("Afgerond")
    NIET_OPGEPAKT = "niet_opgepakt", _("Niet opgepakt")


class Matchsoort(models.TextChoices):
    ENKELVOUDIG = "enkelvoudig", _("Enkelvoudig")
    MEERVOUDIG = "meervoudig", _("Meervoudig")
    OPEENVOLGEND = "opeenvolgend", _("Opeenvolgend")


class Eindresultaat(models.TextChoices):
    """DDAS EnumEindresultaat (16 values)."""

    BUDGETADVIES = "(Budget)advies en/of quick fix", _("(Budget)advies en/of quick fix")
    GEEN_CONTACT = "Definitief geen contact kunnen krijgen", _("Definitief geen contact kunnen krijgen")
    GEEN_REACTIE = "Geen reactie na eerder contact", _("Geen reactie na eerder contact")
    AL_BEKEND = "Inwoner al bekend bij schuldhulpverlening", _("Inwoner al bekend bij schuldhulpverlening")
    ANDER_TRAJECT = "Inwoner heeft al een ander lopend traject", _("Inwoner heeft al een ander lopend traject")
    AL_BETAALD = "Inwoner heeft zelf al betaald/betalingsregeling getroffen", _("Inwoner heeft zelf al betaald/betalingsregeling getroffen")
    OVERLEDEN = "Inwoner is overleden", _("Inwoner is overleden")
    REGELT_ZELF = "Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering", _("Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering")
    ANDERE_REDEN = "Niet opgepakt: andere reden", _("Niet opgepakt: andere reden")
    HERHAALDE_MELDING = "Niet opgepakt: herhaalde melding", _("Niet opgepakt: herhaalde melding")
    ONTERECHT = "Niet opgepakt: onterecht signaal", _("Niet opgepakt: onterecht signaal")
    GEEN_INWONER = "Persoon is geen inwoner (meer) in de gemeente", _("Persoon is geen inwoner (meer) in de gemeente")
    VERVOLGHULP = "Vervolghulp en/of verwijzing", _("Vervolghulp en/of verwijzing")
    VERVOLGHULP_FINANCIEEL = "Vervolghulp en/of verwijzing financieel", _("Vervolghulp en/of verwijzing financieel")
    VERVOLGHULP_NIET_FINANCIEEL = "Vervolghulp en/of verwijzing niet financieel", _("Vervolghulp en/of verwijzing niet financieel")
    VERWIJZING_ZONDER_INWONER = "Verwijzing zonder tussenkomst inwoner", _("Verwijzing zonder tussenkomst inwoner")


class Vroegsignaalzaak(models.Model):
    huishoudsleutel = models.CharField(_("huishoudsleutel"), max_length=40, db_index=True)
    inwoner = models.ForeignKey(
        "personen.Inwoner", on_delete=models.SET_NULL, null=True, blank=True, related_name="zaken"
    )
    wijk = models.ForeignKey(
        "gebieden.Wijk", on_delete=models.PROTECT, null=True, blank=True, related_name="zaken"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Zaakstatus.choices, default=Zaakstatus.NIEUW, db_index=True
    )
    matchsoort = models.CharField(
        _("soort"), max_length=14, choices=Matchsoort.choices, default=Matchsoort.ENKELVOUDIG
    )
    matchingsdatum = models.DateField(_("matchingsdatum"))
    startdatum_matchingperiode = models.DateField(_("start matchingperiode"))
    einddatum_matchingperiode = models.DateField(_("einde matchingperiode"))
    datum_opgepakt = models.DateField(_("datum opgepakt"), null=True, blank=True)
    resultaat = models.CharField(
        _("eindresultaat"), max_length=80, choices=Eindresultaat.choices, blank=True
    )
    crisis = models.BooleanField(_("crisis"), default=False, db_index=True)
    warme_overdracht = models.BooleanField(_("warme overdracht"), default=False)
    totaal_bedrag = models.DecimalField(_("totaal achterstand"), max_digits=12, decimal_places=2, default=0)
    deadline = models.DateField(
        _("uiterste datum"), null=True, blank=True, db_index=True,
        help_text=_("Crisis: eerste contactpoging binnen 3 werkdagen (Wgs art. 4)."),
    )
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="zaken", verbose_name=_("toegewezen aan"),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("vroegsignaalzaak")
        verbose_name_plural = _("vroegsignaalzaken")
        indexes = [
            models.Index(fields=["wijk", "status", "deadline"]),
            models.Index(fields=["huishoudsleutel", "matchingsdatum"]),
        ]

    def __str__(self):
        return f"Zaak {self.pk}"
