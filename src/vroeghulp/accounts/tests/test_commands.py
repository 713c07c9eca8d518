"""`vroeghulp team` and `vroeghulp gebruiker`: accounts without an admin site, weak input refused in Dutch."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from vroeghulp.accounts.models import Gebruiker, Rol
from vroeghulp.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
STERK = "Lang-en-sterk-wachtwoord-2026"


def gebruiker(*args, wachtwoord=STERK, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(wachtwoord + "\n"))
    out = io.StringIO()
    call_command("gebruiker", *args, "--wachtwoord-stdin", stdout=out)
    return out.getvalue()


def test_team_with_wijken(wijk_overvecht, wijk_zuid):
    out = io.StringIO()
    call_command("team", "Wijkteam Zuid-Oost", "--wijk", "WK034403", "--wijk", "WK034407", stdout=out)
    assert "Wijkteam Zuid-Oost" in out.getvalue()
    assert AuditEvent.objects.filter(object_type="accounts.Team").exists()


def test_team_with_unknown_wijk_names_the_option(wijk_overvecht):
    with pytest.raises(CommandError, match="--wijk: onbekende wijkcode") as fout:
        call_command("team", "Wijkteam X", "--wijk", "WK999999")
    assert fout.value.returncode == 2


def test_consulent_is_created_in_a_team_and_can_log_in(team_overvecht, monkeypatch, rf):
    out = gebruiker("m.jansen", "--rol", "consulent", "--team", "Wijkteam Overvecht", "--naam", "Mila Jansen",
                    monkeypatch=monkeypatch)
    assert "m.jansen" in out
    nieuw = Gebruiker.objects.get(username="m.jansen")
    assert (nieuw.rol, nieuw.first_name, nieuw.last_name) == (Rol.CONSULENT, "Mila", "Jansen")
    assert list(nieuw.teams.all()) == [team_overvecht]
    assert authenticate(rf.post("/"), username="m.jansen", password=STERK) == nieuw


@pytest.mark.parametrize(("zwak", "melding"), [
    ("kort", "Dit wachtwoord is te kort. Gebruik minstens 12 tekens."),
    ("password1234", "Dit wachtwoord is te algemeen."),
    ("12345678901234", "Dit wachtwoord bevat alleen cijfers."),
    ("m.jansen-2026", "lijkt te veel op"),
])
def test_weak_password_is_refused_in_dutch(team_overvecht, monkeypatch, zwak, melding):
    with pytest.raises(CommandError, match=f"wachtwoord: .*{melding}"):
        gebruiker("m.jansen", "--rol", "consulent", "--team", "Wijkteam Overvecht", wachtwoord=zwak,
                  monkeypatch=monkeypatch)
    assert not Gebruiker.objects.filter(username="m.jansen").exists()


def test_consulent_needs_a_team(db, monkeypatch):
    with pytest.raises(CommandError, match="--team: een consulent hoort bij minstens één team"):
        gebruiker("m.jansen", "--rol", "consulent", monkeypatch=monkeypatch)


def test_unknown_team_is_named(db, monkeypatch):
    with pytest.raises(CommandError, match="--team: onbekend team: Wijkteam Nergens"):
        gebruiker("m.jansen", "--rol", "consulent", "--team", "Wijkteam Nergens", monkeypatch=monkeypatch)


def test_demo_username_is_refused_in_production(db, monkeypatch, settings):
    settings.PRODUCTIE = True
    with pytest.raises(CommandError, match="demo-account"):
        gebruiker("analist", "--rol", "analist", monkeypatch=monkeypatch)
