"""Hand-computed roll-ups for each measure type, on a three-level and a two-level tree."""

import datetime
from decimal import Decimal

from django.test import TestCase

from indicators.models import Indicator, Measure, PeriodAggregation, StandardThreshold
from plans.periods import period_get_or_create
from reports.models import Value
from reports.rollup import rollup
from units.models import Level, UnitKind

from .factories import make_unit


def indicator(code, measure, **kwargs):
    return Indicator.objects.create(code=code, name=code, measure=measure, entry_level=Level.COMMUNE, **kwargs)


def put(unit, ind, period, **kwargs):
    return Value.objects.create(unit=unit, indicator=ind, period=period, **kwargs)


class RollupThreeLevelTests(TestCase):
    """Province > 2 districts > 3 communes (legacy structure, period 2023)."""

    @classmethod
    def setUpTestData(cls):
        end = datetime.date(2025, 6, 30)
        cls.province = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        cls.d1 = make_unit(cls.province, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT, valid_to=end)
        cls.d2 = make_unit(cls.province, "017", "Huyện Đông Anh", UnitKind.RURAL_DISTRICT, valid_to=end)
        cls.c1 = make_unit(cls.d1, "09628", "Xã Cổ Đô", valid_to=end)
        cls.c2 = make_unit(cls.d1, "09625", "Xã Phú Cường", valid_to=end)
        cls.c3 = make_unit(cls.d2, "00499", "Xã Cổ Loa", valid_to=end)
        cls.p = period_get_or_create(code="2023")
        cls.clc = indicator("CLC", Measure.COUNT, period_aggregation=PeriodAggregation.SUM)
        cls.literacy = indicator("LIT", Measure.RATIO)
        cls.standard = indicator("XMC2", Measure.STANDARD, max_level=3)
        cls.derived = indicator("XMC2_DERIVED", Measure.STANDARD, source=cls.literacy)
        StandardThreshold.objects.create(indicator=cls.derived, level=Level.COMMUNE, min_percent=90)
        # c1: 90/100 (reaches 90 %), c2: 850/1000 (85 %), c3 did not report the ratio.
        put(cls.c1, cls.clc, cls.p, value=2)
        put(cls.c2, cls.clc, cls.p, value=3)
        put(cls.c3, cls.clc, cls.p, value=5)
        put(cls.c1, cls.literacy, cls.p, numerator=90, denominator=100)
        put(cls.c2, cls.literacy, cls.p, numerator=850, denominator=1000)
        put(cls.c1, cls.standard, cls.p, value=2)
        put(cls.c2, cls.standard, cls.p, value=0)
        put(cls.c3, cls.standard, cls.p, not_applicable=True)

    def figures(self, anchors, **kwargs):
        return rollup(
            anchors=anchors, period=self.p, indicators=[self.clc, self.literacy, self.standard, self.derived], **kwargs
        )

    def test_it_sums_counts(self):
        f = self.figures([self.province])
        self.assertEqual(f[(self.province.pk, self.clc.pk)].value, 10)
        self.assertEqual(
            (f[(self.province.pk, self.clc.pk)].reported, f[(self.province.pk, self.clc.pk)].expected), (3, 3)
        )

    def test_it_divides_the_sums_for_a_ratio_never_averages_percentages(self):
        figure = self.figures([self.province])[(self.province.pk, self.literacy.pk)]
        # (90 + 850) / (100 + 1000) = 85.4545...%, not (90 % + 85 %) / 2 = 87.5 %
        self.assertEqual((figure.numerator, figure.denominator), (940, 1100))
        self.assertAlmostEqual(float(figure.value), 85.4545, places=3)
        self.assertEqual((figure.reported, figure.expected), (2, 3))

    def test_it_gives_the_share_of_units_reaching_a_standard(self):
        f = self.figures([self.province])[(self.province.pk, self.standard.pk)]
        # c1 reaches, c2 does not, c3 has nothing to report: 1 of 2 = 50 %; all 3 reported.
        self.assertEqual((f.reached, f.value, f.reported, f.not_applicable), (1, 50, 3, 1))

    def test_it_counts_units_reaching_a_given_level(self):
        f = self.figures([self.province], standard_level=3)[(self.province.pk, self.standard.pk)]
        self.assertEqual(f.reached, 0)

    def test_it_derives_a_standard_from_a_ratio_threshold(self):
        f = self.figures([self.province])[(self.province.pk, self.derived.pk)]
        # Only c1 passes 90 %; c3 gave no ratio.
        self.assertEqual((f.reached, f.reported, f.value), (1, 2, 50))

    def test_it_drills_down_to_districts_with_completeness(self):
        f = self.figures([self.d1, self.d2])
        self.assertEqual(f[(self.d1.pk, self.clc.pk)].value, 5)
        self.assertEqual(f[(self.d2.pk, self.clc.pk)].value, 5)
        self.assertIsNone(f[(self.d2.pk, self.literacy.pk)].value)
        self.assertEqual(
            (f[(self.d2.pk, self.literacy.pk)].reported, f[(self.d2.pk, self.literacy.pk)].expected), (0, 1)
        )

    def test_it_shows_a_communes_own_value_at_the_entry_level(self):
        f = self.figures([self.c1, self.c2, self.c3])
        self.assertEqual(f[(self.c1.pk, self.literacy.pk)].value, 90)
        self.assertFalse(f[(self.c1.pk, self.literacy.pk)].rolled_up)

    def test_it_uses_a_constant_number_of_queries(self):
        with self.assertNumQueries(5):
            self.figures([self.province])
        with self.assertNumQueries(5):
            self.figures([self.c1, self.c2, self.c3])


