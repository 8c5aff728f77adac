"""Seed KH 74/KH-UBND of UBND tỉnh Hưng Yên (10/6/2013) against its text."""

import datetime
from decimal import Decimal

from django.test import TestCase

from demo.plans import seed_load, seed_plan, seed_read, seed_unit
from indicators.reference import indicators_load
from plans.models import Deadline, DueKind, Frequency, Plan, Reporters, ReportingRule, Target, Task
from units.models import Agency
from units.services import unit_root, units_load
from units.sources import records


def _load_all():
    units_load(records=records("legacy"), structure="legacy")
    indicators_load()
    seed_load(name="national")
    seed_load(name="hung_yen")


def _counts():
    return {model.__name__: model.objects.count() for model in (Plan, Target, Task, ReportingRule, Deadline, Agency)}


class HungYenSeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _load_all()
        cls.plan = seed_plan("hung_yen")

    def target(self, code, year):
        return Target.objects.get(plan=self.plan, indicator__code=code, year=year, unit=self.plan.unit)

    def test_it_records_the_plan_and_its_parent(self):
        self.assertEqual(self.plan.unit, seed_unit("33"))
        self.assertEqual(self.plan.issued_on, datetime.date(2013, 6, 10))
        self.assertEqual((self.plan.start_year, self.plan.end_year), (2012, 2020))
        self.assertEqual(self.plan.milestone_years, [2015, 2020])
        self.assertEqual(self.plan.status, "issued")
        self.assertEqual(self.plan.parent, Plan.objects.get(unit=unit_root(), number="89/QĐ-TTg"))
        self.assertEqual(set(self.plan.legal_basis.values_list("number", flat=True)), {"89/QĐ-TTg", "822/BCĐQG-XHHT"})

    def test_it_sets_the_2015_targets(self):
        expected = {
            "XMC2_15_60": ("99.80", "at_least"),
            "XMC1_15_35": ("99.90", "at_least"),
            "NEW_LITERATE_CONTINUE": ("90", "at_least"),
            "PCGD_MN": ("100", "maintain"),
            "PCGD_TH": ("100", "maintain"),
            "PCGD_THCS": ("100", "maintain"),
            "CADRE_IT": ("90", "at_least"),
            "CADRE_FL_L2": ("20", "at_least"),
            "CADRE_FL_L3": ("5", "at_least"),
            "WORKER_IT_FL": (None, "increase"),
            "CADRE_TRAINED_STANDARD": ("100", "at_least"),
            "LEADER_TRAINED": ("100", "at_least"),
            "LEADER_TRAINED_BEFORE_APPOINTMENT": ("100", "at_least"),
            "CADRE_MANDATORY_TRAINING": ("90", "at_least"),
            "COMMUNE_CADRE_FOSTERED": ("100", "at_least"),
            "COMMUNE_CADRE_QUALIFIED": ("95", "at_least"),
            "COMMUNE_CIVIL_MANDATORY_TRAINING": ("75", "at_least"),
            "RURAL_LABOUR_CLC": ("60", "at_least"),
            "WORKER_UPPER_SECONDARY": ("90", "at_least"),
            "WORKER_HIGH_SKILL": (None, "increase"),
            "WORKER_VOCATIONAL": ("95", "at_least"),
            "LIFE_SKILLS_PROGRAMMES": (None, "increase"),
            "STUDENT_LIFE_SKILLS": ("50", "at_least"),
            "CLC_EFFECTIVE": (None, "increase"),
        }
        self.assert_targets(2015, expected)

    def test_it_sets_the_2020_targets(self):
        expected = {
            "XMC2_15_60": ("98.85", "at_least"),
            "XMC1_15_35": ("99.95", "at_least"),
            "NEW_LITERATE_CONTINUE": ("95", "at_least"),
            "PCGD_MN": ("100", "maintain"),
            "PCGD_TH": ("100", "maintain"),
            "PCGD_THCS": ("100", "maintain"),
            "CADRE_IT": ("100", "at_least"),
            "CADRE_FL_L2": ("50", "at_least"),
            "CADRE_FL_L3": ("30", "at_least"),
            "WORKER_IT_FL": (None, "increase"),
            "CADRE_TRAINED_STANDARD": ("100", "maintain"),
            "LEADER_TRAINED": ("100", "maintain"),
            "CADRE_MANDATORY_TRAINING": ("95", "at_least"),
            "COMMUNE_CADRE_FOSTERED": ("100", "at_least"),
            "COMMUNE_CADRE_QUALIFIED": ("100", "at_least"),
            "COMMUNE_CIVIL_MANDATORY_TRAINING": ("90", "at_least"),
            "RURAL_LABOUR_CLC": ("80", "at_least"),
            "WORKER_UPPER_SECONDARY": ("95", "at_least"),
            "WORKER_HIGH_SKILL": (None, "increase"),
            "WORKER_VOCATIONAL": ("98", "at_least"),
            "LIFE_SKILLS_PROGRAMMES": (None, "increase"),
            "STUDENT_LIFE_SKILLS": ("70", "at_least"),
            "CLC_EFFECTIVE": (None, "increase"),
        }
        self.assert_targets(2020, expected)

    def assert_targets(self, year, expected):
        targets = {t.indicator.code: t for t in Target.objects.filter(plan=self.plan, year=year)}
        self.assertEqual(set(targets), set(expected))
        for code, (value, kind) in expected.items():
            with self.subTest(code=code):
                self.assertEqual(targets[code].kind, kind)
                self.assertEqual(targets[code].value, None if value is None else Decimal(value))
                self.assertTrue(targets[code].note)
        self.assertEqual(Target.objects.filter(plan=self.plan).exclude(year__in=[2015, 2020]).count(), 0)

    def test_it_keeps_the_wording_in_notes(self):
        self.assertIn("Trên 99,80%", self.target("XMC2_15_60", 2015).note)
        self.assertIn("98,85%", self.target("XMC2_15_60", 2020).note)
        self.assertIn("bậc 3", self.target("CADRE_FL_L3", 2020).note)

    def test_it_generates_the_half_yearly_deadlines(self):
        rule = ReportingRule.objects.get(plan=self.plan)
        self.assertEqual(rule.frequency, Frequency.HALF_YEARLY)
        self.assertEqual(rule.due_days, ["06-15", "12-15"])
        self.assertEqual(rule.reporters, Reporters.SUBTREE)  # the districts, each with the communes below it
        self.assertEqual(rule.recipient, "UBND tỉnh (qua Sở Giáo dục và Đào tạo)")
        self.assertEqual((rule.first_year, rule.last_year), (2013, 2020))
        deadlines = list(Deadline.objects.filter(plan=self.plan).order_by("due_date"))
        expected = []
        for year in range(2013, 2021):
            expected += [(f"{year}S1", datetime.date(year, 6, 15)), (f"{year}S2", datetime.date(year, 12, 15))]
        self.assertEqual([(d.period.code, d.due_date) for d in deadlines], expected)
        self.assertEqual(len(deadlines), 16)

    def test_it_lists_the_18_appendix_items_in_order(self):
        expected = [
            ("Ban Chỉ đạo xây dựng xã hội học tập tỉnh", DueKind.QUARTER, 2013, 3),
            ("Ủy ban nhân dân các huyện, thành phố", DueKind.QUARTER, 2013, 3),
            ("Các sở, ban, ngành, đoàn thể tỉnh", DueKind.QUARTER, 2013, 4),
            ("Sở Giáo dục và Đào tạo", DueKind.GUIDANCE, None, None),
            ("Sở Thông tin và Truyền thông", DueKind.GUIDANCE, None, None),
            ("Sở Văn hoá, Thể thao và Du lịch", DueKind.GUIDANCE, None, None),
            ("Sở Lao động - Thương binh và Xã hội", DueKind.GUIDANCE, None, None),
            ("Liên đoàn Lao động tỉnh", DueKind.GUIDANCE, None, None),
            ("Hội Khuyến học tỉnh", DueKind.GUIDANCE, None, None),
            ("Các sở, ban, ngành, đoàn thể tỉnh", DueKind.RECURRING, None, None),
            ("Các sở, ban, ngành, đoàn thể tỉnh", DueKind.RECURRING, None, None),
            ("Ban Chỉ đạo xây dựng xã hội học tập tỉnh", DueKind.QUARTER, 2015, 2),
            ("Các sở, ban, ngành, đoàn thể tỉnh", DueKind.QUARTER, 2015, 3),
            ("Ban Chỉ đạo xây dựng xã hội học tập tỉnh", DueKind.QUARTER, 2015, 4),
            ("Các sở, ban, ngành, đoàn thể tỉnh", DueKind.YEAR, 2020, None),
            ("Ban Chỉ đạo xây dựng xã hội học tập tỉnh", DueKind.QUARTER, 2020, 2),
            ("Các sở, ban, ngành, đoàn thể tỉnh", DueKind.QUARTER, 2020, 3),
            ("Ban Chỉ đạo xây dựng xã hội học tập tỉnh", DueKind.QUARTER, 2020, 4),
        ]
        items = list(Task.objects.filter(plan=self.plan, section__startswith="PL.").order_by("order"))
        self.assertEqual([t.section for t in items], [f"PL.{n}" for n in range(1, 19)])
        self.assertEqual([t.order for t in items], list(range(1, 19)))
        self.assertEqual([(t.lead.name, t.due_kind, t.due_year, t.due_quarter) for t in items], expected)
        self.assertEqual(items[0].title, "Tổ chức hội nghị triển khai thực hiện Kế hoạch")
        self.assertEqual(items[0].due_text, "Quý 3 năm 2013")
        self.assertEqual(items[0].deadline, datetime.date(2013, 9, 30))
        self.assertEqual(items[2].due_text, "Hoàn thành xây dựng kế hoạch trong Quý 4 năm 2013")
        self.assertEqual(items[17].title, "Tổng kết thực hiện Kế hoạch")
        self.assertEqual(items[17].deadline, datetime.date(2020, 12, 31))
        self.assertEqual(items[3].due_text, "Theo hướng dẫn của Bộ Giáo dục và Đào tạo")
        # Two leads named: the second is kept as partner.
        self.assertEqual(
            list(items[12].partners.values_list("name", flat=True)), ["Ủy ban nhân dân các huyện, thành phố"]
        )

    def test_it_records_the_timeline(self):
        survey = Task.objects.get(plan=self.plan, section="V.3")
        self.assertEqual((survey.due_kind, survey.due_date), (DueKind.DATE, datetime.date(2013, 12, 31)))
        committees = Task.objects.get(plan=self.plan, section="V.2")
        self.assertEqual(committees.due_date, datetime.date(2013, 10, 31))
        self.assertEqual(committees.lead.name, "Ủy ban nhân dân các huyện, thành phố")
        midterm = Task.objects.get(plan=self.plan, title="Tổ chức sơ kết việc thực hiện Kế hoạch")
        self.assertEqual((midterm.due_kind, midterm.due_year, midterm.due_text), (DueKind.YEAR, 2015, "Cuối 2015"))
        final = Task.objects.get(plan=self.plan, title="Tổ chức tổng kết việc thực hiện Kế hoạch")
        self.assertEqual((final.due_kind, final.due_year, final.due_text), (DueKind.YEAR, 2020, "Cuối 2020"))

    def test_it_assigns_agency_tasks_with_lead_and_partners(self):
        index = Task.objects.get(plan=self.plan, title__startswith="Xây dựng bộ chỉ số đánh giá việc thực hiện")
        self.assertEqual(index.lead.name, "Sở Giáo dục và Đào tạo")
        self.assertEqual(list(index.partners.values_list("name", flat=True)), ["Hội Khuyến học tỉnh"])
        vocational = Task.objects.get(plan=self.plan, title__startswith="Xây dựng kế hoạch phát triển dạy nghề")
        self.assertEqual(vocational.lead.name, "Sở Lao động - Thương binh và Xã hội")
        self.assertIn("Sở Nông nghiệp và Phát triển nông thôn", vocational.partners.values_list("name", flat=True))
        finance = Task.objects.get(plan=self.plan, title__startswith="Hướng dẫn cơ chế quản lý tài chính")
        self.assertEqual(finance.lead.name, "Sở Tài chính")
        self.assertEqual(list(finance.partners.values_list("name", flat=True)), ["Sở Kế hoạch và Đầu tư"])
        leads = set(Task.objects.filter(plan=self.plan, lead__isnull=False).values_list("lead__name", flat=True))
        for name in (
            "Sở Nội vụ",
            "Sở Thông tin và Truyền thông",
            "Liên đoàn Lao động tỉnh",
            "Hội Khuyến học tỉnh",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "Hội Liên hiệp Phụ nữ tỉnh",
            "Hội Nông dân tỉnh",
            "Đài Phát thanh và Truyền hình tỉnh",
        ):
            self.assertIn(name, leads)
        self.assertTrue(all(a.unit_id == self.plan.unit_id for a in Agency.objects.filter(led_tasks__plan=self.plan)))

    def test_it_writes_every_listed_task(self):
        listed = seed_read("hung_yen")["plans"][-1]
        self.assertEqual(Task.objects.filter(plan=self.plan).count(), len(listed["tasks"]) + len(listed["appendix"]))

    def test_it_is_idempotent(self):
        before = _counts()
        seed_load(name="hung_yen")
        self.assertEqual(_counts(), before)
