"""A walk-in or self-referral from the worklist: look up by BSN and birth date, start at once."""

import pytest
from django.urls import reverse

from vroeghulp.audit.models import Actie, AuditEvent
from vroeghulp.schuldhulp.models import Aanmeldingswijze, Fase, Traject

pytestmark = pytest.mark.django_db
URL = reverse("schuldhulp:aanmelden")


def _post(client, user, **velden):
    client.force_login(user)
    return client.post(URL, {"aanmeldingswijze": Aanmeldingswijze.INLOOP, **velden})


def test_inloop_start_een_traject_met_bsn_en_geboortedatum(client, consulent, inwoner_overvecht):
    antwoord = _post(client, consulent, bsn=inwoner_overvecht.bsn,
                     geboortedatum=inwoner_overvecht.geboortedatum.strftime("%d-%m-%Y"))
    traject = Traject.objects.get(inwoner=inwoner_overvecht)
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("schuldhulp:detail", args=[traject.pk])
    assert (traject.aanmeldingswijze, traject.fase) == (Aanmeldingswijze.INLOOP, Fase.AANMELDING)
    # the lookup is an audited read of the person
    assert AuditEvent.objects.filter(actie=Actie.LEZEN, persoon_id=inwoner_overvecht.pk).exists()


def test_bsn_met_verkeerde_geboortedatum_vindt_niemand(client, consulent, inwoner_overvecht):
    antwoord = _post(client, consulent, bsn=inwoner_overvecht.bsn, geboortedatum="01-01-1900")
    assert antwoord.status_code == 200
    assert "Wij vinden geen inwoner met dit BSN en deze geboortedatum" in antwoord.content.decode()
    assert not Traject.objects.exists()


def test_bsn_zonder_elfproef_wordt_geweigerd_met_de_reden(client, consulent, inwoner_overvecht):
    # 123456780: 9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8-1*0 = 156, not divisible by 11
    antwoord = _post(client, consulent, bsn="123456780", geboortedatum="01-01-1980")
    assert "de elfproef klopt niet" in antwoord.content.decode()
    assert not Traject.objects.exists()


def test_inwoner_van_een_andere_wijk_geweigerd_en_gelogd(client, consulent, inwoner_zuid):
    antwoord = _post(client, consulent, bsn=inwoner_zuid.bsn,
                     geboortedatum=inwoner_zuid.geboortedatum.strftime("%d-%m-%Y"))
    assert antwoord.status_code == 200 and "ander team" in antwoord.content.decode()
    assert not Traject.objects.exists()
    assert AuditEvent.objects.filter(actie=Actie.GEWEIGERD, persoon_id=inwoner_zuid.pk).exists()


def test_tweede_aanmelding_gaat_naar_het_lopende_traject(client, consulent, inwoner_overvecht):
    datum = inwoner_overvecht.geboortedatum.strftime("%d-%m-%Y")
    _post(client, consulent, bsn=inwoner_overvecht.bsn, geboortedatum=datum)
    antwoord = _post(client, consulent, bsn=inwoner_overvecht.bsn, geboortedatum=datum,
                     aanmeldingswijze=Aanmeldingswijze.ZELFMELDING)
    traject = Traject.objects.get(inwoner=inwoner_overvecht)
    assert antwoord["Location"] == reverse("schuldhulp:detail", args=[traject.pk])
    assert Traject.objects.count() == 1


def test_bsn_komt_niet_in_de_url(client, consulent):
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert 'method="post"' in html


@pytest.mark.parametrize("bsn", ["9" * 5000, "１２３４５６７８２", "12345678\x00"])
def test_rare_invoer_geeft_een_melding_geen_500(client, consulent, bsn):
    antwoord = _post(client, consulent, bsn=bsn, geboortedatum="31-02-2000")
    assert antwoord.status_code == 200
    assert not Traject.objects.exists()


def test_ongeldige_utf8_in_het_formulier_geeft_een_melding(client, consulent):
    # a lone surrogate as a browser would send it: percent-encoded bytes that are not UTF-8
    client.force_login(consulent)
    antwoord = client.post(URL, data=b"bsn=%ED%BF%BF&geboortedatum=01-01-1980&aanmeldingswijze=inloop",
                           content_type="application/x-www-form-urlencoded")
    assert antwoord.status_code in (200, 400)
    assert not Traject.objects.exists()
