"""Audit-coverage entries of the settlement screens (merged by tests/audit_dekking.py)."""

from vroeghulp.audit.tests.dekking import Aanroep


def _consulent(request):
    return request.getfixturevalue("consulent")


def _traject(request):
    from vroeghulp.schuldhulp.models import Fase
    from vroeghulp.schuldhulp.tests.factories import traject_in

    if not hasattr(request.node, "_traject_regeling"):
        request.node._traject_regeling = traject_in(Fase.PLAN_VAN_AANPAK, _consulent(request),
                                                     inwoner=request.getfixturevalue("inwoner_overvecht"))
    return request.node._traject_regeling


def _verzonden_voorstel(request):
    from vroeghulp.schuldhulp import regeling
    from vroeghulp.schuldhulp.tests.test_regeling import schuld

    traject = _traject(request)
    schuld(traject, "Woonstichting", "1000.00")
    berekening = regeling.afloscapaciteit_invoeren(traject.pk, "50.00", "vtlb-calculator", door=_consulent(request))
    voorstel = regeling.voorstel_maken(traject.pk, "schuldregeling", berekening_id=berekening.pk,
                                       door=_consulent(request))
    return traject, voorstel


def _pagina(request):
    return Aanroep(f"/schuldhulp/{_traject(request).pk}/regeling/", gebruiker=_consulent(request))


def _versturen(request):
    traject, voorstel = _verzonden_voorstel(request)
    return Aanroep(f"/schuldhulp/{traject.pk}/regeling/voorstel/{voorstel.pk}/versturen/", methode="post",
                   data={"versturen-kanaal": "brief", "versturen-termijn_werkdagen": "10"},
                   gebruiker=_consulent(request))


def _brieven(request):
    from vroeghulp.schuldhulp import regeling

    traject, voorstel = _verzonden_voorstel(request)
    regeling.versturen(voorstel.pk, _consulent(request))
    return Aanroep(f"/schuldhulp/{traject.pk}/regeling/voorstel/{voorstel.pk}/brieven.pdf",
                   gebruiker=_consulent(request))


PERSOONSGEGEVENS = {
    "schuldhulp:regeling": _pagina,
    "schuldhulp:regeling_versturen": _versturen,
    "schuldhulp:regeling_brieven": _brieven,
}
_WIJZIGING = ("Alleen een wijziging via schuldhulp.regeling (die schrijft zelf een auditgebeurtenis); "
              "stuurt door naar de pagina van de schuldregeling, die het lezen logt.")
ZONDER_PERSOONSGEGEVENS = {
    "schuldhulp:regeling_vtlb": _WIJZIGING,
    "schuldhulp:regeling_afloscapaciteit": _WIJZIGING,
    "schuldhulp:regeling_voorstel": _WIJZIGING,
    "schuldhulp:regeling_antwoord": _WIJZIGING,
}
