from django.urls import path

from . import views_submissions

urlpatterns = [
    path("bao-cao-don-vi/<int:unit_id>/<str:period>/", views_submissions.submission_detail, name="submission"),
    path("lich-su-gia-tri/<int:value_id>/", views_submissions.value_history_detail, name="value_history"),
    path("theo-doi/<int:unit_id>/<str:period>/", views_submissions.dashboard_detail, name="dashboard"),
    path("theo-doi/<int:unit_id>/<str:period>/tre-han/", views_submissions.dashboard_late, name="dashboard_late"),
]
