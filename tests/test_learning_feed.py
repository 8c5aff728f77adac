"""Recognitions feed the learning-model ratio indicators, and the roll-up carries them to district and
province; 2,000 families go through the workflow in bulk with the same number of queries as 20."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from indicators.models import Indicator
from indicators.reference import indicators_load
from learning.models import Evaluation, ModelKind, Score, Status, Subject
from learning.services import (
    evaluation_check,
    evaluation_self_assess,
    evaluations_open,
    recognition_decision_issue,
)
from plans.periods import period_get_or_create
from reports.models import Submission, SubmissionStatus, Value
from reports.rollup import rollup

from .base import PersonasTestCase
from .factories import UserFactory
from .test_learning_scoring import points_set
from .test_learning_workflow import DECISION

PASS, FAIL = {"1.1": 50, "1.2": 40}, {"1.1": 20, "1.2": 10}


def register(commune, count, prefix="Hộ"):
    Subject.objects.bulk_create(
        Subject(commune=commune, kind=ModelKind.FAMILY, name=f"{prefix} {n}", code=f"{prefix}-{n}")
        for n in range(count)
    )


def scores_for(evaluations, patterns):
    """Scores as a commune would have entered them (the fixture writes them directly)."""
    rows = []
    for n, evaluation in enumerate(evaluations):
        pattern = patterns[n % len(patterns)]
        for indicator in evaluation.criteria_set.indicators_list:
            rows.append(Score(evaluation=evaluation, indicator=indicator, points=Decimal(pattern[indicator.code])))
    Score.objects.bulk_create(rows, batch_size=5000)


class FeedTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        cls.set = points_set()
        cls.indicator = Indicator.objects.get(code="LEARNING_FAMILY")
        cls.period = period_get_or_create(code="2024")
        cls.batrai_reporter = UserFactory(username="batrai", role=Role.COMMUNE_REPORTER, unit=cls.batrai)
        cls.coloa_reporter = UserFactory(username="coloa", role=Role.COMMUNE_REPORTER, unit=cls.coloa)

    def recognise(self, commune, reporter, checker, passed, failed):
        register(commune, passed + failed, prefix=commune.name)
        evaluations_open(commune=commune, kind=ModelKind.FAMILY, year=2024, user=reporter)
        evaluations = list(Evaluation.objects.filter(subject__commune=commune).order_by("pk"))
        for e in evaluations:
            e.criteria_set = self.set
        scores_for(evaluations[:passed], [PASS])
        scores_for(evaluations[passed:], [FAIL])
        ids = [e.pk for e in evaluations]
        evaluation_self_assess(evaluations=ids, user=reporter)
        evaluation_check(evaluations=ids, user=checker)
        recognition_decision_issue(evaluations=ids, user=reporter, issued_on="2024-12-10", **DECISION)

    def test_it_feeds_the_ratio_and_rolls_it_up_to_district_and_province(self):
        self.recognise(self.tanlinh, self.reporter, self.district_officer, passed=7, failed=3)
        self.recognise(self.batrai, self.batrai_reporter, self.district_officer, passed=2, failed=3)
        self.recognise(self.coloa, self.coloa_reporter, self.other_district_officer, passed=4, failed=0)
        values = {v.unit_id: (v.numerator, v.denominator) for v in Value.objects.filter(indicator=self.indicator)}
        self.assertEqual(values, {self.tanlinh.pk: (7, 10), self.batrai.pk: (2, 5), self.coloa.pk: (4, 4)})

        district = rollup(anchors=[self.bavi, self.donganh], period=self.period, indicators=[self.indicator])
        bavi = district[(self.bavi.pk, self.indicator.pk)]
        self.assertEqual((bavi.numerator, bavi.denominator, bavi.value), (9, 15, Decimal(60)))
        self.assertEqual(district[(self.donganh.pk, self.indicator.pk)].value, Decimal(100))
        province = rollup(anchors=[self.hanoi], period=self.period, indicators=[self.indicator])[
            (self.hanoi.pk, self.indicator.pk)
        ]
        self.assertEqual((province.numerator, province.denominator), (13, 19))
        self.assertEqual((province.reported, province.expected), (3, 3))

    def test_it_counts_the_whole_register_in_the_denominator(self):
        register(self.tanlinh, 5, prefix="Chưa đánh giá")  # on the register, never evaluated this year
        self.recognise(self.tanlinh, self.reporter, self.district_officer, passed=3, failed=2)
        value = Value.objects.get(indicator=self.indicator, unit=self.tanlinh)
        self.assertEqual((value.numerator, value.denominator), (3, 10))

    def test_it_refuses_the_decision_when_the_report_is_locked(self):
        Submission.objects.create(unit=self.tanlinh, period=self.period, status=SubmissionStatus.APPROVED)
        with self.assertRaises(ValidationError):
            self.recognise(self.tanlinh, self.reporter, self.district_officer, passed=1, failed=0)
        self.assertFalse(Evaluation.objects.filter(status=Status.RECOGNISED).exists())
        self.assertFalse(Value.objects.filter(indicator=self.indicator).exists())


class BulkTests(PersonasTestCase):
    """A commune with 2,000 families: self-assessed, checked and recognised in bulk."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        cls.set = points_set()
        register(cls.tanlinh, 2040)
        evaluations_open(commune=cls.tanlinh, kind=ModelKind.FAMILY, year=2024, user=cls.reporter)
        evaluations = list(Evaluation.objects.order_by("pk"))
        for e in evaluations:
            e.criteria_set = cls.set
        # Three results (Tốt, Khá, Chưa đạt) in both batches.
        scores_for(evaluations, [PASS, {"1.1": 40, "1.2": 35}, FAIL])
        # The first decision creates the commune's value, later ones update it: warm up with a first batch.
        cls.warm = [e.pk for e in evaluations[:20]]
        cls.small = [e.pk for e in evaluations[20:40]]
        cls.large = [e.pk for e in evaluations[40:]]

    def run_workflow(self, ids) -> list[int]:
        counts = []
        for step in (
            lambda: evaluation_self_assess(evaluations=ids, user=self.reporter),
            lambda: evaluation_check(evaluations=ids, user=self.district_officer),
            lambda: recognition_decision_issue(evaluations=ids, user=self.reporter, issued_on="2024-12-10", **DECISION),
        ):
            with CaptureQueriesContext(connection) as queries:
                step()
            counts.append(len(queries))
        return counts

    def test_it_takes_as_many_queries_for_2000_families_as_for_20(self):
        self.run_workflow(self.warm)
        small, large = self.run_workflow(self.small), self.run_workflow(self.large)
        self.assertEqual(len(self.large), 2000)
        self.assertEqual(small, large)
        self.assertLess(sum(large), 60)
        self.assertEqual(Evaluation.objects.filter(status=Status.RECOGNISED).count(), 1360)
        self.assertEqual(Evaluation.objects.filter(status=Status.NOT_RECOGNISED).count(), 680)
        value = Value.objects.get(indicator__code="LEARNING_FAMILY", unit=self.tanlinh)
        self.assertEqual((value.numerator, value.denominator), (1360, 2040))

    def test_it_checks_2000_families_in_a_fixed_number_of_queries(self):
        evaluation_self_assess(evaluations=self.large, user=self.reporter)
        with self.assertNumQueries(self.run_check_count()):
            evaluation_check(evaluations=self.large, user=self.district_officer)

    def run_check_count(self) -> int:
        evaluation_self_assess(evaluations=self.small, user=self.reporter)
        with CaptureQueriesContext(connection) as queries:
            evaluation_check(evaluations=self.small, user=self.district_officer)
        return len(queries)
