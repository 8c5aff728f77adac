"""Template filters for results (``{% load results %}``), with the one text of ``reports.display``.

``{% with c=row|cell %}{{ c.value }} {{ c.target }} {{ c.status_label }}{% endwith %}`` for a row that has
``indicator`` and ``progress``; ``{{ value|value_text:indicator }}`` for an entered value.
"""

from django import template

from reports import display

register = template.Library()


@register.filter
def cell(row):
    return display.cell_text(row.indicator, row.progress)


@register.filter
def parts_lines(row):
    """The breakdown lines of a row's figure (a row with ``indicator`` and ``figure``)."""
    return display.parts_lines(row.figure, row.indicator)


@register.filter
def backcast_text(unit, period):
    return display.backcast_text(unit, period)


@register.filter
def value_text(value, indicator):
    return display.value_text(value, indicator)


@register.filter
def level_label(level, indicator):
    return display.level_label(indicator, int(level))


@register.filter
def field_text(value):
    return display.field_text(value)


@register.simple_tag
def status_rule():
    return display.status_rule()


@register.filter
def flag_text(flag, indicator=None):
    return display.flag_text(flag, indicator)


@register.filter
def amount(value, indicator):
    return display.figure_text(value, indicator)


@register.filter
def get_item(mapping, key):
    """``{{ indicators|get_item:flag.code }}``: a mapping's entry, None when absent."""
    return mapping.get(key) if mapping else None
