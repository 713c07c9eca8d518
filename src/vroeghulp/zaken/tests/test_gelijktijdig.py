"""Two caseworkers pick up the same case at the same moment: exactly one succeeds.

Real threads with their own database connections. On PostgreSQL the second transaction waits on
``select_for_update`` and then sees the case is taken; on SQLite the IMMEDIATE transaction mode
serialises the writers. In both cases the conditional ``UPDATE … WHERE status='nieuw'`` is the
last guard.
"""

import threading

import pytest
from django.db import connections

from vroeghulp.accounts.models import Rol
from vroeghulp.accounts.tests.factories import GebruikerFactory
from vroeghulp.zaken import workflow
from vroeghulp.zaken.models import Statuswijziging, Vroegsignaalzaak, Zaakstatus
from vroeghulp.zaken.tests.factories import SignaalFactory, ZaakFactory


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("ronde", range(3))
def test_two_caseworkers_pick_up_at_once(team_overvecht, wijk_overvecht, ronde):
    een = GebruikerFactory(username=f"een{ronde}", first_name="Een", rol=Rol.CONSULENT, teams=[team_overvecht])
    twee = GebruikerFactory(username=f"twee{ronde}", first_name="Twee", rol=Rol.CONSULENT, teams=[team_overvecht])
    zaak = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht)
    SignaalFactory(zaak=zaak)
    start = threading.Barrier(2)
    uitkomsten = {}

    def pak_op(gebruiker):
        try:
            start.wait(timeout=10)
            workflow.oppakken(zaak.pk, door=gebruiker)
            uitkomsten[gebruiker.username] = "gelukt"
        except workflow.ZaakAlOpgepakt as fout:
            uitkomsten[gebruiker.username] = fout.melding
        except Exception as fout:  # noqa: BLE001 - the assertion below shows it
            uitkomsten[gebruiker.username] = repr(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=pak_op, args=(g,)) for g in (een, twee)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)

    assert sorted(uitkomsten.values()).count("gelukt") == 1, uitkomsten
    verliezer = next(v for v in uitkomsten.values() if v != "gelukt")
    assert "net opgepakt door" in verliezer, uitkomsten
    zaak.refresh_from_db()
    assert zaak.status == Zaakstatus.OPGEPAKT
    winnaar = een if uitkomsten[een.username] == "gelukt" else twee
    assert zaak.toegewezen_aan == winnaar
    assert Statuswijziging.objects.filter(zaak=zaak).count() == 1
    assert Vroegsignaalzaak.objects.filter(status=Zaakstatus.OPGEPAKT).count() == 1


@pytest.mark.django_db
def test_guard_refuses_a_writer_whose_lock_saw_a_stale_status(consulent, wijk_overvecht, monkeypatch):
    """Belt and braces: even if the lock were bypassed (a stale read of "nieuw" while another
    transaction already picked the case up), the conditional UPDATE refuses the second writer."""
    zaak = ZaakFactory(inwoner__huishouden__adres__buurt__wijk=wijk_overvecht)
    verouderd = Vroegsignaalzaak.objects.get(pk=zaak.pk)  # status "nieuw", read before the other writer
    Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(status=Zaakstatus.OPGEPAKT)  # the other writer won
    monkeypatch.setattr(workflow, "_vergrendel", lambda zaak_id, door: verouderd)
    with pytest.raises(workflow.OvergangNietToegestaan, match="net gewijzigd"):
        workflow._overgang(zaak.pk, Zaakstatus.OPGEPAKT, door=consulent)
    assert not Statuswijziging.objects.filter(zaak=zaak).exists()
