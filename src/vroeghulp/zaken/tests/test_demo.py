"""The demo step puts cases in every state, consistent with the workflow and terugkoppeling."""

import datetime
import io

import pytest

from vroeghulp.signalering.models import Signaalstatus
from vroeghulp.zaken import demo, terugkoppeling, workflow
from vroeghulp.zaken.models import Contactpoging, Statuswijziging, Vroegsignaalzaak, Zaakstatus
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory

pytestmark = pytest.mark.django_db


class Context:
    def __init__(self):
        import random

        self.vandaag = datetime.date(2026, 11, 23)
        self.uitvoer = io.StringIO()
        self._random = random

    def random_voor(self, naam):
        return self._random.Random(naam)

    def meld(self, tekst):
        self.uitvoer.write(tekst)


def test_demo_step_reaches_every_state(consulent, wijk_overvecht):
    for i in range(300):
        matching = datetime.date(2026, 11, 23) - datetime.timedelta(days=i % 90)
        zaak = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht, matchingsdatum=matching,
                           crisis=i % 7 == 0)
        SignaalFactory(zaak=zaak)
    context = Context()
    demo.vul(context)
    statussen = set(Vroegsignaalzaak.objects.values_list("status", flat=True))
    assert statussen == set(Zaakstatus.values)
    assert {p.soort for p in Contactpoging.objects.all()} >= {"Telefoon", "Huisbezoek", "Brief"}
    for zaak in Vroegsignaalzaak.objects.prefetch_related("statuswijzigingen", "signalen"):
        stappen = [(w.van, w.naar) for w in zaak.statuswijzigingen.all()]
        assert all(stap in workflow.TABEL for stap in stappen)
        if stappen:
            assert stappen[-1][1] == zaak.status
        assert {s.status for s in zaak.signalen.all()} == {terugkoppeling.signaalstatus(zaak.status, zaak.resultaat)}
        if zaak.status != Zaakstatus.NIEUW and zaak.status != Zaakstatus.NIET_OPGEPAKT:
            assert zaak.toegewezen_aan == consulent
    voor = Statuswijziging.objects.count()
    demo.vul(context)  # idempotent
    assert Statuswijziging.objects.count() == voor
    assert Signaalstatus.OPGEPAKT in set(SignaalFactory._meta.model.objects.values_list("status", flat=True))
