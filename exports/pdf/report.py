"""The context of a unit's periodic report as an official document (``exports/report_pdf.html``).

Everything the report shows comes from the roll-up page's selector (``rollup_page``: scope, period, plan,
the unit's figures against its targets) and, for the units one level below, from the same ``rollup`` and
``progress_for`` calls and the same cell formatting (``cells``). Nothing is recomputed here. Queries: those
of ``rollup_page`` plus one roll-up and one progress computation for all the children and indicators, so
the count depends on neither the number of units nor the number of indicators.

The units below (since July 2025 a province's 100+ communes) are shown twice, compactly: in the body, per
indicator, how many of them reached the target, are on track, behind or without data (one row per
indicator); in an appendix on landscape pages, a table of the units against the indicators, in groups of
``APPENDIX_COLUMNS`` indicators, each cell the value and a letter for its status. A row per unit and
indicator (4,000 rows, 130 pages for Hà Nội) took WeasyPrint 21 s and 770 MB; the appendix lays out one row
per unit and group (docs/benchmarks.md).
"""

from __future__ import annotations

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from indicators.models import Indicator
from plans.models import Period, Plan
from reports.progress import Status, progress_for
from reports.rollup import rollup
from reports.selectors.rollup import Cells, IndicatorRow, cells, rollup_page
from units.models import Level, Unit, UnitKind

#: The words a unit's name starts with, left out of the place name ("Tản Lĩnh, ngày ...").
KIND_WORDS = sorted((str(label) for label in UnitKind.labels), key=len, reverse=True) + [
    "Thành phố",
    "Tỉnh",
    "Quận",
    "Huyện",
    "Thị xã",
    "Thị trấn",
    "Phường",
    "Xã",
    "Đặc khu",
]


#: Indicators per table of the appendix (columns of a landscape A4 page beside the unit's name).
APPENDIX_COLUMNS = 8

#: The letter a status gets in the appendix (explained under its title).
STATUS_MARKS = {Status.ACHIEVED: "Đ", Status.ON_TRACK: "T", Status.BEHIND: "C"}


@dataclasses.dataclass
class ChildrenSummary:
    """One indicator across the units one level below: how many stand where against their targets."""

    indicator: Indicator
    with_data: int
    units: int
    achieved: int
    on_track: int
    behind: int
    no_target: int


@dataclasses.dataclass
class AppendixColumn:
    number: int  # the indicator's number in section I
    indicator: Indicator


@dataclasses.dataclass
class AppendixRow:
    unit: Unit
    cells: list[tuple[str, str]]  # (value, status letter) per column


@dataclasses.dataclass
class AppendixTable:
    columns: list[AppendixColumn]
    rows: list[AppendixRow]


@dataclasses.dataclass
class ReportDocument:
    unit: Unit
    period: Period
    plan: Plan | None
    superior_body: str
    issuing_body: str
    symbol: str
    place: str
    date: datetime.date
    subject: str
    rows: list[IndicatorRow]
    summaries: list[ChildrenSummary]
    appendix: list[AppendixTable]
    children_level: str
    recipients: list[str]
    authority: str
    position: str

    @property
    def date_text(self) -> str:
        # NĐ 30: days below 10 and months below 3 take a leading zero.
        day = f"{self.date.day:02d}"
        month = f"{self.date.month:02d}" if self.date.month < 3 else str(self.date.month)
        return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)s") % {
            "place": self.place,
            "day": day,
            "month": month,
            "year": self.date.year,
        }


def _summary(indicator: Indicator, line: list[Cells]) -> ChildrenSummary:
    statuses = [c.status for c in line]
    return ChildrenSummary(
        indicator=indicator,
        with_data=sum(1 for c in line if c.figure is not None and c.figure.has_data),
        units=len(line),
        achieved=statuses.count(Status.ACHIEVED),
        on_track=statuses.count(Status.ON_TRACK),
        behind=statuses.count(Status.BEHIND),
        no_target=statuses.count(None),
    )


