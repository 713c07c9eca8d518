"""Signal partners, vroegsignalen and their intake (docs/interfaces.md section 4)."""

import datetime as dt
from typing import NamedTuple

from django.core.validators import RegexValidator
from django.db import connection, models
from django.utils.translation import gettext_lazy as _


class PartnerType(models.TextChoices):
    """DDAS EnumSignaalpartner."""

    HUUR = "Huur", _("Huur")
    ENERGIE = "Energie", _("Energie")
    WATER = "Water", _("Water")
    ZORG = "Zorg", _("Zorg")
    CAK_ZORGVERZEKERINGEN = "CAK Zorgverzekeringen", _("CAK Zorgverzekeringen")
    CAK_EIGEN_BIJDRAGE = "CAK Eigen bijdrage", _("CAK Eigen bijdrage")
    HYPOTHEEK = "Hypotheek", _("Hypotheek")
    DUO = "DUO", _("DUO")
    BELASTINGDIENST = "Belastingdienst", _("Belastingdienst")
    DIENST_TOESLAGEN = "Dienst Toeslagen", _("Dienst Toeslagen")
    OVERIGE = "Overige", _("Overige")


class Signaalpartner(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=120)
    type = models.CharField(_("DDAS-type"), max_length=24, choices=PartnerType.choices)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("Een KvK-nummer heeft 8 cijfers."))],
    )
    contactpersoon = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    informeel = models.BooleanField(
        _("informele partner"), default=False,
        help_text=_("Huisarts, school, werkgever of vrijwilligersorganisatie (warme overdracht)."),
    )
    actief = models.BooleanField(
        _("actief"), default=True,
        help_text=_("Van een partner die niet actief is, nemen we geen signalen aan."),
    )

    class Meta:
        verbose_name = _("signaalpartner")
        verbose_name_plural = _("signaalpartners")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Signaalstatus(models.TextChoices):
    """DDAS EnumSignaalstatus: the only thing a partner may learn about its signal."""

    NOG_NIET_OPGEPAKT = "Nog niet opgepakt", _("Nog niet opgepakt")
    OPGEPAKT = "Opgepakt", _("Opgepakt")
    HERHAALDE_MELDING = "Niet opgepakt: herhaalde melding", _("Niet opgepakt: herhaalde melding")
    ONTERECHT = "Niet opgepakt: onterecht signaal", _("Niet opgepakt: onterecht signaal")
    ANDERE_REDEN = "Niet opgepakt: andere reden", _("Niet opgepakt: andere reden")
    AL_BEKEND = "Inwoner al bekend bij schuldhulpverlening", _("Inwoner al bekend bij schuldhulpverlening")
    OVERLEDEN = "Inwoner is overleden", _("Inwoner is overleden")
    GEEN_INWONER = "Persoon is geen inwoner (meer) in de gemeente", _("Persoon is geen inwoner (meer) in de gemeente")


class Kanaal(models.TextChoices):
    API = "api", _("API")
    BESTAND = "bestand", _("Bestand (scherm)")
    OPDRACHTREGEL = "opdrachtregel", _("Opdrachtregel")
    WARME_OVERDRACHT = "warme_overdracht", _("Warme overdracht")
    # the resident asked for help in the zelfcheck: no signal of a signal partner (Wgs art. 3 lid
    # 1 onder b), so not in the DDAS vroegsignalering delivery (services.vroegsignalen)
    ZELFMELDING = "zelfmelding", _("Zelfmelding (zelfcheck)")
    DEMO = "demo", _("Demo")


