"""``{% load targets %}``: ``{{ target|target_text }}``, the one text of a target (``plans.display``)."""

from django import template

from plans import display

register = template.Library()


@register.filter
def target_text(target, year=None):
    return display.target_text(target, year=int(year) if year not in (None, "") else None)
