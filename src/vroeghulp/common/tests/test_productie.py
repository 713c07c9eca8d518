"""Production refuses insecure configurations.

Settings are read once per process, so each case imports them fresh in a subprocess with
VROEGHULP_OMGEVING=productie, exactly as a server would start.
"""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ImproperlyConfigured

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory
from vroeghulp.common.production import DEMO_USERNAMES, check_no_demo_accounts

GOOD_KEY = "k" * 20 + "-Zq8#vT2!pW9@xL4$mN7%bR1^cY6&dF3*" + "h" * 10

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SESSION_COOKIE_HTTPONLY": s.SESSION_COOKIE_HTTPONLY,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "VROEGHULP_2FA_VERPLICHT": s.VROEGHULP_2FA_VERPLICHT,
    "CSP": s.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "MIDDLEWARE": s.MIDDLEWARE,
    "AXES_FAILURE_LIMIT": s.AXES_FAILURE_LIMIT,
}))
"""


def start_production(tmp_path, code="import django; django.setup()", **extra_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VROEGHULP_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="vroeghulp.settings",
        VROEGHULP_OMGEVING="productie",
        VROEGHULP_VAR_DIR=str(tmp_path),
    )
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("extra_env", "message"),
    [
        ({}, "Productie start niet zonder VROEGHULP_SECRET_KEY"),
        ({"VROEGHULP_SECRET_KEY": "te-kort"}, "VROEGHULP_SECRET_KEY is te kort of onveilig"),
        ({"VROEGHULP_SECRET_KEY": "onveilig-" + "x" * 60}, "VROEGHULP_SECRET_KEY is te kort of onveilig"),
        ({"VROEGHULP_SECRET_KEY": GOOD_KEY, "VROEGHULP_DEBUG": "1"}, "Productie start niet met VROEGHULP_DEBUG aan"),
    ],
    ids=["geen-sleutel", "korte-sleutel", "onveilige-sleutel", "debug-aan"],
)
def test_production_refuses_insecure_settings(tmp_path, extra_env, message):
    result = start_production(tmp_path, **extra_env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_starts_with_a_good_key_and_is_secure(tmp_path):
    result = start_production(tmp_path, PRINT_SETTINGS, VROEGHULP_SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["DEBUG"] is False
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"] and s["SESSION_COOKIE_HTTPONLY"]
    assert s["SECURE_HSTS_SECONDS"] >= 31536000
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["VROEGHULP_2FA_VERPLICHT"] is True
    assert s["AXES_FAILURE_LIMIT"] == 5
    assert "axes.middleware.AxesMiddleware" in s["MIDDLEWARE"]
    assert "django_otp.middleware.OTPMiddleware" in s["MIDDLEWARE"]
    csp = s["CSP"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    for directive, sources in csp.items():
        assert "'unsafe-inline'" not in sources, directive
        assert "'unsafe-eval'" not in sources, directive
        assert not any(src.startswith(("http:", "https:", "*")) for src in sources), directive


def test_production_wsgi_refuses_to_serve_with_demo_accounts(tmp_path):
    """End to end: a database that holds the demo login 'consulent' makes the WSGI app refuse."""
    db_url = f"sqlite:///{tmp_path / 'prod.sqlite3'}"
    prepare = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "from vroeghulp.accounts.models import Gebruiker\n"
        "Gebruiker.objects.create_user('consulent', password='demo')\n"
    )
    result = start_production(tmp_path, prepare, VROEGHULP_SECRET_KEY=GOOD_KEY, DATABASE_URL=db_url)
    assert result.returncode == 0, result.stderr
    result = start_production(tmp_path, "import vroeghulp.wsgi", VROEGHULP_SECRET_KEY=GOOD_KEY, DATABASE_URL=db_url)
    assert result.returncode != 0
    assert "Productie start niet met demo-accounts: consulent" in result.stderr


@pytest.mark.django_db
def test_check_no_demo_accounts_refuses_each_active_demo_login():
    check_no_demo_accounts()  # none yet: fine
    GebruikerFactory(username="teamleider", is_active=False)
    check_no_demo_accounts()  # deactivated demo account: fine
    GebruikerFactory(username="analist")
    with pytest.raises(ImproperlyConfigured, match="analist"):
        check_no_demo_accounts()


def test_demo_usernames_are_the_contract_logins():
    assert {"beheerder", "teamleider", "consulent", "analist"} <= set(DEMO_USERNAMES)


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["beheerder", "teamleider", "consulent", "analist"])
def test_backend_refuses_demo_usernames_in_production(rf, settings, username):
    GebruikerFactory(username=username, password="een-lang-wachtwoord-123", rol=Rol.CONSULENT)
    request = rf.post("/accounts/inloggen/")
    settings.PRODUCTIE = False
    assert authenticate(request, username=username, password="een-lang-wachtwoord-123") is not None
    settings.PRODUCTIE = True
    assert authenticate(request, username=username, password="een-lang-wachtwoord-123") is None


@pytest.mark.django_db
def test_backend_lets_a_normal_account_in_production(rf, settings):
    GebruikerFactory(username="j.devries", password="een-lang-wachtwoord-123")
    settings.PRODUCTIE = True
    assert authenticate(rf.post("/"), username="j.devries", password="een-lang-wachtwoord-123") is not None
