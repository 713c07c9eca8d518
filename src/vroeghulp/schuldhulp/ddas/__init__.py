"""The DDAS schuldhulpverlening delivery (Uitwisselmodel v1.0) built from trajecten.

Only what a traject knows goes in; a field without a value is left out (the schema allows no
``null``). Choices taken from ``VraagEnAntwoord.md`` of the standard:
- ``gemeentecode`` of every traject is the municipality responsible (``settings.GEMEENTECODE``);
- ``codeGegevensleverancier`` is the software's name and version;
- ``omschrijving`` (traject and uitstroom) is left out: CBS does not need it and the internal
  explanation may name people;
- ``schulden``, ``moratoria`` and ``voorlopigeVoorzieningen`` come from the debt overview (the
  signals of the case are in it as debts) and the collection pauses: ``ddas/schulden.py``;
- ``schuldregeling``, ``toekenningsdatum``, ``totaalSchuldbedragBijAanvangSchuld`` and
  ``oplossing.vtlb`` come from the settlement proposal: ``ddas/regeling.py``.

``json_schema_Uitwisselmodel.json`` next to this file is the official schema, unchanged (README.md).
"""

from datetime import date, datetime, timezone as tz
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch, Q

import vroeghulp
from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.personen.models import Inwoner, Rol
from vroeghulp.schuldhulp.ddas import regeling as ddas_regeling, schulden as ddas_schulden
from vroeghulp.schuldhulp.ddas.waarden import datum as _d, zonder_leeg as _zonder_leeg
from vroeghulp.schuldhulp.models import Doorverwijzing, Schuld, Traject, Voorstel

SCHEMA = Path(__file__).with_name("json_schema_Uitwisselmodel.json")
DOEL = "Levering aan CBS voor de statistiek (Wgs art. 9, DDAS)"


def _client(inwoner: Inwoner) -> dict:
    adres = inwoner.huishouden.adres
    return _zonder_leeg({
        "Burgerservicenummer": inwoner.bsn,
        "Geboortedatum": _d(inwoner.geboortedatum),
        "Geslachtsaanduiding": inwoner.geslacht or "Onbekend",
        "Postcode": adres.postcode,
        "Huisnummer": str(adres.huisnummer),
        "Huisnummertoevoeging": f"{adres.huisletter}{adres.toevoeging}",
    })


def clienten(traject: Traject) -> list[dict]:
    """The resident and, if the household has one, the partner (DDAS: at most two clients):
    the other of hoofdbewoner and partner in the household."""
    inwoner = traject.inwoner
    partner = (Inwoner.objects.select_related("huishouden__adres")
               .filter(huishouden_id=inwoner.huishouden_id, rol__in=(Rol.AANVRAGER, Rol.PARTNER))
               .exclude(pk=inwoner.pk).order_by("id").first())
    return [_client(inwoner)] + ([_client(partner)] if partner else [])


def schuldhulptraject(traject: Traject) -> dict:
    t = traject
    begeleiding = ([{"soort": "Beschermingsbewind", "startdatum": _d(t.doorverwijzing_datum)}]
                   if t.doorverwijzing == Doorverwijzing.BESCHERMINGSBEWIND else [])
    pauzes = list(t.moratoria.all())
    regeling = ddas_regeling.van(list(t.voorstellen.all()))
    return _zonder_leeg({
        "startdatum": _d(t.aanmelddatum),
        "einddatum": _d(t.uitstroom_datum),
        "toekenningsdatum": regeling.toekenningsdatum,
        "totaalSchuldbedragBijAanvangSchuld": regeling.totaal_schuldbedrag,
        "gemeentecode": settings.GEMEENTECODE,
        "aanmelding": _zonder_leeg({"crisisinterventie": t.crisis, "startdatum": _d(t.aanmelddatum),
                                    "einddatum": _d(t.aanmelding_einddatum)}),
        "crisisinterventies": [{"startdatum": _d(t.aanmelddatum)}] if t.crisis else [],
        "client": clienten(t),
        "intake": _zonder_leeg({"startdatum": _d(t.datum_eerste_gesprek), "einddatum": _d(t.intake_einddatum),
                                "beschikkingsdatum": _d(t.beschikkingsdatum),
                                "beschikkingssoort": t.beschikkingssoort}),
        "stabilisatie": _zonder_leeg({"startdatum": _d(t.stabilisatie_startdatum),
                                      "einddatum": _d(t.stabilisatie_einddatum)}),
        "planVanAanpak": _zonder_leeg({"datumAfronding": _d(t.plan_van_aanpak_datum)}),
        "moratoria": ddas_schulden.moratoria(pauzes),
        "voorlopigeVoorzieningen": ddas_schulden.voorlopige_voorzieningen(pauzes),
        "oplossing": _zonder_leeg({"soort": t.oplossingssoort, "startdatum": _d(t.oplossing_startdatum),
                                   "einddatum": _d(t.oplossing_einddatum), "vtlb": regeling.vtlb}),
        "nazorg": _zonder_leeg({"startdatum": _d(t.nazorg_startdatum), "einddatum": _d(t.nazorg_einddatum)}),
        "begeleiding": begeleiding,
        "schulden": [ddas_schulden.schuld(s) for s in t.schulden.all()],
        "schuldregeling": regeling.schuldregeling,
        "uitstroom": _zonder_leeg({"datum": _d(t.uitstroom_datum), "reden": t.uitstroom_reden,
                                   "datumBeeindigingsbeschikking": _d(t.datum_beeindigingsbeschikking)}),
    })


def trajecten_in_periode(van: date, tot: date):
    """Trajecten that ran on at least one day of the period (CBS joins overlapping parts)."""
    return (Traject.objects.filter(aanmelddatum__lte=tot)
            .filter(Q(uitstroom_datum__isnull=True) | Q(uitstroom_datum__gte=van))
            .select_related("inwoner__huishouden__adres")
            .prefetch_related(Prefetch("schulden", queryset=Schuld.objects.select_related("schuldeiser").order_by("id")),
                              "moratoria", Prefetch("voorstellen", queryset=Voorstel.objects.select_related("berekening")))
            .order_by("id"))


def levering(van: date, tot: date, *, door, organisatie: str, nu: datetime | None = None) -> dict:
    """The whole Uitwisselmodel for one period; the read of personal data is audited once."""
    trajecten = [schuldhulptraject(t) for t in trajecten_in_periode(van, tot)]
    nu = (nu or datetime.now(tz.utc)).astimezone(tz.utc).replace(microsecond=0)
    audit.log(actor=door, actie=Actie.EXPORTEREN, object_type=Traject._meta.label, doel=DOEL,
              toelichting=f"DDAS schuldhulpverlening {van.isoformat()} t/m {tot.isoformat()}",
              aantal=len(trajecten))
    return {
        "startdatumLevering": van.isoformat(),
        "einddatumLevering": tot.isoformat(),
        "aanleverdatumEnTijd": nu.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "codeGegevensleverancier": f"Vroeghulp {vroeghulp.__version__}",
        "leveringen": [{
            "teller": 1,
            "aanleverende_organisatie": {"(Statutaire) Naam": organisatie, "gemeentecode": settings.GEMEENTECODE},
            "schuldhulptrajecten": trajecten,
        }],
    }
