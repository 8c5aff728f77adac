"""The Excel summary of a unit and a period (optionally against one plan's targets).

Sheets (named in Vietnamese, within Excel's 31 characters):
- "Tổng hợp": a title block, then the unit's own total and one row per child unit, with a value, the
  target, the status (coloured) and the completeness (units reported / expected) per indicator; at most
  ``INDICATORS_PER_SHEET`` indicators a sheet ("Tổng hợp (chỉ tiêu 1-4)", ...), so that a printed A4 page, landscape
  and fitted to its width, stays readable;
- one sheet per indicator, named by its number and short name ("1. Tỷ lệ người trong độ tuổi…"): the whole
  subtree in tree order (province → district → commune), with the numerator and denominator of ratios and
  standards;
- "Tiến độ nộp báo cáo": every unit expected to report, its submission status, date and on time / late.

The figures are those of the roll-up page: ``rollup`` and ``progress_for`` once per depth of the subtree
for every indicator, so the number of queries depends on the depth of the tree (at most four), never on
the number of units or indicators. Only a compact tuple per (unit, indicator) is kept between the roll-up
and the sheets, and the sheets are streamed (XlsxWriter's constant-memory mode, ``exports.xlsx.stream``), which
bounds the memory of a national export.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.numbers import number_text
from core.progress import NO_PROGRESS, NullProgress
from exports.xlsx.common import (
    sheet_title,
)
from exports.xlsx.stream import StreamBook, StreamSheet
from indicators.breakdowns import breakdowns_of
from indicators.models import Indicator, Measure
from plans.display import target_text
from plans.models import Period, Plan
from reports.display import backcast_text, origin_text, status_rule
from reports.models import RollupNote, SubmissionStatus
from reports.progress import Progress, Status, progress_for
from reports.rollup import Figure, rollup
from reports.selectors.dashboard import reporting_units
from reports.selectors.rollup import rollup_indicators
from reports.selectors.submissions import SUBMITTED
from reports.selectors.values import Approval, figures_approval
from units.models import KIND_LEVEL, LEVEL_RANK, Unit

RATIO_MEASURES = {Measure.RATIO, Measure.STANDARD}

#: Units of one depth rolled up together. Above it the roll-up runs in slices (a few more queries) so that a
#: national export's memory stays bounded: 10,000 communes × 32 indicators × 4 years of figures at once
#: would take over 400 MB.
CHUNK = 1000


class Line(NamedTuple):
    """What the workbook shows of one (unit, indicator): plain numbers and texts, nothing else kept. Floats,
    not Decimals: Excel stores doubles anyway, and a national export holds some 350,000 of these."""

    value: float | None
    numerator: float | None
    denominator: float | None
    target: str
    status: str
    reported: int
    expected: int
    rolled_up: bool
    origin: str  # "Tính từ đơn vị cũ ..." for a 2025 unit's figure before the reform, else ""
    parts: tuple[float | None, ...] = ()  # the breakdowns' sums, in the order of ``part_columns``


def part_columns(indicator: Indicator) -> list[tuple[str, str, str, str]]:
    """The columns of an indicator's breakdowns: (breakdown, part, field, heading), e.g. "Nữ: tử số"."""
    fields = (
        [("numerator", _("tử số")), ("denominator", _("mẫu số"))]
        if indicator.measure == Measure.RATIO
        else [("value", _("giá trị"))]
    )
    return [
        (breakdown.code, part.code, field, f"{part.name}: {label}")
        for breakdown in breakdowns_of(indicator)
        for part in breakdown.parts
        for field, label in fields
    ]


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class LineMaker:
    """Turns the roll-up's figures and progress into ``Line``s, formatting each target and status once."""

    def __init__(self):
        self.targets: dict[int, str] = {}
        self.statuses = {status.value: str(status.label) for status in Status}

    def __call__(self, figure: Figure | None, progress: Progress | None, indicator: Indicator) -> Line:
        target = progress.target if progress else None
        text = ""
        if target is not None:
            text = self.targets.get(target.pk)
            if text is None:
                target.indicator = indicator
                text = self.targets[target.pk] = target_text(target)
        ratio = indicator.measure in RATIO_MEASURES
        parts: tuple = ()
        if figure is not None and figure.parts:
            parts = tuple(
                _float(sums.sums.get(part, {}).get(field)) if (sums := figure.parts.get(code)) else None
                for code, part, field, _heading in part_columns(indicator)
            )
        return Line(
            value=_float(figure.value) if figure else None,
            numerator=_float(figure.numerator) if figure and ratio else None,
            denominator=_float(figure.denominator) if figure and ratio else None,
            target=text,
            status=self.statuses[progress.status] if progress and progress.status else "",
            reported=figure.reported if figure else 0,
            expected=figure.expected if figure else 0,
            rolled_up=figure.rolled_up if figure else True,
            origin=origin_text(figure),
            parts=parts,
        )


