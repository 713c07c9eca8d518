import pytest

from vroeghulp.audit.models import Actie, AuditEvent


@pytest.mark.django_db
def test_consulent_sees_person_in_own_wijk_and_read_is_audited(client, consulent, inwoner_overvecht):
    client.force_login(consulent)
    response = client.get(f"/personen/{inwoner_overvecht.pk}/")
    assert response.status_code == 200
    assert inwoner_overvecht.achternaam in response.content.decode()
    event = AuditEvent.objects.get(persoon_id=inwoner_overvecht.pk)
    assert (event.actie, event.gebruikersnaam) == (Actie.LEZEN, "c.overvecht")


@pytest.mark.django_db
def test_consulent_outside_wijk_gets_403_and_denied_attempt_is_audited(client, consulent, inwoner_zuid):
    client.force_login(consulent)
    response = client.get(f"/personen/{inwoner_zuid.pk}/")
    assert response.status_code == 403
    assert inwoner_zuid.achternaam not in response.content.decode()
    event = AuditEvent.objects.get(persoon_id=inwoner_zuid.pk)
    assert event.actie == Actie.GEWEIGERD


@pytest.mark.django_db
@pytest.mark.parametrize("rol_fixture", ["analist", "beheerder"])
def test_analist_and_beheerder_never_see_a_person(request, client, rol_fixture, inwoner_overvecht):
    client.force_login(request.getfixturevalue(rol_fixture))
    assert client.get(f"/personen/{inwoner_overvecht.pk}/").status_code == 403
