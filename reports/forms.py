"""Forms of the entry pages. Values are validated by ``reports.services.values.values_record``, never here: the
grid's formset only carries what the user typed (as typed, numbers included: ``core.numbers`` reads them in
the service) and puts the service's errors back next to the cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.numbers import input_text
from indicators.breakdowns import breakdowns_of
from indicators.models import Measure
from reports.display import level_choices
from reports.selectors.entry import EntryGrid, EntryRow
from reports.services.values import RecordResult, RowError, ValueRow

NUMBER_ATTRS = {"class": "form-control form-control-sm num", "inputmode": "decimal", "autocomplete": "off"}
CELLS = ("value", "numerator", "denominator", "comment")


class EntryRowForm(forms.Form):
    """One indicator's row of the grid: the cells its measure has, "nothing to report", and the version the
    row was loaded from (a newer one in the database is a conflict, not an overwrite)."""

    indicator = forms.CharField(widget=forms.HiddenInput)
    value = forms.CharField(required=False)
    numerator = forms.CharField(required=False)
    denominator = forms.CharField(required=False)
    comment = forms.CharField(required=False, widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))
    not_applicable = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, row: EntryRow, disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.row = row
        self.errors_of_row: list[str] = []
        self.warnings: list[str] = []
        indicator, code = row.indicator, row.indicator.code
        self.fields["comment"].label = _("Ghi chú")
        self.fields["not_applicable"].label = _("Không phát sinh / không áp dụng")
        if indicator.measure == Measure.RATIO:
            del self.fields["value"]
            self.fields["numerator"].label = indicator.numerator_label or _("Tử số")
            self.fields["numerator"].widget = forms.TextInput(attrs={**NUMBER_ATTRS, "data-entry-numerator": code})
            self.fields["denominator"].label = indicator.denominator_label or _("Mẫu số")
            self.fields["denominator"].widget = forms.TextInput(attrs={**NUMBER_ATTRS, "data-entry-denominator": code})
        else:
            del self.fields["numerator"], self.fields["denominator"]
            self.fields["value"].label = indicator.name
            if indicator.measure in (Measure.STANDARD, Measure.STATUS):
                self.fields["value"].widget = forms.Select(
                    choices=level_choices(indicator), attrs={"class": "form-select form-select-sm"}
                )
            else:
                self.fields["value"].widget = forms.TextInput(attrs=dict(NUMBER_ATTRS))
        # The parts of the value by the indicator's breakdowns (``indicators.breakdowns``): one input per part
        # and field, named ``part__<breakdown>__<part>__<field>``; the service checks that they sum to the total.
        self.part_groups: list[tuple[str, list[str]]] = []
        fields = (
            [("numerator", _("tử số")), ("denominator", _("mẫu số"))]
            if indicator.measure == Measure.RATIO
            else [("value", _("giá trị"))]
        )
        for breakdown in breakdowns_of(indicator):
            names = []
            for part in breakdown.parts:
                for field, label in fields:
                    name = part_field(breakdown.code, part.code, field)
                    self.fields[name] = forms.CharField(
                        required=False, label=f"{part.name}: {label}", widget=forms.TextInput(attrs=dict(NUMBER_ATTRS))
                    )
                    names.append(name)
            self.part_groups.append((breakdown.name, names))
        if disabled:
            for name in (*CELLS, "not_applicable", *self.part_names):
                if name in self.fields:
                    self.fields[name].disabled = True

    @property
    def part_names(self) -> list[str]:
        return [name for _label, names in getattr(self, "part_groups", []) for name in names]

    def part_rows(self):
        """The breakdowns as the template shows them: (heading, field headings, [(part name, bound fields)])."""
        ratio = self.row.indicator.measure == Measure.RATIO
        headings = [_("Tử số"), _("Mẫu số")] if ratio else [_("Giá trị")]
        width = len(headings)
        shown = []
        for label, names in self.part_groups:
            fields = [self[name] for name in names]
            parts = [(str(fields[i].label).split(":")[0], fields[i : i + width]) for i in range(0, len(fields), width)]
            shown.append((label, headings, parts))
        return shown

    def parts_typed(self) -> dict | None:
        """The typed parts as the service takes them; None when the indicator has no breakdown."""
        if not self.part_groups:
            return None
        parts: dict = {}
        for name in self.part_names:
            _prefix, code, part, field = name.split("__")
            typed = self.cleaned_data.get(name)
            if typed:
                parts.setdefault(code, {}).setdefault(part, {})[field] = typed
        return parts

    @property
    def has_errors(self) -> bool:
        return bool(self.errors_of_row) or any(self.has_error(name) for name in CELLS if name in self.fields)

    def value_row(self, *, unit_code: str, period_code: str) -> ValueRow | None:
        """The row as the service takes it, or None when the user changed nothing or cleared it."""
        cells = [name for name in (*CELLS, "not_applicable", *self.part_names) if name in self.fields]
        if not set(self.changed_data).intersection(cells):
            return None
        data = {name: self.cleaned_data.get(name) for name in cells}
        if not any(data.get(c) for c in (*CELLS, *self.part_names)) and not data.get("not_applicable"):
            return None  # a cleared row: nothing to record (a value is never deleted from the grid)
        version = self.cleaned_data.get("version")
        return ValueRow(
            row=self.row.index,
            unit_code=unit_code,
            indicator_code=self.row.indicator.code,
            period=period_code,
            value=data.get("value") or None,
            numerator=data.get("numerator") or None,
            denominator=data.get("denominator") or None,
            comment=data.get("comment") or "",
            not_applicable=bool(data.get("not_applicable")),
            version=version if version is not None else self.row.version,
            parts=self.parts_typed(),
        )


def part_field(breakdown: str, part: str, field: str) -> str:
    return f"part__{breakdown}__{part}__{field}"


def _initial(row: EntryRow) -> dict:
    current = row.current
    initial = {"indicator": row.indicator.code, "version": row.version}
    if current is None:
        return initial
    for code, parts in (current.parts or {}).items():
        for part, cells in parts.items():
            for field, number in cells.items():
                initial[part_field(code, part, field)] = input_text(Decimal(number))
    level = current.value is not None and row.indicator.measure in (Measure.STANDARD, Measure.STATUS)
    return {
        **initial,
        "value": str(int(current.value)) if level else input_text(current.value),
        "numerator": input_text(current.numerator),
        "denominator": input_text(current.denominator),
        "comment": current.comment,
        "not_applicable": current.not_applicable,
    }


class BaseEntryFormSet(forms.BaseFormSet):
    """The grid: one ``EntryRowForm`` per row of ``grid``, in its order (prefix ``rows``)."""

    def __init__(self, data=None, *, grid: EntryGrid, disabled: bool = False, **kwargs):
        self.grid, self.disabled = grid, disabled
        super().__init__(data, initial=[_initial(row) for row in grid.rows], prefix="rows", **kwargs)

    def get_form_kwargs(self, index):
        return {"row": self.grid.rows[index], "disabled": self.disabled}

    def clean(self):
        for form in self.forms:
            if form.cleaned_data.get("indicator") not in (None, "", form.row.indicator.code):
                raise forms.ValidationError(
                    _("Danh sách chỉ tiêu vừa thay đổi; hãy tải lại trang rồi nhập lại."), code="stale_grid"
                )

    def value_rows(self) -> list[ValueRow]:
        """The rows the user changed, as typed. None when the grid changed since it was shown
        (``non_form_errors``); a row whose cell Django refused (a NUL character) stays out, with its error."""
        self.is_valid()
        if self.non_form_errors():
            return []
        unit, period = self.grid.unit.code, self.grid.period.code
        rows = []
        for form in self.forms:
            if form.has_error("version"):  # tampering with the hidden field: start from the version shown
                form.cleaned_data["version"] = form.row.version
                del form.errors["version"]
            if form.errors:
                continue
            if (row := form.value_row(unit_code=unit, period_code=period)) is not None:
                rows.append(row)
        return rows

    @property
    def has_cell_errors(self) -> bool:
        return bool(self.non_form_errors()) or any(form.has_errors for form in self.forms)

    def apply_result(self, result: RecordResult) -> None:
        """Put the service's errors next to their cells (or on their row) and its warnings on their rows."""
        by_index = {form.row.index: form for form in self.forms}
        for error in result.errors:
            form = by_index.get(error.row)
            if form is None:
                continue
            if error.column in CELLS and error.column in form.fields:
                form.add_error(error.column, error.message)
                widget = form.fields[error.column].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
            else:
                form.errors_of_row.append(error.message)
        for warning in result.warnings:
            if (form := by_index.get(warning.row)) is not None:
                form.warnings.append(warning.message)


