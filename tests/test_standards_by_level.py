"""Standards at every level, hand-worked from NĐ 20/2014/NĐ-CP (phổ cập giáo dục THCS, levels 1-3).

Thresholds as the decree sets them: a commune reports its level; a district reaches level 1 when ≥ 90 % of its
communes do, level 3 when 100 % do; a province (city) reaches level 1 when 100 % of its districts do — in the
two-level structure, 100 % of its communes.

Legacy tree, 2024: Hà Nội > Ba Vì (10 communes: 9 at level 3, 1 at level 2)
                           > Đông Anh (10 communes, all at level 3)
Two-level tree, 2026: Hà Nội > 10 communes, all at level 3.
"""

import datetime
from decimal import Decimal as D

from django.test import TestCase

from indicators.models import Indicator, Measure, StandardThreshold
from plans.models import PlanStatus, Target, TargetKind
from plans.periods import period_get_or_create
from reports.models import Value
from reports.progress import Status, progress_for
from reports.rollup import rollup
from units.models import LEGACY_LAST_DAY, REFORM_DAY, Level, UnitKind

from .factories import make_plan, make_unit


class StandardsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hanoi = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        legacy = {"valid_to": LEGACY_LAST_DAY}
        cls.bavi = make_unit(cls.hanoi, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT, **legacy)
        cls.donganh = make_unit(cls.hanoi, "017", "Huyện Đông Anh", UnitKind.RURAL_DISTRICT, **legacy)
        cls.bavi_communes = [make_unit(cls.bavi, f"099{n:02d}", f"Xã B{n}", **legacy) for n in range(10)]
        cls.donganh_communes = [make_unit(cls.donganh, f"004{n:02d}", f"Xã Đ{n}", **legacy) for n in range(10)]
        cls.new_communes = [make_unit(cls.hanoi, f"096{n:02d}", f"Xã M{n}", valid_from=REFORM_DAY) for n in range(10)]

        cls.thcs = Indicator.objects.create(
            code="PCGD_THCS", name="Đạt chuẩn phổ cập giáo dục THCS", measure=Measure.STANDARD, max_level=3
        )
        for level, standard_level, minimum in [
            (Level.DISTRICT, 1, 90),
            (Level.DISTRICT, 3, 100),
            (Level.PROVINCE, 1, 100),
        ]:
            StandardThreshold.objects.create(
                indicator=cls.thcs, level=level, standard_level=standard_level, min_percent=minimum
            )
        cls.y2024, cls.y2026 = period_get_or_create(code="2024"), period_get_or_create(code="2026")
        levels = [3] * 9 + [2]
        for commune, level in zip(cls.bavi_communes, levels, strict=True):
            Value.objects.create(unit=commune, indicator=cls.thcs, period=cls.y2024, value=level)
        for commune in cls.donganh_communes:
            Value.objects.create(unit=commune, indicator=cls.thcs, period=cls.y2024, value=3)
        for commune in cls.new_communes:
            Value.objects.create(unit=commune, indicator=cls.thcs, period=cls.y2026, value=3)

        cls.plan = make_plan(cls.hanoi, issuing_body="UBND Thành phố Hà Nội", number="290/KH-UBND", title="XHHT 2021-2030", start_year=2021, end_year=2030, milestone_years=[2025, 2030], status=PlanStatus.ISSUED, issued_on=datetime.date(2021, 12, 16))  # fmt: skip

    def figure(self, unit, period, level=None, share_of=None):
        return rollup(anchors=[unit], period=period, indicators=[self.thcs])[(unit.pk, self.thcs.pk)].standard(
            level, share_of
        )


