"""What people see on the plan pages: scope, the targets table, tasks, the reporting calendar, the target
form and the back office."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import Indicator, Measure
from plans.models import (
    Deadline,
    DueKind,
    Frequency,
    Plan,
    PlanStatus,
    ReportingRule,
    Target,
    TargetKind,
    Task,
    TaskStatus,
)
from plans.services import deadlines_generate

from .base import PersonasTestCase
from .factories import AgencyFactory, make_plan


def make_indicator(code: str, name: str, measure: str = Measure.RATIO, unit_of_measure: str = "%") -> Indicator:
    return Indicator.objects.create(code=code, name=name, measure=measure, unit_of_measure=unit_of_measure)


class PlanPagesTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.literacy = make_indicator("XMC_15_60", "Tỷ lệ người 15-60 tuổi biết chữ")
        cls.families = make_indicator("GDHT", "Tỷ lệ gia đình học tập")
        cls.clcs = make_indicator("TTHTCD", "Số trung tâm học tập cộng đồng", Measure.COUNT, "trung tâm")

        cls.plan = make_plan(cls.hanoi, number="74/KH-UBND", issued_on=datetime.date(2021, 3, 15))
        cls.district_plan = make_plan(
            cls.bavi,
            issuing_body="UBND huyện Ba Vì",
            number="120/KH-UBND",
            issued_on=datetime.date(2021, 6, 1),
            title="Xây dựng xã hội học tập huyện Ba Vì",
            parent=cls.plan,
        )
        cls.donganh_plan = make_plan(
            cls.donganh,
            issuing_body="UBND huyện Đông Anh",
            number="55/KH-UBND",
            title="Kế hoạch học tập suốt đời Đông Anh",
            parent=cls.plan,
            status=PlanStatus.DRAFT,
        )
        cls.langson_plan = make_plan(
            cls.langson,
            issuing_body="UBND tỉnh Lạng Sơn",
            number="183/KH-UBND",
            title="Kế hoạch xã hội học tập Lạng Sơn",
            status=PlanStatus.DRAFT,
        )

        target = Target.objects.create
        target(plan=cls.plan, indicator=cls.literacy, unit=cls.hanoi, year=2025, value=Decimal("99.5"))
        target(plan=cls.plan, indicator=cls.literacy, unit=cls.hanoi, year=2030, kind=TargetKind.MAINTAIN)
        target(
            plan=cls.plan,
            indicator=cls.families,
            unit=cls.hanoi,
            year=2025,
            kind=TargetKind.BETWEEN,
            value=Decimal("40"),
            value_max=Decimal("60"),
        )
        target(plan=cls.plan, indicator=cls.families, unit=cls.hanoi, year=2030, kind=TargetKind.INCREASE)
        target(plan=cls.plan, indicator=cls.clcs, unit=cls.hanoi, year=2023, kind=TargetKind.EXACTLY, value=1200)
        target(plan=cls.plan, indicator=cls.literacy, unit=cls.bavi, year=2025, value=Decimal("98.25"))

        cls.partner = AgencyFactory(unit=cls.hanoi, name="Hội Khuyến học Thành phố Hà Nội")
        cls.overdue_task = Task.objects.create(
            plan=cls.plan,
            order=1,
            title="Rà soát, đánh giá mức độ đạt chuẩn xóa mù chữ",
            lead=cls.so_gddt,
            due_kind=DueKind.QUARTER,
            due_year=2023,
            due_quarter=3,
        )
        cls.overdue_task.partners.add(cls.partner)
        Task.objects.create(
            plan=cls.plan,
            order=2,
            title="Tổng kết phong trào gia đình học tập",
            lead=cls.partner,
            due_kind=DueKind.DATE,
            due_date=datetime.date(2030, 12, 31),
        )
        Task.objects.create(
            plan=cls.plan,
            order=3,
            title="Ban hành bộ tiêu chí đơn vị học tập",
            lead=cls.so_gddt,
            due_kind=DueKind.YEAR,
            due_year=2022,
            status=TaskStatus.DONE,
        )
        ReportingRule.objects.create(plan=cls.plan, frequency=Frequency.HALF_YEARLY, due_days=["06-15", "12-15"])
        deadlines_generate(plan=cls.plan)


class PlanListTests(PlanPagesTestCase):
    def test_it_lists_the_plans_above_and_below_a_commune_reporter(self):
        self.client.force_login(self.reporter)
        response = self.client.get(reverse("plans:list"))
        self.assertContains(response, "74/KH-UBND")
        self.assertContains(response, "120/KH-UBND")
        self.assertNotContains(response, "55/KH-UBND")
        self.assertNotContains(response, "Lạng Sơn")

    def test_it_filters_by_unit_level_year_and_status(self):
        self.client.force_login(self.province_reviewer)
        url = reverse("plans:list")
        province, district, donganh = (
            f'href="{p.get_absolute_url()}"' for p in (self.plan, self.district_plan, self.donganh_plan)
        )
        response = self.client.get(url, {"unit": "Ba Vì"})
        self.assertContains(response, district)
        self.assertNotContains(response, province)
        response = self.client.get(url, {"unit": "271"})
        self.assertContains(response, district)
        self.assertNotContains(response, donganh)
        response = self.client.get(url, {"level": "province"})
        self.assertContains(response, province)
        self.assertNotContains(response, district)
        self.assertNotContains(self.client.get(url, {"year": 2031}), province)
        self.assertContains(self.client.get(url, {"year": 2025}), province)
        response = self.client.get(url, {"status": PlanStatus.DRAFT})
        self.assertContains(response, donganh)
        self.assertNotContains(response, province)

    def test_it_ignores_a_year_that_is_not_a_number(self):
        self.client.force_login(self.province_reviewer)
        response = self.client.get(reverse("plans:list"), {"year": "hai nghìn"})
        self.assertEqual(response.status_code, 200)


class PlanDetailTests(PlanPagesTestCase):
    def detail(self, user, plan=None):
        self.client.force_login(user)
        return self.client.get(reverse("plans:detail", args=[(plan or self.plan).pk]))

    def test_it_answers_404_to_another_province(self):
        self.assertEqual(self.detail(self.other_province_reviewer).status_code, 404)
        self.assertEqual(self.detail(self.other_province_reviewer, self.langson_plan).status_code, 200)

    def test_it_shows_the_header_and_the_child_plans_in_scope(self):
        response = self.detail(self.reporter)
        self.assertContains(response, "UBND Thành phố Hà Nội")
        self.assertContains(response, "15/03/2021")
        self.assertContains(response, "2021–2030")
        self.assertContains(response, "Đã ban hành")
        self.assertContains(response, self.district_plan.get_absolute_url())
        self.assertNotContains(response, "55/KH-UBND")

    def test_it_links_the_parent_plan(self):
        response = self.detail(self.reporter, self.district_plan)
        self.assertContains(response, f'href="{self.plan.get_absolute_url()}"')

    def test_it_shows_targets_the_vietnamese_way_with_milestone_columns_first(self):
        response = self.detail(self.reporter)
        content = response.content.decode()
        self.assertIn("≥ 99,5 %", content)
        self.assertIn("duy trì", content)
        self.assertIn("40–60 %", content)
        self.assertIn("tăng dần hằng năm", content)
        self.assertIn("1.200", content)
        self.assertLess(content.index("Đến năm 2025"), content.index("Đến năm 2030"))
        self.assertLess(content.index("Đến năm 2030"), content.index("Năm 2023"))

    def test_it_lists_targets_of_other_units_separately(self):
        response = self.detail(self.reporter)
        self.assertContains(response, "Chỉ tiêu giao cho đơn vị khác")
        self.assertContains(response, "Huyện Ba Vì")
        self.assertContains(response, "≥ 98,25 %")

    def test_it_groups_tasks_by_lead_and_marks_the_overdue_one(self):
        response = self.detail(self.reporter)
        self.assertContains(response, "Chủ trì: Sở Giáo dục và Đào tạo Hà Nội")
        self.assertContains(response, "Chủ trì: Hội Khuyến học Thành phố Hà Nội")
        self.assertContains(response, "Quý 3 năm 2023")
        self.assertContains(response, "31/12/2030")
        self.assertContains(response, "Quá hạn</span>", count=1)
        self.assertContains(response, "1 nhiệm vụ quá hạn")

    def test_it_shows_the_reporting_calendar_with_the_next_deadline(self):
        response = self.detail(self.reporter)
        self.assertContains(response, "6 tháng đầu năm 2025")
        self.assertContains(response, "15/06/2025")
        self.assertContains(response, "15/12/2030")
        self.assertContains(response, "Sắp đến hạn", count=1)

    def test_it_offers_the_target_form_to_editors_only(self):
        add_url = reverse("plans:target_create", args=[self.plan.pk])
        self.assertContains(self.detail(self.province_reviewer), add_url)
        self.assertNotContains(self.detail(self.reporter), add_url)


class PlanDetailQueryTests(PersonasTestCase):
    """The detail page runs the same number of queries for a small plan and a big one."""

    def make_plan(self, size: int) -> Plan:
        plan = make_plan(self.hanoi, number=f"{size}/KH-UBND", title=f"Kế hoạch {size}", status=PlanStatus.DRAFT)
        Plan.objects.create(
            unit=self.bavi, issuing_body="UBND huyện Ba Vì", title="Con", parent=plan, start_year=2021, end_year=2030
        )
        for index in range(size):
            indicator = make_indicator(f"I{size}_{index}", f"Chỉ tiêu {index}")
            Target.objects.create(plan=plan, indicator=indicator, unit=self.hanoi, year=2025, value=Decimal("90"))
            Target.objects.create(plan=plan, indicator=indicator, unit=self.bavi, year=2030, value=Decimal("95"))
            lead = AgencyFactory(unit=self.hanoi, name=f"Cơ quan {size}-{index}")
            task = Task.objects.create(
                plan=plan, order=index, title=f"Nhiệm vụ {index}", lead=lead, due_kind=DueKind.YEAR, due_year=2022
            )
            task.partners.add(self.so_gddt, self.phong_bavi)
            ReportingRule.objects.create(plan=plan, frequency=Frequency.YEARLY, due_days=["12-15"])
        deadlines_generate(plan=plan)
        return plan

    def count_queries(self, plan: Plan) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("plans:detail", args=[plan.pk]))
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_it_runs_a_constant_number_of_queries(self):
        small, big = self.make_plan(3), self.make_plan(30)
        self.assertEqual(Deadline.objects.filter(plan=big).count(), 300)
        self.client.force_login(self.province_reviewer)
        self.client.get(reverse("plans:detail", args=[small.pk]))  # warm the session
        expected = self.count_queries(small)
        with self.assertNumQueries(expected):
            self.client.get(reverse("plans:detail", args=[small.pk]))
        with self.assertNumQueries(expected):
            self.client.get(reverse("plans:detail", args=[big.pk]))
        self.assertEqual(expected, 10)  # who may edit is read from the plan and the user (accounts.policy), no query


class TargetFormTests(PlanPagesTestCase):
    def url(self, plan=None):
        return reverse("plans:target_create", args=[(plan or self.plan).pk])

    def post(self, user, **data):
        self.client.force_login(user)
        payload = {
            "indicator": self.literacy.pk,
            "unit": self.hanoi.pk,
            "year": 2027,
            "kind": TargetKind.AT_LEAST,
            "value": "97,5",
            "value_max": "",
            "note": "",
        }
        payload.update(data)
        return self.client.post(self.url(), payload)

    def test_it_lets_a_province_reviewer_add_a_target(self):
        response = self.post(self.province_reviewer)
        self.assertRedirects(response, self.plan.get_absolute_url() + "#chi-tieu", fetch_redirect_response=False)
        target = Target.objects.get(plan=self.plan, indicator=self.literacy, year=2027)
        self.assertEqual(target.value, Decimal("97.5"))
        self.assertContains(self.client.get(self.plan.get_absolute_url()), "≥ 97,5 %")

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assertEqual(Target.objects.filter(plan=self.plan).count(), 6)

    def test_it_refuses_a_year_outside_the_plan(self):
        self.assert_refused(
            self.post(self.province_reviewer, year=2035), "Năm 2035 nằm ngoài thời gian của kế hoạch (2021–2030)."
        )

    def test_it_refuses_a_percentage_over_100(self):
        self.assert_refused(self.post(self.province_reviewer, value="120"), "Tỷ lệ không được vượt quá 100%.")

    def test_it_refuses_a_duplicate_target(self):
        self.assert_refused(
            self.post(self.province_reviewer, year=2025), "Kế hoạch đã có chỉ tiêu này cho đơn vị và năm này."
        )

    def test_it_refuses_a_value_that_is_not_a_number(self):
        response = self.post(self.province_reviewer, value="nhiều")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Target.objects.filter(plan=self.plan).count(), 6)

    def test_it_refuses_a_unit_outside_the_plan(self):
        response = self.post(self.province_reviewer, unit=self.langson.pk)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Target.objects.filter(plan=self.plan).count(), 6)

    def test_it_answers_403_with_a_reason_to_a_reporter_who_can_only_see(self):
        self.client.force_login(self.reporter)
        response = self.client.get(self.url())
        self.assertContains(response, "Bạn chỉ được xem kế hoạch này", status_code=403)
        self.assertEqual(self.post(self.reporter).status_code, 403)

    def test_it_answers_403_to_a_district_officer_on_the_province_plan(self):
        self.client.force_login(self.district_officer)
        self.assertEqual(self.client.get(self.url()).status_code, 403)
        self.assertEqual(self.client.get(self.url(self.district_plan)).status_code, 200)

    def test_it_answers_404_to_another_province(self):
        self.client.force_login(self.other_province_reviewer)
        self.assertEqual(self.client.get(self.url()).status_code, 404)

    def test_it_edits_an_existing_target(self):
        target = Target.objects.get(plan=self.plan, indicator=self.literacy, unit=self.hanoi, year=2025)
        self.client.force_login(self.province_reviewer)
        url = reverse("plans:target_update", args=[self.plan.pk, target.pk])
        self.assertContains(self.client.get(url), 'value="99,5"')  # as typed back: core.numbers.input_text
        response = self.client.post(
            url,
            {"indicator": self.literacy.pk, "unit": self.hanoi.pk, "year": 2025, "kind": "at_least", "value": "99,8"},
        )
        self.assertEqual(response.status_code, 302)
        target.refresh_from_db()
        self.assertEqual(target.value, Decimal("99.8"))


class PlanAdminTests(PlanPagesTestCase):
    def setUp(self):
        self.client.force_login(self.admin)

    def test_it_loads_the_plan_and_indicator_pages(self):
        for url in [
            reverse("admin:plans_plan_changelist"),
            reverse("admin:plans_plan_changelist") + "?level=province&status=issued",
            reverse("admin:plans_plan_change", args=[self.plan.pk]),
            reverse("admin:plans_plan_add"),
            reverse("admin:indicators_indicator_changelist"),
            reverse("admin:indicators_indicator_change", args=[self.literacy.pk]),
            reverse("admin:plans_deadline_changelist"),
            reverse("admin:plans_period_changelist"),
            reverse("admin:plans_document_changelist"),
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def plan_post(self, **extra):
        """The change form of the Lạng Sơn plan, which has no inline rows yet."""
        data = {
            "unit": self.langson.pk,
            "issuing_body": "UBND tỉnh Lạng Sơn",
            "kind": "plan",
            "number": "183/KH-UBND",
            "issued_on": "",
            "title": "Kế hoạch xã hội học tập Lạng Sơn",
            "status": "issued",
            "parent": "",
            "start_year": "2021",
            "end_year": "2030",
            "milestone_years": "2025, 2030",
            "purpose": "",
            "general_objective": "",
            "funding": "",
            "source_note": "",
        }
        for prefix in ["targets", "tasks", "reporting_rules", "deadlines"]:
            data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        data.update(extra)
        return self.client.post(reverse("admin:plans_plan_change", args=[self.langson_plan.pk]), data)

    def target_row(self, **values):
        row = {
            "indicator": self.literacy.pk,
            "unit": self.langson.pk,
            "year": "2025",
            "kind": "at_least",
            "value": "95",
        }
        row.update(values)
        return {"targets-TOTAL_FORMS": "1", **{f"targets-0-{k}": v for k, v in row.items()}}

    def test_it_saves_a_good_target_inline(self):
        response = self.plan_post(**self.target_row())
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Target.objects.filter(plan=self.langson_plan, year=2025).exists())

    def test_it_shows_a_bad_target_inline_as_an_error(self):
        response = self.plan_post(**self.target_row(year="2040"))
        self.assertContains(response, "Năm 2040 nằm ngoài thời gian của kế hoạch (2021–2030).")
        response = self.plan_post(**self.target_row(value="150"))
        self.assertContains(response, "Tỷ lệ không được vượt quá 100%.")
        self.assertFalse(Target.objects.filter(plan=self.langson_plan).exists())

    def test_it_refuses_an_end_year_before_the_start(self):
        response = self.plan_post(end_year="2020")
        self.assertContains(response, "Năm kết thúc phải bằng hoặc sau năm bắt đầu.")

    def test_it_generates_the_calendar_when_a_rule_is_added(self):
        rule = {
            "title": "Báo cáo kết quả",
            "frequency": Frequency.HALF_YEARLY,
            "due_days": "15/6, 15/12",
            "reporters": "subtree",
        }  # fmt: skip  (the default the form shows)
        data = {"reporting_rules-TOTAL_FORMS": "1", **{f"reporting_rules-0-{k}": v for k, v in rule.items()}}
        response = self.plan_post(**data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Deadline.objects.filter(plan=self.langson_plan).count(), 20)
        self.assertEqual(ReportingRule.objects.get(plan=self.langson_plan).due_days, ["06-15", "12-15"])

    def test_it_refuses_a_rule_with_the_wrong_number_of_days(self):
        rule = {"title": "Báo cáo", "frequency": Frequency.HALF_YEARLY, "due_days": "15/12"}
        data = {"reporting_rules-TOTAL_FORMS": "1", **{f"reporting_rules-0-{k}": v for k, v in rule.items()}}
        response = self.plan_post(**data)
        self.assertContains(response, "cần đúng 2 hạn nộp trong năm")
        self.assertFalse(ReportingRule.objects.filter(plan=self.langson_plan).exists())

    def test_it_generates_the_calendar_from_the_action(self):
        Deadline.objects.filter(plan=self.plan).delete()
        response = self.client.post(
            reverse("admin:plans_plan_changelist"),
            {"action": "generate_deadlines", "_selected_action": [self.plan.pk]},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Deadline.objects.filter(plan=self.plan).count(), 20)

    def test_it_refuses_a_threshold_over_100(self):
        data = {
            "code": self.literacy.code,
            "order": "0",
            "name": self.literacy.name,
            "category": "literacy",
            "measure": "ratio",
            "unit_of_measure": "%",
            "entry_level": "commune",
            "direction": "higher",
            "period_aggregation": "latest",
            "max_level": "1",
            "thresholds-TOTAL_FORMS": "1",
            "thresholds-INITIAL_FORMS": "0",
            "thresholds-0-level": "commune",
            "thresholds-0-standard_level": "1",
            "thresholds-0-min_percent": "120",
        }
        response = self.client.post(reverse("admin:indicators_indicator_change", args=[self.literacy.pk]), data)
        self.assertContains(response, "Ngưỡng phải từ 0 đến 100%.")
