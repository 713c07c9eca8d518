"""Bearer-token authentication for API clients (signal partners, CBS) with scopes per action."""

from django.utils import timezone
from ninja.security import HttpBearer

from vroeghulp.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """Accepts a token of an active client that holds ``scope``; sets request.api_client."""

    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token):
        gevonden = ApiToken.zoek(token)
        if gevonden is None or not gevonden.client.heeft_scope(self.scope):
            return None
        ApiToken.objects.filter(pk=gevonden.pk).update(laatst_gebruikt=timezone.now())
        request.api_client = gevonden.client
        return gevonden.client
