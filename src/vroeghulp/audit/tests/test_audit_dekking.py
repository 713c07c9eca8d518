"""Every screen and API operation that shows personal data writes an audit event (issue 2, item 6).

Adding a view? Mark it with ``@audit.persoonsgegevens`` and add one entry to your app's
``tests/audit_dekking.py`` (see ``dekking.py``), or list it there as showing no personal data.
"""

import pytest

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import AuditEvent
from vroeghulp.audit.tests.dekking import problemen, registries
from vroeghulp.common.urlwalk import Endpoint, all_endpoints

SHOWS, SHOWS_NONE = registries()


def test_every_endpoint_is_marked_or_listed_as_showing_no_personal_data():
    problems = problemen(all_endpoints(), SHOWS, SHOWS_NONE)
    assert not problems, "\n".join(problems)


def test_the_check_catches_each_kind_of_mistake():
    @audit.persoonsgegevens
    def marked(request):
        pass

    def plain(request):
        pass

    endpoints = [Endpoint("a:gemarkeerd", marked), Endpoint("a:gewoon", plain), Endpoint("GET /api/v1/x", plain)]
    assert problemen(endpoints, {"a:gemarkeerd": None}, {"a:gewoon": "reden", "GET /api/v1/x": "reden"}) == []
    found = problemen(endpoints, {"a:gewoon": None}, {"a:weg": "reden"})
    assert found == [
        "'a:gemarkeerd' toont persoonsgegevens maar staat niet in PERSOONSGEGEVENS",
        "'a:gewoon' staat in PERSOONSGEGEVENS maar mist @audit.persoonsgegevens",
        found[2],
        "'a:weg' staat in een register maar bestaat niet (meer)",
    ]
    assert found[2].startswith("'GET /api/v1/x' is niet ingedeeld")
    assert problemen([Endpoint("a:gemarkeerd", marked)], {"a:gemarkeerd": None}, {"a:gemarkeerd": "x"}) == [
        "'a:gemarkeerd' is gemarkeerd maar staat ook in ZONDER_PERSOONSGEGEVENS"]


def test_every_reason_is_written_out():
    assert all(len(reason.strip()) >= 10 for reason in SHOWS_NONE.values())


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(SHOWS))
def test_view_with_personal_data_writes_an_audit_event(request, client, key):
    aanroep = SHOWS[key](request)
    before = set(AuditEvent.objects.values_list("id", flat=True))
    response = aanroep.uitvoeren(client)
    assert response.status_code < 400, f"{key}: status {response.status_code}"
    assert "/accounts/inloggen/" not in response.headers.get("Location", ""), f"{key}: niet ingelogd"
    new = AuditEvent.objects.exclude(id__in=before)
    assert new.exists(), f"{key} toonde persoonsgegevens zonder auditgebeurtenis"
    for event in new:
        assert event.doel.strip(), f"{key}: auditgebeurtenis zonder doel"
        if aanroep.gebruiker is not None:
            assert event.gebruikersnaam == aanroep.gebruiker.get_username()
        else:
            assert event.api_client, f"{key}: auditgebeurtenis zonder API-client"
