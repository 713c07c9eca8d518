"""Demo teams and logins (password ``demo``; refused in production, see common/production.py)."""

from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext as _

from vroeghulp.accounts.models import Gebruiker, Rol, Team
from vroeghulp.demo.partners import HUISARTS, PARTNERS
from vroeghulp.gebieden.models import Wijk
from vroeghulp.signalering.models import Signaalpartner

WACHTWOORD = "demo"

TEAMS = (
    ("Wijkteam Overvecht", ("Overvecht", "Noordoost")),
    ("Wijkteam Zuid", ("Zuid", "Zuidwest")),
    ("Wijkteam West", ("West", "Noordwest")),
    ("Wijkteam Oost en Binnenstad", ("Oost", "Binnenstad")),
    ("Wijkteam Leidsche Rijn en Vleuten-De Meern", ("Leidsche Rijn", "Vleuten-De Meern")),
)

# username, rol, first name, last name, teams, signal partner code
LOGINS = (
    ("beheerder", Rol.BEHEERDER, "Bea", "Beheer", (), None),
    ("teamleider", Rol.TEAMLEIDER, "Tom", "Leidsman", ("Wijkteam Overvecht",), None),
    ("consulent", Rol.CONSULENT, "Carla", "Consulent", ("Wijkteam Overvecht",), None),
    ("analist", Rol.ANALIST, "Ahmed", "Analist", (), None),
    ("huisarts", Rol.KETENPARTNER, "Hanna", "Huisarts", (), "huisarts-overvecht"),
)


def vul(ctx) -> None:
    teams = {}
    for naam, wijknamen in TEAMS:
        team = Team.objects.get_or_create(naam=naam)[0]
        team.wijken.set(Wijk.objects.filter(gemeente=ctx.gemeente, naam__in=wijknamen))
        teams[naam] = team
    zorg_voor_logins(teams)
    ctx.meld(_("%(teams)d wijkteams en %(logins)d demo-accounts aangemaakt.")
             % {"teams": len(TEAMS), "logins": len(LOGINS)})


def zorg_voor_logins(teams: dict | None = None) -> None:
    """Create the demo logins, or reset them to password ``demo`` and their demo role."""
    teams = teams or {t.naam: t for t in Team.objects.all()}
    wachtwoord_hash = make_password(WACHTWOORD)  # hashing is slow on purpose: do it once
    for username, rol, voornaam, achternaam, teamnamen, partner in LOGINS:
        gebruiker = Gebruiker.objects.get_or_create(username=username)[0]
        gebruiker.rol = rol
        gebruiker.first_name, gebruiker.last_name = voornaam, achternaam
        gebruiker.email = f"{username}@vroeghulp-demo.example"
        gebruiker.is_active = True
        gebruiker.signaalpartner = Signaalpartner.objects.get(code=partner) if partner else None
        gebruiker.password = wachtwoord_hash
        gebruiker.save()
        gebruiker.teams.set([teams[t] for t in teamnamen if t in teams])


def beschrijving() -> list[tuple[str, str, str]]:
    """(username, role label, teams or organisation) for printing."""
    organisaties = {code: naam for code, naam, *_rest in PARTNERS + (HUISARTS,)}
    return [
        (username, str(rol.label), ", ".join(teamnamen) or organisaties.get(partner, "-"))
        for username, rol, *_naam, teamnamen, partner in LOGINS
    ]
