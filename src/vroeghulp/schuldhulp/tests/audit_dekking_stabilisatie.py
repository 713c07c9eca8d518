"""Audit-coverage entries of the stabilisatie part (merged by schuldhulp/tests/audit_dekking.py)."""

from datetime import date
from decimal import Decimal

from vroeghulp.audit.tests.dekking import Aanroep


def _traject(request):
    from vroeghulp.schuldhulp.tests.audit_dekking import _traject as traject

    return traject(request)


def _consulent(request):
    return request.getfixturevalue("consulent")


def _pagina(request):
    return Aanroep(f"/schuldhulp/{_traject(request).pk}/stabilisatie/", gebruiker=_consulent(request))


def _brief(request):
    """A violated voet: net 2.300, garnishment 800, voet 1.652,09 (see test_stabilisatie.py)."""
    from vroeghulp.schuldhulp import stabilisatie
    from vroeghulp.schuldhulp.models import Schuld, Schuldeiser, Schuldstatus

    traject = _traject(request)
    eiser = Schuldeiser.objects.create(naam="Deurwaarderskantoor Dekking", soort="deurwaarder")
    Schuld.objects.create(traject=traject, schuldeiser=eiser, bedrag=Decimal("3000"), status=Schuldstatus.BESLAG,
                          beslag_per_maand=Decimal("800"))
    stabilisatie.beslagvrije_voet_berekenen(traject.pk, stabilisatie.Invoer(
        peildatum=date(2026, 3, 1), belastbaar_inkomen=Decimal(35000), netto_inkomen=Decimal(2300)),
        door=_consulent(request))
    return Aanroep(f"/schuldhulp/{traject.pk}/stabilisatie/brief/", gebruiker=_consulent(request), methode="post")


PERSOONSGEGEVENS = {
    "schuldhulp:stabilisatie": _pagina,
    "schuldhulp:stabilisatie_brief": _brief,
}
_WIJZIGING = ("Alleen een wijziging via schuldhulp.stabilisatie (die schrijft zelf een auditgebeurtenis); "
              "stuurt door naar de stabilisatiepagina, die het lezen logt.")
ZONDER_PERSOONSGEGEVENS = {
    "schuldhulp:stabilisatie_post_toevoegen": _WIJZIGING,
    "schuldhulp:stabilisatie_post": _WIJZIGING,
    "schuldhulp:stabilisatie_berekenen": _WIJZIGING,
    "schuldhulp:stabilisatie_pauze": _WIJZIGING,
    "schuldhulp:stabilisatie_pauze_einde": _WIJZIGING,
}
