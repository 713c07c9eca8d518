"""Demo step (``vroeghulp.demo.steps.STEPS``): move the demo cases through the workflow.

After the signalering step has matched the demo signals into cases (all "nieuw"), this step
spreads them over every state — opgepakt with failed attempts, contact gelegd, hulp aangeboden,
afgerond with DDAS results, niet opgepakt with its reason — with contact attempts of every kind,
status history, assignment to the demo caseworkers, deadlines (some overdue) and the partners'
signal status. Older cases are further along. Set-based (bulk statements): the demo may hold
tens of thousands of cases. The same rules as the workflow (transition table, terugkoppeling)
decide every value, so the data is what the screens would have produced. Idempotent: skipped
when cases already have a history.
"""

from collections import defaultdict
from datetime import timedelta

from vroeghulp.accounts.models import Gebruiker, Rol
from vroeghulp.zaken import brieven, termijnen, terugkoppeling, workflow
from vroeghulp.zaken.models import (
    Contactpoging, Contactsoort as C, Dagdeel as D, Eindresultaat as E, Notitie,
    Statuswijziging, Vroegsignaalzaak, Zaakstatus as S,
)

PAD = {
    S.NIEUW: [],
    S.OPGEPAKT: [S.OPGEPAKT],
    S.CONTACT_GELEGD: [S.OPGEPAKT, S.CONTACT_GELEGD],
    S.HULP_AANGEBODEN: [S.OPGEPAKT, S.CONTACT_GELEGD, S.HULP_AANGEBODEN],
    S.AFGEROND: [S.OPGEPAKT, S.CONTACT_GELEGD, S.HULP_AANGEBODEN, S.AFGEROND],
    "afgerond_zonder_contact": [S.OPGEPAKT, S.AFGEROND],
    S.NIET_OPGEPAKT: [S.NIET_OPGEPAKT],
}
# (target, weight) by age of the case in days: young cases are mostly new.
VERDELING = [
    (7, [(S.NIEUW, 70), (S.OPGEPAKT, 25), (S.CONTACT_GELEGD, 5)]),
    (30, [(S.NIEUW, 20), (S.OPGEPAKT, 35), (S.CONTACT_GELEGD, 15), (S.HULP_AANGEBODEN, 10),
          ("afgerond_zonder_contact", 8), (S.AFGEROND, 7), (S.NIET_OPGEPAKT, 5)]),
    (10_000, [(S.NIEUW, 4), (S.OPGEPAKT, 8), (S.CONTACT_GELEGD, 5), (S.HULP_AANGEBODEN, 8),
              ("afgerond_zonder_contact", 40), (S.AFGEROND, 28), (S.NIET_OPGEPAKT, 7)]),
]
# About 1 in 5 cases reaches the resident (Divosa); after contact about 1 in 3 accepts help.
RESULTAAT_NA_CONTACT = [(E.VERVOLGHULP_FINANCIEEL, 30), (E.BUDGETADVIES, 20), (E.REGELT_ZELF, 20),
                        (E.AL_BETAALD, 12), (E.VERVOLGHULP_NIET_FINANCIEEL, 8), (E.ANDER_TRAJECT, 5),
                        (E.GEEN_REACTIE, 5)]
RESULTAAT_ZONDER_CONTACT = [(E.GEEN_CONTACT, 80), (E.AL_BEKEND, 8), (E.AL_BETAALD, 6),
                            (E.VERWIJZING_ZONDER_INWONER, 3), (E.GEEN_INWONER, 2), (E.OVERLEDEN, 1)]
REDEN_NIET_OPGEPAKT = [(E.ONTERECHT, 40), (E.ANDERE_REDEN, 30), (E.AL_BEKEND, 30)]
MISLUKT = [(C.TELEFOON, D.OCHTEND), (C.TELEFOON, D.MIDDAG), (C.BRIEF, ""), (C.HUISBEZOEK, D.MIDDAG),
           (C.SMS_WHATSAPP, D.AVOND), (C.KAARTJE, ""), (C.MAIL, ""), (C.TELEFOON, D.AVOND)]
BEREIKT = [(C.HUISBEZOEK, D.AVOND), (C.TELEFOON, D.AVOND), (C.TELEFOON, D.MIDDAG),
           (C.AFSPRAAK_OP_LOCATIE, D.OCHTEND), (C.SMS_WHATSAPP, D.MIDDAG)]


def _kies(rng, opties):
    totaal = sum(g for _, g in opties)
    x = rng.random() * totaal
    for waarde, gewicht in opties:
        x -= gewicht
        if x <= 0:
            return waarde
    return opties[-1][0]


def _medewerkers_per_wijk() -> dict[int, list]:
    per_wijk = defaultdict(list)
    for gebruiker in Gebruiker.objects.filter(rol__in=[Rol.CONSULENT, Rol.TEAMLEIDER], is_active=True).prefetch_related("teams__wijken").order_by("rol", "username"):
        for team in gebruiker.teams.all():
            for wijk in team.wijken.all():
                per_wijk[wijk.pk].append(gebruiker)
    return per_wijk


