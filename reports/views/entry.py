"""Entering results: the index of reporting periods, the entry grid of a unit and period, the file import."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.policy import is_agency_reporter, may_enter
from core.numbers import number_text
from core.uploads import ImportFileError
from plans.models import Period
from plans.periods import period_resolve
from plans.reporting import agency_deadlines
from reports.forms import EntryFormSet, ImportForm, warning_text
from reports.jobs import import_rows_if_large, values_check_job_start, values_import_job_start
from reports.models import EntryPath
from reports.selectors.entry import entry_grid, entry_periods
from reports.selectors.review import return_notes
from reports.services.importing import (
    IMPORT_DIR,
    confirmed_versions,
    import_done_message,
    import_stored_path,
    preview_versions,
    values_import,
)
from reports.services.values import values_record
from units.models import Unit
from units.scoping import unit_visible_or_404

#: The token of the uploaded file waiting for the user's confirmation (``import_stored_path``) is kept in the session.
IMPORT_SESSION_KEY = "reports_import"
#: A file left behind by an abandoned preview is removed after this many seconds.
IMPORT_MAX_AGE = 24 * 3600
ERRORS_SHOWN = 200


def _entry_unit(request: HttpRequest, unit_id: int, period: Period) -> Unit:
    """The unit if the user may enter its values for the period (``accounts.policy.may_enter``); 404 outside
    the scope, 403 for a unit the user sees but may not enter for (a predecessor of the user's 2025 unit, a
    unit that does not exist in the period)."""
    unit = unit_visible_or_404(request.user, unit_id)
    if not may_enter(request.user, unit, period=period):
        if not unit.is_valid_on(period.reference_day):
            raise PermissionDenied(
                _("Đơn vị không còn (hoặc chưa có) hiệu lực vào ngày %(day)s: không nhập số liệu cho kỳ này.")
                % {"day": period.reference_day.strftime("%d/%m/%Y")}
            )
        raise PermissionDenied(_("Bạn chỉ được nhập số liệu của đơn vị mình."))
    return unit


@login_required
def entry_index(request: HttpRequest) -> HttpResponse:
    """The reporting periods of the user's unit (or of a unit in scope, ``?unit=``), each linking to its grid."""
    user = request.user
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = unit_visible_or_404(user, int(request.GET["unit"]))
    elif user.unit_id is not None and not is_agency_reporter(user):
        unit = user.unit
    today = timezone.localdate()
    if is_agency_reporter(user) and unit is None:  # an agency account: the periods of its own report
        agency = user.agency
        rows = agency_deadlines(agency)
        return render(request, "reports/agency_index.html", {"agency": agency, "rows": rows, "today": today})
    context = {"unit": unit, "today": today, "rows": [], "top_units": []}
    if unit is not None:
        context["rows"] = entry_periods(unit=unit, today=today)
    else:
        context["top_units"] = list(Unit.objects.visible_to(user).filter(depth=2).valid_on(today).order_by("code"))
    return render(request, "reports/entry_index.html", context)


@login_required
def entry(request: HttpRequest, unit_id: int, period: Period) -> HttpResponse:
    unit = _entry_unit(request, unit_id, period)
    grid = entry_grid(unit=unit, period=period, user=request.user)
    can_save = grid.is_entry_level and grid.valid_in_period and not grid.lock_reason

    formset = EntryFormSet(grid=grid, disabled=not can_save)
    if request.method == "POST":
        if not can_save:
            messages.error(request, grid.lock_reason or _("Không thể lưu số liệu cho đơn vị và kỳ này."))
            return redirect(request.path)
        formset = EntryFormSet(request.POST, grid=grid)
        rows = formset.value_rows()
        if not rows and not formset.has_cell_errors:
            messages.info(request, _("Không có ô nào thay đổi; chưa lưu gì."))
            return redirect(request.path)
        result = values_record(rows=rows, user=request.user, path=EntryPath.FORM, partial=True) if rows else None
        saved = result.created + result.updated if result else 0
        if not formset.has_cell_errors and result is not None and not result.errors:
            messages.success(request, _("Đã lưu %(n)s chỉ tiêu.") % {"n": number_text(saved)})
            for warning in result.warnings:
                messages.warning(request, warning_text(grid, warning))
            return redirect(request.path)
        # Some cells are invalid: the valid ones are saved; show the grid again with what the user typed,
        # each error next to its cell, and the versions of the values as they now stand.
        grid = entry_grid(unit=unit, period=period_resolve(period.code), user=request.user)
        data = request.POST.copy()
        for index, row in enumerate(grid.rows):
            data[f"rows-{index}-version"] = str(row.version)
        errors_before = {form.row.index for form in formset.forms if form.has_errors}
        formset = EntryFormSet(data, grid=grid)
        formset.value_rows()  # validates, as the first formset did
        if result is not None:
            formset.apply_result(result)
        error_rows = len(errors_before | {e.row for e in (result.errors if result else [])})
        messages.error(
            request,
            _("Đã lưu %(saved)s chỉ tiêu; %(bad)s chỉ tiêu có lỗi chưa được lưu, hãy sửa các ô được đánh dấu.")
            % {"saved": saved, "bad": error_rows},
        )
    return render(
        request,
        "reports/entry.html",
        {
            "unit": unit,
            "period": grid.period,
            "grid": grid,
            "formset": formset,
            "can_save": can_save,
            # a returned report: the reviewer's reason at the top, each remark beside its indicator
            "notes": return_notes(unit=unit, period=grid.period) if grid.rows else None,
            # the breadcrumb links the unit above only when this user may open its grid
            "parent_link": unit.parent is not None and unit.parent.depth > 1 and may_enter(request.user, unit.parent),
        },
    )


