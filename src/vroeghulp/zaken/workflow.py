"""The workflow of a vroegsignaalzaak as data: a transition table and one service per transition.

Every service function: locks the case (``select_for_update``; on SQLite the IMMEDIATE
transaction serialises writers), checks the transition table, guards the write with a
conditional ``UPDATE … WHERE status = <from>``, appends a ``Statuswijziging``, recomputes the
deadlines, keeps the partners' signal status current (terugkoppeling), writes an audit event,
and fires ``events.status_gewijzigd`` after commit.

    nieuw ──oppakken──► opgepakt ──contact gelegd──► contact gelegd ──hulp aanbieden──► hulp aangeboden
      │                   │  │                            │                                  │
      │                   │  └──afronden (zonder contact)─┼──afronden (na contact)──────────►┴─► afgerond
      └──niet oppakken────┴──────────────────────────────────────────────────────────────────────► niet opgepakt
"""

import functools
import time
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vroeghulp.accounts.permissions import may_see_wijk
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.zaken import events, termijnen, terugkoppeling
from vroeghulp.zaken.models import (
    Contactpoging, Contactsoort, Dagdeel, Eindresultaat as E, Notitie, Statuswijziging,
    Vroegsignaalzaak, Zaakstatus as S, OPEN_STATUSSEN,
)
from vroeghulp.common.werkstroom import OngeldigeInvoer, OvergangNietToegestaan, WerkstroomFout  # noqa: F401 (re-exported)

DOEL = "Vroegsignalering: zaak behandelen (Wgs art. 3)"

# Results that need no contact with the resident (decided before or without reaching them).
REDENEN_NIET_OPGEPAKT = (
    E.HERHAALDE_MELDING, E.ONTERECHT, E.ANDERE_REDEN, E.AL_BEKEND, E.OVERLEDEN, E.GEEN_INWONER,
)
RESULTATEN_ZONDER_CONTACT = (
    E.GEEN_CONTACT, E.AL_BEKEND, E.ANDER_TRAJECT, E.AL_BETAALD, E.OVERLEDEN, E.GEEN_INWONER,
    E.VERWIJZING_ZONDER_INWONER,
)
RESULTATEN_NA_CONTACT = (
    E.VERVOLGHULP_FINANCIEEL, E.VERVOLGHULP_NIET_FINANCIEEL, E.VERVOLGHULP, E.BUDGETADVIES,
    E.REGELT_ZELF, E.AL_BETAALD, E.ANDER_TRAJECT, E.AL_BEKEND, E.GEEN_REACTIE,
    E.VERWIJZING_ZONDER_INWONER, E.OVERLEDEN, E.GEEN_INWONER,
)


@dataclass(frozen=True)
class Overgang:
    van: str
    naar: str
    actie: str
    label: str
    resultaten: tuple = ()


OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(S.NIEUW, S.OPGEPAKT, "oppakken", gettext_lazy("Oppakken")),
    Overgang(S.NIEUW, S.NIET_OPGEPAKT, "niet_oppakken", gettext_lazy("Niet oppakken"), REDENEN_NIET_OPGEPAKT),
    Overgang(S.OPGEPAKT, S.CONTACT_GELEGD, "contact_gelegd", gettext_lazy("Contact gelegd")),
    Overgang(S.OPGEPAKT, S.AFGEROND, "afronden", gettext_lazy("Afronden"), RESULTATEN_ZONDER_CONTACT),
    Overgang(S.OPGEPAKT, S.NIET_OPGEPAKT, "niet_oppakken", gettext_lazy("Niet oppakken"), REDENEN_NIET_OPGEPAKT),
    Overgang(S.CONTACT_GELEGD, S.HULP_AANGEBODEN, "hulp_aanbieden", gettext_lazy("Hulp aangeboden")),
    Overgang(S.CONTACT_GELEGD, S.AFGEROND, "afronden", gettext_lazy("Afronden"), RESULTATEN_NA_CONTACT),
    Overgang(S.HULP_AANGEBODEN, S.AFGEROND, "afronden", gettext_lazy("Afronden"), RESULTATEN_NA_CONTACT),
)
TABEL: dict[tuple[str, str], Overgang] = {(o.van, o.naar): o for o in OVERGANGEN}


