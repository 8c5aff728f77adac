"""Back office for values and reports.

The admin is one more write path: an edit of a value whose report is submitted or approved, or whose
period is closed, is refused with the reason (``lock_reasons``, the check every write path calls), first
in the form and again under a row lock when saving. A saved value records ``entry_path = admin``; the
history (django-simple-history) keeps who, when and old → new. Report transitions go through the workflow
services (admin actions), never through a status field.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

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

# --- Value ------------------------------------------------------------------------------------------------


def _lock_reason(unit_id: int | None, period_id: int | None) -> str:
    if not unit_id or not period_id:
        return ""
    return lock_reasons(pairs={(unit_id, period_id)}).get((unit_id, period_id), "")


class ValueAdminForm(forms.ModelForm):
    #: The version the form was loaded from; a newer one in the database is a conflict, not an overwrite.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Value
        fields = ["unit", "indicator", "period", "value", "numerator", "denominator", "not_applicable", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        pairs = {(self.instance.unit_id, self.instance.period_id)} if self.instance.pk else set()
        unit, period = cleaned.get("unit"), cleaned.get("period")
        if unit and period:
            pairs.add((unit.pk, period.pk))
        for unit_id, period_id in pairs:
            reason = _lock_reason(unit_id, period_id)
            if reason:
                raise ValidationError(gettext("Không sửa được: %(reason)s") % {"reason": reason}, code="locked")
        return cleaned


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
        """Save under row locks, refusing a locked report or a value changed since the form was loaded."""
        refused = ""
        with transaction.atomic():
            if change:
                current = Value.objects.select_for_update().get(pk=obj.pk)
                loaded = form.cleaned_data.get("loaded_version")
                if loaded is not None and current.version != loaded:
                    refused = gettext(
                        "Giá trị vừa được người khác sửa (phiên bản %(version)s); hãy tải lại trang, không có gì bị ghi đè."
                    ) % {"version": current.version}
                pairs = {(current.unit_id, current.period_id), (obj.unit_id, obj.period_id)}
            else:
                pairs = {(obj.unit_id, obj.period_id)}
            if not refused:
                # Lock the report rows too: a transition waits for this edit, this edit sees a finished one.
                list(
                    Submission.objects.select_for_update().filter(
                        unit__in={u for u, _p in pairs}, period__in={p for _u, p in pairs}
                    )
                )
                reasons = lock_reasons(pairs=pairs)
                if reasons:
                    refused = gettext("Không sửa được: %(reason)s") % {"reason": next(iter(reasons.values()))}
            if not refused:
                obj.entry_path = EntryPath.ADMIN
                obj.entered_by, obj.entered_by_unit_id = request.user, request.user.unit_id
                obj.updated_at = timezone.now()
                if change:
                    obj.version = current.version + 1
                super().save_model(request, obj, form, change)
        if refused:
            request._xhht_refused = True
            messages.error(request, refused)

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
        modeladmin.message_user(request, done % {"n": ok}, messages.SUCCESS)


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
