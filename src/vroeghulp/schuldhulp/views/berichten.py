"""Screens: berichten (see views/__init__.py). Messages to creditors per debt with their terms and
reactions, sending, reminders, the letters as one PDF, the portal CSV, the overdue list per
creditor and the letter texts (teamleider, beheerder).

Reads of personal data are audited (``workflow.traject_voor``, ``audit.log``, and every letter
and CSV as an export); every change goes through ``schuldhulp.berichten``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vroeghulp.accounts.permissions import may_manage_letters, may_work_on_schuldhulp
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.common.werkstroom import WerkstroomFout
from vroeghulp.schuldhulp import berichten, brieven, portaal_csv, workflow
from vroeghulp.schuldhulp.berichten_forms import ImportForm, ReactieForm, SjabloonForm, VersturenForm
from vroeghulp.schuldhulp.brieven_voorbeeld import voorbeeld_pdf
from vroeghulp.schuldhulp.models import Bericht, Berichtsjabloon, Berichtsoort, Schuld, Traject

DOEL_TE_LAAT = "Schuldhulpverlening: reacties van schuldeisers bewaken (Wgs art. 3)"
# The letters this screen makes; a proposal (with its offer table) and the bailiff letter come from their own screens.
PDF_SOORTEN = (Berichtsoort.KENNISGEVING, Berichtsoort.SALDOVERZOEK, Berichtsoort.HERINNERING)


def _alleen_schuldhulp(request):
    if not may_work_on_schuldhulp(request.user):
        raise PermissionDenied(_("Alleen consulenten en teamleiders werken met schuldhulptrajecten."))


def _alleen_brievenbeheer(request):
    if not may_manage_letters(request.user):
        raise PermissionDenied(_("Alleen teamleiders en beheerders passen de brieven aan."))


def _fouten(request, form):
    for fouten in form.errors.values():
        messages.error(request, " ".join(fouten))


@audit.persoonsgegevens
@require_GET
def overzicht(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    traject = workflow.traject_voor(request.user, pk)
    vandaag = timezone.localdate()
    schulden = list(Schuld.objects.filter(traject_id=pk).select_related("schuldeiser")
                    .prefetch_related(Prefetch("berichten", queryset=Bericht.objects.order_by("verzonden_op", "id")))
                    .order_by("schuldeiser__naam", "id"))
    gekozen = set(request.GET.getlist("bericht"))
    per_schuld = []
    for schuld in schulden:
        open_herinnering = {b.herinnering_van_id for b in schuld.berichten.all()
                            if b.soort == Berichtsoort.HERINNERING and not b.reactie}
        rijen = [{"bericht": b, "te_laat": berichten.is_te_laat(b, vandaag),
                  "dagen_te_laat": berichten.dagen_te_laat(b, vandaag),
                  "kan_herinneren": not b.reactie and b.soort != Berichtsoort.HERINNERING and b.pk not in open_herinnering,
                  "in_pdf": b.soort in PDF_SOORTEN, "gekozen": str(b.pk) in gekozen,
                  "reactie_form": None if b.reactie else ReactieForm(prefix=f"reactie-{b.pk}")}
                 for b in schuld.berichten.all()]
        per_schuld.append({"schuld": schuld, "rijen": rijen, "te_laat": any(r["te_laat"] for r in rijen)})
    return render(request, "schuldhulp/berichten.html", {
        "titel": _("Berichten aan schuldeisers"), "traject": traject, "per_schuld": per_schuld,
        "klok": berichten.klok_120(pk, vandaag), "versturen": VersturenForm(prefix="stuur", schulden=schulden),
        "import_form": ImportForm(),
        "aantal_te_laat": sum(r["te_laat"] for s in per_schuld for r in s["rijen"]),
    })


@require_POST
def versturen(request, pk: int):
    _alleen_schuldhulp(request)
    schulden = Schuld.objects.filter(traject_id=pk).select_related("schuldeiser")
    form = VersturenForm(request.POST, prefix="stuur", schulden=schulden)
    if not form.is_valid():
        _fouten(request, form)
        return redirect("schuldhulp:berichten", pk=pk)
    d = form.cleaned_data
    try:
        verstuurd = berichten.verstuur(pk, d["schulden"], d["soort"], door=request.user, verzonden_op=d["verzonden_op"],
                                       termijn_werkdagen=d["termijn_werkdagen"], kanaal=d["kanaal"])
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
        return redirect("schuldhulp:berichten", pk=pk)
    ids = "&".join(f"bericht={b.pk}" for b in verstuurd)
    messages.success(request, _("%(n)s berichten vastgelegd. Reageren kan tot en met %(d)s.") % {
        "n": len(verstuurd), "d": brieven.datum(verstuurd[0].antwoord_uiterlijk)})
    return redirect(f"{reverse('schuldhulp:berichten', args=[pk])}?{ids}#brieven")


@require_POST
def reactie(request, bericht_id: int):
    _alleen_schuldhulp(request)
    bericht = get_object_or_404(Bericht.objects.only("id", "traject_id"), pk=bericht_id)
    form = ReactieForm(request.POST, prefix=f"reactie-{bericht_id}")
    if not form.is_valid():
        _fouten(request, form)
    else:
        d = form.cleaned_data
        try:
            berichten.reactie_vastleggen(bericht.pk, d["reactie"], door=request.user, ontvangen_op=d["ontvangen_op"],
                                         saldo=d["saldo"], toelichting=d["toelichting"])
        except WerkstroomFout as fout:
            messages.error(request, fout.melding)
        else:
            messages.success(request, _("De reactie is vastgelegd."))
    return redirect("schuldhulp:berichten", pk=bericht.traject_id)


@require_POST
def herinnering(request, bericht_id: int):
    _alleen_schuldhulp(request)
    bericht = get_object_or_404(Bericht.objects.only("id", "traject_id"), pk=bericht_id)
    try:
        nieuw = berichten.herinnering_sturen(bericht.pk, door=request.user)
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
        return redirect("schuldhulp:berichten", pk=bericht.traject_id)
    messages.success(request, _("De herinnering is vastgelegd. Reageren kan tot en met %(d)s.")
                     % {"d": brieven.datum(nieuw.antwoord_uiterlijk)})
    return redirect(f"{reverse('schuldhulp:berichten', args=[bericht.traject_id])}?bericht={nieuw.pk}#brieven")


@audit.persoonsgegevens
@require_GET
def pdf(request, pk: int):
    """The chosen messages of this traject as letters in one PDF (each letter an audited export)."""
    _alleen_schuldhulp(request)
    workflow.toegang(pk, request.user)
    try:
        ids = [int(i) for i in request.GET.getlist("bericht")]
    except ValueError:
        ids = []
    gekozen = list(Bericht.objects.filter(traject_id=pk, pk__in=ids, soort__in=PDF_SOORTEN)
                   .select_related("schuld__schuldeiser", "schuld__traject__inwoner__huishouden__adres",
                                   "herinnering_van").order_by("schuld__schuldeiser__naam", "id"))
    if not gekozen:
        messages.error(request, _("Kies een of meer kennisgevingen, saldoverzoeken of herinneringen voor de brieven."))
        return redirect("schuldhulp:berichten", pk=pk)
    post = [brieven.brief(b.schuld, b.soort, door=request.user, antwoord_uiterlijk=b.antwoord_uiterlijk,
                          extra=_herinnering_extra(b)) for b in gekozen]
    antwoord = HttpResponse(brieven.render_pdf(post, _("Brieven aan schuldeisers")), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="brieven-traject-{pk}.pdf"'
    return antwoord


def _herinnering_extra(bericht: Bericht) -> dict:
    eerder = bericht.herinnering_van
    if eerder is None:
        return {}
    return {"verzonden_op": brieven.datum(eerder.verzonden_op), "oorspronkelijk": eerder.get_soort_display().lower()}


def _csv(inhoud: bytes, naam: str) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


@audit.persoonsgegevens
@require_GET
def csv_traject(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    return _csv(portaal_csv.exporteer(request.user, pk), f"open-berichten-traject-{pk}.csv")


@audit.persoonsgegevens
@require_GET
def csv_alle(request):
    _alleen_schuldhulp(request)
    inhoud = portaal_csv.exporteer(request.user)
    if inhoud.count(b"\r\n") <= 1:  # only the header: still audited as a read of nothing, say so
        audit.log(actor=request.user, actie=Actie.EXPORTEREN, object_type=Bericht._meta.label, doel=portaal_csv.DOEL,
                  aantal=0, toelichting="CSV voor het portaal van schuldeisers: geen open berichten")
    return _csv(inhoud, "open-berichten.csv")


@require_POST
def importeren(request):
    _alleen_schuldhulp(request)
    form = ImportForm(request.POST, request.FILES)
    terug = request.POST.get("terug", "")
    terug = terug if terug.startswith("/schuldhulp/") and "//" not in terug else reverse("schuldhulp:berichten_te_laat")
    if not form.is_valid():
        _fouten(request, form)
        return redirect(terug)
    try:
        uitslag = portaal_csv.importeer(form.cleaned_data["bestand"].read(), request.user)
    except portaal_csv.Importweigering as fout:
        messages.error(request, fout.melding)
        return redirect(terug)
    if uitslag.fouten:
        return render(request, "schuldhulp/berichten_import.html", {
            "titel": _("Reacties niet ingelezen"), "fouten": uitslag.fouten, "terug": terug}, status=400)
    messages.success(request, _("%(n)s reacties ingelezen.") % {"n": uitslag.opgeslagen})
    return redirect(terug)


@audit.persoonsgegevens
@require_GET
def te_laat(request):
    _alleen_schuldhulp(request)
    vandaag = timezone.localdate()
    groepen = berichten.te_laat_per_schuldeiser(request.user, vandaag)
    aantal = sum(len(g.berichten) for g in groepen)
    audit.log(actor=request.user, actie=Actie.LEZEN, object_type=Bericht._meta.label, doel=DOEL_TE_LAAT,
              toelichting="Berichten te laat per schuldeiser", aantal=aantal)
    return render(request, "schuldhulp/berichten_te_laat.html", {
        "titel": _("Schuldeisers die te laat zijn"), "groepen": groepen, "aantal": aantal,
        "max": berichten.MAX_TE_LAAT, "import_form": ImportForm()})


# --- letter texts (teamleider, beheerder); no personal data ---------------------------------

def _soort(soort: str) -> str:
    if soort not in Berichtsoort.values:
        raise Http404(_("Deze soort brief bestaat niet."))
    return soort


@require_GET
def sjablonen(request):
    _alleen_brievenbeheer(request)
    rijen = [brieven.sjabloon(s) for s in Berichtsoort.values]
    return render(request, "schuldhulp/berichten_sjablonen.html", {"titel": _("Brieven aan schuldeisers"), "sjablonen": rijen})


@require_http_methods(["GET", "POST"])
def sjabloon(request, soort: str):
    _alleen_brievenbeheer(request)
    object_ = brieven.sjabloon(_soort(soort))
    form = SjabloonForm(request.POST or None, instance=object_)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit.log(actor=request.user, actie=Actie.WIJZIGEN, object_type=Berichtsjabloon._meta.label,
                  object_id=object_.pk, doel="Brieven aan schuldeisers beheren", toelichting=object_.get_soort_display())
        messages.success(request, _("De tekst is opgeslagen."))
        return redirect("schuldhulp:brieven")
    return render(request, "schuldhulp/berichten_sjabloon.html", {
        "titel": object_.get_soort_display(), "form": form, "sjabloon": object_,
        "standaard": brieven.STANDAARD[soort]})


@require_GET
def sjabloon_voorbeeld(request, soort: str):
    _alleen_brievenbeheer(request)
    antwoord = HttpResponse(voorbeeld_pdf(_soort(soort)), content_type="application/pdf")
    antwoord["Content-Disposition"] = 'inline; filename="voorbeeld.pdf"'
    return antwoord


urlpatterns = [
    path("<int:pk>/berichten/", overzicht, name="berichten"),
    path("<int:pk>/berichten/versturen/", versturen, name="berichten_versturen"),
    path("<int:pk>/berichten/brieven.pdf", pdf, name="berichten_pdf"),
    path("<int:pk>/berichten/open.csv", csv_traject, name="berichten_csv"),
    path("berichten/<int:bericht_id>/reactie/", reactie, name="bericht_reactie"),
    path("berichten/<int:bericht_id>/herinnering/", herinnering, name="bericht_herinnering"),
    path("berichten/te-laat/", te_laat, name="berichten_te_laat"),
    path("berichten/open.csv", csv_alle, name="berichten_csv_alle"),
    path("berichten/reacties/", importeren, name="berichten_import"),
    path("brieven/", sjablonen, name="brieven"),
    path("brieven/<slug:soort>/", sjabloon, name="brief"),
    path("brieven/<slug:soort>/voorbeeld/", sjabloon_voorbeeld, name="brief_voorbeeld"),
]