class ZaakAlOpgepakt(OvergangNietToegestaan):
    pass


def mogelijke_overgangen(status: str) -> list[Overgang]:
    return [o for o in OVERGANGEN if o.van == status]


def _zaak_id(zaak) -> int:
    return zaak.pk if isinstance(zaak, Vroegsignaalzaak) else int(zaak)


def _controleer_toegang(door, zaak: Vroegsignaalzaak) -> None:
    if door is not None and not may_see_wijk(door, zaak.wijk_id):
        audit.log_denied(door, zaak, doel=DOEL, persoon_id=zaak.inwoner_id)
        raise PermissionDenied(_("U heeft geen toegang tot zaken in deze wijk."))


def _toegang(zaak, door) -> int:
    """Check access before the transaction starts, so a refusal is audited even though the
    change itself never happens."""
    zaak_id = _zaak_id(zaak)
    _controleer_toegang(door, Vroegsignaalzaak.objects.only("id", "wijk_id", "inwoner_id").get(pk=zaak_id))
    return zaak_id


def _vergrendel(zaak_id: int, door) -> Vroegsignaalzaak:
    zaak = Vroegsignaalzaak.objects.select_for_update().get(pk=zaak_id)
    _controleer_toegang(door, zaak)
    return zaak


def _overgang(zaak, naar: str, *, door, resultaat: str = "", toelichting: str = "",
              velden: dict | None = None) -> Vroegsignaalzaak:
    """The one place where ``status`` changes. Call inside ``transaction.atomic``."""
    zaak_id = _zaak_id(zaak)
    zaak = _vergrendel(zaak_id, door)
    van = zaak.status
    overgang = TABEL.get((van, naar))
    if overgang is None:
        raise OvergangNietToegestaan(_("Deze stap kan niet: de zaak staat op ‘%(van)s’.") % {
            "van": S(van).label})
    if overgang.resultaten and resultaat not in overgang.resultaten:
        raise OngeldigeInvoer(_("Kies een resultaat dat bij deze stap past."))
    if not overgang.resultaten and resultaat:
        raise OngeldigeInvoer(_("Bij deze stap hoort geen resultaat."))
    nu = timezone.now()
    wijzigingen = {"status": naar, "gewijzigd": nu, **(velden or {})}
    if overgang.resultaten:
        wijzigingen["resultaat"] = resultaat
    # Guard: even if the lock were bypassed, only one writer can move the case out of ``van``.
    if Vroegsignaalzaak.objects.filter(pk=zaak_id, status=van).update(**wijzigingen) != 1:
        raise OvergangNietToegestaan(_("Iemand anders heeft deze zaak net gewijzigd. Laad de pagina opnieuw."))
    for naam, waarde in wijzigingen.items():
        setattr(zaak, naam, waarde)
    Statuswijziging.objects.create(
        zaak=zaak, van=van, naar=naar, resultaat=resultaat, door=door, toelichting=toelichting[:500]
    )
    termijnen.herbereken(zaak)
    terugkoppeling.bijwerken(zaak)
    audit.log(
        actor=door, actie=Actie.WIJZIGEN, object_type=zaak._meta.label, object_id=zaak.pk,
        persoon_id=zaak.inwoner_id, doel=DOEL, toelichting=f"Status {van} → {naar}",
    )
    gegevens = {"zaak_id": zaak.pk, "van": van, "naar": naar, "resultaat": resultaat,
                "door_id": getattr(door, "pk", None)}
    transaction.on_commit(lambda: events.status_gewijzigd.send(sender=Vroegsignaalzaak, **gegevens))
    return zaak


