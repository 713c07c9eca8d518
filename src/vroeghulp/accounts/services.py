"""Creating staff accounts and teams (no admin site: a command line for the beheerder)."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vroeghulp.accounts import oauth
from vroeghulp.accounts.demo_accounts import DEMO_USERNAMES
from vroeghulp.accounts.models import ApiClient, ApiToken, Gebruiker, Rol, Scope, Team
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.gebieden.models import Wijk


class InvoerFout(Exception):
    """Wrong input; the message is Dutch and names the field."""


@transaction.atomic
def team_opslaan(naam: str, wijkcodes: list[str]) -> Team:
    wijken = list(Wijk.objects.filter(code__in=wijkcodes))
    onbekend = sorted(set(wijkcodes) - {w.code for w in wijken})
    if onbekend:
        raise InvoerFout(_("--wijk: onbekende wijkcode(s): %(codes)s.") % {"codes": ", ".join(onbekend)})
    team, _nieuw = Team.objects.get_or_create(naam=naam)
    team.wijken.set(wijken)
    audit.log(actor=None, actie=Actie.WIJZIGEN, object_type="accounts.Team", object_id=team.pk,
              doel=_("Beheer van teams"), toelichting=f"wijken: {', '.join(sorted(wijkcodes))}")
    return team


@transaction.atomic
def gebruiker_opslaan(username: str, *, rol: str, wachtwoord: str, teams: list[str], naam: str = "") -> Gebruiker:
    if rol not in Rol.values:
        raise InvoerFout(_("--rol: kies uit %(rollen)s.") % {"rollen": ", ".join(Rol.values)})
    if settings.PRODUCTIE and username in DEMO_USERNAMES:
        raise InvoerFout(_("gebruikersnaam: '%(naam)s' is een demo-account en mag niet in productie.") % {"naam": username})
    gevonden = list(Team.objects.filter(naam__in=teams))
    onbekend = sorted(set(teams) - {t.naam for t in gevonden})
    if onbekend:
        raise InvoerFout(_("--team: onbekend team: %(teams)s. Maak het eerst met 'vroeghulp team'.") % {"teams": ", ".join(onbekend)})
    if rol in (Rol.CONSULENT, Rol.TEAMLEIDER) and not gevonden:
        raise InvoerFout(_("--team: een %(rol)s hoort bij minstens één team.") % {"rol": rol})
    gebruiker = Gebruiker.objects.filter(username=username).first() or Gebruiker(username=username)
    voornaam, _sep, achternaam = naam.partition(" ")
    gebruiker.first_name, gebruiker.last_name, gebruiker.rol = voornaam, achternaam, rol
    try:
        validate_password(wachtwoord, gebruiker)
    except ValidationError as error:
        raise InvoerFout(_("wachtwoord: %(fouten)s") % {"fouten": " ".join(error.messages)}) from error
    gebruiker.set_password(wachtwoord)
    gebruiker.save()
    gebruiker.teams.set(gevonden)
    audit.log(actor=None, actie=Actie.WIJZIGEN, object_type="accounts.Gebruiker", object_id=gebruiker.pk,
              doel=_("Beheer van accounts"), toelichting=f"rol {rol}")
    return gebruiker


# --- API clients and tokens (used by signalering.tokens and vroeghulp.api.auth) ---------------


def api_client_voor_partner(partner, scopes: list[str]) -> ApiClient:
    """The partner's API client (one per partner), created or given the missing scopes."""
    client = ApiClient.objects.filter(signaalpartner=partner).order_by("pk").first()
    if client is None:
        client = ApiClient.objects.create(naam=f"Signaalpartner {partner.code}", signaalpartner=partner,
                                          scopes=list(scopes))
    elif not set(scopes) <= set(client.scopes):
        client.scopes = sorted(set(client.scopes) | set(scopes))
        client.save(update_fields=["scopes"])
    return client


def nieuwe_api_token(client: ApiClient) -> tuple[ApiToken, str]:
    """A new token for the client: (token, plain value); only the hash is stored."""
    return ApiToken.nieuw(client)


def token_gebruikt(token: ApiToken, moment) -> None:
    """Record when a token was last used."""
    ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt=moment)


# --- the CBS client of the DDAS deliveries (monitor.ddas) -------------------------------------

DDAS_SCOPE = Scope.DDAS_LEVERING.value
# OAuth2 client credentials for that client (accounts.oauth): the token endpoint's reads
OAuthFout = oauth.OAuthFout
Clientgegevens = oauth.Clientgegevens
Toegangstoken = oauth.Toegangstoken
TOEGANG_SECONDEN = oauth.TOEGANG_SECONDEN
toegangstoken_uitgeven = oauth.uitgeven
client_van_toegangstoken = oauth.client_van_toegangstoken
is_ddas_client = oauth.is_ddas_client


def client_van_token(waarde: str) -> ApiClient | None:
    """The active client of this token if it is valid (not revoked), else None; the use is
    recorded as ``api.auth.TokenAuth`` does. Whether the client may do the call is the caller's
    check (``client.heeft_scope``): an unknown token is 401, a known one without the scope 403."""
    gevonden = ApiToken.zoek(waarde)
    if gevonden is None:
        return None
    token_gebruikt(gevonden, timezone.now())
    return gevonden.client


def cbs_client(naam: str = "CBS") -> ApiClient:
    """The API client of CBS with the DDAS scope (and only that), created when absent."""
    client, _nieuw = ApiClient.objects.get_or_create(naam=naam, defaults={"scopes": [DDAS_SCOPE]})
    if client.scopes != [DDAS_SCOPE] or client.signaalpartner_id is not None:
        raise ValueError(f"De API-client '{naam}' bestaat al met andere rechten; kies een andere naam.")
    return client


def cbs_clientgeheim_vernieuwen(naam: str = "CBS") -> Clientgegevens:
    """Create the CBS client when absent, revoke its secrets and make a new one (shown once)."""
    return oauth.nieuw_geheim(cbs_client(naam))
