"""The checks on one signal, in one pass, in plain Python (no ORM per row).

``Controleur.controleer(v)`` takes the signal as read (a ``velden.Ruwsignaal``) and returns
``(record, fouten, waarschuwingen)``: ``record`` is the checked ``velden.Signaal``, None when the
row is rejected. Which check rejects and which warns, with its legal source: docs/signalering.md.
"""

import calendar
import datetime as dt
from decimal import Decimal

from vroeghulp.signalering.intake import normaliseren as n
from vroeghulp.signalering.intake.velden import VELDNAAM, Signaal
from vroeghulp.signalering.models import PartnerType

FORMULE_TEKENS = ("=", "+", "-", "@")
_HONDERD = Decimal(100)
_NUL_DATUM = dt.date(1900, 1, 1)
_STUURTEKENS = {c: None for c in range(32)} | {127: None, 0xA0: " "}

# Lengths of the text fields (as in the model): (field, max length, name in fouten[].veld).
_LENGTES = {"klantnummer": 40, "voorletters": 20, "voorvoegsel": 20, "achternaam": 120, "straatnaam": 80,
            "plaatsnaam": 80}
_TEKSTVELDEN = tuple((veld, maximum, VELDNAAM[Signaal._fields.index(veld)]) for veld, maximum in _LENGTES.items())


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar += datum.year
    maand += 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def schone_tekst(waarde, maximum: int, veld: str, waarschuwingen: list) -> str:
    """Free text: control characters removed, trimmed; too long or not text -> empty with a
    warning; a leading formula character is kept as text, with a warning (neutralised on export).
    Characters no text may hold (lone surrogates, non-characters: ``n.ongeldige_tekens``) are
    removed with a warning, so what is stored is valid UTF-8 and the warning says it changed."""
    if type(waarde) is not str:
        waarde = n.tekst(waarde)
        if waarde is None:
            waarschuwingen.append((veld, "waarde_type"))
            return ""
    if not waarde.isprintable():
        schoon = waarde.translate(_STUURTEKENS)
        if any(ord(teken) < 32 or ord(teken) == 127 for teken in waarde.strip()):
            waarschuwingen.append((veld, "tekens_verwijderd"))
        waarde = schoon
        if n.ongeldige_tekens(waarde):
            waarschuwingen.append((veld, "tekens_ongeldig"))
            waarde = n.zonder_ongeldige_tekens(waarde)
    waarde = waarde.strip()
    if len(waarde) > maximum:
        waarschuwingen.append((veld, "te_lang"))
        return ""
    if waarde and waarde[0] in FORMULE_TEKENS:
        waarschuwingen.append((veld, "formule_teken"))
    return waarde


