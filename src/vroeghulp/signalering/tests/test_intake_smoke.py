import json

import pytest

from vroeghulp.signalering.intake import verwerk_bestand
from vroeghulp.signalering.models import Vroegsignaal

pytestmark = pytest.mark.usefixtures("intake_instellingen")

CSV = (
    "ID;bedrag;ontstaansdatum;signaaldatum;burgerservicenummer;postcode;huisnummer\n"
    "A1;412,50;03-12-2025;10-01-2026;123456782;3563 AB;12\n"
    "A2;10;03-12-2025;10-01-2026;;3563 AB;14\n"
    ";;;;;;\n"
)


def test_csv(energie, vaste_dag):
    rapport = verwerk_bestand(energie, CSV.encode("cp1252"), bestandsnaam="x.csv", kanaal="bestand")
    d = rapport.als_dict()
    print(json.dumps(d, indent=1))
    assert d["ontvangen"] == 2
    assert d["geaccepteerd"] == 1
    assert Vroegsignaal.objects.count() == 1