class RollupTwoLevelTests(TestCase):
    """Province > communes (structure from 1/7/2025, period 2026), half-year entries rolled into a year."""

    @classmethod
    def setUpTestData(cls):
        start = datetime.date(2025, 7, 1)
        cls.province = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        cls.old = make_unit(
            cls.province, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT, valid_to=datetime.date(2025, 6, 30)
        )
        cls.old_commune = make_unit(cls.old, "09628", "Xã Cổ Đô", valid_to=datetime.date(2025, 6, 30))
        cls.c1 = make_unit(cls.province, "09619", "Xã Ba Vì", valid_from=start)
        cls.c2 = make_unit(cls.province, "09625", "Xã Cổ Đô", valid_from=start)
        cls.classes = indicator("CLASSES", Measure.COUNT, period_aggregation=PeriodAggregation.SUM)
        cls.families = indicator("LEARNING_FAMILY", Measure.RATIO, period_aggregation=PeriodAggregation.LATEST)
        s1, s2 = period_get_or_create(code="2026S1"), period_get_or_create(code="2026S2")
        cls.year = period_get_or_create(code="2026")
        put(cls.c1, cls.classes, s1, value=4)
        put(cls.c1, cls.classes, s2, value=6)
        put(cls.c2, cls.classes, cls.year, value=7)
        put(cls.c1, cls.families, s1, numerator=10, denominator=100)
        put(cls.c1, cls.families, s2, numerator=70, denominator=100)
        put(cls.c2, cls.families, s1, numerator=30, denominator=50)
        # A legacy commune's value does not belong to the two-level structure of 2026.
        put(cls.old_commune, cls.classes, cls.year, value=100)

    def test_it_sums_flows_over_the_half_years_of_a_year(self):
        f = rollup(anchors=[self.province], period=self.year, indicators=[self.classes])[
            (self.province.pk, self.classes.pk)
        ]
        self.assertEqual((f.value, f.reported, f.expected), (17, 2, 2))

    def test_it_takes_the_latest_half_year_for_stocks(self):
        f = rollup(anchors=[self.province], period=self.year, indicators=[self.families])[
            (self.province.pk, self.families.pk)
        ]
        # c1's second half (70/100) and c2's first (30/50): 100/150.
        self.assertEqual((f.numerator, f.denominator), (100, 150))
        self.assertAlmostEqual(float(f.value), 66.667, places=2)

    def test_it_rolls_a_half_year_up_directly(self):
        s1 = period_get_or_create(code="2026S1")
        f = rollup(anchors=[self.province], period=s1, indicators=[self.families])[(self.province.pk, self.families.pk)]
        self.assertEqual((f.numerator, f.denominator, f.reported), (40, 150, 2))
        self.assertEqual(f.value, Decimal(40) * 100 / 150)


class RollupApprovedOnlyTests(TestCase):
    """Roll-ups over approved reports only, or over everything entered."""

    @classmethod
    def setUpTestData(cls):
        from reports.models import Submission, SubmissionStatus

        cls.province = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        cls.c1 = make_unit(cls.province, "00001", "Phường Một")
        cls.c2 = make_unit(cls.province, "00002", "Phường Hai")
        cls.p = period_get_or_create(code="2026")
        cls.clc = indicator("CLC", Measure.COUNT)
        put(cls.c1, cls.clc, cls.p, value=2)
        put(cls.c2, cls.clc, cls.p, value=5)
        Submission.objects.create(unit=cls.c1, period=cls.p, status=SubmissionStatus.APPROVED)
        Submission.objects.create(unit=cls.c2, period=cls.p, status=SubmissionStatus.SUBMITTED)

    def test_it_counts_only_approved_reports_when_asked(self):
        key = (self.province.pk, self.clc.pk)
        everything = rollup(anchors=[self.province], period=self.p, indicators=[self.clc])[key]
        approved = rollup(anchors=[self.province], period=self.p, indicators=[self.clc], approved_only=True)[key]
        self.assertEqual((everything.value, everything.reported), (7, 2))
        self.assertEqual((approved.value, approved.reported, approved.expected), (2, 1, 2))
