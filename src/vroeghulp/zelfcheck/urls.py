from django.urls import path

from vroeghulp.zelfcheck import views

app_name = "zelfcheck"

urlpatterns = [
    path("", views.start, name="start"),
    path("vraag/", views.vraag, name="vraag"),
    path("uitkomst/", views.resultaat, name="uitslag"),
    path("uitkomst.pdf", views.pdf, name="pdf"),
    path("hulp/", views.hulp, name="hulp"),
]
