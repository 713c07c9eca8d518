"""Gemeente Utrecht (0344): its ten wijken and their buurten (CBS Wijk- en Buurtkaart).

Sources and how sure we are:
- Wijkcodes WK034401-WK034410 and names: CBS wijk numbering of Utrecht (01 West ... 10
  Vleuten-De Meern); Overvecht = WK034403 is confirmed by its buurtcodes below.
- Overvecht's ten buurtcodes and names: verified, as listed in a public analysis of the CBS
  Wijk- en Buurtkaart 2020 (BU03440311 ... BU03440343); only the name of BU03440333 is uncertain
  ("Bedrijvengebied Overvecht" here, "Bedrijventerrein en omgeving" in that analysis).
- The buurt *names* of the other nine wijken are the CBS buurt names of that period (as used by
  CBS and on public housing sites), grouped by the municipality's subwijken. Their *codes* follow
  the same CBS pattern (BU0344 + wijk + subwijk digit + buurt digit) but were NOT verified one by
  one: treat them as plausible, not authoritative. Newer Wijk- en Buurtkaarten (2022+) may differ.
- PC4 ranges per buurt: rough, from general knowledge of Utrecht postcodes (e.g. Overvecht
  3561-3564, Leidsche Rijn 3541-3546, Vleuten-De Meern 3451-3455). CBS table 80667NED
  (population per PC4, 2010) confirms the Utrecht PC4 areas used here and that 3528
  (Bedrijvengebied Kanaleneiland), 3534 (Lage Weide) and 3455 (Haarzuilens) have few residents.
  Only the PC4 is meaningful: the letters of every six-position postcode are generated.
- ``huishoudens``: relative weight of a wijk (roughly its number of residents in thousands) and of
  a buurt within it; non-residential buurten (bedrijventerrein, polder) weigh little.
- ``welvaart``: a rough factor on wages and pensions per wijk (Zuidwest and Noordwest lower, Oost,
  Noordoost and Vleuten-De Meern higher), so the demo's monitor shows differences between wijken.
  An impression, not CBS data; the focus area gets its own lower income mix in the generator.
"""

from dataclasses import dataclass, field

GEMEENTECODE = "0344"
GEMEENTENAAM = "Utrecht"
PLAATSNAAM = "Utrecht"
POSTCODE_RANGES = ((3451, 3455), (3511, 3585))


@dataclass(frozen=True)
class BuurtData:
    code: str
    naam: str
    pc4: tuple[int, ...]
    gewicht: float = 1.0
    straten: tuple[str, ...] = ()
    plaatsnaam: str = PLAATSNAAM


@dataclass(frozen=True)
class WijkData:
    code: str
    naam: str
    huishoudens: float
    buurten: tuple[BuurtData, ...] = field(default_factory=tuple)
    focusgebied: bool = False
    welvaart: float = 1.0


def _b(code, naam, pc4, gewicht=1.0, straten=(), plaatsnaam=PLAATSNAAM):
    return BuurtData(f"BU0344{code}", naam, tuple(pc4), gewicht, tuple(straten), plaatsnaam)


LAAG = 0.08  # weight of a buurt with few homes

