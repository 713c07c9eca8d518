"""Reading the municipality's figures from a CSV downloaded from CBS StatLine, forgivingly.

StatLine's "CSV" comes in several shapes: separated by ``;`` or ``,``, with or without a BOM,
periods as ``2022``, ``2022JJ00`` or ``2022*`` (provisional), regions as ``GM0344`` or a name,
numbers with a space or a dot between thousands, ``.`` for "no figure". We take the column whose
name says the period (Perioden, Jaar), the region column if there is one (only our gemeente's
rows count), and every column whose name says what it counts (``problematische`` schulden,
particuliere ``huishoudens``). An error names the line and the column, in Dutch; one error
means nothing is stored.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from vroeghulp.monitor.models import CbsOnderwerp


@dataclass(frozen=True)
class CbsRegel:
    jaar: int
    onderwerp: str
    waarde: int
    regel: int


class StatlineFout(ValueError):
    def __init__(self, fouten: list[str]):
        super().__init__("\n".join(fouten))
        self.fouten = fouten


JAAR = re.compile(r"^\s*(\d{4})(?:JJ00)?\s*\*?\s*$", re.IGNORECASE)
LEEG = {"", ".", "-", "x"}


def _onderwerp(kop: str) -> str | None:
    k = kop.lower()
    if "problematisch" in k:
        return CbsOnderwerp.PROBLEMATISCHE_SCHULDEN
    if "huishoudens" in k:
        return CbsOnderwerp.HUISHOUDENS
    return None


def _tekst(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        beste = from_bytes(data).best()
        return str(beste) if beste is not None else data.decode("latin-1")


def lees(data: bytes, gemeentecode: str, gemeentenaam: str = "") -> list[CbsRegel]:
    tekst = _tekst(data)
    if not tekst.strip():
        raise StatlineFout(["Het bestand is leeg."])
    scheiding = ";" if tekst.splitlines()[0].count(";") >= tekst.splitlines()[0].count(",") else ","
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=scheiding))
    kop = [k.strip().strip('"') for k in rijen[0]]
    periode = next((i for i, k in enumerate(kop) if re.search(r"perioden|jaar|periode", k, re.I)), None)
    regio = next((i for i, k in enumerate(kop) if re.search(r"regio", k, re.I)), None)
    kolommen = {i: o for i, k in enumerate(kop) if i not in (periode, regio) and (o := _onderwerp(k))}
    if periode is None:
        raise StatlineFout(["Regel 1: geen kolom met de periode gevonden (bijvoorbeeld 'Perioden' of 'Jaar')."])
    if not kolommen:
        raise StatlineFout(["Regel 1: geen kolom gevonden met 'problematische schulden' of 'huishoudens' in de naam."])
    onze = {f"gm{gemeentecode}".lower(), gemeentecode.lower(), gemeentenaam.strip().lower()} - {""}
    fouten, uit = [], []
    for nr, rij in enumerate(rijen[1:], start=2):
        if not any(c.strip() for c in rij):
            continue
        if regio is not None and (len(rij) <= regio or rij[regio].strip().lower() not in onze):
            continue  # another region
        if len(rij) < len(kop):
            fouten.append(f"Regel {nr}: {len(rij)} velden, de kop heeft er {len(kop)}.")
            continue
        jaar = JAAR.match(rij[periode])
        if not jaar:
            fouten.append(f"Regel {nr}, veld '{kop[periode]}': '{rij[periode].strip()}' is geen jaar "
                          "(verwacht bijvoorbeeld 2022 of 2022JJ00).")
            continue
        for i, onderwerp in kolommen.items():
            ruw = rij[i].strip()
            if ruw.lower() in LEEG:
                continue
            getal = re.sub(r"[\s.\u00a0]", "", ruw)
            if not getal.isdigit():
                fouten.append(f"Regel {nr}, veld '{kop[i]}': '{ruw}' is geen aantal (een heel getal, zoals 12345).")
                continue
            uit.append(CbsRegel(int(jaar.group(1)), onderwerp, int(getal), nr))
    if fouten:
        raise StatlineFout(fouten)
    if not uit:
        raise StatlineFout([f"Geen cijfers gevonden voor gemeente {gemeentecode}: staat de regio in het bestand?"])
    return uit
