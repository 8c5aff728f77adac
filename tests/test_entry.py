"""The entry form: the grid of a unit and period, partial saves, scope, on-behalf entry, constant queries."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Indicator, Measure
from plans.models import Frequency, Period, Reporters, ReportingRule, Target
from plans.periods import period_get_or_create
from plans.services import deadlines_generate
from reports.display import value_text
from reports.models import EntryPath, Value
from reports.services.values import ValueRow, values_record
from units.models import Level

from .base import PersonasTestCase, grid_data
from .factories import make_plan


def entry_url(unit, period="2023"):
    return reverse("reports:entry", args=[unit.pk, period])


class EntryTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.literacy = Indicator.objects.create(
            code="XMC_15_60",
            name="Tỷ lệ người 15-60 tuổi biết chữ",
            measure=Measure.RATIO,
            entry_level=Level.COMMUNE,
            numerator_label="Số người biết chữ",
            denominator_label="Số người 15-60 tuổi",
            unit_of_measure="%",
        )
        cls.centres = Indicator.objects.create(
            code="TTHTCD", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT, unit_of_measure="trung tâm"
        )
        cls.standard = Indicator.objects.create(
            code="XMC2", name="Đạt chuẩn xóa mù chữ", measure=Measure.STANDARD, max_level=2
        )
        cls.families = Indicator.objects.create(code="GDHT_SL", name="Số gia đình học tập", measure=Measure.COUNT)
        cls.district_only = Indicator.objects.create(
            code="HUYEN_HT", name="Huyện học tập", measure=Measure.STANDARD, entry_level=Level.DISTRICT
        )
        cls.plan = make_plan(cls.hanoi, number="74/KH-UBND", issued_on=datetime.date(2021, 3, 15))
        target = Target.objects.create
        target(plan=cls.plan, indicator=cls.literacy, unit=cls.hanoi, year=2025, value=Decimal("98.5"))
        target(plan=cls.plan, indicator=cls.centres, unit=cls.tanlinh, year=2025, value=2)
        target(plan=cls.plan, indicator=cls.standard, unit=cls.hanoi, year=2025, value=100, standard_level=2)
        # A count target of the city is not a target of each commune.
        target(plan=cls.plan, indicator=cls.families, unit=cls.hanoi, year=2030, value=500)
        target(plan=cls.plan, indicator=cls.district_only, unit=cls.hanoi, year=2025, value=100)
        values_record(
            rows=[
                ValueRow(row=1, unit_code="09910", indicator_code="TTHTCD", period="2022", value="3"),
                ValueRow(
                    row=2, unit_code="09910", indicator_code="XMC_15_60", period="2022", numerator=90, denominator=100
                ),
            ],
            user=cls.reporter,
        )

    def rows_by_code(self, response):
        return {row.indicator.code: row for row in response.context["grid"].rows}


class EntryGridTests(EntryTestCase):
    def test_it_lists_the_indicators_of_the_units_level_with_target_and_last_value(self):
        self.client.force_login(self.reporter)
        response = self.client.get(entry_url(self.tanlinh))
        self.assertEqual(response.status_code, 200)
        rows = self.rows_by_code(response)
        self.assertEqual(set(rows), {"XMC_15_60", "TTHTCD", "XMC2", "GDHT_SL"})
        # Ratios and standards inherit the city's target; counts only take the commune's own.
        self.assertEqual((rows["XMC_15_60"].target.value, rows["XMC_15_60"].target_inherited), (Decimal("98.5"), True))
        self.assertEqual((rows["TTHTCD"].target.value, rows["TTHTCD"].target_inherited), (2, False))
        self.assertIsNone(rows["GDHT_SL"].target)
        self.assertEqual(rows["TTHTCD"].previous.value, 3)
        self.assertEqual(value_text(rows["XMC_15_60"].previous, self.literacy), "90/100 (90,00 %)")
        self.assertContains(response, "≥ 98,5 %")
        self.assertContains(response, "Số người biết chữ")
        self.assertContains(response, '<option value="2">Mức 2</option>', html=True)
        self.assertContains(response, "js/entry.js")

    def test_it_refuses_a_bad_period_code(self):
        self.client.force_login(self.reporter)
        for code in ("2023Q5", "2023S3", "abc", "99999"):
            self.assertEqual(self.client.get(entry_url(self.tanlinh, code)).status_code, 404, code)

    def test_it_accepts_quarters_and_shows_the_previous_quarter(self):
        self.client.force_login(self.reporter)
        response = self.client.get(entry_url(self.tanlinh, "2023q1"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["grid"].previous_code, "2022Q4")
        self.assertFalse(Period.objects.filter(code="2023Q1").exists())  # a GET creates nothing

    def test_it_says_when_there_is_nothing_to_report(self):
        self.client.force_login(self.other_province_reviewer)
        response = self.client.get(entry_url(self.ytich))
        self.assertContains(response, 'id="entry-nothing"')
        self.assertNotContains(response, 'id="entry-form"')

    def test_it_says_upper_levels_are_rolled_up_and_links_the_communes(self):
        self.client.force_login(self.district_officer)
        response = self.client.get(entry_url(self.bavi))
        # Ba Vì enters its district-level indicator; the commune ones are rolled up.
        self.assertEqual(set(self.rows_by_code(response)), {"HUYEN_HT"})
        self.assertContains(response, entry_url(self.tanlinh))
        self.assertContains(response, entry_url(self.batrai))
        self.client.force_login(self.province_reviewer)
        response = self.client.get(entry_url(self.hanoi))
        self.assertContains(response, "tổng hợp tự động")
        self.assertContains(response, reverse("reports:rollup", kwargs={"unit_id": self.hanoi.pk, "period": "2023"}))
        self.assertContains(response, entry_url(self.bavi))


class EntrySaveTests(EntryTestCase):
    def post(self, unit, changes, period="2023", page=None):
        """Post the grid of ``unit`` as the page shows it (``page``: a response already shown), with changes."""
        page = page or self.client.get(entry_url(unit, period))
        if page.status_code != 200:
            return self.client.post(entry_url(unit, period), {})
        return self.client.post(entry_url(unit, period), grid_data(page, changes))

    def test_it_saves_the_valid_cells_and_reshows_the_invalid_one_as_typed(self):
        self.client.force_login(self.reporter)
        response = self.post(
            self.tanlinh,
            {
                "XMC_15_60": {"numerator": "120", "denominator": "100", "comment": "số liệu điều tra"},
                "TTHTCD": {"value": "4"},
                "XMC2": {"value": "2"},
            },
        )
        self.assertEqual(response.status_code, 200)
        saved = {v.indicator.code: v for v in Value.objects.filter(period__code="2023")}
        self.assertEqual(set(saved), {"TTHTCD", "XMC2"})
        self.assertEqual((saved["TTHTCD"].value, saved["TTHTCD"].entry_path), (4, EntryPath.FORM))
        # The invalid cell keeps what was typed, with its message next to it.
        self.assertContains(response, 'value="120"')
        self.assertContains(response, 'value="số liệu điều tra"')
        self.assertContains(response, "Tử số (120) không được lớn hơn mẫu số (100).")  # in Vietnamese format
        self.assertContains(response, "is-invalid")
        rows = {form.row.indicator.code: form for form in response.context["formset"]}
        self.assertIn("numerator", rows["XMC_15_60"].errors)

        # Correcting the cell saves it; the cells saved before are not a conflict.
        response = self.post(self.tanlinh, {"XMC_15_60": {"numerator": "95"}}, page=response)
        self.assertRedirects(response, entry_url(self.tanlinh), fetch_redirect_response=False)
        value = Value.objects.get(indicator=self.literacy, period__code="2023")
        self.assertEqual((value.numerator, value.percent), (Decimal("95"), Decimal("95")))
        page = self.client.get(entry_url(self.tanlinh))
        self.assertContains(page, "95,00 %")  # the percentage, computed by the server after saving
        self.assertContains(page, 'value="95"')

    def test_it_records_nothing_to_report_and_skips_untouched_rows(self):
        self.client.force_login(self.reporter)
        response = self.post(self.tanlinh, {"GDHT_SL": {"not_applicable": True}})
        self.assertRedirects(response, entry_url(self.tanlinh), fetch_redirect_response=False)
        self.assertEqual(
            [(v.indicator.code, v.not_applicable) for v in Value.objects.filter(period__code="2023")],
            [("GDHT_SL", True)],
        )

    def test_it_shows_warnings_as_warnings(self):
        self.client.force_login(self.reporter)
        response = self.post(self.tanlinh, {"TTHTCD": {"value": "40"}}, period="2023")
        self.assertEqual(Value.objects.get(period__code="2023").value, 40)
        page = self.client.get(response.url)
        levels = [m.level_tag for m in page.context["messages"]]
        self.assertEqual(levels, ["success", "warning"])

    def test_it_refuses_a_reporter_on_another_commune(self):
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.get(entry_url(self.batrai)).status_code, 404)
        self.assertEqual(self.client.get(entry_url(self.coloa)).status_code, 404)
        self.assertEqual(self.client.get(entry_url(self.bavi)).status_code, 404)
        self.assertEqual(self.post(self.batrai, {"TTHTCD": {"value": "1"}}).status_code, 404)
        self.client.force_login(self.other_district_officer)
        self.assertEqual(self.client.get(entry_url(self.tanlinh)).status_code, 404)
        self.assertFalse(Value.objects.filter(period__code="2023").exists())

    def test_it_lets_the_district_officer_enter_on_behalf_of_a_commune(self):
        self.client.force_login(self.district_officer)
        response = self.post(self.tanlinh, {"TTHTCD": {"value": "5"}})
        self.assertEqual(response.status_code, 302)
        value = Value.objects.get(period__code="2023")
        self.assertEqual(
            (value.unit, value.entered_by, value.entered_by_unit, value.entered_on_behalf),
            (self.tanlinh, self.district_officer, self.bavi, True),
        )
        self.client.force_login(self.reporter)
        page = self.client.get(entry_url(self.tanlinh))
        self.assertContains(page, "nhập thay bởi Huyện Ba Vì")

    def test_it_keeps_the_typed_value_when_someone_else_saved_first(self):
        self.client.force_login(self.reporter)
        shown = self.client.get(entry_url(self.tanlinh))
        # Meanwhile the district officer enters the commune's figure.
        values_record(
            rows=[ValueRow(row=1, unit_code="09910", indicator_code="TTHTCD", period="2023", value="6")],
            user=self.district_officer,
        )
        response = self.post(self.tanlinh, {"TTHTCD": {"value": "7"}}, page=shown)
        self.assertContains(response, "Giá trị vừa được")
        self.assertContains(response, 'value="7"')
        self.assertEqual(Value.objects.get(period__code="2023").value, 6)
        # Having seen the other figure, saving again overwrites it on purpose.
        response = self.post(self.tanlinh, {}, page=response)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Value.objects.get(period__code="2023").value, 7)

    def test_it_refuses_to_save_a_locked_period(self):
        period = period_get_or_create(code="2023")
        Period.objects.filter(pk=period.pk).update(is_closed=True)
        self.client.force_login(self.reporter)
        page = self.client.get(entry_url(self.tanlinh))
        self.assertContains(page, 'id="entry-locked"')
        self.assertContains(page, "disabled")
        self.post(self.tanlinh, {"TTHTCD": {"value": "5"}})
        self.assertFalse(Value.objects.filter(period=period).exists())


class EntryQueriesTests(EntryTestCase):
    def count_queries(self):
        self.client.force_login(self.reporter)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(entry_url(self.tanlinh))
        self.assertEqual(response.status_code, 200)
        return len(response.context["grid"].rows), len(queries)

    def test_it_uses_a_constant_number_of_queries_whatever_the_number_of_indicators(self):
        Target.objects.filter(indicator__in=[self.families]).delete()
        period_get_or_create(code="2023")  # as after a first save: the period exists, so its locks are read
        rows, few = self.count_queries()
        self.assertEqual(rows, 3)
        extra = [
            Indicator.objects.create(
                code=f"EXTRA{n}", name=f"Chỉ tiêu {n}", measure=[Measure.COUNT, Measure.RATIO][n % 2]
            )
            for n in range(9)
        ]
        for n, indicator in enumerate(extra):
            Target.objects.create(plan=self.plan, indicator=indicator, unit=self.tanlinh, year=2025, value=n + 1)
        values_record(
            rows=[
                ValueRow(
                    row=n,
                    unit_code="09910",
                    indicator_code=indicator.code,
                    period=period,
                    value=None if indicator.measure == Measure.RATIO else 1,
                    numerator=1 if indicator.measure == Measure.RATIO else None,
                    denominator=2 if indicator.measure == Measure.RATIO else None,
                )
                for n, indicator in enumerate(extra)
                for period in ("2022", "2023")
            ],
            user=self.reporter,
        )
        rows, many = self.count_queries()
        self.assertEqual(rows, 12)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 11)  # 10, and one for a returned report's reasons and remarks


class EntryIndexTests(EntryTestCase):
    def test_it_lists_the_periods_of_the_plans_reporting_calendar(self):
        rule = ReportingRule.objects.create(
            plan=self.plan,
            frequency=Frequency.YEARLY,
            due_days=["12-15"],
            reporters=Reporters.LEVEL,
            reporting_level=Level.COMMUNE,
        )
        deadlines_generate(plan=self.plan)
        self.assertTrue(rule.deadlines.exists())
        self.client.force_login(self.reporter)
        response = self.client.get(reverse("reports:entry_index"))
        self.assertEqual(response.status_code, 200)
        codes = [row.period.code for row in response.context["rows"]]
        self.assertEqual(codes, [str(year) for year in range(2021, 2031)])
        self.assertContains(response, entry_url(self.tanlinh, "2023"))
        row_2022 = next(r for r in response.context["rows"] if r.period.code == "2022")
        self.assertEqual((row_2022.due_date, row_2022.values_count), (datetime.date(2022, 12, 15), 2))

    def test_it_shows_another_unit_in_scope_only(self):
        self.client.force_login(self.district_officer)
        self.assertEqual(self.client.get(reverse("reports:entry_index"), {"unit": self.tanlinh.pk}).status_code, 200)
        self.assertEqual(self.client.get(reverse("reports:entry_index"), {"unit": self.coloa.pk}).status_code, 404)
        self.client.force_login(self.admin)
        self.assertContains(self.client.get(reverse("reports:entry_index")), "Thành phố Hà Nội")
