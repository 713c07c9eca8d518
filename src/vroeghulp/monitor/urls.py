from django.urls import path

from vroeghulp.monitor import views

app_name = "monitor"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("grafiek/<slug:naam>.svg", views.grafiek, name="grafiek"),
    path("download/<slug:tabel>.<slug:formaat>", views.download, name="download"),
    path("kwaliteit/", views.datakwaliteit, name="kwaliteit"),
    path("doelen/", views.nationale_doelen, name="doelen"),
]