@dataclasses.dataclass
class Summary:
    unit: Unit
    period: Period
    plan: Plan | None
    indicators: list[Indicator]
    units: list[Unit]  # the subtree in tree order, the unit first
    lines: dict[tuple[int, int], Line]
    reporting: list[Unit] | None  # annotated by ``reporting_units``; None when no rule asks anyone
    notes: dict[tuple[int, int], str]  # (unit id, indicator id) → the explanation typed beside a figure
    exported_at: datetime.datetime
    approval: Approval = dataclasses.field(default_factory=Approval)  # are unapproved figures included

    @property
    def children(self) -> list[Unit]:
        return [u for u in self.units if u.depth == self.unit.depth + 1]

    def indicators_of(self, unit: Unit) -> list[Indicator]:
        """The indicators a unit's row shows: those entered at its level or below."""
        rank = LEVEL_RANK[KIND_LEVEL[unit.kind]]
        return [i for i in self.indicators if LEVEL_RANK[i.entry_level] >= rank]


def summary_data(
    *, user: User, unit: Unit, period: Period, plan: Plan | None = None, progress: NullProgress = NO_PROGRESS
) -> Summary:
    """The summary of a unit the user sees (the caller resolved unit, period and plan), within the user's scope.

    ``progress`` counts the units rolled up, then the sheets written by ``summary_write``.
    """
    indicators = rollup_indicators(unit, period, plan)

    units = list(
        Unit.objects.visible_to(user)
        .filter(path__startswith=unit.path)  # the unit and its subtree
        .valid_on(unit.structure_day(period.reference_day))
        .order_by("path")
    )
    progress.start(len(units) + len(indicators) + 2, _("Tổng hợp số liệu"))
    by_depth: dict[int, list[Unit]] = defaultdict(list)
    for u in units:
        by_depth[u.depth].append(u)

    lines: dict[tuple[int, int], Line] = {}
    line = LineMaker()
    for depth in sorted(by_depth):
        level_units = by_depth[depth]
        rank = LEVEL_RANK[KIND_LEVEL[level_units[0].kind]]
        shown = [i for i in indicators if LEVEL_RANK[i.entry_level] >= rank]
        if not shown:
            progress.advance(len(level_units))
            continue
        by_pk = {i.pk: i for i in shown}
        # In slices of CHUNK units: the roll-up and its history hold a figure per unit, indicator and year.
        for start in range(0, len(level_units), CHUNK):
            anchors = level_units[start : start + CHUNK]
            figures = rollup(anchors=anchors, period=period, indicators=shown)
            progress_of = progress_for(anchors=anchors, period=period, indicators=shown, figures=figures, plan=plan)
            for key, figure in figures.items():
                judged = progress_of.get(key)
                # The figure as its target reads it (a standard's share at the asked level), as on the page.
                lines[key] = line(judged.figure if judged and judged.figure else figure, judged, by_pk[key[1]])
            del figures, progress_of
            progress.advance(len(anchors))

    reporting = reporting_units(unit, period)
    notes = RollupNote.objects.filter(unit__path__startswith=unit.path, period_id=period.pk)
    return Summary(
        unit=unit,
        period=period,
        plan=plan,
        indicators=indicators,
        units=units,
        lines=lines,
        reporting=list(reporting) if reporting is not None else None,
        notes={(n.unit_id, n.indicator_id): n.comment for n in notes.only("unit_id", "indicator_id", "comment")},
        exported_at=timezone.localtime(),
        approval=figures_approval(unit=unit, period=period),
    )


