"""The audit trail is append-only: neither the ORM nor raw SQL through the app can change it."""

import pytest
from django.db import DatabaseError, connection, transaction

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie, AuditEvent, AuditImmutableError


@pytest.fixture
def event(db):
    return audit.log(actor=None, actie=Actie.LEZEN, object_type="personen.Inwoner", object_id=7,
                     persoon_id=7, doel="Vroegsignalering")


def unchanged(event):
    stored = AuditEvent.objects.get(pk=event.pk)
    return stored.doel == "Vroegsignalering" and AuditEvent.objects.count() == 1


def test_a_system_event_records_who_what_and_why(event):
    assert (event.api_client, event.actie, event.object_type, event.object_id, event.persoon_id) == (
        "systeem", Actie.LEZEN, "personen.Inwoner", "7", 7)
    assert event.tijdstip is not None


def test_saving_an_existing_event_is_refused(event):
    event.doel = "iets anders"
    with pytest.raises(AuditImmutableError):
        event.save()
    assert unchanged(event)


def test_deleting_an_event_is_refused(event):
    with pytest.raises(AuditImmutableError):
        event.delete()
    assert unchanged(event)


def test_queryset_update_and_delete_are_refused(event):
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.filter(pk=event.pk).update(doel="iets anders")
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.all().delete()
    assert unchanged(event)


@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditevent SET doel = 'iets anders'",
    "DELETE FROM audit_auditevent",
])
def test_raw_sql_update_and_delete_are_refused_by_the_database(event, sql):
    with pytest.raises(DatabaseError, match="audittrail"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert unchanged(event)


def test_truncate_is_refused_on_postgresql(event):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE bestaat alleen op PostgreSQL")
    with pytest.raises(DatabaseError, match="audittrail"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE audit_auditevent")
    assert unchanged(event)


def test_adding_events_still_works(event):
    audit.log(actor=None, actie=Actie.EXPORTEREN, object_type="monitor.Levering", doel="DDAS", aantal=12)
    assert AuditEvent.objects.count() == 2
