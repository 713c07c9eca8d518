"""Letters to creditors as PDF, from texts the municipality edits (``Berichtsjabloon``).

The text of a letter may use these placeholders; unknown ones stay as they are, so a typo shows
in the letter instead of breaking it (as in ``zaken.brieven``):

    {schuldeiser} {kenmerk} {naam} {geboortedatum} {adres} {bedrag} {datum} {antwoord_uiterlijk}
    {gemeente} {afdeling} {telefoon} {email} {consulent} {ondertekening}

and the ones a kind of letter adds (``extra``; e.g. {aanbod} {percentage} for a proposal).
A blank line starts a paragraph, a line starting with "- " is a bullet. A letter may carry a
table (the calculation behind a request, the offer per creditor) below its text.

Every letter names a resident to a creditor: each is an audited export.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.schuldhulp.models import Berichtsjabloon, Berichtsoort, Schuld
from vroeghulp.zaken import services as zaken
from vroeghulp.zaken.brieven import alineas, bruikbaar_logo, vul_in

DOEL = "Schuldhulpverlening: brief aan een schuldeiser (Wgs art. 3)"

_AFSLUITING = "Met vriendelijke groet,\n\n{consulent}\n{ondertekening}\n{afdeling}, {gemeente}"
STANDAARD = {
    Berichtsoort.KENNISGEVING: {
        "onderwerp": "Kennisgeving schuldhulpverlening: {naam}, uw kenmerk {kenmerk}",
        "tekst": (
            "Geachte heer, mevrouw,\n\n"
            "{naam}, geboren op {geboortedatum}, wonend op {adres}, krijgt schuldhulp van {gemeente}. "
            "Volgens onze gegevens heeft u een vordering van {bedrag}.\n\n"
            "Wij vragen u:\n"
            "- de incasso te pauzeren zolang wij een oplossing zoeken (pauzeknop);\n"
            "- geen nieuwe kosten of rente in rekening te brengen;\n"
            "- ons het actuele saldo te sturen.\n\n"
            "Wilt u vóór {antwoord_uiterlijk} reageren? Dat kan per e-mail naar {email} of per telefoon op {telefoon}.\n\n"
            + _AFSLUITING),
    },
    Berichtsoort.SALDOVERZOEK: {
        "onderwerp": "Verzoek om saldo: {naam}, uw kenmerk {kenmerk}",
        "tekst": (
            "Geachte heer, mevrouw,\n\n"
            "Wij helpen {naam}, geboren op {geboortedatum}, met de schulden. Wilt u ons een overzicht "
            "sturen van de vordering: de hoofdsom, de rente en de kosten, en wat al is betaald?\n\n"
            "Wij ontvangen het overzicht graag vóór {antwoord_uiterlijk}.\n\n" + _AFSLUITING),
    },
    Berichtsoort.BETALINGSVOORSTEL: {
        "onderwerp": "Voorstel schuldregeling: {naam}, uw kenmerk {kenmerk}",
        "tekst": (
            "Geachte heer, mevrouw,\n\n"
            "{naam} kan de schulden niet helemaal betalen. Wij hebben uitgerekend wat wel kan. "
            "Wij bieden u {aanbod} aan: {percentage} van uw vordering van {bedrag}. "
            "Daarna is uw vordering helemaal voldaan (finale kwijting).\n\n"
            "{toelichting_soort}\n\n"
            "Hoe wij dit hebben berekend, staat hieronder. Wat alle schuldeisers krijgen, staat in de bijlage "
            "bij deze brief.\n\n"
            "Wilt u vóór {antwoord_uiterlijk} laten weten of u akkoord gaat?\n\n" + _AFSLUITING),
    },
    Berichtsoort.HERINNERING: {
        "onderwerp": "Herinnering: {naam}, uw kenmerk {kenmerk}",
        "tekst": (
            "Geachte heer, mevrouw,\n\n"
            "Op {verzonden_op} stuurden wij u een {oorspronkelijk} over {naam}. Wij hebben nog geen reactie "
            "van u ontvangen.\n\n"
            "Wilt u alsnog reageren, vóór {antwoord_uiterlijk}?\n\n" + _AFSLUITING),
    },
    Berichtsoort.HERBEREKENING_BVV: {
        "onderwerp": "Verzoek herberekening beslagvrije voet: {naam}, uw kenmerk {kenmerk}",
        "tekst": (
            "Geachte heer, mevrouw,\n\n"
            "U heeft beslag gelegd op het inkomen van {naam}. Na het beslag houdt {naam} {over} per maand over. "
            "De beslagvrije voet is {beslagvrije_voet} per maand. Dat is {tekort} meer.\n\n"
            "Wij vragen u de beslagvrije voet opnieuw te berekenen en het beslag aan te passen. "
            "Onze berekening en de wetsartikelen staan hieronder.\n\n"
            "Wilt u vóór {antwoord_uiterlijk} reageren?\n\n" + _AFSLUITING),
    },
}


def sjabloon(soort: str) -> Berichtsjabloon:
    """The municipality's text for this kind of letter; the standard text until it edits one."""
    gegevens = STANDAARD[soort]
    return Berichtsjabloon.objects.get_or_create(soort=soort, defaults=gegevens)[0]


