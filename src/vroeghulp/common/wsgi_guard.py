"""What a request's WSGI environ may hold before Django sees it.

granian (``vroeghulp server``) builds every environ on a copy of the process environment, so
``request.META`` would carry DATABASE_URL and VROEGHULP_SECRET_KEY into anything that prints it.
It also has no list of trusted proxies: any client could say it came over https. Both are
settled here, for every request, in one pass over the keys that are not the request's own.
"""

import os
from collections.abc import Callable, Iterable

from vroeghulp.common.env import env

# PEP 3333's keys of a request; anything else from the process environment is removed.
_CGI = {
    "REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE", "CONTENT_LENGTH",
    "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", "GATEWAY_INTERFACE",
    "REMOTE_ADDR", "REMOTE_PORT", "REMOTE_HOST",
}
# Headers only the https proxy may set (settings.SECURE_PROXY_SSL_HEADER reads the first).
PROXY_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST", "HTTP_FORWARDED")


def trusted_proxies() -> frozenset[str]:
    return frozenset(a.strip() for a in env("VROEGHULP_FORWARDED_ALLOW_IPS", "127.0.0.1,::1").split(",") if a.strip())


def guard(application: Callable, proxies: Iterable[str] | None = None) -> Callable:
    """``application`` behind the two rules above. The process environment's keys are read
    once: granian copies the environment as it is when the worker starts."""
    process_keys = tuple(k for k in os.environ if k not in _CGI and not k.startswith(("HTTP_", "wsgi.")))
    allowed = trusted_proxies() if proxies is None else frozenset(proxies)

    def guarded(environ: dict, start_response: Callable):
        for key in process_keys:
            environ.pop(key, None)
        if environ.get("REMOTE_ADDR") not in allowed:
            for key in PROXY_HEADERS:
                environ.pop(key, None)
        return application(environ, start_response)

    return guarded