class Controleur:
    """Checks for one delivery: one partner type, one day, one municipality."""

    def __init__(self, partner_type: str, *, vandaag: dt.date, drempel: Decimal, pc4: frozenset[int],
                 zelfmelding: bool = False):
        self.type = partner_type = str(partner_type)
        # a self-referral (Kanaal.ZELFMELDING): the resident may leave the amount out; stored empty
        self.bedrag_mag_leeg = zelfmelding
        self.vandaag = vandaag
        self.drempel = drempel
        self.pc4 = pc4
        self.termijn_30 = partner_type in (PartnerType.HUUR, PartnerType.ENERGIE, PartnerType.WATER)
        self.eindelevering_mag = partner_type in (PartnerType.ENERGIE, PartnerType.WATER)

    def extern_id(self, waarde) -> str | None:
        """The ID as the report echoes it for a refused row: as sent, but with characters no
        response can carry (a lone surrogate) replaced by U+FFFD. An accepted ID never holds
        them (``controleer`` refuses an ID that is not printable)."""
        tekst = waarde if type(waarde) is str else n.tekst(waarde)
        return n.toonbaar(tekst.strip()) or None if tekst else None

    def controleer(self, v):  # noqa: C901 - one pass over all fields, on purpose
        fouten = []
        waarschuwingen = []
        leeg = n.is_leeg

        # ID
        eid = v.extern_id
        if type(eid) is not str:
            eid = n.tekst(eid)
            if eid is None:
                fouten.append(("ID", "waarde_type"))
                eid = ""
        eid = eid.strip()
        if not eid:
            if not fouten:
                fouten.append(("ID", "id_verplicht"))
        elif len(eid) > 100:
            fouten.append(("ID", "id_te_lang"))
        elif not eid.isprintable() or eid[0] in FORMULE_TEKENS:
            fouten.append(("ID", "id_ongeldig"))

        # bedrag
        waarde = v.bedrag
        bedrag = None
        if leeg(waarde):
            if not self.bedrag_mag_leeg:
                fouten.append(("bedrag", "bedrag_verplicht"))
        else:
            bedrag, code = n.bedrag(waarde)
            if code:
                fouten.append(("bedrag", code))

        # dates
        vandaag = self.vandaag
        waarde = v.signaaldatum
        signaaldatum = None
        if leeg(waarde):
            fouten.append(("signaaldatum", "datum_verplicht"))
        else:
            signaaldatum, code = n.datum(waarde)
            if code:
                fouten.append(("signaaldatum", code))
            elif signaaldatum > vandaag:
                fouten.append(("signaaldatum", "datum_in_toekomst"))
                signaaldatum = None
        waarde = v.ontstaansdatum
        ontstaansdatum = None
        ontstaansdatum_leeg = leeg(waarde)
        if not ontstaansdatum_leeg:
            ontstaansdatum, code = n.datum(waarde)
            if code:
                fouten.append(("ontstaansdatum", code))
            elif ontstaansdatum > vandaag:
                fouten.append(("ontstaansdatum", "datum_in_toekomst"))
                ontstaansdatum = None
            elif signaaldatum is not None and ontstaansdatum > signaaldatum:
                fouten.append(("ontstaansdatum", "ontstaansdatum_na_signaaldatum"))
                ontstaansdatum = None

        # booleans
        crisis, code = n.boolean(v.crisissignaal)
        if code:
            fouten.append(("crisissignaal", code))
        warm, code = n.boolean(v.warme_overdracht)
        if code:
            fouten.append(("warmeOverdracht", code))
        eind, code = n.boolean(v.eindelevering)
        if code:
            fouten.append(("eindelevering", code))
        elif eind and not self.eindelevering_mag:
            waarschuwingen.append(("eindelevering", "eindelevering_alleen_energie"))

        # client: BSN or postcode + huisnummer
        waarde = v.bsn
        bsn = ""
        if not leeg(waarde):
            cijfers = n.cijfers(waarde, 9)
            if cijfers is None or not cijfers.isascii() or not n.elfproef(cijfers):
                fouten.append(("client.burgerservicenummer", "bsn_elfproef"))
            else:
                bsn = cijfers
        waarde = v.postcode
        postcode = ""
        if not leeg(waarde):
            postcode, code = n.postcode(waarde)
            if code:
                fouten.append(("client.postcode", code))
                postcode = ""
            elif int(postcode[:4]) not in self.pc4:
                fouten.append(("client.postcode", "postcode_buiten_gemeente"))
        waarde = v.huisnummer
        huisnummer = ""
        gesplitst = ""
        if not leeg(waarde):
            huisnummer, gesplitst, code = n.huisnummer(waarde)
            if code == "huisnummer_gesplitst":
                waarschuwingen.append(("client.huisnummer", code))
            elif code:
                fouten.append(("client.huisnummer", code))
                huisnummer = ""
        huisnummer = huisnummer or ""
        waarde = v.huisnummertoevoeging
        toevoeging = "" if leeg(waarde) else schone_tekst(waarde, 10, "client.huisnummertoevoeging", waarschuwingen)
        if gesplitst and not toevoeging:
            toevoeging = gesplitst
        if not bsn and not (postcode and huisnummer):
            if not any(veld.startswith("client.") for veld, _ in fouten):
                fouten.append(("client", "bsn_of_adres_verplicht"))

        # covenant windows and the municipality's threshold
        if bedrag is not None and signaaldatum is not None:
            bijzonder = crisis or warm or eind
            soort = self.type
            if ontstaansdatum is None:
                if soort in _MET_TERMIJN and not bijzonder and ontstaansdatum_leeg:
                    waarschuwingen.append(("ontstaansdatum", "ontstaansdatum_ontbreekt"))
            else:
                dagen = (signaaldatum - ontstaansdatum).days
                if self.termijn_30:
                    if dagen < 30 and not bijzonder:
                        fouten.append(("ontstaansdatum", "termijn_te_kort"))
                elif soort == PartnerType.ZORG:
                    if dagen < 30 and not bijzonder:
                        fouten.append(("ontstaansdatum", "termijn_te_kort"))
                    elif dagen > 100:
                        waarschuwingen.append(("ontstaansdatum", "termijn_te_lang"))
                elif soort == PartnerType.CAK_ZORGVERZEKERINGEN:
                    if signaaldatum <= plus_maanden(ontstaansdatum, 6) and not bijzonder:
                        fouten.append(("ontstaansdatum", "termijn_te_kort"))
                elif soort == PartnerType.CAK_EIGEN_BIJDRAGE:
                    if signaaldatum < plus_maanden(ontstaansdatum, 5):
                        fouten.append(("ontstaansdatum", "termijn_te_kort"))
            if self.type == PartnerType.CAK_EIGEN_BIJDRAGE and bedrag < _HONDERD:
                fouten.append(("bedrag", "cak_eigen_bijdrage_bedrag"))
            elif bedrag < self.drempel and not bijzonder:
                fouten.append(("bedrag", "onder_drempelbedrag"))

        if fouten:
            return None, fouten, waarschuwingen

        # contact details: a value we cannot use is left empty with a warning; the signal stays
        waarde = v.geboortedatum
        geboortedatum = None
        if not leeg(waarde):
            geboortedatum, code = n.datum(waarde)
            if code or geboortedatum > vandaag or geboortedatum < _NUL_DATUM:
                waarschuwingen.append(("client.geboortedatum", "geboortedatum_ongeldig"))
                geboortedatum = None
        geslacht, code = n.geslacht(v.geslachtsaanduiding)
        if code:
            waarschuwingen.append(("client.geslachtsaanduiding", code))
        teksten = {}
        for veld, maximum, veldnaam in _TEKSTVELDEN:
            waarde = getattr(v, veld)
            if type(waarde) is str and waarde.isprintable() and len(waarde) <= maximum and (
                not waarde or waarde[0] not in FORMULE_TEKENS
            ):
                teksten[veld] = waarde.strip()
            elif leeg(waarde):
                teksten[veld] = ""
            else:
                teksten[veld] = schone_tekst(waarde, maximum, veldnaam, waarschuwingen)
        waarde = v.telefoonnummer
        telefoon = ""
        if not leeg(waarde):
            telefoon, code = n.telefoon(waarde)
            if code:
                waarschuwingen.append(("client.telefoonnummer", code))
        waarde = v.email
        email = ""
        if not leeg(waarde):
            email, code = n.email(waarde)
            if code:
                waarschuwingen.append(("client.email", code))

        record = Signaal(
            extern_id=eid, bedrag=bedrag, ontstaansdatum=ontstaansdatum, signaaldatum=signaaldatum,
            crisissignaal=crisis, warme_overdracht=warm, eindelevering=eind, bsn=bsn, postcode=postcode,
            huisnummer=huisnummer, huisnummertoevoeging=toevoeging, geboortedatum=geboortedatum,
            geslachtsaanduiding=geslacht, telefoonnummer=telefoon, email=email, **teksten,
        )
        return record, None, waarschuwingen


_MET_TERMIJN = {
    p.value for p in (
        PartnerType.HUUR, PartnerType.ENERGIE, PartnerType.WATER, PartnerType.ZORG,
        PartnerType.CAK_ZORGVERZEKERINGEN, PartnerType.CAK_EIGEN_BIJDRAGE,
    )
}
