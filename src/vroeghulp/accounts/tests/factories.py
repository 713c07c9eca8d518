import factory

from vroeghulp.accounts.models import Gebruiker, Rol, Team


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Wijkteam {n}")

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted:
            self.wijken.set(extracted)


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Medewerker {n}")
    rol = Rol.CONSULENT
    password = factory.django.Password("correct-paard-batterij-niet")

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        if create and extracted:
            self.teams.set(extracted)
