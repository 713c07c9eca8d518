"""One rule for how a case names its resident: worklist, team overview, case file and letters.

The BRP name of the linked inwoner comes first. A case not (yet) linked to a person is named
after the first signal (in order of arrival, by id) that gives a surname: that is what the
signal partner knows. Screens show "Zaak 16" when no name is known; a letter greets
"Beste bewoner" instead (``brieven.ontvanger``).
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from vroeghulp.personen.namen import naam
from vroeghulp.signalering.models import Vroegsignaal

Delen = tuple[str, str, str]  # voorletters, voorvoegsel, achternaam
VELDEN = ("voorletters", "voorvoegsel", "achternaam")  # the same on Inwoner and Vroegsignaal


def delen(persoon) -> Delen:
    """The name parts of an Inwoner or a Vroegsignaal."""
    return persoon.voorletters, persoon.voorvoegsel, persoon.achternaam


def kies(inwoner: Delen | None, signalen: Iterable[Delen]) -> str:
    """The decision itself. ``signalen``: the name parts of the case's signals, by id."""
    if inwoner is not None and inwoner[2]:
        return naam(*inwoner)
    return next((naam(*d) for d in signalen if d[2]), "")


def naamgevend_signaal(signalen: Iterable):
    """The signal whose name ``kies`` uses (for the salutation and address of a letter)."""
    signalen = sorted(signalen, key=lambda s: s.pk)
    return next((s for s in signalen if s.achternaam), signalen[0] if signalen else None)


def op_scherm(naam_: str, zaak_id: int) -> str:
    """What a screen shows: the name, or the case number when no name is known."""
    return naam_ or _("Zaak %(nr)s") % {"nr": zaak_id}


def namen(zaken: Iterable) -> dict[int, str]:
    """The name of each case (model instances; ``select_related("inwoner")`` saves queries).

    One query for the signals of the cases without a linked inwoner, none when all are linked."""
    zaken = list(zaken)
    signalen: dict[int, list[Delen]] = {}
    zonder = [z.pk for z in zaken if z.inwoner_id is None]
    if zonder:
        for zaak_id, *d in (Vroegsignaal.objects.filter(zaak_id__in=zonder).order_by("id")
                            .values_list("zaak_id", *VELDEN)):
            signalen.setdefault(zaak_id, []).append(tuple(d))
    return {z.pk: kies(delen(z.inwoner) if z.inwoner_id else None, signalen.get(z.pk, ())) for z in zaken}


def inwonernaam(zaak) -> str:
    return namen([zaak])[zaak.pk]
