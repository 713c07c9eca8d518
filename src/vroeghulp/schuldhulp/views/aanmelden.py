"""A walk-in at an inlooppunt or a self-referral: the consulent looks the resident up by BSN and
birth date (in the POST body: a BSN never goes into a URL) and starts the traject at once."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from vroeghulp.audit import services as audit
from vroeghulp.personen import services as personen
from vroeghulp.schuldhulp import workflow
from vroeghulp.schuldhulp.forms import DatumVeld
from vroeghulp.schuldhulp.models import Aanmeldingswijze, Bedreiging, Traject
from vroeghulp.schuldhulp.views.trajecten import _alleen_schuldhulp
from vroeghulp.signalering.intake.normaliseren import elfproef


class AanmeldForm(forms.Form):
    bsn = forms.CharField(label=gettext_lazy("Burgerservicenummer (BSN)"), max_length=11,
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    geboortedatum = DatumVeld(label=gettext_lazy("Geboortedatum"))
    aanmeldingswijze = forms.ChoiceField(
        label=gettext_lazy("Hoe meldde de inwoner zich?"),
        choices=[(Aanmeldingswijze.INLOOP, Aanmeldingswijze.INLOOP.label),
                 (Aanmeldingswijze.ZELFMELDING, Aanmeldingswijze.ZELFMELDING.label)])
    aanmelddatum = DatumVeld(label=gettext_lazy("Datum van aanmelding"), required=False,
                             help_text=gettext_lazy("Leeg is vandaag."))
    bedreiging = forms.ChoiceField(label=gettext_lazy("Dreigt er iets ernstigs?"), choices=Bedreiging.choices,
                                   required=False,
                                   help_text=gettext_lazy("Dan is het eerste gesprek binnen 3 werkdagen (Wgs artikel 4 lid 2)."))

    def clean_bsn(self):
        bsn = "".join(self.cleaned_data["bsn"].split()).replace(".", "")
        if not (bsn.isascii() and bsn.isdigit() and len(bsn) in (8, 9)):
            raise forms.ValidationError(_("Vul een BSN in van 9 cijfers."))
        bsn = bsn.zfill(9)
        if not elfproef(bsn):
            raise forms.ValidationError(_("Dit BSN bestaat niet (de elfproef klopt niet). Kijk het nummer na."))
        return bsn


@audit.persoonsgegevens
@require_http_methods(["GET", "POST"])
def aanmelden(request):
    _alleen_schuldhulp(request)
    form = AanmeldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            inwoner = personen.inwoner_met_bsn(request.user, d["bsn"], d["geboortedatum"], doel=workflow.DOEL)
        except personen.GeenInwoner:
            form.add_error(None, _("Wij vinden geen inwoner met dit BSN en deze geboortedatum. Kijk beide na."))
        except PermissionDenied:
            form.add_error(None, _("Deze inwoner woont in een wijk van een ander team. Verwijs de inwoner "
                                   "naar dat team, of vraag uw teamleider om hulp."))
        else:
            bestaand = Traject.objects.filter(inwoner=inwoner).exclude(fase="uitstroom").values_list("pk", flat=True).first()
            if bestaand:
                messages.info(request, _("Deze inwoner heeft al een lopend traject. U ziet het hieronder."))
                return redirect("schuldhulp:detail", pk=bestaand)
            try:
                traject = workflow.aanmelden(inwoner.pk, door=request.user, aanmeldingswijze=d["aanmeldingswijze"],
                                             aanmelddatum=d["aanmelddatum"], bedreiging=d["bedreiging"])
            except workflow.WerkstroomFout as fout:
                form.add_error(None, fout.melding)
            else:
                messages.success(request, _("Het traject is gestart. U kunt meteen verder; wat nog ontbreekt, "
                                            "staat op de lijst."))
                return redirect("schuldhulp:detail", pk=traject.pk)
    return render(request, "schuldhulp/aanmelden.html", {"titel": _("Aanmelding zonder signaal"), "form": form})


urlpatterns = [path("aanmelden/", aanmelden, name="aanmelden")]
