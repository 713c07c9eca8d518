from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GebiedenConfig(AppConfig):
    name = "vroeghulp.gebieden"
    verbose_name = _("Gebieden")