class Aanlevering(models.Model):
    """One delivery (API request or file) of a partner, with its counts: the intake report."""

    partner = models.ForeignKey(Signaalpartner, on_delete=models.PROTECT, related_name="aanleveringen")
    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    ingediend_door = models.CharField(
        _("ingediend door"), max_length=150, blank=True,
        help_text=_("Gebruikersnaam of API-client die de aanlevering deed."),
    )
    ontvangen = models.DateTimeField(_("ontvangen"), auto_now_add=True, db_index=True)
    aantal_ontvangen = models.PositiveIntegerField(default=0)
    aantal_geaccepteerd = models.PositiveIntegerField(default=0)
    aantal_dubbel = models.PositiveIntegerField(default=0)
    aantal_afgewezen = models.PositiveIntegerField(default=0)
    # Per error code of the intake (intake.codes.MELDINGEN): how many refused rows had it. Written
    # once per delivery from the report (a row with two errors counts under both); never a row
    # per refused signal. The monitor's data quality page sums it per partner and month.
    afgewezen_per_reden = models.JSONField(_("afgewezen per reden"), default=dict, blank=True)

    class Meta:
        verbose_name = _("aanlevering")
        verbose_name_plural = _("aanleveringen")
        ordering = ["-ontvangen", "-id"]

    def __str__(self):
        return f"{self.partner_id}:{self.pk}"


