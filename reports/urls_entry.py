from django.urls import path

from . import views_entry

urlpatterns = [
    path("nhap-lieu/", views_entry.entry_index, name="entry_index"),
    path("nhap-lieu/<int:unit_id>/<str:period>/", views_entry.entry, name="entry"),
    path("nhap-tep/", views_entry.entry_import, name="import"),
]
