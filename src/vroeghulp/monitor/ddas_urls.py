"""``/ddas/``: the DDAS operations CBS calls (``monitor.ddas.api``; contract: the official YAMLs)."""

from django.urls import path

from vroeghulp.monitor.ddas import api

app_name = "ddas"
urlpatterns = [
    path("vroegsignalering/v1/gegevens", api.vroegsignalering, name="vroegsignalering"),
    path("schuldhulpverlening/v1/gegevens", api.schuldhulpverlening, name="schuldhulpverlening"),
]
