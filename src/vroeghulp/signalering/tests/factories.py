import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from vroeghulp.signalering.models import PartnerType, Signaalpartner, Vroegsignaal


class SignaalpartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signaalpartner
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"partner-{n}")
    naam = factory.Sequence(lambda n: f"Partner {n}")
    type = PartnerType.ENERGIE


class VroegsignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vroegsignaal

    partner = factory.SubFactory(SignaalpartnerFactory)
    extern_id = factory.Sequence(lambda n: f"SIG-{n:06d}")
    bedrag = Decimal("412.00")
    ontstaansdatum = dt.date(2025, 12, 1)
    signaaldatum = dt.date(2026, 1, 10)
    postcode = "3563AB"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    ontvangen = factory.LazyFunction(timezone.now)
    huishoudsleutel = factory.LazyAttribute(lambda o: f"A:{o.postcode}{o.huisnummer}")
    status_datum = dt.date(2026, 1, 10)
