"""The municipality's figures against the national goals.

The goals (kabinet, "Aanpak geldzorgen, armoede en schulden", 2022): halve the number of
households with problematic debts by 2030. The municipality's baseline is the first year for
which it entered a CBS figure; the path to 2030 is a straight line from there to half of it.
People reached per year come from our own figures (cases with contact, ``Stap.CONTACT`` of the
year), next to the national 95,000 (2022) and 118,000 (2023) reported by Divosa.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from vroeghulp.monitor import geheimhouding
from vroeghulp.monitor.models import CbsCijfer, CbsOnderwerp, Maat, Monitorcel, Niveau, Periodesoort
from vroeghulp.monitor.stappen import Stap
from vroeghulp.monitor.statline import StatlineFout, lees

DOELJAAR = 2030
DOELFACTOR = 0.5  # halve
LANDELIJK_BEREIKT = {2022: 95_000, 2023: 118_000}


class Cijferformulier(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    onderwerp = forms.ChoiceField(label=_("Wat telt het cijfer"), choices=CbsOnderwerp.choices)
    waarde = forms.IntegerField(label=_("Aantal"), min_value=0, max_value=10_000_000)


class Importformulier(forms.Form):
    bestand = forms.FileField(label=_("CSV-bestand van CBS StatLine"),
                              help_text=_("Met een kolom voor de periode (Perioden of Jaar) en een kolom met "
                                          "'problematische schulden' of 'huishoudens' in de naam."))

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB; een StatLine-tabel van één gemeente is veel kleiner."))
        try:
            self.cleaned_data["regels"] = lees(bestand.read(), settings.GEMEENTECODE)
        except StatlineFout as fout:
            raise forms.ValidationError(fout.fouten) from None
        return bestand


def bewaar(gegevens: dict, *, door) -> None:
    CbsCijfer.objects.update_or_create(jaar=gegevens["jaar"], onderwerp=gegevens["onderwerp"],
                                       defaults={"waarde": gegevens["waarde"], "bron": "ingevoerd",
                                                 "ingevoerd_door": door.get_username()})


@transaction.atomic
def importeer(regels, *, door) -> int:
    for r in regels:
        CbsCijfer.objects.update_or_create(jaar=r.jaar, onderwerp=r.onderwerp,
                                           defaults={"waarde": r.waarde, "bron": "CBS StatLine (CSV)",
                                                     "ingevoerd_door": door.get_username()})
    return len(regels)


@dataclass(frozen=True)
class Jaarrij:
    jaar: int
    problematisch: int | None
    huishoudens: int | None
    aandeel: float | None  # percent of the households
    doelpad: int | None  # where the straight line to half in 2030 is this year
    verschil: int | None
    bereikt: int | None  # our cases with contact in the year (hidden below the threshold)
    landelijk_bereikt: int | None


@dataclass
class Doelenoverzicht:
    basisjaar: int | None
    basiswaarde: int | None
    doel: int | None
    rijen: list[Jaarrij]
    cijfers: list


def _bereikt_per_jaar() -> dict[int, int]:
    rijen = (Monitorcel.objects.filter(periodesoort=Periodesoort.JAAR, niveau=Niveau.WIJK, partnertype="",
                                       maat=Maat.TRECHTER, waarde=Stap.CONTACT)
             .values("periode").annotate(n=Sum("aantal")).order_by())
    return {r["periode"].year: r["n"] for r in rijen}


def overzicht() -> Doelenoverzicht:
    cijfers = list(CbsCijfer.objects.all())
    per = {(c.onderwerp, c.jaar): c.waarde for c in cijfers}
    problematisch = sorted(j for o, j in per if o == CbsOnderwerp.PROBLEMATISCHE_SCHULDEN)
    basisjaar = problematisch[0] if problematisch else None
    basis = per.get((CbsOnderwerp.PROBLEMATISCHE_SCHULDEN, basisjaar)) if basisjaar else None
    doel = round(basis * DOELFACTOR) if basis is not None else None
    bereikt = _bereikt_per_jaar()
    jaren = sorted({j for _, j in per} | set(bereikt) | ({DOELJAAR} if basisjaar else set()))
    grens = geheimhouding.drempel()
    rijen = []
    for jaar in jaren:
        p = per.get((CbsOnderwerp.PROBLEMATISCHE_SCHULDEN, jaar))
        h = per.get((CbsOnderwerp.HUISHOUDENS, jaar))
        pad = None
        if basis is not None and basisjaar <= jaar <= DOELJAAR and DOELJAAR > basisjaar:
            pad = round(basis - (basis - doel) * (jaar - basisjaar) / (DOELJAAR - basisjaar))
        b = bereikt.get(jaar)
        rijen.append(Jaarrij(jaar, p, h, round(100 * p / h, 2) if p is not None and h else None, pad,
                             p - pad if p is not None and pad is not None else None,
                             None if b is None or geheimhouding.klein(b, grens) else b,
                             LANDELIJK_BEREIKT.get(jaar)))
    return Doelenoverzicht(basisjaar, basis, doel, rijen, cijfers)
