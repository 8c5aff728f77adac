"""Template filters for numbers, with the one formatting of ``core.numbers``: ``{% load numbers %}``.

``{{ x|number }}`` 10.600 · ``{{ x|percent }}`` 66,67 % · ``{{ x|signed }}`` +1,5 · empty for None, so a
template writes ``{{ x|percent|default:"—" }}``.
"""

from django import template

from core.numbers import number_text, percent_text, signed_text

register = template.Library()


def _blank(value) -> bool:
    """Nothing to write: None, or the empty string a template gives for a missing attribute."""
    return value is None or value == ""


@register.filter
def number(value, places=None):
    if _blank(value):
        return ""
    return number_text(value) if places in (None, "") else number_text(value, places=int(places))


@register.filter
def percent(value, places=None):
    if _blank(value):
        return ""
    return percent_text(value) if places in (None, "") else percent_text(value, places=int(places))


@register.filter
def signed(value, places=None):
    if _blank(value):
        return ""
    return signed_text(value) if places in (None, "") else signed_text(value, places=int(places))
