"""Column-wise fast path of the checks, for speed (issue 4: a million signals a file).

``controleer_blok`` checks a block of rows column by column with per-delivery caches (dates,
amounts, postcodes and booleans repeat a lot). A row is handled here only when every value is
plainly valid; anything unusual (an error, a warning, a value that needs repair) goes to the
reference implementation ``Controleur.controleer``. Both give the same answer for every row:
``tests/test_intake_snel.py`` checks that on generated rows.
"""

import datetime as dt
from decimal import Decimal

from vroeghulp.signalering.intake import normaliseren as n
from vroeghulp.signalering.intake.controles import FORMULE_TEKENS, _MET_TERMIJN, plus_maanden
from vroeghulp.signalering.intake.velden import Ruwsignaal, Signaal, als_signaal
from vroeghulp.signalering.models import PartnerType

_ANDERS = object()  # "not plainly valid: ask the reference implementation"
_NUL_DATUM = dt.date(1900, 1, 1)
_BOOLEANS = {**{w: True for w in n._WAAR}, **{w: False for w in n._ONWAAR}}
_BOOLEANS.update({w.upper(): v for w, v in list(_BOOLEANS.items())})
_BOOLEANS.update({w.capitalize(): v for w, v in list(_BOOLEANS.items())})


class SnelleControle:
    def __init__(self, controleur):
        self.c = controleur
        self._datums: dict = {}
        self._bedragen: dict = {}
        self._postcodes: dict = {}
        self._geslachten: dict = {}
        self._teksten: dict = {}

    # column converters: value -> clean value, or _ANDERS ----------------------------------
    def _datum(self, kolom, verplicht: bool, vandaag):
        cache = self._datums
        uit = []
        for x in kolom:
            if x == "" or x is None:
                uit.append(_ANDERS if verplicht else None)
                continue
            t = type(x)
            if t is str:
                d = cache.get(x)
            elif t is dt.datetime or t is dt.date:  # date cells from XLSX
                d = x.date() if t is dt.datetime else x
                d = _ANDERS if d > vandaag else d
            else:
                d = _ANDERS
            if d is None:
                d, code = n.datum(x)
                d = _ANDERS if code or d > vandaag else d
                if len(cache) < 100_000:
                    cache[x] = d
            uit.append(d)
        return uit

    def _bedragen_kolom(self, kolom):
        cache = self._bedragen
        uit = []
        for x in kolom:
            t = type(x)
            if t is str:
                b = cache.get(x)
                if b is None:
                    b, code = n.bedrag(x)
                    b = _ANDERS if code else b
                    if len(cache) < 200_000:
                        cache[x] = b
                uit.append(b)
            elif t is int and x > 0:
                uit.append(Decimal(x) if x < 10_000_000_000 else _ANDERS)
            else:
                uit.append(_ANDERS)
        return uit

    @staticmethod
    def _boolean(kolom):
        get = _BOOLEANS.get
        return [
            get(x, _ANDERS) if type(x) is str else (x if type(x) is bool else (False if x is None else _ANDERS))
            for x in kolom
        ]

    @staticmethod
    def _tekst(kolom, maximum):
        formule = FORMULE_TEKENS
        return [
            ((t if not t or t[0] not in formule else _ANDERS) if (t := x.strip()) is not None else _ANDERS)
            if (type(x) is str and len(x) <= maximum and x.isprintable())
            else ("" if x is None else _ANDERS)
            for x in kolom
        ]

    def _tekst_herhaald(self, kolom, maximum):
        """``_tekst`` for columns whose values repeat (street, town, initials, prefix, addition):
        one dict lookup per value; the answer depends only on the string and ``maximum``."""
        cache = self._teksten.setdefault(maximum, {})
        get = cache.get
        uit = []
        for x in kolom:
            t = get(x) if type(x) is str else None
            if t is None:
                t = self._tekst((x,), maximum)[0]
                if type(x) is str and len(cache) < 100_000:
                    cache[x] = t
            uit.append(t)
        return uit

    def controleer_blok(self, blok):
        """``blok``: list of ``Ruwsignaal`` -> list of (record, fouten, waarschuwingen)."""
        c = self.c
        vandaag = c.vandaag
        kolommen = list(zip(*blok))
        if len(kolommen) != len(Signaal._fields):
            return [c.controleer(v) for v in blok]
        kolommen = Ruwsignaal._make(kolommen)  # the block's columns, by field
        leeg_of_none = ("", None)

        ids = [
            x if (type(x) is str and x and len(x) <= 100 and x.isprintable() and x[0] not in FORMULE_TEKENS
                  and x[0] != " " and x[-1] != " ") else _ANDERS
            for x in kolommen.extern_id
        ]
        bedragen = self._bedragen_kolom(kolommen.bedrag)
        ontstaan = self._datum(kolommen.ontstaansdatum, False, vandaag)
        signaal = self._datum(kolommen.signaaldatum, True, vandaag)
        crisis, warm, eind = self._boolean(kolommen.crisissignaal), self._boolean(kolommen.warme_overdracht), self._boolean(kolommen.eindelevering)
        klantnummers = self._tekst(kolommen.klantnummer, 40)
        elfproef = n.elfproef
        bsns = [
            ("" if x in leeg_of_none else (x if (type(x) is str and len(x) == 9 and x.isdigit() and x.isascii()
                                                 and elfproef(x)) else _ANDERS))
            for x in kolommen.bsn
        ]
        pc_cache, pc4 = self._postcodes, c.pc4
        postcodes = []
        for x in kolommen.postcode:
            if x in leeg_of_none:
                postcodes.append("")
                continue
            p = pc_cache.get(x) if type(x) is str else _ANDERS
            if p is None:
                p, code = n.postcode(x)
                p = _ANDERS if code or int(p[:4]) not in pc4 else p
                if len(pc_cache) < 100_000:
                    pc_cache[x] = p
            postcodes.append(p)
        huisnummers = [
            ("" if x in leeg_of_none else (x if (type(x) is str and 0 < len(x) <= 5 and x.isdigit() and x.isascii()
                                                 and x[0] != "0") else _ANDERS))
            for x in kolommen.huisnummer
        ]
        toevoegingen = self._tekst_herhaald(kolommen.huisnummertoevoeging, 10)
        geboren = self._datum(kolommen.geboortedatum, False, vandaag)
        geboren = [d if (d is None or d is _ANDERS or d >= _NUL_DATUM) else _ANDERS for d in geboren]
        g_cache = self._geslachten
        geslachten = []
        for x in kolommen.geslachtsaanduiding:
            g = g_cache.get(x) if type(x) is str else ("" if x is None else _ANDERS)
            if g is None:
                g, code = n.geslacht(x)
                g = _ANDERS if code else g
                g_cache[x] = g
            geslachten.append(g)
        voorletters = self._tekst_herhaald(kolommen.voorletters, 20)
        voorvoegsels = self._tekst_herhaald(kolommen.voorvoegsel, 20)
        achternamen = self._tekst(kolommen.achternaam, 120)
        straten = self._tekst_herhaald(kolommen.straatnaam, 80)
        plaatsen = self._tekst_herhaald(kolommen.plaatsnaam, 80)
        telefoons = [
            ("" if x in leeg_of_none else (x if (type(x) is str and len(x) == 10 and x[0] == "0" and x.isdigit()
                                                 and x.isascii()) else _ANDERS))
            for x in kolommen.telefoonnummer
        ]
        email_match = n._EMAIL.match
        emails = [
            ("" if x in leeg_of_none else (x if (type(x) is str and len(x) <= 254 and x == x.strip()
                                                 and email_match(x) and x.isprintable()) else _ANDERS))
            for x in kolommen.email
        ]

        soort = c.type
        termijn_30 = c.termijn_30
        met_termijn = soort in _MET_TERMIJN
        zorg = soort == PartnerType.ZORG.value
        cak_zvw = soort == PartnerType.CAK_ZORGVERZEKERINGEN.value
        cak_eb = soort == PartnerType.CAK_EIGEN_BIJDRAGE.value
        eind_mag = c.eindelevering_mag
        drempel = c.drempel
        honderd = Decimal(100)
        uitkomsten = []
        schoon = Ruwsignaal(  # the clean columns, by field; _ANDERS where the reference must decide
            extern_id=ids, bedrag=bedragen, ontstaansdatum=ontstaan, signaaldatum=signaal, crisissignaal=crisis,
            warme_overdracht=warm, eindelevering=eind, klantnummer=klantnummers, bsn=bsns, postcode=postcodes,
            huisnummer=huisnummers, huisnummertoevoeging=toevoegingen, geboortedatum=geboren,
            geslachtsaanduiding=geslachten, voorletters=voorletters, voorvoegsel=voorvoegsels, achternaam=achternamen,
            straatnaam=straten, plaatsnaam=plaatsen, telefoonnummer=telefoons, email=emails,
        )
        for v, r in zip(blok, zip(*schoon)):
            if _ANDERS in r:
                uitkomsten.append(c.controleer(v))
                continue
            s = als_signaal(r)  # the clean values, in the fields' order
            if not s.bsn and not (s.postcode and s.huisnummer):
                uitkomsten.append(c.controleer(v))
                continue
            ei = s.eindelevering
            bijzonder = s.crisissignaal or s.warme_overdracht or ei
            if ei and not eind_mag:
                uitkomsten.append(c.controleer(v))
                continue
            od, sd = s.ontstaansdatum, s.signaaldatum
            if od is None:
                if met_termijn and not bijzonder:
                    uitkomsten.append(c.controleer(v))
                    continue
            else:
                if od > sd:
                    uitkomsten.append(c.controleer(v))
                    continue
                dagen = (sd - od).days
                if termijn_30:
                    goed = dagen >= 30 or bijzonder
                elif zorg:
                    goed = (dagen >= 30 or bijzonder) and dagen <= 100
                elif cak_zvw:
                    goed = bijzonder or sd > plus_maanden(od, 6)
                elif cak_eb:
                    goed = sd >= plus_maanden(od, 5)
                else:
                    goed = True
                if not goed:
                    uitkomsten.append(c.controleer(v))
                    continue
            bedrag = s.bedrag
            if cak_eb:
                if bedrag < honderd:
                    uitkomsten.append(c.controleer(v))
                    continue
            elif bedrag < drempel and not bijzonder:
                uitkomsten.append(c.controleer(v))
                continue
            uitkomsten.append((s, None, []))
        return uitkomsten
