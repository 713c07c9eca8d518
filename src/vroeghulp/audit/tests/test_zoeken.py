"""The beheerder searches the audit trail; every other role is refused."""

import datetime

import pytest
import time_machine

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie


@pytest.fixture
def events(consulent, teamleider, inwoner_overvecht, inwoner_zuid):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.timezone.utc)):
        audit.log_read(consulent, inwoner_overvecht, doel="Vroegsignalering", persoon_id=inwoner_overvecht.pk)
    with time_machine.travel(datetime.datetime(2026, 2, 9, 10, tzinfo=datetime.timezone.utc)):
        audit.log_denied(consulent, inwoner_zuid, doel="Vroegsignalering", persoon_id=inwoner_zuid.pk)
        audit.log(actor=teamleider, actie=Actie.WIJZIGEN, object_type="zaken.Zaak", object_id=3,
                  persoon_id=inwoner_overvecht.pk, doel="Zaak toewijzen")
        audit.log(actor="Woningcorporatie Noord", actie=Actie.AANMAKEN, object_type="signalering.Signaal",
                  object_id=9, doel="Signaal ontvangen")
    return {"overvecht": inwoner_overvecht, "zuid": inwoner_zuid}


def rows(client, **params):
    response = client.get("/audit/", params)
    assert response.status_code == 200
    return response.context["pagina"].object_list


def test_beheerder_sees_all_events_newest_first(client, beheerder, events):
    client.force_login(beheerder)
    found = list(rows(client))
    assert [e.actie for e in found] == [Actie.AANMAKEN, Actie.WIJZIGEN, Actie.GEWEIGERD, Actie.LEZEN]


@pytest.mark.parametrize(("params", "expected"), [
    ({"gebruiker": "c.overvecht"}, {Actie.LEZEN, Actie.GEWEIGERD}),
    ({"gebruiker": "Woningcorporatie Noord"}, {Actie.AANMAKEN}),
    ({"actie": "geweigerd"}, {Actie.GEWEIGERD}),
    ({"van": "01-02-2026"}, {Actie.GEWEIGERD, Actie.WIJZIGEN, Actie.AANMAKEN}),
    ({"tot": "31-01-2026"}, {Actie.LEZEN}),
    ({"van": "2026-01-01", "tot": "2026-01-31", "gebruiker": "c.overvecht"}, {Actie.LEZEN}),
])
def test_filters(client, beheerder, events, params, expected):
    client.force_login(beheerder)
    assert {e.actie for e in rows(client, **params)} == expected


def test_filter_by_person(client, beheerder, events):
    client.force_login(beheerder)
    found = rows(client, persoon=events["overvecht"].pk)
    assert {e.actie for e in found} == {Actie.LEZEN, Actie.WIJZIGEN}


def test_wrong_date_names_the_field_in_dutch(client, beheerder, events):
    client.force_login(beheerder)
    response = client.get("/audit/", {"van": "31-31-2026"})
    assert list(response.context["pagina"].object_list) == []  # a wrong filter shows nothing
    page = response.content.decode()
    assert "Vanaf (dd-mm-jjjj)" in page and "Vul een geldige datum in" in page
    assert 'aria-describedby="id_van-fout"' in page


@pytest.mark.parametrize("rol", ["consulent", "teamleider", "analist"])
def test_other_roles_are_refused(request, client, events, rol):
    client.force_login(request.getfixturevalue(rol))
    response = client.get("/audit/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Geen toegang" in page
    assert events["overvecht"].achternaam not in page
