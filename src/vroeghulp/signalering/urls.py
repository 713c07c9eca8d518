from django.urls import path

from vroeghulp.signalering import views

app_name = "signalering"
urlpatterns = [
    path("aanleveren/", views.aanleveren, name="aanleveren"),
    path("partners/", views.partners, name="partners"),
    path("partners/nieuw/", views.partner_nieuw, name="partner_nieuw"),
    path("partners/<int:partner_id>/token/", views.partner_token, name="partner_token"),
]
