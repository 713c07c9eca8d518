"""The monitor's screens: the funnel with its charts, tables and downloads, the data quality per
partner, the national goals. Aggregates only: no view here reads a person (audit coverage lists
them as showing no personal data)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from csp.decorators import csp_update

from vroeghulp.accounts import permissions
from vroeghulp.monitor import doelen, export, grafieken, kwaliteit
from vroeghulp.monitor.cijfers import dashboard as maak_dashboard
from vroeghulp.monitor.forms import Filterformulier, periode_label
from vroeghulp.monitor.stappen import HOOFDLIJN


def _mag(request):
    if not permissions.may_see_monitor(request.user):
        raise PermissionDenied


def _dashboard(request):
    formulier = Filterformulier(request.GET or None)
    if request.GET and not formulier.is_valid():
        return formulier, None
    if not request.GET:
        formulier = Filterformulier({})
        formulier.is_valid()
    f = formulier.als_filter()
    return formulier, (maak_dashboard(f) if f else None)


@require_GET
def dashboard(request):
    _mag(request)
    formulier, d = _dashboard(request)
    context = {"formulier": formulier, "d": d, "query": request.GET.urlencode(),
               "hoofdlijn": [s.value for s in HOOFDLIJN]}
    if d is not None:
        context["periode"] = periode_label(d.filter.periodesoort, d.filter.periode)
        context["tabellen"] = export.tabellen(d)
        context["verborgen"] = export.verborgen(d)
    return render(request, "monitor/dashboard.html", context)


@require_GET
@csp_update({"style-src": ["'unsafe-inline'"]})  # pygal's <style> inside the SVG; the SVG has no script
def grafiek(request, naam: str):
    _mag(request)
    if naam not in grafieken.GRAFIEKEN:
        raise Http404
    _, d = _dashboard(request)
    if d is None:
        raise Http404
    return HttpResponse(grafieken.GRAFIEKEN[naam](d), content_type="image/svg+xml")


TYPES = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@require_GET
def download(request, tabel: str, formaat: str):
    _mag(request)
    _, d = _dashboard(request)
    if d is None or formaat not in TYPES:
        raise Http404
    tabellen = export.tabellen(d)
    if tabel not in tabellen:
        raise Http404
    inhoud = export.als_csv(tabellen[tabel]) if formaat == "csv" else export.als_xlsx(tabellen[tabel])
    antwoord = HttpResponse(inhoud, content_type=TYPES[formaat])
    naam = f"monitor-{tabel}-{d.filter.periodesoort}-{d.filter.periode:%Y-%m}.{formaat}"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


@require_GET
def datakwaliteit(request):
    _mag(request)
    return render(request, "monitor/kwaliteit.html", {"k": kwaliteit.overzicht(request.GET.get("maanden"))})


@require_http_methods(["GET", "POST"])
def nationale_doelen(request):
    _mag(request)
    invoer = import_formulier = None
    if request.method == "POST":
        if not permissions.may_enter_cbs_figures(request.user):
            raise PermissionDenied
        if "bestand" in request.FILES or request.POST.get("soort") == "import":
            import_formulier = doelen.Importformulier(request.POST, request.FILES)
            if import_formulier.is_valid():
                aantal = doelen.importeer(import_formulier.cleaned_data["regels"], door=request.user)
                request.session["monitor_melding"] = _("%(n)s CBS-cijfers ingelezen.") % {"n": aantal}
                return redirect("monitor:doelen")
        else:
            invoer = doelen.Cijferformulier(request.POST)
            if invoer.is_valid():
                doelen.bewaar(invoer.cleaned_data, door=request.user)
                request.session["monitor_melding"] = _("Het CBS-cijfer is bewaard.")
                return redirect("monitor:doelen")
    context = {"overzicht": doelen.overzicht(), "mag_invoeren": permissions.may_enter_cbs_figures(request.user),
               "invoer": invoer or doelen.Cijferformulier(),
               "import_formulier": import_formulier or doelen.Importformulier(),
               "melding": request.session.pop("monitor_melding", None)}
    return render(request, "monitor/doelen.html", context)
