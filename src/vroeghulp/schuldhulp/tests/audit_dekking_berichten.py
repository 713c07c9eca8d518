"""Audit-coverage entries of the messages screens (merged into audit_dekking.py)."""

from vroeghulp.audit.tests.dekking import Aanroep
from vroeghulp.schuldhulp.tests.audit_dekking import _consulent, _traject


def _bericht(request):
    from vroeghulp.schuldhulp import berichten
    from vroeghulp.schuldhulp.models import Berichtsoort, Schuld, Schuldeiser, Schuldeisersoort

    traject = _traject(request)
    if not hasattr(request.node, "_bericht_overvecht"):
        eiser = Schuldeiser.objects.create(naam="Woonstichting", soort=Schuldeisersoort.VERHUURDER, postadres="Postbus 1\n3500 AA Utrecht")
        schuld = Schuld.objects.create(traject=traject, schuldeiser=eiser, kenmerk="H-1", bedrag="800.00")
        request.node._bericht_overvecht = berichten.verstuur(traject.pk, [schuld.pk], Berichtsoort.KENNISGEVING,
                                                             door=_consulent(request))[0]
    return request.node._bericht_overvecht


def _overzicht(request):
    return Aanroep(f"/schuldhulp/{_traject(request).pk}/berichten/", gebruiker=_consulent(request))


def _pdf(request):
    b = _bericht(request)
    return Aanroep(f"/schuldhulp/{b.traject_id}/berichten/brieven.pdf?bericht={b.pk}", gebruiker=_consulent(request))


def _csv(request):
    b = _bericht(request)
    return Aanroep(f"/schuldhulp/{b.traject_id}/berichten/open.csv", gebruiker=_consulent(request))


def _csv_alle(request):
    _bericht(request)
    return Aanroep("/schuldhulp/berichten/open.csv", gebruiker=_consulent(request))


def _te_laat(request):
    _bericht(request)
    return Aanroep("/schuldhulp/berichten/te-laat/", gebruiker=_consulent(request))


PERSOONSGEGEVENS = {
    "schuldhulp:berichten": _overzicht,
    "schuldhulp:berichten_pdf": _pdf,
    "schuldhulp:berichten_csv": _csv,
    "schuldhulp:berichten_csv_alle": _csv_alle,
    "schuldhulp:berichten_te_laat": _te_laat,
}
_WIJZIGING = ("Alleen een wijziging via schuldhulp.berichten (die schrijft zelf een auditgebeurtenis); "
              "stuurt door naar de berichtenpagina, die het lezen logt.")
ZONDER_PERSOONSGEGEVENS = {
    "schuldhulp:berichten_versturen": _WIJZIGING,
    "schuldhulp:bericht_reactie": _WIJZIGING,
    "schuldhulp:bericht_herinnering": _WIJZIGING,
    "schuldhulp:berichten_import": "Leest reacties in via schuldhulp.berichten (elke reactie een auditgebeurtenis); "
    "toont bij fouten alleen regelnummers, bericht-id's en kenmerken, geen namen.",
    "schuldhulp:brieven": "Lijst van de brieventeksten per soort; geen gegevens van inwoners.",
    "schuldhulp:brief": "Een brieftekst bewerken (de wijziging wordt gelogd); geen gegevens van inwoners.",
    "schuldhulp:brief_voorbeeld": "Voorbeeld-PDF met een verzonnen inwoner en schuldeiser; geen persoonsgegevens.",
}
