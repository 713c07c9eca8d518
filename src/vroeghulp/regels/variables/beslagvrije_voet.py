"""Beslagvrije voet (Wetboek van Burgerlijke Rechtsvordering art. 475ab–475fa, text from 1-1-2026).

Order of the law (all amounts per month):
1. art. 475da lid 2 by leefsituatie, with the legend of the 2026 text:
       95% × A (alleenstaande) or 95% × B (gehuwden)
     + ((C − D) / 12) × E, at most the lid 3 cap
     + I × (F or G) / 12, or H − J if that is less
     + for parents: ((C − D) / 12) × K, or ((C − (D + L)) / 12) × K for gehuwden
   A, B: Participatiewet art. 21 a, b; C: belastbaar inkomen of debtor and spouse (input
   ``toetsingsinkomen``); D, E: drempelinkomen and percentage of the Wet op de zorgtoeslag;
   F, G, H, I, J: afbouwpercentage, maximale huurgrens, minimum-inkomensijkpunt and basishuur of
   the Wet op de huurtoeslag; K, L: afbouwpercentage and partner-drempel of the Wet op het
   kindgebonden budget. Every letter is read from the parameters of that law, never copied.
2. at most the lid 1 maximum of the leefsituatie;
3. + woonkosten increase of lid 5 (on request) when woonkosten ≥ 110% of H;
4. − art. 475db: the spouse's own income, to at most half of the beslagvrije voet;
5. art. 475dc, applied last: at most 95% of the debtor's monthly income incl. vakantiebijslag.

The compensation terms are not allowed below zero. The law does not floor them, but the
government's explanation (the creditor always gets at least 5%; with a bijstandsuitkering the
beslagvrije voet is 95% of the norm, uwbeslagvrijevoet.nl) only holds with non-negative terms.

2024 and 2025 (texts valid 2024-01-01, 2024-07-01, 2025-01-01 and 2025-07-01; lid 2 reads the same in
all four): the same order, but the huurtoeslag term of lid 2 is
    ((F × C² + G × C) – J) for an alleenstaande and ((H × C² + I × C) – J) for the others,
with F, G and H, I the normhuur factors a and b of the Wet op de huurtoeslag (art. 19 lid 2) for an een-
and a meerpersoonshuishouden, and J the normhuur at the minimum-inkomensijkpunt (Wht art. 17 lid 2,
€ 226,67 in 2024, € 238,01 in 2025). The legend of these texts was not read (the consolidated copy drops
it): these meanings are the only ones with which the lid 1 maxima (lid 8) and the lid 7 limits (lid 9) of
2024 and 2025 come out to the cent (tests/test_normhuur_2024_2025.py) — all but the two maxima with
children of 1-7-2024, which imply a D of about € 27.651 instead of the drempelinkomen 2024 (€ 26.819,
docs/regels.md, Beslagvrije voet); D stays the Wzt drempelinkomen of the year. The term has no cap of its own: the
lid 1 maximum caps the total. Formulas start 2024-01-01, the first peildatum the service accepts.
"""

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from vroeghulp.regels.entities import Huishouden
from vroeghulp.regels.variables.invoer import WoningSoort

RV = "https://wetten.overheid.nl/BWBR0001827/2026-01-01#"
RV_475DA = RV + "Artikel475da"


class BvvLeefsituatie(Enum):
    alleenstaande = "Alleenstaande"
    alleenstaande_ouder = "Alleenstaande ouder"
    gehuwden_zonder_kinderen = "Gehuwden zonder kinderen"
    gehuwden_met_kinderen = "Gehuwden met een of meer kinderen"


def _per_leefsituatie(leefsituatie, alleenstaande, ouder, gehuwd_zonder, gehuwd_met):
    return np.select(
        [
            leefsituatie == BvvLeefsituatie.alleenstaande,
            leefsituatie == BvvLeefsituatie.alleenstaande_ouder,
            leefsituatie == BvvLeefsituatie.gehuwden_zonder_kinderen,
        ],
        [alleenstaande, ouder, gehuwd_zonder],
        gehuwd_met,
    )


