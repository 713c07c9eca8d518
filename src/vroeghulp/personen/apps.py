from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonenConfig(AppConfig):
    name = "vroeghulp.personen"
    verbose_name = _("Personen")
