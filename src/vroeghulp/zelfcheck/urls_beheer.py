from django.urls import path

from vroeghulp.zelfcheck import views_beheer

app_name = "zelfcheck_beheer"

urlpatterns = [
    path("", views_beheer.overzicht, name="overzicht"),
    path("<slug:soort>/nieuw/", views_beheer.bewerk, name="nieuw"),
    path("<slug:soort>/<int:pk>/", views_beheer.bewerk, name="bewerk"),
    path("<slug:soort>/<int:pk>/verwijderen/", views_beheer.verwijder, name="verwijder"),
]
