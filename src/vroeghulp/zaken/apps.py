from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _termijnen_bij_nieuwe_zaak(sender, instance, created, raw=False, **kwargs):
    """A case created elsewhere (matching, warm handover) gets its deadlines at once."""
    if created and not raw and instance.hulpaanbod_uiterlijk is None:
        from vroeghulp.zaken import termijnen

        termijnen.herbereken(instance)


class ZakenConfig(AppConfig):
    name = "vroeghulp.zaken"
    verbose_name = _("Zaken")

    def ready(self):
        # imported here, not at the top: Django loads AppConfigs before the models exist
        from vroeghulp.signalering import services as signalering
        from vroeghulp.zaken import matching
        from vroeghulp.zaken.models import Vroegsignaalzaak

        post_save.connect(_termijnen_bij_nieuwe_zaak, sender=Vroegsignaalzaak,
                          dispatch_uid="zaken_termijnen_bij_nieuwe_zaak")
        # signalering (a layer below) calls matching only through this hook (ADR 0002)
        signalering.registreer_matching(matching.haak())
