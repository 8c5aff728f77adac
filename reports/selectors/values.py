"""A unit's figures for a period with their targets and status: the rows of the values API."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q

from indicators.models import Indicator
from plans.models import Period, PeriodKind
from reports.backcast import values_feeding
from reports.models import Submission, SubmissionStatus, Value
from reports.progress import Status, progress_for
from reports.rollup import Figure
from units.models import Unit

#: The status of a figure that no plan sets a target for.
NO_TARGET = "no_target"


@dataclasses.dataclass
class UnitFigure:
    indicator: Indicator
    figure: Figure
    target: Decimal | None
    status: str
    version: int | None = None  # of the unit's own stored value: what a write sends back to change it


def unit_figures(*, unit: Unit, period: Period, indicators: Sequence[Indicator]) -> list[UnitFigure]:
    """Own or rolled-up figure, target, status and the own value's version of each indicator; a fixed number
    of queries."""
    progress = progress_for(anchors=[unit], period=period, indicators=indicators)
    versions = dict(
        Value.objects.of_units()
        .filter(unit=unit, period_id=period.pk, indicator__in=[i.pk for i in indicators])
        .values_list("indicator_id", "version")
    )
    rows = []
    for indicator in indicators:
        p = progress[(unit.pk, indicator.pk)]
        rows.append(
            UnitFigure(
                indicator=indicator,
                figure=p.figure or Figure(unit.pk, indicator.pk, indicator.measure),
                target=p.target.value if p.target is not None else None,
                status=(p.status or Status.NO_DATA) if p.target is not None else NO_TARGET,
                version=versions.get(indicator.pk),
            )
        )
    return rows


@dataclasses.dataclass(frozen=True)
class Approval:
    """Of the units whose values count in a unit's figures of a period: how many, and how many of them in a
    report the level above has not approved (what an output says about its figures)."""

    units: int = 0
    unapproved: int = 0

    @property
    def all_approved(self) -> bool:
        return self.units > 0 and self.unapproved == 0


def figures_approval(*, unit: Unit, period: Period, approved_only: bool = False) -> Approval:
    """``Approval`` of the figures of ``unit`` for ``period`` (its subtree's values, those of the legacy units for a
    back-cast unit); an ``approved_only`` output counts no unapproved unit. One query."""
    if period.pk is None:
        return Approval()
    values = Value.objects.of_units().filter(values_feeding(unit, period))
    if period.kind == PeriodKind.YEAR:
        values = values.filter(period__year=period.year)
    else:
        values = values.filter(period_id=period.pk)
    approved = Submission.objects.of_units().filter(
        unit=OuterRef("unit"), period=OuterRef("period"), status=SubmissionStatus.APPROVED
    )
    counts = values.annotate(approved=Exists(approved)).aggregate(
        units=Count("unit_id", distinct=True),
        unapproved=Count("unit_id", distinct=True, filter=Q(approved=False)),
    )
    return Approval(units=counts["units"], unapproved=0 if approved_only else counts["unapproved"])
