"""Synthetic households: addresses, persons, ages, composition and net incomes (numpy, in bulk).

Composition and incomes are plausible for a Dutch city, not a statistical model:
- household types after CBS figures for large cities: about half are single, a fifth couples
  without children, a sixth families, 7% single parents; focus areas have more single parents;
- ``kostendelers``: several adults sharing a home (peers, or a parent with an adult child);
- net monthly income per adult from its main source: work (log-normal, median about
  EUR 2,700 times the wijk's ``welvaart``; lower in focus areas), a benefit (around the
  bijstand/WW level), student finance, AOW plus pension from 67, or none (partners and
  housemates only). Focus areas have more benefits and lower wages (see ``_inkomen``).
"""

import datetime
import unicodedata

import numpy as np
from django.utils.translation import gettext as _

from vroeghulp.demo import bulk, namen
from vroeghulp.demo.bsn import synthetische_bsns
from vroeghulp.gebieden import utrecht
from vroeghulp.gebieden.models import Buurt
from vroeghulp.gebieden.services import buurt_aandelen, postcodes_per_buurt
from vroeghulp.personen.models import Adres, Huishouden, Inwoner, Rol

ALLEENSTAAND, PAAR, GEZIN, EENOUDER, KOSTENDELERS = range(5)
KANS_TYPE = (0.47, 0.22, 0.17, 0.07, 0.07)
KANS_TYPE_FOCUS = (0.50, 0.13, 0.16, 0.14, 0.07)
AOW_LEEFTIJD = 67
# Chance that a building is a flat of 4-12 homes: about 55% of homes city-wide, 80% in focus areas.
KANS_FLAT, KANS_FLAT_FOCUS = 0.15, 0.35


def vul(ctx) -> None:
    aantal = int(ctx.opties["huishoudens"])
    if aantal <= 0:
        return
    rng = ctx.rng_voor("huishoudens")
    buurten = {b.code: b for b in Buurt.objects.filter(wijk__gemeente=ctx.gemeente).select_related("wijk")}
    data = [b for _, b in utrecht.alle_buurten()]
    focus_per_buurt = np.array([buurten[b.code].wijk.focusgebied for b in data])
    welvaart_per_buurt = np.array([w.welvaart for w in utrecht.WIJKEN for _ in w.buurten])

    buurt_idx = np.sort(rng.choice(len(data), size=aantal, p=buurt_aandelen()))
    focus = focus_per_buurt[buurt_idx]

    adressen = _adressen(data, buurten, buurt_idx, focus, rng)
    adres_ids = bulk.voeg_toe(Adres, adressen, bulk.volgende_id(Adres))
    huishouden_ids = bulk.voeg_toe(Huishouden, {"adres_id": list(adres_ids)}, bulk.volgende_id(Huishouden))
    personen = _personen(
        np.asarray(huishouden_ids), focus, welvaart_per_buurt[buurt_idx], rng, ctx.peildatum
    )
    bulk.voeg_toe(Inwoner, personen, bulk.volgende_id(Inwoner))
    bulk.herstel_reeksen(Adres, Huishouden, Inwoner)
    ctx.meld(_("%(huishoudens)d huishoudens met %(inwoners)d inwoners aangemaakt.")
             % {"huishoudens": aantal, "inwoners": len(personen["bsn"])})


