"""The demo step: a year of signals with the national mix, matched into cases."""

import datetime as dt
from collections import Counter
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from vroeghulp.demo import steps
from vroeghulp.signalering import brp
from vroeghulp.signalering.demo import MIX, plan
from vroeghulp.signalering.models import PartnerType, Signaalstatus, Vroegsignaal
from vroeghulp.zaken.models import Matchsoort, Vroegsignaalzaak


def test_plan_volgt_de_landelijke_mix():
    bewoners = [None] * 50_000
    signalen = plan(20_000, bewoners, np.random.default_rng(7), dt.date(2026, 11, 1))
    assert len(signalen) == 20_000
    per_type = Counter(MIX[s["soort"]][2] for s in signalen)
    aandeel = {t: n / len(signalen) for t, n in per_type.items()}
    assert aandeel[PartnerType.ZORG] == pytest.approx(0.41, abs=0.015)
    assert aandeel[PartnerType.HUUR] == pytest.approx(0.20, abs=0.015)
    assert aandeel[PartnerType.ENERGIE] == pytest.approx(0.20, abs=0.015)
    assert aandeel[PartnerType.WATER] == pytest.approx(0.18, abs=0.015)
    rest = 1 - sum(aandeel[t] for t in (PartnerType.ZORG, PartnerType.HUUR, PartnerType.ENERGIE,
                                        PartnerType.WATER))
    assert 0.005 < rest < 0.02
    assert set(per_type) == set(PartnerType.values)
    datums = [s["datum"] for s in signalen]
    assert min(datums) >= dt.date(2025, 11, 1) and max(datums) <= dt.date(2026, 11, 1)


def test_plan_is_deterministisch():
    bewoners = [None] * 1000
    a = plan(500, bewoners, np.random.default_rng(3), dt.date(2026, 6, 1))
    b = plan(500, bewoners, np.random.default_rng(3), dt.date(2026, 6, 1))
    assert a == b


@pytest.mark.django_db
def test_demo_stap_maakt_signalen_en_zaken(monkeypatch):
    brp.gebruik_bron(None)  # the demo environment's own choice (lokaal in test/demo)
    monkeypatch.setattr(steps, "STEPS", ["vroeghulp.signalering.demo.vul"])
    uit = StringIO()
    call_command("demo", huishoudens=800, alleen_data=True, stdout=uit)
    assert "vroegsignaalzaken gemaakt" in uit.getvalue()
    signalen = Vroegsignaal.objects.all()
    # docs/interfaces.md section 6: signals of every partner type
    assert set(signalen.values_list("partner__type", flat=True)) == set(PartnerType.values)
    assert signalen.filter(partner__informeel=True, warme_overdracht=True).exists()
    assert 180 <= signalen.count() <= 220  # one per 4 households
    # every signal is matched, or known as not (or no longer) a resident
    assert not signalen.filter(zaak__isnull=True).exclude(status=Signaalstatus.GEEN_INWONER).exists()
    assert signalen.filter(zaak__isnull=True).count() <= 12
    zaken = Vroegsignaalzaak.objects.all()
    soorten = Counter(zaken.values_list("matchsoort", flat=True))
    assert soorten[Matchsoort.ENKELVOUDIG] > soorten[Matchsoort.MEERVOUDIG] > 0
    assert soorten[Matchsoort.OPEENVOLGEND] > 0
    # cases got the wijk of their household (worklists filter on wijk), and monthly matching dates
    assert not zaken.filter(wijk__isnull=True).exists()
    assert set(zaken.values_list("matchingsdatum__day", flat=True)) <= {1, dt.date.today().day}
    assert zaken.filter(crisis=True, deadline__isnull=False).exists()
    # signals with only an address and with only a BSN of one household met in one case
    assert zaken.filter(signalen__bsn="").filter(signalen__bsn__gt="").exists()
