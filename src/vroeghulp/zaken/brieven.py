"""Outreach letters and cards as PDF (WeasyPrint) from texts the municipality edits.

A text may use these placeholders: {aanhef} {naam} {gemeente} {afdeling} {telefoon} {email}
{website} {consulent} {ondertekening} {datum}. Unknown ones stay as they are, so a typo shows
in the preview instead of breaking the letter. A blank line starts a new paragraph; a line that
starts with "- " is a bullet.
"""

import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vroeghulp.audit import services as audit
from vroeghulp.audit.models import Actie
from vroeghulp.zaken import namen
from vroeghulp.zaken.models import Briefsjabloon, Briefsoort, Huisstijl

DOEL = "Vroegsignalering: inwoner benaderen met een brief (Wgs art. 3)"
PLAATSHOUDER = re.compile(r"\{(\w+)\}")

STANDAARD = [
    {
        "naam": "Kennismakingsbrief",
        "soort": Briefsoort.BRIEF,
        "onderwerp": "Hulp bij rekeningen: wij willen u graag spreken",
        "tekst": (
            "{aanhef}\n\n"
            "U heeft een betaalachterstand. Dat hebben wij gehoord van een organisatie waar u een "
            "rekening heeft, bijvoorbeeld uw verhuurder of uw energieleverancier. Dat mag volgens de "
            "wet. Zij willen dat u hulp krijgt voordat het probleem groter wordt.\n\n"
            "Wij zijn {afdeling} van {gemeente}. Wij helpen mensen met geldzorgen. Die hulp is gratis.\n\n"
            "Wij willen graag met u praten. Bijvoorbeeld over:\n"
            "- hoe u de achterstand kunt betalen;\n"
            "- geld waar u misschien recht op heeft, zoals toeslagen;\n"
            "- hoe u grip houdt op uw geld.\n\n"
            "Bel ons op {telefoon}. Of stuur een e-mail naar {email}. Wij kunnen ook bij u langskomen. "
            "U beslist zelf of u hulp wilt.\n\n"
            "Met vriendelijke groet,\n\n{consulent}\n{ondertekening}"
        ),
    },
    {
        "naam": "Kaartje: wij kwamen langs",
        "soort": Briefsoort.KAARTJE,
        "onderwerp": "Wij kwamen bij u langs",
        "tekst": (
            "{aanhef}\n\n"
            "Wij kwamen vandaag bij u langs. U was niet thuis.\n\n"
            "Wij willen u graag helpen met uw rekeningen. Die hulp is gratis.\n\n"
            "Bel of app ons op {telefoon}. Dan maken wij een afspraak.\n\n"
            "{consulent}, {gemeente}"
        ),
    },
]


def huisstijl() -> Huisstijl:
    stijl = Huisstijl.objects.order_by("pk").first()
    return stijl or Huisstijl.objects.create()


def sjablonen():
    if not Briefsjabloon.objects.exists():
        for gegevens in STANDAARD:
            Briefsjabloon.objects.get_or_create(naam=gegevens["naam"], defaults=gegevens)
    return Briefsjabloon.objects.filter(actief=True)


def vul_in(tekst: str, waarden: dict) -> str:
    return PLAATSHOUDER.sub(lambda m: str(waarden.get(m.group(1), m.group(0))), tekst)


def alineas(tekst: str) -> list[dict]:
    """Split into paragraphs and bullet lists for the PDF template."""
    blokken = []
    for blok in re.split(r"\n\s*\n", tekst.strip()):
        regels = blok.split("\n")
        punten = [r[2:].strip() for r in regels if r.startswith("- ")]
        gewoon = [r for r in regels if not r.startswith("- ")]
        if gewoon:
            blokken.append({"soort": "alinea", "regels": gewoon})
        if punten:
            blokken.append({"soort": "lijst", "regels": punten})
    return blokken


@dataclass
class Ontvanger:
    naam: str
    aanhef: str
    adresregels: list[str]


