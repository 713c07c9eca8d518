"""Every screen and API operation that shows personal data writes an audit event (issue 2, item 6).

Adding a view? Mark it with ``@audit.persoonsgegevens`` and add one entry to your app's
``tests/audit_dekking.py`` (see ``dekking.py``), or list it there as showing no personal data.
"""

import pytest

from vroeghulp.audit.models import AuditEvent
from vroeghulp.audit.tests.dekking import registries
from vroeghulp.common.urlwalk import all_endpoints, shows_personal_data

SHOWS, SHOWS_NONE = registries()


def test_every_endpoint_is_marked_or_listed_as_showing_no_personal_data():
    problems = []
    endpoints = all_endpoints()
    for endpoint in endpoints:
        marked = shows_personal_data(endpoint.view)
        if marked and endpoint.key not in SHOWS:
            problems.append(f"{endpoint.key!r} toont persoonsgegevens maar staat niet in PERSOONSGEGEVENS")
        elif not marked and endpoint.key in SHOWS:
            problems.append(f"{endpoint.key!r} staat in PERSOONSGEGEVENS maar mist @audit.persoonsgegevens")
        elif not marked and endpoint.key not in SHOWS_NONE:
            problems.append(
                f"{endpoint.key!r} is niet ingedeeld: markeer de view met @audit.persoonsgegevens en "
                "registreer een Aanroep in PERSOONSGEGEVENS, of zet hem met een reden in "
                "ZONDER_PERSOONSGEGEVENS (tests/audit_dekking.py van uw app)"
            )
        elif marked and endpoint.key in SHOWS_NONE:
            problems.append(f"{endpoint.key!r} is gemarkeerd maar staat ook in ZONDER_PERSOONSGEGEVENS")
    known = {e.key for e in endpoints}
    problems += [f"{key!r} staat in een register maar bestaat niet (meer)" for key in (set(SHOWS) | set(SHOWS_NONE)) - known]
    assert not problems, "\n".join(problems)


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
