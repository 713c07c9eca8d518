"""Signal partners of the demo: one per DDAS type (docs/interfaces.md section 6) and one informal partner.

Names, KvK numbers (99xxxxxx) and contact persons are fictitious.
"""

from django.utils.translation import gettext as _

from vroeghulp.signalering.models import PartnerType, Signaalpartner

PARTNERS = (
    # code, naam, type, contactpersoon
    ("huur", "Woonstichting Domstad", PartnerType.HUUR, "Marloes Verbeek"),
    ("energie", "Stroomkracht Energie B.V.", PartnerType.ENERGIE, "Joris Hamers"),
    ("water", "Waterbedrijf Midden-Utrecht", PartnerType.WATER, "Sevda Yıldız"),
    ("zorg", "Zorgverzekeraar Stichtse Zorg", PartnerType.ZORG, "Pieter van Rooijen"),
    ("cak-zorgverzekeringen", "CAK Zorgverzekeringen (demo)", PartnerType.CAK_ZORGVERZEKERINGEN, "Anouk de Kruijf"),
    ("cak-eigen-bijdrage", "CAK Eigen bijdrage (demo)", PartnerType.CAK_EIGEN_BIJDRAGE, "Ruud Oosterhout"),
    ("hypotheek", "Domtoren Hypotheken N.V.", PartnerType.HYPOTHEEK, "Femke Lammers"),
    ("duo", "DUO Terugbetalen (demo)", PartnerType.DUO, "Hamid Bouali"),
    ("belastingdienst", "Belastingdienst Inning (demo)", PartnerType.BELASTINGDIENST, "Ingrid Wolters"),
    ("dienst-toeslagen", "Dienst Toeslagen Terugvordering (demo)", PartnerType.DIENST_TOESLAGEN, "Kevin Sitaldin"),
    ("overige", "Incassobureau Vechtstreek B.V.", PartnerType.OVERIGE, "Lotte Brandsma"),
)
HUISARTS = ("huisarts-overvecht", "Huisartsenpraktijk Overvecht", PartnerType.OVERIGE, "Dr. Noor Haddou")


def _kvk(i: int) -> str:
    return f"99{i:06d}"


def vul(ctx) -> None:
    for i, (code, naam, soort, contact) in enumerate(PARTNERS + (HUISARTS,), start=1):
        Signaalpartner.objects.update_or_create(
            code=code,
            defaults={
                "naam": naam,
                "type": soort,
                "kvk_nummer": _kvk(1000 + i),
                "contactpersoon": contact,
                "contact_email": f"vroegsignalering@{code}.vroeghulp-demo.example",
                "informeel": code == HUISARTS[0],
            },
        )
    ctx.meld(_("%(n)d signaalpartners en 1 informele partner aangemaakt.") % {"n": len(PARTNERS)})
