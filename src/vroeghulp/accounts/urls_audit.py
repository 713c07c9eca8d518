from django.urls import path

from vroeghulp.audit import views

app_name = "audit"
urlpatterns = [path("", views.zoeken, name="zoeken")]
