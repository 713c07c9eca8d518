"""Screens for casework: worklist, team overview, case file, one-click steps, letters, warm handover.

Reads of personal data are audited (worklist: one event with the number of rows shown; case
file: a read of the person and of each household member); changes go through ``workflow``.
"""

from importlib.util import find_spec
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vroeghulp.accounts.models import Gebruiker
from vroeghulp.accounts.permissions import (
    CASEWORK_ROLES, may_manage_letters, may_see_personal_data, may_see_team_overview, may_see_wijk,
)
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.gebieden.models import Wijk
from vroeghulp.personen.services import huisgenoten, inwoner_voor
from vroeghulp.signalering.models import Kanaal
from vroeghulp.zaken import brieven, namen, services, suggestie, warme_overdracht, werkvoorraad, workflow
from vroeghulp.zaken.forms import (
    BriefForm, BriefsjabloonForm, ContactpogingForm, HuisstijlForm, NotitieForm, StapForm,
    ToewijzenForm, WarmeOverdrachtForm,
)
from vroeghulp.zaken.models import (
    OPEN_STATUSSEN, Briefsjabloon, Briefsoort, Contactsoort, Vroegsignaalzaak, Zaakstatus,
)

DOEL_WERKVOORRAAD = "Vroegsignalering: werkvoorraad bekijken (Wgs art. 3)"
DOEL_DOSSIER = "Vroegsignalering: zaak behandelen (Wgs art. 3)"


def _alleen_casework(request):
    if not may_see_personal_data(request.user):
        raise PermissionDenied(_("Alleen consulenten en teamleiders werken met zaken."))


def _zaak_voor(request, pk: int) -> Vroegsignaalzaak:
    _alleen_casework(request)
    zaak = get_object_or_404(Vroegsignaalzaak.objects.select_related("wijk", "toegewezen_aan"), pk=pk)
    if not may_see_wijk(request.user, zaak.wijk_id):
        audit.log_denied(request.user, zaak, doel=DOEL_DOSSIER, persoon_id=zaak.inwoner_id)
        raise PermissionDenied(_("U heeft geen toegang tot zaken in deze wijk."))
    return zaak


def _collegas(user, wijk_ids=None):
    wijk_ids = wijk_ids if wijk_ids is not None else user.wijk_ids()
    return (Gebruiker.objects.filter(is_active=True, rol__in=CASEWORK_ROLES,
                                     teams__wijken__in=wijk_ids)
            .distinct().order_by("first_name", "last_name", "username"))


def _naar_dossier(zaak_id: int):
    return redirect("zaken:detail", pk=zaak_id)


# --- worklist ----------------------------------------------------------------------------------