def overgang(zaak, naar: str, *, door, resultaat: str = "", toelichting: str = "") -> Vroegsignaalzaak:
    """Generic entry point (used by the exhaustive transition test and the demo)."""
    acties = {
        S.OPGEPAKT: lambda: oppakken(zaak, door=door),
        S.CONTACT_GELEGD: lambda: contact_gelegd(zaak, door=door, toelichting=toelichting),
        S.HULP_AANGEBODEN: lambda: hulp_aanbieden(zaak, door=door, toelichting=toelichting),
        S.AFGEROND: lambda: afronden(zaak, door=door, resultaat=resultaat, toelichting=toelichting),
        S.NIET_OPGEPAKT: lambda: niet_oppakken(zaak, door=door, resultaat=resultaat, toelichting=toelichting),
    }
    if naar not in acties:
        raise OvergangNietToegestaan(_("Een zaak kan niet terug naar ‘Nieuw’."))
    return acties[naar]()


def _opnieuw_als_bezet(functie):
    """SQLite only: retry a write that found the database locked by another writer.

    A file database waits itself (busy_timeout); a shared-cache in-memory database (the test
    suite) answers "table is locked" at once. Nothing was written, so trying again is safe.
    Inside an outer transaction we cannot retry, so the error goes up unchanged.
    """
    @functools.wraps(functie)
    def omhulsel(*args, **kwargs):
        for poging in range(100):
            try:
                return functie(*args, **kwargs)
            except OperationalError as fout:
                if (connection.vendor != "sqlite" or connection.in_atomic_block
                        or "locked" not in str(fout) or poging == 99):
                    raise
                time.sleep(min(0.005 * (poging + 1), 0.1))
    return omhulsel


# --- one service per transition ------------------------------------------------------------

@_opnieuw_als_bezet
def oppakken(zaak, *, door) -> Vroegsignaalzaak:
    """nieuw → opgepakt: the caseworker takes the case; it is assigned to them."""
    zaak = _toegang(zaak, door)
    with transaction.atomic():
        huidig = _vergrendel(zaak, door)
        if huidig.status != S.NIEUW:
            wie = huidig.toegewezen_aan
            if huidig.status == S.OPGEPAKT and wie is not None:
                naam = wie.get_full_name() or wie.get_username()
                raise ZaakAlOpgepakt(_("Deze zaak is net opgepakt door %(naam)s. U hoeft niets te doen.") % {"naam": naam})
            raise ZaakAlOpgepakt(_("Deze zaak is al opgepakt of afgesloten."))
        return _overgang(huidig, S.OPGEPAKT, door=door, velden={
            "datum_opgepakt": timezone.localdate(), "toegewezen_aan": door or huidig.toegewezen_aan,
        })


@_opnieuw_als_bezet
def contact_gelegd(zaak, *, door, toelichting: str = "") -> Vroegsignaalzaak:
    """opgepakt → contact gelegd (normally through a reached contact attempt)."""
    zaak = _toegang(zaak, door)
    with transaction.atomic():
        return _overgang(zaak, S.CONTACT_GELEGD, door=door, toelichting=toelichting)


@_opnieuw_als_bezet
def hulp_aanbieden(zaak, *, door, toelichting: str = "") -> Vroegsignaalzaak:
    """contact gelegd → hulp aangeboden: the offer of help (Wgs) is made."""
    zaak = _toegang(zaak, door)
    with transaction.atomic():
        return _overgang(zaak, S.HULP_AANGEBODEN, door=door, toelichting=toelichting,
                         velden={"datum_hulp_aangeboden": timezone.localdate()})


@_opnieuw_als_bezet
def afronden(zaak, *, door, resultaat: str, toelichting: str = "") -> Vroegsignaalzaak:
    """opgepakt / contact gelegd / hulp aangeboden → afgerond with one DDAS Eindresultaat."""
    zaak = _toegang(zaak, door)
    with transaction.atomic():
        return _overgang(zaak, S.AFGEROND, door=door, resultaat=resultaat, toelichting=toelichting,
                         velden={"datum_afgerond": timezone.localdate()})


