"""The proposal letters: one betalingsvoorstel letter per creditor, as one PDF.

Each letter has the municipality's text (``brieven.sjabloon``) with {aanbod} {percentage} and
{toelichting_soort} (what the kind of regeling means for the creditor), and two tables: the whole
offer per creditor (every creditor sees the same equal treatment) and how the pool was computed.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from vroeghulp.schuldhulp import brieven
from vroeghulp.schuldhulp.models import Berichtsoort, Voorstel, Voorstelsoort


def procent(waarde: Decimal) -> str:
    """62,50% (Dutch notation)."""
    return f"{waarde:.2f}".replace(".", ",") + "%"


def toelichting_soort(voorstel: Voorstel, naam: str) -> str:
    maanden = voorstel.looptijd_maanden
    if voorstel.soort == Voorstelsoort.SANERINGSKREDIET:
        return _("Dit is een saneringskrediet. De kredietbank betaalt u dit bedrag in één keer, zodra alle "
                 "schuldeisers akkoord zijn. %(naam)s betaalt het krediet daarna in %(maanden)s maanden terug aan "
                 "de kredietbank.") % {"naam": naam, "maanden": maanden}
    if voorstel.soort == Voorstelsoort.NUL_AANBOD:
        return _("Dit is een nul-aanbod. Het inkomen van %(naam)s is niet hoger dan het vrij te laten bedrag: "
                 "het bedrag dat iemand nodig heeft om van te leven. Er is dus niets over om af te lossen. "
                 "Volgens de Gedragscode Schuldhulpverlening van de NVVK (sinds 1 juli 2024) is het vrij te laten "
                 "bedrag de ondergrens, en doen wij dan een nul-aanbod.") % {"naam": naam}
    return _("Dit is een schuldregeling. %(naam)s betaalt %(maanden)s maanden lang elke maand wat er over is. "
             "U krijgt het aangeboden bedrag verdeeld over die %(maanden)s maanden.") % {"naam": naam, "maanden": maanden}


def tabel_aanbod(voorstel: Voorstel, regels) -> brieven.Tabel:
    rijen = [[r.schuld.schuldeiser.naam, brieven.euro(r.schuldbedrag),
              _("preferent") if r.preferent else _("concurrent"), brieven.euro(r.bedrag), procent(r.percentage)]
             for r in regels]
    totaal_aanbod = sum((r.bedrag for r in regels), Decimal("0.00"))
    return brieven.Tabel(
        kop=_("Het aanbod aan alle schuldeisers"),
        kolommen=[_("Schuldeiser"), _("Vordering"), _("Soort"), _("Aanbod"), _("Percentage")],
        rijen=rijen,
        voet=[_("Totaal: vorderingen %(schulden)s, aanbod %(aanbod)s.")
              % {"schulden": brieven.euro(voorstel.totaal_schulden), "aanbod": brieven.euro(totaal_aanbod)},
              _("Concurrente schuldeisers krijgen allemaal hetzelfde percentage. Preferente schuldeisers krijgen "
                "twee keer dat percentage, maar nooit meer dan hun vordering.")])


def tabel_berekening(voorstel: Voorstel, aantal_schuldeisers: int | None = None) -> brieven.Tabel:
    """The calculation and the summary of the whole offer, in every letter (the full list per
    creditor is the appendix, ``tabel_aanbod``)."""
    rijen = [
        [_("Afloscapaciteit per maand"), brieven.euro(voorstel.afloscapaciteit_per_maand)],
        [_("Looptijd"), _("%(maanden)s maanden") % {"maanden": voorstel.looptijd_maanden}],
        [_("Totaal beschikbaar voor de schuldeisers"), brieven.euro(voorstel.pool)],
        [_("Totaal van de vorderingen"), brieven.euro(voorstel.totaal_schulden)],
        [_("Percentage concurrente schuldeisers"), procent(voorstel.percentage_concurrent)],
        [_("Percentage preferente schuldeisers"), procent(voorstel.percentage_preferent)],
    ]
    if aantal_schuldeisers is not None:
        rijen.append([_("Aantal schuldeisers in dit voorstel"), str(aantal_schuldeisers)])
    voet = []
    berekening = voorstel.berekening
    if berekening is not None and berekening.regeling == "vtlb":
        vtlb = berekening.uitkomst.get("vtlb_per_maand")
        if vtlb is not None:
            rijen.insert(0, [_("Vrij te laten bedrag per maand (vtlb)"), brieven.euro(Decimal(str(vtlb)))])
        voet.append(_("Berekend op %(datum)s met de rekenregels %(versie)s.")
                    % {"datum": brieven.datum(berekening.peildatum), "versie": berekening.rekenregels_versie})
        voet += [f"{b['titel']}: {b['url']}" for b in berekening.uitkomst.get("bronnen", [])]
    elif berekening is not None:
        voet.append(_("De afloscapaciteit is vastgesteld door de schuldhulpverlener: %(reden)s")
                    % {"reden": berekening.verzoek.get("reden", "")})
    voet.append(_("Looptijd van 18 maanden: Faillissementswet art. 349a lid 1."))
    return brieven.Tabel(kop=_("Zo hebben wij het aanbod berekend"), kolommen=[_("Onderdeel"), _("Bedrag")],
                         rijen=rijen, voet=voet)


def pdf(voorstel: Voorstel, *, door) -> bytes:
    """All letters of a sent proposal in one PDF; each letter is an audited export.

    Each letter has its own offer in the text and the calculation with the totals (pool, claims,
    both percentages, number of creditors); the offer to every creditor follows each letter as
    its appendix, so every creditor can check the equal treatment. The appendix is laid out once
    for all letters (``brieven.render_pdf(bijlage=...)``): in every letter, a 60-row table made
    60 letters take about 20 seconds."""
    regels = list(voorstel.regels.select_related("schuld__schuldeiser", "schuld__traject__inwoner__huishouden__adres",
                                                 "bericht"))
    naam = regels[0].schuld.traject.inwoner.naam
    berekening = [tabel_berekening(voorstel, len(regels))]
    uitleg = toelichting_soort(voorstel, naam)
    stukken = [
        brieven.brief(r.schuld, Berichtsoort.BETALINGSVOORSTEL, door=door,
                      antwoord_uiterlijk=r.bericht.antwoord_uiterlijk if r.bericht_id else None,
                      extra={"aanbod": brieven.euro(r.bedrag), "percentage": procent(r.percentage),
                             "bedrag": brieven.euro(r.schuldbedrag), "toelichting_soort": uitleg},
                      tabellen=berekening)
        for r in regels]
    bijlage = brieven.bijlage(_("Bijlage bij het voorstel voor %(naam)s: het aanbod aan alle schuldeisers")
                              % {"naam": naam}, [tabel_aanbod(voorstel, regels)])
    return brieven.render_pdf(stukken, _("Voorstel aan de schuldeisers"), bijlage=bijlage)
