from django import template

from vroeghulp.zaken import werkvoorraad

register = template.Library()


@register.simple_tag
def werkvoorraad_telling(user):
    """Counts for the home screen: no personal data, so no audit event."""
    return werkvoorraad.tellingen(user)
