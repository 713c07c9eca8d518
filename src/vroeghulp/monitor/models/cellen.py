"""Pre-aggregated counts of the monitor: numbers per period, area and partner type, never a person.

Why pre-aggregated: the dashboard must answer in 300 ms over a million signals (issue 13), so it
reads these small tables; ``vroeghulp monitor bijwerken`` rebuilds them with GROUP BY queries of
the owning apps (``monitor.bijwerken``). A cell holds a count (and a sum of days for the
durations), no id of a person, case or traject.

Two levels, so a page reads a few thousand cells instead of every buurt: ``wijk`` cells (buurt
empty: all of the wijk, also what has no known buurt) and ``buurt`` cells. ``wijk`` empty = the
area is unknown (a signal without a wijk). ``partnertype`` empty = all partner types together:
a case with signals of two partner types counts once there and once under each type, so the
types do not add up to the total and the total is stored, not summed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Niveau(models.TextChoices):
    WIJK = "wijk", _("Wijk")
    BUURT = "buurt", _("Buurt")


class Periodesoort(models.TextChoices):
    """Figures are made per calendar month, quarter and year: a case open in three months is one
    case of the quarter (``monitor.definities``), so a quarter is not the sum of its months."""

    MAAND = "maand", _("Maand")
    KWARTAAL = "kwartaal", _("Kwartaal")
    JAAR = "jaar", _("Jaar")


class Maat(models.TextChoices):
    """What a Monitorcel counts; ``waarde`` says which one (see ``monitor.stappen``)."""

    TRECHTER = "trechter", _("Stap van de trechter")  # waarde: a Stap
    RESULTAAT = "resultaat", _("DDAS-eindresultaat")  # waarde: EnumEindresultaat
    DUUR = "duur", _("Doorlooptijd")  # waarde: a Duur; aantal = cases with it, dagen = their days
    TERUGVAL = "terugval", _("Terugval")  # waarde: a Terugval


class _Gebied(models.Model):
    periodesoort = models.CharField(_("soort periode"), max_length=8, choices=Periodesoort.choices)
    periode = models.DateField(_("periode"), help_text=_("Eerste dag van de maand, het kwartaal of het jaar."))
    niveau = models.CharField(_("niveau"), max_length=5, choices=Niveau.choices)
    wijk = models.ForeignKey("gebieden.Wijk", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="+", db_index=False)
    buurt = models.ForeignKey("gebieden.Buurt", on_delete=models.CASCADE, null=True, blank=True,
                              related_name="+", db_index=False)
    partnertype = models.CharField(_("soort signaalpartner"), max_length=24, blank=True)

    class Meta:
        abstract = True


class Monitorcel(_Gebied):
    maat = models.CharField(_("maat"), max_length=10, choices=Maat.choices)
    waarde = models.CharField(_("waarde"), max_length=80)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    dagen = models.BigIntegerField(_("dagen samen"), default=0)

    class Meta:
        verbose_name = _("monitorcel")
        verbose_name_plural = _("monitorcellen")
        # every page filters on level, partner type and a range of months
        indexes = [models.Index(fields=["periodesoort", "niveau", "partnertype", "periode"], name="monitor_cel_idx")]


class Contactcel(_Gebied):
    """Contact attempts per DDAS Contactsoort and dagdeel, and how many reached the resident."""

    soort = models.CharField(_("soort contact"), max_length=20)
    dagdeel = models.CharField(_("dagdeel"), max_length=8, blank=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    bereikt = models.PositiveIntegerField(_("bereikt"), default=0)

    class Meta:
        verbose_name = _("contactcel")
        verbose_name_plural = _("contactcellen")
        indexes = [models.Index(fields=["periodesoort", "niveau", "partnertype", "periode"],
                                 name="monitor_contact_idx")]


class Kwaliteitscel(models.Model):
    """Data quality per signal partner and month: the partner is an organisation, not a person."""

    maand = models.DateField(_("maand"))
    partner = models.ForeignKey("signalering.Signaalpartner", on_delete=models.CASCADE, related_name="+")
    maat = models.CharField(_("maat"), max_length=30)
    # with maat AFGEWEZEN_REDEN: the intake's error code (signalering intake.codes), else empty
    reden = models.CharField(_("reden"), max_length=60, blank=True)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)

    AFGEWEZEN_REDEN = "afgewezen_reden"

    class Meta:
        verbose_name = _("kwaliteitscel")
        verbose_name_plural = _("kwaliteitscellen")
        indexes = [models.Index(fields=["maand"], name="monitor_kwaliteit_idx")]


class Bijwerking(models.Model):
    """One run of ``vroeghulp monitor bijwerken``: the screen shows when the figures were made."""

    gestart = models.DateTimeField(_("gestart"))
    klaar = models.DateTimeField(_("klaar"))
    vanaf = models.DateField(_("vanaf"), help_text=_("Perioden die op of na deze dag eindigen, zijn opnieuw geteld."))
    cellen = models.PositiveIntegerField(_("cellen"), default=0)

    class Meta:
        verbose_name = _("bijwerking")
        verbose_name_plural = _("bijwerkingen")
        ordering = ["-klaar", "-id"]
