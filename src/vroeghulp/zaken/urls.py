from django.urls import path

from vroeghulp.zaken import views

app_name = "zaken"
urlpatterns = [
    path("", views.werkvoorraad_view, name="werkvoorraad"),
    path("bulk/", views.bulk, name="bulk"),
    path("team/", views.team, name="team"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/oppakken/", views.oppakken, name="oppakken"),
    path("<int:pk>/contactpoging/", views.contactpoging, name="contactpoging"),
    path("<int:pk>/stap/<slug:naar>/", views.stap, name="stap"),
    path("<int:pk>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("<int:pk>/notitie/", views.notitie, name="notitie"),
    path("<int:pk>/brief/", views.brief, name="brief"),
    path("<int:pk>/regelingen/", views.regelingen, name="regelingen"),
    path("brieven/", views.sjablonen, name="sjablonen"),
    path("brieven/nieuw/", views.sjabloon, name="sjabloon_nieuw"),
    path("brieven/huisstijl/", views.huisstijl, name="huisstijl"),
    path("brieven/<int:pk>/", views.sjabloon, name="sjabloon"),
    path("brieven/<int:pk>/voorbeeld/", views.sjabloon_voorbeeld, name="sjabloon_voorbeeld"),
    path("warme-overdracht/", views.warme_overdracht_view, name="warme_overdracht"),
]