class bvv_berekend(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De beslagvrije voet kan voor deze maand worden berekend (tekst art. 475da vanaf 2024)"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period):
        return np.ones(huishouden.count, dtype=bool)


class bvv_leefsituatie(Variable):
    value_type = Enum
    possible_values = BvvLeefsituatie
    default_value = BvvLeefsituatie.alleenstaande
    entity = Huishouden
    definition_period = MONTH
    label = "Leefsituatie van de schuldenaar (art. 475da lid 1; zonder gegevens alleenstaande, art. 475ga lid 2)"
    reference = RV_475DA

    def formula(huishouden, period):
        gehuwd = huishouden("heeft_partner", period)
        kinderen = huishouden("aantal_kinderen", period) > 0
        return np.select(
            [gehuwd * kinderen, gehuwd, kinderen],
            [
                BvvLeefsituatie.gehuwden_met_kinderen,
                BvvLeefsituatie.gehuwden_zonder_kinderen,
                BvvLeefsituatie.alleenstaande_ouder,
            ],
            BvvLeefsituatie.alleenstaande,
        )


class bvv_belastbaar_inkomen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "C: belastbaar inkomen per jaar van schuldenaar en echtgenoot (art. 475d lid 1, art. 475da lid 2)"
    reference = RV + "Artikel475d"

    def formula(huishouden, period):
        return np.maximum(0, huishouden("toetsingsinkomen_huishouden", period.this_year))


class bvv_basis(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "95% van de bijstandsnorm A (alleenstaande, alleenstaande ouder) of B (gehuwden)"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period, parameters):
        p = parameters(period)
        gehuwd = huishouden("heeft_partner", period)
        norm = np.where(gehuwd, p.bijstand.norm_gehuwden, p.bijstand.norm_alleenstaande)
        return p.beslagvrije_voet.percentage_norm * norm


class bvv_zorgdeel(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Zorgdeel ((C − D) / 12) × E, ten hoogste de standaardpremie per maand min art. 23 lid 2 Pw (lid 3)"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period, parameters):
        p = parameters(period)
        gehuwd = huishouden("heeft_partner", period)
        inkomen = huishouden("bvv_belastbaar_inkomen", period)
        drempel = np.minimum(p.algemeen.drempelinkomen, inkomen)  # D: C when C is lower
        deel = (inkomen - drempel) / 12 * p.zorgtoeslag.percentage_boven_drempelinkomen
        # Lid 3: the standaardpremie of the household (twice for gehuwden, as for the zorgtoeslag;
        # the lid 1 maxima for gehuwden come out exactly with twice the premie, see the lid 8 test).
        premie = p.zorgtoeslag.standaardpremie * np.where(gehuwd, 2, 1) / 12
        aftrek = np.where(
            gehuwd,
            p.beslagvrije_voet.zorgbedrag_participatiewet.gehuwden,
            p.beslagvrije_voet.zorgbedrag_participatiewet.alleenstaande,
        )
        return np.clip(deel, 0, np.maximum(0, premie - aftrek))


class bvv_meerpersoons(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Meerpersoonsparameters van de huurtoeslag (G, meerpersoons I en J): alle leefsituaties behalve alleenstaande"
    reference = RV_475DA

    def formula(huishouden, period):
        return huishouden("bvv_leefsituatie", period) != BvvLeefsituatie.alleenstaande


class bvv_huurdeel_maximum(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "H − J: maximale huurgrens min basishuur"
    reference = RV_475DA

    def formula_2026_01_01(huishouden, period, parameters):
        ht = parameters(period).huurtoeslag
        basishuur = np.where(
            huishouden("bvv_meerpersoons", period),
            ht.basishuur.meerpersoonshuishouden,
            ht.basishuur.eenpersoonshuishouden,
        )
        return ht.maximale_huurgrens - basishuur


class bvv_huurdeel(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Huurdeel: 2024-2025 (F × C² + G × C) − J of (H × C² + I × C) − J; vanaf 2026 I × (F of G) / 12, ten hoogste H − J"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period, parameters):
        # Lid 2 (texts 2024 and 2025): F, G (alleenstaande) or H, I (the others) are the normhuur factors a and b;
        # J is the normhuur at the minimum-inkomensijkpunt (see the module docstring). Not below zero.
        normhuur = parameters(period).huurtoeslag.normhuur
        meer = huishouden("bvv_meerpersoons", period)
        a = np.where(meer, normhuur.factor_a.meerpersoonshuishouden, normhuur.factor_a.eenpersoonshuishouden)
        b = np.where(meer, normhuur.factor_b.meerpersoonshuishouden, normhuur.factor_b.eenpersoonshuishouden)
        c = huishouden("bvv_belastbaar_inkomen", period)
        return np.maximum(0, a * c**2 + b * c - normhuur.bij_minimum_inkomensijkpunt)

    def formula_2026_01_01(huishouden, period, parameters):
        ht = parameters(period).huurtoeslag
        meer = huishouden("bvv_meerpersoons", period)
        ijkpunt = np.where(
            meer, ht.minimum_inkomensijkpunt.meerpersoonshuishouden, ht.minimum_inkomensijkpunt.eenpersoonshuishouden
        )
        pct = np.where(meer, ht.afbouwpercentage.meerpersoonshuishouden, ht.afbouwpercentage.eenpersoonshuishouden)
        i = np.maximum(0, huishouden("bvv_belastbaar_inkomen", period) - ijkpunt)
        return np.minimum(i * pct / 12, huishouden("bvv_huurdeel_maximum", period))


class bvv_kinddeel(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Kinddeel ((C − D) / 12) × K, voor gehuwden ((C − (D + L)) / 12) × K"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period, parameters):
        p = parameters(period)
        leefsituatie = huishouden("bvv_leefsituatie", period)
        inkomen = huishouden("bvv_belastbaar_inkomen", period)
        drempel = np.minimum(p.algemeen.drempelinkomen, inkomen)
        verhoging = p.kindgebonden_budget.verhoging_drempel_partners
        k = p.kindgebonden_budget.afbouwpercentage
        ouder = np.maximum(0, inkomen - drempel) / 12 * k
        gehuwd = np.maximum(0, inkomen - (drempel + verhoging)) / 12 * k
        return _per_leefsituatie(leefsituatie, 0.0, ouder, 0.0, gehuwd)


class bvv_volgens_formule(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Beslagvrije voet volgens de formule van art. 475da lid 2"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period):
        return (
            huishouden("bvv_basis", period)
            + huishouden("bvv_zorgdeel", period)
            + huishouden("bvv_huurdeel", period)
            + huishouden("bvv_kinddeel", period)
        )


class bvv_maximum(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Maximale beslagvrije voet voor de leefsituatie (art. 475da lid 1)"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period, parameters):
        m = parameters(period).beslagvrije_voet.maximum
        return _per_leefsituatie(
            huishouden("bvv_leefsituatie", period),
            m.alleenstaande,
            m.alleenstaande_ouder,
            m.gehuwden_zonder_kinderen,
            m.gehuwden_met_kinderen,
        )


class bvv_woonkosten(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Woonkosten per maand voor art. 475da lid 5: kale huur plus servicekosten van een huurwoning"
    reference = RV_475DA

    def formula(huishouden, period):
        # Owner-occupiers (lid 7) are handled by a separate AMvB rule that is not encoded.
        huur = huishouden("woning_soort", period) == WoningSoort.huur
        return huur * (huishouden("kale_huur", period) + huishouden("servicekosten", period))


class bvv_woonkostenverhoging(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Verhoging op verzoek voor hoge woonkosten: het deel boven H + 10% (art. 475da lid 5)"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period, parameters):
        p = parameters(period)
        grens = p.huurtoeslag.maximale_huurgrens * (1 + p.beslagvrije_voet.woonkosten_ophoging)
        verhoging = np.maximum(0, huishouden("bvv_woonkosten", period) - grens)
        # For a married debtor only insofar as the spouse's own income cannot pay it (lid 5, last
        # sentence): reduced here by the spouse's income that step 475db does not already count.
        partner_inkomen = huishouden("bvv_partnerinkomen", period)
        voor_db = np.minimum(huishouden("bvv_volgens_formule", period), huishouden("bvv_maximum", period))
        al_geteld = np.minimum(partner_inkomen, voor_db * p.beslagvrije_voet.aandeel_partnerinkomen)
        return np.maximum(0, verhoging - (partner_inkomen - al_geteld))


class bvv_partnerinkomen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Netto inkomen per maand van de echtgenoot incl. vakantiebijslag (niet onder beslag)"
    reference = RV + "Artikel475db"

    def formula(huishouden, period):
        inkomen = huishouden.members("netto_inkomen_per_maand", period)
        return huishouden.sum(inkomen * huishouden.members.has_role(Huishouden.PARTNER))


class bvv_inkomen_schuldenaar(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Netto inkomen per maand van de schuldenaar incl. vakantiebijslag (art. 475dc)"
    reference = RV + "Artikel475dc"

    def formula(huishouden, period):
        inkomen = huishouden.members("netto_inkomen_per_maand", period)
        return huishouden.sum(inkomen * huishouden.members.has_role(Huishouden.AANVRAGER))


class bvv_voor_verminderingen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Beslagvrije voet na het maximum (lid 1) en de woonkostenverhoging (lid 5)"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period):
        return np.minimum(
            huishouden("bvv_volgens_formule", period), huishouden("bvv_maximum", period)
        ) + huishouden("bvv_woonkostenverhoging", period)


class bvv_vermindering_partner(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vermindering met het inkomen van de echtgenoot, ten hoogste de helft (art. 475db lid 1 a)"
    reference = RV + "Artikel475db"

    def formula_2024_01_01(huishouden, period, parameters):
        helft = huishouden("bvv_voor_verminderingen", period) * parameters(
            period
        ).beslagvrije_voet.aandeel_partnerinkomen
        return np.minimum(huishouden("bvv_partnerinkomen", period), helft)


class bvv_na_verminderingen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Beslagvrije voet na art. 475da en 475db, vóór de 95%-regel"
    reference = RV + "Artikel475db"

    def formula_2024_01_01(huishouden, period):
        # 475db b (the debtor's own non-garnished income) is zero here: the contract's income of the
        # aanvrager is the income under beslag. 475db c (company car) is not an input.
        return huishouden("bvv_voor_verminderingen", period) - huishouden("bvv_vermindering_partner", period)


class bvv_95_procent_inkomen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "95% van het maandinkomen van de schuldenaar incl. vakantiebijslag (art. 475dc)"
    reference = RV + "Artikel475dc"

    def formula_2024_01_01(huishouden, period, parameters):
        pct = parameters(period).beslagvrije_voet.percentage_inkomen
        return pct * huishouden("bvv_inkomen_schuldenaar", period)


class bvv_95_procent_toegepast(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De 95%-regel van art. 475dc bepaalt de beslagvrije voet"
    reference = RV + "Artikel475dc"

    def formula_2024_01_01(huishouden, period):
        # Without a known income (0) the rule is not applied: there is nothing to garnish.
        inkomen = huishouden("bvv_inkomen_schuldenaar", period)
        return (inkomen > 0) * (huishouden("bvv_95_procent_inkomen", period) < huishouden("bvv_na_verminderingen", period))


class beslagvrije_voet(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Beslagvrije voet per maand in euro's en centen (art. 475da-475dc Rv)"
    reference = RV_475DA

    def formula_2024_01_01(huishouden, period):
        bedrag = np.where(
            huishouden("bvv_95_procent_toegepast", period),
            huishouden("bvv_95_procent_inkomen", period),
            huishouden("bvv_na_verminderingen", period),
        )
        return np.floor(np.maximum(0, bedrag) * 100 + 0.5 + 1e-7) / 100
