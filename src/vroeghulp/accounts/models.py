"""Users with one role, teams that own wijken, and API clients with hashed tokens."""

import datetime as dt
import hashlib
import json
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import connection, models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from vroeghulp.gebieden.models import Wijk


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    TEAMLEIDER = "teamleider", _("Teamleider")
    CONSULENT = "consulent", _("Consulent")
    ANALIST = "analist", _("Analist")
    KETENPARTNER = "ketenpartner", _("Ketenpartner (warme overdracht)")


class Team(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    wijken = models.ManyToManyField(Wijk, related_name="teams", verbose_name=_("wijken"), blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gebruiker(AbstractUser):
    rol = models.CharField(_("rol"), max_length=16, choices=Rol.choices, default=Rol.CONSULENT)
    teams = models.ManyToManyField(Team, related_name="leden", verbose_name=_("teams"), blank=True)
    signaalpartner = models.ForeignKey(
        "signalering.Signaalpartner", on_delete=models.PROTECT, null=True, blank=True,
        related_name="medewerkers", verbose_name=_("signaalpartner"),
        help_text=_("Alleen voor ketenpartners: de organisatie namens wie zij signalen doorgeven."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def wijk_ids(self) -> set[int]:
        """The wijken whose personal data this user may see (through their teams)."""
        if not hasattr(self, "_wijk_ids"):
            self._wijk_ids = set(
                Wijk.objects.filter(teams__leden=self).values_list("id", flat=True)
            )
        return self._wijk_ids


class Scope(models.TextChoices):
    SIGNALEN_AANLEVEREN = "signalen:aanleveren", _("Signalen aanleveren")
    SIGNALEN_STATUS = "signalen:status", _("Status van eigen signalen lezen")
    BEREKENINGEN = "berekeningen", _("Berekeningen uitvoeren")
    DDAS_LEVERING = "ddas", _("DDAS-levering ophalen (CBS)")


class ApiClient(models.Model):
    """A system that calls the API: a signal partner or CBS. Separate from staff accounts."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    scopes = models.JSONField(_("scopes"), default=list)
    signaalpartner = models.ForeignKey(
        "signalering.Signaalpartner", on_delete=models.CASCADE, null=True, blank=True,
        related_name="api_clients", verbose_name=_("signaalpartner"),
    )
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("API-client")
        verbose_name_plural = _("API-clients")

    def __str__(self):
        return self.naam

    def heeft_scope(self, scope: str) -> bool:
        return scope in self.scopes


def hash_token(token: str) -> str:
    # Tokens are 256-bit random values, so a fast hash is enough to make a stolen table useless.
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="tokens")
    prefix = models.CharField(_("begin van de token"), max_length=8)
    sleutel_hash = models.CharField(max_length=64, unique=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    ingetrokken = models.DateTimeField(_("ingetrokken"), null=True, blank=True)
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    @classmethod
    def nieuw(cls, client: ApiClient) -> tuple["ApiToken", str]:
        """Create a token; the plain value is returned once and never stored."""
        waarde = "vh_" + secrets.token_urlsafe(32)
        token = cls.objects.create(client=client, prefix=waarde[:8], sleutel_hash=hash_token(waarde))
        return token, waarde

    @classmethod
    def zoek(cls, waarde: str) -> "ApiToken | None":
        """The token with this value, if it is not revoked and its client is active; with its client.

        Every API call asks this, so it is one parameterised query the unique index on sleutel_hash
        serves, without the ORM: building the select_related query cost 40% of a status request
        (issue 10 load test). ``client.signaalpartner`` is loaded on first use; ask
        ``client.signaalpartner_id`` when the id is enough. Nothing is cached: a revoked token is
        refused on its very next call."""
        with connection.cursor() as cursor:
            cursor.execute(_ZOEK_SQL, [hash_token(waarde)])
            rij = cursor.fetchone()
        if rij is None:
            return None
        token_id, laatst_gebruikt, client_id, naam, scopes, partner_id = rij
        if isinstance(scopes, str):  # JSON text on SQLite (and on PostgreSQL as Django reads jsonb)
            scopes = json.loads(scopes)
        # as the ORM loads a partial row: the other fields are deferred (read on first use, and
        # a save() writes only the loaded ones)
        client = ApiClient.from_db(
            connection.alias, ["id", "naam", "scopes", "signaalpartner_id", "actief"],
            [client_id, naam, scopes, partner_id, True],
        )
        token = cls.from_db(
            connection.alias, ["id", "client_id", "ingetrokken", "laatst_gebruikt"],
            [token_id, client_id, None, _als_tijdstip(laatst_gebruikt)],
        )
        token.client = client
        return token


_ZOEK_SQL = (
    "SELECT t.id, t.laatst_gebruikt, c.id, c.naam, c.scopes, c.signaalpartner_id"
    " FROM accounts_apitoken t JOIN accounts_apiclient c ON c.id = t.client_id"
    " WHERE t.sleutel_hash = %s AND t.ingetrokken IS NULL AND c.actief"
)


def _als_tijdstip(waarde) -> dt.datetime | None:
    """A timestamp as the ORM gives it (aware, UTC) from a raw row: SQLite gives naive UTC."""
    if isinstance(waarde, str):
        waarde = parse_datetime(waarde)
    if waarde is not None and timezone.is_naive(waarde):
        waarde = timezone.make_aware(waarde, dt.timezone.utc)
    return waarde