@_opnieuw_als_bezet
def niet_oppakken(zaak, *, door, resultaat: str, toelichting: str = "") -> Vroegsignaalzaak:
    """nieuw / opgepakt → niet opgepakt with its DDAS reason. The toelichting stays internal."""
    if resultaat == E.ANDERE_REDEN and not toelichting.strip():
        raise OngeldigeInvoer(_("Schrijf kort op waarom u de zaak niet oppakt. Alleen collega’s zien dit."))
    zaak = _toegang(zaak, door)
    with transaction.atomic():
        return _overgang(zaak, S.NIET_OPGEPAKT, door=door, resultaat=resultaat, toelichting=toelichting,
                         velden={"datum_afgerond": timezone.localdate(), "reden_toelichting": toelichting})


SCHULDHULP_RESULTAAT = E.VERVOLGHULP_FINANCIEEL
# The steps a case still takes when the resident starts a schuldhulptraject from it.
_NAAR_SCHULDHULP = {
    S.OPGEPAKT: (S.CONTACT_GELEGD, S.HULP_AANGEBODEN, S.AFGEROND),
    S.CONTACT_GELEGD: (S.HULP_AANGEBODEN, S.AFGEROND),
    S.HULP_AANGEBODEN: (S.AFGEROND,),
}


@_opnieuw_als_bezet
def schuldhulp_gestart(zaak, *, door, traject_id: int) -> Vroegsignaalzaak | None:
    """The resident accepted schuldhulp and a traject started from this case (``schuldhulp``):
    the outreach ends with the DDAS Eindresultaat "Vervolghulp en/of verwijzing financieel"
    (EnumEindresultaat, DDAS vroegsignalering v1.2). The case takes each step it has not taken
    yet through the transition table, one history row each: a traject needs the resident (so
    contact gelegd), it is the help offered (hulp aangeboden) and accepted (afgerond). A case
    that is already closed keeps its result and history (None); a new one cannot start schuldhulp.
    Call inside the caller's transaction, so the case closes only when the traject exists."""
    zaak_id = _toegang(zaak, door)
    with transaction.atomic():
        huidig = _vergrendel(zaak_id, door)
        if huidig.status not in OPEN_STATUSSEN:
            return None
        if huidig.status == S.NIEUW:
            raise OvergangNietToegestaan(_("Pak de zaak eerst op en spreek de inwoner. Daarna kunt u schuldhulp starten."))
        toelichting = f"Schuldhulptraject {traject_id} gestart"
        for naar in _NAAR_SCHULDHULP[huidig.status]:
            velden = {S.HULP_AANGEBODEN: {"datum_hulp_aangeboden": timezone.localdate()},
                      S.AFGEROND: {"datum_afgerond": timezone.localdate()}}.get(naar)
            huidig = _overgang(huidig, naar, door=door, toelichting=toelichting, velden=velden,
                               resultaat=SCHULDHULP_RESULTAAT if naar == S.AFGEROND else "")
        return huidig


# --- changes that are not a transition ----------------------------------------------------

