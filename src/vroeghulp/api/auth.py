"""API authentication: bearer tokens for API clients (signal partners, CBS) with scopes per action,
and the staff session for the few operations staff may call from the browser.

The two never mix: a request that carries ``Authorization`` is judged on its token alone (no CSRF,
no session), a request without it on its session, with Django's CSRF check and, where required,
a completed second factor. Nobody recognised: 401 (``AuthenticationError``).
"""

import datetime as dt

from django.conf import settings
from django.http import QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from vroeghulp.accounts import services as accounts
from vroeghulp.accounts.models import ApiToken

LAATST_GEBRUIKT_STAP = dt.timedelta(minutes=1)


class SessieGeweigerd(Exception):
    """A staff session was recognised but may not call the API (CSRF failed, 2FA not completed)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code  # "csrf" or "tweestaps"


class TokenAuth(HttpBearer):
    """Accepts a token of an active client that holds ``scope``; sets request.api_client."""

    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token):
        gevonden = ApiToken.zoek(token)
        if gevonden is None or not gevonden.client.heeft_scope(self.scope):
            return None
        nu = timezone.now()
        # At most one write a minute per token: a busy partner client must not turn every read
        # into a write and a commit (issue 10 load test); "last used" needs no finer grain.
        if gevonden.laatst_gebruikt is None or nu - gevonden.laatst_gebruikt >= LAATST_GEBRUIKT_STAP:
            accounts.token_gebruikt(gevonden, nu)
        request.api_client = gevonden.client
        return gevonden.client


class SessieAuth(APIKeyCookie):
    """A logged-in member of staff (Django session cookie), for calls from our own screens.

    Subclasses ninja's cookie auth only for the OpenAPI security scheme; the checks are our own:
    ninja's version runs the CSRF check before anything else, so a token client without a cookie
    got "CSRF check Failed" instead of being authenticated by its token.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self):
        super().__init__(csrf=True)

    def _get_key(self, request):
        if "authorization" in request.headers:
            return None  # a token call is judged on its token alone
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if not key or user is None or not user.is_authenticated or not user.is_active:
            return None
        try:
            geweigerd = check_csrf(request)
        except MultiPartParserError:
            # a multipart body Django cannot read (no boundary) has no form token: only the header's
            # counts, and the operation refuses the body itself (415) instead of a 500 here
            request._post, request._files = QueryDict(), MultiValueDict()
            geweigerd = check_csrf(request)
        if geweigerd is not None:
            raise SessieGeweigerd("csrf")
        if settings.VROEGHULP_2FA_VERPLICHT and not user.is_verified():
            raise SessieGeweigerd("tweestaps")
        return user
