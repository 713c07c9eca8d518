from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignaleringConfig(AppConfig):
    name = "vroeghulp.signalering"
    verbose_name = _("Signalering")

    def ready(self):
        # AnoniemeTelling (retention: anonymous counts) lives in its own module, see tellingen.py
        from vroeghulp.signalering import tellingen  # noqa: F401, PLC0415
