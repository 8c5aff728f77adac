"""The yearly learning-model report (CV 6782/BGDĐT-GDTX: statistics before 15/12 each year), per commune and
rolled up to the unit asked for, from the recognitions and the values already in the portal.

The form's rows are reference data (``data/yearly_report.yaml``, each row citing its source, marked illustrative
until checked against the form's text). For each row (a kind of learning model) and each commune:

- registered: active subjects of the kind on the commune's register;
- evaluated: evaluations of the year past the draft (self-assessed, checked, recognised or not);
- recognised: evaluations of the year recognised, and their share of the registered;
- in force / expired on the report's day: subjects whose latest recognition is still in force, or has run out
  (``learning.validity.recognition_validity``, the one rule);
- reported: the figure of the row's ratio indicator in the values (``reports.rollup.rollup``), as entered or
  fed by the decisions.

The unit's line is the sum of its communes' counts (shares recomputed from the sums) and its rolled-up figure.
Queries (``yearly_report``): the communes, the register counts, the year's evaluation counts, the recognitions
of the years that may still be in force, the indicators, and two roll-ups (the unit, its communes): a fixed
number whatever the number of communes or subjects.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.db.models import Count
from django.utils import timezone

from core.datafiles import data_file_read, records_read
from indicators.models import Indicator
from plans.periods import period_resolve
from reports.rollup import rollup
from units.models import Level, Unit

from .models import CriteriaSet, Evaluation, Status, Subject

FORM_FILE = Path(__file__).resolve().parent / "data" / "yearly_report.yaml"
EVALUATED = [Status.SELF_ASSESSED, Status.CHECKED, Status.RECOGNISED, Status.NOT_RECOGNISED]
HUNDRED = Decimal(100)


@dataclasses.dataclass(frozen=True)
class FormRow:
    code: str
    label: str
    kind: str
    indicator: str
    source: str
    illustrative: bool


@dataclasses.dataclass(frozen=True)
class Form:
    code: str
    title: str
    basis: str
    deadline_day: int
    deadline_month: int
    illustrative: bool
    illustrative_note: str
    rows: tuple[FormRow, ...]


@cache
def report_form(path: Path = FORM_FILE) -> Form:
    """The form's rows as the data file gives them (read once per process)."""
    data = data_file_read(path)
    head = data["form"]
    rows = records_read(
        data,
        "rows",
        where=path.name,
        required=("code", "label", "kind", "indicator", "source"),
        optional=("illustrative",),
    )
    return Form(
        code=head["code"],
        title=head["title"],
        basis=head["basis"],
        deadline_day=int(head["deadline_day"]),
        deadline_month=int(head["deadline_month"]),
        illustrative=bool(head.get("illustrative", True)),
        illustrative_note=head.get("illustrative_note", ""),
        rows=tuple(
            FormRow(r["code"], r["label"], r["kind"], r["indicator"], r["source"], bool(r.get("illustrative", True)))
            for r in rows
        ),
    )


@dataclasses.dataclass
class Cell:
    registered: int = 0
    evaluated: int = 0
    recognised: int = 0
    in_force: int = 0
    expired: int = 0
    reported: Decimal | None = None  # the row's indicator as a percentage, from the values

    @property
    def percent(self) -> Decimal | None:
        return Decimal(self.recognised) * HUNDRED / self.registered if self.registered else None

    def add(self, other: Cell) -> None:
        self.registered += other.registered
        self.evaluated += other.evaluated
        self.recognised += other.recognised
        self.in_force += other.in_force
        self.expired += other.expired


@dataclasses.dataclass
class Line:
    unit: Unit
    cells: list[Cell]  # one per form row, in the form's order


@dataclasses.dataclass
class YearlyReport:
    unit: Unit
    year: int
    on: datetime.date  # the day the recognitions in force are counted on
    form: Form
    total: Line
    communes: list[Line]

    @property
    def deadline(self) -> datetime.date:
        return datetime.date(self.year, self.form.deadline_month, self.form.deadline_day)

    @property
    def rows(self) -> list[tuple[FormRow, Cell]]:
        return list(zip(self.form.rows, self.total.cells, strict=True))


