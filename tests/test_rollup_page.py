"""The roll-up page: Vietnamese number formats, completeness, the drill-down to the children, scope,
sorting, the chart data, a constant number of queries; the index redirect; the demo results."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from demo.results import DEMO_COMMENT, demo_values_load
from indicators.models import Indicator, Measure, StandardThreshold
from plans.models import Plan, Target, TargetKind
from plans.periods import period_get_or_create
from reports.display import cell_text
from reports.models import EntryPath, RollupNote, Value
from units.models import Level, Unit, UnitKind

from .base import PersonasTestCase
from .factories import make_plan, make_unit


def url(unit, period="2023", **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("reports:rollup", args=[unit.pk, period]) + (f"?{query}" if query else "")


class RollupPageTests(PersonasTestCase):
    """Hà Nội, 2023: families (ratio) 120/200 in Tản Lĩnh, 80/100 in Ba Trại, Cổ Loa silent; people taught
    (count) 5,000 + 5,600; literacy standard derived from a ratio. Target: families ≥ 70 % by 2025."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.families = Indicator.objects.create(
            code="GDHT", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO, unit_of_measure="%"
        )
        cls.people = Indicator.objects.create(
            code="NGUOI_HOC", name="Số người tham gia học tập", measure=Measure.COUNT, unit_of_measure="người"
        )
        cls.literacy = Indicator.objects.create(code="BIET_CHU", name="Tỷ lệ biết chữ", measure=Measure.RATIO)
        cls.xmc = Indicator.objects.create(
            code="XMC", name="Đạt chuẩn xóa mù chữ", measure=Measure.STANDARD, source=cls.literacy
        )
        StandardThreshold.objects.create(indicator=cls.xmc, level=Level.COMMUNE, min_percent=90)
        cls.unrelated = Indicator.objects.create(code="KHAC", name="Chỉ tiêu không dùng", measure=Measure.COUNT)
        cls.plan = make_plan(cls.hanoi, issued_on=datetime.date(2021, 12, 16), title="XHHT 2021-2030")
        cls.langson_plan = Plan.objects.create(
            unit=cls.langson, issuing_body="UBND tỉnh Lạng Sơn", title="XHHT Lạng Sơn", start_year=2021, end_year=2030
        )
        Target.objects.create(
            plan=cls.plan, unit=cls.hanoi, indicator=cls.families, year=2025, value=70, kind=TargetKind.AT_LEAST
        )
        cls.p = period_get_or_create(code="2023")
        put = Value.objects.create
        put(unit=cls.tanlinh, indicator=cls.families, period=cls.p, numerator=120, denominator=200)
        put(unit=cls.batrai, indicator=cls.families, period=cls.p, numerator=80, denominator=100)
        put(unit=cls.tanlinh, indicator=cls.people, period=cls.p, value=5000)
        put(unit=cls.coloa, indicator=cls.people, period=cls.p, value=5600)
        put(unit=cls.tanlinh, indicator=cls.literacy, period=cls.p, numerator=995, denominator=1000)
        put(unit=cls.ytich, indicator=cls.people, period=cls.p, value=7)
        # 2022: the history the progress reads (baseline, pace).
        put(
            unit=cls.tanlinh,
            indicator=cls.families,
            period=period_get_or_create(code="2022"),
            numerator=100,
            denominator=200,
        )
        period_get_or_create(code="2021")
        RollupNote.objects.create(
            unit=cls.hanoi, indicator=cls.families, period=cls.p, comment="Đông Anh chưa báo cáo.", author=cls.admin
        )

    def get(self, user, *args, **params):
        self.client.force_login(user)
        return self.client.get(url(*args, **params))

    def test_it_shows_figures_in_vietnamese_formats_with_completeness(self):
        response = self.get(self.province_reviewer, self.hanoi)
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        # 200/300 families = 66,67 % (the digits of the chart, the Excel file and the PDF); 2 of 3 communes reported.
        self.assertIn("66,67 %", content)
        self.assertIn("200/300", content)
        self.assertIn("2/3 (66,67 %)", content)
        self.assertIn("10.600", content)  # 5,000 + 5,600 people
        self.assertIn("≥ 70 %", content)
        self.assertIn("Đông Anh chưa báo cáo.", content)
        self.assertIn("Đúng tiến độ", content)  # first data year: on its path to 70 %
        self.assertNotIn("Chỉ tiêu không dùng", content)

    def test_it_shows_a_derived_standard_when_its_source_has_values(self):
        content = self.get(self.province_reviewer, self.hanoi).content.decode()
        self.assertIn("Đạt chuẩn xóa mù chữ", content)

    def test_it_drills_down_to_the_children_only(self):
        response = self.get(self.province_reviewer, self.hanoi)
        children = response.context["page"].children
        self.assertEqual([row.unit for row in children], [self.bavi, self.donganh])
        content = response.content.decode()
        table = content[content.index('id="rollup-children"') :]
        self.assertIn(url(self.bavi, indicator="GDHT"), table)
        self.assertNotIn("Xã Tản Lĩnh", table)
        self.assertNotIn("Lạng Sơn", content)
        bavi = cell_text(children[0].indicator, children[0].progress)
        self.assertEqual((bavi.value, bavi.completeness, bavi.status), ("66,67 %", "2/2 (100,00 %)", "on_track"))
        self.assertEqual(children[1].progress.status, "no_data")

    def test_it_sorts_the_children_by_any_column(self):
        page = self.get(self.province_reviewer, self.hanoi, indicator="NGUOI_HOC", sort="-value").context["page"]
        self.assertEqual([row.unit for row in page.children], [self.donganh, self.bavi])
        page = self.get(self.province_reviewer, self.hanoi, indicator="NGUOI_HOC", sort="value").context["page"]
        self.assertEqual([row.unit for row in page.children], [self.bavi, self.donganh])
        page = self.get(self.province_reviewer, self.hanoi, sort="-name").context["page"]
        self.assertEqual([row.unit for row in page.children], [self.donganh, self.bavi])

    def test_it_draws_the_children_and_the_years_as_svg_with_their_tables(self):
        response = self.get(self.province_reviewer, self.hanoi, indicator="GDHT")
        content = response.content.decode()
        self.assertIsNone(re.search(r"<script>(?!</script>)", content))
        self.assertNotIn("chart.umd", content)  # drawn on the server: no script, works without JS
        children = content[content.index('id="chart-children"') :]
        children = children[: children.index("</figure>")]
        # one dot per child with a value, in its status colour; the target tick for each child
        self.assertEqual(children.count('<circle class="point st-'), 1)
        self.assertIn("Huyện Ba Vì: 66,67 %", children)
        self.assertEqual(children.count('class="target-tick"'), 2)
        # the axis scaled to the data (66,67 % and 70 %), not 0-100 %, and said so
        ticks = re.findall(r'<text class="tick"[^>]*>([^<]+)</text>', children)
        self.assertEqual((ticks[0], ticks[-1]), ("66 %", "72 %"))
        self.assertIn("trục bắt đầu từ 66 %", children)
        self.assertIn("<details", children)
        series = content[content.index('id="chart-series"') :]
        series = series[: series.index("</figure>")]
        self.assertIn("Mốc 2025", series)
        self.assertIn("Mốc 2030", series)
        self.assertIn('class="target-mark"', series)  # the 70 % target at 2025
        self.assertIn('<td>2023</td><td class="num">66,67 %</td>', series)

    def test_it_shows_a_commune_page_without_children(self):
        response = self.get(self.reporter, self.tanlinh)
        self.assertEqual(response.status_code, 200)
        self.assertIn("60,00 %", response.content.decode())
        self.assertEqual(response.context["page"].children, [])

    def test_it_refuses_a_unit_outside_the_scope(self):
        self.assertEqual(self.get(self.province_reviewer, self.langson).status_code, 404)
        self.assertEqual(self.get(self.other_province_reviewer, self.hanoi).status_code, 404)
        self.assertEqual(self.get(self.reporter, self.batrai).status_code, 404)
        self.assertEqual(self.get(self.district_officer, self.hanoi).status_code, 404)

    def test_it_refuses_a_bad_period(self):
        for code in ("2023Q5", "20x3", "1800", "2023S3"):
            with self.subTest(code=code):
                self.assertEqual(self.get(self.province_reviewer, self.hanoi, code).status_code, 404)

    def test_it_refuses_a_plan_outside_the_units_chain(self):
        self.assertEqual(self.get(self.province_reviewer, self.hanoi, plan=self.langson_plan.pk).status_code, 404)
        self.assertEqual(self.get(self.province_reviewer, self.hanoi, plan=self.plan.pk).status_code, 200)

    def test_it_restricts_to_one_plans_indicators(self):
        page = self.get(self.province_reviewer, self.hanoi, plan=self.plan.pk).context["page"]
        self.assertEqual([row.indicator for row in page.rows], [self.families])

    def test_it_redirects_the_index_to_the_users_unit_and_latest_year(self):
        self.client.force_login(self.reporter)
        response = self.client.get(reverse("reports:rollup_index"))
        self.assertRedirects(response, url(self.tanlinh, "2023"))
        self.client.force_login(self.other_district_officer)
        self.assertRedirects(self.client.get(reverse("reports:rollup_index")), url(self.donganh, "2023"))
        self.client.force_login(self.admin)  # no unit: the national root
        self.assertRedirects(self.client.get(reverse("reports:rollup_index")), url(Unit.objects.get(code="VN"), "2023"))

    def test_it_needs_a_login(self):
        response = self.client.get(url(self.hanoi))
        self.assertEqual(response.status_code, 302)

    def page_queries(self) -> int:
        self.client.force_login(self.province_reviewer)
        with CaptureQueriesContext(connection) as ctx:
            response = self.client.get(url(self.hanoi))
        self.assertEqual(response.status_code, 200)
        return len(ctx.captured_queries)

    def test_it_uses_the_same_number_of_queries_on_a_larger_tree(self):
        small = self.page_queries()
        self.assertLessEqual(small, 50)  # with the series chart: the year periods, one roll-up per year, milestones
        # Five more districts of four communes, each with values, and more indicators with targets.
        extra = [
            Indicator.objects.create(code=f"TL{n}", name=f"Tỷ lệ {n}", measure=Measure.RATIO) for n in range(4)
        ] + [Indicator.objects.create(code=f"SL{n}", name=f"Số {n}", measure=Measure.COUNT) for n in range(3)]
        for indicator in extra:
            Target.objects.create(plan=self.plan, unit=self.hanoi, indicator=indicator, year=2025, value=50)
        for d in range(5):
            district = make_unit(self.hanoi, f"9{d:02d}", f"Huyện {d}", UnitKind.RURAL_DISTRICT)
            for c in range(4):
                commune = make_unit(district, f"8{d:02d}{c:02d}", f"Xã {d}-{c}")
                for indicator in [self.families, self.people, *extra]:
                    fields = {"value": c} if indicator.measure == Measure.COUNT else {"numerator": c, "denominator": 4}
                    Value.objects.create(unit=commune, indicator=indicator, period=self.p, **fields)
        self.client.force_login(self.province_reviewer)
        with self.assertNumQueries(small):
            response = self.client.get(url(self.hanoi))
        self.assertEqual(len(response.context["page"].children), 7)
        self.assertEqual(len(response.context["page"].rows), 4 + len(extra))


