"""A large file read and checked in a second process (``intake.parallel``) gets exactly the answer
and the stored rows it gets in one process; refusals and failures there store nothing.

The bad-input suite runs a sample of its deliveries through the second process as well
(``test_intake_slechte_invoer.test_slechte_invoer_in_tweede_proces``)."""

import datetime as dt
import os

import pytest
import time_machine

from vroeghulp.signalering import brp
from vroeghulp.signalering.intake import Weigering, parallel, verwerk_bestand
from vroeghulp.signalering.models import Aanlevering, PartnerType, Signaalpartner, Vroegsignaal
from vroeghulp.zaken.models import Vroegsignaalzaak

pytestmark = pytest.mark.django_db

KOP = ("ID;bedrag;ontstaansdatum;signaaldatum;crisissignaal;eindelevering;burgerservicenummer;postcode;"
       "huisnummer;huisnummertoevoeging;achternaam\n")


def _bestand(aantal: int) -> bytes:
    """Windows-1252, more than two blocks of 5,000 rows, with refused rows (11-proef, amount
    under the threshold, postcode of another municipality), repeats with a higher and the same
    amount, households with several signals, crisis signals and a warning (an initial-less
    name with an accent)."""
    regels = [KOP]
    for i in range(aantal):
        nummer = i - 1 if i % 97 == 96 else i  # a repeat of the previous ID
        bedrag = "49,00" if i % 211 == 0 else f"{60 + (i * 37) % 900},{i % 100:02d}"
        if i % 389 == 0:
            bedrag = f"{60 + ((i - 1) * 37) % 900},{(i - 1) % 100:02d}"  # same amount as the ID before
        bsn = "123456789" if i % 53 == 0 else ""  # fails the 11-proef
        postcode = "1011 AB" if i % 149 == 0 else f"35{63 + i % 5}AB"
        regels.append(
            f"P-{nummer:06d};{bedrag};01-12-2025;10-01-2026;{'ja' if i % 31 == 0 else 'nee'};nee;{bsn};"
            f"{postcode};{i % 1_700 + 1};{'bis' if i % 11 == 0 else ''};Müller\n"
        )
    return "".join(regels).encode("cp1252")


def _momentopname():
    zaken = {
        z.pk: (z.huishoudsleutel, z.status, z.matchsoort, z.crisis, z.totaal_bedrag, z.contact_uiterlijk)
        for z in Vroegsignaalzaak.objects.all()
    }
    signalen = {
        s.extern_id: (s.bedrag, s.herhaling, s.vorig_bedrag, s.status, s.huishoudsleutel, s.postcode,
                      s.huisnummertoevoeging, s.achternaam, s.crisissignaal, s.waarschuwingen, zaken.get(s.zaak_id))
        for s in Vroegsignaal.objects.all()
    }
    return signalen, sorted(zaken.values(), key=repr)


def test_tweede_proces_geeft_hetzelfde_als_een_proces(settings, monkeypatch):
    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    settings.VROEGHULP_DREMPELBEDRAG = "50"
    partner = Signaalpartner.objects.create(code="energie", naam="Energie", type=PartnerType.ENERGIE)
    data = _bestand(12_000)
    gestart = []
    echte_bron = parallel.ParalleleBron

    class Bijgehouden(echte_bron):
        def __init__(self, *args, **kwargs):
            gestart.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ParalleleBron", Bijgehouden)
    brp.gebruik_bron(brp.GeenBrp())  # matching while storing, as in production without a BRP link
    uitkomsten = []
    try:
        for vanaf in ("uit", "0"):
            settings.VROEGHULP_INTAKE_PARALLEL_VANAF_MB = vanaf
            with time_machine.travel(dt.datetime(2026, 2, 2, 9, 30, tzinfo=dt.UTC), tick=False):
                rapport = verwerk_bestand(partner, data, bestandsnaam="groot.csv", kanaal="bestand")
            uitkomsten.append((rapport.als_dict(), rapport.formaat, rapport.codering, rapport.scheidingsteken,
                               _momentopname()))
            Vroegsignaal.objects.all().delete()
            Vroegsignaalzaak.objects.all().delete()
            Aanlevering.objects.all().delete()
    finally:
        brp.gebruik_bron(None)
    assert gestart == [1]  # the second run, and only that one, read in a second process
    een_proces, twee_processen = uitkomsten
    antwoord = een_proces[0]
    # the facts the comparison rests on: a mixed answer over several blocks, cases made
    assert antwoord["ontvangen"] == 12_000 and 0 < antwoord["afgewezen"] < 1_000
    assert antwoord["dubbel"] > 0 and any(r.get("herhaling") for r in antwoord["resultaten"])
    assert een_proces[1:4] == ("csv", "windows-1252", ";")
    assert len(een_proces[4][1]) > 1_000
    assert twee_processen == een_proces


