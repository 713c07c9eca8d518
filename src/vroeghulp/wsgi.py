import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vroeghulp.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402

if settings.PRODUCTIE:
    from vroeghulp.common.production import check_no_demo_accounts

    check_no_demo_accounts()
