"""Login, logout and TOTP two-factor login (django-otp)."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth import logout, views as auth_views
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


class LoginForm(auth_views.AuthenticationForm):
    error_messages = {
        "invalid_login": gettext_lazy(
            "Gebruikersnaam of wachtwoord klopt niet. Let op: na 5 mislukte pogingen wordt het account een uur geblokkeerd."
        ),
        "inactive": gettext_lazy("Dit account is niet actief."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No autofocus: keyboard and screen-reader users start at the skip link, as on every page.
        self.fields["username"].widget.attrs.pop("autofocus", None)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")


class TokenForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code uit uw authenticator-app"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _next_page(request) -> str:
    """Where to go after the second factor: the page asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


def tweestaps(request):
    """Set up (first time) or verify the TOTP second factor."""
    user = request.user
    if user.is_verified():
        return redirect(_next_page(request))
    device = TOTPDevice.objects.filter(user=user).order_by("-confirmed").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_page(request))
        form.add_error("code", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code."))
    context = {"form": form, "instellen": not device.confirmed, "next": _next_page(request)}
    if not device.confirmed:
        context["qr"] = _qr_svg(device.config_url)
        # For who cannot scan: the same secret as text, in groups of four.
        secret = base64.b32encode(device.bin_key).decode().rstrip("=")
        context["sleutel"] = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    return render(request, "accounts/tweestaps.html", context)
