"""Results: entry and import, roll-ups, reports (submissions) and the reporting dashboard."""

from django.urls import path

from reports.views import entry, rollup, submissions

app_name = "reports"

urlpatterns = [
    path("nhap-lieu/", entry.entry_index, name="entry_index"),
    path("nhap-lieu/<int:unit_id>/<str:period>/", entry.entry, name="entry"),
    path("nhap-tep/", entry.entry_import, name="import"),
    path("tong-hop/", rollup.rollup_index, name="rollup_index"),
    path("tong-hop/<int:unit_id>/<str:period>/", rollup.rollup_detail, name="rollup"),
    path("bao-cao-don-vi/<int:unit_id>/<str:period>/", submissions.submission_detail, name="submission"),
    path("lich-su-gia-tri/<int:value_id>/", submissions.value_history_detail, name="value_history"),
    path("theo-doi/<int:unit_id>/<str:period>/", submissions.dashboard_detail, name="dashboard"),
    path("theo-doi/<int:unit_id>/<str:period>/tre-han/", submissions.dashboard_late, name="dashboard_late"),
]
