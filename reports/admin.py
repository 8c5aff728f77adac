"""Back office for values and reports.

The admin is one more write path, through the one write path: a value added or changed here goes through
``values_record`` (path "admin") with the validation of the grid, the import and the API (scope, entry level,
measure, numbers read by ``core.numbers``, locks, versions, history), first as a dry run when the form is
validated (its errors shown beside the fields) and again for real when it is saved (a report locked in
between is refused with the reason). Report transitions go through the workflow services (admin actions),
never through a status field.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from core.numbers import input_text, number_text
from core.spreadsheet import SpreadsheetAdminMixin
from reports.models import EntryPath, ReminderLog, Submission, SubmissionComment, Value
from reports.resources import ValueResource
from reports.services.submissions import (
    lock_reasons,
    submission_approve,
    submission_reopen,
    submission_return,
    submission_submit,
)
from reports.services.values import RecordResult, ValueRow, values_record

# --- Value ------------------------------------------------------------------------------------------------


def _lock_reason(unit_id: int | None, period_id: int | None) -> str:
    if not unit_id or not period_id:
        return ""
    return lock_reasons(pairs={(unit_id, period_id)}).get((unit_id, period_id), "")


FIGURES = ("value", "numerator", "denominator")


class ValueAdminForm(forms.ModelForm):
    """The value's figures as typed (text, read by ``values_record``), and the version the form was loaded from."""

    value = forms.CharField(label=_("giá trị"), required=False)
    numerator = forms.CharField(label=_("tử số"), required=False)
    denominator = forms.CharField(label=_("mẫu số"), required=False)
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Value
        fields = ["unit", "indicator", "period", "not_applicable", "comment"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
            for name in ("value", "numerator", "denominator"):
                self.fields[name].initial = input_text(getattr(self.instance, name))
        self.result: RecordResult | None = None

    def _post_clean(self):
        # The figures are the service's to read and write: the instance keeps its stored ones meanwhile.
        typed = {name: self.cleaned_data.pop(name) for name in FIGURES if name in self.cleaned_data}
        super()._post_clean()
        self.cleaned_data.update(typed)

    def value_row(self) -> ValueRow:
        data = self.cleaned_data
        version = data.get("loaded_version")
        return ValueRow(
            row=1,
            unit_code=data["unit"].code,
            indicator_code=data["indicator"].code,
            period=data["period"].code,
            value=data.get("value") or None,
            numerator=data.get("numerator") or None,
            denominator=data.get("denominator") or None,
            comment=data.get("comment") or "",
            not_applicable=bool(data.get("not_applicable")),
            version=version if version is not None else 0,
            agency=self.instance.agency_id,  # an agency's own value stays the agency's
        )

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.pk
            and cleaned.get("unit")
            and (
                cleaned["unit"].pk != self.instance.unit_id
                or cleaned["indicator"].pk != self.instance.indicator_id
                or cleaned["period"].pk != self.instance.period_id
            )
        ):
            raise ValidationError(
                gettext("Không đổi được đơn vị, chỉ tiêu hay kỳ của một kết quả; hãy nhập kết quả mới."),
                code="identity",
            )
        if self.errors or not all(cleaned.get(f) for f in ("unit", "indicator", "period")) or self.user is None:
            return cleaned
        self.result = values_record(rows=[self.value_row()], user=self.user, path=EntryPath.ADMIN, dry_run=True)
        add_errors(self, self.result)
        return cleaned


#: The service's columns → the admin form's fields.
FIELD_OF_COLUMN = {"unit_code": "unit", "indicator_code": "indicator", "value": "value", "numerator": "numerator",
                   "denominator": "denominator", "comment": "comment"}  # fmt: skip


def add_errors(form: forms.Form, result: RecordResult) -> None:
    """The service's errors beside the admin form's fields; about the period (a lock) as "Không sửa được: …"."""
    for error in result.errors:
        field = FIELD_OF_COLUMN.get(error.column)
        if field in form.fields:
            form.add_error(field, error.message)
        else:
            form.add_error(None, gettext("Không sửa được: %(reason)s") % {"reason": error.message})


