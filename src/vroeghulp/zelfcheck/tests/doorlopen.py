"""Walk through the check with Django's test client, as a browser without JavaScript would."""

import re
from dataclasses import dataclass

TOKEN = re.compile(r'name="antwoorden" value="([^"]+)"')

# A single parent, 35, two children of 4 and 9, rent € 650 kale huur, net € 1.150 and gross € 1.300
# per month, no savings, a garnishment, living in Overvecht: the household of the browser test.
ALLEENSTAANDE_OUDER = [
    {"vraag": "partner", "partner": "nee"},
    {"vraag": "leeftijd", "leeftijd": "35"},
    {"vraag": "kinderen", "kinderen": "ja", "leeftijden": "4 en 9"},
    {"vraag": "woning", "woning": "huur"},
    {"vraag": "huur", "huur": "€ 650,-"},
    {"vraag": "inkomen", "netto": "1.150", "bruto": "1300,00", "per": "maand"},
    {"vraag": "vermogen", "vermogen": "0"},
    {"vraag": "beslag", "beslag": "ja"},
    {"vraag": "wijk", "wijk": "WK034403"},
]


@dataclass
class Scherm:
    status: int
    html: str
    token: str | None
    response: object


def post(client, pad: str, data: dict, token: str | None = None) -> Scherm:
    data = dict(data)
    if token is not None:
        data["antwoorden"] = token
    response = client.post(pad, data)
    html = response.content.decode() if response.get("Content-Type", "").startswith("text/html") else ""
    gevonden = TOKEN.search(html)
    return Scherm(response.status_code, html, gevonden.group(1) if gevonden else None, response)


def doorloop(client, stappen=ALLEENSTAANDE_OUDER) -> list[Scherm]:
    """Start, then answer every question; the last screen is the result."""
    schermen = [post(client, "/zelfcheck/vraag/", {})]
    for stap in stappen:
        schermen.append(post(client, "/zelfcheck/vraag/", stap, schermen[-1].token))
        assert schermen[-1].status == 200, schermen[-1].html[:2000]
    return schermen
