from django.conf import settings

from vroeghulp.common.menu import menu_for


def vroeghulp(request):
    return {"OMGEVING": settings.OMGEVING, "GEMEENTECODE": settings.GEMEENTECODE, "MENU": menu_for(request)}
