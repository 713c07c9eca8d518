"""Dutch messages for pydantic validation errors, so every API client reads which field is wrong and why."""

from django.utils.translation import gettext as _


def dutch_reason(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    messages = {
        "missing": _("Dit veld is verplicht."),
        "int_parsing": _("Vul een geheel getal in."),
        "int_from_float": _("Vul een geheel getal in, zonder cijfers achter de komma."),
        "float_parsing": _("Vul een getal in, bijvoorbeeld 412.50."),
        "decimal_parsing": _("Vul een getal in, bijvoorbeeld 412.50."),
        "bool_parsing": _("Vul true of false in."),
        "date_parsing": _("Vul een datum in als JJJJ-MM-DD."),
        "date_from_datetime_parsing": _("Vul een datum in als JJJJ-MM-DD."),
        "datetime_parsing": _("Vul een datum en tijd in volgens ISO 8601."),
        "string_type": _("Vul tekst in."),
        "list_type": _("Geef een lijst."),
        "dict_type": _("Geef een object."),
        "model_type": _("Geef een object."),
        "json_invalid": _("Dit is geen geldige JSON."),
        "extra_forbidden": _("Dit veld kennen we niet."),
    }
    if kind in messages:
        return messages[kind]
    if kind == "string_too_long":
        return _("Deze tekst is te lang: maximaal %(n)s tekens.") % {"n": ctx.get("max_length")}
    if kind == "string_too_short":
        return _("Deze tekst is te kort: minimaal %(n)s tekens.") % {"n": ctx.get("min_length")}
    if kind == "too_long":
        return _("Te veel onderdelen: maximaal %(n)s.") % {"n": ctx.get("max_length")}
    if kind == "too_short":
        return _("Te weinig onderdelen: minimaal %(n)s.") % {"n": ctx.get("min_length")}
    if kind in ("greater_than_equal", "greater_than"):
        return _("Vul een waarde in van minstens %(n)s.") % {"n": ctx.get("ge", ctx.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return _("Vul een waarde in van hoogstens %(n)s.") % {"n": ctx.get("le", ctx.get("lt"))}
    if kind in ("literal_error", "enum"):
        return _("Kies uit: %(keuzes)s.") % {"keuzes": ctx.get("expected", "")}
    # A message written by our own validators (value_error) is already Dutch.
    return str(ctx.get("error") or error.get("msg", _("Deze waarde klopt niet.")))
