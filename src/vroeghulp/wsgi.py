import os

from django.core.wsgi import get_wsgi_application

from vroeghulp.common.wsgi_guard import guard

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vroeghulp.settings")
# Without the process environment and, from anyone but the https proxy, without X-Forwarded-*.
application = guard(get_wsgi_application())

from django.conf import settings  # noqa: E402

if settings.PRODUCTIE:
    from vroeghulp.common.production import check_no_demo_accounts

    check_no_demo_accounts()

# Load the URL configuration (every app's views and the API schema) now, at worker start, not in
# the first request: it took a quarter of a second of the first partner delivery (issue 4: an API
# request of 10,000 signals answers within 1 s, also the first one of a process).
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018
