"""Vroegsignaalzaak: the outreach on one household's signals (DDAS Vroegsignaalzaak).

The workflow lives in ``vroeghulp.zaken.workflow``: change ``status`` only through its service
functions (they lock the row, check the transition table, append a ``Statuswijziging`` and keep
the partners' signal status current). History rows can be added, never changed or removed.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class Zaakstatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    OPGEPAKT = "opgepakt", _("Opgepakt")
    CONTACT_GELEGD = "contact_gelegd", _("Contact gelegd")
    HULP_AANGEBODEN = "hulp_aangeboden", _("Hulp aangeboden")
    AFGEROND = "afgerond", _("Afgerond")
    NIET_OPGEPAKT = "niet_opgepakt", _("Niet opgepakt")


OPEN_STATUSSEN = (
    Zaakstatus.NIEUW, Zaakstatus.OPGEPAKT, Zaakstatus.CONTACT_GELEGD, Zaakstatus.HULP_AANGEBODEN,
)


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


class DeadlineSoort(models.TextChoices):
    EERSTE_CONTACT = "eerste_contact", _("Eerste contactpoging (crisis)")
    HULPAANBOD = "hulpaanbod", _("Hulpaanbod")


class Vroegsignaalzaak(models.Model):
    # No single-column index where a composite index below starts with the column (huishoudsleutel,
    # wijk, status, toegewezen_aan): matching inserts up to a million cases in one delivery and
    # every index costs on each insert (issue 4); on PostgreSQL a CharField index also brought a
    # second varchar_pattern_ops index that no query used.
    huishoudsleutel = models.CharField(_("huishoudsleutel"), max_length=40)
    inwoner = models.ForeignKey(
        "personen.Inwoner", on_delete=models.SET_NULL, null=True, blank=True, related_name="zaken"
    )
    wijk = models.ForeignKey(
        "gebieden.Wijk", on_delete=models.PROTECT, null=True, blank=True, related_name="zaken", db_index=False,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Zaakstatus.choices, default=Zaakstatus.NIEUW,
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
        related_name="zaken", verbose_name=_("toegewezen aan"), db_index=False,
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # Deadlines (vroeghulp.zaken.termijnen): ``deadline`` above is the next one still open, so
    # the worklist can sort on one indexed column; these two keep both norms for the case file.
    contact_uiterlijk = models.DateField(
        _("eerste contactpoging uiterlijk"), null=True, blank=True,
        help_text=_("Alleen bij crisis: binnen 3 werkdagen."),
    )
    hulpaanbod_uiterlijk = models.DateField(
        _("hulpaanbod uiterlijk"), null=True, blank=True,
        help_text=_("De norm van de gemeente voor een aanbod van hulp."),
    )
    deadline_soort = models.CharField(
        _("soort uiterste datum"), max_length=16, choices=DeadlineSoort.choices, blank=True
    )
    datum_hulp_aangeboden = models.DateField(_("datum hulp aangeboden"), null=True, blank=True)
    datum_afgerond = models.DateField(_("datum afgerond"), null=True, blank=True)
    # The worklist's sort key for "nearest deadline first, cases without one last", computed by
    # the database itself so it is right whoever writes the row (matching uses bulk statements).
    sorteerdatum = models.GeneratedField(
        expression=Coalesce(models.F("deadline"), models.Value(date(9999, 12, 31))),
        output_field=models.DateField(), db_persist=True,
    )
    reden_toelichting = models.TextField(
        _("toelichting op de reden"), blank=True,
        help_text=_("Alleen intern. Een partner ziet deze toelichting nooit."),
    )

    class Meta:
        verbose_name = _("vroegsignaalzaak")
        verbose_name_plural = _("vroegsignaalzaken")
        indexes = [
            models.Index(fields=["wijk", "status", "deadline"]),
            models.Index(fields=["huishoudsleutel", "matchingsdatum"]),
            # Worklist: walk the cases in urgency order and stop after one page (zaken.werkvoorraad).
            models.Index(
                fields=["-warme_overdracht", "sorteerdatum", "-crisis", "matchingsdatum", "id"],
                name="zaken_urgentie_idx",
            ),
            # The same order within one status (e.g. "hulp aangeboden", at the end of the above).
            models.Index(
                fields=["status", "-warme_overdracht", "sorteerdatum", "-crisis", "matchingsdatum", "id"],
                name="zaken_status_urgentie_idx",
            ),
            models.Index(fields=["datum_afgerond"], name="zaken_afgerond_idx"),
            models.Index(fields=["toegewezen_aan", "status"], name="zaken_toegewezen_idx"),
        ]

    def __str__(self):
        return f"Zaak {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise HistorieOnveranderlijk("De geschiedenis van een zaak kan niet worden gewijzigd.")

    def delete(self):
        raise HistorieOnveranderlijk("De geschiedenis van een zaak kan niet worden verwijderd.")


class HistorieOnveranderlijk(Exception):
    pass


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise HistorieOnveranderlijk("De geschiedenis van een zaak kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistorieOnveranderlijk("De geschiedenis van een zaak kan niet worden verwijderd.")


class Statuswijziging(AppendOnlyModel):
    """One step of a case through the workflow. Append-only (also enforced by a DB trigger)."""

    zaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van = models.CharField(_("van"), max_length=20, choices=Zaakstatus.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=Zaakstatus.choices)
    resultaat = models.CharField(_("eindresultaat"), max_length=80, choices=Eindresultaat.choices, blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    # PROTECT: history rows are never updated (trigger), so SET_NULL could not work; a caseworker
    # with history is deactivated, not deleted.
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("door"),
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statusgeschiedenis")
        ordering = ["tijdstip", "id"]


class Contactsoort(models.TextChoices):
    """DDAS EnumContactsoort."""

    ADMINISTRATIEF = "Administratief", _("Administratief")
    AFSPRAAK_OP_LOCATIE = "Afspraak op locatie", _("Afspraak op locatie")
    BRIEF = "Brief", _("Brief")
    HUISBEZOEK = "Huisbezoek", _("Huisbezoek")
    KAARTJE = "Kaartje", _("Kaartje")
    MAIL = "Mail", _("Mail")
    ONBEKEND = "Onbekend", _("Onbekend")
    OVERIGE = "Overige", _("Overige")
    SMS_WHATSAPP = "SMS/Whatsapp", _("SMS/WhatsApp")
    TELEFOON = "Telefoon", _("Telefoon")


class Dagdeel(models.TextChoices):
    """DDAS EnumDagdeel: Ochtend < 12:00, Middag 12–18, Avond ≥ 18:00."""

    OCHTEND = "Ochtend", _("Ochtend (voor 12 uur)")
    MIDDAG = "Middag", _("Middag (12 tot 18 uur)")
    AVOND = "Avond", _("Avond (na 18 uur)")


class Contactpoging(AppendOnlyModel):
    """DDAS Contactpoging: soort, bereikt, datum, dagdeel (+ a short internal note)."""

    zaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.CASCADE, related_name="contactpogingen")
    soort = models.CharField(_("soort contact"), max_length=20, choices=Contactsoort.choices)
    datum = models.DateField(_("datum"))
    dagdeel = models.CharField(_("dagdeel"), max_length=8, choices=Dagdeel.choices, blank=True)
    bereikt = models.BooleanField(_("inwoner bereikt"), default=False)
    notitie = models.CharField(_("korte notitie"), max_length=500, blank=True)
    # PROTECT: history rows are never updated (trigger), so SET_NULL could not work; a caseworker
    # with history is deactivated, not deleted.
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("door"),
    )
    vastgelegd = models.DateTimeField(_("vastgelegd"), auto_now_add=True)

    class Meta:
        verbose_name = _("contactpoging")
        verbose_name_plural = _("contactpogingen")
        ordering = ["datum", "id"]


class Notitie(AppendOnlyModel):
    zaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.CASCADE, related_name="notities")
    tekst = models.TextField(_("notitie"), max_length=2000)
    # PROTECT: history rows are never updated (trigger), so SET_NULL could not work; a caseworker
    # with history is deactivated, not deleted.
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("door"),
    )
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["-tijdstip", "-id"]


class Huisstijl(models.Model):
    """What the municipality puts on its letters: name, logo and contact details (one row)."""

    gemeentenaam = models.CharField(_("naam van de gemeente"), max_length=100, default="Gemeente Utrecht")
    afdeling = models.CharField(_("afdeling of team"), max_length=120, default="Wijkteam Geldzorgen")
    logo = models.TextField(
        _("logo"), blank=True, help_text=_("Als data-URL (PNG of JPEG), hooguit 300 kB. Een SVG-logo komt niet op brieven.")
    )
    adres = models.CharField(_("postadres"), max_length=200, blank=True, default="Postbus 16200, 3500 CE Utrecht")
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, default="14 030")
    email = models.EmailField(_("e-mailadres"), blank=True, default="geldzorgen@example.nl")
    website = models.CharField(_("website"), max_length=200, blank=True, default="www.utrecht.nl/geldzorgen")
    ondertekening = models.CharField(
        _("ondertekening"), max_length=200, default="Het wijkteam Geldzorgen"
    )

    class Meta:
        verbose_name = _("huisstijl voor brieven")
        verbose_name_plural = _("huisstijl voor brieven")


class Briefsoort(models.TextChoices):
    BRIEF = "brief", _("Brief (A4)")
    KAARTJE = "kaartje", _("Kaartje (A6, door de bus)")


class Briefsjabloon(models.Model):
    """A letter or card text the municipality can edit. Placeholders: see zaken.brieven."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    soort = models.CharField(_("soort"), max_length=10, choices=Briefsoort.choices, default=Briefsoort.BRIEF)
    onderwerp = models.CharField(_("onderwerp"), max_length=200, blank=True)
    tekst = models.TextField(
        _("tekst"),
        help_text=_("Gebruik {aanhef}, {naam}, {gemeente}, {telefoon}, {email}, {website}, "
                    "{consulent} en {datum}. Een lege regel begint een nieuwe alinea."),
    )
    actief = models.BooleanField(_("actief"), default=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        ordering = ["soort", "naam"]

    def __str__(self):
        return self.naam
