"""Concurrent edits on PostgreSQL: two people saving the same value, two reviewers acting on one report, and an
approval racing an edit. Each thread has its own database connection (real transactions and row locks).

Run with: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python -m pytest tests/test_concurrency.py
"""

import threading
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TransactionTestCase

from accounts.models import Role
from indicators.models import Indicator, Measure
from plans.periods import period_get_or_create
from reports.models import Submission, SubmissionStatus, Value
from reports.services import values as services
from reports.services.submissions import (
    StaleSubmission,
    submission_approve,
    submission_get,
    submission_return,
    submission_submit,
)
from reports.services.values import ValueRow, values_record
from units.models import UnitKind

from .factories import UserFactory, make_unit

TIMEOUT = 20


def in_thread(target, results: dict, key: str) -> threading.Thread:
    """Run ``target`` in a thread with its own connection; its result or exception lands in ``results[key]``."""

    def run():
        try:
            results[key] = target()
        except Exception as error:  # noqa: BLE001 - handed back to the test
            results[key] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.postgres
class ConcurrencyTests(TransactionTestCase):
    def setUp(self):
        hanoi = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        self.bavi = make_unit(hanoi, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT)
        self.tanlinh = make_unit(self.bavi, "09910", "Xã Tản Lĩnh")
        self.reporter = UserFactory(username="reporter", role=Role.COMMUNE_REPORTER, unit=self.tanlinh)
        self.colleague = UserFactory(username="colleague", role=Role.COMMUNE_REPORTER, unit=self.tanlinh)
        self.district_officer = UserFactory(username="district", role=Role.DISTRICT_OFFICER, unit=self.bavi)
        self.province_reviewer = UserFactory(username="province", role=Role.PROVINCE_REVIEWER, unit=hanoi)
        Indicator.objects.create(code="CLC", name="Số TTHTCĐ", measure=Measure.COUNT, entry_level="commune")
        self.period = period_get_or_create(code="2025S1")
        self.assertTrue(values_record(rows=[self.row("3")], user=self.reporter).ok)
        self.value = Value.objects.get()

    def row(self, value: str, version: int | None = None) -> ValueRow:
        return ValueRow(row=1, unit_code="09910", indicator_code="CLC", period="2025S1", value=value, version=version)

    def test_two_saves_of_the_same_value_from_the_same_version_the_second_is_told_and_nothing_is_lost(self):
        both_validated = threading.Barrier(2, timeout=TIMEOUT)
        original = services._warnings

        def warnings_after_both_validated(clean):
            both_validated.wait()  # both have read version 1 before either writes
            return original(clean)

        results: dict = {}
        with mock.patch.object(services, "_warnings", warnings_after_both_validated):
            threads = [
                in_thread(lambda: values_record(rows=[self.row("5", version=1)], user=self.reporter), results, "a"),
                in_thread(lambda: values_record(rows=[self.row("7", version=1)], user=self.colleague), results, "b"),
            ]
            for thread in threads:
                thread.join(TIMEOUT)
        winners = [k for k in ("a", "b") if results[k].ok]
        losers = [k for k in ("a", "b") if not results[k].ok]
        self.assertEqual((len(winners), len(losers)), (1, 1), results)
        [error] = results[losers[0]].errors
        self.assertIn("Giá trị vừa được", error.message)
        self.assertIn("hãy xem lại trước khi lưu", error.message)
        value = Value.objects.get()
        self.assertEqual((value.value, value.version), ({"a": 5, "b": 7}[winners[0]], 2))
        self.assertEqual(value.history.count(), 2)  # created, then the winner's save: no silent overwrite
        # The loser's figure is still in hand (the form shows it back); saved from the new version, it goes in.
        retry = values_record(rows=[self.row({"a": "5", "b": "7"}[losers[0]], version=2)], user=self.reporter)
        self.assertTrue(retry.ok)
        self.assertEqual(Value.objects.get().version, 3)

    def test_two_reviewers_acting_on_the_same_report_version_the_second_gets_a_stale_submission(self):
        submission = submission_get(unit=self.tanlinh, period=self.period)
        submission = submission_submit(submission=submission, user=self.reporter)
        version = submission.version
        start = threading.Barrier(2, timeout=TIMEOUT)

        def approve():
            start.wait()
            return submission_approve(submission=submission, user=self.district_officer, version=version)

        def give_back():
            start.wait()
            return submission_return(submission=submission, user=self.province_reviewer, reason="Sai", version=version)

        results: dict = {}
        threads = [in_thread(approve, results, "approve"), in_thread(give_back, results, "return")]
        for thread in threads:
            thread.join(TIMEOUT)
        stale = [k for k, r in results.items() if isinstance(r, StaleSubmission)]
        done = [k for k, r in results.items() if isinstance(r, Submission)]
        self.assertEqual((len(stale), len(done)), (1, 1), results)
        final = Submission.objects.get()
        self.assertEqual(final.version, version + 1)
        self.assertEqual(final.status, {"approve": "approved", "return": "returned"}[done[0]])
        self.assertEqual(final.history.count(), 3)  # created, submitted, one review

    def test_an_edit_racing_an_approval_of_a_submitted_report_is_refused_and_the_approval_stands(self):
        submission = submission_submit(
            submission=submission_get(unit=self.tanlinh, period=self.period), user=self.reporter
        )
        start = threading.Barrier(2, timeout=TIMEOUT)

        def approve():
            start.wait()
            return submission_approve(submission=submission, user=self.district_officer)

        def edit():
            start.wait()
            return values_record(rows=[self.row("9")], user=self.reporter)

        results: dict = {}
        for thread in [in_thread(approve, results, "approve"), in_thread(edit, results, "edit")]:
            thread.join(TIMEOUT)
        self.assertIsInstance(results["approve"], Submission)
        self.assertFalse(results["edit"].ok)
        self.assertIn(
            results["edit"].errors[0].message, {"Báo cáo đã nộp, đang chờ duyệt.", "Báo cáo đã được duyệt và khóa."}
        )
        self.assertEqual(Value.objects.get().value, 3)
        self.assertEqual(Submission.objects.get().status, SubmissionStatus.APPROVED)

    def test_an_edit_validated_before_the_submission_cannot_land_after_the_approval(self):
        submission = submission_get(unit=self.tanlinh, period=self.period)
        validated, go = threading.Event(), threading.Event()
        original = services._warnings

        def pause_after_validation(clean):
            validated.set()
            go.wait(TIMEOUT)
            return original(clean)

        def review():
            submitted = submission_submit(submission=submission, user=self.reporter)
            return submission_approve(submission=submitted, user=self.district_officer)

        results: dict = {}
        with mock.patch.object(services, "_warnings", pause_after_validation):
            edit = in_thread(
                lambda: values_record(rows=[self.row("8", version=1)], user=self.colleague), results, "edit"
            )
            self.assertTrue(validated.wait(TIMEOUT))
            reviewer = in_thread(review, results, "review")
            reviewer.join(3)  # with the report row locked by the edit, the review waits here
            go.set()
            edit.join(TIMEOUT)
            reviewer.join(TIMEOUT)
        self.assertIsInstance(results["review"], Submission, results)
        submission = Submission.objects.get()
        self.assertEqual(submission.status, SubmissionStatus.APPROVED)
        submitted_at = submission.history.filter(status=SubmissionStatus.SUBMITTED).earliest().history_date
        edit_result = results["edit"]
        if isinstance(edit_result, ValidationError) or not edit_result.ok:
            return  # refused by the lock: fine
        # Accepted: then it must have been written before the report was submitted (the reviewer saw it).
        last_change = Value.objects.get().history.latest().history_date
        self.assertLess(last_change, submitted_at)
