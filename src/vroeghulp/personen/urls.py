from django.urls import path

from vroeghulp.personen import views

app_name = "personen"
urlpatterns = [path("<int:inwoner_id>/", views.persoon, name="persoon")]
