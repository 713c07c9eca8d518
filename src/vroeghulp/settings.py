"""Django settings, read from the environment (documented in README.md).

VROEGHULP_OMGEVING selects the safety level:
- ``productie`` (default): refuses to start without a secret key, with DEBUG on, or with demo
  accounts; secure cookies, HSTS, two-factor login for staff.
- ``demo``: the embedded synthetic municipality served by ``vroeghulp demo``.
- ``test``: the test suite.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from vroeghulp.common.env import env, env_bool, env_int

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env("VROEGHULP_VAR_DIR", str(Path.cwd() / "var")))

OMGEVING = env("VROEGHULP_OMGEVING", "productie")
if OMGEVING not in {"productie", "demo", "test"}:
    raise ImproperlyConfigured(
        f"VROEGHULP_OMGEVING moet 'productie', 'demo' of 'test' zijn, niet {OMGEVING!r}."
    )
PRODUCTIE = OMGEVING == "productie"

DEBUG = env_bool("VROEGHULP_DEBUG", False)
SECRET_KEY = env("VROEGHULP_SECRET_KEY", "")
if PRODUCTIE:
    from vroeghulp.common.production import check_production_settings

    check_production_settings(secret_key=SECRET_KEY, debug=DEBUG)
elif not SECRET_KEY:
    # Demo and test only: a fixed, clearly non-secret key.
    SECRET_KEY = f"onveilig-alleen-voor-{OMGEVING}-niet-in-productie"

ALLOWED_HOSTS = env("VROEGHULP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in env("VROEGHULP_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

GEMEENTECODE = env("VROEGHULP_GEMEENTECODE", "0344")
# DDAS deliveries to CBS (docs/ddas.md): the organisation's certificate chain and RSA key (PEM
# files) that sign every answer, and what the delivery says about the supplying organisation
VROEGHULP_DDAS_CERT = env("VROEGHULP_DDAS_CERT", "")
VROEGHULP_DDAS_KEY = env("VROEGHULP_DDAS_KEY", "")
VROEGHULP_DDAS_ORGANISATIE = env("VROEGHULP_DDAS_ORGANISATIE", "Gemeente Utrecht")
VROEGHULP_DDAS_KVK = env("VROEGHULP_DDAS_KVK", "")
VROEGHULP_DDAS_CONTACT_NAAM = env("VROEGHULP_DDAS_CONTACT_NAAM", "")
VROEGHULP_DDAS_CONTACT_EMAIL = env("VROEGHULP_DDAS_CONTACT_EMAIL", "")
VROEGHULP_DDAS_CONTACT_TELEFOON = env("VROEGHULP_DDAS_CONTACT_TELEFOON", "")
VROEGHULP_DDAS_CONTACT_FUNCTIE = env("VROEGHULP_DDAS_CONTACT_FUNCTIE", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_htmx",
    "ninja",  # its own copy of Swagger UI for /api/v1/docs (no CDN: our CSP allows only 'self')
    "vroeghulp.common",
    "vroeghulp.audit",
    "vroeghulp.accounts",
    "vroeghulp.gebieden",
    "vroeghulp.personen",
    "vroeghulp.signalering",
    "vroeghulp.zaken",
    "vroeghulp.schuldhulp",
    "vroeghulp.zelfcheck",
    "vroeghulp.monitor",
    "vroeghulp.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "vroeghulp.common.csp.VasteCSPMiddleware",  # django-csp, the policy built once
    "django_htmx.middleware.HtmxMiddleware",
    "vroeghulp.accounts.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vroeghulp.urls"
WSGI_APPLICATION = "vroeghulp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vroeghulp.common.context_processors.vroeghulp",
            ],
        },
    }
]

# Database: SQLite (WAL, set per connection below) by default, PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'vroeghulp.sqlite3'}"),
        conn_max_age=env_int("VROEGHULP_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA busy_timeout=20000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-64000;"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("VROEGHULP_DB_PREPARED", True):
    # Parameters bound by the server and a statement run 5 times on a connection prepared there
    # (psycopg 3): PostgreSQL then parses and plans it once per connection, not per call (the
    # partner status API, issue 10 load test). Off (VROEGHULP_DB_PREPARED=0) behind a pooler in
    # transaction mode that does not track prepared statements (pgbouncer before 1.21).
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}), "server_side_binding": True, "prepare_threshold": 5,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "vroeghulp.accounts.backends.VroeghulpBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "vroeghulp.accounts.validators.MinimaleLengte",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if OMGEVING == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Staff must use a TOTP second factor in production (secure by default).
VROEGHULP_2FA_VERPLICHT = env_bool("VROEGHULP_2FA_VERPLICHT", PRODUCTIE)

# Login throttling: lock an account+address after 5 failures for one hour.
AXES_FAILURE_LIMIT = env_int("VROEGHULP_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["password", "token", "burgerservicenummer", "bsn"]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = Path(env("VROEGHULP_NODE_MODULES", str(PROJECT_DIR / "node_modules")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("nlds/utrecht", NODE_MODULES / "@utrecht/component-library-css/dist"),
    ("nlds/tokens", NODE_MODULES / "@utrecht/design-tokens/dist"),
    ("htmx", NODE_MODULES / "htmx.org/dist"),
]
# The npm packages are found when installed (./dev does); without them pages work unstyled.
STATICFILES_DIRS = [d for d in STATICFILES_DIRS if (d[1] if isinstance(d, tuple) else d).exists()]
# Production serves the files that `vroeghulp collectstatic` put in STATIC_ROOT (README).
WHITENOISE_USE_FINDERS = not PRODUCTIE
WHITENOISE_AUTOREFRESH = not PRODUCTIE

# Security headers. Cookies are secure in production; HSTS one year.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "vroeghulp.common.views.csrf_failure"
SESSION_COOKIE_SECURE = PRODUCTIE
CSRF_COOKIE_SECURE = PRODUCTIE
SECURE_SSL_REDIRECT = PRODUCTIE and env_bool("VROEGHULP_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]  # the load balancer's health check may use plain http
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTIE else None
SECURE_HSTS_SECONDS = 31536000 if PRODUCTIE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTIE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Strict Content-Security-Policy: only our own origin, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024

# BSNs are masked in every log record (vroeghulp.common.logging: a record factory for all loggers,
# the filter on each handler). Django's own loggers write through these handlers: "django" to the
# root (no e-mail to ADMINS: a traceback may hold personal data), the development server's access
# lines (django.server) to its own scrubbing handler.
LOGGING_CONFIG = "vroeghulp.common.logging.configure"
LOGLEVEL = env("VROEGHULP_LOGLEVEL", "WARNING").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub_bsn": {"()": "vroeghulp.common.logging.ScrubBsnFilter"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}",
                          "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub_bsn"]},
        "django.server": {"class": "logging.StreamHandler", "filters": ["scrub_bsn"],
                          "formatter": "django.server"},
    },
    "loggers": {
        "django": {"handlers": [], "level": LOGLEVEL, "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": LOGLEVEL},
}

# Vroegsignalering settings (see docs and the signalering app).
VROEGHULP_DREMPELBEDRAG = env("VROEGHULP_DREMPELBEDRAG", "50")
