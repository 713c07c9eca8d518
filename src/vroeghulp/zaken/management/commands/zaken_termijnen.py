"""Recompute the deadlines of all open cases, e.g. after the municipality changed its norm
(VROEGHULP_NORM_HULPAANBOD_DAGEN). Prints counts only."""

from django.core.management.base import BaseCommand
from django.db import transaction

from vroeghulp.zaken import termijnen
from vroeghulp.zaken.models import OPEN_STATUSSEN, Contactpoging, Vroegsignaalzaak

VELDEN = ["contact_uiterlijk", "hulpaanbod_uiterlijk", "deadline", "deadline_soort"]


class Command(BaseCommand):
    help = "Herbereken de uiterste datums van alle open zaken (na een wijziging van de norm)."

    def handle(self, *args, **options):
        zaken = Vroegsignaalzaak.objects.filter(status__in=OPEN_STATUSSEN).order_by("id")
        met_poging = set(Contactpoging.objects.filter(zaak__status__in=OPEN_STATUSSEN)
                         .values_list("zaak_id", flat=True).distinct())
        gewijzigd = []
        totaal = aangepast = 0
        with transaction.atomic():
            for zaak in zaken.iterator(chunk_size=2000):
                totaal += 1
                nieuw = termijnen.bereken(zaak, heeft_contactpoging=zaak.pk in met_poging)
                if any(getattr(zaak, naam) != waarde for naam, waarde in nieuw.items()):
                    for naam, waarde in nieuw.items():
                        setattr(zaak, naam, waarde)
                    gewijzigd.append(zaak)
                    aangepast += 1
                if len(gewijzigd) >= 2000:
                    Vroegsignaalzaak.objects.bulk_update(gewijzigd, VELDEN)
                    gewijzigd = []
            if gewijzigd:
                Vroegsignaalzaak.objects.bulk_update(gewijzigd, VELDEN)
        self.stdout.write(f"{totaal} open zaken bekeken, {aangepast} met nieuwe uiterste datums.")
