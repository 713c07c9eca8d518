"""Worklists: the open cases of the wijken of a user's teams, filtered and sorted by urgency.

Urgency order: warm handovers first (someone the resident trusts is waiting for us), then the
nearest deadline (overdue first), crisis before the rest, then the oldest matching date.
``Vroegsignaalzaak.deadline`` is stored (zaken.termijnen) so this is one indexed sort.
"""

from datetime import timedelta
from typing import NamedTuple

from django import forms
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.models import Kanaal, PartnerType, Vroegsignaal
from vroeghulp.zaken import namen
from vroeghulp.zaken.models import OPEN_STATUSSEN, Matchsoort, Vroegsignaalzaak, Zaakstatus

PER_PAGINA = 50
# Counting stops here: "more than 1,000" is all a caseworker needs, and an exact count of a
# filtered 50,000 would cost more than the page itself. The walk stops at 1,001 matches.
MAX_TELLING = 1000
AFGESLOTEN_DAGEN = 92

URGENTIE = (
    F("warme_overdracht").desc(),
    F("sorteerdatum").asc(),  # = deadline, cases without one last; see zaken_urgentie_idx
    F("crisis").desc(),
    F("matchingsdatum").asc(),
    F("id").asc(),
)


def _keuzes(leeg, keuzes):
    return [("", leeg)] + list(keuzes)


class WerkvoorraadFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=_keuzes(_("Alle open zaken"), [(s.value, s.label) for s in OPEN_STATUSSEN]
                        + [("afgesloten", _("Afgesloten (laatste 3 maanden)"))]),
    )
    signaaltype = forms.ChoiceField(label=_("Soort signaal"), required=False,
                                    choices=_keuzes(_("Alle soorten"), PartnerType.choices))
    crisis = forms.ChoiceField(label=_("Crisis"), required=False,
                               choices=[("", _("Alle")), ("ja", _("Alleen crisis")), ("nee", _("Geen crisis"))])
    soort = forms.ChoiceField(label=_("Enkel- of meervoudig"), required=False,
                              choices=_keuzes(_("Alle"), Matchsoort.choices))
    termijn = forms.ChoiceField(label=_("Uiterste datum"), required=False, choices=[
        ("", _("Alle")), ("verlopen", _("Te laat")), ("week", _("Binnen een week")),
    ])
    toegewezen = forms.ChoiceField(label=_("Toegewezen aan"), required=False, choices=[
        ("", _("Iedereen")), ("mij", _("Mij")), ("niemand", _("Nog niemand")),
    ])
    wijk = forms.TypedChoiceField(label=_("Wijk"), required=False, coerce=int, empty_value=None)
    bedrag_min = forms.DecimalField(label=_("Bedrag vanaf (€)"), required=False, min_value=0, decimal_places=2)
    bedrag_max = forms.DecimalField(label=_("Bedrag tot en met (€)"), required=False, min_value=0, decimal_places=2)
    warme_overdracht = forms.BooleanField(label=_("Alleen warme overdracht"), required=False)
    zelfmelding = forms.BooleanField(label=_("Alleen zelfmeldingen"), required=False)
    pagina = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = _keuzes(_("Al mijn wijken"), [(w.pk, w.naam) for w in wijken])
        for naam, veld in self.fields.items():
            if isinstance(veld.widget, forms.Select):
                veld.widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
            elif isinstance(veld.widget, forms.CheckboxInput):
                veld.widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
            elif not isinstance(veld.widget, forms.HiddenInput):
                veld.widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"


def zaken_voor(user):
    """All cases this user may see (the wijken of their teams), nothing else."""
    return Vroegsignaalzaak.objects.filter(wijk_id__in=user.wijk_ids())


