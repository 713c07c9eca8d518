"""Staff screens of the intake: upload a delivery with an instant row-level report (beheerder and
teamleider), and the register of signal partners with their API tokens (beheerder)."""

import logging

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST

from vroeghulp.accounts.permissions import is_beheerder, may_upload_signals
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.signalering.intake import Weigering, verwerk_bestand
from vroeghulp.signalering.intake.instellingen import SCHERM_MAX_BYTES
from vroeghulp.signalering.intake.normaliseren import toonbaar
from vroeghulp.signalering.models import Aanlevering, Kanaal, Signaalpartner
from vroeghulp.signalering.tokens import nieuwe_token

TOON_MAXIMAAL = 500
logger = logging.getLogger(__name__)


class UploadForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=gettext_lazy("Signaalpartner"), queryset=Signaalpartner.objects.filter(actief=True),
        empty_label=gettext_lazy("Kies de partner van wie het bestand komt"),
    )
    bestand = forms.FileField(
        label=gettext_lazy("Bestand"),
        help_text=gettext_lazy("CSV (met ; , of tab), Excel (.xlsx) of JSON. Maximaal 25 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv,.xlsx,.json"}),
    )


def aanleveren(request):
    if not may_upload_signals(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        context["bestandsnaam"] = toonbaar(bestand.name)
        try:
            if bestand.size > SCHERM_MAX_BYTES:
                raise Weigering("te_groot", detail=_("maximaal 25 MB"), status=413)
            rapport = verwerk_bestand(
                form.cleaned_data["partner"], bestand.read(), bestandsnaam=bestand.name,
                kanaal=Kanaal.BESTAND, actor=request.user, ingediend_door=request.user.get_username(),
                max_bytes=SCHERM_MAX_BYTES,
            )
        except Weigering as weigering:
            context["weigering"] = weigering
        except Exception as error:  # noqa: BLE001 - a form error, never an HTML 500
            # nothing is stored (``verwerk`` raises only before its commit); only the type is
            # logged: an exception text can carry personal data
            logger.error("Upload van signalen mislukt (%s)", type(error).__name__)
            context["weigering"] = Weigering("verwerking_mislukt", status=500)
        else:
            context["rapport"] = rapport
            resultaten = rapport.resultaten(alleen_opvallend=True)
            context["regels"] = [r for _, r in zip(range(TOON_MAXIMAAL), resultaten)]
            context["meer"] = len(context["regels"]) == TOON_MAXIMAAL
        if request.htmx:
            return render(request, "signalering/_rapport.html", context)
    context["aanleveringen"] = Aanlevering.objects.select_related("partner")[:20]
    return render(request, "signalering/aanleveren.html", context)


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Signaalpartner
        fields = ["code", "naam", "type", "kvk_nummer", "contactpersoon", "contact_email", "informeel", "actief"]
        help_texts = {"code": gettext_lazy("Korte naam zonder spaties, bijvoorbeeld 'energie'. Gebruik deze bij --partner.")}


def _alleen_beheerder(request):
    if not is_beheerder(request.user):
        raise PermissionDenied


def partners(request):
    _alleen_beheerder(request)
    lijst = Signaalpartner.objects.prefetch_related("api_clients__tokens")
    rijen = []
    for partner in lijst:
        tokens = [t for c in partner.api_clients.all() for t in c.tokens.all() if t.ingetrokken is None]
        rijen.append({"partner": partner, "tokens": len(tokens)})
    return render(request, "signalering/partners.html", {"rijen": rijen})


def partner_nieuw(request):
    _alleen_beheerder(request)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        partner = form.save()
        audit.log(
            actor=request.user, actie=Actie.AANMAKEN, object_type=Signaalpartner._meta.label,
            object_id=partner.pk, doel="Beheer signaalpartners",
        )
        return redirect("signalering:partners")
    return render(request, "signalering/partner_nieuw.html", {"form": form})


@require_POST
def partner_token(request, partner_id: int):
    _alleen_beheerder(request)
    partner = get_object_or_404(Signaalpartner, pk=partner_id)
    _token, waarde = nieuwe_token(partner, actor=request.user)
    response = render(request, "signalering/token.html", {"partner": partner, "token": waarde})
    response["Cache-Control"] = "no-store"
    return response
