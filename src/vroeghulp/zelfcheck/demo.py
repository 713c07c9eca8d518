"""Demo step (``vroeghulp.demo.steps.STEPS``): what a beheerder would configure for the zelfcheck.

Three invented minimaregelingen of the demo municipality and, per wijk, a sociaal raadslieden
office, an inlooppunt and a formulierenbrigade, plus one schuldhulp desk for the whole
municipality. All names and addresses are made up. Idempotent: skipped when anything exists.
"""

from vroeghulp.gebieden.models import Wijk
from vroeghulp.zelfcheck.models import Hulppunt, Hulpsoort, Leeftijdvoor, LokaleRegeling

REGELINGEN = [
    dict(naam="Stadspas", inkomensgrens_procent=125, vermogensgrens=8000,
         omschrijving="Korting op sport, cultuur, zwemmen en het openbaar vervoer in de stad.",
         aanvragen="Vraag de Stadspas aan bij het Stadskantoor of bij een inlooppunt. Neem uw legitimatie en "
                   "een bankafschrift mee."),
    dict(naam="Meedoen voor kinderen", inkomensgrens_procent=130, leeftijd_voor=Leeftijdvoor.KIND,
         leeftijd_vanaf=4, leeftijd_tot=18,
         omschrijving="Geld voor sport, muziekles, een schoolreis of een laptop voor school: tot € 400 per kind per jaar.",
         aanvragen="Vraag het aan bij de gemeente of laat de formulierenbrigade helpen."),
    dict(naam="Collectieve zorgverzekering", inkomensgrens_procent=130,
         omschrijving="Een zorgverzekering met een goede aanvullende verzekering en korting op de premie.",
         aanvragen="Meld u aan via de gemeente; de verzekeraar stuurt u daarna de polis."),
]


def vul(context) -> None:
    if LokaleRegeling.objects.exists() or Hulppunt.objects.exists():
        return
    LokaleRegeling.objects.bulk_create(LokaleRegeling(**r) for r in REGELINGEN)
    punten = [Hulppunt(soort=Hulpsoort.SCHULDHULP, naam="Schuldhulp van de gemeente", adres="Stadsplateau 1",
                       openingstijden="Maandag tot en met vrijdag 9.00–17.00 uur, ook telefonisch",
                       telefoon="14 030")]
    for nummer, wijk in enumerate(Wijk.objects.filter(gemeente=context.gemeente).order_by("code"), start=1):
        punten += [
            Hulppunt(soort=Hulpsoort.SOCIAAL_RAADSLIEDEN, naam=f"Sociaal raadslieden {wijk.naam}", wijk=wijk,
                     adres=f"Buurtplein {nummer}", openingstijden="Dinsdag en donderdag 9.00–12.00 uur, zonder afspraak"),
            Hulppunt(soort=Hulpsoort.INLOOPPUNT, naam=f"Inlooppunt Geldzaken {wijk.naam}", wijk=wijk,
                     adres=f"Wijkcentrum, Dorpsstraat {nummer}", openingstijden="Woensdag 13.00–16.00 uur"),
            Hulppunt(soort=Hulpsoort.FORMULIERENBRIGADE, naam=f"Formulierenbrigade {wijk.naam}", wijk=wijk,
                     adres=f"Bibliotheek, Bibliotheeklaan {nummer}", openingstijden="Vrijdag 10.00–12.00 uur"),
        ]
    Hulppunt.objects.bulk_create(punten)
    context.meld(f"Zelfcheck: {len(REGELINGEN)} regelingen en {len(punten)} hulppunten.")
