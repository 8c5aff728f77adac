"""Back office for plans: one page holds a plan's targets, tasks, reporting rules and deadlines.

Every rule the database enforces is also checked in a form with a Vietnamese message, so that a bad
entry comes back as an error on the field, never as an IntegrityError or an English constraint name.
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin

from core.numbers import number_text
from core.spreadsheet import SpreadsheetAdminMixin
from units.models import Level, kinds_of_level

from .forms import TARGET_FIELDS, TargetConstraintsMixin
from .models import (
    Deadline,
    Document,
    DueKind,
    Frequency,
    Period,
    Plan,
    Reporters,
    ReportingRule,
    Target,
    Task,
)
from .resources import TargetResource
from .services import deadlines_generate

PER_YEAR = {Frequency.YEARLY: 1, Frequency.HALF_YEARLY: 2, Frequency.QUARTERLY: 4}
DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})$")
MONTH_DAY = re.compile(r"^(?P<month>\d{1,2})-(?P<day>\d{1,2})$")


# --- Plan ------------------------------------------------------------------------------------------


class PlanLevelFilter(admin.SimpleListFilter):
    title = _("cấp ban hành")
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return Level.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(unit__kind__in=kinds_of_level(self.value()))
        return queryset


class PlanAdminForm(forms.ModelForm):
    milestone_years = forms.CharField(
        label=_("các mốc"),
        required=False,
        help_text=_("Các năm mốc, cách nhau bởi dấu phẩy. Ví dụ: 2025, 2030."),
    )

    class Meta:
        model = Plan
        fields = [
            "unit",
            "issuing_body",
            "kind",
            "number",
            "issued_on",
            "title",
            "status",
            "parent",
            "start_year",
            "end_year",
            "milestone_years",
            "legal_basis",
            "purpose",
            "general_objective",
            "funding",
            "document",
            "source_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["milestone_years"] = ", ".join(str(y) for y in self.instance.milestone_years or [])

    def clean_milestone_years(self) -> list[int]:
        raw = self.cleaned_data.get("milestone_years") or ""
        years = []
        for part in re.split(r"[,;\s]+", raw.strip()):
            if not part:
                continue
            if not part.isdigit() or not 1900 <= int(part) <= 2100:
                raise ValidationError(_("“%(value)s” không phải là một năm hợp lệ."), params={"value": part})
            years.append(int(part))
        return sorted(set(years))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start is not None and end is not None:
            if start > end:
                self.add_error("end_year", _("Năm kết thúc phải bằng hoặc sau năm bắt đầu."))
            else:
                outside = [y for y in cleaned.get("milestone_years") or [] if not start <= y <= end]
                if outside:
                    self.add_error(
                        "milestone_years",
                        _("Năm mốc %(years)s nằm ngoài thời gian của kế hoạch (%(start)s–%(end)s).")
                        % {"years": ", ".join(map(str, outside)), "start": start, "end": end},
                    )
        parent = cleaned.get("parent")
        if parent is not None and self.instance.pk is not None:
            link, steps = parent, 0
            while link is not None and steps < 20:
                if link.pk == self.instance.pk:
                    self.add_error("parent", _("Không thể chọn chính kế hoạch này hoặc kế hoạch cấp dưới của nó."))
                    break
                link, steps = link.parent, steps + 1
        unit, number, issued_on = cleaned.get("unit"), cleaned.get("number"), cleaned.get("issued_on")
        if unit is not None and number:
            duplicates = Plan.objects.filter(unit=unit, number=number, issued_on=issued_on).exclude(pk=self.instance.pk)
            if duplicates.exists():
                self.add_error("number", _("Đơn vị này đã có văn bản cùng số, ký hiệu và ngày ban hành."))
        return cleaned


class TargetInlineForm(TargetConstraintsMixin, forms.ModelForm):
    class Meta:
        model = Target
        fields = TARGET_FIELDS


class TargetInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        plan = self.instance
        if plan.pk is not None or plan.start_year is None or plan.end_year is None:
            return  # a saved plan: Target.clean checks the year against it
        for form in self.forms:
            year = getattr(form, "cleaned_data", {}).get("year")
            if year is not None and not plan.start_year <= year <= plan.end_year and not self._should_delete_form(form):
                form.add_error(
                    "year",
                    _("Năm %(year)s nằm ngoài thời gian của kế hoạch (%(start)s–%(end)s).")
                    % {"year": year, "start": plan.start_year, "end": plan.end_year},
                )


class TargetInline(admin.TabularInline):
    model = Target
    form = TargetInlineForm
    formset = TargetInlineFormSet
    extra = 0
    autocomplete_fields = ["indicator", "unit"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator", "unit")


class TaskInlineForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = [
            "section",
            "order",
            "title",
            "lead",
            "partners",
            "partners_note",
            "due_kind",
            "due_date",
            "due_year",
            "due_quarter",
            "due_text",
            "status",
        ]

    def clean(self):
        cleaned = super().clean()
        kind, quarter = cleaned.get("due_kind"), cleaned.get("due_quarter")
        if quarter is not None and not 1 <= quarter <= 4:
            self.add_error("due_quarter", _("Quý phải từ 1 đến 4."))
        if kind == DueKind.DATE and not cleaned.get("due_date"):
            self.add_error("due_date", _("Hãy nhập ngày hoàn thành."))
        if kind in (DueKind.QUARTER, DueKind.YEAR) and not cleaned.get("due_year"):
            self.add_error("due_year", _("Hãy nhập năm hoàn thành."))
        if kind == DueKind.QUARTER and quarter is None:
            self.add_error("due_quarter", _("Hãy nhập quý hoàn thành."))
        return cleaned


class TaskInline(admin.StackedInline):
    model = Task
    form = TaskInlineForm
    extra = 0
    autocomplete_fields = ["lead", "partners"]
    fieldsets = [
        (None, {"fields": [("section", "order", "status"), "title", ("lead", "partners"), "partners_note"]}),
        (_("Thời gian hoàn thành"), {"fields": [("due_kind", "due_date", "due_year", "due_quarter"), "due_text"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("lead")


def _parse_due_day(part: str) -> str:
    """``15/6`` (day/month, the Vietnamese way) or ``06-15`` → ``06-15``."""
    match = DAY_MONTH.match(part) or MONTH_DAY.match(part)
    if not match:
        raise ValidationError(
            _("“%(value)s” không phải là ngày/tháng hợp lệ (ví dụ: 15/6)."), params={"value": part}, code="invalid"
        )
    month, day = int(match["month"]), int(match["day"])
    try:
        datetime.date(2001, month, day)  # a common year: the day must exist every year
    except ValueError:
        raise ValidationError(
            _("“%(value)s” không phải là ngày/tháng hợp lệ (ví dụ: 15/6)."), params={"value": part}, code="invalid"
        ) from None
    return f"{month:02d}-{day:02d}"


class ReportingRuleForm(forms.ModelForm):
    due_days = forms.CharField(
        label=_("hạn nộp trong năm (ngày/tháng)"),
        required=False,
        help_text=_("Một ngày cho mỗi kỳ, cách nhau bởi dấu phẩy. Ví dụ: 15/6, 15/12."),
    )

    class Meta:
        model = ReportingRule
        fields = [
            "title",
            "frequency",
            "due_days",
            "due_date",
            "reporters",
            "reporting_level",
            "recipient",
            "first_year",
            "last_year",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.due_days:
            self.initial["due_days"] = ", ".join(
                "{}/{}".format(*reversed([int(p) for p in md.split("-")])) for md in self.instance.due_days
            )

    def clean_due_days(self) -> list[str]:
        raw = self.cleaned_data.get("due_days") or ""
        return [_parse_due_day(part.strip()) for part in re.split(r"[,;]+", raw) if part.strip()]

    def clean(self):
        cleaned = super().clean()
        frequency = cleaned.get("frequency")
        if frequency == Frequency.ONCE:
            if not cleaned.get("due_date"):
                self.add_error("due_date", _("Báo cáo một lần cần hạn nộp."))
        elif frequency in PER_YEAR and "due_days" in cleaned:
            expected = PER_YEAR[frequency]
            if len(cleaned["due_days"]) != expected:
                self.add_error(
                    "due_days",
                    _("Tần suất “%(freq)s” cần đúng %(n)s hạn nộp trong năm.")
                    % {"freq": Frequency(frequency).label, "n": expected},
                )
        if cleaned.get("reporters") == Reporters.LEVEL and not cleaned.get("reporting_level"):
            self.add_error("reporting_level", _("Hãy chọn cấp phải báo cáo."))
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and first > last:
            self.add_error("last_year", _("Năm kết thúc phải bằng hoặc sau năm bắt đầu."))
        return cleaned


class ReportingRuleInline(admin.StackedInline):
    model = ReportingRule
    form = ReportingRuleForm
    extra = 0
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    ("frequency", "due_days", "due_date"),
                    ("reporters", "reporting_level"),
                    "recipient",
                    ("first_year", "last_year"),
                ]
            },
        )
    ]


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["due_date", "window_start", "window_end"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("window_start"), cleaned.get("window_end")
        if start and end and start > end:
            self.add_error("window_end", _("Ngày cuối của số liệu phải sau ngày đầu."))
        return cleaned


class DeadlineInline(admin.TabularInline):
    """The generated calendar: dates may be edited per plan; rows come from “Tạo lịch báo cáo”."""

    model = Deadline
    form = DeadlineForm
    extra = 0
    fields = ["period", "rule", "due_date", "window_start", "window_end"]
    readonly_fields = ["period", "rule"]
    ordering = ["due_date"]

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("period", "rule")


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    form = PlanAdminForm
    list_display = ["number", "title", "unit", "kind", "status", "start_year", "end_year", "issued_on"]
    list_display_links = ["number", "title"]
    list_filter = ["status", "kind", PlanLevelFilter, "start_year"]
    search_fields = ["number", "title", "issuing_body", "unit__name", "=unit__code"]
    list_select_related = ["unit", "parent"]
    autocomplete_fields = ["unit", "parent", "legal_basis"]
    date_hierarchy = "issued_on"
    show_full_result_count = False
    inlines = [TargetInline, TaskInline, ReportingRuleInline, DeadlineInline]
    actions = ["generate_deadlines"]
    fieldsets = [
        (None, {"fields": [("unit", "issuing_body"), ("kind", "number", "issued_on"), "title", "status", "parent"]}),
        (_("Thời gian"), {"fields": [("start_year", "end_year"), "milestone_years"]}),
        (
            _("Nội dung"),
            {"fields": ["legal_basis", "purpose", "general_objective", "funding", "document", "source_note"]},
        ),
        (_("Kế thừa (sắp xếp đơn vị hành chính)"), {"fields": ["continues", "continued_on", "continuation_basis"]}),
    ]
    #: Carrying a plan over is a service with its checks (the plan page's form), not an edit.
    readonly_fields = ["continues", "continued_on", "continuation_basis"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(fs.model is ReportingRule and fs.has_changed() for fs in formsets):
            self._generate(request, [form.instance])

    @admin.action(description=_("Tạo lịch báo cáo"), permissions=["change"])
    def generate_deadlines(self, request, queryset):
        self._generate(request, list(queryset))

    def _generate(self, request, plans: list[Plan]) -> None:
        created, failed = 0, False
        for plan in plans:
            try:
                created += deadlines_generate(plan=plan)
            except ValidationError as error:
                failed = True
                self.message_user(request, f"{plan}: {' '.join(error.messages)}", messages.ERROR)
        if created or not failed:
            self.message_user(
                request, gettext("Đã tạo %(n)s hạn báo cáo mới.") % {"n": number_text(created)}, messages.SUCCESS
            )


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "issuer", "issued_on"]
    search_fields = ["number", "title", "issuer"]
    date_hierarchy = "issued_on"


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "kind", "year", "window_start", "window_end", "is_closed"]
    list_filter = ["kind", "year", "is_closed"]
    search_fields = ["code"]
    # Closing and reopening go through the actions: they store (or drop) the period's roll-up with the change.
    readonly_fields = ["is_closed"]
    actions = ["close_periods", "reopen_periods"]

    @admin.action(description=_("Khóa sổ các kỳ đã chọn (chốt số liệu tổng hợp)"))
    def close_periods(self, request, queryset):
        from reports.services.aggregates import period_close

        for period in queryset.filter(is_closed=False):
            figures = period_close(period=period)
            self.message_user(request, _("Đã khóa sổ kỳ %(code)s; đã chốt %(n)s số liệu tổng hợp.") % {
                "code": period.code, "n": figures})  # fmt: skip

    @admin.action(description=_("Mở lại sổ các kỳ đã chọn"))
    def reopen_periods(self, request, queryset):
        from reports.services.aggregates import period_reopen

        for period in queryset.filter(is_closed=True):
            period_reopen(period=period)
            self.message_user(request, _("Đã mở lại sổ kỳ %(code)s.") % {"code": period.code})

    @admin.display(description=_("kỳ"))
    def label(self, obj: Period) -> str:
        return obj.label


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    form = DeadlineForm
    list_display = ["plan", "period", "rule", "due_date", "window_start", "window_end"]
    list_filter = ["period__kind", "period__year"]
    search_fields = ["plan__number", "plan__title", "=period__code"]
    list_select_related = ["plan", "period", "rule"]
    readonly_fields = ["plan", "rule", "period"]
    date_hierarchy = "due_date"
    fields = ["plan", "rule", "period", "due_date", "window_start", "window_end"]

    def has_add_permission(self, request):
        return False


@admin.register(Target)
class TargetAdmin(SpreadsheetAdminMixin, ImportExportModelAdmin):
    """Targets across plans, for import and export (each row through ``target_set``); edit them in the plan."""

    resource_classes = [TargetResource]
    list_display = ["plan", "indicator", "unit", "year", "kind", "value", "value_max"]
    list_select_related = ["plan", "indicator", "unit"]
    list_filter = ["year", "kind"]
    search_fields = ["indicator__code", "unit__code", "plan__number"]
    raw_id_fields = ["plan", "indicator", "unit"]

    def get_queryset(self, request):  # the list and its export: targets of the plans in the user's scope
        return super().get_queryset(request).filter(plan__in=Plan.objects.visible_to(request.user))
