"""Reading a JSON request body the way the contract allows: ``application/json`` (``charset=utf-8``
optional), UTF-8, one JSON object at the top. Anything else is refused here, before an operation
looks at it, with a Dutch problem+json (``OngeldigeInhoud``, handled in ``api.root``).

Python's ``json`` would also accept UTF-16 and UTF-32 bytes, NaN and Infinity, and raise English
errors (or RecursionError) on deep nesting; none of that gets through.
"""

import json
from dataclasses import dataclass

from django.core.exceptions import RequestDataTooBig
from django.http import RawPostDataException
from django.utils.translation import gettext as _

JSON_TYPE = "application/json"


@dataclass
class OngeldigeInhoud(Exception):
    status: int
    titel: str
    detail: str
    code: str

    def __str__(self) -> str:
        return self.code


def _geen_getal(waarde: str):
    raise ValueError(waarde)  # NaN, Infinity and -Infinity are no JSON


def _type_klopt(content_type: str) -> bool:
    soort, _sep, rest = content_type.partition(";")
    if soort.strip().lower() != JSON_TYPE:
        return False
    for parameter in filter(None, (p.strip() for p in rest.split(";"))):
        naam, _is, waarde = parameter.partition("=")
        if naam.strip().lower() != "charset" or waarde.strip().strip('"').lower() != "utf-8":
            return False
    return True


def lees_object(request) -> dict:
    """The body as a dict, or raise OngeldigeInhoud (415, 413 or 400) naming what is wrong."""
    try:
        data = request.body
    except (RequestDataTooBig, RawPostDataException):
        raise OngeldigeInhoud(413, _("Verzoek te groot"), _("De inhoud van het verzoek is te groot."), "te_groot") from None
    if not data:
        raise OngeldigeInhoud(400, _("Ongeldige JSON"), _("Het verzoek heeft geen inhoud. Stuur een JSON-object."), "geen_json")
    if not _type_klopt(request.headers.get("Content-Type", "")):
        raise OngeldigeInhoud(415, _("Verkeerd soort inhoud"), _(
            "Stuur de inhoud als JSON met de header Content-Type: application/json (tekenset UTF-8)."
        ), "content_type")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte order mark, as some Windows tools write it
    try:
        tekst = data.decode("utf-8")
    except UnicodeDecodeError:
        raise OngeldigeInhoud(400, _("Ongeldige tekens"), _(
            "De inhoud is geen geldige UTF-8. Stuur de JSON in UTF-8 (niet in UTF-16 of Windows-1252)."
        ), "geen_utf8") from None
    try:
        inhoud = json.loads(tekst, parse_constant=_geen_getal)
    except RecursionError:
        raise OngeldigeInhoud(400, _("Ongeldige JSON"), _(
            "De JSON is te diep genest: er zitten te veel lijsten of objecten in elkaar."
        ), "te_diep") from None
    except ValueError:  # also JSONDecodeError, and integers of more than 4300 digits
        raise OngeldigeInhoud(400, _("Ongeldige JSON"), _("De inhoud van het verzoek is geen geldige JSON."), "geen_json") from None
    if not isinstance(inhoud, dict):
        raise OngeldigeInhoud(400, _("Ongeldige JSON"), _(
            "Stuur één JSON-object, tussen { en }; geen lijst, tekst of getal."
        ), "json_vorm")
    return inhoud
