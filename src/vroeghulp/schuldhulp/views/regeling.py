"""Screens: regeling (see views/__init__.py). The settlement offer on a traject: afloscapaciteit
(vtlb or entered), the proposal per creditor, sending with the letters, the answers and the
dwangakkoord flag. Reads go through ``workflow.traject_voor`` (audited); changes through
``schuldhulp.regeling``."""

from decimal import Decimal

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vroeghulp.audit import services as audit
from vroeghulp.schuldhulp import regeling as dienst
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.models import Traject, Voorstel, Voorstelregel, Voorstelsoort, Voorstelstatus
from vroeghulp.schuldhulp.regeling_dwangakkoord import beoordeel, gezichtspunten
from vroeghulp.schuldhulp.regeling_forms import (
    AfloscapaciteitForm, AntwoordForm, VersturenForm, VoorstelForm, VtlbForm,
)
from vroeghulp.schuldhulp.views.trajecten import _alleen_schuldhulp

MAX_BEREKENINGEN = 5


def _keuzes(berekeningen) -> list[tuple[int, str]]:
    keuzes = []
    for b in berekeningen:
        bron = _("vtlb") if b.regeling == dienst.VTLB else _("ingevuld")
        bedrag = dienst._euro(dienst.afloscapaciteit_van(b))
        keuzes.append((b.pk, f"{bedrag} {_('per maand')} ({bron}, {timezone.localtime(b.tijdstip):%d-%m-%Y %H:%M})"))
    return keuzes


def _antwoordvelden() -> dict:
    """Labels and options of ``AntwoordForm``, once per page: the template writes the fields of
    each line's form itself (58 bound forms rendered through ``partials/veld.html`` took two
    thirds of the page's time), with the names and ids the form reads."""
    velden = AntwoordForm.base_fields
    return {"reactie": velden["reactie"].label, "ontvangen_op": velden["ontvangen_op"].label,
            "ontvangen_op_uitleg": velden["ontvangen_op"].help_text, "toelichting": velden["toelichting"].label,
            "opslaan": _("Opslaan"),
            "opties": format_html_join("", '<option value="{}">{}</option>', velden["reactie"].choices)}


def _fouten(request, form):
    for veld, fouten in form.errors.items():
        label = form.fields[veld].label if veld in form.fields else ""
        messages.error(request, f"{label}: {' '.join(fouten)}" if label else " ".join(fouten))