class DemoValuesTests(PersonasTestCase):
    def test_it_loads_plausible_marked_demo_values_idempotently(self):
        ytich = make_unit(self.chilang, "06520", "Xã Y Tịch (mã 06520)")
        families = Indicator.objects.create(
            code="GDHT", name="Gia đình học tập", measure=Measure.RATIO, denominator_label="Tổng số hộ gia đình"
        )
        standard = Indicator.objects.create(code="PC", name="Phổ cập", measure=Measure.STANDARD, max_level=3)
        Indicator.objects.create(code="TT", name="Trung tâm", measure=Measure.COUNT)
        Indicator.objects.create(code="TINH", name="Cấp tỉnh", measure=Measure.RATIO, entry_level=Level.PROVINCE)

        created = demo_values_load(seed=7)
        # 3 Hà Nội communes + Y Tịch, 3 commune-level indicators (no targets yet), 4 years.
        self.assertEqual(created, 4 * 3 * 4)
        self.assertEqual(demo_values_load(seed=7), 0)
        values = Value.objects.all()
        self.assertEqual({v.entry_path for v in values}, {EntryPath.DEMO})
        self.assertEqual({v.comment for v in values}, {DEMO_COMMENT})
        self.assertEqual({v.unit for v in values}, {self.tanlinh, self.batrai, self.coloa, ytich})
        for v in values.filter(indicator=families):
            self.assertTrue(0 <= v.numerator <= v.denominator and 450 <= v.denominator <= 3500)  # families
        self.assertTrue(all(0 <= v.value <= 3 for v in values.filter(indicator=standard)))
        # One "created" history row per value, the same figures.
        history = Value.history.filter(history_type="+")
        self.assertEqual(history.count(), created)
        first = values.filter(indicator=families).first()
        record = history.get(id=first.pk)
        self.assertEqual(
            (record.numerator, record.denominator, record.entry_path),
            (first.numerator, first.denominator, EntryPath.DEMO),
        )
        self.assertIsNotNone(first.updated_at.tzinfo)

    def test_it_uses_only_the_targeted_indicators_once_plans_have_targets(self):
        families = Indicator.objects.create(code="GDHT", name="Gia đình học tập", measure=Measure.RATIO)
        Indicator.objects.create(code="TT", name="Trung tâm", measure=Measure.COUNT)
        plan = Plan.objects.create(unit=self.hanoi, issuing_body="UBND", title="KH", start_year=2021, end_year=2030)
        Target.objects.create(plan=plan, unit=self.hanoi, indicator=families, year=2025, value=70)
        self.assertEqual(demo_values_load(), 3 * 4)
        self.assertEqual(set(Value.objects.values_list("indicator__code", flat=True)), {"GDHT"})
