"""API errors are problem+json with one Dutch reason per wrong field."""

import datetime
import json
from typing import Literal

import pydantic
from ninja.errors import ValidationError

from vroeghulp.api.meldingen import dutch_reason
from vroeghulp.api.root import on_validation_error


class Persoon(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    geboortedatum: datetime.date
    rol: Literal["aanvrager", "partner"]
    naam: str = pydantic.Field(max_length=5)
    kinderen: int = pydantic.Field(ge=0)


def errors(data) -> dict:
    try:
        Persoon.model_validate(data)
    except pydantic.ValidationError as exc:
        return {".".join(map(str, e["loc"])): dutch_reason(e) for e in exc.errors()}
    return {}


def test_each_kind_of_error_gets_a_dutch_reason():
    found = errors({"geboortedatum": "1-4-1990", "rol": "kind", "naam": "Annabel", "kinderen": -1, "x": 1})
    assert found == {
        "geboortedatum": "Vul een datum in als JJJJ-MM-DD.",
        "rol": "Kies uit: 'aanvrager' of 'partner'.",
        "naam": "Deze tekst is te lang: maximaal 5 tekens.",
        "kinderen": "Vul een waarde in van minstens 0.",
        "x": "Dit veld kennen we niet.",
    }
    assert errors({})["geboortedatum"] == "Dit veld is verplicht."
    assert errors({"geboortedatum": "1990-04-01", "rol": "partner", "naam": "A", "kinderen": "twee"}) == {
        "kinderen": "Vul een geheel getal in."}


def test_validation_error_becomes_problem_json_naming_the_field(rf):
    exc = ValidationError([{"type": "missing", "loc": ("body", "payload", "huishouden", "personen", 0, "rol"),
                            "msg": "Field required"}])
    response = on_validation_error(rf.post("/api/v1/x"), exc)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["title"] == "Ongeldige invoer"
    assert body["invalid_params"] == [{"name": "huishouden.personen[0].rol", "reason": "Dit veld is verplicht."}]


def test_every_pydantic_error_type_has_a_dutch_reason():
    # pydantic's list of error types; its English msg must never reach a client
    import typing

    from pydantic_core.core_schema import ErrorType

    ctx = {"expected": "'a' or 'b'", "max_length": 5, "min_length": 1, "ge": 0, "le": 9, "multiple_of": 2,
           "decimal_places": 2, "error": "English text from a validator"}
    for kind in typing.get_args(ErrorType):
        reason = dutch_reason({"type": kind, "msg": "Input should be English", "ctx": ctx})
        assert "English" not in reason and " or " not in reason and reason.endswith("."), (kind, reason)
    assert dutch_reason({"type": "nieuw_in_een_latere_pydantic", "msg": "Value error"}) == "Deze waarde klopt niet."