@audit.persoonsgegevens
@require_GET
def pagina(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    traject = workflow.traject_voor(request.user, pk)
    berekeningen = list(dienst.berekeningen(pk)[:MAX_BEREKENINGEN])
    voorstel = dienst.huidig_voorstel(pk)
    stand = dwang = None
    if voorstel is not None:
        stand = dienst.stand(voorstel)  # the status from the answers, wherever they were recorded; nothing stored
        dwang = beoordeel(voorstel, stand)
    eerdere = Voorstel.objects.filter(traject_id=pk).exclude(pk=voorstel.pk if voorstel else None)
    inwoner = traject.inwoner
    vtlb_form = VtlbForm(prefix="vtlb", initial={"netto_inkomen_per_maand": inwoner.netto_inkomen_per_maand,
                                                 "toetsingsinkomen": inwoner.netto_inkomen_per_maand * 12,
                                                 "aantal_kinderen": 0})
    afl = dienst.afloscapaciteit_van(berekeningen[0]) if berekeningen else None
    voorstel_form = VoorstelForm(prefix="voorstel", keuzes=_keuzes(berekeningen), initial={
        "soort": Voorstelsoort.NUL_AANBOD if afl == 0 else Voorstelsoort.SCHULDREGELING})
    regels = [{"stand": r, "prefix": f"antwoord-{r.regel.pk}",
               "actie": reverse("schuldhulp:regeling_antwoord", args=(pk, r.regel.pk))}
              for r in stand.regels] if stand else []
    return render(request, "schuldhulp/regeling.html", {
        "titel": _("Schuldregeling: traject %(nr)s") % {"nr": traject.pk}, "traject": traject,
        "berekeningen": berekeningen, "laatste_berekening": berekeningen[0] if berekeningen else None, "laatste_afloscapaciteit": afl,
        "voorstel": voorstel, "stand": stand, "regels": regels, "antwoordvelden": _antwoordvelden() if regels else None,
        "dwang": dwang,
        "gezichtspunten": gezichtspunten() if dwang and dwang.overwegen else (),
        "totaal_aanbod": sum((r.regel.bedrag for r in stand.regels), Decimal("0.00")) if stand else None,
        "weggelaten": dienst.weggelaten(pk, voorstel) if voorstel else dienst.weggelaten(pk),
        "eerdere": eerdere, "vtlb_form": vtlb_form, "afl_form": AfloscapaciteitForm(prefix="afl"),
        "voorstel_form": voorstel_form, "versturen_form": VersturenForm(prefix="versturen"),
        "concept": voorstel is not None and voorstel.status == Voorstelstatus.CONCEPT,
    })


def _terug(pk):
    return redirect("schuldhulp:regeling", pk=pk)


@require_POST
def vtlb(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    form = VtlbForm(request.POST, prefix="vtlb")
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    d = form.cleaned_data
    invoer = dienst.Huishoudinvoer(
        peildatum=d["peildatum"] or timezone.localdate(), netto_inkomen_per_maand=d["netto_inkomen_per_maand"],
        toetsingsinkomen=d["toetsingsinkomen"], woonkosten_per_maand=d["woonkosten_per_maand"] or Decimal(0),
        partner_geboortedatum=d["partner_geboortedatum"],
        partner_netto_inkomen_per_maand=d["partner_netto_inkomen_per_maand"] or Decimal(0),
        partner_toetsingsinkomen=d["partner_toetsingsinkomen"] or Decimal(0),
        aantal_kinderen=d["aantal_kinderen"] or 0, nominale_correcties=d["nominale_correcties"] or Decimal(0))
    try:
        berekening = dienst.vtlb_berekenen(pk, invoer, door=request.user)
    except workflow.WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("Berekend: de afloscapaciteit is %(bedrag)s per maand.")
                         % {"bedrag": dienst._euro(dienst.afloscapaciteit_van(berekening))})
    return _terug(pk)


@require_POST
def afloscapaciteit(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    form = AfloscapaciteitForm(request.POST, prefix="afl")
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    try:
        dienst.afloscapaciteit_invoeren(pk, form.cleaned_data["afloscapaciteit"], form.cleaned_data["reden"],
                                        door=request.user)
    except workflow.WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("De afloscapaciteit is vastgelegd."))
    return _terug(pk)


@require_POST
def voorstel_maken(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    form = VoorstelForm(request.POST, prefix="voorstel", keuzes=_keuzes(dienst.berekeningen(pk)[:MAX_BEREKENINGEN]))
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    try:
        dienst.voorstel_maken(pk, form.cleaned_data["soort"], berekening_id=form.cleaned_data["berekening"],
                              door=request.user)
    except workflow.WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("Het voorstel is gemaakt. Controleer het en verstuur het daarna."))
    return _terug(pk)


def _pdf(inhoud: bytes, voorstel: Voorstel) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="voorstel-schuldeisers-{voorstel.traject_id}-{voorstel.pk}.pdf"'
    return antwoord


@audit.persoonsgegevens
@require_POST
def versturen(request, pk: int, voorstel_id: int):
    """Send the proposal; the answer is the PDF with the letters (the page links to it again)."""
    _alleen_schuldhulp(request)
    voorstel = get_object_or_404(Voorstel.objects.only("id", "traject_id"), pk=voorstel_id, traject_id=pk)
    form = VersturenForm(request.POST, prefix="versturen")
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    d = form.cleaned_data
    try:
        verzending = dienst.versturen(voorstel.pk, request.user, verzonden_op=d["verzonden_op"],
                                      termijn_werkdagen=d["termijn_werkdagen"], kanaal=d["kanaal"])
    except workflow.WerkstroomFout as fout:
        messages.error(request, fout.melding)
        return _terug(pk)
    return _pdf(verzending.pdf, verzending.voorstel)


@audit.persoonsgegevens
@require_GET
def brieven(request, pk: int, voorstel_id: int):
    _alleen_schuldhulp(request)
    voorstel = get_object_or_404(Voorstel.objects.only("id", "traject_id"), pk=voorstel_id, traject_id=pk)
    try:
        inhoud = dienst.brieven_opnieuw(voorstel.pk, request.user)
    except workflow.WerkstroomFout as fout:
        messages.error(request, fout.melding)
        return _terug(pk)
    return _pdf(inhoud, voorstel)


@require_POST
def antwoord(request, pk: int, regel_id: int):
    _alleen_schuldhulp(request)
    regel = get_object_or_404(Voorstelregel.objects.only("id"), pk=regel_id, voorstel__traject_id=pk)
    form = AntwoordForm(request.POST, prefix=f"antwoord-{regel.pk}")
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    d = form.cleaned_data
    try:
        stand = dienst.antwoord_vastleggen(regel.pk, d["reactie"], door=request.user, ontvangen_op=d["ontvangen_op"],
                                           toelichting=d["toelichting"])
    except workflow.WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("Het antwoord is vastgelegd. Het voorstel staat nu op ‘%(status)s’.")
                         % {"status": stand.status_label})
    return _terug(pk)


urlpatterns = [
    path("<int:pk>/regeling/", pagina, name="regeling"),
    path("<int:pk>/regeling/vtlb/", vtlb, name="regeling_vtlb"),
    path("<int:pk>/regeling/afloscapaciteit/", afloscapaciteit, name="regeling_afloscapaciteit"),
    path("<int:pk>/regeling/voorstel/", voorstel_maken, name="regeling_voorstel"),
    path("<int:pk>/regeling/voorstel/<int:voorstel_id>/versturen/", versturen, name="regeling_versturen"),
    path("<int:pk>/regeling/voorstel/<int:voorstel_id>/brieven.pdf", brieven, name="regeling_brieven"),
    path("<int:pk>/regeling/regel/<int:regel_id>/antwoord/", antwoord, name="regeling_antwoord"),
]
