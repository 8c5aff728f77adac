"""Plans across the reform, on the real units and lineage: a plan of a closed unit stays visible to its successor,
whose reviewer carries it over (targets inherited or replaced, history kept), and the agencies that closed in 2025
show the body that succeeded them.

Y Tịch (legacy commune 06520) went whole into Vạn Linh (2025 commune 06505) of Lạng Sơn (20, one unit across both
structures); new Hưng Yên (33) was formed from legacy Hưng Yên (33) and Thái Bình (34).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from plans.models import DueKind, Frequency, Plan, PlanStatus, Reporters, ReportingRule, Target, Task
from plans.periods import period_get_or_create
from plans.reporting import deadline_for
from plans.selectors import plan_successors
from plans.services import deadlines_generate, plan_carry_over
from units.agencies import agency_successors_load
from units.models import Agency, AgencyKind, Unit

from .factories import UserFactory, make_plan
from .test_reform import ReformTestCase, legacy_unit, new_unit

CARRY_DAY = datetime.date(2025, 9, 1)
BASIS = "Quyết định số 15/QĐ-UBND ngày 01/9/2025 của UBND xã Vạn Linh"


class CarryOverTestCase(ReformTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        plan = cls.ytich_plan
        plan.milestone_years = [2025, 2030]
        plan.save()
        for year, value in ((2023, 60), (2025, 70), (2030, 80)):
            Target.objects.create(plan=plan, indicator=cls.family, unit=cls.ytich, year=year, value=Decimal(value),
                                  note="Mục II.1")  # fmt: skip
        cls.committee = Agency.objects.create(
            unit=cls.ytich, name="Ủy ban nhân dân xã Y Tịch", kind=AgencyKind.PEOPLES_COMMITTEE
        )
        cls.phong_gddt = Agency.objects.create(
            unit=cls.chilang, name="Phòng Giáo dục và Đào tạo huyện Chi Lăng", kind=AgencyKind.EDUCATION_OFFICE
        )
        cls.open_task = Task.objects.create(plan=plan, title="Củng cố trung tâm học tập cộng đồng",
                                            lead=cls.committee, due_kind=DueKind.YEAR, due_year=2027)  # fmt: skip
        cls.open_task.partners.add(cls.phong_gddt)
        Task.objects.create(plan=plan, title="Tổng kết giai đoạn 2021-2023", status="done", order=2)
        ReportingRule.objects.create(plan=plan, frequency=Frequency.YEARLY, due_days=["11-15"],
                                     reporters=Reporters.OWN)  # fmt: skip
        deadlines_generate(plan=plan)
        cls.langson_reviewer = UserFactory(username="langson", role=Role.PROVINCE_REVIEWER, unit=cls.langson)
        cls.hanoi_reviewer = UserFactory(username="hanoi", role=Role.PROVINCE_REVIEWER, unit=new_unit("01"))

    def carry(self, **kwargs):
        options = dict(plan=self.ytich_plan, successor=self.vanlinh, legal_basis=BASIS, date=CARRY_DAY,
                       user=self.langson_reviewer)  # fmt: skip
        return plan_carry_over(**{**options, **kwargs})


class CarryOverTests(CarryOverTestCase):
    def test_it_offers_the_closed_communes_successor(self):
        self.assertEqual(plan_successors(self.ytich_plan), [self.vanlinh])
        district_plan = make_plan(self.chilang, number="183/KH-UBND", status=PlanStatus.REFERENCE)
        successors = plan_successors(district_plan)
        self.assertEqual(successors[0], self.langson)  # the province took over the district's education tasks
        self.assertIn(self.vanlinh, successors)  # and the new communes its communes went into
        self.assertEqual(plan_successors(make_plan(self.langson)), [])  # Lạng Sơn still exists
        ended = make_plan(self.ytich, number="12/KH-UBND", start_year=2021, end_year=2023, milestone_years=[2023])
        self.assertEqual(plan_successors(ended), [])  # over before Y Tịch closed: nothing to carry on
        self.client.force_login(self.langson_reviewer)
        response = self.client.get(reverse("plans:carry_over", args=[ended.pk]))
        self.assertContains(response, "Kế hoạch đã kết thúc trước khi đơn vị ban hành giải thể", status_code=403)
        self.assertNotContains(self.client.get(ended.get_absolute_url()), "chưa được đơn vị kế thừa")

    def test_it_carries_the_y_tich_plan_over_to_van_linh_through_the_plan_page(self):
        self.client.force_login(self.langson_reviewer)
        page = self.client.get(reverse("plans:detail", args=[self.ytich_plan.pk]))
        self.assertContains(page, "Xã Y Tịch đã kết thúc hoạt động từ sau ngày 30/06/2025")
        self.assertContains(page, reverse("plans:carry_over", args=[self.ytich_plan.pk]))
        form = self.client.get(reverse("plans:carry_over", args=[self.ytich_plan.pk]))
        self.assertContains(form, "06505 – Xã Vạn Linh")

        response = self.client.post(
            reverse("plans:carry_over", args=[self.ytich_plan.pk]),
            {"successor": self.vanlinh.pk, "date": "01/09/2025", "legal_basis": BASIS, "targets": "inherit"},
        )
        new = Plan.objects.get(continues=self.ytich_plan)
        self.assertRedirects(response, new.get_absolute_url())
        self.assertEqual((new.unit, new.start_year, new.end_year, new.milestone_years, new.issuing_body),
                         (self.vanlinh, 2025, 2030, [2025, 2030], "Ủy ban nhân dân xã Vạn Linh"))  # fmt: skip
        # The targets of 2025 on, set on Vạn Linh, each naming the one it copies; 2023 stays history.
        copied = list(new.targets.order_by("year").values_list("unit__code", "year", "value", "inherited_from__year"))
        self.assertEqual(copied, [("06505", 2025, Decimal(70), 2025), ("06505", 2030, Decimal(80), 2030)])
        self.assertEqual([t.title for t in new.tasks.all()], ["Củng cố trung tâm học tập cộng đồng"])  # open only
        # The old plan is untouched and says who carries it on.
        self.assertEqual(self.ytich_plan.targets.count(), 3)
        self.assertEqual(self.ytich_plan.tasks.count(), 2)
        old_page = self.client.get(reverse("plans:detail", args=[self.ytich_plan.pk]))
        self.assertContains(old_page, "Kế hoạch này đã được kế thừa bởi")
        self.assertContains(old_page, new.get_absolute_url())
        new_page = self.client.get(new.get_absolute_url())
        self.assertContains(new_page, "của Xã Y Tịch từ ngày 01/09/2025; căn cứ: " + BASIS)

        # Vạn Linh now has a plan that asks it to report each year, and its reporter sees it.
        period = period_get_or_create(code="2026")
        self.assertEqual(deadline_for(unit=self.vanlinh, period=period).due_date, datetime.date(2026, 11, 15))
        self.assertIn(new, Plan.objects.visible_to(self.vanlinh_user))
        api = {p["id"]: p for p in self.client.get("/api/v1/plans/", {"page_size": 100}).json()["items"]}
        self.assertEqual(api[new.pk]["continues_id"], self.ytich_plan.pk)

    def test_it_runs_as_many_queries_for_a_big_plan_as_for_a_small_one(self):
        def closed_plan(number: str, size: int) -> Plan:
            plan = make_plan(self.ytich, number=number)
            for year in range(2030 - size, 2031):
                Target.objects.create(plan=plan, indicator=self.family, unit=self.ytich, year=year, value=50)
            for n in range(size * 4):
                task = Task.objects.create(plan=plan, title=f"Nhiệm vụ {n}", lead=self.committee)
                task.partners.add(self.phong_gddt)
            ReportingRule.objects.create(plan=plan, frequency=Frequency.YEARLY, due_days=["11-15"],
                                         reporters=Reporters.OWN)  # fmt: skip
            return plan

        small, big = closed_plan("1/KH-UBND", 1), closed_plan("2/KH-UBND", 5)
        period_get_or_create(code="2025")  # the periods of the deadlines exist already, as for any running plan
        with CaptureQueriesContext(connection) as queries:
            self.carry(plan=small)
        with self.assertNumQueries(len(queries)):
            result = self.carry(plan=big)
        self.assertEqual((result.targets_copied, result.tasks_copied), (6, 20))

    def test_it_replaces_the_targets_when_the_successor_sets_its_own(self):
        result = self.carry(targets="replace")
        self.assertEqual((result.targets_copied, result.plan.targets.count()), (0, 0))

    def test_it_carries_a_plan_over_once_per_successor_and_not_before_the_successor_existed(self):
        with self.assertRaises(ValidationError) as error:
            self.carry(date=datetime.date(2025, 6, 1))
        self.assertEqual(error.exception.message_dict["date"],
                         ["Ngày kế thừa phải từ ngày 01/07/2025, khi Xã Vạn Linh được thành lập."])  # fmt: skip
        self.carry()
        with self.assertRaises(ValidationError) as error:
            self.carry()
        self.assertEqual(error.exception.message_dict["successor"], ["Kế hoạch này đã được Xã Vạn Linh kế thừa."])
        self.assertEqual(Plan.objects.filter(continues=self.ytich_plan).count(), 1)

    def test_it_lets_only_a_reviewer_of_the_successor_carry_it_over(self):
        url = reverse("plans:carry_over", args=[self.ytich_plan.pk])
        self.client.force_login(self.vanlinh_user)  # sees the plan (its predecessor's), is no reviewer
        self.assertEqual(self.client.get(url).status_code, 403)
        self.client.force_login(self.hanoi_reviewer)  # another province: does not see it
        self.assertEqual(self.client.get(url).status_code, 404)
        with self.assertRaises(PermissionDenied):
            self.carry(user=self.vanlinh_user)
        self.assertFalse(Plan.objects.filter(continues=self.ytich_plan).exists())

    def test_it_lets_the_successor_read_the_plans_of_its_former_district_but_not_its_values(self):
        district_plan = make_plan(self.chilang, number="183/KH-UBND", status=PlanStatus.REFERENCE)
        self.assertIn(district_plan, Plan.objects.visible_to(self.vanlinh_user))
        self.assertIn(self.ytich_plan, Plan.objects.visible_to(self.vanlinh_user))
        self.assertFalse(Unit.objects.visible_to(self.vanlinh_user).filter(pk=self.chilang.pk).exists())
        other_district = make_plan(legacy_unit("186"), number="9/KH-UBND")  # another district of Lạng Sơn
        self.assertNotIn(other_district, Plan.objects.visible_to(self.vanlinh_user))

    def test_it_lets_new_hung_yen_see_and_carry_over_legacy_hung_yens_plan(self):
        old = make_plan(legacy_unit("33"), issuing_body="UBND tỉnh Hưng Yên", number="74/KH-UBND",
                        title="Xây dựng xã hội học tập tỉnh Hưng Yên 2021-2030")  # fmt: skip
        reviewer = UserFactory(role=Role.PROVINCE_REVIEWER, unit=new_unit("33"))
        self.assertIn(old, Plan.objects.visible_to(reviewer))
        self.assertEqual(plan_successors(old), [new_unit("33")])
        new = self.carry(plan=old, successor=new_unit("33"), user=reviewer).plan
        self.assertEqual((new.unit.code, new.continues), ("33", old))


class AgencySuccessorTests(CarryOverTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.so_tttt = Agency.objects.create(unit=cls.langson, name="Sở Thông tin và Truyền thông")
        cls.districts = Agency.objects.create(unit=cls.langson, name="Ủy ban nhân dân các huyện, thành phố")
        cls.report = agency_successors_load()

    def test_it_ends_the_district_office_and_names_the_provinces_department(self):
        self.phong_gddt.refresh_from_db()
        self.assertEqual(self.phong_gddt.valid_to, datetime.date(2025, 6, 30))
        self.assertEqual((self.phong_gddt.successor.name, self.phong_gddt.successor.unit),
                         ("Sở Giáo dục và Đào tạo", self.langson))  # fmt: skip
        self.assertIn("NĐ 142/2025/NĐ-CP", self.phong_gddt.successor_basis)
        self.so_tttt.refresh_from_db()
        self.assertEqual((self.so_tttt.valid_to, self.so_tttt.successor.name),
                         (datetime.date(2025, 2, 28), "Sở Khoa học và Công nghệ"))  # fmt: skip
        self.districts.refresh_from_db()
        self.assertEqual(self.districts.successor.name, "Ủy ban nhân dân các xã, phường")
        self.committee.refresh_from_db()
        self.assertEqual((self.committee.successor.name, self.committee.successor.unit),
                         ("Ủy ban nhân dân xã Vạn Linh", self.vanlinh))  # fmt: skip
        again = agency_successors_load()
        self.assertEqual((again.created, again.updated), (0, 0))

    def test_it_shows_the_successor_of_a_tasks_lead_and_gives_it_the_carried_task(self):
        self.client.force_login(self.langson_reviewer)
        page = self.client.get(reverse("plans:detail", args=[self.ytich_plan.pk]))
        self.assertContains(page, "Chủ trì: Ủy ban nhân dân xã Y Tịch")
        self.assertContains(page, "(nay là Ủy ban nhân dân xã Vạn Linh)")
        self.assertContains(page, "Phòng Giáo dục và Đào tạo huyện Chi Lăng (nay là Sở GD&amp;ĐT)")
        new = self.carry().plan
        task = new.tasks.get()
        self.assertEqual(task.lead.name, "Ủy ban nhân dân xã Vạn Linh")
        self.assertEqual([a.name for a in task.partners.all()], ["Sở Giáo dục và Đào tạo"])