def _geen_levering():
    assert not Vroegsignaal.objects.exists()
    assert not Aanlevering.objects.exists()
    assert not Vroegsignaalzaak.objects.exists()


def test_weigering_halverwege_in_tweede_proces_slaat_niets_op(settings):
    """More rows than allowed: the child finds out after storing has begun; nothing stays."""
    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    settings.VROEGHULP_INTAKE_PARALLEL_VANAF_MB = "0"
    partner = Signaalpartner.objects.create(code="energie", naam="Energie", type=PartnerType.ENERGIE)
    with pytest.raises(Weigering) as fout:
        verwerk_bestand(partner, _bestand(12_000), bestandsnaam="groot.csv", kanaal="bestand", max_rijen=11_000)
    assert fout.value.code == "te_veel_signalen" and fout.value.status == 413
    _geen_levering()


@pytest.mark.parametrize("hoe", ["stopt_meteen", "geen_python"])
def test_leesproces_dat_niet_start_dan_leest_dit_proces(settings, monkeypatch, caplog, hoe):
    """The second process only adds speed: when it cannot start (it ends at once, or the
    application server's ``sys.executable`` is no Python), the file is read here."""
    settings.VROEGHULP_POSTCODES_PC4 = "3511-3585"
    settings.VROEGHULP_INTAKE_PARALLEL_VANAF_MB = "0"
    if hoe == "stopt_meteen":
        monkeypatch.setattr(parallel, "_START", "import sys; sys.exit(3)")
    else:
        monkeypatch.setattr(parallel.sys, "executable", "/bestaat/niet/python")
    partner = Signaalpartner.objects.create(code="energie", naam="Energie", type=PartnerType.ENERGIE)
    rapport = verwerk_bestand(partner, _bestand(100), bestandsnaam="a.csv", kanaal="bestand")
    assert rapport.ontvangen == 100 and rapport.geaccepteerd > 90 and Vroegsignaal.objects.count() > 90
    assert "Tweede leesproces niet gestart" in caplog.text


# A stand-in child that starts like the real one and then, after the checks' settings, ...
_NEP_KIND = (
    "import sys; from multiprocessing.connection import Connection; c = Connection(int(sys.argv[1])); "
    "c.recv(); c.send(('bron', ('csv', 'utf-8', ';'))); c.recv_bytes(); "
)


@pytest.mark.parametrize(("daarna", "melding"), [
    ("sys.exit(3)", "stopte onverwacht"),  # ... dies half-way
    # ... reports an error: it comes through by its type only (its text could hold a BSN)
    ("c.send(('fout', 'ValueError'))", r"gaf een fout \(ValueError\)"),
])
def test_leesproces_dat_halverwege_faalt_slaat_niets_op(settings, monkeypatch, daarna, melding):
    settings.VROEGHULP_INTAKE_PARALLEL_VANAF_MB = "0"
    monkeypatch.setattr(parallel, "_START", _NEP_KIND + daarna)
    partner = Signaalpartner.objects.create(code="energie", naam="Energie", type=PartnerType.ENERGIE)
    with pytest.raises(parallel.LezenMislukt, match=melding):
        verwerk_bestand(partner, _bestand(100), bestandsnaam="a.csv", kanaal="bestand")
    _geen_levering()


def test_leesproces_stopt_als_de_intake_stopt():
    """The intake stops before asking for rows (an inactive partner, a crash): the child, waiting
    for the checks' settings, sees its socket closed and ends."""
    bron = parallel.ParalleleBron(_bestand(100), "a.csv", max_rijen=1_000)
    assert (bron.formaat, bron.codering) == ("csv", "windows-1252")
    bron._pijp.close()
    assert bron._proces.wait(timeout=30) == 0


def test_gebruiken_vanaf_drempel(settings):
    settings.VROEGHULP_INTAKE_PARALLEL_VANAF_MB = "1"
    assert not parallel.gebruiken(b"x" * (1024 * 1024 - 1))
    assert parallel.gebruiken(b"x" * (1024 * 1024)) == ((os.cpu_count() or 1) > 1)
    settings.VROEGHULP_INTAKE_PARALLEL_VANAF_MB = "uit"
    assert not parallel.gebruiken(b"x" * (64 * 1024 * 1024))
