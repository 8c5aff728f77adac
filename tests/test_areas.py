"""Targets and thresholds that differ by area (issue 19, item 3).

NĐ 20/2014/NĐ-CP, Điều 20: a commune reaches literacy standard level 2 when ≥ 90 % of its people aged 15-60
are literate; an especially difficult commune (xã đặc biệt khó khăn) when ≥ 90 % of its people aged 15-35 are.
The catalogue (indicators/data/catalogue.yaml) and the area categories (units/data/area_categories.yaml) are
loaded from the real data files.

Sóc Sơn, 2024: Xã Thường (no category), Xã Khó (especially difficult from 2021), Xã Cũ (was, until 2022).
Each: 85 of 100 people aged 15-60 literate, 92 of 100 people aged 15-35.
"""

import datetime
import tempfile
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase

from indicators.models import Indicator
from indicators.reference import indicators_load
from plans.models import Target, TargetKind
from plans.periods import period_get_or_create
from plans.targets import target_for, targets_index
from reports.models import Value
from reports.progress import Status, progress_for
from reports.rollup import rollup
from units.areas import area_categories_load, categories_of
from units.models import AreaCategory, UnitArea, UnitKind

from .factories import make_plan, make_unit


class AreasTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        area_categories_load()
        indicators_load()
        cls.difficult = AreaCategory.objects.get(code="dac-biet-kho-khan")
        cls.hanoi = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        cls.socson = make_unit(cls.hanoi, "016", "Huyện Sóc Sơn", UnitKind.RURAL_DISTRICT)
        cls.plain = make_unit(cls.socson, "00376", "Xã Thường")
        cls.hard = make_unit(cls.socson, "00377", "Xã Khó")
        cls.former = make_unit(cls.socson, "00378", "Xã Cũ")
        UnitArea.objects.create(unit=cls.hard, category=cls.difficult, valid_from=datetime.date(2021, 1, 1))
        UnitArea.objects.create(
            unit=cls.former,
            category=cls.difficult,
            valid_from=datetime.date(2016, 1, 1),
            valid_to=datetime.date(2022, 12, 31),
        )
        cls.xmc = Indicator.objects.get(code="XMC")
        cls.y2024 = period_get_or_create(code="2024")
        band_15_60, band_15_35 = Indicator.objects.get(code="XMC2_15_60"), Indicator.objects.get(code="XMC1_15_35")
        for commune in (cls.plain, cls.hard, cls.former):
            Value.objects.create(unit=commune, indicator=band_15_60, period=cls.y2024, numerator=85, denominator=100)
            Value.objects.create(unit=commune, indicator=band_15_35, period=cls.y2024, numerator=92, denominator=100)

    def reached(self, unit, level):
        return rollup(anchors=[unit], period=self.y2024, indicators=[self.xmc])[(unit.pk, self.xmc.pk)].standard(level)


class ThresholdTests(AreasTestCase):
    def test_it_judges_a_difficult_area_commune_against_its_lower_threshold(self):
        self.assertEqual(self.reached(self.hard, 2).reached, 1)
        self.assertEqual(self.reached(self.plain, 2).reached, 0)

    def test_it_judges_a_commune_whose_membership_ended_as_any_other(self):
        self.assertEqual(self.reached(self.former, 2).reached, 0)

    def test_it_counts_each_commune_once_in_the_district(self):
        figure = self.reached(self.socson, 2)
        self.assertEqual((figure.reached, figure.denominator, figure.reported, figure.expected), (1, 3, 3, 3))

    def test_it_reads_the_categories_in_the_same_queries(self):
        with self.assertNumQueries(5):  # aggregates, expected units, sub-periods, thresholds, uppers, the source
            rollup(anchors=[self.socson], period=self.y2024, indicators=[self.xmc], stored=False)
        UnitArea.objects.all().delete()
        with self.assertNumQueries(5):
            rollup(anchors=[self.socson], period=self.y2024, indicators=[self.xmc], stored=False)


