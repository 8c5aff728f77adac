"""Scoring by each scheme: points ranked by bands (every boundary) and levels 1-3 with conditions."""

from decimal import Decimal

from django.test import TestCase

from learning.models import Band, CriteriaIndicator, CriteriaSet, Criterion, ModelKind, Scheme
from learning.reference import criteria_sets_load
from learning.scoring import score_check, score_evaluate
from units.models import Level


def points_set(code="TEST-POINTS", kind=ModelKind.FAMILY, level=Level.COMMUNE, **kwargs) -> CriteriaSet:
    """Two indicators of 50 points; the bands of TT 22/2020/TT-BGDĐT."""
    criteria_set = CriteriaSet.objects.create(
        code=code,
        name=code,
        kind=kind,
        legal_basis="TT 22/2020/TT-BGDĐT",
        scheme=Scheme.POINTS,
        recognising_level=level,
        **kwargs,
    )
    criterion = Criterion.objects.create(criteria_set=criteria_set, code="1", name="Tiêu chí 1", max_points=100)
    for n in (1, 2):
        CriteriaIndicator.objects.create(criterion=criterion, order=n, code=f"1.{n}", name=f"Chỉ số {n}", max_points=50)
    for name, low, high, ok in [
        ("Tốt", 85, None, True),
        ("Khá", 70, 85, True),
        ("Trung bình", 50, 70, True),
        ("Chưa đạt", 0, 50, False),
    ]:
        Band.objects.create(criteria_set=criteria_set, name=name, min_points=low, max_points=high, recognised=ok)
    return criteria_set


def levels_set(code="TEST-LEVELS", kind=ModelKind.UNIT, level=Level.DISTRICT) -> CriteriaSet:
    """Indicators a, b for level 1, c for level 2, d for level 3."""
    criteria_set = CriteriaSet.objects.create(
        code=code,
        name=code,
        kind=kind,
        legal_basis="TT 24/2023/TT-BGDĐT",
        scheme=Scheme.LEVELS,
        recognising_level=level,
    )
    criterion = Criterion.objects.create(criteria_set=criteria_set, code="1", name="Tiêu chí")
    for n, (code_, lvl) in enumerate([("a", 1), ("b", 1), ("c", 2), ("d", 3)]):
        CriteriaIndicator.objects.create(criterion=criterion, order=n, code=code_, name=code_, level=lvl)
    return criteria_set


def by_code(criteria_set, **points):
    return {
        i.pk: Decimal(str(points[i.code.replace(".", "_")]))
        for i in criteria_set.indicators_list
        if i.code.replace(".", "_") in points
    }


class PointsSchemeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.set = points_set()

    def band(self, first, second):
        criteria_set = CriteriaSet.objects.get(pk=self.set.pk)
        return score_evaluate(criteria_set, by_code(criteria_set, **{"1_1": first, "1_2": second}))

    def test_it_sums_the_points_and_ranks_at_every_boundary(self):
        cases = [
            (50, 50, "Tốt"),
            (50, 35, "Tốt"),
            (50, "34.99", "Khá"),
            (50, 20, "Khá"),
            (50, "19.99", "Trung bình"),
            (50, 0, "Trung bình"),
            ("49.99", 0, "Chưa đạt"),
            (0, 0, "Chưa đạt"),
        ]
        for first, second, expected in cases:
            with self.subTest(first=first, second=second):
                outcome = self.band(first, second)
                self.assertEqual(outcome.total, Decimal(str(first)) + Decimal(str(second)))
                self.assertEqual(outcome.label, expected)
                self.assertEqual(outcome.recognisable, expected != "Chưa đạt")

    def test_it_reads_84_99_as_kha_and_85_as_tot(self):
        self.assertEqual(self.band(50, "34.99").band.name, "Khá")
        self.assertEqual(self.band(50, 35).band.name, "Tốt")
        self.assertEqual(self.band(50, "19.99").band.name, "Trung bình")
        self.assertEqual(self.band(50, 20).band.name, "Khá")
        self.assertEqual(self.band("49.99", 0).label, "Chưa đạt")
        self.assertEqual(self.band(50, 0).label, "Trung bình")

    def test_it_counts_a_missing_score_as_zero(self):
        criteria_set = CriteriaSet.objects.get(pk=self.set.pk)
        self.assertEqual(score_evaluate(criteria_set, by_code(criteria_set, **{"1_1": 50})).total, 50)

    def test_it_refuses_points_above_the_maximum(self):
        criteria_set = CriteriaSet.objects.get(pk=self.set.pk)
        errors = score_check(criteria_set, by_code(criteria_set, **{"1_1": 51, "1_2": -1}))
        self.assertEqual(len(errors), 2)
        self.assertIn("Điểm phải từ 0 đến 50", next(iter(errors.values())))

    def test_it_computes_without_a_query_once_the_set_is_loaded(self):
        criteria_set = CriteriaSet.objects.get(pk=self.set.pk)
        criteria_set.indicators_list, criteria_set.bands_list  # noqa: B018 - load once
        with self.assertNumQueries(0):
            score_evaluate(criteria_set, by_code(criteria_set, **{"1_1": 40, "1_2": 40}))

    def test_it_refuses_recognition_below_the_floor_of_one_indicator(self):
        """Learning citizens: ≥ 80/100 and no indicator below 5."""
        criteria_set = points_set(code="CITIZEN", kind=ModelKind.CITIZEN, min_indicator_points=5)
        ok = score_evaluate(criteria_set, by_code(criteria_set, **{"1_1": 45, "1_2": 40}))
        low = score_evaluate(criteria_set, by_code(criteria_set, **{"1_1": 50, "1_2": 4}))
        self.assertTrue(ok.recognisable)
        self.assertEqual(low.total, 54)
        self.assertFalse(low.recognisable)
        self.assertEqual(low.label, "Chưa đạt")


class LevelsSchemeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.set = levels_set()

    def level(self, **met):
        criteria_set = CriteriaSet.objects.get(pk=self.set.pk)
        return score_evaluate(criteria_set, by_code(criteria_set, **{k: 1 for k in met if met[k]}))

    def test_it_reaches_a_level_when_every_condition_up_to_it_is_met(self):
        cases = [
            ({}, 0),
            ({"a": 1}, 0),
            ({"a": 1, "b": 1}, 1),
            ({"a": 1, "b": 1, "c": 1}, 2),
            ({"a": 1, "b": 1, "c": 1, "d": 1}, 3),
            ({"a": 1, "b": 1, "d": 1}, 1),
            ({"c": 1, "d": 1}, 0),
        ]
        for met, expected in cases:
            with self.subTest(met=met):
                outcome = self.level(**met)
                self.assertEqual(outcome.level, expected)
                self.assertEqual(outcome.recognisable, expected >= 1)
                self.assertEqual(outcome.label, f"Mức độ {expected}" if expected else "Chưa đạt")

    def test_it_takes_only_met_or_not_met(self):
        criteria_set = CriteriaSet.objects.get(pk=self.set.pk)
        self.assertTrue(score_check(criteria_set, by_code(criteria_set, a=2)))
        self.assertFalse(score_check(criteria_set, by_code(criteria_set, a=1, b=0)))


class DemoSetsTests(TestCase):
    def test_it_ships_the_sets_of_the_regulations_marked_illustrative(self):
        self.assertEqual(criteria_sets_load().created, len(CriteriaSet.objects.all()))
        self.assertEqual(criteria_sets_load().created, 0)  # idempotent
        tt22 = CriteriaSet.objects.get(code="TT22-2020-DVHT")
        self.assertEqual([c.max_points for c in tt22.criteria.all()], [30, 30, 40])
        self.assertEqual(tt22.max_total, 100)
        self.assertEqual([(b.name, b.min_points) for b in tt22.bands_list][:2], [("Tốt", 85), ("Khá", 70)])
        self.assertEqual(CriteriaSet.objects.get(code="TT24-2023-DVHT").scheme, Scheme.LEVELS)
        self.assertEqual(CriteriaSet.objects.filter(legal_basis__contains="25/2023").count(), 3)
        self.assertFalse(CriteriaSet.objects.filter(is_illustrative=False).exists())
        self.assertIn("minh họa", tt22.note)
        # versioned by legal basis: the set in force depends on the year
        from learning.services import criteria_set_for

        self.assertEqual(criteria_set_for(kind=ModelKind.UNIT, year=2022).code, "TT22-2020-DVHT")
        self.assertEqual(criteria_set_for(kind=ModelKind.UNIT, year=2024).code, "TT24-2023-DVHT")