@admin.register(Value)
class ValueAdmin(SpreadsheetAdminMixin, ImportExportMixin, SimpleHistoryAdmin):
    form = ValueAdminForm
    resource_classes = [ValueResource]  # import through values_record, as the upload page and the API
    list_display = [
        "unit",
        "indicator",
        "period",
        "value",
        "numerator",
        "denominator",
        "not_applicable",
        "entry_path",
        "entered_by",
        "updated_at",
        "version",
    ]
    list_select_related = ["unit", "indicator", "period", "entered_by"]
    list_filter = ["entry_path", "period", "indicator__category"]
    search_fields = ["unit__code", "unit__name", "indicator__code"]
    raw_id_fields = ["unit"]
    readonly_fields = ["entered_by", "entered_by_unit", "entry_path", "updated_at", "version"]
    fields = [
        "unit",
        "indicator",
        "period",
        "value",
        "numerator",
        "denominator",
        "not_applicable",
        "comment",
        "loaded_version",
        *readonly_fields,
    ]
    history_list_display = ["value", "numerator", "denominator", "not_applicable", "entry_path", "version"]

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)

        class WithUser(form_class):
            def __init__(self, *args, **kw):
                super().__init__(*args, user=request.user, **kw)

        return WithUser

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=Value.objects.visible_to(request.user).values("pk"))

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # a bulk delete would skip the lock check
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _lock_reason(obj.unit_id, obj.period_id):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        """Write through ``values_record`` (under its row locks and version check); a refusal is a message."""
        result = values_record(rows=[form.value_row()], user=request.user, path=EntryPath.ADMIN)
        if result.errors:
            request._xhht_refused = True
            first = result.errors[0].message
            messages.error(request, gettext("Không sửa được: %(reason)s") % {"reason": first})
            return
        saved = Value.objects.get(
            unit=obj.unit, agency=obj.agency_id, indicator=obj.indicator, period__code=obj.period.code
        )
        obj.pk, obj.version = saved.pk, saved.version

    def log_change(self, request, obj, message):
        if not getattr(request, "_xhht_refused", False):
            return super().log_change(request, obj, message)

    def log_addition(self, request, obj, message):
        if not getattr(request, "_xhht_refused", False):
            return super().log_addition(request, obj, message)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if getattr(request, "_xhht_refused", False) and level == messages.SUCCESS:
            return None
        return super().message_user(request, message, level, *args, **kwargs)


# --- Submission -------------------------------------------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}))


def _run(modeladmin, request, queryset, service, done: str, **kwargs) -> None:
    """Call a workflow service on each selected report; each refusal is reported with its reason."""
    ok = 0
    for submission in queryset.select_related("unit", "period"):
        try:
            service(submission=submission, user=request.user, via=EntryPath.ADMIN, **kwargs)
        except (PermissionDenied, ValidationError) as error:  # StaleSubmission is a ValidationError
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            modeladmin.message_user(request, f"{submission}: {text}", messages.ERROR)
        else:
            ok += 1
    if ok:
        modeladmin.message_user(request, done % {"n": number_text(ok)}, messages.SUCCESS)


def _with_reason(modeladmin, request, queryset, service, title: str, done: str):
    """An action that needs a reason: an intermediate page with the reason, then the service."""
    form = ReasonForm(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        _run(modeladmin, request, queryset, service, done, reason=form.cleaned_data["reason"])
        return None
    return render(
        request,
        "reports/submission_admin_reason.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "form": form,
            "queryset": queryset,
            "action": request.POST.get("action"),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


@admin.action(description=_("Nộp các báo cáo đã chọn"))
def submit_reports(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, submission_submit, gettext("Đã nộp %(n)s báo cáo."))


@admin.action(description=_("Duyệt các báo cáo đã chọn"))
def approve_reports(modeladmin, request, queryset):
    _run(modeladmin, request, queryset, submission_approve, gettext("Đã duyệt %(n)s báo cáo."))


@admin.action(description=_("Trả lại các báo cáo đã chọn (kèm lý do)"))
def return_reports(modeladmin, request, queryset):
    return _with_reason(
        modeladmin,
        request,
        queryset,
        submission_return,
        gettext("Trả lại báo cáo"),
        gettext("Đã trả lại %(n)s báo cáo."),
    )


@admin.action(description=_("Mở lại các báo cáo đã duyệt (kèm lý do)"))
def reopen_reports(modeladmin, request, queryset):
    return _with_reason(
        modeladmin,
        request,
        queryset,
        submission_reopen,
        gettext("Mở lại báo cáo"),
        gettext("Đã mở lại %(n)s báo cáo."),
    )


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "period", "status", "due", "submitted_at", "late", "reviewed_at", "changed_via"]
    list_select_related = ["unit", "period", "deadline"]
    list_filter = ["status", "period", "changed_via"]
    search_fields = ["unit__code", "unit__name"]
    raw_id_fields = ["unit", "deadline"]
    readonly_fields = [
        "status",
        "submitted_at",
        "submitted_by",
        "reviewed_at",
        "reviewed_by",
        "reason",
        "approved_flags",
        "changed_via",
        "version",
    ]
    actions = [submit_reports, approve_reports, return_reports, reopen_reports]
    history_list_display = ["status", "changed_via", "reason"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=Submission.objects.visible_to(request.user).values("pk"))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "unit", "period"] if obj is not None else fields

    def has_add_permission(self, request):
        return False  # a report is created by its first use (``submission_get``)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description=_("hạn nộp"))
    def due(self, obj: Submission):
        return obj.due_date.strftime("%d/%m/%Y") if obj.due_date else "—"

    @admin.display(description=_("nộp muộn"), boolean=True)
    def late(self, obj: Submission):
        return obj.is_late


@admin.register(SubmissionComment)
class SubmissionCommentAdmin(admin.ModelAdmin):
    list_display = ["submission", "indicator", "author", "created_at", "short_body"]
    list_select_related = ["submission__unit", "submission__period", "indicator", "author"]
    search_fields = ["submission__unit__code", "body"]
    raw_id_fields = ["submission"]
    readonly_fields = ["author", "created_at"]

    @admin.display(description=_("nội dung"))
    def short_body(self, obj: SubmissionComment) -> str:
        return obj.body[:80]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["unit", "deadline", "kind", "sent_on", "recipients"]
    list_select_related = ["unit", "deadline__period"]
    list_filter = ["kind", "sent_on"]
    search_fields = ["unit__code", "unit__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
