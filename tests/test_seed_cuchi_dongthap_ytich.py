"""Seeds of the plans of huyện Củ Chi (2023), tỉnh Đồng Tháp (Chỉ thị 14/CT-TTg) and xã Y Tịch (Chi Lăng,
Lạng Sơn) against their texts, the cascade each one hangs from, and their pages."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from demo.plans import seed_load, seed_plan, seed_unit
from indicators.reference import indicators_load
from plans.models import Deadline, DueKind, Frequency, Plan, Reporters, ReportingRule, Target, Task
from units.models import Agency
from units.services import units_load
from units.sources import records

from .factories import UserFactory


def _load_all():
    units_load(records=records("legacy"), structure="legacy")
    indicators_load()
    seed_load(name="national")
    seed_load(name="dong_thap")
    seed_load(name="cu_chi")
    seed_load(name="y_tich")


def _counts():
    return {model.__name__: model.objects.count() for model in (Plan, Target, Task, ReportingRule, Deadline, Agency)}


def _values(plan, year):
    return {t.indicator.code: (t.value, t.kind) for t in Target.objects.filter(plan=plan, year=year, unit=plan.unit)}


def _chain(plan):
    """The plan and the plans above it, as (issuing body, number, status)."""
    out = []
    while plan is not None:
        out.append((plan.issuing_body, plan.number, plan.status))
        plan = plan.parent
    return out


class SeedsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        _load_all()
        cls.cu_chi = seed_plan("cu_chi")
        cls.dong_thap = seed_plan("dong_thap")
        cls.y_tich = seed_plan("y_tich")


class YTichSeedTests(SeedsTestCase):
    def test_it_records_the_commune_plan(self):
        plan = self.y_tich
        self.assertEqual(plan.unit, seed_unit("06520"))
        self.assertEqual(plan.unit.name, "Xã Y Tịch")
        self.assertEqual((plan.number, plan.issued_on), ("", None))  # "Số: /KH-UBND", "ngày tháng 6 năm 2022"
        self.assertEqual((plan.start_year, plan.end_year, plan.milestone_years), (2021, 2030, [2025, 2030]))
        self.assertIn("Đẩy mạnh phong trào học tập suốt đời", plan.title)
        self.assertEqual(set(plan.legal_basis.values_list("number", flat=True)), {"183/KH-UBND"})

    def test_it_sets_the_2025_targets(self):
        d = Decimal
        self.assertEqual(
            _values(self.y_tich, 2025),
            {
                "LA_MEMBERS_BRIEFED": (d("100"), "at_least"),
                "LEARNING_FAMILY": (d("70"), "at_least"),
                "LEARNING_CLAN": (d("65"), "at_least"),
                "LEARNING_COMMUNITY": (d("65"), "at_least"),
                "LEARNING_UNIT": (d("80"), "at_least"),
                "LEARNING_CITIZEN_WORKERS": (d("40"), "at_least"),
                "LEARNING_CITIZEN_STAFF": (d("60"), "at_least"),
                "LA_CADRE_CLC_IT": (d("40"), "at_least"),
            },
        )

    def test_it_sets_the_2030_targets(self):
        d = Decimal
        self.assertEqual(
            _values(self.y_tich, 2030),
            {
                "LA_MEMBERS_BRIEFED": (d("100"), "at_least"),
                "LEARNING_FAMILY": (d("80"), "at_least"),
                "LEARNING_CLAN": (d("75"), "at_least"),
                "LEARNING_COMMUNITY": (d("75"), "at_least"),
                "LEARNING_UNIT": (d("100"), "at_least"),
                "LEARNING_CITIZEN_WORKERS": (d("60"), "at_least"),
                "LEARNING_CITIZEN_STAFF": (d("80"), "at_least"),
                "LA_CADRE_CLC_IT": (d("70"), "at_least"),
            },
        )
        self.assertEqual(Target.objects.filter(plan=self.y_tich).count(), 16)
        unit_2030 = Target.objects.get(plan=self.y_tich, indicator__code="LEARNING_UNIT", year=2030)
        self.assertIn("trường học, trạm y tế, UBND xã", unit_2030.note)

    def test_it_reports_before_15_november_every_year(self):
        rule = ReportingRule.objects.get(plan=self.y_tich)
        self.assertEqual((rule.frequency, rule.due_days), (Frequency.YEARLY, ["11-15"]))
        self.assertEqual(rule.reporters, Reporters.OWN)  # the commune itself reports on its plan
        self.assertEqual(rule.recipient, "UBND xã, Hội Khuyến học huyện")
        self.assertEqual([a.name for a in rule.reporting_agencies.all()], ["Hội Khuyến học xã"])
        dues = list(Deadline.objects.filter(plan=self.y_tich).values_list("due_date", flat=True))
        # The plan is dated June 2022: its first report is the one of 15/11/2022.
        self.assertEqual(dues, [datetime.date(year, 11, 15) for year in range(2022, 2031)])

    def test_it_assigns_the_tasks(self):
        tasks = Task.objects.filter(plan=self.y_tich)
        self.assertEqual(tasks.count(), 27)
        self.assertEqual(tasks.filter(section__startswith="II.").count(), 10)
        self.assertEqual(tasks.filter(section__startswith="IV.").count(), 17)
        first = tasks.get(section="IV.1", order=11)
        self.assertEqual(
            first.title, "Chủ trì, phối hợp với nhà trường giúp việc UBND xã triển khai thực hiện Kế hoạch"
        )
        self.assertEqual(first.lead.name, "Hội Khuyến học xã")
        self.assertEqual([p.name for p in first.partners.all()], ["Các đơn vị trường học"])
        budget = tasks.get(section="IV.4")
        self.assertEqual((budget.lead.name, budget.due_kind), ("Công chức Kế toán tài chính", DueKind.RECURRING))
        report = tasks.get(section="IV.8")
        self.assertEqual(report.due_text, "Định kỳ trước ngày 15/11 hàng năm")
        final = tasks.get(title="Tổ chức Hội nghị tổng kết 10 năm thực hiện Chương trình")
        self.assertEqual(final.deadline, datetime.date(2030, 12, 31))


class CuChiSeedTests(SeedsTestCase):
    def test_it_records_the_2023_plan(self):
        plan = self.cu_chi
        self.assertEqual(plan.unit, seed_unit("783"))
        self.assertEqual(plan.unit.name, "Huyện Củ Chi")
        self.assertEqual((plan.start_year, plan.end_year, plan.milestone_years), (2023, 2023, [2023]))
        self.assertEqual(plan.title, "Thực hiện công tác xây dựng xã hội học tập năm 2023 trên địa bàn huyện")
        self.assertEqual(
            set(plan.legal_basis.values_list("number", flat=True)), {"1373/QĐ-TTg", "4344/KH-UBND", "1376/KH-UBND"}
        )

    def test_it_sets_every_2023_target_of_the_text(self):
        d = Decimal
        self.assertEqual(
            _values(self.cu_chi, 2023),
            {
                "XMC": (d("100"), "at_least"),
                "PCGD_MN": (d("100"), "at_least"),
                "PCGD_TH": (d("100"), "at_least"),
                "PCGD_THCS": (d("100"), "at_least"),
                "PCGD_TRUNG_HOC": (d("100"), "at_least"),
                "INFO_COMPETENCY": (d("50"), "at_least"),
                "LIFE_SKILLS": (d("50"), "at_least"),
                "TRAINED_15PLUS": (d("23"), "at_least"),
                "UNIVERSITY_15PLUS": (d("12"), "at_least"),
                "DIGITAL_INSTITUTIONS": (d("60"), "at_least"),
                "CLC_IT": (d("70"), "at_least"),
                "LEARNING_CITIZEN": (d("40"), "at_least"),
                "LEARNING_COMMUNE": (d("25"), "at_least"),
                "LEARNING_DISTRICT": (d("100"), "at_least"),
                "COMMUNE_CADRE_TRAINED": (d("85"), "at_least"),
                "COMMUNE_CADRE_FOSTERED": (d("90"), "at_least"),
                "COMMUNE_CIVIL_MANDATORY_TRAINING": (d("75"), "at_least"),
                "RURAL_LABOUR_CLC": (d("70"), "at_least"),
                "WORKER_UPPER_SECONDARY": (d("80"), "at_least"),
                "WORKER_HIGH_SKILL": (None, "increase"),
                "WORKER_VOCATIONAL": (d("85"), "at_least"),
                "LIFE_SKILLS_PROGRAMMES": (None, "increase"),
                "STUDENT_LIFE_SKILLS": (d("50"), "at_least"),
                "LEARNING_CITIZEN_EVAL": (d("100"), "at_least"),
            },
        )
        levels = dict(
            Target.objects.filter(plan=self.cu_chi, standard_level__isnull=False).values_list(
                "indicator__code", "standard_level"
            )
        )
        self.assertEqual(levels, {"XMC": 2, "PCGD_TH": 3, "PCGD_THCS": 3})
        self.assertIn("21/21", Target.objects.get(plan=self.cu_chi, indicator__code="LEARNING_CITIZEN_EVAL").note)

    def test_it_asks_the_communes_for_their_plan_and_their_report_once(self):
        rules = ReportingRule.objects.filter(plan=self.cu_chi).order_by("due_date")
        self.assertEqual([r.frequency for r in rules], [Frequency.ONCE, Frequency.ONCE])
        self.assertEqual([r.reporters for r in rules], [Reporters.CHILDREN, Reporters.CHILDREN])  # its communes
        self.assertEqual([r.due_date for r in rules], [datetime.date(2023, 3, 22), datetime.date(2023, 12, 10)])
        for rule in rules:
            self.assertIn("Phòng Giáo dục và Đào tạo huyện", rule.recipient)
            self.assertEqual([a.name for a in rule.reporting_agencies.all()], ["Ủy ban nhân dân các xã, thị trấn"])
        self.assertIn("Sở Giáo dục và Đào tạo Thành phố", rules[1].recipient)
        deadlines = Deadline.objects.filter(plan=self.cu_chi).order_by("due_date")
        self.assertEqual(
            [(d.due_date, d.period.code) for d in deadlines],
            [(datetime.date(2023, 3, 22), "2023"), (datetime.date(2023, 12, 10), "2023")],
        )

    def test_it_assigns_the_tasks_per_body(self):
        tasks = Task.objects.filter(plan=self.cu_chi)
        self.assertEqual(tasks.count(), 40)
        self.assertEqual(tasks.filter(section__startswith="III.").count(), 8)

        def leads(section):
            return {t.lead.name for t in tasks.filter(section=section)}

        self.assertEqual(leads("V.1"), {"Phòng Giáo dục và Đào tạo huyện"})
        self.assertEqual(tasks.filter(section="V.1").count(), 6)
        self.assertEqual(leads("V.6"), {"Phòng Nội vụ huyện"})
        self.assertEqual(leads("V.10.1"), {"Hội Khuyến học huyện"})
        police = tasks.get(section="V.7")
        self.assertEqual(police.lead.name, "Công an huyện")
        self.assertEqual(
            {p.name for p in police.partners.all()},
            {"Phòng Giáo dục và Đào tạo huyện", "Phòng Lao động - Thương binh và Xã hội huyện"},
        )
        dated = tasks.filter(due_kind=DueKind.DATE).order_by("due_date")
        self.assertEqual([t.deadline for t in dated], [datetime.date(2023, 3, 22), datetime.date(2023, 12, 10)])
        self.assertEqual({t.lead.name for t in dated}, {"Ủy ban nhân dân các xã, thị trấn"})
        self.assertTrue(dated[1].title.startswith("Báo cáo tình hình, kết quả thực hiện công tác xây dựng xã hội"))


class DongThapSeedTests(SeedsTestCase):
    def test_it_records_the_province_plan(self):
        plan = self.dong_thap
        self.assertEqual(plan.unit, seed_unit("87"))
        self.assertEqual((plan.start_year, plan.end_year), (2021, 2030))
        self.assertTrue(plan.title.endswith("trên địa bàn tỉnh Đồng Tháp"))
        self.assertEqual(list(plan.legal_basis.values_list("number", flat=True)), ["14/CT-TTg"])
        self.assertFalse(ReportingRule.objects.filter(plan=plan).exists())  # "định kỳ báo cáo", no date

    def test_its_only_target_is_sa_dec_staying_a_unesco_learning_city(self):
        target = Target.objects.get(plan=self.dong_thap)
        self.assertEqual(target.unit.name, "Thành phố Sa Đéc")
        self.assertEqual(target.indicator.code, "GLOBAL_LEARNING_CITY")
        self.assertEqual((target.year, target.kind, target.value), (2030, "maintain", Decimal("2")))

    def test_it_assigns_the_tasks_with_their_lead_and_partners(self):
        tasks = Task.objects.filter(plan=self.dong_thap)
        self.assertEqual(tasks.count(), 41)
        self.assertEqual(tasks.filter(lead__isnull=True).count(), 0)
        council = tasks.get(section="II.1", lead__name="Sở Giáo dục và Đào tạo")
        self.assertTrue(council.title.startswith("Nghiên cứu, tham mưu Ủy ban nhân dân Tỉnh kiện toàn Hội đồng"))
        self.assertEqual({p.name for p in council.partners.all()}, {"Sở Nội vụ", "Các sở, ban, ngành Tỉnh"})
        literacy = tasks.get(section="II.4.a")
        self.assertEqual(literacy.lead.name, "Sở Giáo dục và Đào tạo")
        self.assertIn("Hệ thống thông tin quản lý phổ cập giáo dục, xóa mù chữ", literacy.title)
        sa_dec = tasks.get(section="II.2.b", lead__name="Ủy ban nhân dân thành phố Sa Đéc")
        self.assertEqual(sa_dec.lead.unit.name, "Thành phố Sa Đéc")
        self.assertEqual(tasks.get(section="II.5").lead.name, "Sở Lao động - Thương binh và Xã hội")
        self.assertEqual(tasks.filter(section__startswith="II.9.a").count(), 4)


class CascadeTests(SeedsTestCase):
    def test_it_links_y_tich_to_chi_lang_and_the_national_programme(self):
        self.assertEqual(
            _chain(self.y_tich),
            [
                ("UBND xã Y Tịch", "", "issued"),
                ("UBND huyện Chi Lăng", "183/KH-UBND", "reference"),
                ("Thủ tướng Chính phủ", "387/QĐ-TTg", "issued"),
                ("Thủ tướng Chính phủ", "1373/QĐ-TTg", "issued"),
            ],
        )
        district = self.y_tich.parent
        self.assertEqual((district.unit.name, district.issued_on), ("Huyện Chi Lăng", datetime.date(2022, 6, 9)))

    def test_it_links_cu_chi_to_ho_chi_minh_city_and_1373(self):
        self.assertEqual(
            _chain(self.cu_chi),
            [
                ("UBND huyện Củ Chi", "", "issued"),
                ("UBND huyện Củ Chi", "1376/KH-UBND", "reference"),
                ("UBND Thành phố Hồ Chí Minh", "4344/KH-UBND", "reference"),
                ("Thủ tướng Chính phủ", "1373/QĐ-TTg", "issued"),
            ],
        )
        city = self.cu_chi.parent.parent
        self.assertEqual((city.unit.code, city.issued_on), ("79", datetime.date(2021, 12, 22)))

    def test_it_links_dong_thap_to_directive_14(self):
        self.assertEqual(
            _chain(self.dong_thap),
            [("UBND tỉnh Đồng Tháp", "", "issued"), ("Thủ tướng Chính phủ", "14/CT-TTg", "issued")],
        )

    def test_it_is_idempotent(self):
        before = _counts()
        seed_load(name="national")
        seed_load(name="dong_thap")
        seed_load(name="cu_chi")
        seed_load(name="y_tich")
        self.assertEqual(_counts(), before)


class PlanPageTests(SeedsTestCase):
    """The detail page of each seed plan renders for the administrator, in the same number of queries."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        seed_load(name="ha_noi")
        cls.ha_noi = seed_plan("ha_noi")
        cls.admin = UserFactory(username="admin", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)

    def count_queries(self, plan):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("plans:detail", args=[plan.pk]))
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_it_renders_each_plan_with_its_vietnamese_title(self):
        self.client.force_login(self.admin)
        for plan, words in (
            (self.cu_chi, "năm 2023 trên địa bàn huyện"),
            (self.dong_thap, "khuyến học, khuyến tài"),
            (self.y_tich, "xã Y Tịch"),
        ):
            response = self.client.get(reverse("plans:detail", args=[plan.pk]))
            self.assertContains(response, words)
        self.assertContains(self.client.get(reverse("plans:detail", args=[self.y_tich.pk])), "183/KH-UBND")

    def test_it_runs_the_same_number_of_queries_for_every_seed_plan(self):
        self.client.force_login(self.admin)
        self.client.get(reverse("plans:detail", args=[self.ha_noi.pk]))  # warm the session
        expected = self.count_queries(self.ha_noi)
        for plan in (self.cu_chi, self.dong_thap, self.y_tich):
            with self.assertNumQueries(expected):
                self.client.get(reverse("plans:detail", args=[plan.pk]))