def vul(context) -> None:
    brieven.sjablonen()
    brieven.huisstijl()
    if Statuswijziging.objects.exists() or Contactpoging.objects.exists():
        context.meld("Zaken: de demozaken hebben al een geschiedenis; niets gewijzigd.")
        return
    rng = context.random_voor("zaken-werkstroom")
    vandaag = context.vandaag
    medewerkers = _medewerkers_per_wijk()
    zaken = list(Vroegsignaalzaak.objects.filter(status=S.NIEUW).order_by("id"))
    if not zaken:
        context.meld("Zaken: geen demozaken gevonden.")
        return
    historie, pogingen, notities, gewijzigd = [], [], [], []
    telling = defaultdict(int)
    for zaak in zaken:
        leeftijd = (vandaag - zaak.matchingsdatum).days
        doel = _kies(rng, next(v for grens, v in VERDELING if leeftijd <= grens))
        if zaak.warme_overdracht and doel == S.NIET_OPGEPAKT:
            doel = S.OPGEPAKT
        stappen = PAD[doel]
        mensen = medewerkers.get(zaak.wijk_id) or [None]
        wie = mensen[int(rng.random() * len(mensen))] if len(mensen) > 1 and rng.random() < 0.5 else mensen[0]
        dag = min(vandaag, zaak.matchingsdatum + timedelta(days=1 + int(rng.random() * 3)))
        van = S.NIEUW
        resultaat = ""
        for naar in stappen:
            if naar == S.OPGEPAKT:
                zaak.datum_opgepakt, zaak.toegewezen_aan = dag, wie
                # failed attempts first: vary channel and time of day
                for soort, dagdeel in MISLUKT[: 1 + int(rng.random() * (4 if S.CONTACT_GELEGD in stappen else 6))]:
                    pogingen.append(Contactpoging(zaak=zaak, soort=soort, dagdeel=dagdeel, datum=dag, bereikt=False,
                                                  door=wie, notitie="Geen gehoor" if soort == C.TELEFOON else ""))
                    dag = min(vandaag, dag + timedelta(days=1 + int(rng.random() * 3)))
            elif naar == S.CONTACT_GELEGD:
                soort, dagdeel = BEREIKT[int(rng.random() * len(BEREIKT))]
                pogingen.append(Contactpoging(zaak=zaak, soort=soort, dagdeel=dagdeel, datum=dag, bereikt=True,
                                              door=wie, notitie="Gesprek gehad, afspraak gemaakt"))
            elif naar == S.HULP_AANGEBODEN:
                dag = min(vandaag, dag + timedelta(days=int(rng.random() * 5)))
                zaak.datum_hulp_aangeboden = dag
            elif naar == S.AFGEROND:
                dag = min(vandaag, dag + timedelta(days=int(rng.random() * 10)))
                opties = RESULTAAT_NA_CONTACT if van != S.OPGEPAKT else RESULTAAT_ZONDER_CONTACT
                resultaat = _kies(rng, opties)
                zaak.datum_afgerond = dag
            elif naar == S.NIET_OPGEPAKT:
                resultaat = _kies(rng, REDEN_NIET_OPGEPAKT)
                zaak.datum_afgerond = dag
                if resultaat == E.ANDERE_REDEN:
                    zaak.reden_toelichting = "Inwoner woont tijdelijk bij familie buiten de gemeente."
            overgang = workflow.TABEL[(van, naar)]  # the demo follows the transition table
            assert not overgang.resultaten or resultaat in overgang.resultaten, (van, naar, resultaat)
            historie.append(Statuswijziging(zaak=zaak, van=van, naar=naar, door=wie,
                                            resultaat=resultaat if overgang.resultaten else ""))
            van = naar
        zaak.status = van
        zaak.resultaat = resultaat
        heeft_poging = van not in (S.NIEUW, S.NIET_OPGEPAKT)
        velden = termijnen.termijnvelden(
            status=van, contact_uiterlijk=zaak.contact_uiterlijk, matchingsdatum=zaak.matchingsdatum,
            heeft_contactpoging=heeft_poging, hulpaanbod_uiterlijk=zaak.hulpaanbod_uiterlijk,
        )
        zaak.deadline, zaak.deadline_soort = velden["deadline"], velden["deadline_soort"]
        if van == S.CONTACT_GELEGD and rng.random() < 0.3:
            notities.append(Notitie(zaak=zaak, door=wie, tekst="Inwoner wil eerst met partner overleggen. Volgende week terugbellen."))
        gewijzigd.append(zaak)
        telling[van] += 1

    Vroegsignaalzaak.objects.bulk_update(gewijzigd, [
        "status", "resultaat", "datum_opgepakt", "toegewezen_aan", "datum_hulp_aangeboden", "datum_afgerond",
        "reden_toelichting", "deadline", "deadline_soort"], batch_size=500)
    Statuswijziging.objects.bulk_create(historie, batch_size=1000)
    Contactpoging.objects.bulk_create(pogingen, batch_size=1000)
    Notitie.objects.bulk_create(notities, batch_size=1000)
    terugkoppeling.bijwerken_zaken([z.pk for z in gewijzigd], datum=vandaag)
    samenvatting = ", ".join(f"{S(s).label.lower()} {n}" for s, n in sorted(telling.items()))
    context.meld(f"Zaken: {len(gewijzigd)} demozaken door de werkstroom gezet ({samenvatting}); "
                 f"{len(pogingen)} contactpogingen.")
