"""The entry template: an XLSX a unit downloads, fills offline and uploads on the import page unchanged.

The first sheet is the table the values import reads (``reports.services.importing``): its header row names the
import's columns in Vietnamese ("Mã đơn vị": ``reports.services.importing.HEADINGS``, which the import reads), one row per unit of the
subtree and indicator it reports, pre-filled with the codes, names, the period and this period's values when
there are some; the previous period's value and the target are shown beside them for reference (columns the
import ignores). Data-validation lists guard the cells: a level 0..n for a standard, a number ≥ 0 elsewhere,
"x" for "nothing to report". A second sheet explains the columns.

Which indicators a unit reports: those with a target in a plan running in the period's year, issued by the
unit, one of its ancestors or (for a template of an upper unit) a unit of its subtree on the way down, whose
entry level is the unit's level (as the entry form; derived standards are computed, never typed). A fixed
number of queries: the unit, the units, the targets, the values of two periods.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from accounts.models import User
from exports.xlsx.common import RowWriter, header_row, new_sheet, new_workbook, sheet_title, text_cell
from indicators.models import Indicator, Measure
from plans.display import target_text
from plans.models import Period, Target
from plans.periods import period_neighbour_code
from plans.targets import target_choose, targets_index
from reports.display import value_text
from reports.models import Value
from reports.services.importing import HEADINGS
from units.models import KIND_LEVEL, Unit

#: The table's columns: (import column or None for a reference column, Vietnamese label, width, kind).
COLUMNS = [
    ("unit_code", HEADINGS["unit_code"], 12, "text"),
    (None, gettext_noop("Tên đơn vị"), 30, "text"),
    ("indicator_code", HEADINGS["indicator_code"], 16, "text"),
    (None, gettext_noop("Tên chỉ tiêu"), 50, "text"),
    (None, gettext_noop("Đơn vị tính"), 12, "text"),
    ("period", HEADINGS["period"], 10, "text"),
    ("value", HEADINGS["value"], 12, "number"),
    ("numerator", HEADINGS["numerator"], 12, "number"),
    ("denominator", HEADINGS["denominator"], 12, "number"),
    ("not_applicable", HEADINGS["not_applicable"], 10, "text"),
    ("comment", HEADINGS["comment"], 30, "text"),
    (None, gettext_noop("Kỳ trước"), 22, "text"),
    (None, gettext_noop("Chỉ tiêu kế hoạch"), 18, "text"),
]
COLUMN = {name: get_column_letter(i) for i, (name, *_rest) in enumerate(COLUMNS, start=1) if name}


@dataclasses.dataclass
class TemplateRow:
    unit: Unit
    indicator: Indicator
    current: Value | None
    previous: Value | None
    target: Target | None


@dataclasses.dataclass
class Template:
    unit: Unit
    period: Period
    rows: list[TemplateRow]


def template_data(*, user: User, unit: Unit, period: Period) -> Template:
    """The rows of the template of a unit the user sees (the caller resolved it) and a period, within scope."""
    year = period.year
    units = list(
        Unit.objects.visible_to(user)
        .filter(path__startswith=unit.path)  # the unit and its subtree
        .valid_on(period.reference_day)
        .order_by("path")
    )
    targets = list(
        Target.objects.filter(
            Q(plan__unit__path__in=unit.ancestor_paths()) | Q(plan__unit__path__startswith=unit.path),
            plan__start_year__lte=year,
            plan__end_year__gte=year,
            indicator__source__isnull=True,
        ).select_related("plan__unit", "unit", "indicator")
    )
    # Plan unit path → entry level → the indicators its plans ask for.
    asked: dict[str, dict[str, dict[int, Indicator]]] = defaultdict(lambda: defaultdict(dict))
    by_indicator: dict[int, Indicator] = {}
    for target in targets:
        asked[target.plan.unit.path][target.indicator.entry_level][target.indicator_id] = target.indicator
        by_indicator[target.indicator_id] = target.indicator
    index = targets_index(units=units, indicators=list(by_indicator.values()), year=year) if by_indicator else {}

    previous_code = period_neighbour_code(period, -1)
    values: dict[tuple[int, int, str], Value] = {}
    if targets:
        for value in (
            Value.objects.of_units()
            .filter(
                unit__path__startswith=unit.path,
                indicator__in=list(by_indicator),
                period__code__in=[period.code, previous_code],
            )
            .select_related("period")
        ):
            values[(value.unit_id, value.indicator_id, value.period.code)] = value

    rows: list[TemplateRow] = []
    for u in units:
        level = KIND_LEVEL[u.kind]
        wanted: dict[int, Indicator] = {}
        for path in u.ancestor_paths():
            wanted.update(asked.get(path, {}).get(level, {}))
        for indicator in sorted(wanted.values(), key=lambda i: (i.category, i.order, i.code)):
            target, _inherited = target_choose(index, u, indicator)
            rows.append(
                TemplateRow(
                    unit=u,
                    indicator=indicator,
                    current=values.get((u.pk, indicator.pk, period.code)),
                    previous=values.get((u.pk, indicator.pk, previous_code)),
                    target=target,
                )
            )
    return Template(unit=unit, period=period, rows=rows)


def _filled(row: TemplateRow) -> tuple[Decimal | None, Decimal | None, Decimal | None, str, str]:
    value = row.current
    if value is None:
        return None, None, None, "", ""
    flag = "x" if value.not_applicable else ""
    if row.indicator.measure == Measure.RATIO:
        return None, value.numerator, value.denominator, flag, value.comment
    return value.value, None, None, flag, value.comment


def _validation(sheet, kind: str, **options) -> DataValidation:
    validation = DataValidation(
        type=kind, allow_blank=True, showErrorMessage=True, errorTitle=_("Giá trị không hợp lệ"), **options
    )
    sheet.data_validations.append(validation)
    return validation


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs: [2, 3, 4, 7] → [(2, 4), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def template_workbook(template: Template) -> Workbook:
    workbook = new_workbook()
    taken: set[str] = set()
    sheet = new_sheet(
        workbook,
        sheet_title(_("Nhập số liệu"), taken),
        widths=[width for _name, _label, width, _kind in COLUMNS],
        freeze="C2",
        header_rows="1:1",
    )
    sheet.append(header_row(sheet, [_(label) for _name, label, *_r in COLUMNS]))  # the import reads these headings
    writer = RowWriter(sheet, [kind for *_r, kind in COLUMNS])
    # Cells per validation, compressed into ranges at the end (adding cells one by one is quadratic).
    level_rows: dict[int, list[int]] = defaultdict(list)
    count_rows: list[int] = []
    ratio_rows: list[int] = []
    for number, row in enumerate(template.rows, start=2):
        indicator = row.indicator
        value, numerator, denominator, flag, comment = _filled(row)
        target = row.target
        if target is not None:
            target.indicator = indicator
        writer.append(
            [
                row.unit.code,
                row.unit.name,
                indicator.code,
                indicator.name,
                indicator.unit_of_measure,
                template.period.code,
                value,
                numerator,
                denominator,
                flag,
                comment,
                value_text(row.previous, indicator),
                target_text(target) if target is not None else "",
            ]
        )
        if indicator.measure in (Measure.STANDARD, Measure.STATUS):
            level_rows[indicator.max_level].append(number)
        elif indicator.measure == Measure.RATIO:
            ratio_rows.append(number)
        else:
            count_rows.append(number)
    value, numerator, denominator = COLUMN["value"], COLUMN["numerator"], COLUMN["denominator"]
    non_negative = _validation(
        sheet, "decimal", operator="greaterThanOrEqual", formula1="0", error=_("Hãy nhập một số không âm.")
    )
    non_negative.sqref = MultiCellRange(
        " ".join(
            [f"{value}{a}:{value}{b}" for a, b in _runs(count_rows)]
            + [f"{numerator}{a}:{denominator}{b}" for a, b in _runs(ratio_rows)]
        )
    )
    for max_level, numbers in level_rows.items():
        choices = ",".join(str(n) for n in range(max_level + 1))
        levels = _validation(
            sheet,
            "list",
            formula1=f'"{choices}"',
            error=_("Chuẩn: 0 là chưa đạt, 1-%(n)s là mức đạt.") % {"n": max_level},
        )
        levels.sqref = MultiCellRange(" ".join(f"{value}{a}:{value}{b}" for a, b in _runs(numbers)))
    last = len(template.rows) + 1
    if template.rows:
        flags = _validation(sheet, "list", formula1='"x"', error=_("Nhập x nếu kỳ này không phát sinh số liệu."))
        flags.add(f"{COLUMN['not_applicable']}2:{COLUMN['not_applicable']}{last}")
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    _guide_sheet(workbook, template, taken)
    return workbook


GUIDE = [
    gettext_noop(
        "Điền số liệu vào trang «Nhập số liệu», giữ nguyên dòng tiêu đề, mã đơn vị, mã chỉ tiêu và kỳ báo cáo."
    ),
    gettext_noop("Chỉ tiêu đếm (số lượng): nhập ở cột Giá trị."),
    gettext_noop(
        "Chỉ tiêu tỷ lệ: nhập Tử số và Mẫu số (không nhập tỷ lệ %); cổng tự tính tỷ lệ và tổng hợp lên cấp trên."
    ),
    gettext_noop("Chuẩn hoặc mức độ: chọn 0 (chưa đạt) hoặc mức đạt trong danh sách ở cột Giá trị."),
    gettext_noop("Kỳ này không phát sinh: nhập x ở cột «Không phát sinh»."),
    gettext_noop("Các cột «Tên…», «Kỳ trước» và «Chỉ tiêu kế hoạch» chỉ để tham khảo; cổng bỏ qua khi nhập."),
    gettext_noop(
        "Tải tệp lên ở trang Nhập số liệu > Nhập từ tệp: cổng kiểm tra toàn bộ tệp trước, báo lỗi theo từng dòng, "
        "và chỉ ghi khi không còn lỗi nào."
    ),
]


def _guide_sheet(workbook: Workbook, template: Template, taken: set[str]) -> None:
    sheet = new_sheet(workbook, sheet_title(_("Hướng dẫn"), taken), widths=[110], landscape=False)
    title = WriteOnlyCell(sheet, value=_("MẪU NHẬP SỐ LIỆU XÂY DỰNG XÃ HỘI HỌC TẬP"))
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    unit, period = template.unit, template.period
    sheet.append([text_cell(sheet, f"{unit.name} ({unit.code}) · {period.label}")])
    sheet.append([])
    for line in GUIDE:
        sheet.append([text_cell(sheet, "• " + _(line))])


def template_filename(template: Template) -> str:
    return f"mau-nhap-lieu-{template.unit.code}-{template.period.code}.xlsx"
