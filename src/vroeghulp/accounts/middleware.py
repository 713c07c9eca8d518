"""Every staff page requires login (and, where configured, a verified second factor)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

# Paths that are public or authenticate themselves (API tokens).
PUBLIC_PREFIXES = ("/accounts/inloggen/", "/static/", "/api/", "/ddas/", "/zelfcheck/", "/gezond/")
OTP_EXEMPT_PREFIXES = ("/accounts/tweestaps/", "/accounts/uitloggen/")


class LoginRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if not path.startswith(PUBLIC_PREFIXES):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if (
                settings.VROEGHULP_2FA_VERPLICHT
                and not user.is_verified()
                and not path.startswith(OTP_EXEMPT_PREFIXES)
            ):
                target = reverse("accounts:tweestaps")
                if path != "/":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)
