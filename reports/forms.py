"""Forms of the entry pages. Values are validated by ``reports.services.values.values_record``, never here: the form
only carries what the user typed (as typed) and puts the service's errors back next to the cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indicators.models import Measure
from reports.selectors.entry import EntryGrid, EntryRow, input_number, level_choices
from reports.services.values import RecordResult, RowError, ValueRow

NUMBER_ATTRS = {"class": "form-control form-control-sm num", "inputmode": "decimal", "autocomplete": "off"}


@dataclass
class RowView:
    """One row of the grid as the template renders it."""

    row: EntryRow
    value: forms.BoundField | None = None
    numerator: forms.BoundField | None = None
    denominator: forms.BoundField | None = None
    comment: forms.BoundField | None = None
    not_applicable: forms.BoundField | None = None
    version: forms.BoundField | None = None
    errors: list[str] = field(default_factory=list)  # errors of the row that belong to no cell
    warnings: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(
            bf is not None and bf.errors for bf in (self.value, self.numerator, self.denominator, self.comment)
        )


class EntryForm(forms.Form):
    """One set of fields per indicator of the grid, named ``i<indicator id>_<column>``."""

    def __init__(self, data=None, *, grid: EntryGrid, disabled: bool = False, **kwargs):
        super().__init__(data, **kwargs)
        self.grid = grid
        self.row_errors: dict[int, list[str]] = {}
        self.row_warnings: dict[int, list[str]] = {}
        for row in grid.rows:
            self._add_fields(row, disabled)

    def _add_fields(self, row: EntryRow, disabled: bool) -> None:
        p, indicator, current = row.prefix, row.indicator, row.current
        name = indicator.name
        if indicator.measure == Measure.RATIO:
            self.fields[f"{p}_numerator"] = forms.CharField(
                label=indicator.numerator_label or _("Tử số"),
                required=False,
                widget=forms.TextInput(attrs={**NUMBER_ATTRS, "data-entry-numerator": p}),
                initial=input_number(current.numerator) if current else "",
            )
            self.fields[f"{p}_denominator"] = forms.CharField(
                label=indicator.denominator_label or _("Mẫu số"),
                required=False,
                widget=forms.TextInput(attrs={**NUMBER_ATTRS, "data-entry-denominator": p}),
                initial=input_number(current.denominator) if current else "",
            )
        elif indicator.measure in (Measure.STANDARD, Measure.STATUS):
            initial = ""
            if current is not None and current.value is not None:
                initial = str(int(current.value))
            self.fields[f"{p}_value"] = forms.CharField(
                label=name,
                required=False,
                widget=forms.Select(choices=level_choices(indicator), attrs={"class": "form-select form-select-sm"}),
                initial=initial,
            )
        else:
            self.fields[f"{p}_value"] = forms.CharField(
                label=name,
                required=False,
                widget=forms.TextInput(attrs=dict(NUMBER_ATTRS)),
                initial=input_number(current.value) if current else "",
            )
        self.fields[f"{p}_comment"] = forms.CharField(
            label=_("Ghi chú"),
            required=False,
            strip=True,
            widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            initial=current.comment if current else "",
        )
        self.fields[f"{p}_na"] = forms.BooleanField(
            label=_("Không phát sinh / không áp dụng"),
            required=False,
            widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            initial=bool(current and current.not_applicable),
        )
        self.fields[f"{p}_version"] = forms.IntegerField(
            required=False, widget=forms.HiddenInput, initial=row.version, min_value=0
        )
        if disabled:
            for column in ("value", "numerator", "denominator", "comment", "na"):
                if f"{p}_{column}" in self.fields:
                    self.fields[f"{p}_{column}"].disabled = True

    def value_rows(self) -> list[ValueRow]:
        """The rows the user changed, as the service takes them; untouched and blank rows are left out."""
        if not self.is_valid():
            # Only the hidden version can be invalid (tampering): start from the version shown.
            for name in list(self.errors):
                self.cleaned_data[name] = self.fields[name].initial
        changed = set(self.changed_data)
        rows = []
        unit, period = self.grid.unit, self.grid.period
        for row in self.grid.rows:
            p = row.prefix
            names = [n for n in self.fields if n.startswith(f"{p}_") and not n.endswith("_version")]
            if not changed.intersection(names):
                continue
            data = {n.removeprefix(f"{p}_"): self.cleaned_data.get(n) for n in names}
            typed = [data.get(c) for c in ("value", "numerator", "denominator", "comment")]
            if not any(typed) and not data.get("na"):
                continue  # a cleared row: nothing to record (a value is never deleted from the form)
            version = self.cleaned_data.get(f"{p}_version")
            rows.append(
                ValueRow(
                    row=row.index,
                    unit_code=unit.code,
                    indicator_code=row.indicator.code,
                    period=period.code,
                    value=data.get("value") or None,
                    numerator=data.get("numerator") or None,
                    denominator=data.get("denominator") or None,
                    comment=data.get("comment") or "",
                    not_applicable=bool(data.get("na")),
                    version=version if version is not None else row.version,
                )
            )
        return rows

    def apply_result(self, result: RecordResult) -> None:
        """Put the service's errors next to their cells (or on their row) and its warnings on their rows."""
        by_index = {row.index: row for row in self.grid.rows}
        for error in result.errors:
            row = by_index.get(error.row)
            if row is None:
                self.add_error(None, str(error))
                continue
            name = f"{row.prefix}_{error.column}"
            if error.column in ("value", "numerator", "denominator", "comment") and name in self.fields:
                self.add_error(name, error.message)
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
            else:
                self.row_errors.setdefault(row.index, []).append(error.message)
        for warning in result.warnings:
            self.row_warnings.setdefault(warning.row, []).append(warning.message)

    def row_views(self) -> list[RowView]:
        views = []
        for row in self.grid.rows:
            p = row.prefix

            def bound(column: str, p=p):
                return self[f"{p}_{column}"] if f"{p}_{column}" in self.fields else None

            views.append(
                RowView(
                    row=row,
                    value=bound("value"),
                    numerator=bound("numerator"),
                    denominator=bound("denominator"),
                    comment=bound("comment"),
                    not_applicable=bound("na"),
                    version=bound("version"),
                    errors=self.row_errors.get(row.index, []),
                    warnings=self.row_warnings.get(row.index, []),
                )
            )
        return views


def warning_text(grid: EntryGrid, warning: RowError) -> str:
    """A warning of the grid as a message: "XMC_15_60: Giá trị thay đổi nhiều ..."."""
    by_index = {row.index: row for row in grid.rows}
    row = by_index.get(warning.row)
    return f"{row.indicator.code}: {warning.message}" if row else str(warning)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp CSV hoặc Excel (.xlsx)"),
        help_text=gettext_lazy(
            "Dòng đầu là tiêu đề với các cột unit_code, indicator_code, period, value, numerator, denominator, "
            "comment (cột khác được bỏ qua). CSV lưu bằng mã UTF-8."
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
