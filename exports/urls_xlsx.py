from django.urls import path

from . import views_xlsx

urlpatterns = [
    path("tong-hop-excel/<int:unit_id>/<str:period>/", views_xlsx.summary_xlsx, name="summary_xlsx"),
    path("mau-nhap-lieu/<int:unit_id>/<str:period>/", views_xlsx.template_xlsx, name="template_xlsx"),
]
