"""``/ddas-levering/``: the beheerder's preview of a DDAS delivery (``monitor.ddas.scherm``).
Not under the public ``/ddas/`` of CBS, so the login and second-factor middleware guard it."""

from django.urls import path

from vroeghulp.monitor.ddas import scherm

app_name = "ddas_beheer"
urlpatterns = [
    path("", scherm.voorbeeld, name="voorbeeld"),
]
