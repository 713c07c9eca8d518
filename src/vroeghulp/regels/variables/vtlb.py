"""Vrij te laten bedrag (vtlb) and afloscapaciteit for an 18-month schuldregeling.

Recofa-methode: vtlb = beslagvrije voet + nominale correcties. The law only fixes the floor: in the
Wsnp the beslagvrije voet stays out of the estate and the rechter-commissaris may add an amount (Fw
art. 295 lid 2-3); a minnelijke regeling respects at least the beslagvrije voet (Wgs art. 4a lid 5).

Choices (documented in docs/regels.md):
- The base is the beslagvrije voet after art. 475da and 475db (partner income counted), before the
  95% rule of art. 475dc: that rule protects a garnishing creditor and the NVVK Gedragscode (from
  1-7-2024) has no 5% minimum any more, so a "nul-aanbod" is possible.
- The current Recofa report with its normbedragen was not found, so no correction is computed
  here: the schuldhulpverlener enters the sum of the corrections (woonlasten, zorgkosten, reiskosten,
  studiekosten kinderen, kinderopvang, alimentatie, bewindvoering) in ``vtlb_nominale_correcties``.
- afloscapaciteit = netto inkomen van de schuldenaar − vtlb, not below zero; the total over the
  looptijd (18 months, Fw art. 349a lid 1) is 18 × the monthly amount.
- ``vtlb_pgl_correctie``: the PGL-correctie as the NVVK described it in 2021 (95% × (AOW norm of Pw art.
  22 − norm of art. 21) when debtor or partner has reached the AOW age). The current Recofa report was not
  read, so it is only shown as a hint in the uitkomst and is not part of ``vtlb``.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden

FW = "https://wetten.overheid.nl/BWBR0001860/2026-01-01"
FW_295 = FW + "#Artikel295"
FW_349A = FW + "#Artikel349a"
NVVK_PGL = "https://www.nvvk.nl/page/1439/2021/07/09/Nieuwe-vtlb-calculator-beschikbaar"


def _centen(bedragen):
    return np.floor(np.asarray(bedragen, dtype=float) * 100 + 0.5 + 1e-7) / 100


class vtlb_nominale_correcties(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Som van de nominale correcties op de beslagvrije voet per maand (Recofa-methode), door de schuldhulpverlener vastgesteld"
    reference = FW_295


class vtlb(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vrij te laten bedrag per maand: beslagvrije voet (na art. 475db) plus nominale correcties"
    reference = FW_295

    def formula_2024_01_01(huishouden, period):
        bvv = huishouden("bvv_na_verminderingen", period)
        return _centen(np.maximum(0, bvv) + np.maximum(0, huishouden("vtlb_nominale_correcties", period)))


class afloscapaciteit_per_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Afloscapaciteit per maand: netto inkomen van de schuldenaar min het vtlb, niet lager dan nul"
    reference = FW_295

    def formula_2024_01_01(huishouden, period):
        inkomen = huishouden("bvv_inkomen_schuldenaar", period)
        return _centen(np.maximum(0, inkomen - huishouden("vtlb", period)))


class afloscapaciteit_looptijd(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Afloscapaciteit over de hele looptijd van de schuldregeling (18 maanden)"
    reference = FW_349A

    def formula_2024_01_01(huishouden, period, parameters):
        maanden = parameters(period).vtlb.looptijd_maanden
        return _centen(huishouden("afloscapaciteit_per_maand", period) * maanden)


class vtlb_pgl_correctie(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = ("PGL-correctie per maand (Recofa-methode volgens NVVK 2021): 95% van het verschil tussen de "
             "bijstandsnorm voor AOW-gerechtigden en de gewone norm; alleen als aanwijzing, niet in het vtlb")
    reference = NVVK_PGL

    def formula_2021_01_01(huishouden, period, parameters):
        p = parameters(period)
        b = p.bijstand
        partner = huishouden("heeft_partner", period)
        aow = huishouden("bijstand_pensioengerechtigd", period)
        # The norms without kostendelers, as the beslagvrije voet uses them (Rv art. 475da lid 2: A and B).
        gewoon = np.where(partner, b.norm_gehuwden, b.norm_alleenstaande)
        met_aow = np.where(partner, b.norm_gehuwden_pensioen, b.norm_alleenstaande_pensioen)
        return np.where(aow, _centen(p.vtlb.pgl_correctie_percentage * np.maximum(0, met_aow - gewoon)), 0)
