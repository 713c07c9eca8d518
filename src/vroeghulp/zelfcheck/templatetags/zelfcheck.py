"""Amounts in Dutch notation in the zelfcheck templates (the rules' own notation: € 1.401,50)."""

from django import template

from vroeghulp.zelfcheck.uitslag import euro

register = template.Library()


@register.filter
def bedrag(waarde, decimalen=2):
    if waarde is None or waarde == "":
        return ""
    return euro(waarde, int(decimalen))
