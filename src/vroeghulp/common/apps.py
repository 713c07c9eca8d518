from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "vroeghulp.common"
    label = "common"
    verbose_name = "Vroeghulp (algemeen)"
