"""BRP check for signals: is the person (still) a resident, and where does the household live?

One interface, three sources (``VROEGHULP_BRP_BRON``):

- ``haalcentraal``: the Haal Centraal BRP API Personen (BRP Bevragen v2):
  ``POST {VROEGHULP_BRP_URL}/personen`` with ``{"type": "RaadpleegMetBurgerservicenummer",
  "burgerservicenummer": [... at most 20 ...], "fields": [...]}``; API key in header
  ``X-API-Key`` (``VROEGHULP_BRP_API_KEY``), or a bearer token (``VROEGHULP_BRP_TOKEN``) from
  the municipality's API gateway. Only the fields matching needs are asked for (data
  minimisation): BSN, verblijfadres, gemeente van inschrijving, opschorting bijhouding.
- ``lokaal``: the synthetic municipality (``personen`` tables) — demo and tests. When the demo
  engineer's ``vroeghulp.personen.brp_fake`` offers a batch function ``zoek_personen(bsns)`` it
  is used; otherwise the personen tables are read set-based here (one query per chunk).
- ``uit``: no BRP check (signals keep their own address; nobody becomes "geen inwoner").

Default: ``haalcentraal`` when ``VROEGHULP_BRP_URL`` is set, ``lokaal`` in the demo and test
environments, otherwise ``uit`` — so a production system without a BRP connection never marks
every signal as "Persoon is geen inwoner (meer) in de gemeente".

The person comes back as a :class:`BrpPersoon`: never logged, never put in an error message.
When the BRP cannot be reached the call raises: matching of that chunk is rolled back and the
signals stay unmatched (``vroeghulp signalen matchen`` retries); nobody is marked "geen
inwoner" because of an outage. Persons registered in another municipality (also RNI, code 1999)
count as not found: the Wgs task is for "inwoners" (ingezetenen, Wgs art. 1).
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from typing import Iterable, Protocol

from django.conf import settings
from django.db import connection

from vroeghulp.common import instellingen
from vroeghulp.common.sql import in_lijst, kolom, tabel
from vroeghulp.personen import brp_fake
from vroeghulp.personen.models import Inwoner


@dataclass(frozen=True)
class BrpPersoon:
    bsn: str
    postcode: str = ""
    huisnummer: str = ""
    huisletter: str = ""
    toevoeging: str = ""
    inwoner_id: int | None = None
    wijk_id: int | None = None
    overleden: bool = False


class BrpBron(Protocol):
    naam: str

    def zoek_personen(self, bsns: Iterable[str]) -> dict[str, BrpPersoon]:
        """The residents of the municipality among ``bsns`` (absent = not found)."""


class GeenBrp:
    """No BRP check: nobody is looked up, nobody is declared a non-resident."""

    naam = "uit"
    controleert = False
    zonder_netwerk = True  # the intake may match while it holds the write lock

    def zoek_personen(self, bsns):
        return {}


class LokaleBrp:
    """The synthetic municipality as BRP (demo, tests). Set-based: one query per call."""

    naam = "lokaal"
    controleert = True
    zonder_netwerk = True

    @staticmethod
    def _bekend(bsns: list[str]) -> list[str]:
        """Only the BSNs the personen tables know (one plain query): the person data then comes
        from the fake, so unknown BSNs (most of a benchmark) cost almost nothing."""
        if not bsns:
            return []
        bsn = kolom(Inwoner, "bsn")
        waar, params = in_lijst(bsns)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {bsn} FROM {tabel(Inwoner)} WHERE {bsn} {waar}", params)
            return [bekend for (bekend,) in cursor.fetchall()]

    def zoek_personen(self, bsns):
        bsns = self._bekend([b for b in set(bsns) if b])
        if not bsns:
            return {}
        batch = getattr(brp_fake, "zoek_personen", None)  # the fake's batch lookup, when it has one
        if batch is not None:
            return {
                p.bsn: p for p in (van_haal_centraal(d) for d in batch(bsns).values() if d) if p.bsn
            }
        rijen = Inwoner.objects.filter(bsn__in=bsns).values_list(
            "bsn", "id", "huishouden__adres__postcode", "huishouden__adres__huisnummer",
            "huishouden__adres__huisletter", "huishouden__adres__toevoeging",
            "huishouden__adres__buurt__wijk_id",
        )
        return {
            bsn: BrpPersoon(
                bsn=bsn, postcode=pc or "", huisnummer=str(nr or ""), huisletter=letter or "",
                toevoeging=toev or "", inwoner_id=pk, wijk_id=wijk,
            )
            for bsn, pk, pc, nr, letter, toev, wijk in rijen
        }


def van_haal_centraal(persoon: dict) -> BrpPersoon:
    """A Haal Centraal BRP Personen ``Persoon`` (or the fake's dict) as BrpPersoon."""
    verblijf = (persoon.get("verblijfplaats") or {})
    adres = verblijf.get("verblijfadres") or verblijf.get("adres") or {}
    opschorting = ((persoon.get("opschortingBijhouding") or {}).get("reden") or {}).get("code")
    inwoner_id = persoon.get("inwoner_id") or persoon.get("id")
    return BrpPersoon(
        bsn=str(persoon.get("burgerservicenummer") or ""),
        postcode=str(adres.get("postcode") or ""),
        huisnummer=str(adres.get("huisnummer") or ""),
        huisletter=str(adres.get("huisletter") or ""),
        toevoeging=str(adres.get("huisnummertoevoeging") or ""),
        inwoner_id=int(inwoner_id) if str(inwoner_id or "").isdigit() else None,
        wijk_id=persoon.get("wijk_id"),
        overleden=opschorting == "O",
    )


class HaalCentraalBrp:
    """Haal Centraal BRP API Personen, RaadpleegMetBurgerservicenummer (max 20 BSNs a call)."""

    naam = "haalcentraal"
    controleert = True
    zonder_netwerk = False  # HTTP calls: matching runs after the delivery's commit
    PER_VERZOEK = 20
    VELDEN = [
        "burgerservicenummer",
        "verblijfplaats.verblijfadres.postcode",
        "verblijfplaats.verblijfadres.huisnummer",
        "verblijfplaats.verblijfadres.huisletter",
        "verblijfplaats.verblijfadres.huisnummertoevoeging",
        "gemeenteVanInschrijving",
        "opschortingBijhouding",
    ]

    def __init__(self, url: str, api_key: str = "", token: str = "", timeout: float = 10.0,
                 gemeentecode: str = ""):
        self.url = url.rstrip("/")
        self.api_key, self.token, self.timeout = api_key, token, timeout
        self.gemeentecode = gemeentecode

    def _post(self, body: dict) -> dict:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["X-API-Key"] = self.api_key
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        verzoek = urllib.request.Request(
            f"{self.url}/personen", data=json.dumps(body).encode(), headers=headers, method="POST"
        )
        with urllib.request.urlopen(verzoek, timeout=self.timeout) as antwoord:  # noqa: S310
            return json.loads(antwoord.read().decode("utf-8"))

    def zoek_personen(self, bsns):
        bsns = sorted({b for b in bsns if b})
        gevonden: dict[str, BrpPersoon] = {}
        for i in range(0, len(bsns), self.PER_VERZOEK):
            body = {"type": "RaadpleegMetBurgerservicenummer",
                    "burgerservicenummer": bsns[i:i + self.PER_VERZOEK], "fields": self.VELDEN}
            for persoon in self._post(body).get("personen", []):
                gemeente = (persoon.get("gemeenteVanInschrijving") or {}).get("code", "")
                if self.gemeentecode and gemeente and gemeente != self.gemeentecode:
                    continue  # ingeschreven in een andere gemeente: geen inwoner
                p = van_haal_centraal(persoon)
                if p.bsn:
                    gevonden[p.bsn] = p
        return gevonden


_bron_override: BrpBron | None = None


def gebruik_bron(bron: BrpBron | None) -> None:
    """Tests: replace the configured source (``None`` restores the configuration)."""
    global _bron_override
    _bron_override = bron


def bron() -> BrpBron:
    if _bron_override is not None:
        return _bron_override
    url = instellingen.tekst("VROEGHULP_BRP_URL")
    standaard = "haalcentraal" if url else ("lokaal" if settings.OMGEVING in ("demo", "test") else "uit")
    keuze = instellingen.tekst("VROEGHULP_BRP_BRON", standaard).lower()
    if keuze == "haalcentraal":
        if not url:
            raise RuntimeError("VROEGHULP_BRP_BRON=haalcentraal vraagt om VROEGHULP_BRP_URL.")
        return HaalCentraalBrp(
            url, api_key=instellingen.tekst("VROEGHULP_BRP_API_KEY"), token=instellingen.tekst("VROEGHULP_BRP_TOKEN"),
            timeout=float(instellingen.bedrag("VROEGHULP_BRP_TIMEOUT", "10")),
            gemeentecode=instellingen.tekst("GEMEENTECODE"),
        )
    if keuze == "lokaal":
        return LokaleBrp()
    return GeenBrp()