class ConditionTests(StandardsTestCase):
    def test_a_district_reaches_a_level_when_enough_of_its_communes_do(self):
        self.assertEqual(self.figure(self.bavi, self.y2024).own_level, 1)  # 100 % at level 1; 90 % < 100 % at 3
        self.assertEqual(self.figure(self.donganh, self.y2024).own_level, 3)
        # Its communes: 9 of 10 at level 3, 10 of 10 at level 1.
        bavi = self.figure(self.bavi, self.y2024, 3)
        self.assertEqual((bavi.reached, bavi.denominator, bavi.value), (9, 10, D(90)))
        self.assertEqual(self.figure(self.bavi, self.y2024, 1).value, 100)

    def test_a_province_reaches_a_level_by_its_districts_then_by_its_communes_after_the_reform(self):
        self.assertEqual(self.figure(self.hanoi, self.y2024).own_level, 1)  # both districts reach level 1
        districts = self.figure(self.hanoi, self.y2024, 3, Level.DISTRICT)
        self.assertEqual((districts.reached, districts.denominator, districts.value), (1, 2, D(50)))
        self.assertEqual((districts.share_of, districts.expected), (Level.DISTRICT, 2))
        communes = self.figure(self.hanoi, self.y2024, 3, Level.COMMUNE)
        self.assertEqual((communes.reached, communes.denominator, communes.value), (19, 20, D(95)))
        # Two-level structure: no districts; the city's condition is on its communes (all at level 3).
        self.assertEqual(self.figure(self.hanoi, self.y2026).own_level, 1)
        after = self.figure(self.hanoi, self.y2026, 3, Level.DISTRICT)
        self.assertEqual((after.share_of, after.value), (Level.COMMUNE, 100))  # districts no longer exist

    def test_a_commune_reaches_the_level_it_reports_only(self):
        commune = self.bavi_communes[-1]  # level 2
        self.assertEqual(self.figure(commune, self.y2024).own_level, 2)
        self.assertEqual(self.figure(commune, self.y2024, 3).value, 0)
        self.assertEqual(self.figure(commune, self.y2024, 2).value, 100)


class TargetByLevelTests(StandardsTestCase):
    def target(self, unit, value, level, share_of="", kind=TargetKind.AT_LEAST, year=2025):
        return Target.objects.create(plan=self.plan, indicator=self.thcs, unit=unit, year=year, kind=kind,
                                     value=value, standard_level=level, share_of=share_of)  # fmt: skip

    def progress(self, unit, period):
        return progress_for(anchors=[unit], period=period, indicators=[self.thcs])[(unit.pk, self.thcs.pk)]

    def test_it_compares_a_target_on_districts_with_the_share_of_districts(self):
        self.target(self.hanoi, 90, 3, Level.DISTRICT)  # "Trên 90 % quận, huyện, thị xã đạt chuẩn … mức độ 3"
        p = self.progress(self.hanoi, self.y2024)
        self.assertEqual((p.figure.value, p.figure.share_of, p.figure.standard_level), (D(50), Level.DISTRICT, 3))
        self.assertNotEqual(p.status, Status.ACHIEVED)

    def test_it_compares_a_target_on_communes_at_the_asked_level(self):
        self.target(self.hanoi, 100, 3)  # 100 % of communes at level 3: 19 of 20 are
        p = self.progress(self.hanoi, self.y2024)
        self.assertEqual((p.figure.value, p.figure.share_of), (D(95), Level.COMMUNE))
        self.assertNotEqual(p.status, Status.ACHIEVED)

    def test_a_commune_at_level_2_does_not_achieve_a_level_3_target(self):
        self.target(self.hanoi, 100, 3, year=2024)  # inherited by every commune, measured at its milestone
        p = self.progress(self.bavi_communes[-1], self.y2024)
        self.assertEqual((p.inherited, p.figure.value, p.status), (True, 0, Status.BEHIND))
        self.assertEqual(self.progress(self.bavi_communes[0], self.y2024).status, Status.ACHIEVED)

    def test_maintaining_100_percent_is_not_achieved_at_95(self):
        self.target(self.hanoi, 100, 3, kind=TargetKind.MAINTAIN)
        p = self.progress(self.hanoi, self.y2024)
        self.assertEqual((p.figure.value, p.status), (D(95), Status.BEHIND))

    def test_the_city_itself_reaches_a_level_target_in_the_two_level_structure(self):
        self.target(self.hanoi, 100, 1, Level.PROVINCE, year=2030)  # "the city reaches level 1"
        p = self.progress(self.hanoi, self.y2026)
        self.assertEqual((p.figure.share_of, p.figure.value, p.status), (Level.PROVINCE, 100, Status.ACHIEVED))