def filter_toepassen(qs, data: dict, user):
    vandaag = timezone.localdate()
    status = data.get("status")
    if status == "afgesloten":
        qs = qs.filter(status__in=[Zaakstatus.AFGEROND, Zaakstatus.NIET_OPGEPAKT],
                       datum_afgerond__gte=vandaag - timedelta(days=AFGESLOTEN_DAGEN))
    elif status:
        qs = qs.filter(status=status)
    else:
        qs = qs.filter(status__in=OPEN_STATUSSEN)
    if data.get("signaaltype"):
        # A correlated EXISTS keeps the walk over the urgency index (stops after one page);
        # an IN (subquery) would make the database fetch and sort every case of that type.
        qs = qs.filter(Exists(Vroegsignaal.objects.filter(zaak_id=OuterRef("pk"), partner__type=data["signaaltype"])))
    if data.get("crisis") == "ja":
        qs = qs.filter(crisis=True)
    elif data.get("crisis") == "nee":
        qs = qs.filter(crisis=False)
    if data.get("soort"):
        qs = qs.filter(matchsoort=data["soort"])
    # On the sort key (= deadline; none = 9999-12-31), so the urgency index is walked in order
    # and the walk stops after one page: overdue cases are at its start.
    if data.get("termijn") == "verlopen":
        qs = qs.filter(sorteerdatum__lt=vandaag)
    elif data.get("termijn") == "week":
        qs = qs.filter(sorteerdatum__lte=vandaag + timedelta(days=7))
    if data.get("toegewezen") == "mij":
        qs = qs.filter(toegewezen_aan=user)
    elif data.get("toegewezen") == "niemand":
        qs = qs.filter(toegewezen_aan__isnull=True)
    if data.get("wijk"):
        qs = qs.filter(wijk_id=data["wijk"])
    if data.get("bedrag_min") is not None:
        qs = qs.filter(totaal_bedrag__gte=data["bedrag_min"])
    if data.get("bedrag_max") is not None:
        qs = qs.filter(totaal_bedrag__lte=data["bedrag_max"])
    if data.get("warme_overdracht"):
        # a self-referral is marked warm to come on top; it is no handover by someone else
        qs = qs.filter(warme_overdracht=True).exclude(id__in=signalering.zaken_met_alleen_zelfmeldingen())
    if data.get("zelfmelding"):
        qs = qs.filter(id__in=signalering.zaken_met_zelfmelding())
    return qs


def volgorde(data: dict):
    """Urgency for open cases; the most recently closed first for closed ones."""
    if data.get("status") == "afgesloten":
        return (F("datum_afgerond").desc(), F("id").desc())
    return URGENTIE


