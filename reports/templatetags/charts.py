"""The server-drawn charts (``{% load charts %}``): ``{% series_chart chart %}``, ``{% children_chart chart %}``,
``{% rate_chart chart %}`` draw the geometry of ``reports.charts`` as inline SVG, each with its data table."""

from django import template

register = template.Library()


@register.inclusion_tag("reports/charts/series.html")
def series_chart(chart):
    return {"chart": chart}


@register.inclusion_tag("reports/charts/children.html")
def children_chart(chart):
    return {"chart": chart}


@register.inclusion_tag("reports/charts/rate.html")
def rate_chart(chart):
    return {"chart": chart}
