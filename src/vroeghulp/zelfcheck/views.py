"""The public check at /zelfcheck/: no login, no session, no cookie but CSRF, nothing stored.

Every screen is a POST form carrying the answers so far in one signed hidden field
(``antwoorden.verpak``); a changed or broken value gives a calm Dutch page (400), never a 500.
Responses are never cached (a shared phone's back button shows nothing). Nothing here logs.
"""

import secrets

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from vroeghulp.gebieden.models import Wijk
from vroeghulp.zaken import zelfmelding
from vroeghulp.zaken.pdf import pdf_van_html
from vroeghulp.zelfcheck import samenvatting, uitslag, vragen
from vroeghulp.zelfcheck.antwoorden import Antwoorden, OngeldigeAntwoorden, pak_uit, verpak
from vroeghulp.zelfcheck.forms import HulpForm, WatAlsForm
from vroeghulp.zelfcheck.huishouden import peildatum

MAX_VRAGEN = len(vragen.VRAGEN)


def _fout(request):
    return render(request, "zelfcheck/fout.html", {"titel": _("Er ging iets mis")}, status=400)


def _form(vraag: vragen.Vraag, antwoorden: Antwoorden, data=None):
    kwargs = {}
    if vraag.naam == "leeftijd":
        kwargs["partner"] = bool(antwoorden.partner)
    elif vraag.naam == "wijk":
        kwargs["wijken"] = list(Wijk.objects.order_by("naam").values_list("code", "naam"))
    return vraag.form(data, initial=vraag.initieel(antwoorden), **kwargs)


def _vraagscherm(request, vraag, antwoorden, form=None, status=200):
    lijst = vragen.van_toepassing(antwoorden)
    nummer = [v.naam for v in lijst].index(vraag.naam) + 1
    return render(request, "zelfcheck/vraag.html", {
        "titel": vraag.titel, "vraag": vraag, "form": form or _form(vraag, antwoorden),
        "antwoorden": verpak(antwoorden), "nummer": nummer, "totaal": len(lijst),
    }, status=status)


def _uitslag(antwoorden: Antwoorden, data=None):
    form = WatAlsForm(data)
    extra = partner = None
    if data is not None and form.is_valid():
        extra, partner = form.cleaned_data["extra"], form.cleaned_data["partner_inkomen"]
    kwargs = {k: v for k, v in (("extra_bruto", extra), ("partner_bruto", partner)) if v is not None}
    return uitslag.maak(antwoorden, peildatum(timezone.localdate()), **kwargs), form


def _uitslagscherm(request, antwoorden, data=None):
    resultaat, form = _uitslag(antwoorden, data)
    return render(request, "zelfcheck/uitslag.html", {
        "titel": _("Uw uitkomst"), "uitslag": resultaat, "antwoorden": verpak(antwoorden), "watals_form": form,
    })


@never_cache
@require_GET
def start(request):
    return render(request, "zelfcheck/start.html", {"titel": _("Geldcheck"), "aantal": MAX_VRAGEN})


@never_cache
@require_POST
def vraag(request):
    try:
        antwoorden = pak_uit(request.POST.get("antwoorden"))
    except OngeldigeAntwoorden:
        return _fout(request)
    naam = request.POST.get("vraag")
    if not naam:  # the start button
        huidige = vragen.ontbrekend(antwoorden)
        return _vraagscherm(request, huidige, antwoorden) if huidige else _uitslagscherm(request, antwoorden)
    huidige = vragen.PER_NAAM.get(naam)
    if huidige is None or not huidige.geldt(antwoorden):
        return _fout(request)
    if "terug" in request.POST:
        vorige = vragen.voor(huidige, antwoorden)
        if vorige is None:
            return redirect("zelfcheck:start")
        return _vraagscherm(request, vorige, antwoorden)
    form = _form(huidige, antwoorden, request.POST)
    if not form.is_valid():
        return _vraagscherm(request, huidige, antwoorden, form=form)
    antwoorden = huidige.zet(antwoorden, form.cleaned_data)
    volgende = vragen.na(huidige, antwoorden)
    if volgende is not None:
        return _vraagscherm(request, volgende, antwoorden)
    return _uitslagscherm(request, antwoorden)


def _compleet(request):
    """The answers of a finished check, or the response to send instead (an open question, an error)."""
    try:
        antwoorden = pak_uit(request.POST.get("antwoorden"))
    except OngeldigeAntwoorden:
        return None, _fout(request)
    open_ = vragen.ontbrekend(antwoorden)
    if open_ is not None:
        return None, _vraagscherm(request, open_, antwoorden)
    return antwoorden, None


@never_cache
@require_POST
def resultaat(request):
    antwoorden, anders = _compleet(request)
    if anders is not None:
        return anders
    return _uitslagscherm(request, antwoorden, request.POST if "watals" in request.POST else None)


@never_cache
@require_POST
def pdf(request):
    antwoorden, anders = _compleet(request)
    if anders is not None:
        return anders
    resultaat_, _form_ = _uitslag(antwoorden)
    html = render(request, "zelfcheck/uitslag_pdf.html", {"uitslag": resultaat_}).content.decode()
    response = HttpResponse(pdf_van_html(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="geldcheck-uitkomst.pdf"'
    return response


@never_cache
@require_POST
def hulp(request):
    antwoorden, anders = _compleet(request)
    if anders is not None:
        return anders
    if "verstuur" not in request.POST:
        form = HulpForm(initial={"kenmerk": secrets.token_hex(8).upper(), "delen": True})
    else:
        form = HulpForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            gedeeld = samenvatting.tekst(antwoorden, _uitslag(antwoorden)[0]) if d["delen"] else ""
            try:
                bevestiging = zelfmelding.meld(
                    kenmerk=d["kenmerk"], voorletters=d["voorletters"], achternaam=d["achternaam"],
                    postcode=d["postcode"], huisnummer=d["huisnummer"], toevoeging=d["toevoeging"],
                    telefoon=d["telefoon"], email=d["email"], bedrag=d["bedrag"], toestemming=d["toestemming"],
                    gedeeld=gedeeld)
            except zelfmelding.MeldingGeweigerd as fout:
                for melding in fout.meldingen:
                    form.add_error(None, melding)
            else:
                return render(request, "zelfcheck/bedankt.html", {"titel": _("Wij bellen u"), "bevestiging": bevestiging})
    return render(request, "zelfcheck/hulp.html", {"titel": _("Ik wil hulp"), "form": form,
                                                   "antwoorden": verpak(antwoorden)})
