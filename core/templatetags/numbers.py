"""Template filters for numbers, with the one formatting of ``core.numbers``: ``{% load numbers %}``.

``{{ x|number }}`` 10.600 · ``{{ x|percent }}`` 66,67 % · ``{{ x|signed }}`` +1,5 · empty for None, so a
template writes ``{{ x|percent|default:"—" }}``.
"""

from django import template

from core.numbers import number_text, percent_text, signed_text

register = template.Library()


@register.filter
def number(value, places=None):
    return number_text(value) if places in (None, "") else number_text(value, places=int(places))


@register.filter
def percent(value, places=None):
    return percent_text(value) if places in (None, "") else percent_text(value, places=int(places))


@register.filter
def signed(value, places=None):
    return signed_text(value) if places in (None, "") else signed_text(value, places=int(places))
