from django.conf import settings

from vroeghulp.common.menu import menu_for


def vroeghulp(request):
    # An error page can be rendered before AuthenticationMiddleware ran (e.g. a Host header that is
    # not allowed is refused by CommonMiddleware): no user yet, so no menu.
    menu = menu_for(request) if hasattr(request, "user") else []
    return {"OMGEVING": settings.OMGEVING, "GEMEENTECODE": settings.GEMEENTECODE, "MENU": menu}
