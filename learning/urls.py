from django.urls import path

from . import views

app_name = "learning"
urlpatterns = [
    path("", views.index, name="index"),
    path("xa/<int:unit_id>/<int:year>/", views.board_view, name="board"),
    path("xa/<int:unit_id>/<int:year>/mo-phieu/", views.board_open, name="board_open"),
    path("xa/<int:unit_id>/<int:year>/cap-nhat-chi-tieu/", views.board_feed, name="board_feed"),
    path("xa/<int:unit_id>/<int:year>/tu-danh-gia/", views.board_self_assess, name="board_self_assess"),
    path("xa/<int:unit_id>/<int:year>/kiem-tra/", views.board_check, name="board_check"),
    path("xa/<int:unit_id>/<int:year>/tra-lai/", views.board_return, name="board_return"),
    path("xa/<int:unit_id>/<int:year>/cong-nhan/", views.board_recognise, name="board_recognise"),
    path("xa/<int:unit_id>/so-theo-doi/nhap/", views.register_import, name="register_import"),
    path("danh-gia/<int:evaluation_id>/", views.evaluation_view, name="evaluation"),
    path("danh-gia/<int:evaluation_id>/diem/", views.evaluation_scores, name="evaluation_scores"),
    path("danh-gia/<int:evaluation_id>/minh-chung/", views.evaluation_evidence, name="evaluation_evidence"),
    path("minh-chung/<int:evidence_id>/", views.evidence_download, name="evidence"),
    path("quyet-dinh/<int:decision_id>/", views.decision_view, name="decision"),
    path("quyet-dinh/<int:decision_id>/pdf/", views.decision_pdf, name="decision_pdf"),
    path("ty-le/<int:unit_id>/<int:year>/", views.shares_view, name="shares"),
    path("bao-cao-nam/<int:unit_id>/<int:year>/", views.yearly_report_view, name="yearly_report"),
    path("bao-cao-nam/<int:unit_id>/<int:year>/excel/", views.yearly_report_xlsx, name="yearly_report_xlsx"),
    path("bao-cao-nam/<int:unit_id>/<int:year>/pdf/", views.yearly_report_pdf, name="yearly_report_pdf"),
]
