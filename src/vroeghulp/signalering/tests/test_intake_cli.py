"""``vroeghulp signalen importeer`` and ``vroeghulp partners token`` (docs/interfaces.md section 1)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from vroeghulp.accounts.models import ApiToken
from vroeghulp.signalering.models import Aanlevering, Vroegsignaal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_instellingen", "vaste_dag")]

KOP = "ID;bedrag;ontstaansdatum;signaaldatum;burgerservicenummer;postcode;huisnummer\n"


def importeer(pad, *extra):
    uit, fout = io.StringIO(), io.StringIO()
    call_command("signalen_importeer", str(pad), "--partner", "energie", *extra, stdout=uit, stderr=fout)
    return json.loads(uit.getvalue()), fout.getvalue()


def test_import_prints_report(tmp_path, energie):
    bestand = tmp_path / "levering.csv"
    bestand.write_bytes((KOP + "A1;412;03-12-2025;10-01-2026;123456782;3563AB;1\nA2;x;03-12-2025;10-01-2026;;3563AB;2\n").encode("cp1252"))
    rapport, _ = importeer(bestand)
    assert (rapport["ontvangen"], rapport["geaccepteerd"], rapport["afgewezen"]) == (2, 1, 1)
    assert [r["status"] for r in rapport["resultaten"]] == ["geaccepteerd", "afgewezen"]
    assert Aanlevering.objects.get().kanaal == "opdrachtregel"
    samenvatting, _ = importeer(bestand, "--samenvatting")
    assert samenvatting["dubbel"] == 1 and [r["ID"] for r in samenvatting["resultaten"]] == ["A1", "A2"]


def test_refused_file_exits_2_and_stores_nothing(tmp_path, energie):
    bestand = tmp_path / "kapot.csv"
    bestand.write_text("Naam;Adres\nJan;Straat 1\n")
    uit = io.StringIO()
    with pytest.raises(SystemExit) as einde:
        call_command("signalen_importeer", str(bestand), "--partner", "energie", stdout=uit, stderr=io.StringIO())
    assert einde.value.code == 2
    assert json.loads(uit.getvalue())["code"] == "kolom_ontbreekt"
    assert not Vroegsignaal.objects.exists() and not Aanlevering.objects.exists()


def test_unknown_partner_or_file(tmp_path, energie):
    with pytest.raises(CommandError) as fout:
        call_command("signalen_importeer", str(tmp_path / "x.csv"), "--partner", "bestaat-niet")
    assert fout.value.returncode == 2
    with pytest.raises(CommandError):
        call_command("signalen_importeer", str(tmp_path / "bestaat-niet.csv"), "--partner", "energie")


def test_partners_token_prints_once_and_stores_only_a_hash(energie):
    uit = io.StringIO()
    call_command("partners_token", "energie", stdout=uit, stderr=io.StringIO())
    waarde = uit.getvalue().strip()
    assert waarde.startswith("vh_")
    token = ApiToken.zoek(waarde)
    assert token.client.signaalpartner == energie
    assert set(token.client.scopes) == {"signalen:aanleveren", "signalen:status"}
    assert waarde not in {t.sleutel_hash for t in ApiToken.objects.all()}
    call_command("partners_token", "energie", stdout=io.StringIO(), stderr=io.StringIO())
    assert ApiToken.objects.filter(client=token.client).count() == 2  # same client, new token
    with pytest.raises(CommandError):
        call_command("partners_token", "bestaat-niet")
