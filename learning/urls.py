from django.urls import path

from . import views

app_name = "learning"
urlpatterns = [
    path("", views.index, name="index"),
    path("xa/<int:unit_id>/<int:year>/", views.board_view, name="board"),
    path("xa/<int:unit_id>/so-theo-doi/nhap/", views.register_import, name="register_import"),
    path("danh-gia/<int:evaluation_id>/", views.evaluation_view, name="evaluation"),
    path("minh-chung/<int:evidence_id>/", views.evidence_download, name="evidence"),
    path("quyet-dinh/<int:decision_id>/", views.decision_view, name="decision"),
    path("quyet-dinh/<int:decision_id>/pdf/", views.decision_pdf, name="decision_pdf"),
    path("ty-le/<int:unit_id>/<int:year>/", views.shares_view, name="shares"),
]
