from django.urls import path

from . import views_pdf

urlpatterns = [
    path("bao-cao-pdf/<int:unit_id>/<str:period>/", views_pdf.report_pdf, name="report_pdf"),
]
