"""The Content-Security-Policy header, built once per process instead of twice per response.

django-csp's middleware builds the policy string from the settings for every response (and the
report-only one as well): a tenth of the CPU of a partner status call (issue 10 load test). Our
policy is the same for every response unless a view sets its own (django-csp's decorators) or a
template asks for a nonce; only then is it built per response, by django-csp itself.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# What django-csp's decorators put on a response: with any of them the policy is per response.
PER_ANTWOORD = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro",
)
# Not on these responses when DEBUG is on: Django's debug pages have inline script and style.
DEBUG_VRIJ = (404, 500)


@cache
def vast_beleid(report_only: bool) -> tuple[str, tuple[str, ...]]:
    """The header value of the settings' policy and the path prefixes it is not sent on."""
    naam = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
    uitgezonderd = tuple((getattr(settings, naam, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())
    return build_policy(report_only=report_only), uitgezonderd


@receiver(setting_changed)
def _vergeet_beleid(*, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        vast_beleid.cache_clear()


class VasteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy of the settings built once; the same headers."""

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, kenmerk, None) is not None for kenmerk in PER_ANTWOORD
        ):
            return super().process_response(request, response)
        if response.status_code in DEBUG_VRIJ and settings.DEBUG:
            return response
        for header, report_only, vrijgesteld in (
            (HEADER, False, "_csp_exempt"), (HEADER_REPORT_ONLY, True, "_csp_exempt_ro"),
        ):
            beleid, uitgezonderd = vast_beleid(report_only)
            if (beleid and header not in response and getattr(response, vrijgesteld, False) is False
                    and not request.path_info.startswith(uitgezonderd)):
                response[header] = beleid
        # as django-csp: asking for a nonce after the header was written is an error, not a no-op
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
