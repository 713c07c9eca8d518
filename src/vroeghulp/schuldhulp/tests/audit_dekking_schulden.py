"""Audit-coverage entries of the debt overview (merged by audit_dekking.py)."""

from vroeghulp.audit.tests.dekking import Aanroep
from vroeghulp.schuldhulp.tests.audit_dekking import _consulent, _traject


def _schuld(request):
    from decimal import Decimal

    from vroeghulp.schuldhulp import schulden

    return schulden.toevoegen(_traject(request), door=_consulent(request), schuldeiser="CJIB", soort="cjib",
                              bedrag=Decimal("100"))


def _overzicht(request):
    return Aanroep(f"/schuldhulp/{_traject(request).pk}/schulden/", gebruiker=_consulent(request))


def _importeren(request):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bestand = SimpleUploadedFile("schulden.csv", b"schuldeiser;bedrag\nDUO;12,50\n", content_type="text/csv")
    return Aanroep(f"/schuldhulp/{_traject(request).pk}/schulden/inlezen/", gebruiker=_consulent(request),
                   methode="post", data={"lijst-bestand": bestand})


def _wijzigen(request):
    return Aanroep(f"/schuldhulp/schuld/{_schuld(request).pk}/", gebruiker=_consulent(request))


PERSOONSGEGEVENS = {
    "schuldhulp:schulden": _overzicht,
    "schuldhulp:schulden_importeren": _importeren,
    "schuldhulp:schuld_wijzigen": _wijzigen,
}
ZONDER_PERSOONSGEGEVENS = {
    "schuldhulp:schuld_verwijderen": "Alleen een wijziging via schuldhulp.schulden (die schrijft zelf een "
    "auditgebeurtenis); stuurt door naar het schuldenoverzicht, dat het lezen logt.",
}
