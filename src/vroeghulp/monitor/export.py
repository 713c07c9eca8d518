"""The monitor's tables as CSV and XLSX: the same suppressed numbers as the page and the chart.
A hidden value is written as "x", as CBS writes a secret figure: it is either below the
threshold or hidden with it (secondary suppression), so "<5" would not always be true."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook

from vroeghulp.monitor.cijfers import Dashboard, resultaatkolommen
from vroeghulp.monitor.grafieken import trend_kolommen
from vroeghulp.monitor.stappen import HOOFDLIJN, Stap, Terugval, Trajecten


@dataclass(frozen=True)
class Tabeldata:
    titel: str
    kop: list[str]
    rijen: list[list]


VERBORGEN = "x"


def verborgen(d: Dashboard) -> str:
    return VERBORGEN


def _cel(waarde, d: Dashboard):
    return verborgen(d) if waarde is None else waarde


def tabellen(d: Dashboard) -> dict[str, Tabeldata]:
    from vroeghulp.zaken.cijfers import RESULTATEN

    kolommen = [s.value for s in HOOFDLIJN]
    labels = {r.stap: r.label for r in d.trechter}
    if not d.filter.partnertype:  # every traject of the period: for all partner types together only
        kolommen.append(Trajecten.ALLE.value)
        labels[Trajecten.ALLE.value] = str(Trajecten.ALLE.label)
    uit = {
        "trechter": Tabeldata(_("Trechter"), [_("Stap"), _("Aantal"), _("Percentage van de stap ervoor")],
                              [[r.label, _cel(r.aantal, d), "" if r.conversie is None else r.conversie]
                               for r in d.trechter]),
        "gebieden": Tabeldata(_("Per gebied"), [_("Gebied")] + [labels[k] for k in kolommen],
                              [[naam] + [_cel(d.tabel.waarden.get((g, k)), d) for k in kolommen]
                               for g, naam in d.tabel.gebieden]
                              + [[_("Totaal")] + [_cel(d.tabel.waarden.get(("totaal", k)), d) for k in kolommen]]),
        "trend": Tabeldata(_("Per maand"), [_("Maand")] + trend_kolommen(),
                           [[r.maand.strftime("%m-%Y")] + [_cel(w, d) for w in r.waarden] for r in d.trend]),
        "resultaten": Tabeldata(_("Eindresultaten"), [_("Eindresultaat"), _("Aantal")],
                                [[str(RESULTATEN[k]), _cel(d.resultaten.waarde(k), d)] for k in resultaatkolommen()]),
        "contact": Tabeldata(_("Contactpogingen"), [_("Soort"), _("Dagdeel"), _("Pogingen"), _("Bereikt"),
                                                    _("Percentage bereikt")],
                             [[r.soort, r.dagdeel, _cel(r.pogingen, d), _cel(r.bereikt, d),
                               "" if r.succes is None else r.succes] for r in d.contact]),
        "duur": Tabeldata(_("Doorlooptijden"), [_("Doorlooptijd"), _("Gemiddeld aantal dagen")],
                          [[r.label, "" if r.gemiddeld is None else r.gemiddeld] for r in d.duur]),
    }
    if not d.filter.partnertype:
        uit["trajecten"] = Tabeldata(_("Schuldhulptrajecten"), [_("Maat"), _("Aantal")],
                                     [[str(Trajecten.ALLE.label), _cel(d.alle_trajecten, d)],
                                      [str(Stap.TRAJECT.label), _cel(d.tabel.waarde(Stap.TRAJECT.value), d)]])
    if d.terugval is not None:
        uit["terugval"] = Tabeldata(_("Terugval"), [_("Maat"), _("Aantal")],
                                    [[str(t.label), _cel(d.terugval.waarde(t.value), d)] for t in Terugval])
    return uit


def als_csv(tabel: Tabeldata) -> bytes:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(tabel.kop)
    schrijver.writerows(tabel.rijen)
    return ("\ufeff" + uit.getvalue()).encode("utf-8")  # the BOM lets Excel read the accents


def als_xlsx(tabel: Tabeldata) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = tabel.titel[:31]
    blad.append(tabel.kop)
    for rij in tabel.rijen:
        blad.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
