"""Exports: Excel workbooks (summary, entry template) and official PDF reports."""

from django.urls import path

from exports import views

app_name = "exports"

urlpatterns = [
    path("tong-hop-excel/<int:unit_id>/<period:period>/", views.summary_xlsx, name="summary_xlsx"),
    path("mau-nhap-lieu/<int:unit_id>/<period:period>/", views.template_xlsx, name="template_xlsx"),
    path("bao-cao-pdf/<int:unit_id>/<period:period>/", views.report_pdf, name="report_pdf"),
]