EntryFormSet = forms.formset_factory(EntryRowForm, formset=BaseEntryFormSet, extra=0)


def warning_text(grid: EntryGrid, warning: RowError) -> str:
    """A warning of the grid as a message: "Tỷ lệ người 15-60 tuổi biết chữ: Giá trị thay đổi nhiều ..."."""
    by_index = {row.index: row for row in grid.rows}
    row = by_index.get(warning.row)
    return f"{row.indicator.name}: {warning.message}" if row else str(warning)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp CSV hoặc Excel (.xlsx)"),
        help_text=gettext_lazy(
            "Dòng đầu là tiêu đề, như mẫu nhập liệu Excel: Mã đơn vị, Mã chỉ tiêu, Kỳ báo cáo, Giá trị (hoặc Tử số, "
            "Mẫu số), Không phát sinh (x), Ghi chú; cột khác được bỏ qua. CSV lưu bằng mã UTF-8."
        ),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.XHHT_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp lớn %(size)s, vượt giới hạn %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        if Path(upload.name).suffix.lower() not in (".csv", ".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp CSV (.csv) hoặc Excel (.xlsx)."))
        return upload


# --- the report's actions (one form and one URL each) -----------------------------------------------------


class SubmissionActionForm(forms.Form):
    """The version of the report the page showed: a report changed since then is not acted on."""

    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class SubmitForm(SubmissionActionForm):
    pass