class Vroegsignaal(models.Model):
    """A signal of payment arrears (DDAS Vroegsignaal plus the contact details outreach needs)."""

    # Indexes (issue 4, index diet): every index is maintained on each INSERT of the bulk intake
    # and on each UPDATE of matching, so only those that a query needs are kept: the unique
    # (partner, extern_id) (intake, status API, and every lookup by partner), (partner,
    # status_datum, id) (status API) and zaak (case file, worklist, terugkoppeling, retention). No
    # query filters signals on huishoudsleutel (matching looks up cases by key, not signals), bsn,
    # signaaldatum, ontvangen, aanlevering, inwoner or wijk (retention's signaaldatum filter runs
    # nightly on the signals without a case; the intake finds its own signals by id range): no
    # index on those.
    partner = models.ForeignKey(Signaalpartner, on_delete=models.PROTECT, related_name="signalen", db_index=False)
    extern_id = models.CharField(_("ID bij de partner"), max_length=100)
    aanlevering = models.ForeignKey(
        Aanlevering, on_delete=models.SET_NULL, null=True, blank=True, related_name="signalen",
        db_index=False,
    )
    # empty only for a self-referral whose resident named no amount (Kanaal.ZELFMELDING): a
    # partner's signal always has one (intake.controles)
    bedrag = models.DecimalField(_("bedrag achterstand"), max_digits=12, decimal_places=2, null=True, blank=True)
    ontstaansdatum = models.DateField(_("ontstaansdatum"), null=True, blank=True)
    signaaldatum = models.DateField(_("signaaldatum"))
    crisissignaal = models.BooleanField(_("crisissignaal"), default=False)
    warme_overdracht = models.BooleanField(_("warme overdracht"), default=False)
    eindelevering = models.BooleanField(_("eindelevering"), default=False)
    klantnummer = models.CharField(_("klantnummer"), max_length=40, blank=True)
    toestemming_inwoner = models.BooleanField(
        _("toestemming inwoner vastgelegd"), default=False,
        help_text=_("Bij warme overdracht: de inwoner heeft toestemming gegeven."),
    )
    # client (DDAS) + GGM contact details
    bsn = models.CharField(_("burgerservicenummer"), max_length=9, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    huisnummertoevoeging = models.CharField(_("huisnummertoevoeging"), max_length=10, blank=True)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    geslachtsaanduiding = models.CharField(_("geslacht"), max_length=8, blank=True)
    voorletters = models.CharField(_("voorletters"), max_length=20, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=120, blank=True)
    straatnaam = models.CharField(_("straatnaam"), max_length=80, blank=True)
    plaatsnaam = models.CharField(_("plaatsnaam"), max_length=80, blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.CharField(_("e-mailadres"), max_length=254, blank=True)
    # intake and matching
    ontvangen = models.DateTimeField(_("ontvangen"))
    huishoudsleutel = models.CharField(
        _("huishoudsleutel"), max_length=40,
        help_text=_("BSN-gebaseerd of genormaliseerd adres; bepaalt welke signalen samen één zaak vormen."),
    )
    herhaling = models.BooleanField(_("herhaalde melding"), default=False)
    vorig_bedrag = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    waarschuwingen = models.JSONField(_("waarschuwingen"), default=list, blank=True)
    inwoner = models.ForeignKey(
        "personen.Inwoner", on_delete=models.SET_NULL, null=True, blank=True, related_name="signalen",
        db_index=False,
    )
    wijk = models.ForeignKey(
        "gebieden.Wijk", on_delete=models.SET_NULL, null=True, blank=True, related_name="signalen",
        db_index=False,
    )
    zaak = models.ForeignKey(
        "zaken.Vroegsignaalzaak", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="signalen",
    )
    status = models.CharField(
        _("signaalstatus"), max_length=60, choices=Signaalstatus.choices,
        default=Signaalstatus.NOG_NIET_OPGEPAKT,
    )
    status_datum = models.DateField(_("datum status"))

    class Meta:
        verbose_name = _("vroegsignaal")
        verbose_name_plural = _("vroegsignalen")
        constraints = [
            models.UniqueConstraint(fields=["partner", "extern_id"], name="uniek_signaal_per_partner")
        ]
        indexes = [
            # the status API pages by (status_datum, id) per partner: with id in the index a page
            # is one range scan in key order, no sort (issue 10; PostgreSQL needs id in the key,
            # SQLite has the rowid behind every key anyway). On PostgreSQL migration 0008 adds
            # INCLUDE (extern_id, status): a page is then an index-only scan
            models.Index(fields=["partner", "status_datum", "id"], name="vroegsignaal_status_idx"),
        ]

    def __str__(self):
        return f"{self.partner.code}:{self.extern_id}"


class StatusRij(NamedTuple):
    """What the partner status API reads of one signal."""

    extern_id: str
    status: str
    status_datum: dt.date
    id: int


# A row of a status page: the fields of StatusRij in its order, as the database gives them. Not
# made into StatusRij: that took a third of the Python time of a page of 1,000 (issue 10).
StatusTupel = tuple[str, str, dt.date, int]


# The partner status API's two queries, parameterised SQL without the ORM: they run on every
# status call, and compiling them through the ORM cost about a third of a request (issue 10 load
# test). Both are served by an index: uniek_signaal_per_partner and vroegsignaal_status_idx.
_STATUS_KOLOMMEN = "extern_id, status, status_datum, id"
_STATUS_VAN_SQL = (
    f"SELECT {_STATUS_KOLOMMEN} FROM signalering_vroegsignaal WHERE partner_id = %s AND extern_id = %s"
)
# The keyset as one row-value comparison, (status_datum, id) > (d, p), so that SQLite and
# PostgreSQL both start the range scan of vroegsignaal_status_idx at the keyset: with the OR of
# status_datum > d and status_datum = d AND id > p SQLite factored out the common
# status_datum >= sinds and scanned from there, every earlier page again (issue 10).
_STATUS_PAGINA_SQL = (
    f"SELECT {_STATUS_KOLOMMEN} FROM signalering_vroegsignaal"
    " WHERE partner_id = %s AND (status_datum, id) > (%s, %s) ORDER BY status_datum, id LIMIT %s"
)


def status_van(partner_id: int, extern_id: str) -> StatusRij | None:
    """The status of the partner's signal with this ID (unique per partner), or None."""
    with connection.cursor() as cursor:
        cursor.execute(_STATUS_VAN_SQL, [partner_id, extern_id])
        rij = cursor.fetchone()
    return None if rij is None else StatusRij(*rij)


def status_pagina(
    partner_id: int, sinds: dt.date, na: tuple[dt.date, int] | None = None, *, aantal: int,
) -> list[StatusTupel]:
    """At most ``aantal`` of a partner's signals whose status changed on or after ``sinds``, in
    (status_datum, id) order, after the keyset ``na`` (the last (status_datum, id) of the previous
    page). ``status_datum >= sinds`` is the keyset (sinds, 0): every id is at least 1."""
    datum, pk = max(na, (sinds, 0)) if na is not None else (sinds, 0)  # a keyset before sinds starts at sinds
    with connection.cursor() as cursor:
        cursor.execute(_STATUS_PAGINA_SQL, [partner_id, connection.ops.adapt_datefield_value(datum), pk, aantal])
        return cursor.fetchall()