def _adressen(data, buurten, buurt_idx, focus, rng) -> dict:
    """One address per household; each street of a buurt gets its own run of postcodes.

    Buildings are houses, upstairs/downstairs homes (12A/12B or 12/12-bis, as in Utrecht's older
    neighbourhoods) or flats (12-1 ... 12-8); a building never straddles two postcodes.
    """
    postcodes = postcodes_per_buurt()
    kolommen = {k: [] for k in ("postcode", "huisnummer", "huisletter", "toevoeging",
                                "straatnaam", "plaatsnaam", "buurt_id")}
    aantallen = np.bincount(buurt_idx, minlength=len(data))
    worp = rng.random(len(buurt_idx)).tolist()
    flat_grootte = rng.integers(4, 13, size=len(buurt_idx)).tolist()
    focus = focus.tolist()
    k = 0
    for i, buurt in enumerate(data):
        n = int(aantallen[i])
        if not n:
            continue
        straten = buurt.straten or (buurt.naam,)
        pcs = postcodes[buurt.code]
        buurt_id = buurten[buurt.code].id
        per_straat = np.array_split(np.arange(n), len(straten))
        pc_groepen = np.array_split(np.arange(len(pcs)), len(straten))
        for straat, posities, pc_groep in zip(straten, per_straat, pc_groepen):
            per_pc = -(-len(posities) // len(pc_groep)) if len(posities) else 1
            huisnummer, eenheden = -1, []
            for j in range(len(posities)):
                if not eenheden:  # a new building; it has one postcode
                    huisnummer += 2
                    eenheden = _gebouw(worp[k], flat_grootte[k], focus[k])
                    postcode = pcs[pc_groep[min(j // per_pc, len(pc_groep) - 1)]]
                letter, toevoeging = eenheden.pop(0)
                kolommen["postcode"].append(postcode)
                kolommen["huisnummer"].append(huisnummer)
                kolommen["huisletter"].append(letter)
                kolommen["toevoeging"].append(toevoeging)
                kolommen["straatnaam"].append(straat)
                kolommen["plaatsnaam"].append(buurt.plaatsnaam)
                kolommen["buurt_id"].append(buurt_id)
                k += 1
    return kolommen


def _gebouw(worp: float, flat_grootte: int, focus: bool) -> list[tuple[str, str]]:
    """The homes of one building as (huisletter, toevoeging) pairs."""
    if worp < (KANS_FLAT_FOCUS if focus else KANS_FLAT):
        return [("", str(n)) for n in range(1, flat_grootte + 1)]
    if worp > 0.96:
        return [("A", ""), ("B", "")]
    if worp > 0.92:
        return [("", ""), ("", "bis")]
    return [("", "")]


def _kies(rng, focus, kans, kans_focus):
    """Per row a category index, drawn from ``kans`` or (in a focus area) ``kans_focus``."""
    u = rng.random(len(focus))
    normaal = np.searchsorted(np.cumsum(kans), u * 0.999999)
    speciaal = np.searchsorted(np.cumsum(kans_focus), u * 0.999999)
    return np.where(focus, speciaal, normaal)


def _personen(huishouden_ids, focus, welvaart, rng, peildatum: datetime.date) -> dict:
    n = len(huishouden_ids)
    soort = _kies(rng, focus, KANS_TYPE, KANS_TYPE_FOCUS)
    partner = np.isin(soort, (PAAR, GEZIN)).astype(int)
    kinderen = np.zeros(n, dtype=int)
    gezin, eenouder, kd = soort == GEZIN, soort == EENOUDER, soort == KOSTENDELERS
    kinderen[gezin] = rng.choice([1, 2, 3, 4], size=gezin.sum(), p=[0.35, 0.42, 0.17, 0.06])
    kinderen[eenouder] = rng.choice([1, 2, 3], size=eenouder.sum(), p=[0.55, 0.33, 0.12])
    mede = np.zeros(n, dtype=int)
    mede[kd] = rng.choice([1, 2, 3], size=kd.sum(), p=[0.6, 0.3, 0.1])
    ouder_kind = kd & (rng.random(n) < 0.5)  # a parent with adult children, else peers
    grootte = 1 + partner + kinderen + mede

    # Age of the main resident per household type.
    leeftijd_h = np.empty(n)
    jong = rng.random(n) < 0.45
    leeftijd_h[:] = np.where(jong, rng.normal(28, 5, n), rng.normal(55, 16, n))
    leeftijd_h[soort == PAAR] = np.clip(rng.normal(47, 16, (soort == PAAR).sum()), 21, 95)
    leeftijd_h[gezin] = rng.normal(41, 7, gezin.sum())
    leeftijd_h[eenouder] = rng.normal(39, 8, eenouder.sum())
    leeftijd_h[kd] = np.where(ouder_kind[kd], rng.normal(54, 7, kd.sum()), rng.normal(25, 5, kd.sum()))
    leeftijd_h = np.clip(leeftijd_h, 18, 98)

    # One row per person: household index and position in the household.
    h = np.repeat(np.arange(n), grootte)
    start = np.cumsum(grootte) - grootte
    pos = np.arange(len(h)) - start[h]
    is_partner = (pos == 1) & (partner[h] == 1)
    is_kind = (pos >= 1 + partner[h]) & (pos < 1 + partner[h] + kinderen[h])
    is_mede = pos >= 1 + partner[h] + kinderen[h]
    rol = np.where(pos == 0, Rol.AANVRAGER, np.where(is_partner, Rol.PARTNER,
                   np.where(is_kind, Rol.KIND, Rol.MEDEBEWONER)))

    m = len(h)
    basis = leeftijd_h[h]
    leeftijd = basis.copy()
    leeftijd[is_partner] = np.clip(basis[is_partner] + rng.normal(0, 4, is_partner.sum()), 18, 98)
    max_kind = np.clip(basis[is_kind] - 18, 0, 17.99)
    leeftijd[is_kind] = rng.random(is_kind.sum()) * max_kind
    oud_kind = ouder_kind[h] & is_mede
    leeftijd[oud_kind] = 18 + rng.random(oud_kind.sum()) * np.clip(basis[oud_kind] - 36, 0.5, 12)
    peer = is_mede & ~ouder_kind[h]
    leeftijd[peer] = np.clip(basis[peer] + rng.normal(0, 3, peer.sum()), 18, 60)

    vrouw = rng.random(m) < 0.5
    hoofd_vrouw = np.where(soort == EENOUDER, rng.random(n) < 0.85, rng.random(n) < 0.5)
    vrouw[pos == 0] = hoofd_vrouw
    zelfde = rng.random(m) < 0.05
    vrouw[is_partner] = np.where(zelfde[is_partner], hoofd_vrouw[h[is_partner]], ~hoofd_vrouw[h[is_partner]])

    inkomen = _inkomen(leeftijd, rol, focus[h], welvaart[h], partner[h] == 0, rng)
    return _kolommen(huishouden_ids, h, pos, rol, leeftijd, vrouw, inkomen, is_partner, peer,
                     focus, rng, peildatum)


def _inkomen(leeftijd, rol, focus, welvaart, zonder_partner, rng) -> np.ndarray:
    """Net income per month: by main source, lower in focus areas; children have none.

    Calibrated roughly on the Utrecht health monitor (volksgezondheidsmonitor.nl, 2020): 32% of
    Overvecht's households below 125% of the social minimum, fewest in Noordoost, Leidsche Rijn and
    Vleuten-De Meern. The demo gives about 35% in Overvecht and 19% city-wide (students
    included, whom the monitor leaves out); mean household net income about EUR 3,700 a month.
    """
    m = len(leeftijd)
    werk, uitkering, student, geen = range(4)
    bron = _kies(rng, focus, (0.77, 0.08, 0.08, 0.07), (0.66, 0.17, 0.08, 0.09))
    bron = np.where((bron == student) & (leeftijd > 30), werk, bron)
    # A main resident without a partner and without income would be on a benefit.
    bron = np.where((bron == geen) & (rol == Rol.AANVRAGER) & zonder_partner, uitkering, bron)
    mediaan = np.where(focus, 2300.0, 2700.0) * welvaart
    bedrag = np.select(
        [bron == werk, bron == uitkering, bron == student],
        [np.clip(mediaan * rng.lognormal(0, 0.33, m), 450, 12000),
         np.clip(rng.normal(1300, 180, m), 750, 2100),
         rng.uniform(350, 1100, m)],
        default=0.0,
    )
    aow = leeftijd >= AOW_LEEFTIJD
    pensioen = np.where(focus, 150.0, 450.0) * welvaart * rng.lognormal(0, 0.8, m)
    bedrag = np.where(aow, np.clip(1450 + pensioen, 1300, 9000), bedrag)
    bedrag = np.where(rol == Rol.KIND, 0.0, bedrag)
    return np.round(bedrag, 2)


def _kolommen(huishouden_ids, h, pos, rol, leeftijd, vrouw, inkomen, is_partner, peer, focus,
              rng, peildatum) -> dict:
    """Turn the arrays into the Inwoner columns (names, dates, contact details).

    The per-person loop works on plain lists: indexing numpy arrays one element at a time
    would make this the slowest part of the demo.
    """
    n, m = len(huishouden_ids), len(h)
    groep_h = _kies(rng, focus, namen.KANS_GROEP, namen.KANS_GROEP_FOCUS)
    groep = groep_h[h]
    eigen_groep = peer & (rng.random(m) < 0.5)  # some housemates have another background
    groep = np.where(eigen_groep, rng.choice(len(namen.GROEPEN), m, p=namen.KANS_GROEP), groep)
    eigen_naam = (is_partner & (rng.random(m) < 0.5)) | peer
    achternaam_u = np.where(eigen_naam, rng.random(m), rng.random(n)[h])
    dagen = (leeftijd * 365.25 + rng.random(m) * 300).astype(int)
    geboorte = (np.datetime64(peildatum) - dagen.astype("timedelta64[D]")).astype(str).tolist()
    kind = rol == Rol.KIND
    volwassen = ~kind | (leeftijd >= 12)  # children from 12 may have a phone of their own
    # Fictitious mobile numbers 0600xxxxxx; e-mail under the reserved .example domain.
    telefoon = np.where(volwassen & (rng.random(m) < 0.85), rng.integers(0, 1_000_000, m), -1)
    mail = (volwassen & (rng.random(m) < 0.6)).tolist()
    achternamen = [[namen.splits_achternaam(a) for a in g[2]] for g in namen.GROEPEN]

    kol = {
        "uuid": _uuids(m, rng),
        "bsn": synthetische_bsns(m, rng),
        "geboortedatum": geboorte,
        "geslacht": np.where(vrouw, "Vrouw", "Man").tolist(),
        "huishouden_id": np.asarray(huishouden_ids)[h].tolist(),
        "rol": rol.tolist(),
        "netto_inkomen_per_maand": [f"{x:.2f}" for x in inkomen.tolist()],
        "telefoonnummer": [f"0600{t:06d}" if t >= 0 else "" for t in telefoon.tolist()],
        "voornamen": [], "voorletters": [], "voorvoegsel": [], "achternaam": [], "email": [],
    }
    rijen = zip(groep.tolist(), vrouw.tolist(), rng.random(m).tolist(), rng.random(m).tolist(),
                achternaam_u.tolist(), mail)
    for i, (g, is_vrouw, u_voor, u_tweede, u_achter, met_mail) in enumerate(rijen):
        lijst = namen.GROEPEN[g][1 if is_vrouw else 0]
        voornaam = lijst[int(u_voor * len(lijst))]
        tweede = lijst[int(u_tweede * len(lijst))] if u_tweede < 0.5 and g == 0 else ""
        if tweede == voornaam:
            tweede = ""
        voorvoegsel, achternaam = achternamen[g][int(u_achter * len(achternamen[g]))]
        kol["voornamen"].append(f"{voornaam} {tweede}" if tweede else voornaam)
        kol["voorletters"].append(f"{voornaam[0]}.{tweede[0]}." if tweede else f"{voornaam[0]}.")
        kol["voorvoegsel"].append(voorvoegsel)
        kol["achternaam"].append(achternaam)
        kol["email"].append(_email(voornaam, voorvoegsel, achternaam, i) if met_mail else "")
    return kol


def _uuids(aantal: int, rng) -> list[str]:
    """Random version-4 UUIDs as 32 hex digits (accepted by SQLite's and PostgreSQL's columns)."""
    b = rng.integers(0, 256, size=(aantal, 16), dtype=np.uint8)
    b[:, 6] = (b[:, 6] & 0x0F) | 0x40
    b[:, 8] = (b[:, 8] & 0x3F) | 0x80
    tekst = b.tobytes().hex()
    return [tekst[i:i + 32] for i in range(0, 32 * aantal, 32)]


def _email(voornaam, voorvoegsel, achternaam, i) -> str:
    """A fictitious address under the reserved .example domain (RFC 2606)."""
    naam = f"{voornaam}.{voorvoegsel}{achternaam}".replace(" ", "").replace("'", "").lower()
    naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return f"{naam}{i % 1000}@vroeghulp-demo.example"
