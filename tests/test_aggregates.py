"""The stored roll-up of a closed period: once 2024 is closed, every unit's figures are stored, equal the live
roll-up for every unit and indicator (both the view over all values and the one over approved reports), and are
what the pages read; they follow a report reopened, and a period reopened, changed and closed again.

Data, like the demo's: the real indicator catalogue (counts, ratios, standards with levels, derived standards,
statuses), a value for every commune and commune-level indicator of the personas' tree (a few "nothing to
report"), quarter values standing in for a missing yearly one, some reports approved.
"""

import io
import itertools
import re
from decimal import Decimal

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Indicator, Measure, PeriodAggregation
from indicators.reference import indicators_load
from plans.periods import period_get_or_create
from reports.models import Aggregate, EntryPath, Submission, SubmissionStatus, Value
from reports.rollup import rollup
from reports.services.aggregates import period_close, period_reopen
from reports.services.submissions import submission_approve, submission_reopen, submission_submit
from reports.services.values import ValueRow, values_record
from units.models import KIND_LEVEL, LEVEL_RANK, Level, Unit

from .base import PersonasTestCase


def demo_like_values(period, communes, indicators):
    """Deterministic figures of every measure for every commune (what the demo loader writes, in small)."""
    numbers = itertools.count(7)
    rows = []
    for unit, indicator in itertools.product(communes, indicators):
        n = next(numbers)
        value = numerator = denominator = None
        if n % 11 == 0:
            rows.append(Value(unit=unit, indicator=indicator, period=period, not_applicable=True))
            continue
        if indicator.measure == Measure.RATIO:
            denominator = Decimal(100 + n * 7 % 900)
            numerator = (denominator * Decimal(n * 13 % 100) / 100).quantize(Decimal("0.01"))
        elif indicator.measure in (Measure.STANDARD, Measure.STATUS):
            value = Decimal(n % (indicator.max_level + 1))
        else:
            value = Decimal(n % 9)
        rows.append(
            Value(
                unit=unit,
                indicator=indicator,
                period=period,
                value=value,
                numerator=numerator,
                denominator=denominator,
                entry_path=EntryPath.DEMO,
            )
        )
    Value.objects.bulk_create(rows)


class AggregateTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        cls.period = period_get_or_create(code="2024")
        cls.indicators = list(Indicator.objects.all())
        commune_level = [i for i in cls.indicators if i.entry_level == Level.COMMUNE and not i.source_id]
        cls.communes = list(Unit.objects.filter(kind__in=["commune"]).order_by("path"))
        counted = next(i for i in commune_level if i.measure == Measure.COUNT)
        yearly = [i for i in commune_level if i != counted]
        demo_like_values(cls.period, cls.communes, yearly)
        # Cổ Loa reports the count by quarter only: the year's figure sums (or takes the latest of) its quarters.
        cls.counted = counted
        for quarter, amount in (("2024Q1", 2), ("2024Q2", 3)):
            Value.objects.create(
                unit=cls.coloa, indicator=counted, period=period_get_or_create(code=quarter), value=amount
            )
        Value.objects.create(unit=cls.tanlinh, indicator=counted, period=cls.period, value=4)
        for unit in (cls.tanlinh, cls.batrai, cls.coloa):
            Submission.objects.create(unit=unit, period=cls.period, status=SubmissionStatus.SUBMITTED)
        for unit in (cls.tanlinh, cls.coloa):
            submission_approve(submission=Submission.objects.get(unit=unit, period=cls.period), user=cls.admin)

    def units(self):
        return list(Unit.objects.valid_on(self.period.reference_day).order_by("path"))

    def shown(self, unit):
        rank = LEVEL_RANK[KIND_LEVEL[unit.kind]]
        return [i for i in self.indicators if LEVEL_RANK[i.entry_level] >= rank]

    def assert_stored_equals_live(self):
        """For every unit and indicator, both views: the figures read (stored) are those rolled up live."""
        self.period.refresh_from_db()
        compared = 0
        for unit in self.units():
            for approved_only in (False, True):
                indicators = self.shown(unit)
                read = rollup(anchors=[unit], period=self.period, indicators=indicators, approved_only=approved_only)
                live = rollup(
                    anchors=[unit], period=self.period, indicators=indicators, approved_only=approved_only, stored=False
                )
                self.assertEqual(read, live, (unit.name, approved_only))
                compared += len(live)
        return compared

    def test_closing_stores_the_figures_and_they_equal_the_live_rollup_for_every_unit_and_indicator(self):
        stored = period_close(period=self.period)
        above_communes = [u for u in self.units() if KIND_LEVEL[u.kind] != Level.COMMUNE]
        self.assertEqual(stored, Aggregate.objects.filter(period=self.period).count())
        self.assertEqual(
            set(Aggregate.objects.filter(period=self.period).values_list("unit_id", flat=True)),
            {u.pk for u in above_communes},
        )
        self.assertGreater(self.assert_stored_equals_live(), 500)
        hanoi = Aggregate.objects.get(period=self.period, unit=self.hanoi, indicator=self.counted, approved_only=False)
        quarters = 5 if self.counted.period_aggregation == PeriodAggregation.SUM else 3  # Cổ Loa's 2 and 3
        self.assertEqual((Decimal(hanoi.value), hanoi.reported, hanoi.expected), (4 + quarters, 2, 3))

    def test_a_closed_period_is_read_from_the_table_in_one_query(self):
        period_close(period=self.period)
        self.period.refresh_from_db()
        indicators = self.shown(self.hanoi)
        with CaptureQueriesContext(connection) as queries:
            rollup(anchors=[self.hanoi], period=self.period, indicators=indicators)
        self.assertEqual(len(queries), 1)
        self.assertIn("reports_aggregate", queries[0]["sql"])
        with CaptureQueriesContext(connection) as live:
            rollup(anchors=[self.hanoi], period=self.period, indicators=indicators, stored=False)
        self.assertGreater(len(live), 3)

    def test_the_rollup_page_of_a_closed_period_shows_the_same_figures(self):
        self.client.force_login(self.province_reviewer)
        url = reverse("reports:rollup", args=[self.hanoi.pk, "2024"])

        def page():
            html = self.client.get(url).content.decode()
            return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

        before = page()
        period_close(period=self.period)
        self.period.refresh_from_db()
        self.assertIn('id="rollup-indicators"', before)
        self.assertEqual(page(), before)

    def test_the_table_follows_a_report_reopened_and_a_period_reopened_changed_and_closed_again(self):
        period_close(period=self.period)
        approved = Aggregate.objects.get(period=self.period, unit=self.bavi, indicator=self.counted, approved_only=True)
        self.assertEqual((Decimal(approved.value), approved.reported), (4, 1))  # Tản Lĩnh's approved 4

        # Ba Vì reopens Tản Lĩnh's report (the period stays closed): the approved-only view loses its figures.
        report = Submission.objects.get(unit=self.tanlinh, period=self.period)
        submission_reopen(submission=report, user=self.district_officer, reason="Kiểm tra lại số trung tâm")
        approved = Aggregate.objects.get(period=self.period, unit=self.bavi, indicator=self.counted, approved_only=True)
        self.assertEqual((approved.value, approved.reported), ("", 0))
        self.assert_stored_equals_live()

        # To change a figure the administrator reopens the period: its stored figures go, reads are live.
        period_reopen(period=self.period)
        self.assertFalse(Aggregate.objects.filter(period=self.period).exists())
        result = values_record(
            rows=[
                ValueRow(
                    row=1, unit_code="09910", indicator_code=self.counted.code, period="2024", value="10", version=1
                )
            ],  # fmt: skip
            user=self.reporter,
        )
        self.assertTrue(result.ok, result.errors)
        submission_submit(submission=report, user=self.reporter)
        submission_approve(submission=report, user=self.district_officer)  # open period: nothing stored
        self.assertFalse(Aggregate.objects.filter(period=self.period).exists())

        period_close(period=self.period)
        hanoi = Aggregate.objects.get(period=self.period, unit=self.hanoi, indicator=self.counted, approved_only=False)
        quarters = 5 if self.counted.period_aggregation == PeriodAggregation.SUM else 3
        self.assertEqual(Decimal(hanoi.value), 10 + quarters)
        approved = Aggregate.objects.get(period=self.period, unit=self.bavi, indicator=self.counted, approved_only=True)
        self.assertEqual(Decimal(approved.value), Decimal(10))
        self.assert_stored_equals_live()

    def test_the_command_rebuilds_a_closed_period_without_figures(self):
        self.period.__class__.objects.filter(pk=self.period.pk).update(is_closed=True)  # closed before the table
        self.period.refresh_from_db()
        indicators = self.shown(self.hanoi)
        self.assertEqual(
            rollup(anchors=[self.hanoi], period=self.period, indicators=indicators),
            rollup(anchors=[self.hanoi], period=self.period, indicators=indicators, stored=False),
        )  # nothing stored yet: read live
        call_command("aggregates_rebuild", stdout=io.StringIO())
        self.assertTrue(Aggregate.objects.filter(period=self.period, unit=self.hanoi).exists())
        self.assert_stored_equals_live()
