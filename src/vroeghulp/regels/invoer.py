"""Validation of a calculation request (docs/interfaces.md section 3) into a ``Situatie``.

Every wrong field becomes one entry in ``InvoerFout.invalid_params`` with a Dutch (B1) reason, so
the API can answer with problem+json and the CLI can print the same. Plain Python, no Django.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

EERSTE_PEILDATUM = date(2024, 1, 1)
LAATSTE_PEILDATUM = date(2026, 12, 31)

ROLLEN = ("aanvrager", "partner", "kind", "medebewoner")
WONING_SOORTEN = ("huur", "koop", "geen")
PERSOON_VELDEN = {"rol", "geboortedatum", "verzekerd", "toetsingsinkomen", "netto_inkomen_per_maand"}

# Sane ranges: far above any real household, far below what the arithmetic (Decimal contexts,
# numpy int64 in OpenFisca) can hold, so no input reaches an overflow.
MAX_BEDRAG = Decimal(1_000_000_000)  # euro, per year or per month alike
MAX_KOSTENDELERS = 50
MAX_PERSONEN = 50


class InvoerFout(ValueError):
    """The request has wrong or missing fields; ``invalid_params`` lists them."""

    def __init__(self, invalid_params: list[dict]):
        self.invalid_params = invalid_params
        super().__init__("; ".join(f"{p['name']}: {p['reason']}" for p in invalid_params))


class PeildatumBuitenBereik(ValueError):
    """The peildatum lies outside the years for which the rules are encoded."""


@dataclass(frozen=True)
class Persoon:
    rol: str
    geboortedatum: date
    verzekerd: bool = True
    toetsingsinkomen: Decimal = Decimal(0)
    netto_inkomen_per_maand: Decimal = Decimal(0)
    extra: dict = field(default_factory=dict)  # other facts, for rules that need them


@dataclass(frozen=True)
class Situatie:
    peildatum: date
    personen: tuple[Persoon, ...]
    vermogen: Decimal = Decimal(0)
    woning_soort: str = "huur"
    kale_huur: Decimal = Decimal(0)
    servicekosten: Decimal = Decimal(0)
    kostendelers: int = 1
    regelingen: tuple[str, ...] | None = None
    extra: dict = field(default_factory=dict)


class _Fouten:
    def __init__(self):
        self.lijst: list[dict] = []

    def add(self, naam: str, reden: str) -> None:
        self.lijst.append({"name": naam, "reason": reden})


def _datum(waarde, naam: str, fouten: _Fouten) -> date | None:
    if isinstance(waarde, date):
        return waarde
    if not isinstance(waarde, str):
        fouten.add(naam, "Vul een datum in als JJJJ-MM-DD.")
        return None
    try:
        if len(waarde) != 10:  # fromisoformat would also accept 20260101 and week dates
            raise ValueError(waarde)
        return date.fromisoformat(waarde)
    except ValueError:
        fouten.add(naam, "Dit is geen geldige datum. Gebruik JJJJ-MM-DD, bijvoorbeeld 1990-04-01.")
        return None


def _bedrag(waarde, naam: str, fouten: _Fouten) -> Decimal:
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float, str, Decimal)):
        fouten.add(naam, "Vul een bedrag in euro's in (een getal, 0 of meer).")
        return Decimal(0)
    try:
        bedrag = Decimal(str(waarde))
    except InvalidOperation:
        fouten.add(naam, "Vul een bedrag in euro's in (een getal, 0 of meer).")
        return Decimal(0)
    if not bedrag.is_finite():
        fouten.add(naam, "Vul een bedrag in euro's in (een getal, 0 of meer).")
        return Decimal(0)
    if bedrag < 0:
        fouten.add(naam, "Het bedrag mag niet negatief zijn.")
    elif bedrag > MAX_BEDRAG:
        fouten.add(naam, "Het bedrag is te groot: vul hoogstens 1.000.000.000 euro in.")
        return Decimal(0)
    return bedrag


# Names the table of the rules fills itself; an extra fact with such a name would overwrite it.
GERESERVEERD_PERSOON = PERSOON_VELDEN | {"huishouden"}
GERESERVEERD_HUISHOUDEN = {"personen", "vermogen", "woning", "kostendelers", "kale_huur", "servicekosten",
                           "woning_soort"}
MAX_TEKST = 100


def _extra(data: dict, gereserveerd: set, pad: str, fouten: _Fouten) -> dict:
    """Other facts for rules that need them: a number (in range), true/false or a short text."""
    extra = {}
    for naam, waarde in data.items():
        if naam in gereserveerd:
            continue
        veld = f"{pad}.{naam}" if pad else naam
        if isinstance(waarde, (bool, date)) or (isinstance(waarde, str) and len(waarde) <= MAX_TEKST):
            extra[naam] = waarde
        elif isinstance(waarde, (int, float, Decimal)):
            try:
                binnen = abs(Decimal(str(waarde))) <= MAX_BEDRAG
            except (InvalidOperation, ValueError):  # NaN; an int too long to write out
                binnen = False
            if not binnen:
                fouten.add(veld, "Dit getal is te groot: vul hoogstens 1.000.000.000 in.")
            else:
                extra[naam] = waarde
        else:
            fouten.add(veld, "Vul een getal, true of false, of een korte tekst (hoogstens 100 tekens) in.")
    return extra


def _ja_nee(waarde, naam: str, fouten: _Fouten) -> bool:
    if not isinstance(waarde, bool):
        fouten.add(naam, "Vul true of false in.")
        return True
    return waarde


def _peildatum(waarde, fouten: _Fouten) -> date | None:
    """The peildatum of the request; today when none is given."""
    if waarde is None:
        return date.today()
    return _datum(waarde, "peildatum", fouten)


def controleer_bereik(peildatum: date) -> None:
    """Raise PeildatumBuitenBereik when the rules do not cover the date."""
    if not EERSTE_PEILDATUM <= peildatum <= LAATSTE_PEILDATUM:
        raise PeildatumBuitenBereik(
            f"Voor {peildatum:%d-%m-%Y} kunnen we niet rekenen. De rekenregels gelden van "
            f"{EERSTE_PEILDATUM:%d-%m-%Y} tot en met {LAATSTE_PEILDATUM:%d-%m-%Y}."
        )


def _persoon(data, i: int, peildatum: date | None, fouten: _Fouten) -> Persoon | None:
    pad = f"huishouden.personen[{i}]"
    if not isinstance(data, dict):
        fouten.add(pad, "Elke persoon is een object met ten minste 'rol' en 'geboortedatum'.")
        return None
    rol = data.get("rol")
    if rol not in ROLLEN:
        fouten.add(f"{pad}.rol", "Kies een rol: aanvrager, partner, kind of medebewoner.")
    if "geboortedatum" not in data:
        fouten.add(f"{pad}.geboortedatum", "Vul de geboortedatum in.")
        geboren = None
    else:
        geboren = _datum(data["geboortedatum"], f"{pad}.geboortedatum", fouten)
        if geboren and peildatum and geboren > peildatum:
            fouten.add(f"{pad}.geboortedatum", "De geboortedatum ligt na de peildatum.")
    verzekerd = _ja_nee(data["verzekerd"], f"{pad}.verzekerd", fouten) if "verzekerd" in data else True
    inkomen = _bedrag(data.get("toetsingsinkomen", 0), f"{pad}.toetsingsinkomen", fouten)
    netto = _bedrag(data.get("netto_inkomen_per_maand", 0), f"{pad}.netto_inkomen_per_maand", fouten)
    extra = _extra(data, GERESERVEERD_PERSOON, pad, fouten)
    if rol not in ROLLEN or geboren is None:
        return None
    return Persoon(rol, geboren, verzekerd, inkomen, netto, extra)


def valideer(verzoek, peildatum=None, bekende_regelingen=None) -> Situatie:
    """Turn a request dict into a Situatie, or raise InvoerFout / PeildatumBuitenBereik.

    ``peildatum`` (argument) wins over ``verzoek["peildatum"]``; without both it is today.
    """
    fouten = _Fouten()
    if not isinstance(verzoek, dict):
        raise InvoerFout([{"name": "", "reason": "Stuur een JSON-object met 'huishouden'."}])
    datum = _peildatum(peildatum if peildatum is not None else verzoek.get("peildatum"), fouten)
    huishouden = verzoek.get("huishouden")
    if not isinstance(huishouden, dict):
        fouten.add("huishouden", "Vul het huishouden in, met ten minste één persoon (de aanvrager).")
        raise InvoerFout(fouten.lijst)
    personen_data = huishouden.get("personen")
    personen: list[Persoon] = []
    if not isinstance(personen_data, list) or not personen_data:
        fouten.add("huishouden.personen", "Vul ten minste één persoon in: de aanvrager.")
    elif len(personen_data) > MAX_PERSONEN:
        fouten.add("huishouden.personen", f"Vul hoogstens {MAX_PERSONEN} personen in.")
    else:
        for i, data in enumerate(personen_data):
            persoon = _persoon(data, i, datum, fouten)
            if persoon:
                personen.append(persoon)
        rollen = [p.get("rol") if isinstance(p, dict) else None for p in personen_data]
        if rollen.count("aanvrager") != 1:
            fouten.add("huishouden.personen", "Er moet precies één aanvrager zijn.")
        if rollen.count("partner") > 1:
            fouten.add("huishouden.personen", "Er mag maximaal één partner zijn.")
    vermogen = _bedrag(huishouden.get("vermogen", 0), "huishouden.vermogen", fouten)
    woning = huishouden.get("woning", {})
    if not isinstance(woning, dict):
        fouten.add("huishouden.woning", "De woning is een object met 'soort' en bedragen.")
        woning = {}
    soort = woning.get("soort", "huur")
    if soort not in WONING_SOORTEN:
        fouten.add("huishouden.woning.soort", "Kies huur, koop of geen.")
    kale_huur = _bedrag(woning.get("kale_huur_per_maand", 0), "huishouden.woning.kale_huur_per_maand", fouten)
    service = _bedrag(
        woning.get("servicekosten_per_maand", 0), "huishouden.woning.servicekosten_per_maand", fouten
    )
    kostendelers = huishouden.get("kostendelers", 1)
    if isinstance(kostendelers, bool) or not isinstance(kostendelers, int) or kostendelers < 1:
        fouten.add("huishouden.kostendelers", "Vul een heel getal in van 1 of meer (de aanvrager telt mee).")
        kostendelers = 1
    elif kostendelers > MAX_KOSTENDELERS:
        fouten.add("huishouden.kostendelers", f"Vul een heel getal in van 1 tot en met {MAX_KOSTENDELERS}.")
        kostendelers = 1
    regelingen = verzoek.get("regelingen")
    if regelingen is not None:
        if not isinstance(regelingen, list) or not all(isinstance(r, str) for r in regelingen):
            fouten.add("regelingen", "Geef een lijst met namen van regelingen.")
            regelingen = None
        elif bekende_regelingen is not None:
            for j, naam in enumerate(regelingen):
                if naam not in bekende_regelingen:
                    fouten.add(
                        f"regelingen[{j}]",
                        f"Onbekende regeling '{naam}'. Kies uit: {', '.join(sorted(bekende_regelingen))}.",
                    )
    extra = _extra(huishouden, GERESERVEERD_HUISHOUDEN, "huishouden", fouten)
    if fouten.lijst:
        raise InvoerFout(fouten.lijst)
    controleer_bereik(datum)
    return Situatie(
        peildatum=datum,
        personen=tuple(personen),
        vermogen=vermogen,
        woning_soort=soort,
        kale_huur=kale_huur,
        servicekosten=service,
        kostendelers=kostendelers,
        regelingen=tuple(dict.fromkeys(regelingen)) if regelingen is not None else None,
        extra=extra,
    )
