"""Events other apps may listen to. Sent only after the transaction committed (on_commit)."""

from django.dispatch import Signal

# sender=Vroegsignaalzaak, zaak_id, van, naar, resultaat, door_id
status_gewijzigd = Signal()
# sender=Vroegsignaalzaak, zaak_id, contactpoging_id, bereikt
contactpoging_vastgelegd = Signal()
