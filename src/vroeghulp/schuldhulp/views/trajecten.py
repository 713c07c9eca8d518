"""Screens for schuldhulp: the worklist of trajecten, the traject page, starting and the steps.

Reads of personal data are audited (worklist: one event with the number of rows; traject page:
``workflow.traject_voor``); every change goes through ``workflow``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_GET, require_POST

from vroeghulp.accounts.permissions import may_work_on_schuldhulp
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.personen.models import Inwoner
from vroeghulp.schuldhulp import berichten, termijnen, workflow
from vroeghulp.schuldhulp.forms import ChecklistForm, StapForm, StartForm
from vroeghulp.schuldhulp.models import (
    OPEN_FASEN, OPLOSSINGSFASEN, Aanmeldingswijze, ChecklistItem, DeadlineSoort, Doorverwijzing, Fase, Oplossingssoort,
    Traject, Uitstroomreden,
)
from vroeghulp.zaken import services as zaken

DOEL_WERKLIJST = "Schuldhulpverlening: werklijst bekijken (Wgs art. 3)"
MAX_RIJEN = 200


def _alleen_schuldhulp(request):
    if not may_work_on_schuldhulp(request.user):
        raise PermissionDenied(_("Alleen consulenten en teamleiders werken met schuldhulptrajecten."))


@audit.persoonsgegevens
@require_GET
def werklijst(request):
    _alleen_schuldhulp(request)
    vandaag = timezone.localdate()
    trajecten = list(
        Traject.objects.filter(wijk_id__in=request.user.wijk_ids(), fase__in=OPEN_FASEN)
        # the people, wijken and consulenten of the 200 rows in three small queries: joined in one, PostgreSQL
        # joined all trajecten of the wijken before its top-N sort (40 of 85 ms at 20,000; benchmark, issue 12)
        .prefetch_related("inwoner", "wijk", "consulent")
        # no deadline (after the beschikking) after those with one, in the database: SQLite sorts NULL
        # first, and a sort after the LIMIT showed 200 trajecten without a deadline (benchmark, issue 12)
        .order_by(F("deadline").asc(nulls_last=True), "aanmelddatum", "id")[:MAX_RIJEN])
    audit.log(actor=request.user, actie=Actie.LEZEN, object_type=Traject._meta.label, doel=DOEL_WERKLIJST,
              toelichting="Werklijst schuldhulp", aantal=len(trajecten))
    schuldeisers_te_laat = berichten.te_laat_per_traject([t.pk for t in trajecten], vandaag)  # one query, all rows
    # the labels once per page: get_FOO_display rebuilds the whole choice list on each call (a fifth of the page)
    fasen, wijzen, soorten = ({k: str(v) for k, v in keuzes.choices} for keuzes in (Fase, Aanmeldingswijze, DeadlineSoort))
    rijen = [{"traject": t, "te_laat": termijnen.is_te_laat(t, vandaag),
              "schuldeisers_te_laat": schuldeisers_te_laat.get(t.pk, 0), "fase": fasen.get(t.fase, t.fase),
              "wijze": wijzen.get(t.aanmeldingswijze, ""), "deadline_soort": soorten.get(t.deadline_soort, "")}
             for t in trajecten]
    return render(request, "schuldhulp/werklijst.html", {
        "titel": _("Schuldhulptrajecten"), "rijen": rijen, "max": MAX_RIJEN,
        "aantal_te_laat": sum(r["te_laat"] for r in rijen)})


@audit.persoonsgegevens
@require_GET
def detail(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    traject = workflow.traject_voor(request.user, pk)
    stappen = [{"overgang": o, "naar": Fase(o.naar).label, "form": _stapform(o)} for o in workflow.mogelijke_overgangen(traject.fase)]
    return render(request, "schuldhulp/detail.html", {
        "titel": _("Traject %(nr)s") % {"nr": traject.pk}, "traject": traject,
        "fase": Fase(traject.fase).label, "stappen": stappen,
        "historie": traject.fasewijzigingen.select_related("door"),
        "checklist": traject.checklist.all(), "checklist_form": ChecklistForm(prefix="punt"),
        "signalen": traject.signalen.all(), "te_laat": termijnen.is_te_laat(traject, timezone.localdate()),
    })


def _stapform(overgang) -> StapForm:
    """Only the fields this step uses, with the reasons that fit it."""
    form = StapForm(prefix=overgang.naar)
    nodig = {"datum", "toelichting"}
    if overgang.naar in (Fase.INTAKE, Fase.PLAN_VAN_AANPAK):
        nodig.add("verwachte_weken")
    if overgang.naar == Fase.UITSTROOM:
        nodig.add("reden")
        form.fields["reden"].choices = [(r, Uitstroomreden(r).label) for r in overgang.redenen]
        if overgang.van in (Fase.INTAKE, Fase.STABILISATIE):
            nodig.add("afwijzing")
    if overgang.naar == Fase.DOORVERWIJZING:
        nodig.add("reden")
        form.fields["reden"].choices = Doorverwijzing.choices
        form.fields["reden"].label = _("Doorverwijzen naar")
    if overgang.naar in OPLOSSINGSFASEN:
        nodig.add("soort")
        form.fields["soort"].choices = [(s, Oplossingssoort(s).label) for s in workflow.OPLOSSINGEN[overgang.naar]]
    for naam in list(form.fields):
        if naam not in nodig:
            del form.fields[naam]
    return form


@audit.persoonsgegevens
@require_http_methods(["GET", "POST"])
def start(request, zaak_id: int):
    """From the vroegsignaalzaak: a confirmation with the aanmelddatum and the threat, then POST."""
    _alleen_schuldhulp(request)
    zaak = zaken.zaak_voor_traject(zaak_id)
    if zaak is None:
        return redirect("zaken:werkvoorraad")
    form = StartForm(request.POST or None, initial={"bedreiging": workflow.voorgestelde_bedreiging(zaak_id)})
    if request.method == "POST" and form.is_valid():
        try:
            traject = workflow.start_vanuit_zaak(
                zaak_id, door=request.user, aanmelddatum=form.cleaned_data["aanmelddatum"],
                bedreiging=form.cleaned_data["bedreiging"])
        except workflow.WerkstroomFout as fout:
            messages.error(request, fout.melding)
        else:
            messages.success(request, _("Het traject is gestart. De signalen van de zaak staan erbij."))
            return redirect("schuldhulp:detail", pk=traject.pk)
    inwoner = None
    if zaak.inwoner_id is not None and zaak.wijk_id in request.user.wijk_ids():
        inwoner = Inwoner.objects.get(pk=zaak.inwoner_id)
        audit.log_read(request.user, inwoner, doel=workflow.DOEL, persoon_id=inwoner.pk,
                       toelichting="Schuldhulp starten vanuit zaak")
    else:
        audit.log(actor=request.user, actie=Actie.GEWEIGERD, object_type="zaken.Vroegsignaalzaak",
                  object_id=zaak_id, persoon_id=zaak.inwoner_id, doel=workflow.DOEL,
                  toelichting="Geen toegang tot deze wijk")
        raise PermissionDenied(_("U heeft geen toegang tot zaken in deze wijk."))
    return render(request, "schuldhulp/start.html", {
        "titel": _("Schuldhulp starten"), "form": form, "zaak": zaak, "inwoner": inwoner})


@require_POST
def stap(request, pk: int, naar: str):
    _alleen_schuldhulp(request)
    form = StapForm(request.POST, prefix=naar)
    if naar not in Fase.values:
        messages.error(request, _("Deze stap bestaat niet."))
    elif not form.is_valid():
        for fouten in form.errors.values():
            messages.error(request, " ".join(fouten))
    else:
        d = form.cleaned_data
        try:
            workflow.overgang(pk, naar, door=request.user, datum=d["datum"], reden=d["reden"],
                              toelichting=d["toelichting"], verwachte_weken=d["verwachte_weken"],
                              soort=d["soort"] or None, afwijzing=d["afwijzing"])
        except workflow.WerkstroomFout as fout:
            messages.error(request, fout.melding)
        else:
            messages.success(request, _("Vastgelegd: het traject staat nu op ‘%(fase)s’.") % {"fase": Fase(naar).label})
    return redirect("schuldhulp:detail", pk=pk)


@require_POST
def checklist_toevoegen(request, pk: int):
    _alleen_schuldhulp(request)
    form = ChecklistForm(request.POST, prefix="punt")
    if form.is_valid():
        try:
            workflow.checklist_toevoegen(pk, door=request.user, **form.cleaned_data)
        except workflow.WerkstroomFout as fout:
            messages.error(request, fout.melding)
    else:
        for fouten in form.errors.values():
            messages.error(request, " ".join(fouten))
    return redirect("schuldhulp:detail", pk=pk)


@require_POST
def checklist_afvinken(request, item_id: int):
    _alleen_schuldhulp(request)
    item = get_object_or_404(ChecklistItem.objects.only("id", "traject_id"), pk=item_id)
    workflow.checklist_afvinken(item.pk, door=request.user, gedaan=request.POST.get("gedaan") == "1")
    return redirect("schuldhulp:detail", pk=item.traject_id)
