from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZelfcheckConfig(AppConfig):
    name = "vroeghulp.zelfcheck"
    verbose_name = _("Zelfcheck")
