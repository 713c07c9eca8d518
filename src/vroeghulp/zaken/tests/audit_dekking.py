"""Audit-coverage entries of the zaken screens (see vroeghulp.audit.tests.dekking)."""

from vroeghulp.audit.tests.dekking import Aanroep


def _consulent(request):
    return request.getfixturevalue("consulent")


def _zaak(request):
    from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

    if not hasattr(request.node, "_zaak_overvecht"):
        zaak = ZaakFactory(inwoner=request.getfixturevalue("inwoner_overvecht"), crisis=True)
        SignaalFactory(zaak=zaak)
        request.node._zaak_overvecht = zaak
    return request.node._zaak_overvecht


def _werkvoorraad(request):
    _zaak(request)
    return Aanroep("/zaken/", gebruiker=_consulent(request))


def _team(request):
    zaak = _zaak(request)
    type(zaak).objects.filter(pk=zaak.pk).update(deadline="2020-01-01")
    return Aanroep("/zaken/team/", gebruiker=request.getfixturevalue("teamleider"))


def _detail(request):
    return Aanroep(f"/zaken/{_zaak(request).pk}/", gebruiker=_consulent(request))


def _brief(request):
    from vroeghulp.zaken import brieven

    zaak = _zaak(request)
    sjabloon = brieven.sjablonen().first()
    return Aanroep(f"/zaken/{zaak.pk}/brief/", gebruiker=_consulent(request), methode="post",
                   data={"sjabloon": sjabloon.pk})


def _bulk(request):
    from vroeghulp.zaken import brieven

    zaak = _zaak(request)
    sjabloon = brieven.sjablonen().first()
    return Aanroep("/zaken/bulk/", gebruiker=_consulent(request), methode="post",
                   data={"zaak": [zaak.pk], "actie": "brieven", "sjabloon": sjabloon.pk})


def _regelingen(request):
    return Aanroep(f"/zaken/{_zaak(request).pk}/regelingen/", gebruiker=_consulent(request))


PERSOONSGEGEVENS = {
    "zaken:werkvoorraad": _werkvoorraad,
    "zaken:team": _team,
    "zaken:detail": _detail,
    "zaken:brief": _brief,
    "zaken:bulk": _bulk,
    "zaken:regelingen": _regelingen,
}

_WIJZIGING = ("Alleen een wijziging via de werkstroom (die schrijft zelf een auditgebeurtenis); "
              "stuurt door naar het dossier, dat het lezen logt.")
ZONDER_PERSOONSGEGEVENS = {
    "zaken:oppakken": _WIJZIGING,
    "zaken:contactpoging": _WIJZIGING,
    "zaken:stap": _WIJZIGING,
    "zaken:toewijzen": _WIJZIGING,
    "zaken:notitie": _WIJZIGING,
    "zaken:sjablonen": "Brief- en kaartteksten van de gemeente; geen gegevens van inwoners.",
    "zaken:sjabloon": "Een brieftekst bewerken; geen gegevens van inwoners.",
    "zaken:sjabloon_nieuw": "Een nieuwe brieftekst maken; geen gegevens van inwoners.",
    "zaken:sjabloon_voorbeeld": "Voorbeeld-PDF met een verzonnen inwoner.",
    "zaken:huisstijl": "Naam, logo en contactgegevens van de gemeente.",
    "zaken:warme_overdracht": "Formulier voor de ketenpartner: toont alleen kenmerk, datum en DDAS-status "
    "van de eigen overdrachten, nooit gegevens van inwoners; het doorgeven zelf logt de intake.",
}