def _mark(c: Cells) -> tuple[str, str]:
    has_data = c.figure is not None and c.figure.has_data
    return (c.value if has_data else "", STATUS_MARKS.get(c.status, "") if has_data else "")


def place_name(unit: Unit) -> str:
    """The unit's name without its kind: "Xã Tản Lĩnh" → "Tản Lĩnh"."""
    for word in KIND_WORDS:
        if unit.name.startswith(word + " "):
            return unit.name[len(word) + 1 :]
    return unit.name


def _committee(unit: Unit, *, short: bool = False) -> str:
    """The people's committee of a unit; in full on two lines, as NĐ 30 shows the issuing body."""
    if short:
        return f"UBND {unit.name}".upper()
    return f"ỦY BAN NHÂN DÂN\n{unit.name}".upper()


def report_document(*, user: User, unit_id: int, period_code: str, plan_id: str | None = None) -> ReportDocument:
    """The report of a unit and a period as the user may see it, or 404 (as the roll-up page)."""
    page = rollup_page(user=user, unit_id=unit_id, period_code=period_code, plan_id=plan_id)
    unit, period = page.unit, page.period
    indicators = [row.indicator for row in page.rows]

    children = list(
        Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).valid_on(period.reference_day)
    )
    summaries: list[ChildrenSummary] = []
    appendix: list[AppendixTable] = []
    if children and indicators:
        figures = rollup(anchors=children, period=period, indicators=indicators)
        progress = progress_for(anchors=children, period=period, indicators=indicators, figures=figures, plan=page.plan)
        grid = {
            (child.pk, i.pk): cells(i, figures.get((child.pk, i.pk)), progress.get((child.pk, i.pk)))
            for child in children
            for i in indicators
        }
        summaries = [
            _summary(indicator, [grid[(child.pk, indicator.pk)] for child in children]) for indicator in indicators
        ]
        numbered = [AppendixColumn(n, i) for n, i in enumerate(indicators, start=1)]
        for start in range(0, len(numbered), APPENDIX_COLUMNS):
            columns = numbered[start : start + APPENDIX_COLUMNS]
            rows = [
                AppendixRow(child, [_mark(grid[(child.pk, column.indicator.pk)]) for column in columns])
                for child in children
            ]
            appendix.append(AppendixTable(columns, rows))

    parent = page.crumbs[-1].unit if page.crumbs else None  # the crumbs are the ancestors, root first
    superior = _committee(parent, short=True) if parent is not None and parent.level != Level.NATIONAL else ""
    subject = _("Kết quả xây dựng xã hội học tập %(period)s") % {"period": str(period.label).lower()}
    if page.plan is not None:
        subject += _(" theo %(plan)s") % {"plan": page.plan}
    recipients = []
    if superior:
        recipients.append(_("UBND %(unit)s (để báo cáo);") % {"unit": parent.name})
    elif unit.level == Level.PROVINCE:
        recipients.append(_("Bộ Giáo dục và Đào tạo (để báo cáo);"))
    if unit.level == Level.PROVINCE:
        recipients.append(_("Sở Giáo dục và Đào tạo;"))
    elif unit.level == Level.DISTRICT:
        recipients.append(_("Phòng Giáo dục và Đào tạo;"))
    recipients.append(_("Lưu: VT."))
    return ReportDocument(
        unit=unit,
        period=period,
        plan=page.plan,
        superior_body=superior,
        issuing_body=_committee(unit),
        symbol="BC-UBND",
        place=place_name(unit),
        date=timezone.localdate(),
        subject=subject,
        rows=page.rows,
        summaries=summaries,
        appendix=appendix,
        children_level=str(children[0].get_level_display()).lower() if children else "",
        recipients=recipients,
        authority=_("TM. ỦY BAN NHÂN DÂN"),
        position=_("CHỦ TỊCH"),
    )


def report_filename(doc: ReportDocument) -> str:
    return f"bao-cao-{doc.unit.code}-{doc.period.code}.pdf"
