from django.urls import path

from vroeghulp.accounts import views, views_beheer

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("tweestaps/", views.tweestaps, name="tweestaps"),
    path("gebruikers/", views_beheer.gebruikers, name="gebruikers"),
]
