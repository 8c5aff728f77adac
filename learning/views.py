"""Learning-model pages: the commune's board with bulk actions, the evaluation form with evidence, the
recognition decision (and its PDF), the register import, the recognised shares by child unit, and the yearly
learning-model report (page, Excel, PDF).

Out of scope → 404 (``visible_to``); in scope but not allowed → the service's ``PermissionDenied`` (403
with its reason); a ``ValidationError`` comes back as a message, never a 500.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.numbers import number_text
from core.pdf import render_pdf
from core.uploads import ImportFileError
from exports.pdf.learning_report import learning_report_document, learning_report_pdf_filename
from exports.xlsx.learning_report import learning_report_filename, learning_report_write
from exports.xlsx.stream import stream_response
from units.models import Level, Unit
from units.scoping import unit_visible_or_404

from .evidence import evidence_add
from .feeding import learning_indicators_feed
from .forms import DecisionForm, EvidenceForm, RegisterImportForm, ScoresForm, SelectionForm
from .importing import subjects_import
from .jobs import decision_pdf_filename, decision_pdf_is_large, decision_pdf_job_start
from .models import Evaluation, Evidence, RecognitionDecision
from .selectors import (
    BOARD_KINDS,
    board,
    decision_document,
    decision_lines,
    evaluation_page,
    kind_of,
    shares_page,
)
from .services import (
    evaluation_check,
    evaluation_return,
    evaluation_scores_save,
    evaluation_self_assess,
    evaluations_open,
    recognition_decision_issue,
)
from .yearly import yearly_report


def _year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404
    return year


def _commune(request: HttpRequest, unit_id: int) -> Unit:
    """The commune a URL names, if the user sees it (404 otherwise, and for a unit that is not a commune)."""
    unit = unit_visible_or_404(request.user, unit_id)
    if unit.level != Level.COMMUNE:
        raise Http404
    return unit


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user, year = request.user, timezone.localdate().year
    if user.unit_id and user.unit.level == Level.COMMUNE:
        return redirect("learning:board", unit_id=user.unit_id, year=year)
    unit = user.unit or Unit.objects.get_first_root_node()
    return redirect("learning:shares", unit_id=unit.pk, year=year)


def _board_page(request: HttpRequest, commune: Unit, year: int, kind: str, *, form=None, status: int = 200):
    page = board(
        user=request.user,
        commune=commune,
        year=year,
        kind=kind,
        status=request.GET.get("trang_thai", ""),
        page=request.GET.get("page", 1),
    )
    context = {"b": page, "form": form or DecisionForm(), "kinds": [(k.value, k.label) for k in BOARD_KINDS]}
    return render(request, "learning/board.html", context, status=status)


@login_required
@require_GET
def board_view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    commune = _commune(request, unit_id)
    return _board_page(request, commune, _year(year), kind_of(request.GET.get("loai")))


def _board_action(request: HttpRequest, unit_id: int, year: int, run) -> HttpResponse:
    """One action of the board: resolve the commune, run it, back to the board; a refusal is a message (400)."""
    commune, year = _commune(request, unit_id), _year(year)
    kind = kind_of(request.POST.get("loai"))
    try:
        response = run(commune=commune, year=year, kind=kind)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _board_page(request, commune, year, kind, form=getattr(error, "form", None), status=400)
    return response or redirect(f"{reverse('learning:board', args=[commune.pk, year])}?loai={kind}")


def _selected(request: HttpRequest, commune: Unit, year: int, kind: str) -> list[int]:
    """The evaluations the action applies to (``SelectionForm``); a ticked one outside the board is a 404."""
    evaluations = Evaluation.objects.visible_to(request.user).filter(
        subject__commune=commune, subject__kind=kind, year=year
    )
    form = SelectionForm(request.POST, evaluations=evaluations)
    if not form.is_valid():
        if form.has_error("chon"):
            raise Http404
        raise ValidationError(form.non_field_errors())
    return form.cleaned_data["ids"]


@login_required
@require_POST
def board_open(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    def run(*, commune, year, kind):
        n = evaluations_open(commune=commune, kind=kind, year=year, user=request.user)
        messages.success(request, _("Đã mở %(n)s phiếu đánh giá.") % {"n": number_text(n)})

    return _board_action(request, unit_id, year, run)


@login_required
@require_POST
def board_feed(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    def run(*, commune, year, kind):
        learning_indicators_feed(communes=[commune], year=year, kinds=[kind], user=request.user)
        messages.success(request, _("Đã cập nhật tử số, mẫu số của chỉ tiêu theo sổ theo dõi và kết quả công nhận."))

    return _board_action(request, unit_id, year, run)


def _bulk(service, done):
    @login_required
    @require_POST
    def view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
        def run(*, commune, year, kind):
            n = service(evaluations=_selected(request, commune, year, kind), user=request.user)
            messages.success(request, done % {"n": number_text(n)})

        return _board_action(request, unit_id, year, run)

    return view


board_self_assess = _bulk(evaluation_self_assess, gettext_lazy("Đã gửi tự đánh giá %(n)s đối tượng."))
board_check = _bulk(evaluation_check, gettext_lazy("Đã xác nhận kiểm tra %(n)s đối tượng."))
board_return = _bulk(evaluation_return, gettext_lazy("Đã trả lại %(n)s đối tượng để xã sửa."))


@login_required
@require_POST
def board_recognise(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    def run(*, commune, year, kind):
        ids = _selected(request, commune, year, kind)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            error = ValidationError(_("Hãy điền đủ thông tin quyết định công nhận."))
            error.form = form
            raise error
        decision = recognition_decision_issue(evaluations=ids, user=request.user, **form.cleaned_data)
        messages.success(request, _("Đã ban hành quyết định công nhận số %(n)s.") % {"n": decision.number})
        return redirect("learning:decision", decision_id=decision.pk)

    return _board_action(request, unit_id, year, run)


def _evaluation(request: HttpRequest, evaluation_id: int) -> Evaluation:
    return get_object_or_404(
        Evaluation.objects.visible_to(request.user).select_related(
            "subject__commune", "criteria_set", "self_assessed_by", "checked_by", "decided_by", "decision"
        ),
        pk=evaluation_id,
    )


def _evaluation_page(request, evaluation, *, scores_form=None, evidence_form=None, status=200) -> HttpResponse:
    page = evaluation_page(user=request.user, evaluation=evaluation)
    if scores_form is not None:  # a refused form: what was typed stays, with its reason beside it
        for _criterion, lines in page.lines_by_criterion:
            for line in lines:
                name = f"diem-{line.indicator.pk}"
                line.typed_points = scores_form.data.get(name, "")
                line.typed_note = scores_form.data.get(f"ghichu-{line.indicator.pk}", "")
                line.error = " ".join(scores_form.errors.get(name, []))
    context = {"p": page, "evidence_form": evidence_form or EvidenceForm()}
    return render(request, "learning/evaluation.html", context, status=status)


@login_required
@require_GET
def evaluation_view(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    return _evaluation_page(request, _evaluation(request, evaluation_id))


@login_required
@require_POST
def evaluation_scores(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = _evaluation(request, evaluation_id)
    form = ScoresForm(request.POST, indicators=evaluation.criteria_set.indicators_list)
    if not form.is_valid():
        messages.error(request, _("Điểm chưa hợp lệ: hãy xem các ô được đánh dấu."))
        return _evaluation_page(request, evaluation, scores_form=form, status=400)
    try:
        outcome = evaluation_scores_save(
            evaluation=evaluation, user=request.user, scores=form.scores(), notes=form.notes()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _evaluation_page(request, evaluation, scores_form=form, status=400)
    messages.success(request, _("Đã lưu điểm. Kết quả tính theo bộ tiêu chí: %(r)s.") % {"r": outcome.label})
    return redirect("learning:evaluation", evaluation_id=evaluation.pk)


@login_required
@require_POST
def evaluation_evidence(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = _evaluation(request, evaluation_id)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tệp minh chứng."))
        return _evaluation_page(request, evaluation, evidence_form=form, status=400)
    indicator = next(
        (i for i in evaluation.criteria_set.indicators_list if i.pk == form.cleaned_data["indicator"]), None
    )
    if indicator is None:
        raise Http404
    try:
        evidence_add(evaluation=evaluation, indicator=indicator, file=form.cleaned_data["file"], user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _evaluation_page(request, evaluation, evidence_form=form, status=400)
    messages.success(request, _("Đã lưu minh chứng."))
    return redirect("learning:evaluation", evaluation_id=evaluation.pk)


@login_required
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = get_object_or_404(
        Evidence.objects.filter(evaluation__in=Evaluation.objects.visible_to(request.user)), pk=evidence_id
    )
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # Always a download, never shown in the portal's origin: a file is what a commune uploaded.
    response = FileResponse(handle, as_attachment=True, filename=evidence.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _decision(request: HttpRequest, decision_id: int) -> RecognitionDecision:
    return get_object_or_404(
        RecognitionDecision.objects.visible_to(request.user).select_related("issuing_unit"), pk=decision_id
    )


@login_required
def decision_view(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    return render(request, "learning/decision.html", {"d": decision, "lines": decision_lines(decision)})


@login_required
def decision_pdf(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = _decision(request, decision_id)
    if decision_pdf_is_large(decision):  # a bulk recognition of hundreds of subjects: a background job
        return redirect("jobs:detail", job_id=decision_pdf_job_start(user=request.user, decision=decision).pk)
    pdf = render_pdf("learning/decision_pdf.html", {"doc": decision_document(decision)}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{decision_pdf_filename(decision)}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def register_import(request: HttpRequest, unit_id: int) -> HttpResponse:
    commune = _commune(request, unit_id)
    form, errors, status = RegisterImportForm(), [], 200
    if request.method == "POST":
        form = RegisterImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = subjects_import(commune=commune, file=form.cleaned_data["file"], user=request.user)
            except ImportFileError as error:
                errors, status = [error.message], 400
            else:
                if result.ok:
                    messages.success(
                        request,
                        _("Đã nhập sổ theo dõi: thêm %(c)s, cập nhật %(u)s.")
                        % {"c": number_text(result.created), "u": number_text(result.updated)},
                    )
                    return redirect("learning:board", unit_id=commune.pk, year=timezone.localdate().year)
                errors, status = result.errors, 400
        else:
            status = 400
    return render(
        request, "learning/register_import.html", {"commune": commune, "form": form, "errors": errors}, status=status
    )


@login_required
def shares_view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    page = shares_page(user=request.user, unit=unit_visible_or_404(request.user, unit_id), year=_year(year))
    return render(request, "learning/shares.html", {"p": page})


# --- the yearly learning-model report (CV 6782/BGDĐT-GDTX) -------------------------------------------------


def _yearly(request: HttpRequest, unit_id: int, year: int):
    return yearly_report(user=request.user, unit=unit_visible_or_404(request.user, unit_id), year=_year(year))


@login_required
@require_GET
def yearly_report_view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    report = _yearly(request, unit_id, year)
    return render(request, "learning/yearly_report.html", {"r": report})


@login_required
@require_GET
def yearly_report_xlsx(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    report = _yearly(request, unit_id, year)
    return stream_response(lambda handle: learning_report_write(report, handle), learning_report_filename(report))


@login_required
@require_GET
def yearly_report_pdf(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    report = _yearly(request, unit_id, year)
    doc = learning_report_document(report, parent=report.unit.parent)
    pdf = render_pdf("exports/learning_report_pdf.html", {"doc": doc}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{learning_report_pdf_filename(report)}"'
    return response