@_opnieuw_als_bezet
def registreer_contactpoging(zaak, *, door, soort: str, datum: date, dagdeel: str = "",
                             bereikt: bool, notitie: str = "") -> Contactpoging:
    """Record a contact attempt (DDAS Contactpoging). Reached on an opgepakt case → contact gelegd."""
    if soort not in Contactsoort.values:
        raise OngeldigeInvoer(_("Kies hoe u contact zocht."))
    if dagdeel and dagdeel not in Dagdeel.values:
        raise OngeldigeInvoer(_("Kies ochtend, middag of avond."))
    if datum > timezone.localdate():
        raise OngeldigeInvoer(_("De datum ligt in de toekomst. Leg een poging vast als u die gedaan hebt."))
    if len(notitie) > 500:
        raise OngeldigeInvoer(_("De notitie is te lang: hooguit 500 tekens."))
    zaak = _toegang(zaak, door)
    with transaction.atomic():
        huidig = _vergrendel(zaak, door)
        if huidig.status == S.NIEUW:
            raise OvergangNietToegestaan(_("Pak de zaak eerst op. Daarna kunt u contactpogingen vastleggen."))
        if huidig.status not in OPEN_STATUSSEN:
            raise OvergangNietToegestaan(_("Deze zaak is afgesloten. U kunt geen contactpoging meer vastleggen."))
        poging = Contactpoging.objects.create(
            zaak=huidig, soort=soort, datum=datum, dagdeel=dagdeel, bereikt=bereikt,
            notitie=notitie.strip(), door=door,
        )
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=poging._meta.label, object_id=poging.pk,
                  persoon_id=huidig.inwoner_id, doel=DOEL, toelichting=f"Contactpoging {soort}")
        if bereikt and huidig.status == S.OPGEPAKT:
            _overgang(huidig, S.CONTACT_GELEGD, door=door,
                      toelichting=_("Bereikt via %(soort)s") % {"soort": Contactsoort(soort).label})
        else:
            termijnen.herbereken(huidig)
        gegevens = {"zaak_id": huidig.pk, "contactpoging_id": poging.pk, "bereikt": bereikt}
        transaction.on_commit(lambda: events.contactpoging_vastgelegd.send(sender=Vroegsignaalzaak, **gegevens))
    return poging


def mag_toegewezen_worden(gebruiker, zaak) -> bool:
    return gebruiker.is_active and may_see_wijk(gebruiker, zaak.wijk_id)


@_opnieuw_als_bezet
def toewijzen(zaken, *, aan, door) -> int:
    """Assign (or reassign) open cases to a colleague who works in their wijk. Returns the count."""
    aantal = 0
    zaak_ids = [_toegang(zaak, door) for zaak in zaken]
    with transaction.atomic():
        for zaak_id in sorted(zaak_ids):  # a fixed lock order: no deadlock between two bulk actions
            huidig = _vergrendel(zaak_id, door)
            if huidig.status not in OPEN_STATUSSEN:
                continue
            if aan is not None and not mag_toegewezen_worden(aan, huidig):
                raise OngeldigeInvoer(_("%(naam)s werkt niet in de wijk van zaak %(nr)s.") % {
                    "naam": aan.get_full_name() or aan.get_username(), "nr": huidig.pk})
            if huidig.toegewezen_aan_id == getattr(aan, "pk", None):
                continue
            Vroegsignaalzaak.objects.filter(pk=huidig.pk).update(toegewezen_aan=aan, gewijzigd=timezone.now())
            audit.log(actor=door, actie=Actie.WIJZIGEN, object_type=huidig._meta.label, object_id=huidig.pk,
                      persoon_id=huidig.inwoner_id, doel=DOEL,
                      toelichting=f"Toegewezen aan {aan.get_username() if aan else '(niemand)'}")
            aantal += 1
    return aantal


@_opnieuw_als_bezet
def notitie_toevoegen(zaak, *, door, tekst: str) -> Notitie:
    tekst = tekst.strip()
    if not tekst:
        raise OngeldigeInvoer(_("De notitie is leeg."))
    if len(tekst) > 2000:
        raise OngeldigeInvoer(_("De notitie is te lang: hooguit 2000 tekens."))
    zaak = _toegang(zaak, door)
    with transaction.atomic():
        huidig = _vergrendel(zaak, door)
        notitie = Notitie.objects.create(zaak=huidig, tekst=tekst, door=door)
        audit.log(actor=door, actie=Actie.AANMAKEN, object_type=notitie._meta.label, object_id=notitie.pk,
                  persoon_id=huidig.inwoner_id, doel=DOEL, toelichting="Notitie")
    return notitie
