"""Audit-coverage entries of schuldhulp (see vroeghulp.audit.tests.dekking)."""

from vroeghulp.audit.tests.dekking import Aanroep


def _consulent(request):
    return request.getfixturevalue("consulent")


def _traject(request):
    from vroeghulp.schuldhulp import workflow
    from vroeghulp.schuldhulp.models import Aanmeldingswijze

    if not hasattr(request.node, "_traject_overvecht"):
        request.node._traject_overvecht = workflow.aanmelden(
            request.getfixturevalue("inwoner_overvecht").pk, door=_consulent(request),
            aanmeldingswijze=Aanmeldingswijze.INLOOP)
    return request.node._traject_overvecht


def _werklijst(request):
    _traject(request)
    return Aanroep("/schuldhulp/", gebruiker=_consulent(request))


def _detail(request):
    return Aanroep(f"/schuldhulp/{_traject(request).pk}/", gebruiker=_consulent(request))


def _start(request):
    from vroeghulp.zaken import workflow as zaken_workflow
    from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

    zaak = ZaakFactory(inwoner=request.getfixturevalue("inwoner_overvecht"))
    SignaalFactory(zaak=zaak)
    zaken_workflow.oppakken(zaak, door=_consulent(request))
    return Aanroep(f"/schuldhulp/start/zaak/{zaak.pk}/", gebruiker=_consulent(request))


def _aanmelden(request):
    inwoner = request.getfixturevalue("inwoner_overvecht")
    return Aanroep("/schuldhulp/aanmelden/", gebruiker=_consulent(request), methode="post",
                   data={"bsn": inwoner.bsn, "geboortedatum": inwoner.geboortedatum.strftime("%d-%m-%Y"),
                         "aanmeldingswijze": "inloop"})


PERSOONSGEGEVENS = {
    "schuldhulp:aanmelden": _aanmelden,
    "schuldhulp:werklijst": _werklijst,
    "schuldhulp:detail": _detail,
    "schuldhulp:start": _start,
}
_WIJZIGING = ("Alleen een wijziging via de werkstroom (die schrijft zelf een auditgebeurtenis); "
              "stuurt door naar de trajectpagina, die het lezen logt.")
ZONDER_PERSOONSGEGEVENS = {
    "schuldhulp:stap": _WIJZIGING,
    "schuldhulp:checklist": _WIJZIGING,
    "schuldhulp:afvinken": _WIJZIGING,
    "POST /api/v1/schuldhulp/aanbod": "Berekening van een aanbod aan schuldeisers: bedragen en "
    "schuldeisers zonder BSN of naam van een inwoner; er wordt niets opgeslagen.",
}


# Each part of the traject page keeps its entries in its own module (audit_dekking_<deel>.py).
def _delen():
    from importlib import import_module

    for deel in ("schulden", "berichten", "stabilisatie", "regeling", "api"):
        try:
            module = import_module(f"vroeghulp.schuldhulp.tests.audit_dekking_{deel}")
        except ModuleNotFoundError as fout:
            if fout.name != f"vroeghulp.schuldhulp.tests.audit_dekking_{deel}":
                raise
            continue
        PERSOONSGEGEVENS.update(module.PERSOONSGEGEVENS)
        ZONDER_PERSOONSGEGEVENS.update(module.ZONDER_PERSOONSGEGEVENS)


_delen()
