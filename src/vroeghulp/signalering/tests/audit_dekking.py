"""Audit-coverage entries of signalering (see vroeghulp.audit.tests.dekking)."""

import json

from vroeghulp.audit.tests.dekking import Aanroep


def _token(request):
    if not hasattr(request.node, "_signalering_token"):
        from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
        from vroeghulp.signalering.models import PartnerType
        from vroeghulp.signalering.tests.factories import SignaalpartnerFactory, VroegsignaalFactory

        partner = SignaalpartnerFactory(code="audit-energie", type=PartnerType.ENERGIE)
        VroegsignaalFactory(partner=partner, extern_id="AUDIT-1")
        client = ApiClient.objects.create(
            naam="audit-energie", signaalpartner=partner,
            scopes=[Scope.SIGNALEN_AANLEVEREN.value, Scope.SIGNALEN_STATUS.value],
        )
        request.node._signalering_token = ApiToken.nieuw(client)[1]
    return {"Authorization": f"Bearer {request.node._signalering_token}"}


def _aanleveren(request):
    signaal = {
        "ID": "AUDIT-2", "bedrag": 412, "ontstaansdatum": "2025-01-01", "signaaldatum": "2025-03-01",
        "client": {"burgerservicenummer": "123456782"},
    }
    return Aanroep("/api/v1/signalen", methode="post", data=json.dumps({"signalen": [signaal]}),
                   content_type="application/json", headers=_token(request))


def _status_een(request):
    return Aanroep("/api/v1/signalen/AUDIT-1/status", headers=_token(request))


def _status_sinds(request):
    return Aanroep("/api/v1/signalen/status?sinds=2000-01-01", headers=_token(request))


PERSOONSGEGEVENS = {
    "POST /api/v1/signalen": _aanleveren,
    "GET /api/v1/signalen/status": _status_sinds,
    "GET /api/v1/signalen/<path:signaal_id>/status": _status_een,
}
ZONDER_PERSOONSGEGEVENS = {
    "signalering:aanleveren": "Toont per regel alleen het ID van de partner, de uitkomst en het veld met de fout; nooit een BSN, naam of adres. De aanlevering zelf schrijft één auditgebeurtenis.",
    "signalering:partners": "Lijst van organisaties (signaalpartners) met hun zakelijke contactpersoon; geen gegevens van inwoners.",
    "signalering:partner_nieuw": "Formulier voor een nieuwe organisatie; geen gegevens van inwoners.",
    "signalering:partner_token": "Toont eenmalig een nieuwe API-sleutel; geen gegevens van inwoners.",
}
