from django.urls import path

from vroeghulp.schuldhulp.views import aanmelden, berichten, regeling, schulden, stabilisatie, trajecten

app_name = "schuldhulp"
urlpatterns = [
    path("", trajecten.werklijst, name="werklijst"),
    path("<int:pk>/", trajecten.detail, name="detail"),
    path("<int:pk>/stap/<slug:naar>/", trajecten.stap, name="stap"),
    path("<int:pk>/checklist/", trajecten.checklist_toevoegen, name="checklist"),
    path("checklist/<int:item_id>/", trajecten.checklist_afvinken, name="afvinken"),
    path("start/zaak/<int:zaak_id>/", trajecten.start, name="start"),
    *aanmelden.urlpatterns,
    *schulden.urlpatterns,
    *berichten.urlpatterns,
    *stabilisatie.urlpatterns,
    *regeling.urlpatterns,
]