def pagina(qs, nummer: int, orde=URGENTIE):
    """One page of cases with what the rows show (a fixed number of queries per page).

    Returns (count, rows); the count is capped at ``MAX_TELLING + 1``."""
    from vroeghulp.zaken.models import Contactpoging

    nummer = max(1, min(nummer or 1, MAX_TELLING // PER_PAGINA))
    totaal = qs.order_by()[: MAX_TELLING + 1].count()
    rijen = list(
        qs.order_by(*orde)
        .select_related("inwoner", "wijk", "toegewezen_aan")
        .prefetch_related(
            Prefetch("signalen", queryset=Vroegsignaal.objects.select_related("partner").only(
                "id", "zaak_id", "bedrag", "partner__type", "partner__naam", "crisissignaal", "warme_overdracht")),
            Prefetch("contactpogingen", queryset=Contactpoging.objects.only(
                "id", "zaak_id", "soort", "dagdeel", "bereikt", "datum")),
        )[(nummer - 1) * PER_PAGINA: nummer * PER_PAGINA]
    )
    return totaal, rijen


def tellingen(user) -> dict:
    """Counts for the home screen (no personal data)."""
    vandaag = timezone.localdate()
    return zaken_voor(user).filter(status__in=OPEN_STATUSSEN).aggregate(
        open=Count("id"),
        mij=Count("id", filter=Q(toegewezen_aan=user)),
        niemand=Count("id", filter=Q(toegewezen_aan__isnull=True)),
        te_laat=Count("id", filter=Q(deadline__lt=vandaag)),
        crisis=Count("id", filter=Q(crisis=True, status=Zaakstatus.NIEUW)),
        warm=Count("id", filter=Q(warme_overdracht=True, status=Zaakstatus.NIEUW)
                   & ~Q(id__in=signalering.zaken_met_alleen_zelfmeldingen())),
        zelfmelding=Count("id", filter=Q(status=Zaakstatus.NIEUW, id__in=signalering.zaken_met_zelfmelding())),
    )


def velden(form) -> list[dict]:
    """The filter form as plain data: the template writes the controls itself, which is several
    times cheaper than Django's per-option widget templates (the worklist is the busiest page)."""
    uit = []
    for veld in form.visible_fields():
        f = veld.field
        waarde = veld.value()
        waarde = "" if waarde is None else str(waarde)
        item = {"id": veld.auto_id, "naam": veld.html_name, "label": f.label, "waarde": waarde}
        if isinstance(f.widget, forms.CheckboxInput):
            item["soort"] = "checkbox"
            item["aan"] = waarde.lower() in ("on", "true", "1")
        elif isinstance(f.widget, forms.Select):
            item["soort"] = "select"
            item["opties"] = [(str(k), v, str(k) == waarde) for k, v in f.choices]
        else:
            item["soort"] = "number"
        uit.append(item)
    return uit



def _geld(bedrag) -> str:
    return f"{int(round(bedrag)):,}".replace(",", ".")


class Poging(NamedTuple):
    soort: str
    dagdeel: str
    bereikt: bool


class Rij(NamedTuple):
    """One worklist row as plain values; ``_werkvoorraad_rij.html`` renders it."""

    pk: int
    naam: str
    wijk: str
    typen: list
    bedrag: str
    soort: str
    status: str
    pogingen: int
    toegewezen: str
    deadline: object
    termijn: str
    te_laat: bool
    warm: bool
    crisis: bool
    stap: str
    zelfmelding: bool = False  # a signal of the case is the resident's own request (Kanaal.ZELFMELDING)


def _labels(keuzes) -> dict:
    return {waarde: str(label) for waarde, label in keuzes}


def rijen_snel(qs, nummer: int, orde, vandaag) -> tuple[int, list[Rij], int]:
    """The worklist page without model instances: three queries of plain values (on the busiest
    page several times cheaper than ORM objects with related lookups)."""
    from vroeghulp.zaken.models import Contactpoging, DeadlineSoort, Matchsoort as M
    from vroeghulp.zaken.suggestie import volgende_stap

    totaal = qs.order_by()[: MAX_TELLING + 1].count()
    laatste = max(1, -(-min(totaal, MAX_TELLING) // PER_PAGINA))
    nummer = max(1, min(nummer or 1, laatste))
    waarden = list(qs.order_by(*orde).values(
        "id", "status", "crisis", "warme_overdracht", "totaal_bedrag", "matchsoort", "deadline",
        "deadline_soort", "inwoner_id", "inwoner__voorletters", "inwoner__voorvoegsel", "inwoner__achternaam",
        "wijk__naam", "toegewezen_aan_id", "toegewezen_aan__first_name", "toegewezen_aan__last_name",
        "toegewezen_aan__username",
    )[(nummer - 1) * PER_PAGINA: nummer * PER_PAGINA])
    ids = [w["id"] for w in waarden]
    typen: dict[int, set] = {}
    signaalnamen: dict[int, list] = {}  # for cases not (yet) linked to a BRP person (zaken.namen)
    met_zelfmelding: set[int] = set()  # cases with a self-referral (the resident's own request)
    for zaak_id, type_, kanaal, *naam in Vroegsignaal.objects.filter(zaak_id__in=ids).order_by("id").values_list(
            "zaak_id", "partner__type", "aanlevering__kanaal", *namen.VELDEN):
        typen.setdefault(zaak_id, set()).add(type_)
        signaalnamen.setdefault(zaak_id, []).append(naam)
        if kanaal == Kanaal.ZELFMELDING:
            met_zelfmelding.add(zaak_id)
    pogingen: dict[int, list] = {}
    for zaak_id, soort, dagdeel, bereikt in Contactpoging.objects.filter(zaak_id__in=ids).order_by(
            "datum", "id").values_list("zaak_id", "soort", "dagdeel", "bereikt"):
        pogingen.setdefault(zaak_id, []).append(Poging(soort, dagdeel, bereikt))

    status_label = _labels(Zaakstatus.choices)
    soort_label = {k: v.lower() for k, v in _labels(M.choices).items()}
    termijn_label = _labels(DeadlineSoort.choices)
    uit = []
    for w in waarden:
        pk = w["id"]
        eigen = pogingen.get(pk, [])
        deadline = w["deadline"]
        inwoner = tuple(w[f"inwoner__{v}"] for v in namen.VELDEN) if w["inwoner_id"] else None
        naam = namen.op_scherm(namen.kies(inwoner, signaalnamen.get(pk, ())), pk)
        toegewezen = ""
        if w["toegewezen_aan_id"]:
            toegewezen = (f'{w["toegewezen_aan__first_name"]} {w["toegewezen_aan__last_name"]}'.strip()
                          or w["toegewezen_aan__username"])
        uit.append(Rij(
            pk=pk, naam=naam, wijk=w["wijk__naam"] or "", typen=sorted(typen.get(pk, ())),
            # a self-referral need not name an amount: no "€ 0" for a case that has none
            bedrag="" if pk in met_zelfmelding and not w["totaal_bedrag"] else _geld(w["totaal_bedrag"]),
            soort=soort_label.get(w["matchsoort"], ""),
            status=status_label[w["status"]], pogingen=len(eigen), toegewezen=toegewezen,
            deadline=deadline, termijn=termijn_label.get(w["deadline_soort"], ""),
            te_laat=deadline is not None and deadline < vandaag, warm=w["warme_overdracht"],
            crisis=w["crisis"], stap=volgende_stap(_Status(w["status"]), eigen), zelfmelding=pk in met_zelfmelding,
        ))
    return totaal, uit, nummer


class _Status(NamedTuple):
    status: str
