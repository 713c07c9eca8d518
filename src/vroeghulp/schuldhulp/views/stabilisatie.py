"""Screens: stabilisatie (see views/__init__.py): the budget, the beslagvrije voet check with its
explanation and sources, the bailiff letters as PDF, and the collection pauses.

The page is an audited read (``workflow.traject_voor``); the letters are an audited export
(``brieven.brief``); every change goes through ``schuldhulp.stabilisatie`` and comes back here.
"""


from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from vroeghulp.accounts.permissions import may_work_on_schuldhulp
from vroeghulp.audit import services as audit
from vroeghulp.common.werkstroom import WerkstroomFout
from vroeghulp.schuldhulp import stabilisatie, stabilisatie_brief, workflow
from vroeghulp.schuldhulp.forms import BedragVeld, DatumVeld, TekstVeld
from vroeghulp.schuldhulp.models import Budgetpost, Moratorium, Moratoriumsoort, Postsoort, Traject


def _bedragveld(label, *, required=True, help_text="", max_digits=10):
    return BedragVeld(label=label, required=required, help_text=help_text, nul_mag=True,
                      max_bedrag=Decimal(10 ** (max_digits - 2)) - Decimal("0.01"))


class PostForm(forms.Form):
    soort = forms.ChoiceField(label=gettext_lazy("Soort"), choices=Postsoort.choices)
    omschrijving = TekstVeld(label=gettext_lazy("Omschrijving"), max_length=120,
                             help_text=gettext_lazy("Bijvoorbeeld: Loon, Uitkering, Huur, Zorgverzekering."))
    bedrag_per_maand = _bedragveld(gettext_lazy("Bedrag per maand"))


class BerekeningForm(forms.Form):
    peildatum = DatumVeld(label=gettext_lazy("Peildatum"), required=False,
                          help_text=gettext_lazy("Leeg is vandaag. De bedragen van deze maand tellen."))
    belastbaar_inkomen = _bedragveld(
        gettext_lazy("Belastbaar inkomen per jaar"), max_digits=12,
        help_text=gettext_lazy("Het laatste maandinkomen uit de polisadministratie, herleid naar een jaar "
                               "(Rv artikel 475d lid 1)."))
    netto_inkomen = _bedragveld(gettext_lazy("Netto inkomen per maand"),
                                help_text=gettext_lazy("Met vakantiegeld. Hiermee vergelijken we het beslag."))
    belastbaar_inkomen_partner = _bedragveld(gettext_lazy("Belastbaar inkomen van de partner per jaar"),
                                             required=False, max_digits=12)
    netto_inkomen_partner = _bedragveld(gettext_lazy("Netto inkomen van de partner per maand"), required=False,
                                        help_text=gettext_lazy("Alleen inkomen waarop geen beslag ligt."))
    kale_huur = _bedragveld(gettext_lazy("Kale huur per maand"), required=False,
                            help_text=gettext_lazy("Alleen een hoge huur verhoogt de beslagvrije voet "
                                                   "(Rv artikel 475da lid 5)."))


class PauzeForm(forms.Form):
    soort = forms.ChoiceField(label=gettext_lazy("Soort pauze"), choices=Moratoriumsoort.choices)
    schuldeiser = forms.TypedChoiceField(label=gettext_lazy("Schuldeiser"), required=False, coerce=int,
                                         empty_value=None, choices=[])
    startdatum = DatumVeld(label=gettext_lazy("Startdatum"))
    einddatum = DatumVeld(label=gettext_lazy("Einddatum"),
                          help_text=gettext_lazy("De laatste dag van de pauze. Een afkoelingsperiode duurt hooguit "
                                                 "6 maanden (Wgs artikel 5)."))
    toelichting = TekstVeld(label=gettext_lazy("Toelichting"), required=False, max_length=500,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, schuldeisers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schuldeiser"].choices = [("", _("Alle schuldeisers"))] + [(s.pk, s.naam) for s in schuldeisers]
        for naam in ("startdatum", "einddatum"):
            self.fields[naam].error_messages["required"] = _("Vul een datum in, bijvoorbeeld 31-01-2026.")


def _alleen_schuldhulp(request):
    if not may_work_on_schuldhulp(request.user):
        raise PermissionDenied(_("Alleen consulenten en teamleiders werken met schuldhulptrajecten."))


def _fouten(request, form) -> None:
    for naam, fouten in form.errors.items():
        label = form.fields[naam].label if naam in form.fields else ""
        messages.error(request, f"{label}: {' '.join(fouten)}" if label else " ".join(fouten))


def _terug(pk):
    return redirect("schuldhulp:stabilisatie", pk=pk)


@audit.persoonsgegevens
@require_GET
def pagina(request, pk: int):
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    traject = workflow.traject_voor(request.user, pk)
    posten, totalen = stabilisatie.budget(pk)
    berekening = stabilisatie.laatste_berekening(pk)
    if berekening is not None:
        beginwaarden = stabilisatie.invoer_uit(berekening)
    else:
        # A first guess the consulent checks: the register's net income, else the budget's income.
        netto = traject.inwoner.netto_inkomen_per_maand or totalen.inkomen
        beginwaarden = {"netto_inkomen": netto}
    vandaag = timezone.localdate()
    alle_pauzes = stabilisatie.moratoria(pk)
    return render(request, "schuldhulp/stabilisatie.html", {
        "titel": _("Stabilisatie: traject %(nr)s") % {"nr": traject.pk}, "traject": traject,
        "posten": [(p, PostForm(prefix=f"post{p.pk}", initial={
            "soort": p.soort, "omschrijving": p.omschrijving, "bedrag_per_maand": p.bedrag_per_maand}))
            for p in posten],
        "totalen": totalen, "post_form": PostForm(prefix="post"),
        "berekening_form": BerekeningForm(prefix="bvv", initial=beginwaarden),
        "heeft_partner": stabilisatie.heeft_partner(traject),
        "toets": stabilisatie.toets(pk, berekening) if berekening else None,
        "pauzes": [(p, stabilisatie.is_actief(p, vandaag)) for p in alle_pauzes],
        "aantal_actief": sum(stabilisatie.is_actief(p, vandaag) for p in alle_pauzes),
        "pauze_form": PauzeForm(prefix="pauze", schuldeisers=stabilisatie.schuldeisers(pk)),
        "afkoeling_bron": stabilisatie.WGS_ARTIKEL_5,
    })


@require_POST
def post_toevoegen(request, pk: int):
    _alleen_schuldhulp(request)
    form = PostForm(request.POST, prefix="post")
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    try:
        stabilisatie.post_toevoegen(pk, door=request.user, **form.cleaned_data)
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("De budgetpost is toegevoegd."))
    return _terug(pk)