@audit.persoonsgegevens
@require_GET
def werkvoorraad_view(request):
    _alleen_casework(request)
    user = request.user
    wijken = list(Wijk.objects.filter(pk__in=user.wijk_ids()).order_by("naam"))
    filter_form = werkvoorraad.WerkvoorraadFilter(request.GET or None, wijken=wijken)
    data = filter_form.cleaned_data if filter_form.is_bound and filter_form.is_valid() else {}
    qs = werkvoorraad.filter_toepassen(werkvoorraad.zaken_voor(user), data, user)
    nummer = data.get("pagina") or 1
    vandaag = timezone.localdate()
    compact = bool(request.GET.get("fragment"))  # "Eerst doen" on the home screen: no bulk actions
    totaal, rijen, nummer = werkvoorraad.rijen_snel(qs, nummer, werkvoorraad.volgorde(data), vandaag)
    if compact:
        rijen = rijen[:10]
    if rijen:
        audit.log(actor=user, actie=Actie.LEZEN, object_type=Vroegsignaalzaak._meta.label, doel=DOEL_WERKVOORRAAD,
                  aantal=len(rijen), toelichting=("Filters: " + urlencode({k: v for k, v in request.GET.items() if v}))[:250])
    zonder_pagina = {k: v for k, v in request.GET.items() if k != "pagina" and v}
    laatste = max(1, -(-min(totaal, werkvoorraad.MAX_TELLING) // werkvoorraad.PER_PAGINA))
    context = {
        "titel": _("Werkvoorraad"), "filter_velden": werkvoorraad.velden(filter_form), "rijen": rijen,
        "totaal": totaal,
        "meer_dan": werkvoorraad.MAX_TELLING if totaal > werkvoorraad.MAX_TELLING else None,
        "pagina": nummer, "laatste_pagina": laatste,
        "vorige_url": "?" + urlencode({**zonder_pagina, "pagina": nummer - 1}) if nummer > 1 else "",
        "volgende_url": "?" + urlencode({**zonder_pagina, "pagina": nummer + 1}) if nummer < laatste else "",
        "compact": compact, "vandaag": vandaag,
        "collegas": _collegas(user) if not compact else [], "sjablonen": brieven.sjablonen() if not compact else [],
        "terug": "/zaken/" + ("?" + urlencode(zonder_fragment) if (zonder_fragment := {
            k: v for k, v in request.GET.items() if k != "fragment" and v}) else ""),
    }
    if request.htmx or request.GET.get("fragment"):
        return render(request, "zaken/_werkvoorraad_tabel.html", context)
    return render(request, "zaken/werkvoorraad.html", context)


@audit.persoonsgegevens
@require_POST
def bulk(request):
    """Bulk actions on the selected rows: assign, or letters as one PDF."""
    _alleen_casework(request)
    ids = [int(i) for i in request.POST.getlist("zaak") if i.isdigit()]
    terug = request.POST.get("terug") or ""
    if not terug.startswith("/zaken/"):
        terug = "/zaken/"
    if not ids:
        messages.warning(request, _("Kies eerst een of meer zaken."))
        return redirect(terug)
    zaken = list(werkvoorraad.zaken_voor(request.user).filter(pk__in=ids).select_related("inwoner__huishouden__adres"))
    if len(zaken) != len(set(ids)):
        raise PermissionDenied(_("U heeft geen toegang tot een of meer van deze zaken."))
    actie = request.POST.get("actie")
    if actie == "toewijzen":
        aan_id = request.POST.get("aan")
        aan = get_object_or_404(_collegas(request.user), pk=aan_id) if aan_id else None
        try:
            aantal = workflow.toewijzen(zaken, aan=aan, door=request.user)
        except workflow.WerkstroomFout as fout:
            messages.error(request, fout.melding)
            return redirect(terug)
        messages.success(request, _("%(aantal)s zaken toegewezen.") % {"aantal": aantal})
        return redirect(terug)
    if actie == "brieven":
        sjabloon = get_object_or_404(brieven.sjablonen(), pk=request.POST.get("sjabloon"))
        return _pdf_antwoord(request, zaken, sjabloon, vastleggen=request.POST.get("vastleggen") == "on")
    messages.error(request, _("Onbekende actie."))
    return redirect(terug)


def _pdf_antwoord(request, zaken, sjabloon, *, vastleggen: bool):
    pdf = brieven.maak_pdf(zaken, sjabloon, door=request.user)
    if vastleggen:
        soort = Contactsoort.KAARTJE if sjabloon.soort == Briefsoort.KAARTJE else Contactsoort.BRIEF
        for zaak in zaken:
            if zaak.status in OPEN_STATUSSEN and zaak.status != Zaakstatus.NIEUW:
                workflow.registreer_contactpoging(zaak, door=request.user, soort=soort, datum=timezone.localdate(),
                                                  bereikt=False, notitie=sjabloon.naam)
    naam = f"{sjabloon.get_soort_display().split(' ')[0].lower()}-{timezone.localdate():%Y%m%d}.pdf"
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@audit.persoonsgegevens
@require_GET
def team(request):
    """The team lead's view: workload per caseworker, per wijk, and the overdue cases."""
    user = request.user
    if not may_see_team_overview(user):
        audit.log(actor=user, actie=Actie.GEWEIGERD, object_type=Vroegsignaalzaak._meta.label,
                  doel=DOEL_WERKVOORRAAD, toelichting="Teamoverzicht: alleen voor teamleiders")
        raise PermissionDenied(_("Alleen teamleiders zien het overzicht van het team."))
    vandaag = timezone.localdate()
    open_zaken = werkvoorraad.zaken_voor(user).filter(status__in=OPEN_STATUSSEN)
    per_consulent = list(
        open_zaken.values("toegewezen_aan", "toegewezen_aan__first_name", "toegewezen_aan__last_name",
                          "toegewezen_aan__username")
        .annotate(open=Count("id"), te_laat=Count("id", filter=Q(deadline__lt=vandaag)),
                  crisis=Count("id", filter=Q(crisis=True)))
        .order_by("-te_laat", "-open")
    )
    per_wijk = list(
        open_zaken.values("wijk__naam")
        .annotate(open=Count("id"), nieuw=Count("id", filter=Q(status=Zaakstatus.NIEUW)),
                  te_laat=Count("id", filter=Q(deadline__lt=vandaag)))
        .order_by("wijk__naam")
    )
    totaal, te_laat = werkvoorraad.pagina(open_zaken.filter(deadline__lt=vandaag), 1)
    inwonernamen = namen.namen(te_laat)
    for zaak in te_laat:
        zaak.inwonernaam = namen.op_scherm(inwonernamen[zaak.pk], zaak.pk)
        zaak.te_laat = True
        zaak.signaaltypen = sorted({s.partner.type for s in zaak.signalen.all()})
        zaak.volgende = suggestie.volgende_stap(zaak, list(zaak.contactpogingen.all()))
    if te_laat:
        audit.log(actor=user, actie=Actie.LEZEN, object_type=Vroegsignaalzaak._meta.label, doel=DOEL_WERKVOORRAAD,
                  aantal=len(te_laat), toelichting="Teamoverzicht: zaken over de uiterste datum")
    return render(request, "zaken/team.html", {
        "titel": _("Overzicht van het team"), "per_consulent": per_consulent, "per_wijk": per_wijk,
        "te_laat": te_laat, "aantal_te_laat": totaal, "vandaag": vandaag,
    })


# --- case file ---------------------------------------------------------------------------------

def _persoon_en_huishouden(request, zaak):
    if zaak.inwoner_id:
        try:
            inwoner = inwoner_voor(request.user, zaak.inwoner_id, doel=DOEL_DOSSIER)
        except PermissionDenied:
            # The person moved to a wijk of another team: the case stays workable here, the
            # person's current data is not shown (the refusal is audited by inwoner_voor).
            messages.warning(request, _("Deze inwoner woont nu in een wijk van een ander team. "
                                        "Overleg met dat team wie de zaak oppakt."))
            return None, []
        leden = list(huisgenoten(inwoner))
        for lid in leden:
            audit.log_read(request.user, lid, doel="Huishouden bij zaak bekijken", persoon_id=lid.pk)
        return inwoner, leden
    audit.log_read(request.user, zaak, doel=DOEL_DOSSIER, toelichting="Zaak zonder gekoppelde inwoner")
    return None, []


@audit.persoonsgegevens
@require_GET
def detail(request, pk: int):
    zaak = _zaak_voor(request, pk)
    inwoner, leden = _persoon_en_huishouden(request, zaak)
    signalen = list(zaak.signalen.select_related("partner", "aanlevering").order_by("signaaldatum", "id"))
    for s in signalen:  # the resident's own request from the zelfcheck, shown as such
        s.zelfmelding = s.aanlevering is not None and s.aanlevering.kanaal == Kanaal.ZELFMELDING
    pogingen = list(zaak.contactpogingen.select_related("door").order_by("datum", "id"))
    contact = _contactgegevens(zaak, inwoner, signalen)
    voorstel = None
    if zaak.status == Zaakstatus.OPGEPAKT or (zaak.status == Zaakstatus.NIEUW and not pogingen):
        voorstel = suggestie.volgende_poging(
            pogingen, telefoon=bool(contact["telefoon"]), email=bool(contact["email"]),
            crisis=zaak.crisis, warme_overdracht=zaak.warme_overdracht)
    vandaag = timezone.localdate()
    stappen = []
    for overgang in workflow.mogelijke_overgangen(zaak.status):
        if overgang.naar in (Zaakstatus.OPGEPAKT, Zaakstatus.CONTACT_GELEGD):
            continue  # own buttons: "Oppakken"; contact gelegd follows from a reached attempt
        stappen.append({"overgang": overgang, "form": StapForm(overgang=overgang, prefix=f"{overgang.naar}")})
    context = {
        "titel": _("Zaak %(nr)s") % {"nr": zaak.pk}, "zaak": zaak, "inwoner": inwoner, "huisgenoten": leden,
        "signalen": signalen, "pogingen": pogingen, "contact": contact, "voorstel": voorstel,
        "stappen": stappen, "volgende": suggestie.volgende_stap(zaak, pogingen),
        "historie": zaak.statuswijzigingen.select_related("door"),
        "notities": zaak.notities.select_related("door"),
        "poging_form": ContactpogingForm(prefix="poging"),
        "notitie_form": NotitieForm(prefix="notitie"),
        "toewijzen_form": ToewijzenForm(collegas=_collegas(request.user, {zaak.wijk_id}),
                                        initial={"aan": zaak.toegewezen_aan_id}),
        "brief_form": BriefForm(sjablonen=brieven.sjablonen()),
        "te_laat": zaak.deadline is not None and zaak.deadline < vandaag,
        "vandaag": vandaag,
        "schuldhulp_url": _schuldhulp_url(zaak),
        "vervolg": services.vervolg_van_zaak(zaak.pk),  # e.g. the schuldhulptraject started from this case
        "regels_beschikbaar": find_spec("vroeghulp.regels.service") is not None and inwoner is not None,
        "open": zaak.status in OPEN_STATUSSEN,
    }
    return render(request, "zaken/detail.html", context)


def _contactgegevens(zaak, inwoner, signalen) -> dict:
    telefoon = (inwoner.telefoonnummer if inwoner else "") or next((s.telefoonnummer for s in signalen if s.telefoonnummer), "")
    email = (inwoner.email if inwoner else "") or next((s.email for s in signalen if s.email), "")
    # An inwoner the user may not see (moved to another team's wijk) is not named here either.
    naam = namen.kies(namen.delen(inwoner) if inwoner else None,
                      [namen.delen(s) for s in sorted(signalen, key=lambda s: s.pk)])
    if inwoner is not None:
        adres = str(inwoner.huishouden.adres)
    else:
        eerste = signalen[0] if signalen else None
        adres = (f"{eerste.straatnaam} {eerste.huisnummer}{eerste.huisnummertoevoeging and '-' + eerste.huisnummertoevoeging}, "
                 f"{eerste.postcode} {eerste.plaatsnaam}") if eerste else ""
    return {"naam": naam, "kop": namen.op_scherm(naam, zaak.pk), "telefoon": telefoon, "email": email, "adres": adres}


def _schuldhulp_url(zaak) -> str:
    """The schuldhulp app adds ``services.start_vanuit_zaak`` and a URL ``schuldhulp:start``."""
    if find_spec("vroeghulp.schuldhulp.urls") is None:
        return ""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("schuldhulp:start", kwargs={"zaak_id": zaak.pk})
    except NoReverseMatch:
        return ""


def _fout(request, fout: workflow.WerkstroomFout):
    messages.error(request, fout.melding)


@require_POST
def oppakken(request, pk: int):
    zaak = _zaak_voor(request, pk)
    try:
        workflow.oppakken(zaak, door=request.user)
        messages.success(request, _("U heeft de zaak opgepakt. Hij staat nu op uw naam."))
    except workflow.WerkstroomFout as fout:
        _fout(request, fout)
    return _naar_dossier(zaak.pk)


@require_POST
def contactpoging(request, pk: int):
    zaak = _zaak_voor(request, pk)
    form = ContactpogingForm(request.POST, prefix="poging")
    if not form.is_valid():
        for fouten in form.errors.values():
            for fout in fouten:
                messages.error(request, fout)
        return _naar_dossier(zaak.pk)
    d = form.cleaned_data
    try:
        workflow.registreer_contactpoging(zaak, door=request.user, soort=d["soort"], datum=d["datum"],
                                          dagdeel=d["dagdeel"], bereikt=d["bereikt"], notitie=d["notitie"])
        if d["bereikt"]:
            messages.success(request, _("Vastgelegd: u heeft de inwoner bereikt."))
        else:
            messages.success(request, _("Vastgelegd: niet bereikt. Kijk bij ‘Volgende poging’ wat u nu kunt proberen."))
    except workflow.WerkstroomFout as fout:
        _fout(request, fout)
    return _naar_dossier(zaak.pk)


@require_POST
def stap(request, pk: int, naar: str):
    zaak = _zaak_voor(request, pk)
    overgang = workflow.TABEL.get((zaak.status, naar))
    if overgang is None:
        messages.error(request, _("Deze stap kan nu niet. Misschien heeft iemand de zaak net gewijzigd."))
        return _naar_dossier(zaak.pk)
    form = StapForm(request.POST, overgang=overgang, prefix=naar)
    if not form.is_valid():
        messages.error(request, _("Kies een resultaat."))
        return _naar_dossier(zaak.pk)
    try:
        workflow.overgang(zaak, naar, door=request.user, resultaat=form.cleaned_data.get("resultaat", ""),
                          toelichting=form.cleaned_data.get("toelichting", ""))
        messages.success(request, _("De zaak staat nu op ‘%(status)s’.") % {"status": Zaakstatus(naar).label})
    except workflow.WerkstroomFout as fout:
        _fout(request, fout)
    return _naar_dossier(zaak.pk)


@require_POST
def toewijzen(request, pk: int):
    zaak = _zaak_voor(request, pk)
    form = ToewijzenForm(request.POST, collegas=_collegas(request.user, {zaak.wijk_id}))
    if form.is_valid():
        try:
            workflow.toewijzen([zaak], aan=form.cleaned_data["aan"], door=request.user)
            messages.success(request, _("Toewijzing opgeslagen."))
        except workflow.WerkstroomFout as fout:
            _fout(request, fout)
    else:
        messages.error(request, _("Kies een collega uit de lijst."))
    return _naar_dossier(zaak.pk)


@require_POST
def notitie(request, pk: int):
    zaak = _zaak_voor(request, pk)
    form = NotitieForm(request.POST, prefix="notitie")
    if form.is_valid():
        try:
            workflow.notitie_toevoegen(zaak, door=request.user, tekst=form.cleaned_data["tekst"])
            messages.success(request, _("Notitie opgeslagen."))
        except workflow.WerkstroomFout as fout:
            _fout(request, fout)
    else:
        messages.error(request, _("De notitie is leeg of te lang."))
    return _naar_dossier(zaak.pk)


@audit.persoonsgegevens
@require_POST
def brief(request, pk: int):
    zaak = _zaak_voor(request, pk)
    form = BriefForm(request.POST, sjablonen=brieven.sjablonen())
    if not form.is_valid():
        messages.error(request, _("Kies een brief of kaartje."))
        return _naar_dossier(zaak.pk)
    zaak = Vroegsignaalzaak.objects.select_related("inwoner__huishouden__adres").get(pk=zaak.pk)
    return _pdf_antwoord(request, [zaak], form.cleaned_data["sjabloon"], vastleggen=form.cleaned_data["vastleggen"])


@audit.persoonsgegevens
@require_GET
def regelingen(request, pk: int):
    """Run the regels check for the household of the case (rules as code)."""
    from vroeghulp.zaken.regels import situatie_voor, uitkomsten

    zaak = _zaak_voor(request, pk)
    if not zaak.inwoner_id:
        messages.error(request, _("Deze zaak heeft nog geen gekoppelde inwoner."))
        return _naar_dossier(zaak.pk)
    inwoner = inwoner_voor(request.user, zaak.inwoner_id, doel="Regelingen nagaan voor het huishouden")
    leden = list(huisgenoten(inwoner))
    for lid in leden:
        audit.log_read(request.user, lid, doel="Regelingen nagaan voor het huishouden", persoon_id=lid.pk)
    situatie = situatie_voor(inwoner, leden)
    return render(request, "zaken/regelingen.html", {
        "titel": _("Regelingen nagaan"), "zaak": zaak, "inwoner": inwoner, "situatie": situatie,
        **uitkomsten(situatie),
    })


# --- letters: texts and house style (beheerder, teamleider) -------------------------------------

def _alleen_brievenbeheer(request):
    if not may_manage_letters(request.user):
        raise PermissionDenied(_("Alleen de beheerder en teamleiders passen brieven aan."))


@require_GET
def sjablonen(request):
    _alleen_brievenbeheer(request)
    brieven.sjablonen()
    return render(request, "zaken/sjablonen.html", {
        "titel": _("Brieven en kaartjes"), "sjablonen": Briefsjabloon.objects.all(), "stijl": brieven.huisstijl(),
    })


@require_http_methods(["GET", "POST"])
def sjabloon(request, pk: int | None = None):
    _alleen_brievenbeheer(request)
    object_ = get_object_or_404(Briefsjabloon, pk=pk) if pk else None
    form = BriefsjabloonForm(request.POST or None, instance=object_)
    if request.method == "POST" and form.is_valid():
        opgeslagen = form.save()
        audit.log(actor=request.user, actie=Actie.WIJZIGEN, object_type=opgeslagen._meta.label,
                  object_id=opgeslagen.pk, doel="Brieven beheren", toelichting=opgeslagen.naam)
        messages.success(request, _("De tekst is opgeslagen."))
        return redirect("zaken:sjablonen")
    return render(request, "zaken/sjabloon.html", {
        "titel": object_.naam if object_ else _("Nieuwe brief of kaartje"), "form": form, "sjabloon": object_,
    })


@require_GET
def sjabloon_voorbeeld(request, pk: int):
    _alleen_brievenbeheer(request)
    pdf = brieven.voorbeeld_pdf(get_object_or_404(Briefsjabloon, pk=pk))
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = 'inline; filename="voorbeeld.pdf"'
    return antwoord


@require_http_methods(["GET", "POST"])
def huisstijl(request):
    _alleen_brievenbeheer(request)
    form = HuisstijlForm(request.POST or None, request.FILES or None, instance=brieven.huisstijl())
    if request.method == "POST" and form.is_valid():
        form.save()
        audit.log(actor=request.user, actie=Actie.WIJZIGEN, object_type="zaken.Huisstijl", object_id=form.instance.pk,
                  doel="Brieven beheren", toelichting="Huisstijl")
        messages.success(request, _("De gegevens voor de brieven zijn opgeslagen."))
        return redirect("zaken:sjablonen")
    return render(request, "zaken/huisstijl.html", {"titel": _("Gegevens van de gemeente op brieven"), "form": form,
                                                    "stijl": form.instance, "logo": brieven.bruikbaar_logo(form.instance)})


# --- warm handover (ketenpartner) ---------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def warme_overdracht_view(request):
    if not warme_overdracht.mag_doorgeven(request.user):
        raise PermissionDenied(_("Alleen ketenpartners kunnen een warme overdracht doen."))
    form = WarmeOverdrachtForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            uitkomst = warme_overdracht.doorgeven(
                request.user, voorletters=d["voorletters"], achternaam=d["achternaam"], postcode=d["postcode"],
                huisnummer=d["huisnummer"], toevoeging=d["toevoeging"], geboortedatum=d["geboortedatum"],
                telefoon=d["telefoon"], email=d["email"], bedrag=d["bedrag"], crisis=d["crisis"],
                toestemming=d["toestemming"], toelichting=d["toelichting"],
            )
        except warme_overdracht.OverdrachtGeweigerd as fout:
            for melding in fout.meldingen:
                form.add_error(None, melding)
        else:
            messages.success(request, _("Dank u wel. Het wijkteam neemt snel contact op met de inwoner. "
                                        "Uw kenmerk is %(id)s.") % {"id": uitkomst.signaal.extern_id})
            return redirect("zaken:warme_overdracht")
    return render(request, "zaken/warme_overdracht.html", {
        "titel": _("Warme overdracht"), "form": form,
        "overdrachten": warme_overdracht.eigen_overdrachten(request.user),
        "partner": request.user.signaalpartner,
    })
