"""API tokens for signal partners (docs/interfaces.md section 2.2): one API client per partner; only the
hash of a token is stored, the value is shown once."""

from django.db import transaction

from vroeghulp.accounts import services as accounts
from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie

PARTNER_SCOPES = [Scope.SIGNALEN_AANLEVEREN.value, Scope.SIGNALEN_STATUS.value]


def client_voor(partner) -> ApiClient:
    return accounts.api_client_voor_partner(partner, PARTNER_SCOPES)


@transaction.atomic
def nieuwe_token(partner, *, actor=None) -> tuple[ApiToken, str]:
    """Create a token for the partner; returns (token, plain value). The value is never stored."""
    client = client_voor(partner)
    token, waarde = accounts.nieuwe_api_token(client)
    audit.log(
        actor=actor, actie=Actie.AANMAKEN, object_type=ApiToken._meta.label, object_id=token.pk,
        doel="Beheer signaalpartners", toelichting=f"API-token voor {partner.code}",
    )
    return token, waarde
