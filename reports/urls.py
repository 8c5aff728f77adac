"""Results: entry and import, roll-ups, reports (submissions) and the reporting dashboard."""

from django.urls import path

from reports.views import agencies, entry, narrative, review, rollup, series, submissions

app_name = "reports"

urlpatterns = [
    path("nhap-lieu/", entry.entry_index, name="entry_index"),
    path("nhap-lieu/<int:unit_id>/<period:period>/", entry.entry, name="entry"),
    path("nhap-tep/", entry.entry_import, name="import"),
    path("tong-hop/", rollup.rollup_index, name="rollup_index"),
    path("tong-hop/<int:unit_id>/qua-cac-nam/", series.series_detail, name="series"),
    path("tong-hop/<int:unit_id>/<period:period>/", rollup.rollup_detail, name="rollup"),
    path("bao-cao-don-vi/<int:unit_id>/<period:period>/", submissions.submission_detail, name="submission"),
    path(
        "bao-cao-don-vi/<int:unit_id>/<period:period>/nop/",
        submissions.submission_submit_view,
        name="submission_submit",
    ),
    path(
        "bao-cao-don-vi/<int:unit_id>/<period:period>/duyet/",
        submissions.submission_approve_view,
        name="submission_approve",
    ),
    path(
        "bao-cao-don-vi/<int:unit_id>/<period:period>/tra-lai/",
        submissions.submission_return_view,
        name="submission_return",
    ),
    path(
        "bao-cao-don-vi/<int:unit_id>/<period:period>/mo-lai/",
        submissions.submission_reopen_view,
        name="submission_reopen",
    ),
    path(
        "bao-cao-don-vi/<int:unit_id>/<period:period>/trao-doi/",
        submissions.submission_comment_view,
        name="submission_comment",
    ),
    path("canh-bao-so-lieu/<int:unit_id>/<period:period>/", review.flagged, name="quality_flags"),
    path(
        "bao-cao-don-vi/<int:unit_id>/<period:period>/noi-dung/",
        narrative.submission_narrative_view,
        name="submission_narrative",
    ),
    path("bao-cao-co-quan/<int:agency_id>/<period:period>/", agencies.agency_report_view, name="agency_report"),
    path("lich-su-gia-tri/<int:value_id>/", submissions.value_history_detail, name="value_history"),
    path("theo-doi/<int:unit_id>/<period:period>/", submissions.dashboard_detail, name="dashboard"),
    path("theo-doi/<int:unit_id>/<period:period>/tre-han/", submissions.dashboard_late, name="dashboard_late"),
    path("theo-doi/<int:unit_id>/<period:period>/nhac-han/", review.reminder_send, name="reminder_send"),
]
