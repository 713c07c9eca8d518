from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchuldhulpConfig(AppConfig):
    name = "vroeghulp.schuldhulp"
    verbose_name = _("Schuldhulp")

    def ready(self):
        # imported here, not at the top: Django loads AppConfigs before the models exist
        from vroeghulp.schuldhulp import bewaartermijnen, workflow
        from vroeghulp.zaken import bewaartermijnen as zaken_bewaartermijnen
        from vroeghulp.zaken import services as zaken

        # zaken (a layer below) runs the retention of trajecten only through this hook (ADR 0003)
        zaken_bewaartermijnen.registreer("schuldhulp", bewaartermijnen.opruimen)
        # and shows the traject on the case page only through this one
        zaken.registreer_vervolg(workflow.vervolg_van_zaak)
