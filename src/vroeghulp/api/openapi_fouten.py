"""The error answers in the OpenAPI document, as they are sent: ``application/problem+json``.

ninja documents every response as ``application/json``; for errors that is not what a client gets.
This rewrites each error response of each operation to problem+json with the ``Probleem`` schema
and adds the errors every operation can give (see ``api.root``): 400 for any parameter, 401 when a
token is needed, 413/415 for a body, 500 for an error of our own.
"""

from vroeghulp.api.problem import PROBLEM_JSON, PROBLEM_SCHEMA

PROBLEEM_REF = {"$ref": "#/components/schemas/Probleem"}

_OMSCHRIJVING = {
    "400": "Ongeldige invoer; per veld in invalid_params",
    "401": "Geen of een ongeldige token (of geen ingelogde medewerker)",
    "403": "Geweigerd: token zonder signaalpartner, of sessie zonder CSRF-code of tweestapsverificatie",
    "404": "Niet gevonden",
    "413": "Verzoek te groot",
    "415": "Geen application/json (UTF-8)",
    "422": "Peildatum buiten bereik",
    "500": "Fout aan onze kant (zonder technische details)",
}


def _fout(code: str, description: str | None = None) -> dict:
    return {
        "description": _OMSCHRIJVING.get(code) or description or "Fout",
        "content": {PROBLEM_JSON: {"schema": PROBLEEM_REF}},
    }


def met_problem_json(spec: dict) -> dict:
    spec.setdefault("components", {}).setdefault("schemas", {})["Probleem"] = PROBLEM_SCHEMA
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code in list(responses):
                if str(code).startswith(("4", "5")) or code == "default":
                    responses[code] = _fout(str(code), responses[code].get("description"))
            extra = ["400", "500"]
            if operation.get("security"):
                extra.append("401")
            if "requestBody" in operation:
                extra += ["413", "415"]
            for code in extra:
                if code not in responses and int(code) not in responses:
                    responses[code] = _fout(code)
    return spec
