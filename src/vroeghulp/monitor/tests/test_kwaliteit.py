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


KOP = b"ID;bedrag;ontstaansdatum;signaaldatum;postcode;huisnummer\n"


def _redenrijen(html: str) -> list[list[str]]:
    """The rows of the table of refused signals per reason, as the text of their cells."""
    tabel = html[html.index('id="redenen-titel"'):].split("</table>")[0]
    rijen = []
    for rij in tabel.split("<tbody")[1].split("</tr>")[:-1]:
        cellen = re.split(r"<t[hd][^>]*>", rij)[1:]
        rijen.append([re.sub(r"<[^>]+>", "", c).strip() for c in cellen])
    return rijen


@pytest.mark.django_db
def test_refused_signals_per_partner_and_reason(client, analist, settings, monkeypatch):
    """Two deliveries through the real intake; the page shows per partner each reason with the
    text the partner got back, the most frequent first."""
    from vroeghulp.signalering.intake import opslag, verwerk_bestand

    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    settings.VROEGHULP_DREMPELBEDRAG = "50"
    monkeypatch.setattr(opslag, "matching_bij_opslag", lambda: None)
    monkeypatch.setattr(opslag, "roep_matching_aan", lambda ids: None)
    slordig = SignaalpartnerFactory(code="slordig", naam="Slordig BV", type=PartnerType.ENERGIE)
    netjes = SignaalpartnerFactory(code="netjes", naam="Netjes NV", type=PartnerType.ENERGIE)
    op = date(2026, 2, 1)
    # Slordig, delivery 1: 4 rows, 2 with amount 0, 1 with a postcode outside the gemeente, 1 good
    verwerk_bestand(slordig, KOP + b"A1;0;03-12-2025;10-01-2026;3563AB;1\nA2;0;03-12-2025;10-01-2026;3563AB;2\n"
                    b"A3;412;03-12-2025;10-01-2026;9999ZZ;1\nA4;412;03-12-2025;10-01-2026;3563AB;4\n",
                    kanaal="bestand", op=op)
    # Slordig, delivery 2: 2 rows, 1 with amount 0, 1 good
    verwerk_bestand(slordig, KOP + b"A5;0;03-12-2025;10-01-2026;3563AB;5\nA6;412;03-12-2025;10-01-2026;3563AB;6\n",
                    kanaal="bestand", op=op)
    # Netjes: 1 good row, nothing refused
    verwerk_bestand(netjes, KOP + b"N1;412;03-12-2025;10-01-2026;3563AB;7\n", kanaal="bestand", op=op)
    bijwerken(alles=True, vandaag=timezone.localdate())
    client.force_login(analist)
    html = client.get("/monitor/kwaliteit/").content.decode()
    # Slordig received 4 + 2 = 6 rows: amount 0 in 2 + 1 = 3 of them (50,0%), the postcode in 1
    # (1/6 = 16,7%); Netjes has no row
    assert _redenrijen(html) == [
        ["Slordig BV", "Het bedrag moet groter zijn dan 0. (bedrag_niet_positief)", "3 (50,0%)"],
        ["Slordig BV", "Deze postcode hoort niet bij onze gemeente. Stuur het signaal naar de gemeente waar de "
                       "inwoner woont. (postcode_buiten_gemeente)", "1 (16,7%)"],
    ]
    # the total refused of the main table: 3 + 1 = 4 of 6
    assert "4 / 6 (66,7%)" in html


@pytest.mark.django_db
def test_no_refused_signals_says_so(client, analist):
    client.force_login(analist)
    html = client.get("/monitor/kwaliteit/").content.decode()
    assert _redenrijen(html) == [["Geen afgewezen signalen in deze periode."]]
