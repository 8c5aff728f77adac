"""The server-drawn charts: an axis scaled to the data, a unit's years drawn with the years computed from its former
units marked ("tính từ đơn vị cũ"), the reporting rate over the periods; each with its table, no script."""

from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import SimpleTestCase

from indicators.models import Indicator
from plans.periods import period_get_or_create
from reports.charts import axis_for, rate_chart, series_chart
from reports.models import Value
from reports.selectors.dashboard import TrendRow
from reports.selectors.series import indicator_series
from reports.selectors.submissions import Counts

from .national import NationalTestCase


class AxisTests(SimpleTestCase):
    def test_it_scales_the_axis_to_figures_near_99_percent(self):
        axis = axis_for([98.6, 99.1, 99.5], percent=True)
        self.assertGreaterEqual(axis.low, 98)
        self.assertLessEqual(axis.high, 100)  # a percentage axis stops at 100 %

    def test_it_starts_at_zero_when_the_figures_come_near_it(self):
        self.assertEqual(axis_for([3, 12, 40], percent=False).low, 0)
        self.assertEqual(axis_for([], percent=True).ticks[-1], 100)

    def test_it_draws_the_reporting_rate_over_the_periods(self):
        trend = [
            TrendRow("2023", "Năm 2023", Counts(expected=10, submitted=5)),
            TrendRow("2024", "Năm 2024", Counts(expected=10, submitted=9)),
        ]
        chart = rate_chart(trend)
        self.assertEqual(len(chart["rate"]), 2)
        self.assertGreater(chart["rate"][0]["y"], chart["rate"][1]["y"])  # 50 % drawn below 90 %
        self.assertIsNone(rate_chart(trend[:1]))  # one period is no trend


class SeriesTests(NationalTestCase):
    """Xã Văn Linh (2025), formed from Y Tịch, Văn Linh and Hòa Bình: its 2023 and 2024 figures come from them."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        call_command("load_reference_data", stdout=StringIO())
        cls.family = Indicator.objects.get(code="LEARNING_FAMILY")
        for year, numerator in ((2023, 50), (2024, 60)):
            period = period_get_or_create(code=str(year))
            for unit in (cls.ytich, cls.old_vanlinh, cls.hoabinh):
                Value.objects.create(
                    unit=unit, indicator=cls.family, period=period, numerator=numerator, denominator=100
                )

    def test_it_marks_the_years_computed_from_the_former_units(self):
        y2024 = period_get_or_create(code="2024")
        series = indicator_series(unit=self.vanlinh, indicator=self.family, period=y2024, progress=None)
        by_year = {p.year: p for p in series.points}
        self.assertEqual(by_year[2024].value, Decimal(60))
        self.assertTrue(by_year[2024].backcast and by_year[2023].backcast)
        self.assertIsNone(by_year[2022].value)
        chart = series_chart(series)
        html = render_to_string("reports/charts/series.html", {"chart": chart})
        self.assertEqual(html.count('<circle class="point backcast'), 2)  # hollow, dashed
        self.assertIn("Tính từ đơn vị cũ (trước sắp xếp)", html)  # the legend says so
        self.assertIn('<td>2024</td><td class="num">60,00 %</td>', html)  # the table beside the chart
        self.assertIn("Mốc 2025", html)
        self.assertNotIn("<script", html)
