"""Factories for cases, with a trait per workflow state (built through the workflow itself)."""

import datetime

import factory
from django.utils import timezone

from vroeghulp.personen.tests.factories import InwonerFactory
from vroeghulp.signalering.models import PartnerType, Signaalpartner, Signaalstatus, Vroegsignaal
from vroeghulp.zaken.models import Matchsoort, Vroegsignaalzaak, Zaakstatus


class SignaalpartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signaalpartner
        django_get_or_create = ("code",)

    code = "energie"
    naam = "Energie Utrecht BV"
    type = PartnerType.ENERGIE


class ZaakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vroegsignaalzaak

    inwoner = factory.SubFactory(InwonerFactory)
    wijk = factory.LazyAttribute(lambda o: o.inwoner.huishouden.adres.buurt.wijk if o.inwoner else None)
    huishoudsleutel = factory.Sequence(lambda n: f"hh-{n:08d}")
    matchsoort = Matchsoort.ENKELVOUDIG
    matchingsdatum = factory.LazyFunction(timezone.localdate)
    startdatum_matchingperiode = factory.LazyAttribute(lambda o: o.matchingsdatum.replace(day=1))
    einddatum_matchingperiode = factory.LazyAttribute(lambda o: o.matchingsdatum)
    totaal_bedrag = 412
    status = Zaakstatus.NIEUW


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vroegsignaal

    partner = factory.SubFactory(SignaalpartnerFactory)
    extern_id = factory.Sequence(lambda n: f"SIG-{n:06d}")
    bedrag = 412
    signaaldatum = factory.LazyFunction(timezone.localdate)
    ontvangen = factory.LazyFunction(timezone.now)
    huishoudsleutel = factory.LazyAttribute(lambda o: o.zaak.huishoudsleutel if o.zaak else "hh-los")
    zaak = factory.SubFactory(ZaakFactory)
    inwoner = factory.LazyAttribute(lambda o: o.zaak.inwoner if o.zaak else None)
    wijk = factory.LazyAttribute(lambda o: o.zaak.wijk if o.zaak else None)
    status = Signaalstatus.NOG_NIET_OPGEPAKT
    status_datum = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    achternaam = "Jansen"
    postcode = "3561AB"
    huisnummer = "12"
