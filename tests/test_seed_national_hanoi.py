"""Seeds of the national programmes and of KH 290/KH-UBND of UBND TP Hà Nội (16/12/2021) against their text."""

import datetime
from decimal import Decimal

from django.test import TestCase

from demo.plans import seed_load, seed_plan, seed_unit
from indicators.reference import indicators_load
from plans.models import Deadline, DueKind, Frequency, Plan, Reporters, ReportingRule, Target, Task
from units.models import Agency
from units.services import unit_root, units_load
from units.sources import records


def _load_all():
    units_load(records=records("legacy"), structure="legacy")
    indicators_load()
    seed_load(name="national")
    seed_load(name="ha_noi")


def _counts():
    return {model.__name__: model.objects.count() for model in (Plan, Target, Task, ReportingRule, Deadline, Agency)}


def _values(plan, year):
    return {t.indicator.code: (t.value, t.kind) for t in Target.objects.filter(plan=plan, year=year, unit=plan.unit)}


class NationalSeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _load_all()
        cls.root = unit_root()

    def plan(self, number):
        return Plan.objects.get(unit=self.root, number=number)

    def test_it_records_the_national_programmes(self):
        expected = {
            "89/QĐ-TTg": ("decision", datetime.date(2013, 1, 9), 2012, 2020),
            "1373/QĐ-TTg": ("decision", datetime.date(2021, 7, 30), 2021, 2030),
            "14/CT-TTg": ("directive", datetime.date(2021, 5, 25), 2021, 2030),
            "387/QĐ-TTg": ("decision", datetime.date(2022, 3, 25), 2021, 2030),
            "677/QĐ-TTg": ("decision", datetime.date(2022, 6, 3), 2021, 2030),
        }
        for number, (kind, issued_on, start, end) in expected.items():
            obj = self.plan(number)
            self.assertEqual((obj.kind, obj.issued_on, obj.start_year, obj.end_year), (kind, issued_on, start, end))
            self.assertEqual(obj.status, "issued")
        self.assertIn("2012-2020", self.plan("89/QĐ-TTg").title)
        self.assertIn("2021-2030", self.plan("1373/QĐ-TTg").title)
        self.assertEqual(self.plan("1373/QĐ-TTg").milestone_years, [2025, 2030])

    def test_it_sets_the_1373_targets(self):
        obj = self.plan("1373/QĐ-TTg")
        d = Decimal
        self.assertEqual(
            _values(obj, 2025),
            {
                "XMC": (d("70"), "at_least"),
                "PCGD_MN": (d("70"), "at_least"),
                "PCGD_TH": (d("50"), "at_least"),
                "INFO_COMPETENCY": (d("50"), "at_least"),
                "LIFE_SKILLS": (d("50"), "at_least"),
                "TRAINED_15PLUS": (d("50"), "at_least"),
                "UNIVERSITY_15PLUS": (d("12"), "at_least"),
                "DIGITAL_UNIVERSITY": (d("70"), "at_least"),
                "DIGITAL_INSTITUTIONS": (d("60"), "at_least"),
                "CLC_IT": (d("70"), "at_least"),
                "LEARNING_CITIZEN": (d("40"), "at_least"),
            },
        )
        self.assertEqual(
            _values(obj, 2030),
            {
                "XMC": (d("90"), "at_least"),
                "PCGD_MN": (d("100"), "at_least"),
                "PCGD_TH": (d("70"), "at_least"),
                "INFO_COMPETENCY": (d("70"), "at_least"),
                "LIFE_SKILLS": (d("70"), "at_least"),
                "TRAINED_15PLUS": (d("60"), "at_least"),
                "UNIVERSITY_15PLUS": (d("15"), "at_least"),
                "DIGITAL_UNIVERSITY": (d("90"), "at_least"),
                "DIGITAL_INSTITUTIONS": (d("80"), "at_least"),
                "LEARNING_CITIZEN": (d("60"), "at_least"),
                "LEARNING_DISTRICT": (d("50"), "at_least"),
                "LEARNING_PROVINCE": (d("35"), "at_least"),
            },
        )
        self.assertEqual(Target.objects.get(plan=obj, indicator__code="XMC", year=2025).standard_level, 2)
        self.assertEqual(Target.objects.get(plan=obj, indicator__code="PCGD_TH", year=2030).standard_level, 3)

    def test_it_sets_the_387_and_677_targets(self):
        d = Decimal
        self.assertEqual(
            _values(self.plan("387/QĐ-TTg"), 2025),
            {
                "LEARNING_FAMILY": (d("70"), "at_least"),
                "LEARNING_CLAN": (d("65"), "at_least"),
                "LEARNING_COMMUNITY": (d("65"), "at_least"),
                "LEARNING_UNIT": (d("80"), "at_least"),
                "LEARNING_CITIZEN_WORKERS": (d("40"), "at_least"),
                "LEARNING_CITIZEN_STAFF": (d("60"), "at_least"),
            },
        )
        plan_677 = self.plan("677/QĐ-TTg")
        self.assertEqual(
            _values(plan_677, 2025),
            {"LEARNING_CITIZEN_WORKERS": (d("40"), "at_least"), "LEARNING_CITIZEN_STAFF": (d("60"), "at_least")},
        )
        self.assertEqual(
            _values(plan_677, 2030),
            {"LEARNING_CITIZEN_WORKERS": (d("60"), "at_least"), "LEARNING_CITIZEN_STAFF": (d("80"), "at_least")},
        )
        self.assertEqual(plan_677.parent, self.plan("1373/QĐ-TTg"))


class HaNoiSeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _load_all()
        cls.plan = seed_plan("ha_noi")

    def test_it_records_the_plan_and_its_parent(self):
        self.assertEqual(self.plan.unit, seed_unit("01"))
        self.assertEqual(self.plan.number, "290/KH-UBND")
        self.assertEqual(self.plan.issued_on, datetime.date(2021, 12, 16))
        self.assertEqual((self.plan.start_year, self.plan.end_year), (2021, 2030))
        self.assertEqual(self.plan.milestone_years, [2025, 2030])
        self.assertEqual(self.plan.status, "issued")
        self.assertEqual(self.plan.parent, Plan.objects.get(unit=unit_root(), number="1373/QĐ-TTg"))
        self.assertEqual(
            set(self.plan.legal_basis.values_list("number", flat=True)),
            {"14/CT-TTg", "1373/QĐ-TTg", "3320/BGDĐT-GDĐT"},
        )

    def test_it_sets_the_2025_targets(self):
        d = Decimal
        self.assertEqual(
            _values(self.plan, 2025),
            {
                "XMC": (d("100"), "maintain"),
                "XMC2_15_60": (d("99.5"), "at_least"),
                "NEW_LITERATE_CONTINUE": (d("95"), "at_least"),
                "PCGD_MN": (d("100"), "maintain"),
                "PCGD_TH": (d("100"), "maintain"),
                "PCGD_THCS": (d("90"), "at_least"),
                "INFO_COMPETENCY": (d("50"), "at_least"),
                "LIFE_SKILLS": (d("50"), "at_least"),
                "TRAINED_15PLUS": (d("50"), "at_least"),
                "UNIVERSITY_15PLUS": (d("12"), "at_least"),
                "DIGITAL_UNIVERSITY": (d("100"), "at_least"),
                "DIGITAL_INSTITUTIONS": (d("60"), "at_least"),
                "CLC_IT": (d("70"), "at_least"),
                "LEARNING_CITIZEN": (d("50"), "at_least"),
                "LEARNING_UNIT": (d("50"), "at_least"),
                "LEARNING_DISTRICT": (d("40"), "at_least"),
                "LEARNING_CITY": (d("1"), "at_least"),
            },
        )

    def test_it_sets_the_2030_targets(self):
        d = Decimal
        self.assertEqual(
            _values(self.plan, 2030),
            {
                "XMC": (d("100"), "maintain"),
                "XMC2_15_60": (d("99.6"), "at_least"),
                "NEW_LITERATE_CONTINUE": (d("96"), "at_least"),
                "PCGD_MN": (d("100"), "maintain"),
                "PCGD_TH": (d("100"), "maintain"),
                "PCGD_THCS": (d("100"), "at_least"),
                "INFO_COMPETENCY": (d("70"), "at_least"),
                "LIFE_SKILLS": (d("70"), "at_least"),
                "TRAINED_15PLUS": (d("60"), "at_least"),
                "UNIVERSITY_15PLUS": (d("15"), "at_least"),
                "DIGITAL_UNIVERSITY": (d("100"), "at_least"),
                "DIGITAL_INSTITUTIONS": (d("80"), "at_least"),
                "CLC_IT": (d("90"), "at_least"),
                "CLC_GOOD": (d("80"), "at_least"),
                "LEARNING_CITIZEN": (d("70"), "at_least"),
                "LEARNING_UNIT": (d("70"), "at_least"),
                "LEARNING_DISTRICT": (d("60"), "at_least"),
                "LEARNING_CITY": (d("2"), "at_least"),
            },
        )

    def test_it_keeps_the_standard_levels(self):
        levels = {
            (t.indicator.code, t.year): t.standard_level
            for t in Target.objects.filter(plan=self.plan, indicator__code__in=["XMC", "PCGD_TH", "PCGD_THCS"])
        }
        self.assertEqual(
            levels,
            {
                ("XMC", 2025): 2,
                ("XMC", 2030): 2,
                ("PCGD_TH", 2025): 3,
                ("PCGD_TH", 2030): 3,
                ("PCGD_THCS", 2025): 3,
                ("PCGD_THCS", 2030): 3,
            },
        )

    def test_it_lists_the_five_component_plans(self):
        tasks = Task.objects.filter(plan=self.plan, section__startswith="PL.").order_by("order")
        self.assertEqual(
            [(t.lead.name, [p.name for p in t.partners.all()]) for t in tasks],
            [
                ("Hội Khuyến học Thành phố", ["Sở Giáo dục và Đào tạo"]),
                ("Hội Khuyến học Thành phố", ["Sở Giáo dục và Đào tạo"]),
                ("Liên đoàn Lao động Thành phố", ["Sở Giáo dục và Đào tạo"]),
                ("Sở Văn hóa và Thể thao", ["Sở Giáo dục và Đào tạo"]),
                ("Đoàn Thanh niên Cộng sản Hồ Chí Minh thành phố Hà Nội", ["Sở Giáo dục và Đào tạo"]),
            ],
        )
        for t in tasks:
            self.assertEqual((t.due_kind, t.due_year, t.due_quarter), (DueKind.QUARTER, 2021, 4))
            self.assertEqual(t.deadline, datetime.date(2021, 12, 31))
        self.assertIn("công dân học tập", tasks[1].title)
        self.assertIn("công nhân lao động", tasks[2].title)

    def test_it_assigns_tasks_per_agency(self):
        def leads(section):
            return {t.lead.name for t in Task.objects.filter(plan=self.plan, section=section)}

        self.assertEqual(leads("V.1"), {"Sở Giáo dục và Đào tạo"})
        self.assertEqual(leads("V.2"), {"Sở Lao động - Thương binh và Xã hội"})
        self.assertEqual(leads("V.7"), {"Công an Thành phố"})
        self.assertEqual(leads("V.15"), {"Ủy ban nhân dân quận, huyện, thị xã"})
        police = Task.objects.get(plan=self.plan, section="V.7")
        self.assertEqual(
            {p.name for p in police.partners.all()},
            {"Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"},
        )
        reviews = Task.objects.filter(plan=self.plan, section="V.1", due_kind=DueKind.YEAR)
        self.assertEqual(sorted(reviews.values_list("due_year", flat=True)), [2025, 2030])
        self.assertEqual(Task.objects.filter(plan=self.plan, section__startswith="III.").count(), 6)
        self.assertTrue(Agency.objects.filter(unit=self.plan.unit, name="Hội Khuyến học Thành phố").exists())

    def test_it_sets_the_reporting_rule_and_deadlines(self):
        rule = ReportingRule.objects.get(plan=self.plan)
        self.assertEqual(rule.frequency, Frequency.YEARLY)
        self.assertEqual(rule.due_days, ["12-01"])
        self.assertEqual(rule.reporters, Reporters.SUBTREE)  # the districts (the communes from 1/7/2025), cascading
        self.assertIn("Sở Giáo dục và Đào tạo", rule.recipient)
        self.assertIn("Ủy ban nhân dân Thành phố", rule.recipient)
        dues = list(Deadline.objects.filter(plan=self.plan).order_by("due_date").values_list("due_date", flat=True))
        self.assertEqual(dues, [datetime.date(year, 12, 1) for year in range(2021, 2031)])
        self.assertIn("Ủy ban nhân dân quận, huyện, thị xã", {a.name for a in rule.reporting_agencies.all()})

    def test_it_is_idempotent(self):
        before = _counts()
        seed_load(name="national")
        seed_load(name="ha_noi")
        self.assertEqual(_counts(), before)
