"""Who is expected to report, to whom and by when, in both structures, and the same due date on every page.

Hà Nội's KH 290 asks "the units below" to report before 1/12 each year: in 2024 its districts and their
communes (each to the unit above it), from the reform of 1 July 2025 its communes. Y Tịch's plan asks the commune
itself; Củ Chi's plan asks its communes only.
"""

import datetime

from django.urls import reverse

from plans.models import Frequency, Plan, PlanStatus, Reporters, ReportingRule
from plans.periods import period_get_or_create
from plans.reporting import deadline_for, deadlines_around, expected_q, recipient_of
from plans.services import deadlines_generate
from units.models import LEGACY_LAST_DAY, REFORM_DAY, Unit, UnitKind

from .base import PersonasTestCase
from .factories import make_unit


class ReportingTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # The legacy units end on 30/6/2025; two communes of the two-level structure start on 1/7/2025.
        Unit.objects.filter(kind__in=[UnitKind.RURAL_DISTRICT, UnitKind.COMMUNE]).update(valid_to=LEGACY_LAST_DAY)
        cls.new_bavi = make_unit(cls.hanoi, "09634", "Xã Cổ Đô (mới)", valid_from=REFORM_DAY)
        cls.new_coloa = make_unit(cls.hanoi, "00500", "Xã Cổ Loa (mới)", valid_from=REFORM_DAY)
        cls.kh290 = cls.plan(cls.hanoi, Reporters.SUBTREE, ["12-01"])
        cls.ytich_plan = cls.plan(cls.ytich, Reporters.OWN, ["11-15"])

    @classmethod
    def plan(cls, unit, reporters, due_days):
        plan = Plan.objects.create(unit=unit, issuing_body="UBND", title="Kế hoạch XHHT 2021-2030", start_year=2021,
                                   end_year=2030, status=PlanStatus.ISSUED)  # fmt: skip
        ReportingRule.objects.create(plan=plan, frequency=Frequency.YEARLY, due_days=due_days, reporters=reporters)
        deadlines_generate(plan=plan)
        return plan

    def expected(self, unit, code) -> set[str]:
        period = period_get_or_create(code=code)
        q = expected_q(unit, period, deadlines_around(unit, [period]))
        return set(Unit.objects.filter(q).values_list("code", flat=True)) if q is not None else set()


class WhoReportsTests(ReportingTestCase):
    def test_it_expects_the_districts_and_their_communes_before_the_reform(self):
        self.assertEqual(self.expected(self.hanoi, "2024"), {"271", "09910", "09913", "017", "00499"})
        self.assertEqual(self.expected(self.bavi, "2024"), {"271", "09910", "09913"})  # Ba Vì and its communes

    def test_it_expects_the_communes_of_the_two_level_structure_from_2025(self):
        self.assertEqual(self.expected(self.hanoi, "2025"), {"09634", "00500"})
        self.assertEqual(self.expected(self.hanoi, "2030"), {"09634", "00500"})

    def test_it_asks_a_commune_plan_of_the_commune_itself(self):
        self.assertEqual(self.expected(self.ytich, "2024"), {"06187"})

    def test_it_gives_each_unit_the_nearest_plans_due_date_and_the_unit_above_as_recipient(self):
        period = period_get_or_create(code="2024")
        self.assertEqual(deadline_for(unit=self.tanlinh, period=period).due_date, datetime.date(2024, 12, 1))
        self.assertEqual(deadline_for(unit=self.ytich, period=period).due_date, datetime.date(2024, 11, 15))
        self.assertIsNone(deadline_for(unit=self.chilang, period=period))  # no plan asks Chi Lăng
        self.assertEqual(recipient_of(self.tanlinh, period), self.bavi)


class SameDueDateEverywhereTests(ReportingTestCase):
    def test_it_shows_the_communes_due_date_on_its_entry_list_report_page_and_the_district_dashboard(self):
        self.client.force_login(self.reporter)
        entry = self.client.get(reverse("reports:entry_index"))
        row = next(r for r in entry.context["rows"] if r.period.code == "2024")
        self.assertEqual(row.due_date, datetime.date(2024, 12, 1))
        report = self.client.get(reverse("reports:submission", args=[self.tanlinh.pk, "2024"]))
        self.assertEqual(report.context["page"].due_date, datetime.date(2024, 12, 1))
        self.assertContains(report, "01/12/2024")
        self.client.force_login(self.district_officer)
        dashboard = self.client.get(reverse("reports:dashboard", args=[self.bavi.pk, "2024"]))
        page = dashboard.context["page"]
        self.assertTrue(page.has_rules)
        self.assertEqual((page.own.expected, page.below.expected), (1, 2))  # Ba Vì itself and its two communes
