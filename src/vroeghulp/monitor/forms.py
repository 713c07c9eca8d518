"""The monitor's filters: one period (a month, quarter or year), an area, a partner type."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from vroeghulp.gebieden import services as gebieden
from vroeghulp.monitor.cijfers import Filter
from vroeghulp.monitor.models import Monitorcel, Periodesoort

PARTNERTYPEN = ("Huur", "Energie", "Water", "Zorg", "CAK Zorgverzekeringen", "CAK Eigen bijdrage", "Hypotheek",
                "DUO", "Belastingdienst", "Dienst Toeslagen", "Overige")  # DDAS EnumSignaalpartner
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def periode_waarde(soort: str, begin: date) -> str:
    return f"{soort}:{begin.isoformat()}"


def periode_label(soort: str, begin: date) -> str:
    if soort == Periodesoort.JAAR:
        return str(begin.year)
    if soort == Periodesoort.KWARTAAL:
        return f"{(begin.month - 1) // 3 + 1}e kwartaal {begin.year}"
    return f"{MAANDEN[begin.month - 1]} {begin.year}"


def beschikbare_perioden() -> list[tuple[str, list[tuple[str, str]]]]:
    """The periods that have figures, newest first, grouped by kind (for an <optgroup>)."""
    groepen = []
    for soort, naam in Periodesoort.choices:
        begins = (Monitorcel.objects.filter(periodesoort=soort, niveau="wijk", partnertype="")
                  .values_list("periode", flat=True).distinct().order_by("-periode"))
        groepen.append((naam, [(periode_waarde(soort, b), periode_label(soort, b)) for b in begins]))
    return groepen


class Filterformulier(forms.Form):
    periode = forms.ChoiceField(label=_("Periode"), required=False)
    wijk = forms.TypedChoiceField(label=_("Wijk"), required=False, coerce=int, empty_value=None)
    buurt = forms.TypedChoiceField(label=_("Buurt"), required=False, coerce=int, empty_value=None,
                                   help_text=_("Een buurt hoort bij een wijk: kies eerst de wijk."))
    focusgebied = forms.BooleanField(label=_("Alleen focusgebieden"), required=False)
    partnertype = forms.ChoiceField(label=_("Soort signaalpartner"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.perioden = beschikbare_perioden()
        self.fields["periode"].choices = [(str(naam), keuzes) for naam, keuzes in self.perioden if keuzes]
        wijken = gebieden.wijken()
        self.fields["wijk"].choices = [("", _("Hele gemeente"))] + [(w.id, w.naam) for w in wijken]
        namen = {w.id: w.naam for w in wijken}
        per_wijk: dict[int, list] = {}
        for b in gebieden.buurten():
            per_wijk.setdefault(b.wijk_id, []).append((b.id, b.naam))
        self.buurt_wijk = {b.id: b.wijk_id for b in gebieden.buurten()}
        self.fields["buurt"].choices = [("", _("Alle buurten"))] + [
            (namen.get(w, "?"), keuzes) for w, keuzes in per_wijk.items()]
        self.fields["partnertype"].choices = [("", _("Alle soorten"))] + [(t, t) for t in PARTNERTYPEN]

    def clean(self):
        gegevens = super().clean()
        buurt, wijk = gegevens.get("buurt"), gegevens.get("wijk")
        if buurt is not None:
            if wijk is not None and self.buurt_wijk.get(buurt) != wijk:
                self.add_error("buurt", _("Deze buurt ligt niet in de gekozen wijk. Kies een buurt van die wijk, "
                                          "of kies 'Alle buurten'."))
            else:
                gegevens["wijk"] = self.buurt_wijk.get(buurt)
        return gegevens

    def als_filter(self) -> Filter | None:
        """The filter, or None when there are no figures yet. The newest month by default."""
        g = self.cleaned_data
        keuze = g.get("periode") or next((k[0][0] for _, k in self.perioden if k), None)
        if keuze is None:
            return None
        soort, begin = keuze.split(":")
        return Filter(soort, date.fromisoformat(begin), g.get("wijk"), g.get("buurt"),
                      bool(g.get("focusgebied")) and g.get("wijk") is None, g.get("partnertype") or "")