def summary_filename(summary: Summary) -> str:
    return f"tong-hop-{summary.unit.code}-{summary.period.code}.xlsx"


# --- the workbook, streamed with XlsxWriter (constant memory) -------------------------------------------------

BLOCK = 7  # the title rows above each table


def _title_rows(sheet: StreamSheet, summary: Summary, title: str, *, columns: int) -> None:
    """The title block (``BLOCK`` rows); its long texts wrap over the table's ``columns``."""
    unit, period, plan = summary.unit, summary.period, summary.plan
    plan_text = f"{plan.number or ''} {plan.title}".strip() if plan else _("Chỉ tiêu của kế hoạch gần nhất có chỉ tiêu")
    window = _("từ %(start)s đến %(end)s") % {
        "start": period.window_start.strftime("%d/%m/%Y"),
        "end": period.window_end.strftime("%d/%m/%Y"),
    }
    approval = summary.approval
    if approval.unapproved:
        approved = _("gồm cả số liệu chưa được cấp trên duyệt (%(n)s trong %(total)s đơn vị có số liệu)") % {
            "n": number_text(approval.unapproved),
            "total": number_text(approval.units),
        }
    else:
        approved = _("toàn bộ số liệu đã được cấp trên duyệt") if approval.all_approved else ""
    # a 2025 unit before the reform: where its figures come from
    window = "; ".join(filter(None, [window, approved, backcast_text(unit, period)]))
    sheet.texts([title], bold=True, font_size=14)
    sheet.text(0, _("Đơn vị"))
    sheet.text(1, f"{unit.name} ({unit.code})", bold=True)
    sheet.skip()
    sheet.texts([_("Kỳ báo cáo"), period.label])
    sheet.label_text(_("Số liệu"), window, span=columns - 1, height=30 if backcast_text(unit, period) else None)
    sheet.texts([_("Kế hoạch"), plan_text])
    sheet.texts([_("Ngày xuất"), summary.exported_at.strftime("%d/%m/%Y %H:%M")])
    # the rule of the statuses, where the blank row was
    sheet.label_text(_("Đánh giá"), status_rule(), span=columns - 1, height=30 if columns > 8 else 60)


#: Indicators per "Tổng hợp" sheet: 2 + 4 × 4 columns fit an A4 page in landscape at a readable size.
INDICATORS_PER_SHEET = 4

#: The status cells' colours (those of the pages: green, blue, red, grey), on a light background to print.
STATUS_FILLS = {
    Status.ACHIEVED: ("#D1E7DD", "#0F5132"),
    Status.ON_TRACK: ("#CFE2FF", "#084298"),
    Status.BEHIND: ("#F8D7DA", "#842029"),
    Status.NO_DATA: ("#E9ECEF", "#495057"),
}


def indicator_sheet_name(number: int, indicator: Indicator) -> str:
    """ "7. Người trong độ tuổi…năng lực thông tin": the indicator's number and name within Excel's 31 characters;
    a long name keeps its first words and its last (where names of one family differ), "Tỷ lệ" left out."""
    prefix = f"{number}. "
    name = indicator.name
    if len(prefix) + len(name) > 31 and name.startswith("Tỷ lệ "):
        name = name[len("Tỷ lệ ") :]
        name = name[:1].upper() + name[1:]
    room = 31 - len(prefix)
    if len(name) <= room:
        return prefix + name
    words = name.split()
    head, tail = [], []
    while words and len(" ".join(head + words[:1])) <= room * 2 // 5:
        head.append(words.pop(0))
    while words and len(" ".join(head)) + 1 + len(" ".join(words[-1:] + tail)) <= room:
        tail.insert(0, words.pop())
    if not head:  # one long first word
        return prefix + name[: room - 1] + "…"
    return prefix + " ".join(head) + "…" + " ".join(tail)


