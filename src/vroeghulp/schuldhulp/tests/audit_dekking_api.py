"""Audit-coverage entries of the schuldhulp API for staff (``schuldhulp.api_trajecten``)."""

import json

from vroeghulp.audit.tests.dekking import Aanroep

API = "/api/v1/schuldhulp/trajecten"


def _consulent(request):
    return request.getfixturevalue("consulent")


def _traject(request):
    from vroeghulp.schuldhulp.tests.factories import traject_in

    if not hasattr(request.node, "_api_traject"):
        request.node._api_traject = traject_in("stabilisatie", _consulent(request))
    return request.node._api_traject


def _bericht(request):
    from vroeghulp.schuldhulp import berichten, schulden

    traject = _traject(request)
    schuld = schulden.toevoegen(traject.pk, door=_consulent(request), schuldeiser="CJIB", soort="cjib", bedrag="412.50")
    return berichten.verstuur(traject.pk, [schuld.pk], "saldoverzoek", door=_consulent(request))[0]


def _json(pad, data, request):
    return Aanroep(pad, gebruiker=_consulent(request), methode="post", data=json.dumps(data),
                   content_type="application/json")


PERSOONSGEGEVENS = {
    "GET /api/v1/schuldhulp/trajecten": lambda r: (_traject(r), Aanroep(API, gebruiker=_consulent(r)))[1],
    "GET /api/v1/schuldhulp/trajecten/<traject_id>": lambda r: Aanroep(f"{API}/{_traject(r).pk}", gebruiker=_consulent(r)),
    "GET /api/v1/schuldhulp/trajecten/<traject_id>/schulden":
        lambda r: Aanroep(f"{API}/{_traject(r).pk}/schulden", gebruiker=_consulent(r)),
    "POST /api/v1/schuldhulp/trajecten/<traject_id>/schulden":
        lambda r: _json(f"{API}/{_traject(r).pk}/schulden", {"schuldeiser": "DUO", "soort": "duo", "bedrag": 100}, r),
    "GET /api/v1/schuldhulp/trajecten/<traject_id>/berichten":
        lambda r: Aanroep(f"{API}/{_traject(r).pk}/berichten", gebruiker=_consulent(r)),
    "POST /api/v1/schuldhulp/trajecten/<traject_id>/berichten/<bericht_id>/reactie":
        lambda r: (lambda b: _json(f"{API}/{b.traject_id}/berichten/{b.pk}/reactie", {"reactie": "akkoord"}, r))(_bericht(r)),
}
ZONDER_PERSOONSGEGEVENS = {}
