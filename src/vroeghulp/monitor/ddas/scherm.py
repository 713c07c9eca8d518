"""The beheerder's preview of a DDAS delivery (``/ddas-levering/``): choose the soort and the
period, see the count per object type and what changed since the last complete delivery of that
soort and period. Counts only (audit coverage lists it as showing no personal data); asks
``accounts.permissions.may_prepare_ddas_delivery``."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from vroeghulp.accounts.permissions import may_prepare_ddas_delivery
from vroeghulp.monitor.ddas import voorbeeld as ddas_voorbeeld
from vroeghulp.monitor.models import Ddaslevering, Ddassoort

EERSTE_JAAR = 2000  # no delivery is older than DDAS itself; keeps a mistyped year out


def vorige_maand(vandaag: date) -> tuple[date, date]:
    laatste = vandaag.replace(day=1) - timedelta(days=1)
    return laatste.replace(day=1), laatste


class Datumveld(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {"invalid": gettext_lazy("Dit is geen datum. Schrijf JJJJ-MM-DD, bijvoorbeeld 2026-01-31.")}

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)

    def clean(self, value):
        datum = super().clean(value)
        if datum is not None and not EERSTE_JAAR <= datum.year <= timezone.localdate().year + 1:
            raise forms.ValidationError(_("Kies een datum tussen %(van)s en %(tot)s.")
                                        % {"van": EERSTE_JAAR, "tot": timezone.localdate().year + 1})
        return datum


class Periodeformulier(forms.Form):
    soort = forms.ChoiceField(label=gettext_lazy("Soort levering"), choices=Ddassoort.choices)
    van = Datumveld(label=gettext_lazy("Van"), help_text=gettext_lazy("De eerste dag van de periode."))
    tot = Datumveld(label=gettext_lazy("Tot en met"), help_text=gettext_lazy("De laatste dag van de periode. Die telt mee."))

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", _("Deze datum ligt voor de eerste dag. Kies een latere datum."))
        return data


@require_GET
def voorbeeld(request):
    if not may_prepare_ddas_delivery(request.user):
        raise PermissionDenied(_("Alleen een beheerder kan een levering aan het CBS voorbereiden."))
    van, tot = vorige_maand(timezone.localdate())
    gegevens = request.GET if request.GET else {"soort": Ddassoort.VROEGSIGNALERING, "van": van, "tot": tot}
    form = Periodeformulier(gegevens)
    uitkomst = None
    if form.is_valid():
        d = form.cleaned_data
        uitkomst = ddas_voorbeeld.voorbeeld(d["soort"], d["van"], d["tot"])
    return render(request, "monitor/ddas_voorbeeld.html", {
        "titel": _("Levering aan het CBS (DDAS)"), "form": form, "v": uitkomst,
        "soortnaam": dict(Ddassoort.choices).get(form.cleaned_data.get("soort")) if uitkomst else "",
        "recent": Ddaslevering.objects.all()[:10],
    })
