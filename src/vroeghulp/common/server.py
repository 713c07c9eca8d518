"""``vroeghulp server``: the production WSGI server (gunicorn with ``vroeghulp.gunicorn_conf``)."""

import os
import sys

from gunicorn.glogging import Logger

from vroeghulp.common.logging import ScrubBsnFilter, install

CONFIG = "python:vroeghulp.gunicorn_conf"


class ScrubbingLogger(Logger):
    """gunicorn's logger with BSNs masked in the error log and the access log (request line,
    path, query and headers alike). gunicorn does not use Django's LOGGING, so the filter goes on
    its own two loggers, and the record factory covers anything built on them."""

    def setup(self, cfg):
        super().setup(cfg)
        install()
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, ScrubBsnFilter) for f in log.filters):
                log.addFilter(ScrubBsnFilter())


def main(argv: list[str]) -> int:
    """Check the settings here (a clear message instead of a worker that fails to boot), then
    run gunicorn in this process, so a service manager's signals reach its master directly."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vroeghulp.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.conf import settings

        settings.SECRET_KEY  # noqa: B018  (imports the settings, which check production)
    except ImproperlyConfigured as fout:
        print(fout, file=sys.stderr)
        return 2
    from gunicorn.app.wsgiapp import WSGIApplication

    sys.argv = ["vroeghulp server", "-c", CONFIG, *argv]
    WSGIApplication("%(prog)s [OPTIES]").run()
    return 0
