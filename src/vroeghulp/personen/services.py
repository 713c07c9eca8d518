"""Reading persons: every read is access-checked and audited here."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from vroeghulp.accounts.permissions import may_see_wijk
from vroeghulp.audit import services as audit
from vroeghulp.personen.models import Inwoner

DOEL_VROEGSIGNALERING = "Vroegsignalering en schuldhulp (Wgs art. 3)"


def inwoner_voor(user, inwoner_id: int, *, doel: str = DOEL_VROEGSIGNALERING) -> Inwoner:
    """The person with their address and household, if this user may see them; else 403 (audited)."""
    inwoner = get_object_or_404(
        Inwoner.objects.select_related("huishouden__adres__buurt__wijk"), pk=inwoner_id
    )
    if not may_see_wijk(user, inwoner.huishouden.adres.buurt.wijk_id):
        audit.log_denied(user, inwoner, doel=doel, persoon_id=inwoner.pk)
        raise PermissionDenied("U heeft geen toegang tot inwoners in deze wijk.")
    audit.log_read(user, inwoner, doel=doel, persoon_id=inwoner.pk)
    return inwoner


def huisgenoten(inwoner: Inwoner):
    return (
        Inwoner.objects.filter(huishouden_id=inwoner.huishouden_id)
        .exclude(pk=inwoner.pk)
        .order_by("geboortedatum")
    )


class GeenInwoner(Exception):
    """No resident with this BSN and birth date (the message does not say which of the two)."""


def inwoner_met_bsn(user, bsn: str, geboortedatum, *, doel: str) -> Inwoner:
    """The resident with this BSN *and* birth date, if this user may see them (read audited,
    refusal audited). Both must match, so a typo in the BSN does not open someone else's file."""
    inwoner = (Inwoner.objects.select_related("huishouden__adres__buurt__wijk")
               .filter(bsn=bsn, geboortedatum=geboortedatum).first())
    if inwoner is None:
        raise GeenInwoner
    if not may_see_wijk(user, inwoner.huishouden.adres.buurt.wijk_id):
        audit.log_denied(user, inwoner, doel=doel, persoon_id=inwoner.pk)
        raise PermissionDenied("U heeft geen toegang tot inwoners in deze wijk.")
    audit.log_read(user, inwoner, doel=doel, persoon_id=inwoner.pk)
    return inwoner