def ontvanger(zaak) -> Ontvanger:
    """Name, salutation and address: of the linked inwoner, else of the signal ``zaken.namen``
    names the case after, so the letter names the resident as the screens do."""
    inwoner = zaak.inwoner
    if inwoner is not None:
        bron, geslacht = inwoner, inwoner.geslacht
        adres = inwoner.huishouden.adres
        huisnummer = f"{adres.huisnummer}{adres.huisletter}" + (f"-{adres.toevoeging}" if adres.toevoeging else "")
        regels = [f"{adres.straatnaam} {huisnummer}", f"{adres.postcode[:4]} {adres.postcode[4:]}  {adres.plaatsnaam.upper()}"]
    else:
        bron = signaal = namen.naamgevend_signaal(zaak.signalen.all())
        geslacht = signaal.geslachtsaanduiding if signaal else ""
        regels = []
        if signaal:
            nummer = f"{signaal.huisnummer}" + (f"-{signaal.huisnummertoevoeging}" if signaal.huisnummertoevoeging else "")
            regels = [f"{signaal.straatnaam} {nummer}".strip(),
                      f"{signaal.postcode[:4]} {signaal.postcode[4:]}  {signaal.plaatsnaam.upper()}".strip()]
    delen = namen.delen(bron) if bron is not None else ("", "", "")
    naam = namen.kies(delen if inwoner is not None else None, [delen])
    achternaam = " ".join(d for d in delen[1:] if d) if delen[2] else ""
    if achternaam and geslacht == "Vrouw":
        aanhef = _("Beste mevrouw %(naam)s,") % {"naam": achternaam[:1].upper() + achternaam[1:]}
    elif achternaam and geslacht == "Man":
        aanhef = _("Beste meneer %(naam)s,") % {"naam": achternaam[:1].upper() + achternaam[1:]}
    elif naam:
        aanhef = _("Beste %(naam)s,") % {"naam": naam}
    else:
        aanhef = _("Beste bewoner,")
    return Ontvanger(naam=naam or _("De bewoner"), aanhef=aanhef, adresregels=regels)


def _brief(sjabloon, stijl, ontv: Ontvanger, consulent_naam: str) -> dict:
    vandaag = date_format(timezone.localdate(), "j F Y")
    waarden = {
        "aanhef": ontv.aanhef, "naam": ontv.naam, "gemeente": stijl.gemeentenaam, "afdeling": stijl.afdeling,
        "telefoon": stijl.telefoon, "email": stijl.email, "website": stijl.website,
        "consulent": consulent_naam, "ondertekening": stijl.ondertekening, "datum": vandaag,
    }
    return {"ontvanger": ontv, "datum": vandaag, "onderwerp": vul_in(sjabloon.onderwerp, waarden),
            "blokken": alineas(vul_in(sjabloon.tekst, waarden))}


LOGO_SOORTEN = ("data:image/png;base64,", "data:image/jpeg;base64,")


def bruikbaar_logo(stijl) -> str:
    """The stored logo if it is a PNG or JPEG; an older SVG logo is not put on letters (an SVG
    can point at other files and addresses), so the municipality's name shows instead."""
    return stijl.logo if stijl.logo.startswith(LOGO_SOORTEN) else ""


def render_pdf(sjabloon, brieven: list[dict], stijl=None) -> bytes:
    from vroeghulp.zaken.pdf import pdf_van_html

    stijl = stijl or huisstijl()
    html = render_to_string("zaken/brief_pdf.html", {
        "sjabloon": sjabloon, "brieven": brieven, "stijl": stijl, "logo": bruikbaar_logo(stijl),
        "kaartje": sjabloon.soort == Briefsoort.KAARTJE,
    })
    return pdf_van_html(html)


def maak_pdf(zaken, sjabloon, *, door) -> bytes:
    """One PDF with a letter (or card) per case. Every letter is an audited export."""
    stijl = huisstijl()
    consulent_naam = (door.get_full_name() or door.get_username()) if door is not None else stijl.ondertekening
    brieven = []
    for zaak in zaken:
        brieven.append(_brief(sjabloon, stijl, ontvanger(zaak), consulent_naam))
        audit.log(actor=door, actie=Actie.EXPORTEREN, object_type=zaak._meta.label, object_id=zaak.pk,
                  persoon_id=zaak.inwoner_id, doel=DOEL, toelichting=f"{sjabloon.get_soort_display()}: {sjabloon.naam}")
    return render_pdf(sjabloon, brieven, stijl)


def voorbeeld_pdf(sjabloon) -> bytes:
    """A preview with a made-up resident (no personal data)."""
    stijl = huisstijl()
    ontv = Ontvanger(naam="A. Voorbeeld", aanhef=_("Beste mevrouw Voorbeeld,"),
                     adresregels=["Voorbeeldstraat 1", "3500 AA  UTRECHT"])
    return render_pdf(sjabloon, [_brief(sjabloon, stijl, ontv, _("Uw naam"))], stijl)
