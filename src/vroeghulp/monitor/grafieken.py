"""The monitor's charts as SVG made on the server with pygal: no JavaScript in the page or in
the SVG (``js=[]``), shown as an ``<img>`` with the same numbers in a table next to it. A hidden
(suppressed) value is drawn as no bar and no point, never as a number."""

from __future__ import annotations

import re

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from vroeghulp.monitor.cijfers import Dashboard

# NL Design System-like colours with enough contrast on white (WCAG 1.4.11: 3:1 for graphics)
STIJL = Style(
    background="#ffffff", plot_background="#ffffff", foreground="#1b1b1b", foreground_strong="#1b1b1b",
    foreground_subtle="#555555", colors=("#01689b", "#8a3c00", "#39870c", "#5d2a8e", "#a90061"),
    font_family="sans-serif", value_font_size=12, label_font_size=12, major_label_font_size=12,
    title_font_size=16, legend_font_size=12,
)


def _basis(soort, titel: str, **opties):
    opties = {"width": 720, "height": 420, "show_legend": False, **opties}
    return soort(style=STIJL, js=[], title=titel, print_values=True, print_zeroes=True,
                 disable_xml_declaration=False, **opties)


# pygal always writes its config as a <script> (for the tooltips of its own JavaScript, which we
# leave out with js=[]); an image never runs it, but we serve no script at all.
_SCRIPT = re.compile(rb"<script\b.*?</script>", re.S)


def _zonder_script(svg: bytes) -> bytes:
    return _SCRIPT.sub(b"", svg)


def trechter(d: Dashboard) -> bytes:
    rijen = [r for r in d.trechter if r.hoofdlijn]
    grafiek = _basis(pygal.HorizontalBar, _("Van signaal tot schuldenvrij"))
    grafiek.x_labels = [r.label for r in rijen]
    grafiek.add(_("Aantal"), [r.aantal for r in rijen])
    return _zonder_script(grafiek.render())


def trend(d: Dashboard) -> bytes:
    grafiek = _basis(pygal.Line, _("Per maand, de laatste 12 maanden"), show_legend=True, legend_at_bottom=True,
                     x_label_rotation=30)
    grafiek.x_labels = [r.maand.strftime("%m-%Y") for r in d.trend]
    for i, naam in enumerate(trend_kolommen()):
        grafiek.add(naam, [r.waarden[i] for r in d.trend])
    return _zonder_script(grafiek.render())


def resultaten(d: Dashboard) -> bytes:
    from vroeghulp.monitor.cijfers import resultaatkolommen
    from vroeghulp.zaken.cijfers import RESULTATEN

    grafiek = _basis(pygal.HorizontalBar, _("Eindresultaten (DDAS)"), height=620)
    grafiek.x_labels = [str(RESULTATEN[k]) for k in resultaatkolommen()]
    grafiek.add(_("Aantal"), [d.resultaten.waarde(k) for k in resultaatkolommen()])
    return _zonder_script(grafiek.render())


def trend_kolommen() -> list[str]:
    from vroeghulp.monitor.stappen import Stap

    return [str(Stap.SIGNALEN.label), str(Stap.ZAKEN.label), str(Stap.CONTACT.label), str(Stap.TRAJECT.label)]


GRAFIEKEN = {"trechter": trechter, "trend": trend, "resultaten": resultaten}
