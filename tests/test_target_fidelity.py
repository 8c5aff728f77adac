"""Targets as the seed texts write them: "khoảng 23 %" stays approximate, "21/21 xã, thị trấn" stays a count of
units (shown as "21/21", met when that many communes reach the standard)."""

from decimal import Decimal as D

from django.test import TestCase

from demo.plans import seed_load, seed_plan
from indicators.models import Indicator, Measure
from indicators.reference import indicators_load
from plans.display import target_text
from plans.models import Target, TargetKind
from plans.periods import period_get_or_create
from plans.services import target_set
from reports.models import Value
from reports.progress import Status, progress_for
from units.models import UnitKind
from units.services import units_load
from units.sources import records

from .factories import make_plan, make_unit


class CuChiTargetTextTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        units_load(records=records("legacy"), structure="legacy")
        indicators_load()
        seed_load(name="national")
        seed_load(name="cu_chi")
        cls.plan = seed_plan("cu_chi")

    def _target(self, code):
        return Target.objects.select_related("indicator").get(plan=self.plan, indicator__code=code, year=2023)

    def test_it_keeps_about_23_percent_approximate(self):
        target = self._target("TRAINED_15PLUS")
        self.assertTrue(target.approximate)
        self.assertEqual(target_text(target), "khoảng 23 %")

    def test_it_keeps_21_of_21_communes_as_a_count(self):
        target = self._target("LEARNING_CITIZEN_EVAL")
        self.assertEqual((target.units_required, target.units_total), (21, 21))
        self.assertEqual(target_text(target), "21/21 xã")

    def test_it_shows_the_texts_on_the_plan_page(self):
        from accounts.models import Role

        from .factories import UserFactory

        admin = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
        self.client.force_login(admin)
        page = self.client.get(self.plan.get_absolute_url()).content.decode()
        self.assertIn("khoảng 23 %", page)
        self.assertIn("21/21 xã", page)


class UnitCountProgressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.province = make_unit(None, "79", "TP Hồ Chí Minh", UnitKind.CITY)
        cls.district = make_unit(cls.province, "783", "Huyện Củ Chi", UnitKind.RURAL_DISTRICT)
        cls.communes = [make_unit(cls.district, f"2755{n}", f"Xã C{n}") for n in range(3)]
        cls.eval = Indicator.objects.create(
            code="EVAL_DONE", name="Xã hoàn thành đánh giá", measure=Measure.STANDARD, max_level=1
        )
        cls.year = period_get_or_create(code="2023")
        cls.plan = make_plan(cls.district, start_year=2023, end_year=2023, milestone_years=[2023])
        cls.target = target_set(
            plan=cls.plan,
            indicator=cls.eval,
            year=2023,
            kind=TargetKind.AT_LEAST,
            value=D(100),
            units_required=3,
            units_total=3,
        )

    def _status(self):
        result = progress_for(anchors=[self.district], period=self.year, indicators=[self.eval])
        return result[(self.district.pk, self.eval.pk)]

    def test_it_is_met_when_every_commune_named_reaches(self):
        for commune in self.communes:
            Value.objects.create(unit=commune, indicator=self.eval, period=self.year, value=1)
        progress = self._status()
        self.assertEqual((progress.figure.reached, progress.status), (3, Status.ACHIEVED))
        self.assertEqual(target_text(self.target), "3/3 xã")

    def test_it_is_behind_when_one_commune_is_missing(self):
        for commune, level in zip(self.communes, [1, 1, 0], strict=True):
            Value.objects.create(unit=commune, indicator=self.eval, period=self.year, value=level)
        self.assertEqual(self._status().status, Status.BEHIND)

    def test_it_refuses_a_count_larger_than_the_total(self):
        from django.core.exceptions import ValidationError

        with self.assertRaises(ValidationError):
            target_set(plan=self.plan, indicator=self.eval, year=2023, kind="at_least", value=D(100),
                       units_required=4, units_total=3)  # fmt: skip

    def test_it_judges_a_commune_below_by_its_own_standard_not_by_the_count(self):
        Value.objects.create(unit=self.communes[0], indicator=self.eval, period=self.year, value=1)
        result = progress_for(anchors=[self.communes[0]], period=self.year, indicators=[self.eval])
        progress = result[(self.communes[0].pk, self.eval.pk)]
        self.assertTrue(progress.inherited)
        self.assertEqual(progress.status, Status.ACHIEVED)
