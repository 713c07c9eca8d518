"""Dutch messages for pydantic validation errors, so every API client reads which field is wrong and why.

pydantic's own ``msg`` is English and is never shown: every error type pydantic knows has a Dutch
reason here (grouped by what the client must do), and a type added by a later pydantic gets the
generic reason. A test walks pydantic's list of error types.
"""

from django.utils.translation import gettext as _

_GEHEEL_GETAL = ("int_type", "int_parsing", "int_parsing_size")
_GETAL = ("float_type", "float_parsing", "decimal_type", "decimal_parsing", "finite_number",
          "fraction_type", "fraction_parsing", "complex_type", "complex_str_parsing")
_DATUM = ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact")
_DATUM_TIJD = ("datetime_type", "datetime_parsing", "datetime_object_invalid", "datetime_from_date_parsing",
               "timezone_naive", "timezone_aware", "timezone_offset")
_TEKST = ("string_type", "string_unicode", "bytes_type", "bytes_invalid_encoding", "string_not_ascii")
_LIJST = ("list_type", "tuple_type", "set_type", "frozen_set_type", "deque_type", "iterable_type",
          "iteration_error", "set_item_not_hashable")
_OBJECT = ("dict_type", "model_type", "model_attributes_type", "dataclass_type", "dataclass_exact_type",
           "mapping_type", "frozen_dict_type", "ordered_dict_type", "counter_type", "named_tuple_type",
           "arguments_type", "is_instance_of", "is_subclass_of")
_ONBEKEND_VELD = ("extra_forbidden", "unexpected_keyword_argument", "unexpected_positional_argument",
                  "no_such_attribute")
_VERPLICHT = ("missing", "missing_argument", "missing_keyword_only_argument",
              "missing_positional_only_argument")
_JSON = ("json_invalid", "json_type", "recursion_loop", "recursion_depth_exceeded")
_KEUZE = ("literal_error", "enum", "union_tag_invalid", "union_tag_not_found")
_URL = ("url_type", "url_parsing", "url_syntax_violation", "url_too_long", "url_scheme")
_UUID = ("uuid_type", "uuid_parsing", "uuid_version")


def _vast(kind: str) -> str | None:
    """The reason for error types that need no numbers from the context."""
    groups = (
        (_VERPLICHT, _("Dit veld is verplicht.")),
        (_GEHEEL_GETAL, _("Vul een geheel getal in.")),
        (("int_from_float",), _("Vul een geheel getal in, zonder cijfers achter de komma.")),
        (_GETAL, _("Vul een getal in, bijvoorbeeld 412.50.")),
        (("bool_type", "bool_parsing"), _("Vul true of false in.")),
        (_DATUM, _("Vul een datum in als JJJJ-MM-DD.")),
        (_DATUM_TIJD, _("Vul een datum en tijd in volgens ISO 8601.")),
        (("time_type", "time_parsing"), _("Vul een tijd in als UU:MM.")),
        (("time_delta_type", "time_delta_parsing"), _("Vul een tijdsduur in volgens ISO 8601.")),
        (("date_past", "datetime_past"), _("Deze datum moet in het verleden liggen.")),
        (("date_future", "datetime_future"), _("Deze datum moet in de toekomst liggen.")),
        (_TEKST, _("Vul tekst in.")),
        (("string_pattern_mismatch",), _("Deze tekst heeft niet de juiste vorm.")),
        (_LIJST, _("Geef een lijst.")),
        (_OBJECT, _("Geef een object.")),
        (("invalid_key",), _("Een naam in dit object is geen tekst.")),
        (_ONBEKEND_VELD, _("Dit veld kennen we niet.")),
        (("multiple_argument_values",), _("Dit veld staat er meer dan één keer in.")),
        (_JSON, _("Dit is geen geldige JSON.")),
        (("none_required",), _("Laat dit veld leeg (null).")),
        (_URL, _("Vul een geldige URL in, bijvoorbeeld https://www.example.nl/.")),
        (_UUID, _("Vul een geldige UUID in.")),
        (("frozen_field", "frozen_instance"), _("Dit veld kunt u niet wijzigen.")),
    )
    for kinds, reason in groups:
        if kind in kinds:
            return reason
    return None


def dutch_reason(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    reason = _vast(kind)
    if reason is not None:
        return reason
    if kind in ("string_too_long", "bytes_too_long"):
        return _("Deze tekst is te lang: maximaal %(n)s tekens.") % {"n": ctx.get("max_length")}
    if kind in ("string_too_short", "bytes_too_short"):
        return _("Deze tekst is te kort: minimaal %(n)s tekens.") % {"n": ctx.get("min_length")}
    if kind == "too_long":
        return _("Te veel onderdelen: maximaal %(n)s.") % {"n": ctx.get("max_length")}
    if kind == "too_short":
        return _("Te weinig onderdelen: minimaal %(n)s.") % {"n": ctx.get("min_length")}
    if kind in ("greater_than_equal", "greater_than"):
        return _("Vul een waarde in van minstens %(n)s.") % {"n": ctx.get("ge", ctx.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return _("Vul een waarde in van hoogstens %(n)s.") % {"n": ctx.get("le", ctx.get("lt"))}
    if kind == "multiple_of":
        return _("Vul een veelvoud van %(n)s in.") % {"n": ctx.get("multiple_of")}
    if kind in ("decimal_max_digits", "decimal_whole_digits"):
        return _("Dit getal heeft te veel cijfers.")
    if kind == "decimal_max_places":
        return _("Dit getal heeft te veel cijfers achter de komma: maximaal %(n)s.") % {
            "n": ctx.get("decimal_places")}
    if kind in _KEUZE and ctx.get("expected"):
        # pydantic lists the choices as "'a', 'b' or 'c'": the quoted values stay, "or" becomes "of"
        keuzes = str(ctx["expected"]).replace("' or '", "' of '")
        return _("Kies uit: %(keuzes)s.") % {"keuzes": keuzes}
    if kind in _KEUZE:
        return _("Deze keuze kennen we niet.")
    # value_error, assertion_error and types pydantic adds later: its msg is English, never shown
    return _("Deze waarde klopt niet.")
