"""Learning-model pages: the commune's board with bulk actions, the evaluation form with evidence, the
recognition decision (and its PDF), the register import, and the recognised shares by child unit.

Out of scope → 404 (``visible_to``); in scope but not allowed → the service's ``PermissionDenied`` (403
with its reason); a ``ValidationError`` comes back as a message, never a 500.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.policy import may_check, may_self_assess
from core.pdf import render_pdf
from core.uploads import ImportFileError
from units.models import Level, Unit

from .evidence import evidence_add
from .feeding import learning_indicators_feed
from .forms import DecisionForm, EvidenceForm, RegisterImportForm
from .importing import subjects_import
from .jobs import decision_pdf_filename, decision_pdf_is_large, decision_pdf_job_start
from .models import Evaluation, Status
from .selectors import (
    board,
    commune_for,
    decision_document,
    decision_for,
    decision_lines,
    evaluation_page,
    evidence_for,
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

BULK = {"self_assess", "check", "return", "recognise"}


def _year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user, year = request.user, timezone.localdate().year
    if user.unit_id and user.unit.level == Level.COMMUNE:
        return redirect("learning:board", unit_id=user.unit_id, year=year)
    unit = user.unit or Unit.objects.get_first_root_node()
    return redirect("learning:shares", unit_id=unit.pk, year=year)


def _selected(request: HttpRequest, commune: Unit, year: int, kind: str) -> list[int]:
    """The evaluations a bulk action applies to: the ticked ones, or all of a status ("chọn tất cả")."""
    qs = Evaluation.objects.visible_to(request.user).filter(subject__commune=commune, subject__kind=kind, year=year)
    if request.POST.get("tat_ca"):
        status = request.POST.get("trang_thai", "")
        return list((qs.filter(status=status) if status in Status.values else qs).values_list("pk", flat=True))
    try:
        ids = {int(x) for x in request.POST.getlist("chon")}
    except ValueError:
        raise Http404 from None
    found = list(qs.filter(pk__in=ids).values_list("pk", flat=True))
    if len(found) != len(ids):
        raise Http404
    return found


@login_required
@require_http_methods(["GET", "POST"])
def board_view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    year = _year(year)
    kind = kind_of(request.GET.get("loai") or request.POST.get("loai"))
    form, status = DecisionForm(), 200
    if request.method == "POST":
        commune = commune_for(request.user, unit_id)
        action = request.POST.get("action", "")
        form = DecisionForm(request.POST) if action == "recognise" else form
        try:
            if action == "open":
                n = evaluations_open(commune=commune, kind=kind, year=year, user=request.user)
                messages.success(request, _("Đã mở %(n)s phiếu đánh giá.") % {"n": n})
            elif action == "feed":
                if not (may_self_assess(request.user, commune) or may_check(request.user, commune)):
                    raise PermissionDenied(_("Bạn không cập nhật được số liệu chỉ tiêu của xã này."))
                learning_indicators_feed(communes=[commune], year=year, kinds=[kind], user=request.user)
                messages.success(
                    request, _("Đã cập nhật tử số, mẫu số của chỉ tiêu theo sổ theo dõi và kết quả công nhận.")
                )
            elif action in BULK:
                ids = _selected(request, commune, year, kind)
                if not ids:
                    raise ValidationError(_("Chưa chọn đối tượng nào."))
                if action == "self_assess":
                    n = evaluation_self_assess(evaluations=ids, user=request.user)
                elif action == "check":
                    n = evaluation_check(evaluations=ids, user=request.user)
                elif action == "return":
                    n = evaluation_return(evaluations=ids, user=request.user)
                else:
                    if not form.is_valid():
                        raise ValidationError(_("Hãy điền đủ thông tin quyết định công nhận."))
                    decision = recognition_decision_issue(evaluations=ids, user=request.user, **form.cleaned_data)
                    messages.success(request, _("Đã ban hành quyết định công nhận số %(n)s.") % {"n": decision.number})
                    return redirect("learning:decision", decision_id=decision.pk)
                messages.success(request, _("Đã cập nhật %(n)s đối tượng.") % {"n": n})
            else:
                raise ValidationError(_("Thao tác không hợp lệ."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
        else:
            return redirect(f"{reverse('learning:board', args=[commune.pk, year])}?loai={kind}")
    page = board(
        user=request.user,
        unit_id=unit_id,
        year=year,
        kind=kind,
        status=request.GET.get("trang_thai", ""),
        page=request.GET.get("page", 1),
    )
    return render(request, "learning/board.html", {"b": page, "form": form, "kinds": _kinds()}, status=status)


def _kinds():
    from .selectors import BOARD_KINDS

    return [(k.value, k.label) for k in BOARD_KINDS]


def _points(raw: str) -> Decimal | None:
    raw = (raw or "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ValidationError(_("“%(raw)s” không phải là số.") % {"raw": raw}) from None


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_view(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    page = evaluation_page(user=request.user, evaluation_id=evaluation_id)
    evaluation, status = page.evaluation, 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "evidence":
                form = EvidenceForm(request.POST, request.FILES)
                if not form.is_valid():
                    raise ValidationError(_("Hãy chọn tệp minh chứng."))
                indicator = next(
                    (i for i in evaluation.criteria_set.indicators_list if i.pk == form.cleaned_data["indicator"]), None
                )
                if indicator is None:
                    raise Http404
                evidence_add(
                    evaluation=evaluation, indicator=indicator, file=form.cleaned_data["file"], user=request.user
                )
                messages.success(request, _("Đã lưu minh chứng."))
            else:
                indicators = evaluation.criteria_set.indicators_list
                scores = {i.pk: _points(request.POST.get(f"diem-{i.pk}", "")) for i in indicators}
                notes = {i.pk: request.POST.get(f"ghichu-{i.pk}", "").strip()[:1000] for i in indicators}
                outcome = evaluation_scores_save(evaluation=evaluation, user=request.user, scores=scores, notes=notes)
                messages.success(
                    request, _("Đã lưu điểm. Kết quả tính theo bộ tiêu chí: %(r)s.") % {"r": outcome.label}
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
        else:
            return redirect("learning:evaluation", evaluation_id=evaluation.pk)
        page = evaluation_page(user=request.user, evaluation_id=evaluation_id)
    return render(request, "learning/evaluation.html", {"p": page, "evidence_form": EvidenceForm()}, status=status)


@login_required
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = evidence_for(user=request.user, evidence_id=evidence_id)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # Always a download, never shown in the portal's origin: a file is what a commune uploaded.
    response = FileResponse(handle, as_attachment=True, filename=evidence.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def decision_view(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = decision_for(user=request.user, decision_id=decision_id)
    return render(request, "learning/decision.html", {"d": decision, "lines": decision_lines(decision)})


@login_required
def decision_pdf(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = decision_for(user=request.user, decision_id=decision_id)
    if decision_pdf_is_large(decision):  # a bulk recognition of hundreds of subjects: a background job
        return redirect("jobs:detail", job_id=decision_pdf_job_start(user=request.user, decision=decision).pk)
    pdf = render_pdf("learning/decision_pdf.html", {"doc": decision_document(decision)}, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{decision_pdf_filename(decision)}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def register_import(request: HttpRequest, unit_id: int) -> HttpResponse:
    commune = commune_for(request.user, unit_id)
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
                        % {"c": result.created, "u": result.updated},
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
    page = shares_page(user=request.user, unit_id=unit_id, year=_year(year))
    return render(request, "learning/shares.html", {"p": page})
