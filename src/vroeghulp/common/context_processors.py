from django.conf import settings


def vroeghulp(request):
    return {"OMGEVING": settings.OMGEVING, "GEMEENTECODE": settings.GEMEENTECODE}
