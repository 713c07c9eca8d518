"""The partner status API's hot path runs without the ORM (issue 10 load test): the token
lookup, the status queries and the audit event are parameterised SQL. These tests hold them to
the ORM's semantics: revoked tokens and inactive clients refused, timestamps as the ORM gives
them, the page in (status_datum, id) order after the keyset, and one complete audit event."""

import datetime as dt

import pytest

from vroeghulp.accounts.models import ApiClient, ApiToken, Scope
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.signalering.models import status_pagina, status_van
from vroeghulp.signalering.tests.factories import SignaalpartnerFactory, VroegsignaalFactory

pytestmark = pytest.mark.django_db

GEBRUIKT = dt.datetime(2026, 3, 2, 9, 15, 30, tzinfo=dt.UTC)


@pytest.fixture
def partner():
    return SignaalpartnerFactory(code="water", naam="Water BV")


@pytest.fixture
def client_en_waarde(partner):
    client = ApiClient.objects.create(naam="Water BV API", signaalpartner=partner,
                                      scopes=[Scope.SIGNALEN_STATUS.value, Scope.SIGNALEN_AANLEVEREN.value])
    token, waarde = ApiToken.nieuw(client)
    ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt=GEBRUIKT)
    return client, token, waarde


def test_token_lookup_gives_token_and_client_as_stored(client_en_waarde, partner):
    client, token, waarde = client_en_waarde
    gevonden = ApiToken.zoek(waarde)
    assert gevonden == token and gevonden.client == client
    assert gevonden.laatst_gebruikt == GEBRUIKT  # aware, UTC, as the ORM gives it (SQLite stores naive UTC)
    assert gevonden.client.naam == "Water BV API"
    assert gevonden.client.heeft_scope(Scope.SIGNALEN_STATUS) and not gevonden.client.heeft_scope(Scope.BEREKENINGEN)
    assert gevonden.client.signaalpartner_id == partner.pk
    assert gevonden.client.signaalpartner == partner  # loaded on first use
    assert gevonden.client.aangemaakt == client.aangemaakt  # a deferred field, read on first use


def test_token_of_an_inactive_client_or_revoked_is_not_found(client_en_waarde):
    client, token, waarde = client_en_waarde
    client.actief = False
    client.save()
    assert ApiToken.zoek(waarde) is None
    client.actief = True
    client.save()
    assert ApiToken.zoek(waarde) is not None
    token.ingetrokken = token.aangemaakt
    token.save()
    assert ApiToken.zoek(waarde) is None  # refused on the very next call: nothing cached


def test_status_of_one_signal_only_of_this_partner(partner):
    VroegsignaalFactory(partner=partner, extern_id="W-1", status_datum=dt.date(2026, 2, 3))
    ander = VroegsignaalFactory(extern_id="W-2")
    rij = status_van(partner.pk, "W-1")
    assert (rij.extern_id, rij.status_datum) == ("W-1", dt.date(2026, 2, 3))
    assert status_van(partner.pk, "W-2") is None and status_van(ander.partner_id, "W-2") is not None


def test_page_in_date_and_id_order_after_the_keyset(partner):
    # dates chosen by hand: 1 Feb before 'sinds', then 2 Feb twice and 3 Feb once
    vroeg = VroegsignaalFactory(partner=partner, extern_id="A", status_datum=dt.date(2026, 2, 1))
    b = VroegsignaalFactory(partner=partner, extern_id="B", status_datum=dt.date(2026, 2, 3))
    c = VroegsignaalFactory(partner=partner, extern_id="C", status_datum=dt.date(2026, 2, 2))
    d = VroegsignaalFactory(partner=partner, extern_id="D", status_datum=dt.date(2026, 2, 2))
    VroegsignaalFactory(extern_id="E", status_datum=dt.date(2026, 2, 2))  # another partner's
    sinds = dt.date(2026, 2, 2)
    assert [r[0] for r in status_pagina(partner.pk, sinds, aantal=10)] == ["C", "D", "B"]
    assert [r[0] for r in status_pagina(partner.pk, sinds, aantal=2)] == ["C", "D"]
    assert [r[0] for r in status_pagina(partner.pk, sinds, (c.status_datum, c.pk), aantal=10)] == ["D", "B"]
    assert [r[0] for r in status_pagina(partner.pk, sinds, (d.status_datum, d.pk), aantal=10)] == ["B"]
    assert status_pagina(partner.pk, sinds, (b.status_datum, b.pk), aantal=10) == []
    # a keyset before 'sinds' starts at 'sinds': the early signal is never on the page
    assert vroeg.extern_id not in [r[0] for r in status_pagina(partner.pk, sinds, (vroeg.status_datum, 0), aantal=10)]


def test_raw_audit_event_has_every_column_of_log(client_en_waarde):
    client, _, _ = client_en_waarde
    velden = dict(actie=Actie.LEZEN, object_type="signalering.Vroegsignaal", object_id=42, persoon_id=7,
                  doel="Terugkoppeling", toelichting="x" * 300, aantal=3)
    audit.log(actor=client, **velden)
    audit.log_rij(actor=client, **velden)
    audit.log_rij(actor=None, **velden)
    via_model, rauw, systeem = AuditEvent.objects.order_by("id")
    kolommen = ["gebruiker_id", "gebruikersnaam", "api_client", "actie", "object_type", "object_id",
                "persoon_id", "doel", "toelichting", "aantal"]
    assert [getattr(rauw, k) for k in kolommen] == [getattr(via_model, k) for k in kolommen]
    assert (rauw.api_client, rauw.object_id, len(rauw.toelichting), rauw.aantal) == ("Water BV API", "42", 250, 3)
    assert systeem.api_client == "systeem" and systeem.gebruikersnaam == ""
    assert rauw.tijdstip.tzinfo is not None and abs(rauw.tijdstip - via_model.tijdstip) < dt.timedelta(seconds=5)


def test_raw_audit_event_of_a_member_of_staff(consulent):
    audit.log_rij(actor=consulent, actie=Actie.LEZEN, object_type="zaken.Vroegsignaalzaak", doel="Werkvoorraad")
    event = AuditEvent.objects.get()
    assert (event.gebruiker_id, event.gebruikersnaam, event.api_client) == (consulent.pk, consulent.username, "")