# --- import ------------------------------------------------------------------------------------------


def _import_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / IMPORT_DIR


def _discard(request: HttpRequest) -> None:
    stored = request.session.pop(IMPORT_SESSION_KEY, None)
    if stored:
        path = import_stored_path(stored)
        if path is not None:
            path.unlink(missing_ok=True)


def _purge_old_files() -> None:
    directory = _import_dir()
    if not directory.is_dir():
        return
    cutoff = time.time() - IMPORT_MAX_AGE
    for path in directory.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
        except OSError:
            continue


def _store(request: HttpRequest, upload) -> tuple[dict, Path]:
    _discard(request)
    _purge_old_files()
    stored = {"token": str(uuid.uuid4()), "suffix": Path(upload.name).suffix.lower(), "name": Path(upload.name).name}
    path = import_stored_path(stored)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return stored, path


def _preview(request: HttpRequest, form: ImportForm, stored: dict, imported) -> HttpResponse:
    return render(
        request,
        "reports/entry_import.html",
        {
            "form": form,
            "stored": stored,
            "imported": imported,
            "errors": imported.errors[:ERRORS_SHOWN],
            "errors_hidden": max(0, len(imported.errors) - ERRORS_SHOWN),
            "warnings": imported.warnings[:ERRORS_SHOWN],
            "warnings_hidden": max(0, len(imported.warnings) - ERRORS_SHOWN),
        },
    )


@login_required
def entry_import(request: HttpRequest) -> HttpResponse:
    """Upload → preview (a dry run: rows, errors, warnings) → confirm → import, all or nothing.

    A file of more than ``XHHT_JOB_IMPORT_ROWS`` rows is checked, then imported, by background jobs: the
    preview and the confirmation are on the job's page, with the same all-or-nothing rule."""
    if request.method == "POST" and "confirm" in request.POST:
        if request.POST.get("job"):
            job = values_import_job_start(user=request.user, check_job_id=request.POST["job"])
            return redirect("jobs:detail", job_id=job.pk)
        return _import_confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        stored, path = _store(request, upload)
        try:
            stored["rows"] = import_rows_if_large(path, name=stored["name"])
            if stored["rows"]:
                return redirect("jobs:detail", job_id=values_check_job_start(user=request.user, stored=stored).pk)
            imported = values_import(path, request.user, dry_run=True, name=stored["name"])
        except ImportFileError as error:
            path.unlink(missing_ok=True)
            form.add_error("file", error.message)
        else:
            if imported.ok:
                # The versions of the stored values the preview saw (a new row's is 0): the confirmation refuses
                # the rows whose value someone changed since.
                stored["versions"] = preview_versions(imported)
                request.session[IMPORT_SESSION_KEY] = stored
            else:
                path.unlink(missing_ok=True)
            return _preview(request, ImportForm(), stored, imported)
    return render(request, "reports/entry_import.html", {"form": form})


def _import_confirm(request: HttpRequest) -> HttpResponse:
    stored = request.session.get(IMPORT_SESSION_KEY) or {}
    path = import_stored_path(stored)
    if path is None or request.POST.get("token") != stored.get("token") or not path.is_file():
        _discard(request)
        messages.error(request, _("Phiên nhập tệp đã hết hạn hoặc không hợp lệ; hãy tải tệp lên lại."))
        return redirect("reports:import")
    try:
        versions = confirmed_versions(stored.get("versions"))
        imported = values_import(path, request.user, dry_run=False, name=stored.get("name"), versions=versions)
    except ImportFileError as error:
        _discard(request)
        messages.error(request, error.message)
        return redirect("reports:import")
    _discard(request)
    if not imported.ok:
        # The data changed since the preview (a lock, another entry): nothing was written.
        messages.error(request, _("Tệp có lỗi nên không dòng nào được nhập."))
        return _preview(request, ImportForm(), stored, imported)
    messages.success(request, import_done_message(stored.get("name", ""), imported))
    for warning in imported.record.warnings[:ERRORS_SHOWN]:
        messages.warning(request, str(warning))
    return redirect("reports:import")