def euro(bedrag: Decimal | None) -> str:
    """€ 1.234,56 (Dutch notation)."""
    if bedrag is None:
        return ""
    teken = "-" if bedrag < 0 else ""
    heel, _punt, centen = f"{abs(bedrag):.2f}".partition(".")
    groepen = f"{int(heel):,}".replace(",", ".")
    return f"{teken}€ {groepen},{centen}"


def datum(d: date | None) -> str:
    return date_format(d, "j F Y") if d else ""


@dataclass
class Tabel:
    """A table under the text of a letter: a heading, column names and rows of text."""

    kop: str
    kolommen: list[str]
    rijen: list[list[str]]
    voet: list[str] = field(default_factory=list)  # e.g. the totals row, or sources below the table


def brief(schuld: Schuld, soort: str, *, door, antwoord_uiterlijk: date | None = None,
          extra: dict | None = None, tabellen: list[Tabel] | None = None) -> dict:
    """One letter about ``schuld`` to its creditor, as the PDF template wants it. Audited."""
    stijl = zaken.huisstijl()
    traject = schuld.traject
    inwoner = traject.inwoner
    adres = inwoner.huishouden.adres
    huisnummer = f"{adres.huisnummer}{adres.huisletter}" + (f"-{adres.toevoeging}" if adres.toevoeging else "")
    consulent = (door.get_full_name() or door.get_username()) if door is not None else stijl.ondertekening
    waarden = {
        "schuldeiser": schuld.schuldeiser.naam, "kenmerk": schuld.kenmerk or _("onbekend"),
        "naam": inwoner.naam, "geboortedatum": datum(inwoner.geboortedatum),
        "adres": f"{adres.straatnaam} {huisnummer}, {adres.postcode[:4]} {adres.postcode[4:]} {adres.plaatsnaam}",
        "bedrag": euro(schuld.actueel_bedrag), "datum": datum(timezone.localdate()),
        "antwoord_uiterlijk": datum(antwoord_uiterlijk),
        "gemeente": stijl.gemeentenaam, "afdeling": stijl.afdeling, "telefoon": stijl.telefoon,
        "email": stijl.email, "consulent": consulent, "ondertekening": stijl.ondertekening,
        **(extra or {}),
    }
    tekst = sjabloon(soort)
    audit.log(actor=door, actie=Actie.EXPORTEREN, object_type=Schuld._meta.label, object_id=schuld.pk,
              persoon_id=inwoner.pk, doel=DOEL, toelichting=f"{Berichtsoort(soort).label}: {schuld.schuldeiser.naam}")
    return {
        "ontvanger": {"naam": schuld.schuldeiser.naam,
                      "adresregels": [r.strip() for r in schuld.schuldeiser.postadres.splitlines() if r.strip()]},
        "datum": waarden["datum"], "onderwerp": vul_in(tekst.onderwerp, waarden),
        "blokken": alineas(vul_in(tekst.tekst, waarden)), "tabellen": tabellen or [],
    }


def bijlage(onderwerp: str, tabellen: list[Tabel], blokken: list | None = None) -> dict:
    """An appendix that follows every letter (``render_pdf(..., bijlage=...)``): a heading, text, tables."""
    return {"bijlage": True, "onderwerp": onderwerp, "blokken": blokken or [], "tabellen": tabellen}


def render_pdf(brieven: list[dict], titel: str, *, bijlage: dict | None = None) -> bytes:
    """One PDF, one letter per page (or more when a table is long). With ``bijlage`` the same
    appendix follows every letter; it is laid out once and its pages reused (``zaken.pdf.pdf_met_bijlage``),
    so a long table shared by all letters costs its layout once, not once per letter."""
    from vroeghulp.zaken.pdf import pdf_met_bijlage, pdf_van_html

    stijl = zaken.huisstijl()
    context = {"titel": titel, "stijl": stijl, "logo": bruikbaar_logo(stijl)}
    html = render_to_string("schuldhulp/brief_pdf.html", {**context, "brieven": brieven})
    if bijlage is None:
        return pdf_van_html(html)
    return pdf_met_bijlage(html, render_to_string("schuldhulp/brief_pdf.html", {**context, "brieven": [bijlage]}),
                           anker="brief-")
