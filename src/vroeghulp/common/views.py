"""Home screen per role, health check and Dutch error pages (never showing personal data)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from vroeghulp.api.problem import problem
from vroeghulp.common.homes import home_context

API_PREFIXES = ("/api/", "/ddas/")


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIXES)


def home(request):
    context = home_context(request.user)
    return render(request, context["template"], context)


def health(request):
    return JsonResponse({"status": "ok"})


def bad_request(request, exception=None):
    # Also for a Host header that is not allowed: then no middleware after CommonMiddleware ran
    # (no request.user), so this page and the menu must not depend on them.
    if _is_api(request):
        return problem(400, _("Ongeldig verzoek"), _("Dit verzoek kunnen we niet verwerken."))
    return render(request, "fout.html", {"titel": _("Ongeldig verzoek"), "melding": _(
        "Dit verzoek kunnen we niet verwerken. Ga terug en probeer het opnieuw."
    )}, status=400)


def csrf_failure(request, reason=""):
    # Django's own page is English and technical; the usual cause is a form left open too long.
    return render(request, "fout.html", {"titel": _("Formulier verlopen"), "melding": _(
        "Het formulier is verlopen of kwam niet van deze website. Laad de pagina opnieuw en probeer het nog eens."
    )}, status=403)


def forbidden(request, exception=None):
    if _is_api(request):
        return problem(403, _("Geen toegang"), _("U heeft geen toegang tot dit adres in de API."))
    return render(request, "fout.html", {"titel": _("Geen toegang"), "melding": _(
        "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met uw teamleider."
    )}, status=403)


def not_found(request, exception=None):
    if _is_api(request):
        return problem(404, _("Niet gevonden"), _("Dit adres bestaat niet in de API."))
    return render(request, "fout.html", {"titel": _("Pagina niet gevonden"), "melding": _(
        "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de startpagina."
    )}, status=404)


def server_error(request):
    if _is_api(request):
        return problem(500, _("Er ging iets mis"), _("Er ging iets mis aan onze kant. Probeer het later opnieuw."))
    return render(request, "fout.html", {"titel": _("Er ging iets mis"), "melding": _(
        "Er ging iets mis aan onze kant. Probeer het later opnieuw."
    )}, status=500)
