"""Screens: the debt overview of a traject (table, totals, timeline), adding, changing and
removing a debt, and importing a debt list with its report.

Every page that shows the debts reads the traject through ``workflow.traject_voor`` (audited;
another wijk is refused with an audit event). Changes go through ``schuldhulp.schulden``.
"""

import logging
from typing import NamedTuple

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from vroeghulp.audit import services as audit
from vroeghulp.schuldhulp import schulden, schuldenlijst, workflow
from vroeghulp.schuldhulp.forms import BedragVeld, DatumVeld, TekstVeld
from vroeghulp.schuldhulp.models import Schuld, Schuldeisersoort, Schuldstatus, Traject
from vroeghulp.schuldhulp.views.trajecten import _alleen_schuldhulp

logger = logging.getLogger(__name__)
_PREFERENT = [("", gettext_lazy("Volgens de soort schuldeiser")), ("ja", gettext_lazy("Preferent")),
              ("nee", gettext_lazy("Concurrent"))]


class SchuldForm(forms.Form):
    schuldeiser = TekstVeld(label=gettext_lazy("Schuldeiser"), max_length=120,
                            help_text=gettext_lazy("Bijvoorbeeld CJIB, Woonstichting of de naam van het incassobureau."))
    soort = forms.ChoiceField(label=gettext_lazy("Soort schuldeiser"), choices=Schuldeisersoort.choices,
                              initial=Schuldeisersoort.OVERIG)
    kenmerk = TekstVeld(label=gettext_lazy("Kenmerk van de schuldeiser"), max_length=60, required=False,
                        help_text=gettext_lazy("Dossiernummer of factuurnummer."))
    bedrag = BedragVeld(label=gettext_lazy("Bedrag in euro's"), help_text=gettext_lazy("Bijvoorbeeld 1.250,50."))
    ontstaansdatum = DatumVeld(label=gettext_lazy("Ontstaan op"), required=False,
                               help_text=gettext_lazy("Bijvoorbeeld 31-01-2025. Mag leeg blijven."))
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Schuldstatus.choices, initial=Schuldstatus.OPEN)
    preferent = forms.ChoiceField(label=gettext_lazy("Preferent of concurrent"), choices=_PREFERENT, required=False,
                                  help_text=gettext_lazy("Preferente schulden gaan voor, bijvoorbeeld de Belastingdienst."))
    beslag_per_maand = BedragVeld(label=gettext_lazy("Beslag per maand (bij status beslag)"), required=False)
    toelichting = TekstVeld(label=gettext_lazy("Toelichting (alleen intern)"), max_length=500, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def velden(self) -> dict:
        d = dict(self.cleaned_data)
        d["preferent"] = {"ja": True, "nee": False}.get(d["preferent"])
        return d


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Schuldenlijst"),
        help_text=gettext_lazy("CSV of Excel (.xlsx), hooguit 5 MB en 1.000 regels. Kolommen: schuldeiser, soort, kenmerk, "
                               "bedrag, ontstaansdatum, status, preferent. Alleen schuldeiser en bedrag zijn verplicht."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}))


def _met_fouten(form: forms.Form, fout: workflow.WerkstroomFout) -> None:
    veld = getattr(fout, "veld", None)
    form.add_error(veld if veld in form.fields else None, fout.melding)


class Schuldrij(NamedTuple):
    """One row of the debt table, its labels and dates as text (looked up once per page: with 60
    debts, get_FOO_display and the date filter per cell were a third of the page's time)."""

    schuld: Schuld
    soort: str
    status: str
    ontstaan: str  # "4 december 2026"
    saldo_datum: str  # "4-12-2026"


class Tijdlijnrij(NamedTuple):
    regel: schulden.Tijdlijnregel
    iso: str
    datum: str


def _datum_tekst():
    """``d`` as the template filter ``date:"j F Y"`` writes it, with the month names translated once."""
    maanden = [""] + [str(MONTHS[m]) for m in range(1, 13)]
    return lambda d: f"{d.day} {maanden[d.month]} {d.year}" if d else ""


def _rijen(lijst: list[Schuld]) -> list[Schuldrij]:
    soorten, statussen = dict(Schuldeisersoort.choices), dict(Schuldstatus.choices)
    tekst = _datum_tekst()
    return [Schuldrij(s, str(soorten.get(s.schuldeiser.soort, s.schuldeiser.soort)), str(statussen.get(s.status, s.status)),
                      tekst(s.ontstaansdatum) or "–",
                      f"{s.saldo_datum.day}-{s.saldo_datum.month}-{s.saldo_datum.year}" if s.saldo_datum else "")
            for s in lijst]


def _pagina(request, traject: Traject, *, form=None, import_form=None, verslag=None, status: int = 200):
    lijst = schulden.schulden_van(traject.pk)
    tekst = _datum_tekst()
    return render(request, "schuldhulp/schulden.html", {
        "titel": _("Schulden van traject %(nr)s") % {"nr": traject.pk}, "traject": traject,
        "schulden": _rijen(lijst), "totalen": schulden.totalen(lijst),
        "tijdlijn": [Tijdlijnrij(r, r.datum.isoformat(), tekst(r.datum)) for r in schulden.tijdlijn(traject.pk, lijst)],
        "form": form or SchuldForm(prefix="schuld"), "import_form": import_form or ImportForm(prefix="lijst"),
        "verslag": verslag, "fouten_getoond": (verslag.fouten[:TOON_MAXIMAAL] if verslag else []),
        "toon_maximaal": TOON_MAXIMAAL,
    }, status=status)