def _write_summary_sheets(book: StreamBook, summary: Summary, taken: set[str]) -> None:
    indicators = summary.indicators
    blocks = [indicators[n : n + INDICATORS_PER_SHEET] for n in range(0, len(indicators), INDICATORS_PER_SHEET)]
    if len(blocks) <= 1:
        _write_summary_sheet(book, summary, indicators, _("Tổng hợp"), taken)
        return
    for n, block in enumerate(blocks):
        first = n * INDICATORS_PER_SHEET + 1
        last = first + len(block) - 1
        title = (
            _("Tổng hợp (chỉ tiêu %(first)s-%(last)s)") % {"first": first, "last": last}
            if last > first
            else _("Tổng hợp (chỉ tiêu %(first)s)") % {"first": first}
        )
        _write_summary_sheet(book, summary, block, title, taken)


def _write_summary_sheet(
    book: StreamBook, summary: Summary, indicators: list[Indicator], title: str, taken: set[str]
) -> None:
    sheet = book.sheet(
        sheet_title(title, taken),
        widths=[10, 26] + [11, 15, 13, 9] * len(indicators),
        freeze=(BLOCK + 2, 2),
        header_rows=(BLOCK, BLOCK + 1),
    )
    _title_rows(sheet, summary, _("TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP"), columns=2 + 4 * len(indicators))
    top, sub = [(_("Mã đơn vị"), 1), (_("Đơn vị"), 1)], ["", ""]
    kinds = ["text", "text"]
    numbers = {i.pk: n for n, i in enumerate(summary.indicators, start=1)}
    for indicator in indicators:
        top.append((f"{numbers[indicator.pk]}. {indicator.name} ({indicator.code})", 4))
        sub += [_("Kết quả (%)") if indicator.is_percentage else _("Kết quả"), _("Chỉ tiêu"), _("Đánh giá"),
                _("Đã báo cáo (%)")]  # fmt: skip
        kinds += ["percent" if indicator.is_percentage else "number", "text", "text", "percent"]
    sheet.header_spans(top, height=45)  # each indicator's name over its four columns, on up to three lines
    sheet.header(sub)
    for unit in [summary.unit, *summary.children]:
        shown = {i.pk for i in summary.indicators_of(unit)}
        values: list = [unit.code, unit.name]
        for indicator in indicators:
            line = summary.lines.get((unit.pk, indicator.pk)) if indicator.pk in shown else None
            if line is None:
                values += [None, None, None, None]
                continue
            completeness = line.reported * 100 / line.expected if line.expected else None
            values += [line.value, line.target, line.status, completeness]
        sheet.append(values, kinds, bold=unit.pk == summary.unit.pk, fills=_status_fills(values))
    sheet.finish(header_row=BLOCK + 1, columns=len(kinds))


def _status_fills(values: list) -> dict[int, tuple[str, str]]:
    """The colours of the status cells of a row: (background, text) by column."""
    return {column: FILL_OF_LABEL[value] for column, value in enumerate(values) if value in FILL_OF_LABEL}


FILL_OF_LABEL = {str(Status(status).label): colours for status, colours in STATUS_FILLS.items()}