class ApproveForm(SubmissionActionForm):
    pass


class ReturnForm(SubmissionActionForm):
    """Return with a reason (required) and, per indicator of the report, an optional remark."""

    reason = forms.CharField(
        label=gettext_lazy("Lý do trả lại (bắt buộc)"),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        error_messages={"required": gettext_lazy("Hãy nêu lý do trả lại.")},
    )

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[self.about_name(indicator)] = forms.CharField(
                required=False,
                label=indicator.name,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm", "form": "return-form"}),
            )

    @staticmethod
    def about_name(indicator) -> str:
        return f"about-{indicator.code}"

    def about(self) -> dict:
        """Indicator → the remark typed beside it."""
        return {i: text for i in self.indicators if (text := self.cleaned_data.get(self.about_name(i)))}


class ReopenForm(SubmissionActionForm):
    reason = forms.CharField(
        label=gettext_lazy("Lý do mở lại (bắt buộc)"),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        error_messages={"required": gettext_lazy("Hãy nêu lý do mở lại.")},
    )


class CommentForm(forms.Form):
    indicator = forms.ModelChoiceField(
        queryset=None, required=False, label=gettext_lazy("Về chỉ tiêu"), empty_label=gettext_lazy("Cả báo cáo")
    )
    body = forms.CharField(
        label=gettext_lazy("Nội dung"),
        widget=forms.Textarea(attrs={"class": "form-control form-control-sm", "rows": 2}),
        error_messages={"required": gettext_lazy("Hãy nhập nội dung trao đổi.")},
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = lambda indicator: indicator.name
        self.fields["indicator"].widget.attrs["class"] = "form-select form-select-sm"


class NarrativeForm(SubmissionActionForm):
    """The narrative sections of the unit's report (``reports.services.narrative``), as the PDF prints them."""

    results = forms.CharField(
        label=gettext_lazy("1. Kết quả đạt được"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    shortcomings = forms.CharField(
        label=gettext_lazy("2. Tồn tại, hạn chế và nguyên nhân"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    tasks = forms.CharField(
        label=gettext_lazy("3. Nhiệm vụ, giải pháp kỳ tới"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(
        label=gettext_lazy("4. Đề xuất, kiến nghị"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("results", "shortcomings", "tasks", "proposals"):
            self.fields[field].widget.attrs["class"] = "form-control"