WIJKEN: tuple[WijkData, ...] = (
    WijkData("WK034401", "West", 26, (
        _b("0111", "Welgelegen, Den Hommel", [3531], straten=["Welgelegen", "Hommelseweg", "Lessinglaan"]),
        _b("0112", "Halve Maan-Noord", [3532], straten=["Oudenoord", "Bernadottelaan"]),
        _b("0113", "Halve Maan-Zuid", [3532], straten=["Bernadottelaan", "Marnixlaan"]),
        _b("0114", "Oog in Al", [3531], straten=["Oog in Al-laan", "Thomas à Kempisweg", "Van Bijnkershoeklaan"]),
        _b("0121", "Lombok-Oost", [3531], straten=["Kanaalstraat", "Damstraat", "Bankastraat"]),
        _b("0122", "Lombok-West", [3531], straten=["Jan Pieterszoon Coenstraat", "Sumatrastraat", "Javastraat"]),
        _b("0123", "Leidseweg en omgeving", [3531], straten=["Leidseweg", "Kanaalweg"]),
        _b("0131", "Nieuw Engeland, Th. a. Kempisplantsoen en omgeving", [3532], straten=["Thomas à Kempisplantsoen", "Cartesiusweg"]),
        _b("0132", "Schepenbuurt, Cartesiusweg e.o.", [3533], straten=["Schepenhof", "Burgemeester Norbruislaan"]),
        _b("0133", "Laan van Nieuw-Guinea, Spinozaweg e.o.", [3533], straten=["Laan van Nieuw-Guinea", "Spinozaweg"]),
        _b("0141", "Bedrijventerrein Lageweide", [3534], LAAG, ["Atoomweg", "Isotopenweg"]),
    )),
    WijkData("WK034402", "Noordwest", 44, (
        _b("0211", "Pijlsweerd-Noord", [3513], straten=["Draaiweg", "Kaatstraat"]),
        _b("0212", "Pijlsweerd-Zuid", [3513], straten=["Adriaen van Ostadelaan", "Pijlsweerdstraat"]),
        _b("0213", "Nijenoord, Hoogstraat en omgeving", [3552], straten=["Nijenoord", "Hoogstraat"]),
        _b("0221", "Ondiep", [3552], straten=["Ondiep", "Ondiep-Zuidzijde", "Kamillestraat"]),
        _b("0222", "2e Daalsebuurt en omgeving", [3551], straten=["Daalsetunnel", "Bollenhofsestraat"]),
        _b("0223", "Egelantierstraat, Mariëndaalstraat e.o.", [3551], straten=["Egelantierstraat", "Mariëndaalstraat"]),
        _b("0231", "Geuzenwijk", [3554], straten=["Geuzenstraat", "Marnixstraat"]),
        _b("0232", "Julianapark en omgeving", [3555], straten=["Amsterdamsestraatweg", "Julianaweg"]),
        _b("0233", "Queeckhovenplein en omgeving", [3554], straten=["Queeckhovenplein", "Prinses Margrietstraat"]),
        _b("0241", "Elinkwijk en omgeving", [3554], straten=["Elinkwijkstraat", "Prins Hendriklaan"]),
        _b("0242", "Zuilen-Noord", [3555], straten=["Zuilenselaan", "Burgemeester Van Tuyllkade"]),
        _b("0243", "Prins Bernhardplein en omgeving", [3553], straten=["Prins Bernhardplein", "Cornelis Houtmanstraat"]),
        _b("0244", "Schaakbuurt en omgeving", [3553], straten=["Schaakstraat", "Damspelstraat"]),
    ), welvaart=0.9),
    WijkData("WK034403", "Overvecht", 36, (
        _b("0311", "Taag- en Rubicondreef en omgeving", [3563], straten=["Taagdreef", "Rubicondreef", "Tibersingel"]),
        _b("0312", "Wolga- en Donaudreef en omgeving", [3563], straten=["Wolgadreef", "Donaudreef", "Mississippidreef"]),
        _b("0321", "Zamenhofdreef en omgeving", [3562], straten=["Zamenhofdreef", "Einsteindreef", "Gagelweg"]),
        _b("0322", "Neckardreef en omgeving", [3562], straten=["Neckardreef", "Rhônedreef", "Moezeldreef"]),
        _b("0331", "Vechtzoom-zuid", [3564], straten=["Vechtzoom", "Klopvaart", "Ravellaan"]),
        _b("0332", "Vechtzoom-noord, Klopvaart", [3564], straten=["Klopvaart", "Broekweg"]),
        _b("0333", "Bedrijvengebied Overvecht", [3564], LAAG, ["Marconibaan", "Franciscusdreef"]),
        _b("0341", "Zambesidreef en omgeving", [3561], straten=["Zambesidreef", "Nigerdreef", "Limpopodreef"]),
        _b("0342", "Tigrisdreef en omgeving", [3561], straten=["Tigrisdreef", "Bostondreef", "Eufraatdreef"]),
        _b("0343", "Poldergebied Overvecht", [3564], LAAG, ["Noordse Dijk", "Maarsseveensevaart"]),
    ), focusgebied=True),
    WijkData("WK034404", "Noordoost", 30, (
        _b("0411", "Vogelenbuurt", [3572], straten=["Vogelenbuurt", "Merelstraat", "Lijsterstraat"]),
        _b("0412", "Lauwerecht", [3515], straten=["Lauwerecht", "Lauwerhof"]),
        _b("0413", "Staatsliedenbuurt", [3515], straten=["Thorbeckelaan", "Van Hogendorpstraat"]),
        _b("0414", "Tuinwijk-West", [3515], straten=["Kleiweg", "Jasmijnstraat"]),
        _b("0415", "Tuinwijk-Oost", [3515], straten=["Gerberastraat", "Irisstraat"]),
        _b("0416", "Watervogelbuurt", [3572], straten=["Zwanenvechtlaan", "Eendrachtlaan"]),
        _b("0421", "Wittevrouwen", [3514], straten=["Wittevrouwenkade", "Wittevrouwenstraat", "Jan van Scorelstraat"]),
        _b("0422", "Zeeheldenbuurt, Hengeveldstraat en omgeving", [3514], straten=["Hengeveldstraat", "Tromplaan", "De Ruyterstraat"]),
        _b("0423", "Huizingalaan, K. Doormanlaan en omgeving", [3571], straten=["Huizingalaan", "Karel Doormanlaan"]),
        _b("0431", "Tuindorp en Van Lieflandlaan-West", [3571], straten=["Van Lieflandlaan", "Tuindorp", "Kastanjelaan"]),
        _b("0432", "Tuindorp-Oost", [3573], straten=["Blauwkapelseweg", "Saffierlaan"]),
        _b("0433", "Voordorp en Voorveldsepolder", [3573], straten=["Voorveldselaan", "Voordorpsedijk"]),
    ), welvaart=1.1),
    WijkData("WK034405", "Oost", 38, (
        _b("0511", "Oudwijk", [3581], straten=["Oudwijk", "Burgemeester Reigerstraat"]),
        _b("0512", "Buiten Wittevrouwen", [3581], straten=["Biltstraat", "Poortstraat"]),
        _b("0521", "Abstede, Tolsteegsingel e.o.", [3582], straten=["Abstederdijk", "Gansstraat"]),
        _b("0522", "L. Napoleonplantsoen en omgeving", [3582], straten=["Lodewijk Napoleonplantsoen", "Homeruslaan"]),
        _b("0523", "Rubenslaan en omgeving", [3582], straten=["Rubenslaan", "Frans Halsstraat"]),
        _b("0524", "Schildersbuurt", [3583], straten=["Rembrandtkade", "Jan van Goyenlaan"]),
        _b("0525", "Sterrenwijk", [3581], straten=["Sterrenwijk", "Orionstraat"]),
        _b("0531", "Wilhelminapark en omgeving", [3581], straten=["Wilhelminapark", "Emmalaan", "Prins Hendriklaan"]),
        _b("0532", "Rijnsweerd", [3584], straten=["Rijnsweerdseweg", "Archimedeslaan"]),
        _b("0541", "Galgenwaard en omgeving", [3584], straten=["Herculesplein", "Waterlinieweg"]),
        _b("0542", "Maarschalkerweerd en Mereveld", [3585], LAAG, ["Mereveldseweg", "Laan van Maarschalkerweerd"]),
        _b("0543", "Utrecht Science Park", [3584], 0.5, ["Heidelberglaan", "Leuvenlaan", "Cambridgelaan"]),
    ), welvaart=1.1),
    WijkData("WK034406", "Binnenstad", 19, (
        _b("0611", "Domplein, Neude, Janskerkhof", [3512], straten=["Neude", "Janskerkhof", "Lijnmarkt"]),
        _b("0612", "Hoog-Catharijne NS en Jaarbeurs", [3511], 0.3, ["Godebaldkwartier", "Croeselaan"]),
        _b("0613", "Lange Elisabethstraat, Mariaplaats en omgeving", [3511], straten=["Lange Elisabethstraat", "Mariaplaats"]),
        _b("0614", "Lange Nieuwstraat en omgeving", [3512], straten=["Lange Nieuwstraat", "Oudegracht"]),
        _b("0615", "Nobelstraat en omgeving", [3512], straten=["Nobelstraat", "Lucasbolwerk"]),
        _b("0616", "Hooch Boulandt", [3511], 0.5, ["Catharijnesingel", "Moreelsepark"]),
        _b("0621", "Breedstraat en Plompetorengracht en omgeving", [3512], straten=["Breedstraat", "Plompetorengracht"]),
        _b("0622", "Nieuwegracht-Oost", [3512], straten=["Nieuwegracht", "Kromme Nieuwegracht"]),
        _b("0623", "Springweg en omgeving Geertebuurt", [3511], straten=["Springweg", "Geertebolwerk"]),
        _b("0624", "Wijk C", [3513], straten=["Bemuurde Weerd", "Lauwerecht"]),
        _b("0625", "Bleekstraat en omgeving", [3511], straten=["Bleekstraat", "Tolsteegbrug"]),
    ), welvaart=1.05),
    WijkData("WK034407", "Zuid", 35, (
        _b("0711", "Oud Hoograven-Noord", [3523], straten=["Hooghiemstraplein", "Rivierstraat"]),
        _b("0712", "Oud Hoograven-Zuid", [3523], straten=["Van Zijstweg", "Hoogravensestraat"]),
        _b("0713", "Tolsteeg en Rotsoord", [3522], straten=["Rotsoord", "Vaartsche Rijn"]),
        _b("0721", "Nieuw Hoograven-Noord", [3524], straten=["Verlengde Hoogravenseweg", "Cartesiusweg"]),
        _b("0722", "Nieuw Hoograven-Zuid", [3524], straten=["Briljantlaan", "Smaragdplein", "Rode Kruislaan"]),
        _b("0723", "Bokkenbuurt", [3523], straten=["Bokkenbuurt", "Steenbokstraat"]),
        _b("0731", "Lunetten-Noord", [3524], straten=["Vondellaan", "Eerste Lunet"]),
        _b("0732", "Lunetten-Zuid", [3524], straten=["Muntlaan", "Hondsrug", "Brennerbaan"]),
    ), welvaart=0.95),
    WijkData("WK034408", "Zuidwest", 31, (
        _b("0811", "Dichterswijk", [3521], straten=["Vondellaan", "Bilderdijkstraat", "Croeselaan"]),
        _b("0812", "Rivierenwijk", [3522], straten=["Balijelaan", "Jutfaseweg", "Amstelstraat"]),
        _b("0821", "Kanaleneiland-Noord", [3526], straten=["Marshalllaan", "Churchilllaan", "Vasco da Gamalaan"]),
        _b("0822", "Kanaleneiland-Zuid", [3525], straten=["Rooseveltlaan", "Columbuslaan", "Trumanlaan"]),
        _b("0823", "Bedrijvengebied Kanaleneiland", [3528], LAAG, ["Europalaan", "Atoomweg"]),
        _b("0831", "Transwijk-Noord", [3527], straten=["Aletta Jacobslaan", "Hooft Graaflandstraat"]),
        _b("0832", "Transwijk-Zuid", [3527], straten=["Kanaalweg", "Zuilenstein"]),
    ), welvaart=0.85),
    WijkData("WK034409", "Leidsche Rijn", 60, (
        _b("0911", "Parkwijk-Noord", [3541, 3544], straten=["Zandweg", "Langerakbaan"]),
        _b("0912", "Parkwijk-Zuid", [3541], straten=["Grauwaartsingel", "Parkwijklaan"]),
        _b("0913", "Langerak", [3544], straten=["Langerakbaan", "Brauweg"]),
        _b("0914", "Hoge Weide", [3544], straten=["Hogeweidebaan", "Hindersteinlaan"]),
        _b("0921", "Terwijde-Oost", [3545, 3543], straten=["Terwijdelaan", "Boerhaavelaan"]),
        _b("0922", "Terwijde-West", [3545, 3546], straten=["Prins Clausstraat", "Velserlaan"]),
        _b("0923", "Bedrijventerrein De Wetering", [3542], LAAG, ["Ravenswade", "Nijverheidsweg"]),
        _b("0931", "Leidsche Rijn-Centrum", [3543], straten=["Berlijnplein", "Brusselplein"]),
        _b("0932", "Grauwaart", [3543], straten=["Grauwaartsingel", "Alendorperweg"]),
        _b("0933", "Leeuwesteyn", [3543], straten=["Leeuwesteynplein", "Leeuwesteynsingel"]),
        _b("0941", "Het Zand-Oost", [3546, 3544], straten=["Het Zand", "Zandweg"]),
        _b("0942", "Het Zand-West", [3546], straten=["Lage Weide", "Veldhuizerweg"]),
        _b("0951", "Rijnvliet", [3542], 0.4, ["Rijnvlietpad", "Reijnvlietstraat"]),
        _b("0952", "Bedrijvengebied Papendorp", [3542], LAAG, ["Papendorpseweg", "Orteliuslaan"]),
        _b("0953", "Bedrijvengebied Strijkviertel", [3542], LAAG, ["Strijkviertel", "Meerndijk"]),
    ), welvaart=1.05),
    WijkData("WK034410", "Vleuten-De Meern", 46, (
        _b("1011", "Vleuten", [3451], straten=["Dorpsstraat", "Schoolstraat", "Ridderhofstad"], plaatsnaam="Vleuten"),
        _b("1012", "Haarzuilens en omgeving", [3455], LAAG, ["Brinkweg", "Haarzuilenseweg"], plaatsnaam="Haarzuilens"),
        _b("1021", "Veldhuizen", [3454, 3453], straten=["Veldhuizerweg", "Zuilenburgstraat"], plaatsnaam="Vleuten"),
        _b("1022", "Vleuterweide-Noord/Oost/Centrum", [3452, 3451], straten=["Hindersteinlaan", "Utrechtseweg"], plaatsnaam="Vleuten"),
        _b("1023", "Vleuterweide-West", [3452, 3451], straten=["Alendorperweg", "Vleuterweidelaan"], plaatsnaam="Vleuten"),
        _b("1024", "Vleuterweide-Zuid", [3452, 3453], straten=["Lage Weide", "Koekoekslaan"], plaatsnaam="Vleuten"),
        _b("1031", "De Meern-Noord", [3453, 3454], straten=["Mereveldseweg", "Meerndijk"], plaatsnaam="De Meern"),
        _b("1032", "De Meern-Zuid", [3454, 3455], straten=["Rijksstraatweg", "Zandweg"], plaatsnaam="De Meern"),
        _b("1041", "Rijnenburg", [3453], LAAG, ["Rijnenburgerweg", "Heikant"], plaatsnaam="De Meern"),
    ), welvaart=1.1),
)


def alle_buurten():
    """(wijk, buurt) pairs in code order."""
    return [(wijk, buurt) for wijk in WIJKEN for buurt in wijk.buurten]


def in_gemeente(postcode: str) -> bool:
    """True when a six-position postcode lies in one of the municipality's PC4 ranges."""
    pc4 = int(postcode[:4])
    return any(lo <= pc4 <= hi for lo, hi in POSTCODE_RANGES)
