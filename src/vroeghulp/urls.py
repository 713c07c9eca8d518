from importlib.util import find_spec

from django.urls import include, path

from vroeghulp.api.root import api
from vroeghulp.common import views as common_views

# Each app mounts its screens under one prefix; an app without urls.py yet is skipped.
APP_PREFIXES = [
    ("accounts/", "accounts"),
    ("personen/", "personen"),
    ("audit/", "accounts.urls_audit"),  # the audit search screen asks accounts.permissions
    ("signalen/", "signalering"),
    ("zaken/", "zaken"),
    ("schuldhulp/", "schuldhulp"),
    ("zelfcheck/", "zelfcheck"),
    ("zelfcheck-beheer/", "zelfcheck.urls_beheer"),  # not public: behind the login middleware
    ("monitor/", "monitor"),
    ("ddas/", "monitor.ddas_urls"),  # public: CBS with its OAuth2 token
    ("ddas-levering/", "monitor.ddas_beheer_urls"),  # the beheerder's preview, behind the login
]

urlpatterns = [
    path("", common_views.home, name="home"),
    path("gezond/", common_views.health, name="health"),
    path("api/v1/", api.urls),
] + [
    path(prefix, include(f"vroeghulp.{module}" if "." in module else f"vroeghulp.{module}.urls"))
    for prefix, module in APP_PREFIXES
    if find_spec(f"vroeghulp.{module}" if "." in module else f"vroeghulp.{module}.urls") is not None
]

handler400 = "vroeghulp.common.views.bad_request"
handler403 = "vroeghulp.common.views.forbidden"
handler404 = "vroeghulp.common.views.not_found"
handler500 = "vroeghulp.common.views.server_error"