@require_POST
def post_wijzigen(request, post_id: int):
    _alleen_schuldhulp(request)
    post = get_object_or_404(Budgetpost.objects.only("id", "traject_id"), pk=post_id)
    try:
        if request.POST.get("actie") == "verwijderen":
            stabilisatie.post_verwijderen(post.pk, door=request.user)
            messages.success(request, _("De budgetpost is verwijderd."))
        else:
            form = PostForm(request.POST, prefix=f"post{post.pk}")
            if not form.is_valid():
                _fouten(request, form)
                return _terug(post.traject_id)
            stabilisatie.post_wijzigen(post.pk, door=request.user, **form.cleaned_data)
            messages.success(request, _("De budgetpost is gewijzigd."))
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
    return _terug(post.traject_id)


@require_POST
def berekenen(request, pk: int):
    _alleen_schuldhulp(request)
    form = BerekeningForm(request.POST, prefix="bvv")
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    d = form.cleaned_data
    invoer = stabilisatie.Invoer(
        peildatum=d["peildatum"] or timezone.localdate(), belastbaar_inkomen=d["belastbaar_inkomen"],
        netto_inkomen=d["netto_inkomen"], belastbaar_inkomen_partner=d["belastbaar_inkomen_partner"] or 0,
        netto_inkomen_partner=d["netto_inkomen_partner"] or 0, kale_huur=d["kale_huur"])
    try:
        stabilisatie.beslagvrije_voet_berekenen(pk, invoer, door=request.user)
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("De beslagvrije voet is berekend."))
    return _terug(pk)


@audit.persoonsgegevens
@require_POST
def brief(request, pk: int):
    """The letters as one PDF; each letter is an audited export and a recorded message."""
    _alleen_schuldhulp(request)
    get_object_or_404(Traject.objects.only("id"), pk=pk)
    try:
        brieven = stabilisatie_brief.maak(pk, door=request.user)
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
        return _terug(pk)
    antwoord = HttpResponse(brieven.pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{brieven.bestandsnaam}"'
    return antwoord


@require_POST
def pauze(request, pk: int):
    _alleen_schuldhulp(request)
    form = PauzeForm(request.POST, prefix="pauze", schuldeisers=stabilisatie.schuldeisers(pk))
    if not form.is_valid():
        _fouten(request, form)
        return _terug(pk)
    d = form.cleaned_data
    try:
        stabilisatie.moratorium_registreren(pk, door=request.user, soort=d["soort"], startdatum=d["startdatum"],
                                            einddatum=d["einddatum"], schuldeiser_id=d["schuldeiser"],
                                            toelichting=d["toelichting"])
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("De pauze is vastgelegd."))
    return _terug(pk)


@require_POST
def pauze_beeindigen(request, moratorium_id: int):
    _alleen_schuldhulp(request)
    pauze_ = get_object_or_404(Moratorium.objects.only("id", "traject_id"), pk=moratorium_id)
    try:
        stabilisatie.moratorium_beeindigen(pauze_.pk, door=request.user)
    except WerkstroomFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, _("De pauze is beëindigd."))
    return _terug(pauze_.traject_id)


urlpatterns = [
    path("<int:pk>/stabilisatie/", pagina, name="stabilisatie"),
    path("<int:pk>/stabilisatie/budget/", post_toevoegen, name="stabilisatie_post_toevoegen"),
    path("stabilisatie/budget/<int:post_id>/", post_wijzigen, name="stabilisatie_post"),
    path("<int:pk>/stabilisatie/berekenen/", berekenen, name="stabilisatie_berekenen"),
    path("<int:pk>/stabilisatie/brief/", brief, name="stabilisatie_brief"),
    path("<int:pk>/stabilisatie/pauze/", pauze, name="stabilisatie_pauze"),
    path("stabilisatie/pauze/<int:moratorium_id>/einde/", pauze_beeindigen, name="stabilisatie_pauze_einde"),
]
