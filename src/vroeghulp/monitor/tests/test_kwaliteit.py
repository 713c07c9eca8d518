"""Data quality per partner: the counts of missing and impossible fields, counted by hand."""

import re
from datetime import date

import pytest
from django.utils import timezone

from vroeghulp.monitor.bijwerken import bijwerken
from vroeghulp.signalering.models import PartnerType
from vroeghulp.zaken.tests.factories import SignaalFactory, SignaalpartnerFactory


@pytest.mark.django_db
def test_missing_and_impossible_fields_per_partner(client, analist, inwoner_overvecht):
    from vroeghulp.gebieden.models import Postcode

    Postcode.objects.create(postcode="3561AB", buurt=inwoner_overvecht.huishouden.adres.buurt)
    slordig = SignaalpartnerFactory(code="slordig", naam="Slordig BV", type=PartnerType.OVERIGE)
    netjes = SignaalpartnerFactory(code="netjes", naam="Netjes NV", type=PartnerType.WATER)
    vandaag = timezone.localdate()
    # Slordig: 4 signals. 1: complete; 2: no BSN, no birth date; 3: arose after the signal date,
    # postcode unknown; 4: born after the signal date
    SignaalFactory(zaak=None, partner=slordig, bsn="123456782", geboortedatum=date(1980, 1, 1),
                   ontstaansdatum=date(2025, 1, 1), signaaldatum=date(2025, 2, 1), telefoonnummer="0612345678")
    SignaalFactory(zaak=None, partner=slordig, bsn="", geboortedatum=None, ontstaansdatum=date(2025, 1, 1),
                   signaaldatum=date(2025, 2, 1), email="a@example.nl")
    SignaalFactory(zaak=None, partner=slordig, bsn="123456782", geboortedatum=date(1980, 1, 1), postcode="9999ZZ",
                   ontstaansdatum=date(2025, 3, 1), signaaldatum=date(2025, 2, 1), telefoonnummer="06")
    SignaalFactory(zaak=None, partner=slordig, bsn="123456782", geboortedatum=date(2026, 1, 1),
                   ontstaansdatum=date(2025, 1, 1), signaaldatum=date(2025, 2, 1), telefoonnummer="06")
    # Netjes: 1 complete signal
    SignaalFactory(zaak=None, partner=netjes, bsn="123456782", geboortedatum=date(1980, 1, 1),
                   ontstaansdatum=date(2025, 1, 1), signaaldatum=date(2025, 2, 1), telefoonnummer="06")
    bijwerken(alles=True, vandaag=vandaag)
    client.force_login(analist)
    html = client.get("/monitor/kwaliteit/").content.decode()
    rij = html[html.index("Slordig BV"):].split("</tr>")[0]
    cellen = [re.sub(r"<[^>]+>", "", "<td" + c).strip() for c in rij.split("<td")[1:]]
    # type, signals, then MATEN in order: zonder_bsn, zonder_geboortedatum, zonder_ontstaansdatum,
    # zonder_telefoon_en_email, postcode_onbekend, ontstaan_na_signaal, geboortedatum_onmogelijk
    assert cellen[:9] == ["Overige", "4", "1 (25,0%)", "1 (25,0%)", "0 (0,0%)", "0 (0,0%)", "1 (25,0%)",
                          "1 (25,0%)", "1 (25,0%)"]
    # 4 of the 5 signals came from a partner of type Overige
    assert "80,0% van de signalen kwam van partners van het type" in html