class UnitPageTests(AreasTestCase):
    def test_it_shows_a_units_area_categories_with_their_dates(self):
        from accounts.models import Role

        from .factories import UserFactory

        self.client.force_login(UserFactory(username="socson", role=Role.DISTRICT_OFFICER, unit=self.socson))
        response = self.client.get(self.hard.get_absolute_url())
        self.assertContains(response, "Xã đặc biệt khó khăn")
        self.assertContains(response, "từ 01/01/2021")


class TargetTests(AreasTestCase):
    """A plan's learning-family target, 70 % in general and 60 % for especially difficult communes (figures
    of this test, not of a seed)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.family = Indicator.objects.get(code="LEARNING_FAMILY")
        cls.plan = make_plan(cls.socson, number="12/KH-UBND", title="XHHT huyện Sóc Sơn")
        common = {"plan": cls.plan, "indicator": cls.family, "unit": cls.socson, "year": 2025}
        Target.objects.create(**common, kind=TargetKind.AT_LEAST, value=70)
        Target.objects.create(**common, kind=TargetKind.AT_LEAST, value=60, area_category=cls.difficult)
        for commune in (cls.plain, cls.hard):
            Value.objects.create(unit=commune, indicator=cls.family, period=cls.y2024, numerator=65, denominator=100)

    def test_it_gives_each_commune_the_target_of_its_area(self):
        self.assertEqual(target_for(unit=self.hard, indicator=self.family, year=2024)[0].value, D(60))
        self.assertEqual(target_for(unit=self.plain, indicator=self.family, year=2024)[0].value, D(70))
        self.assertEqual(target_for(unit=self.former, indicator=self.family, year=2024)[0].value, D(70))
        # The district itself is not a difficult commune: the general target.
        self.assertEqual(target_for(unit=self.socson, indicator=self.family, year=2024)[0].value, D(70))

    def test_it_measures_progress_against_the_target_that_applies(self):
        results = progress_for(anchors=[self.plain, self.hard], period=self.y2025(), indicators=[self.family])
        self.assertEqual(results[(self.hard.pk, self.family.pk)].status, Status.ACHIEVED)
        self.assertEqual(results[(self.plain.pk, self.family.pk)].status, Status.BEHIND)

    def y2025(self):
        period = period_get_or_create(code="2025")
        for commune in (self.plain, self.hard):
            Value.objects.create(unit=commune, indicator=self.family, period=period, numerator=65, denominator=100)
        return period

    def test_it_reads_the_areas_in_one_more_query_only_when_a_target_has_one(self):
        with self.assertNumQueries(2):
            targets_index(units=[self.plain, self.hard], indicators=[self.family], year=2024)
        with self.assertNumQueries(1):
            targets_index(units=[self.plain, self.hard], indicators=[self.xmc], year=2024)


class ImportTests(TestCase):
    def test_it_imports_memberships_from_a_csv_and_changes_nothing_the_second_time(self):
        area_categories_load()
        district = make_unit(
            make_unit(None, "20", "Tỉnh Lạng Sơn", UnitKind.PROVINCE), "183", "Huyện Chi Lăng", UnitKind.RURAL_DISTRICT
        )
        commune = make_unit(district, "06157", "Xã Y Tịch")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "dbkk.csv"
            path.write_text(
                "ma_don_vi,ma_loai,tu_ngay,den_ngay,can_cu\n06157,dac-biet-kho-khan,01/01/2021,31/12/2025,minh họa\n",
                encoding="utf-8",
            )
            out = StringIO()
            call_command("import_unit_areas", str(path), stdout=out)
            self.assertIn("tạo mới 1", out.getvalue())
            call_command("import_unit_areas", str(path), stdout=out)
            self.assertIn("giữ nguyên 1", out.getvalue())
        self.assertEqual(
            categories_of([commune], datetime.date(2024, 12, 14)),
            {commune.pk: {AreaCategory.objects.get(code="dac-biet-kho-khan").pk}},
        )
        self.assertEqual(categories_of([commune], datetime.date(2026, 1, 1)), {})