def _write_indicator_sheet(
    book: StreamBook, summary: Summary, number: int, indicator: Indicator, taken: set[str]
) -> None:
    ratio = indicator.measure in RATIO_MEASURES
    labels = [_("Mã đơn vị"), _("Đơn vị"), _("Kết quả (%)") if indicator.is_percentage else _("Kết quả")]
    kinds = ["text", "text", "percent" if indicator.is_percentage else "number"]
    widths = [10, 32, 11]
    if ratio:
        if indicator.measure == Measure.STANDARD:
            labels += [_("Số đơn vị đạt"), _("Số đơn vị có số liệu")]
        else:
            labels += [_("Tử số"), _("Mẫu số")]
        kinds += ["number", "number"]
        widths += [11, 11]
    labels += [
        _("Chỉ tiêu"),
        _("Đánh giá"),
        _("Đã báo cáo"),
        _("Phải báo cáo"),
        _("Tỷ lệ báo cáo (%)"),
        _("Giải trình"),
    ]
    kinds += ["text", "text", "number", "number", "percent", "text"]
    widths += [14, 13, 9, 9, 9, 30]
    columns = part_columns(indicator)  # the breakdowns, after the figure's own columns
    labels += [heading for *_key, heading in columns]
    kinds += ["number"] * len(columns)
    widths += [12] * len(columns)
    sheet = book.sheet(
        sheet_title(indicator_sheet_name(number, indicator), taken),
        widths=widths,
        freeze=(BLOCK + 1, 2),
        header_rows=(BLOCK, BLOCK),
    )
    _title_rows(sheet, summary, f"{number}. {indicator.name} ({indicator.code})", columns=len(kinds))
    sheet.header(labels)
    rank = LEVEL_RANK[indicator.entry_level]
    lines, notes, top = summary.lines, summary.notes, summary.unit.depth
    for unit in summary.units:
        if LEVEL_RANK[KIND_LEVEL[unit.kind]] > rank:
            continue  # below the level the indicator is entered at
        line = lines.get((unit.pk, indicator.pk))
        if line is None:
            continue
        values: list = [unit.code, unit.name, line.value]
        if ratio:
            values += [line.numerator, line.denominator]
        note = "; ".join(filter(None, [line.origin, notes.get((unit.pk, indicator.pk), "")]))
        if line.rolled_up:
            completeness = line.reported * 100 / line.expected if line.expected else None
            values += [line.target, line.status, line.reported, line.expected, completeness, note]
        else:  # a unit's own figure: "reported 1 of 1" says nothing
            values += [line.target, line.status, None, None, None, note]
        fills = _status_fills(values)
        if columns:
            values += list(line.parts) or [None] * len(columns)
        sheet.append(values, kinds, indent=unit.depth - top, indent_column=1, fills=fills)
    sheet.finish(header_row=BLOCK, columns=len(kinds))


def _timeliness(unit: Unit, today: datetime.date) -> str:
    due, day = unit.sub_due, unit.sub_day
    if unit.sub_status in SUBMITTED:
        if due is None or day is None:
            return ""
        return _("Đúng hạn") if day <= due else _("Trễ hạn")
    if due is None:
        return ""
    return _("Quá hạn, chưa nộp") if today > due else _("Chưa đến hạn")


def _write_submissions_sheet(book: StreamBook, summary: Summary, taken: set[str]) -> None:
    labels = [
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Cấp"),
        _("Trạng thái"),
        _("Hạn nộp"),
        _("Ngày nộp"),
        _("Đúng hạn / trễ hạn"),
    ]
    kinds = ["text", "text", "text", "text", "date", "date", "text"]
    sheet = book.sheet(
        sheet_title(_("Tiến độ nộp báo cáo"), taken),
        widths=[12, 40, 12, 18, 12, 12, 20],
        freeze=(BLOCK + 1, 2),
        header_rows=(BLOCK, BLOCK),
        landscape=False,
    )
    _title_rows(sheet, summary, _("TIẾN ĐỘ NỘP BÁO CÁO"), columns=len(kinds))
    sheet.header(labels)
    if summary.reporting is None:
        sheet.texts([_("Không có quy định báo cáo nào yêu cầu đơn vị báo cáo kỳ này.")])
        return
    today = timezone.localdate()
    for unit in summary.reporting:
        status = unit.sub_status
        label = str(SubmissionStatus(status).label) if status else _("Chưa có báo cáo")
        submitted = timezone.localtime(unit.sub_submitted_at).date() if status in SUBMITTED else None
        values = [unit.code, unit.name, str(unit.get_level_display()), label, unit.sub_due, submitted,
                  _timeliness(unit, today)]  # fmt: skip
        sheet.append(values, kinds)
    sheet.finish(header_row=BLOCK, columns=len(kinds))


def summary_write(summary: Summary, target, progress: NullProgress = NO_PROGRESS) -> None:
    """The workbook written to ``target`` (a path or a binary file): "Tổng hợp", a sheet per indicator,
    "Tiến độ nộp báo cáo"."""
    progress.step(_("Ghi tệp Excel"))
    book = StreamBook(target)
    taken: set[str] = set()
    _write_summary_sheets(book, summary, taken)
    progress.advance()
    for number, indicator in enumerate(summary.indicators, start=1):
        _write_indicator_sheet(book, summary, number, indicator, taken)
        progress.advance()
    _write_submissions_sheet(book, summary, taken)
    progress.advance()
    book.close()
