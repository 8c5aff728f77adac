"""The context of a unit's periodic report as an official document (``exports/report_pdf.html``).

Everything the report shows comes from the roll-up page's selector (``rollup_page``: scope, period, plan,
the unit's figures against its targets) and, for the units one level below, from the same ``rollup`` and
``progress_for`` calls; the template writes them with the same texts (``reports.display``, template filter
``cell``). Nothing is recomputed here. Queries: those
of ``rollup_page`` plus one roll-up and one progress computation for all the children and indicators, so
the count depends on neither the number of units nor the number of indicators.

The units below (since July 2025 a province's 100+ communes) are shown twice, compactly: in the body, per
indicator, how many of them reached the target, are on track, behind, without data (one row per indicator);
in an appendix, per indicator, the units grouped by status, each with its value, as running text. A table row
per unit and indicator (4,000 rows, 130 pages for Hà Nội's communes) took WeasyPrint 21 s and 770 MB, a table
of the units against the indicators still ~4,000 cells; running text is laid out a paragraph at a time
(docs/benchmarks.md).
"""

from __future__ import annotations

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from indicators.models import Indicator
from plans.models import Period, Plan
from reports.models import Submission
from reports.progress import Progress, Status, progress_for
from reports.rollup import rollup
from reports.selectors.rollup import IndicatorRow, rollup_page
from reports.selectors.values import Approval, figures_approval
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


#: The groups of the appendix, in this order; ``None``: no target applies to the unit.
GROUPS = [Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA, None]


@dataclasses.dataclass
class ChildLine:
    """A unit below and its progress on one indicator (the template's ``cell`` filter writes its texts)."""

    unit: Unit
    indicator: Indicator
    progress: Progress


@dataclasses.dataclass
class StatusGroup:
    status: str | None  # a ``Status``, or None: no target
    lines: list[ChildLine]

    @property
    def status_label(self) -> str:
        return Status(self.status).label if self.status else ""


@dataclasses.dataclass
class ChildrenSection:
    """One indicator across the units one level below, grouped by how each stands against its target."""

    indicator: Indicator
    groups: list[StatusGroup]  # every group of ``GROUPS``, possibly empty
    units: int

    def count(self, status: str | None) -> int:
        return next(len(g.lines) for g in self.groups if g.status == status)

    @property
    def with_data(self) -> int:
        return sum(1 for g in self.groups for line in g.lines if line.progress.value is not None)

    @property
    def achieved(self) -> int:
        return self.count(Status.ACHIEVED)

    @property
    def on_track(self) -> int:
        return self.count(Status.ON_TRACK)

    @property
    def behind(self) -> int:
        return self.count(Status.BEHIND)

    @property
    def no_target(self) -> int:
        return self.count(None)


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
    sections: list[ChildrenSection]
    children_level: str
    recipients: list[str]
    authority: str
    position: str
    narrative: list[tuple[str, str]]  # (heading, text) of the sections the unit wrote on its report page
    approval: Approval  # how many of the units counted here are in a report not yet approved
    emulation: object = None  # the unit's emulation result of the year (``emulation.models.EmulationResult``)

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


def _section(indicator: Indicator, lines: list[ChildLine]) -> ChildrenSection:
    groups = {status: StatusGroup(status, []) for status in GROUPS}
    for line in lines:
        groups[line.progress.status or None].lines.append(line)
    return ChildrenSection(indicator, list(groups.values()), len(lines))


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


def report_document(*, user: User, unit: Unit, period: Period, plan: Plan | None = None) -> ReportDocument:
    """The report of a unit the user sees (the caller resolved it) for a period, as the roll-up page shows it."""
    page = rollup_page(user=user, unit=unit, period=period, plan=plan)
    unit, period = page.unit, page.period
    indicators = [row.indicator for row in page.rows]

    children = list(
        Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).valid_on(
            unit.structure_day(period.reference_day)
        )
    )
    sections: list[ChildrenSection] = []
    if children and indicators:
        figures = rollup(anchors=children, period=period, indicators=indicators)
        progress = progress_for(anchors=children, period=period, indicators=indicators, figures=figures, plan=page.plan)
        for indicator in indicators:
            lines = [ChildLine(child, indicator, progress[(child.pk, indicator.pk)]) for child in children]
            sections.append(_section(indicator, lines))

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
        emulation=page.emulation,
        sections=sections,
        children_level=str(children[0].get_level_display()).lower() if children else "",
        recipients=recipients,
        authority=_("TM. ỦY BAN NHÂN DÂN"),
        position=_("CHỦ TỊCH"),
        narrative=report_narrative(unit=unit, period=period),
        approval=figures_approval(unit=unit, period=period),
    )


def report_narrative(*, unit: Unit, period: Period) -> list[tuple[str, str]]:
    """The narrative sections of the unit's report (``Submission.narrative_*``), headed as an official report
    heads them; the sections left blank are left out. One query."""
    submission = Submission.objects.of_units().filter(unit=unit, period_id=period.pk).first() if period.pk else None
    if submission is None:
        return []
    sections = [
        (_("Kết quả đạt được"), submission.narrative_results),
        (_("Tồn tại, hạn chế và nguyên nhân"), submission.narrative_shortcomings),
        (_("Nhiệm vụ, giải pháp kỳ tới"), submission.narrative_tasks),
        (_("Đề xuất, kiến nghị"), submission.narrative_proposals),
    ]
    return [(heading, text) for heading, text in sections if text.strip()]


def report_filename(doc: ReportDocument) -> str:
    return f"bao-cao-{doc.unit.code}-{doc.period.code}.pdf"
