from django.urls import path

from vroeghulp.schuldhulp import views

app_name = "schuldhulp"
urlpatterns = [
    path("", views.werklijst, name="werklijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/stap/<slug:naar>/", views.stap, name="stap"),
    path("<int:pk>/checklist/", views.checklist_toevoegen, name="checklist"),
    path("checklist/<int:item_id>/", views.checklist_afvinken, name="afvinken"),
    path("start/zaak/<int:zaak_id>/", views.start, name="start"),
]
