"""The beheerder's screens for what the check shows: local schemes and local help points.

Mounted under /zelfcheck-beheer/ (not under the public /zelfcheck/), so the login and second-factor
middleware guards them; each view asks ``accounts.permissions.may_manage_zelfcheck`` too.
Configuration only: no personal data.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from vroeghulp.accounts.permissions import may_manage_zelfcheck
from vroeghulp.zelfcheck.forms import HulppuntForm, LokaleRegelingForm
from vroeghulp.zelfcheck.models import Hulppunt, LokaleRegeling

SOORTEN = {
    "regeling": (LokaleRegeling, LokaleRegelingForm, gettext_lazy("lokale regeling")),
    "hulppunt": (Hulppunt, HulppuntForm, gettext_lazy("hulppunt")),
}


def _mag(request):
    if not may_manage_zelfcheck(request.user):
        raise PermissionDenied(_("Alleen een beheerder kan de zelfcheck inrichten."))


def _soort(soort):
    if soort not in SOORTEN:
        raise PermissionDenied
    return SOORTEN[soort]


@require_http_methods(["GET"])
def overzicht(request):
    _mag(request)
    return render(request, "zelfcheck/beheer.html", {
        "titel": _("Zelfcheck inrichten"),
        "regelingen": LokaleRegeling.objects.all(),
        "hulppunten": Hulppunt.objects.select_related("wijk"),
    })


@require_http_methods(["GET", "POST"])
def bewerk(request, soort, pk=None):
    _mag(request)
    model, form_class, naam = _soort(soort)
    object_ = get_object_or_404(model, pk=pk) if pk is not None else None
    form = form_class(request.POST or None, instance=object_)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Opgeslagen."))
        return redirect("zelfcheck_beheer:overzicht")
    titel = (_("%(naam)s wijzigen") if object_ else _("Nieuwe %(naam)s")) % {"naam": naam}
    return render(request, "zelfcheck/beheer_form.html", {"titel": titel.capitalize(), "form": form})


@require_POST
def verwijder(request, soort, pk):
    _mag(request)
    model, _form, _naam = _soort(soort)
    get_object_or_404(model, pk=pk).delete()
    messages.success(request, _("Verwijderd."))
    return redirect("zelfcheck_beheer:overzicht")
