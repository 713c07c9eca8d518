import factory

from vroeghulp.gebieden.models import Buurt, Gemeente, Postcode, Wijk


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = "0344"
    naam = "Utrecht"


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk

    gemeente = factory.SubFactory(GemeenteFactory)
    code = factory.Sequence(lambda n: f"WK0344{n % 100:02d}")
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class BuurtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Buurt

    wijk = factory.SubFactory(WijkFactory)
    code = factory.Sequence(lambda n: f"BU0344{n % 10000:04d}")
    naam = factory.Sequence(lambda n: f"Buurt {n}")


class PostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Postcode

    postcode = factory.Sequence(lambda n: f"35{n % 100:02d}AB")
    buurt = factory.SubFactory(BuurtFactory)
