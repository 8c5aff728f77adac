"""The evaluation workflow by role and scope: the commune self-assesses, the level above checks, the
recognising body decides; out of scope is refused, a wrong role is refused with a reason."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError

from indicators.reference import indicators_load
from learning.models import Evaluation, ModelKind, RecognitionDecision, Status, Subject
from learning.services import (
    evaluation_check,
    evaluation_return,
    evaluation_scores_save,
    evaluation_self_assess,
    evaluations_open,
    recognition_decision_issue,
)
from reports.models import EntryPath, Value

from .base import PersonasTestCase
from .test_learning_scoring import levels_set, points_set

DECISION = {"number": "15/QĐ-UBND", "signer_name": "Nguyễn Văn An", "signer_title": "Chủ tịch"}


def score_all(evaluations, user, points):
    """Enter the same points (indicator code → points) for each evaluation, through the service."""
    for evaluation in evaluations:
        indicators = evaluation.criteria_set.indicators_list
        evaluation_scores_save(
            evaluation=evaluation, user=user, scores={i.pk: Decimal(points[i.code]) for i in indicators}
        )


class WorkflowTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        cls.family_set = points_set()
        cls.unit_set = levels_set()
        for name in ("Hộ ông Nguyễn Văn A", "Hộ bà Trần Thị B", "Hộ ông Lê Văn C"):
            Subject.objects.create(commune=cls.tanlinh, kind=ModelKind.FAMILY, name=name, address="Thôn 1")
        Subject.objects.create(commune=cls.tanlinh, kind=ModelKind.UNIT, name="Trường Tiểu học Tản Lĩnh")
        Subject.objects.create(commune=cls.coloa, kind=ModelKind.FAMILY, name="Hộ ở Cổ Loa")

    def open_families(self):
        self.assertEqual(
            evaluations_open(commune=self.tanlinh, kind=ModelKind.FAMILY, year=2024, user=self.reporter), 3
        )
        return list(
            Evaluation.objects.filter(subject__commune=self.tanlinh, subject__kind=ModelKind.FAMILY).order_by(
                "subject_id"
            )
        )

    def test_it_goes_from_draft_to_recognised_with_who_and_when(self):
        evaluations = self.open_families()
        score_all(evaluations[:2], self.reporter, {"1.1": 50, "1.2": 40})
        score_all(evaluations[2:], self.reporter, {"1.1": 20, "1.2": 20})
        ids = [e.pk for e in evaluations]
        evaluation_self_assess(evaluations=ids, user=self.reporter)
        first = Evaluation.objects.get(pk=ids[0])
        self.assertEqual(
            (first.status, first.self_assessed_by, first.total, first.result),
            (Status.SELF_ASSESSED, self.reporter, Decimal(90), "Tốt"),
        )
        self.assertIsNotNone(first.self_assessed_at)

        evaluation_check(evaluations=ids, user=self.district_officer)
        self.assertEqual(Evaluation.objects.get(pk=ids[0]).checked_by, self.district_officer)

        decision = recognition_decision_issue(evaluations=ids, user=self.reporter, issued_on="2024-12-10", **DECISION)
        statuses = dict(Evaluation.objects.filter(pk__in=ids).values_list("subject__name", "status"))
        self.assertEqual(
            statuses,
            {
                "Hộ ông Nguyễn Văn A": Status.RECOGNISED,
                "Hộ bà Trần Thị B": Status.RECOGNISED,
                "Hộ ông Lê Văn C": Status.NOT_RECOGNISED,
            },
        )
        self.assertEqual(decision.issuing_unit, self.tanlinh)
        self.assertEqual(decision.evaluations.count(), 2)
        self.assertEqual(decision.issuing_body, "Ủy ban nhân dân Xã Tản Lĩnh")
        # The counts feed the commune's ratio indicator: 2 recognised of 3 on the register.
        value = Value.objects.get(unit=self.tanlinh, indicator__code="LEARNING_FAMILY", period__code="2024")
        self.assertEqual((value.numerator, value.denominator, value.entry_path), (2, 3, EntryPath.EVALUATION))

    def test_it_lets_only_the_level_above_check(self):
        evaluations = self.open_families()
        score_all(evaluations, self.reporter, {"1.1": 50, "1.2": 40})
        ids = [e.pk for e in evaluations]
        evaluation_self_assess(evaluations=ids, user=self.reporter)
        with self.assertRaisesMessage(PermissionDenied, "cấp trên"):
            evaluation_check(evaluations=ids, user=self.reporter)
        with self.assertRaisesMessage(PermissionDenied, "ngoài phạm vi"):
            evaluation_check(evaluations=ids, user=self.other_district_officer)
        with self.assertRaisesMessage(PermissionDenied, "ngoài phạm vi"):
            evaluation_check(evaluations=ids, user=self.other_province_reviewer)
        self.assertFalse(Evaluation.objects.exclude(status=Status.SELF_ASSESSED).filter(pk__in=ids).exists())
        evaluation_check(evaluations=ids, user=self.province_reviewer)
        self.assertEqual(Evaluation.objects.filter(pk__in=ids, status=Status.CHECKED).count(), 3)

    def test_it_lets_only_the_commune_self_assess(self):
        evaluations = self.open_families()
        score_all(evaluations, self.reporter, {"1.1": 50, "1.2": 40})
        with self.assertRaisesMessage(PermissionDenied, "tài khoản của xã"):
            evaluation_self_assess(evaluations=[evaluations[0].pk], user=self.district_officer)
        with self.assertRaisesMessage(PermissionDenied, "tài khoản của xã"):
            evaluations_open(commune=self.tanlinh, kind=ModelKind.UNIT, year=2024, user=self.district_officer)

    def test_it_refuses_a_step_out_of_order_and_an_incomplete_self_assessment(self):
        evaluations = self.open_families()
        ids = [e.pk for e in evaluations]
        with self.assertRaisesMessage(ValidationError, "Chưa chấm đủ"):
            evaluation_self_assess(evaluations=ids, user=self.reporter)
        with self.assertRaisesMessage(ValidationError, "không ở trạng thái “Đã tự đánh giá”"):
            evaluation_check(evaluations=ids, user=self.district_officer)
        with self.assertRaisesMessage(ValidationError, "Điểm phải từ 0 đến 50"):
            evaluation_scores_save(
                evaluation=evaluations[0],
                user=self.reporter,
                scores={evaluations[0].criteria_set.indicators_list[0].pk: Decimal(60)},
            )

    def test_it_lets_the_checker_return_and_locks_the_scores_after_the_check(self):
        evaluations = self.open_families()
        score_all(evaluations, self.reporter, {"1.1": 50, "1.2": 40})
        ids = [e.pk for e in evaluations]
        evaluation_self_assess(evaluations=ids, user=self.reporter)
        with self.assertRaisesMessage(PermissionDenied, "chỉ cấp kiểm tra"):
            score_all(evaluations[:1], self.reporter, {"1.1": 10, "1.2": 10})
        score_all(evaluations[:1], self.district_officer, {"1.1": 30, "1.2": 30})  # the checker corrects
        self.assertEqual(Evaluation.objects.get(pk=ids[0]).result, "Trung bình")
        evaluation_return(evaluations=ids[1:], user=self.district_officer)
        self.assertEqual(Evaluation.objects.get(pk=ids[1]).status, Status.DRAFT)
        evaluation_check(evaluations=ids[:1], user=self.district_officer)
        with self.assertRaisesMessage(PermissionDenied, "không sửa được điểm"):
            score_all(evaluations[:1], self.district_officer, {"1.1": 50, "1.2": 50})

    def test_it_leaves_unit_recognition_to_the_district(self):
        evaluations_open(commune=self.tanlinh, kind=ModelKind.UNIT, year=2024, user=self.reporter)
        evaluation = Evaluation.objects.get(subject__kind=ModelKind.UNIT)
        score_all([evaluation], self.reporter, {"a": 1, "b": 1, "c": 1, "d": 0})
        evaluation_self_assess(evaluations=[evaluation.pk], user=self.reporter)
        evaluation_check(evaluations=[evaluation.pk], user=self.district_officer)
        with self.assertRaisesMessage(PermissionDenied, "không phải cơ quan công nhận"):
            recognition_decision_issue(
                evaluations=[evaluation.pk], user=self.reporter, issued_on="2025-01-10", **DECISION
            )
        decision = recognition_decision_issue(
            evaluations=[evaluation.pk], user=self.district_officer, issued_on="2025-01-10", **DECISION
        )
        evaluation.refresh_from_db()
        self.assertEqual((evaluation.status, evaluation.level, evaluation.result), (Status.RECOGNISED, 2, "Mức độ 2"))
        self.assertEqual(decision.issuing_unit, self.bavi)
        value = Value.objects.get(unit=self.tanlinh, indicator__code="LEARNING_UNIT", period__code="2024")
        self.assertEqual((value.numerator, value.denominator), (1, 1))

    def test_it_refuses_a_decision_without_number_and_writes_nothing(self):
        evaluations = self.open_families()
        score_all(evaluations, self.reporter, {"1.1": 50, "1.2": 40})
        ids = [e.pk for e in evaluations]
        evaluation_self_assess(evaluations=ids, user=self.reporter)
        evaluation_check(evaluations=ids, user=self.district_officer)
        with self.assertRaises(ValidationError) as raised:
            recognition_decision_issue(
                evaluations=ids, user=self.reporter, issued_on="2024-12-10", **{**DECISION, "number": " "}
            )
        self.assertIn("Cần số, ký hiệu", str(raised.exception))
        self.assertFalse(RecognitionDecision.objects.exists())
        self.assertEqual(Evaluation.objects.filter(status=Status.CHECKED).count(), 3)
