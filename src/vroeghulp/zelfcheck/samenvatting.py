"""The answers and outcomes a resident chooses to share with the wijkteam, as one short text."""

from django.utils.translation import gettext as _

from vroeghulp.zelfcheck.antwoorden import Antwoorden
from vroeghulp.zelfcheck.uitslag import Uitslag, euro

PERIODE = {"week": "per week", "vier_weken": "per 4 weken", "maand": "per maand"}


def _inkomen(inkomen) -> str:
    if inkomen is None:
        return "-"
    delen = []
    if inkomen.netto is not None:
        delen.append(_("netto %(bedrag)s") % {"bedrag": euro(inkomen.netto)})
    if inkomen.bruto is not None:
        delen.append(_("bruto %(bedrag)s") % {"bedrag": euro(inkomen.bruto)})
    return f"{', '.join(delen)} {PERIODE[inkomen.per]}"


def tekst(antwoorden: Antwoorden, uitslag: Uitslag) -> str:
    regels = [
        _("Partner: %(ja)s.") % {"ja": _("ja") if antwoorden.partner else _("nee")},
        _("Kinderen (leeftijd): %(k)s.") % {"k": ", ".join(str(k) for k in antwoorden.kinderen) or _("geen")},
        _("Woning: %(w)s%(huur)s.") % {"w": antwoorden.woning, "huur": f", kale huur {euro(antwoorden.huur)}"
                                        if antwoorden.woning == "huur" and antwoorden.huur is not None else ""},
        _("Inkomen: %(i)s.") % {"i": _inkomen(antwoorden.inkomen)},
    ]
    if antwoorden.partner:
        regels.append(_("Inkomen partner: %(i)s.") % {"i": _inkomen(antwoorden.inkomen_partner)})
    regels.append(_("Spaargeld: %(v)s. Beslag: %(b)s.") % {
        "v": euro(antwoorden.vermogen or 0), "b": _("ja") if antwoorden.beslag else _("nee")})
    for blok in uitslag.blokken:
        bedrag = euro(blok.per_maand) if blok.per_maand is not None else "-"
        regels.append(f"{blok.titel}: {bedrag} {_('per maand')}.")
    return " ".join(regels)
