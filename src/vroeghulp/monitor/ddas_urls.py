"""``/ddas/``: the DDAS operations CBS calls (``monitor.ddas.api``; contract: the official YAMLs) and
the token URL of their OAuth2 client credentials (``monitor.ddas.oauth``)."""

from django.urls import path

from vroeghulp.monitor.ddas import api, oauth

app_name = "ddas"
urlpatterns = [
    path("oauth/token", oauth.token, name="token"),
    path("vroegsignalering/v1/gegevens", api.vroegsignalering, name="vroegsignalering"),
    path("schuldhulpverlening/v1/gegevens", api.schuldhulpverlening, name="schuldhulpverlening"),
]
