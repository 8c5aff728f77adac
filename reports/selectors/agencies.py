"""Reads for an agency's own report (``plans.ReportingBody``): the grid of the indicators its rules assign it,
with this period's and the previous period's values, and the report's status. A fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from indicators.models import Indicator
from plans.models import Period, ReportingBody
from plans.periods import period_neighbour_code
from plans.reporting import agency_indicators
from reports.models import Submission, Value
from reports.selectors.entry import EntryGrid, EntryRow
from reports.services.submissions import lock_reasons
from units.models import Agency


@dataclass
class AgencyReportPage:
    agency: Agency
    period: Period
    grid: EntryGrid
    bodies: list[ReportingBody]  # the rules that ask it, with the place of their source text
    submission: Submission | None


def agency_report(*, agency: Agency, period: Period) -> AgencyReportPage:
    """The agency's report for the period (the period may be unsaved: then nothing is asked)."""
    indicator_ids = agency_indicators([agency.pk], period).get(agency.pk, set())
    ordered = list(Indicator.objects.filter(pk__in=indicator_ids).order_by("category", "order", "code"))
    previous_code = period_neighbour_code(period, -1)
    values: dict[tuple[str, int], Value] = {}
    if ordered:
        for value in Value.objects.filter(
            agency=agency, indicator__in=[i.pk for i in ordered], period__code__in=[period.code, previous_code]
        ).select_related("period", "entered_by", "entered_by_unit"):
            values[(value.period.code, value.indicator_id)] = value
    rows = [
        EntryRow(
            index=n,
            indicator=indicator,
            current=values.get((period.code, indicator.pk)),
            previous=values.get((previous_code, indicator.pk)),
        )
        for n, indicator in enumerate(ordered, start=1)
    ]
    grid = EntryGrid(
        unit=agency.unit,
        period=period,
        previous_code=previous_code,
        rows=rows,
        valid_in_period=agency.unit.is_valid_on(period.reference_day),
    )
    bodies, submission = [], None
    if period.pk is not None:
        key = ("agency", agency.pk, period.pk)
        grid.lock_reason = lock_reasons(pairs=(), agency_pairs={(agency.pk, period.pk)}).get(key, "")
        bodies = list(
            ReportingBody.objects.filter(agency=agency, rule__deadlines__period=period)
            .select_related("rule__plan")
            .distinct()
        )
        submission = Submission.objects.filter(agency=agency, period=period).first()
    return AgencyReportPage(agency=agency, period=period, grid=grid, bodies=bodies, submission=submission)
