from django.shortcuts import render

from vroeghulp.audit import services as audit
from vroeghulp.personen.services import huisgenoten, inwoner_voor


@audit.persoonsgegevens
def persoon(request, inwoner_id: int):
    inwoner = inwoner_voor(request.user, inwoner_id)
    leden = list(huisgenoten(inwoner))
    for lid in leden:
        audit.log_read(request.user, lid, doel="Huishouden bij inwoner bekijken", persoon_id=lid.pk)
    return render(request, "personen/persoon.html", {"inwoner": inwoner, "huisgenoten": leden})
