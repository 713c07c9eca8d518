"""Which demo dataset the database holds, so ``vroeghulp demo`` can be run again safely."""

from django.db import models


class DemoDataset(models.Model):
    huishoudens = models.PositiveIntegerField()
    seed = models.PositiveIntegerField()
    versie = models.PositiveIntegerField(help_text="Version of the generator (bump on changes).")
    stappen = models.TextField(blank=True, help_text="The STEPS that ran, in order.")
    aangemaakt = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"demo {self.huishoudens} huishoudens (seed {self.seed}, versie {self.versie})"
