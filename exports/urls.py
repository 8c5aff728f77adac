"""Exports: Excel workbooks (summary, entry template) and official PDF reports."""

from django.urls import include, path

app_name = "exports"

urlpatterns = [
    path("", include("exports.urls_xlsx")),
    path("", include("exports.urls_pdf")),
]