TOON_MAXIMAAL = 500


def _traject(request, pk: int) -> Traject:
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    return workflow.traject_voor(request.user, pk)  # audited; another wijk: PermissionDenied, audited


@audit.persoonsgegevens
@require_http_methods(["GET", "POST"])
def overzicht(request, pk: int):
    traject = _traject(request, pk)
    form = SchuldForm(request.POST or None, prefix="schuld")
    if request.method == "POST":
        if form.is_valid():
            try:
                schuld = schulden.toevoegen(traject.pk, door=request.user, **form.velden())
            except workflow.WerkstroomFout as fout:
                _met_fouten(form, fout)
            else:
                messages.success(request, _("De schuld bij %(naam)s is toegevoegd.") % {"naam": schuld.schuldeiser.naam})
                return redirect("schuldhulp:schulden", pk=traject.pk)
        return _pagina(request, traject, form=form, status=400)
    return _pagina(request, traject)


@audit.persoonsgegevens
@require_POST
def importeren(request, pk: int):
    traject = _traject(request, pk)
    import_form = ImportForm(request.POST, request.FILES, prefix="lijst")
    if not import_form.is_valid():
        return _pagina(request, traject, import_form=import_form, status=400)
    bestand = import_form.cleaned_data["bestand"]
    if bestand.size > schuldenlijst.MAX_BYTES:  # before reading it into memory
        verslag = schuldenlijst.Verslag(bestandsnaam=bestand.name[:200], weigering=_("Het bestand is te groot (hooguit 5 MB)."))
    else:
        try:
            verslag = schuldenlijst.importeer(traject.pk, bestand.read(), bestand.name, door=request.user)
        except workflow.WerkstroomFout as fout:
            verslag = schuldenlijst.Verslag(bestandsnaam=bestand.name[:200], weigering=fout.melding)
        except Exception as fout:  # noqa: BLE001 - a report, never a 500; the transaction stored nothing
            logger.error("Import van een schuldenlijst mislukt (%s)", type(fout).__name__)
            verslag = schuldenlijst.Verslag(bestandsnaam=bestand.name[:200], weigering=_(
                "Er ging iets mis bij het inlezen. Er is niets opgeslagen. Probeer het later opnieuw."))
    if verslag.gelukt:
        messages.success(request, _("%(n)d schulden ingelezen uit %(naam)s.") % {"n": verslag.opgeslagen, "naam": verslag.bestandsnaam})
    return _pagina(request, traject, verslag=verslag, status=200 if verslag.gelukt else 400)


@audit.persoonsgegevens
@require_http_methods(["GET", "POST"])
def wijzigen(request, schuld_id: int):
    _alleen_schuldhulp(request)
    schuld = get_object_or_404(Schuld.objects.select_related("schuldeiser"), pk=schuld_id)
    traject = workflow.traject_voor(request.user, schuld.traject_id)
    initial = {"schuldeiser": schuld.schuldeiser.naam, "soort": schuld.schuldeiser.soort, "kenmerk": schuld.kenmerk,
               "bedrag": f"{schuld.bedrag}".replace(".", ","), "ontstaansdatum": schuld.ontstaansdatum,
               "status": schuld.status, "preferent": "ja" if schuld.preferent else "nee",
               "beslag_per_maand": f"{schuld.beslag_per_maand}".replace(".", ",") if schuld.beslag_per_maand else "",
               "toelichting": schuld.toelichting}
    form = SchuldForm(request.POST or None, prefix="schuld", initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                schulden.wijzigen(schuld.pk, door=request.user, **form.velden())
            except workflow.WerkstroomFout as fout:
                _met_fouten(form, fout)
            else:
                messages.success(request, _("De schuld is gewijzigd."))
                return redirect("schuldhulp:schulden", pk=traject.pk)
        status = 400
    return render(request, "schuldhulp/schulden_wijzigen.html", {
        "titel": _("Schuld wijzigen"), "traject": traject, "schuld": schuld, "form": form}, status=status)


@require_POST
def verwijderen(request, schuld_id: int):
    _alleen_schuldhulp(request)
    schuld = get_object_or_404(Schuld.objects.only("id", "traject_id"), pk=schuld_id)
    try:
        schulden.verwijderen(schuld.pk, door=request.user)
    except workflow.WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("De schuld is verwijderd."))
    return redirect("schuldhulp:schulden", pk=schuld.traject_id)


urlpatterns = [
    path("<int:pk>/schulden/", overzicht, name="schulden"),
    path("<int:pk>/schulden/inlezen/", importeren, name="schulden_importeren"),
    path("schuld/<int:schuld_id>/", wijzigen, name="schuld_wijzigen"),
    path("schuld/<int:schuld_id>/verwijderen/", verwijderen, name="schuld_verwijderen"),
]
