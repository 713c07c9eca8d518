"""Import of a debt list (CSV or XLSX) into a traject, all or nothing (issue 12, point 3).

Columns (Dutch headers; case, spaces and punctuation do not matter): schuldeiser, soort,
kenmerk, bedrag, ontstaansdatum, status, preferent. Only schuldeiser and bedrag are required.

The file is read with the signal intake's readers (``signalering.intake.lezen``: encodings, ``;``
``,`` tab or ``|``, the zip-bomb check of an XLSX, empty rows, broken quotes, the row limit), so
a debt list is read exactly as a delivery of signals is. Every row is checked with the same
checks as the debt form (``schulden.controleer``); the report names the row, the field and the
Dutch reason, like the intake's report. A file with any error stores nothing; a file without
errors is stored in one transaction (``schulden.opslaan``).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vroeghulp.schuldhulp import schulden, workflow
from vroeghulp.schuldhulp.models import Schuld, Schuldbron, Schuldeisersoort, Schuldstatus
from vroeghulp.signalering import services as signalering
from vroeghulp.signalering.intake import normaliseren
from vroeghulp.signalering.intake.codes import Weigering

MAX_BYTES = 5 * 1024 * 1024  # a household's debt list is a few kB; 5 MB leaves room for formatting
MAX_RIJEN = 1_000

KOLOMMEN = ("schuldeiser", "soort", "kenmerk", "bedrag", "ontstaansdatum", "status", "preferent")
VERPLICHT = ("schuldeiser", "bedrag")
# Other names municipalities and the Vorderingenoverzicht use for a column (after ``_sleutel``).
_ALIASSEN = {
    "schuldeiser": ("schuldeiser", "naamschuldeiser", "crediteur", "naamcrediteur", "eiser"),
    "soort": ("soort", "soortschuldeiser", "type", "typeschuldeiser"),
    "kenmerk": ("kenmerk", "dossiernummer", "referentie", "factuurnummer", "kenmerkschuldeiser"),
    "bedrag": ("bedrag", "bedrageuro", "bedragineuro", "bedrageur", "openstaandbedrag", "schuldbedrag"),
    "ontstaansdatum": ("ontstaansdatum", "ontstaan", "ontstaanop", "datumontstaan", "datum"),
    "status": ("status",),
    "preferent": ("preferent", "preferentconcurrent"),
}
_KOP = {alias: kolom for kolom, aliassen in _ALIASSEN.items() for alias in aliassen}

# The intake's refusals in the words of a debt list (the others are the intake's own texts).
_WEIGERINGEN = {
    "leeg": gettext_lazy("Het bestand is leeg."),
    "te_groot": gettext_lazy("Het bestand is te groot (hooguit 5 MB)."),
    "te_veel_signalen": gettext_lazy("Het bestand heeft te veel regels (hooguit 1.000 schulden)."),
    "geen_kopregel": gettext_lazy("Het bestand heeft geen kopregel met kolomnamen."),
    "geen_tabel": gettext_lazy("Dit bestand is geen tabel die wij kunnen lezen. Gebruik CSV of Excel (.xlsx)."),
}


def _sleutel(tekst) -> str:
    """'Ontstaans-datum ', 'BEDRAG (€)' -> 'ontstaansdatum', 'bedrag': letters and digits only."""
    tekst = unicodedata.normalize("NFKD", str(tekst or "")).casefold()
    return "".join(teken for teken in tekst if teken.isascii() and teken.isalnum())


_SOORTEN = {**{_sleutel(s.value): s.value for s in Schuldeisersoort},
            **{_sleutel(s.label): s.value for s in Schuldeisersoort},
            "deurwaarder": Schuldeisersoort.DEURWAARDER, "energie": Schuldeisersoort.ENERGIE,
            "water": Schuldeisersoort.WATER, "toeslagen": Schuldeisersoort.DIENST_TOESLAGEN}
_STATUSSEN = {**{_sleutel(s.value): s.value for s in Schuldstatus}, **{_sleutel(s.label): s.value for s in Schuldstatus}}
_PREFERENT = {"preferent": True, "p": True, "concurrent": False, "c": False}
_STREEPJE = re.compile(r"[,.]-{1,2}$")  # "€ 1.250,-" (whole euros)
_TE_VEEL_DECIMALEN = re.compile(r"^\d+,\d{3,}$", re.ASCII)  # "12,345": a Dutch comma, three decimals


@dataclass(frozen=True)
class Regelfout:
    rij: int  # as the spreadsheet shows it (the header is row 1)
    veld: str
    melding: str


@dataclass
class Verslag:
    """What the import did: stored everything (``opgeslagen``) or nothing (``fouten`` or ``weigering``)."""

    bestandsnaam: str = ""
    formaat: str = ""
    rijen: int = 0
    opgeslagen: int = 0
    fouten: list[Regelfout] = field(default_factory=list)
    weigering: str = ""  # the whole file could not be read
    waarschuwingen: list[str] = field(default_factory=list)
    schulden: list = field(default_factory=list)

    @property
    def gelukt(self) -> bool:
        return not self.weigering and not self.fouten


# --- reading ------------------------------------------------------------------------------------

def _rijen(data: bytes, bestandsnaam: str) -> tuple[str, object]:
    """-> (format, iterator of (row number, cells)); Weigering when the file is unreadable."""
    if len(data) > MAX_BYTES:
        raise Weigering("te_groot")
    if not data.strip():
        raise Weigering("leeg")
    return signalering.lees_tabel(data, bestandsnaam, max_rijen=MAX_RIJEN)


def _kolommen(kop) -> tuple[dict[str, int], list[str]]:
    """Column name -> position, and the names we do not know; Weigering-like errors as text."""
    posities, onbekend = {}, []
    for positie, naam in enumerate(kop):
        kolom = _KOP.get(_sleutel(naam))
        if kolom is None:
            if not normaliseren.is_leeg(naam) and str(naam).strip():
                onbekend.append(normaliseren.toonbaar(str(naam).strip())[:60])
        elif kolom in posities:
            raise ValueError(_("De kolom ‘%(kolom)s’ staat er twee keer in (kolom %(a)d en %(b)d).")
                             % {"kolom": kolom, "a": posities[kolom] + 1, "b": positie + 1})
        else:
            posities[kolom] = positie
    ontbreekt = [k for k in VERPLICHT if k not in posities]
    if ontbreekt:
        raise ValueError(_("Deze kolom ontbreekt: %(kolommen)s. De kopregel moet minstens ‘schuldeiser’ en "
                           "‘bedrag’ hebben.") % {"kolommen": ", ".join(ontbreekt)})
    return posities, onbekend


# --- one cell --------------------------------------------------------------------------------------

def _als_tekst(cel) -> str:
    """Text of a cell; Excel turns a reference like 12345678 into the float 12345678.0."""
    if cel is None:
        return ""
    if isinstance(cel, float) and cel.is_integer() and abs(cel) < 1e15:
        return str(int(cel))
    return str(cel)


def lees_bedrag(cel) -> Decimal:
    """An amount as a person or a spreadsheet writes it (also the debt form): 1.250,50, 1250.50, € 1.250,-, floats."""
    if isinstance(cel, str):
        cel = _STREEPJE.sub("", cel.strip())
    if normaliseren.is_leeg(cel):
        raise schulden.Veldfout("bedrag", _("Het bedrag ontbreekt. Vul een bedrag in euro's in."))
    getal, code = normaliseren.bedrag(cel)
    if code == "bedrag_niet_positief":
        raise schulden.Veldfout("bedrag", _("Het bedrag moet meer zijn dan 0 euro."))
    if code == "bedrag_te_hoog":
        raise schulden.Veldfout("bedrag", _("Het bedrag is te hoog: hooguit 1.000.000.000 euro."))
    if code and isinstance(cel, str) and _TE_VEEL_DECIMALEN.match(cel.replace("€", "").strip()):
        raise schulden.Veldfout("bedrag", _("Het bedrag heeft meer dan 2 cijfers achter de komma. Vul hele centen in."))
    if code:
        raise schulden.Veldfout("bedrag", _("Het bedrag is geen bedrag. Gebruik bijvoorbeeld 1.250,50 of 1250.50."))
    return schulden.controleer_bedrag(getal)


def _datum(cel) -> date | None:
    if normaliseren.is_leeg(cel):
        return None
    if isinstance(cel, datetime):
        cel = cel.date()
    waarde, code = normaliseren.datum(cel)
    if code:
        raise schulden.Veldfout("ontstaansdatum", _("De ontstaansdatum is geen datum. Gebruik dd-mm-jjjj of jjjj-mm-dd, "
                                                    "bijvoorbeeld 31-01-2025."))
    return waarde


def _keuze(cel, tabel: dict, *, veld: str, leeg, melding: str):
    tekst = _als_tekst(cel)
    if not tekst.strip():
        return leeg
    gevonden = tabel.get(_sleutel(tekst))
    if gevonden is None:
        raise schulden.Veldfout(veld, melding)
    return gevonden


def _preferent(cel) -> bool | None:
    if normaliseren.is_leeg(cel):
        return None  # by the kind of creditor
    tekst = _als_tekst(cel).strip().casefold()
    if tekst in _PREFERENT:
        return _PREFERENT[tekst]
    waarde, code = normaliseren.boolean(cel if not isinstance(cel, str) else tekst)
    if code:
        raise schulden.Veldfout("preferent", _("Vul bij preferent ja of nee in (of preferent / concurrent)."))
    return waarde


# --- the whole file --------------------------------------------------------------------------------

def _regel(cellen, posities: dict) -> tuple[schulden.Schuldgegevens | None, list[tuple[str, str]]]:
    """One row checked field by field: every error of the row, not only the first."""
    def cel(kolom):
        positie = posities.get(kolom)
        return cellen[positie] if positie is not None and positie < len(cellen) else None

    waarden, fouten = {}, []
    stappen = {
        "schuldeiser": lambda: schulden.controleer_tekst(_als_tekst(cel("schuldeiser")), veld="schuldeiser", verplicht=True),
        "soort": lambda: _keuze(cel("soort"), _SOORTEN, veld="soort", leeg=Schuldeisersoort.OVERIG,
                                melding=_("Deze soort schuldeiser kennen wij niet. Gebruik bijvoorbeeld CJIB, DUO, "
                                          "Belastingdienst, verhuurder, energie, water, gemeente, deurwaarder of overig.")),
        "kenmerk": lambda: schulden.controleer_tekst(_als_tekst(cel("kenmerk")), veld="kenmerk"),
        "bedrag": lambda: lees_bedrag(cel("bedrag")),
        "ontstaansdatum": lambda: schulden.controleer_datum(_datum(cel("ontstaansdatum"))),
        "status": lambda: _keuze(cel("status"), _STATUSSEN, veld="status", leeg=Schuldstatus.OPEN,
                                 melding=_("Deze status kennen wij niet. Gebruik open, betalingsregeling, beslag, "
                                           "in verzet, betwist of betaald.")),
        "preferent": lambda: _preferent(cel("preferent")),
    }
    for kolom, stap in stappen.items():
        try:
            waarden[kolom] = stap()
        except schulden.Veldfout as fout:
            fouten.append((fout.veld, fout.melding))
    if fouten:
        return None, fouten
    return schulden.controleer(**waarden), []


def _dubbel_sleutel(g: schulden.Schuldgegevens) -> tuple:
    return (g.schuldeiser.casefold(), g.soort, g.kenmerk.casefold(), g.bedrag)


def lees_en_controleer(data: bytes, bestandsnaam: str = "", *, bestaand: set | None = None
                       ) -> tuple[Verslag, list[schulden.Schuldgegevens]]:
    """Read and check every row; store nothing. ``bestaand``: the keys of the traject's debts."""
    verslag = Verslag(bestandsnaam=normaliseren.toonbaar(bestandsnaam)[:200])
    try:
        verslag.formaat, rijen = _rijen(data, bestandsnaam)
        try:
            _kop_nummer, kop = next(rijen)
        except StopIteration:
            raise Weigering("geen_kopregel") from None
        posities, onbekend = _kolommen(kop)
        gegevens, eerder = [], {}
        for nummer, cellen in rijen:
            verslag.rijen += 1
            if len(cellen) > len(kop) and any(not normaliseren.is_leeg(c) for c in cellen[len(kop):]):
                verslag.fouten.append(Regelfout(nummer, "", _("Deze regel heeft meer kolommen dan de kopregel. Staat er "
                                                              "een scheidingsteken in een waarde zonder aanhalingstekens?")))
                continue
            g, fouten = _regel(cellen, posities)
            verslag.fouten += [Regelfout(nummer, veld, melding) for veld, melding in fouten]
            if g is None:
                continue
            sleutel = _dubbel_sleutel(g)
            if sleutel in eerder:
                verslag.fouten.append(Regelfout(nummer, "", _("Deze schuld staat al op regel %(rij)d (zelfde schuldeiser, "
                                                              "kenmerk en bedrag).") % {"rij": eerder[sleutel]}))
            elif sleutel in (bestaand or set()):
                verslag.fouten.append(Regelfout(nummer, "", _("Deze schuld staat al in het overzicht (zelfde schuldeiser, "
                                                              "kenmerk en bedrag).")))
            else:
                eerder[sleutel] = nummer
                gegevens.append(g)
    except Weigering as weigering:
        verslag.weigering = str(_WEIGERINGEN.get(weigering.code) or weigering.titel)
        if weigering.detail and weigering.code not in _WEIGERINGEN:
            verslag.weigering += f" ({weigering.detail})"
        return verslag, []
    except ValueError as fout:  # the header (``_kolommen``)
        verslag.weigering = str(fout)
        return verslag, []
    if onbekend:
        verslag.waarschuwingen.append(_("Deze kolommen kennen wij niet; wij hebben ze overgeslagen: %(kolommen)s.")
                                      % {"kolommen": ", ".join(onbekend)})
    if not verslag.rijen and not verslag.fouten:
        verslag.weigering = _("Het bestand heeft alleen een kopregel en geen schulden.")
    return verslag, gegevens


def importeer(traject, data: bytes, bestandsnaam: str = "", *, door) -> Verslag:
    """Check the whole file; store all its debts in one transaction, or none when any row is wrong."""
    traject_id = workflow.toegang(traject, door)
    bestaand = {
        (naam.casefold(), soort, kenmerk.casefold(), bedrag)
        for naam, soort, kenmerk, bedrag in Schuld.objects.filter(traject_id=traject_id).values_list(
            "schuldeiser__naam", "schuldeiser__soort", "kenmerk", "bedrag")}
    verslag, gegevens = lees_en_controleer(data, bestandsnaam, bestaand=bestaand)
    if verslag.gelukt:
        verslag.schulden = schulden.opslaan(traject_id, gegevens, door=door, bron=Schuldbron.IMPORT,
                                            toelichting=f"Schuldenlijst ingelezen: {len(gegevens)} schuld(en)")
        verslag.opgeslagen = len(verslag.schulden)
    return verslag
