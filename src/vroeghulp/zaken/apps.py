from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZakenConfig(AppConfig):
    name = "vroeghulp.zaken"
    verbose_name = _("Zaken")
