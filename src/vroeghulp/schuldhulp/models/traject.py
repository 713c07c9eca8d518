"""Schuldhulptraject: the help of one resident from the aanmelding to the uitstroom.

Names, dates and value lists follow the official DDAS schuldhulpverlening model v1.0 (VNG
Realisatie / CBS), so the delivery to CBS (``schuldhulp.ddas``) reads fields, it asks no new
questions. Change ``fase`` only through ``schuldhulp.workflow`` (one service per transition);
``Fasewijziging`` rows are added, never changed or removed (model, queryset and database triggers).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["Aanmeldingswijze", "Bedreiging", "Fase", "OPLOSSINGSFASEN", "OPEN_FASEN", "Beschikkingssoort",
           "Oplossingssoort", "Uitstroomreden", "Doorverwijzing", "DeadlineSoort", "Traject", "Fasewijziging",
           "MeegenomenSignaal", "Wie", "ChecklistItem"]


class Aanmeldingswijze(models.TextChoices):
    VROEGSIGNALERING = "vroegsignalering", _("Vanuit vroegsignalering")
    INLOOP = "inloop", _("Inloop (inlooppunt)")
    ZELFMELDING = "zelfmelding", _("Zelf aangemeld")


class Bedreiging(models.TextChoices):
    """The bedreigende situaties of Wgs art. 4 lid 2: first conversation within 3 working days."""

    GEEN = "", _("Geen")
    HUISUITZETTING = "huisuitzetting", _("Gedwongen woningontruiming dreigt")
    ENERGIE = "energie", _("Afsluiting van gas, elektriciteit of stadsverwarming dreigt")
    WATER = "water", _("Afsluiting van water dreigt")
    ZORGVERZEKERING = "zorgverzekering", _("Opzegging of ontbinding van de zorgverzekering dreigt")


class Fase(models.TextChoices):
    AANMELDING = "aanmelding", _("Aanmelding")
    INTAKE = "intake", _("Intake")
    STABILISATIE = "stabilisatie", _("Stabilisatie")
    PLAN_VAN_AANPAK = "plan_van_aanpak", _("Plan van aanpak")
    SCHULDREGELING = "schuldregeling", _("Schuldregeling")
    SANERINGSKREDIET = "saneringskrediet", _("Saneringskrediet")
    BETALINGSREGELING = "betalingsregeling", _("Betalingsregeling")
    NAZORG = "nazorg", _("Nazorg")
    DOORVERWIJZING = "doorverwijzing", _("Doorverwezen")
    UITSTROOM = "uitstroom", _("Uitgestroomd")


OPLOSSINGSFASEN = (Fase.SCHULDREGELING, Fase.SANERINGSKREDIET, Fase.BETALINGSREGELING)
OPEN_FASEN = tuple(f for f in Fase.values if f != Fase.UITSTROOM)


class Beschikkingssoort(models.TextChoices):
    """DDAS EnumBeschikkingssoort."""

    AFWIJZING = "Afwijzingsbeschikking", _("Afwijzing")
    TOELATING = "Toelatingsbeschikking", _("Toelating (plan van aanpak)")


class Oplossingssoort(models.TextChoices):
    """DDAS EnumOplossingssoort."""

    BETALINGSREGELING = "Betalingsregeling", _("Betalingsregeling")
    HERFINANCIERING = "Herfinanciering", _("Herfinanciering")
    SANERINGSKREDIET = "Saneringskrediet", _("Saneringskrediet")
    SCHULDBEMIDDELING = "Schuldbemiddeling", _("Schuldbemiddeling")
    NUL_AANBOD = "0%-aanbod", _("Schuldregeling zonder afloscapaciteit (nul-aanbod)")


class Uitstroomreden(models.TextChoices):
    """DDAS EnumUitstroomreden (9 values)."""

    OVERLEDEN = "Overleden", _("Inwoner is overleden")
    VERHUISD = "Verhuisd", _("Inwoner is verhuisd naar een andere gemeente")
    NIET_VERSCHENEN = "Nietverschenen", _("Inwoner is niet verschenen")
    INGETROKKEN = "Ingetrokken", _("Inwoner trekt de aanvraag in")
    NIET_PASSEND = "Niet passend", _("Hulp is niet (meer) passend")
    OVERIG = "Overig", _("Andere reden")
    VOLDOET_NIET = "Voldoet niet", _("Inwoner houdt zich niet aan de afspraken")
    AFGEROND = "Afgerond", _("Traject goed doorlopen en afgerond")
    ZELF = "Zelf", _("Inwoner heeft de schulden zelf geregeld")


class Doorverwijzing(models.TextChoices):
    BESCHERMINGSBEWIND = "beschermingsbewind", _("Beschermingsbewind")
    WSNP = "wsnp", _("Wettelijke schuldsanering (Wsnp)")


class DeadlineSoort(models.TextChoices):
    EERSTE_GESPREK = "eerste_gesprek", _("Eerste gesprek")
    BESCHIKKING = "beschikking", _("Beschikking")


class Traject(models.Model):
    """DDAS Schuldhulptraject with its Aanmelding, Intake, Stabilisatie, PlanVanAanpak,
    Oplossing, Nazorg and Uitstroom dates on one row: the CBS delivery is a query."""

    inwoner = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, related_name="trajecten")
    huishouden = models.ForeignKey(
        "personen.Huishouden", on_delete=models.PROTECT, related_name="trajecten", null=True, blank=True,
    )
    # Who may see the traject: the teams of this wijk (the resident's wijk at the aanmelding).
    wijk = models.ForeignKey("gebieden.Wijk", on_delete=models.PROTECT, related_name="trajecten")
    # SET_NULL: a case is removed when its retention period ends; the traject stays.
    zaak = models.ForeignKey(
        "zaken.Vroegsignaalzaak", on_delete=models.SET_NULL, null=True, blank=True, related_name="trajecten",
    )
    aanmeldingswijze = models.CharField(_("aanmeldingswijze"), max_length=20, choices=Aanmeldingswijze.choices)
    bedreiging = models.CharField(_("bedreigende situatie"), max_length=20, choices=Bedreiging.choices,
                                  blank=True)
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices, default=Fase.AANMELDING)
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="trajecten",
        verbose_name=_("consulent"),
    )

    # DDAS Aanmelding
    aanmelddatum = models.DateField(_("datum aanmelding"))
    aanmelding_einddatum = models.DateField(_("einde aanmelding"), null=True, blank=True)
    # DDAS Intake: startdatum is the first conversation (Wgs art. 4 lid 1)
    datum_eerste_gesprek = models.DateField(_("datum eerste gesprek"), null=True, blank=True)
    intake_einddatum = models.DateField(_("einde intake"), null=True, blank=True)
    beschikkingsdatum = models.DateField(_("datum beschikking"), null=True, blank=True)
    beschikkingssoort = models.CharField(_("soort beschikking"), max_length=24,
                                         choices=Beschikkingssoort.choices, blank=True)
    # Wgs art. 4 lid 3: the resident is told the number of weeks to the result
    verwachte_weken = models.PositiveSmallIntegerField(_("verwacht aantal weken tot het resultaat"),
                                                       null=True, blank=True)
    # DDAS Stabilisatie, PlanVanAanpak, Oplossing, Nazorg
    stabilisatie_startdatum = models.DateField(_("start stabilisatie"), null=True, blank=True)
    stabilisatie_einddatum = models.DateField(_("einde stabilisatie"), null=True, blank=True)
    plan_van_aanpak_datum = models.DateField(_("datum plan van aanpak"), null=True, blank=True)
    oplossingssoort = models.CharField(_("soort oplossing"), max_length=20, choices=Oplossingssoort.choices,
                                       blank=True)
    oplossing_startdatum = models.DateField(_("start oplossing"), null=True, blank=True)
    oplossing_einddatum = models.DateField(_("einde oplossing"), null=True, blank=True)
    nazorg_startdatum = models.DateField(_("start nazorg"), null=True, blank=True)
    nazorg_einddatum = models.DateField(_("einde nazorg"), null=True, blank=True)
    doorverwijzing = models.CharField(_("doorverwezen naar"), max_length=20, choices=Doorverwijzing.choices,
                                      blank=True)
    doorverwijzing_datum = models.DateField(_("datum doorverwijzing"), null=True, blank=True)
    # DDAS Uitstroom
    uitstroom_datum = models.DateField(_("datum uitstroom"), null=True, blank=True)
    uitstroom_reden = models.CharField(_("reden uitstroom"), max_length=16, choices=Uitstroomreden.choices,
                                       blank=True)
    uitstroom_omschrijving = models.CharField(_("toelichting uitstroom"), max_length=500, blank=True)
    datum_beeindigingsbeschikking = models.DateField(_("datum beëindigingsbeschikking"), null=True, blank=True)

    # Wgs deadlines (schuldhulp.termijnen); ``deadline`` is the next one still open (worklist order)
    eerste_gesprek_uiterlijk = models.DateField(_("eerste gesprek uiterlijk"))
    beschikking_uiterlijk = models.DateField(_("beschikking uiterlijk"), null=True, blank=True)
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)
    deadline_soort = models.CharField(_("soort uiterste datum"), max_length=16, choices=DeadlineSoort.choices,
                                      blank=True)

    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("schuldhulptraject")
        verbose_name_plural = _("schuldhulptrajecten")
        constraints = [
            # One open traject per resident: a second aanmelding continues the first.
            models.UniqueConstraint(fields=["inwoner"], condition=~Q(fase="uitstroom"),
                                    name="schuldhulp_een_open_traject_per_inwoner"),
        ]
        indexes = [
            models.Index(fields=["wijk", "fase", "deadline"], name="schuldhulp_werklijst_idx"),
        ]

    def __str__(self):
        return f"Traject {self.pk}"

    @property
    def crisis(self) -> bool:
        return bool(self.bedreiging)

    @property
    def is_open(self) -> bool:
        return self.fase != Fase.UITSTROOM


class HistorieOnveranderlijk(Exception):
    pass


class _AlleenToevoegenQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise HistorieOnveranderlijk("De geschiedenis van een traject kan niet worden gewijzigd.")

    def delete(self):
        raise HistorieOnveranderlijk("De geschiedenis van een traject kan niet worden verwijderd.")


class Fasewijziging(models.Model):
    """One step of a traject. Append-only (model, queryset and database trigger, migration 0002)."""

    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="fasewijzigingen")
    van = models.CharField(_("van"), max_length=20, choices=Fase.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=Fase.choices)
    datum = models.DateField(_("datum"))
    reden = models.CharField(_("reden"), max_length=40, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", verbose_name=_("door"))
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    objects = _AlleenToevoegenQuerySet.as_manager()

    class Meta:
        verbose_name = _("fasewijziging")
        verbose_name_plural = _("fasegeschiedenis")
        ordering = ["tijdstip", "id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise HistorieOnveranderlijk("De geschiedenis van een traject kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistorieOnveranderlijk("De geschiedenis van een traject kan niet worden verwijderd.")


class MeegenomenSignaal(models.Model):
    """A signal of the vroegsignaalzaak, copied when the traject starts (the later debt overview
    starts from these). A copy, because a case and its signals are removed after retention."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="signalen")
    signaal_id = models.PositiveBigIntegerField(_("signaal"))
    partner = models.CharField(_("signaalpartner"), max_length=120)
    partnertype = models.CharField(_("soort partner"), max_length=24)
    bedrag = models.DecimalField(_("bedrag achterstand"), max_digits=12, decimal_places=2)
    signaaldatum = models.DateField(_("signaaldatum"))
    ontstaansdatum = models.DateField(_("ontstaansdatum"), null=True, blank=True)
    crisissignaal = models.BooleanField(_("crisissignaal"), default=False)

    class Meta:
        verbose_name = _("meegenomen signaal")
        verbose_name_plural = _("meegenomen signalen")
        ordering = ["signaaldatum", "id"]


class Wie(models.TextChoices):
    INWONER = "inwoner", _("Inwoner")
    CONSULENT = "consulent", _("Consulent")


class ChecklistItem(models.Model):
    """What is still missing (a document, a piece of information). Filled over time, never a gate:
    no transition looks at it (basisdienstverlening: start before the file is complete)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="checklist")
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    wie = models.CharField(_("wie regelt het"), max_length=10, choices=Wie.choices, default=Wie.INWONER)
    gedaan = models.BooleanField(_("geregeld"), default=False)
    gedaan_op = models.DateField(_("geregeld op"), null=True, blank=True)
    gedaan_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+")
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("checklistpunt")
        verbose_name_plural = _("checklist")
        ordering = ["volgorde", "id"]