def report_day(year: int, today: datetime.date | None = None) -> datetime.date:
    """The day a year's report counts the recognitions in force on: today, or 31/12 of a past year."""
    today = today or timezone.localdate()
    return min(today, datetime.date(year, 12, 31))


def yearly_report(*, user, unit: Unit, year: int, on: datetime.date | None = None) -> YearlyReport:
    """The report of a unit the user sees (the view resolved it) for a year; see the module's text."""
    from .validity import recognition_validity

    form = report_form()
    on = on or report_day(year)
    period = period_resolve(str(year))
    day = unit.structure_day(period.reference_day)
    communes = list(
        Unit.objects.visible_to(user)
        .descendants_of(unit, include_self=True)
        .at_level(Level.COMMUNE)
        .valid_on(day)
        .order_by("name", "code")
    )
    kinds = [row.kind for row in form.rows]
    cells: dict[tuple[int, str], Cell] = defaultdict(Cell)

    subjects = Subject.objects.visible_to(user).filter(commune__path__startswith=unit.path, kind__in=kinds)
    for commune_id, kind, n in (
        subjects.filter(active=True).values_list("commune_id", "kind").annotate(n=Count("pk")).order_by()
    ):
        cells[(commune_id, kind)].registered = n

    evaluations = Evaluation.objects.visible_to(user).filter(
        subject__commune__path__startswith=unit.path, subject__kind__in=kinds
    )
    for commune_id, kind, status, n in (
        evaluations.filter(year=year)
        .values_list("subject__commune_id", "subject__kind", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        cell = cells[(commune_id, kind)]
        if status in EVALUATED:
            cell.evaluated += n
        if status == Status.RECOGNISED:
            cell.recognised += n

    # Recognitions of the years that may still be in force (the longest validity of any set), latest first.
    longest = max(CriteriaSet.objects.values_list("recognition_years", flat=True), default=1)
    latest: dict[int, tuple] = {}
    for subject_id, commune_id, kind, year_of, issued_on, years in (
        evaluations.filter(status=Status.RECOGNISED, year__lte=year, year__gt=year - max(longest, 1) - 1)
        .values_list(
            "subject_id",
            "subject__commune_id",
            "subject__kind",
            "year",
            "decision__issued_on",
            "criteria_set__recognition_years",
        )
        .order_by("subject_id", "-year")
    ):
        latest.setdefault(subject_id, (commune_id, kind, year_of, issued_on, years))
    for commune_id, kind, year_of, issued_on, years in latest.values():
        validity = recognition_validity(year=year_of, issued_on=issued_on, years=years, on=on)
        if validity.in_force:
            cells[(commune_id, kind)].in_force += 1
        elif validity.valid_until < on:
            cells[(commune_id, kind)].expired += 1

    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[r.indicator for r in form.rows])}
    wanted = list(indicators.values())
    figures = {}
    if wanted:
        figures.update(rollup(anchors=[unit], period=period, indicators=wanted))
        below = [c for c in communes if c.pk != unit.pk]
        if below:
            figures.update(rollup(anchors=below, period=period, indicators=wanted))

    def reported(unit_id: int, code: str) -> Decimal | None:
        indicator = indicators.get(code)
        figure = figures.get((unit_id, indicator.pk)) if indicator else None
        return figure.value if figure is not None else None

    lines = []
    totals = [Cell() for _ in form.rows]
    for commune in communes:
        line = Line(commune, [])
        for n, row in enumerate(form.rows):
            cell = dataclasses.replace(cells.get((commune.pk, row.kind)) or Cell())
            cell.reported = reported(commune.pk, row.indicator)
            totals[n].add(cell)
            line.cells.append(cell)
        lines.append(line)
    for n, row in enumerate(form.rows):
        totals[n].reported = reported(unit.pk, row.indicator)
    return YearlyReport(unit=unit, year=year, on=on, form=form, total=Line(unit, totals), communes=lines)
