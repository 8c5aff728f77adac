"""Weaknesses an outside probe found, each closed:

- a recognition decision is seen by the units it concerns and those above them (and its issuer), not by a
  sibling commune of the one it concerns: on its page, in its PDF, on the board;
- evidence files download as attachments with ``X-Content-Type-Options: nosniff``, never shown inline
  (``test_learning_evidence.py``);
- the values API refuses JSON ``true``/``false`` as a number, with the row's error;
- a session lasts a working day by default (``SESSION_COOKIE_AGE``, 8 hours);
- staff status (the administration at /quan-tri/) is reserved to administrators: the database refuses it to
  anyone else, the user form says why, and no one else opens the administration.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Role, User
from accounts.services import api_token_create
from indicators.models import Indicator, Measure
from indicators.reference import indicators_load
from learning.models import Evaluation, ModelKind, RecognitionDecision, Subject
from learning.services import evaluation_check, evaluation_self_assess, evaluations_open, recognition_decision_issue
from reports.models import Value

from .base import PASSWORD, PersonasTestCase
from .factories import UserFactory
from .test_learning_scoring import levels_set
from .test_learning_workflow import DECISION, score_all
from .test_security_settings import production_settings


class DecisionScopeTests(PersonasTestCase):
    """Ba Vì's district decision recognises a unit of Tản Lĩnh: Ba Trại, its sibling, must not read it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        levels_set()
        cls.batrai_reporter = UserFactory(username="batrai", role=Role.COMMUNE_REPORTER, unit=cls.batrai)
        Subject.objects.create(commune=cls.tanlinh, kind=ModelKind.UNIT, name="Trường Tiểu học Tản Lĩnh")
        evaluations_open(commune=cls.tanlinh, kind=ModelKind.UNIT, year=2024, user=cls.reporter)
        evaluation = Evaluation.objects.get()
        score_all([evaluation], cls.reporter, {"a": 1, "b": 1, "c": 1, "d": 0})
        evaluation_self_assess(evaluations=[evaluation.pk], user=cls.reporter)
        evaluation_check(evaluations=[evaluation.pk], user=cls.district_officer)
        cls.decision = recognition_decision_issue(
            evaluations=[evaluation.pk], user=cls.district_officer, issued_on="2025-01-10", **DECISION
        )

    def pages(self):
        return [
            reverse("learning:decision", args=[self.decision.pk]),
            reverse("learning:decision_pdf", args=[self.decision.pk]),
        ]

    def test_it_hides_the_decision_from_a_sibling_commune_and_a_sibling_district(self):
        for user in (self.batrai_reporter, self.other_district_officer, self.other_province_reviewer):
            self.client.force_login(user)
            for url in self.pages():
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, 404)
            self.assertFalse(RecognitionDecision.objects.visible_to(user).exists())

    def test_it_shows_the_decision_to_the_commune_it_concerns_its_issuer_and_the_levels_above(self):
        for user in (self.reporter, self.district_officer, self.province_reviewer, self.admin):
            self.client.force_login(user)
            for url in self.pages():
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, 200)

    def test_it_lists_the_decision_on_the_board_of_the_commune_it_concerns_only(self):
        self.client.force_login(self.reporter)
        board = self.client.get(reverse("learning:board", args=[self.tanlinh.pk, 2024]), {"loai": "unit"})
        self.assertContains(board, self.decision.number)
        self.client.force_login(self.batrai_reporter)
        board = self.client.get(reverse("learning:board", args=[self.batrai.pk, 2024]), {"loai": "unit"})
        self.assertNotContains(board, self.decision.number)


class ValuesApiBooleanTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Indicator.objects.create(code="CLC", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT)
        Indicator.objects.create(code="GDHT", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO)

    def test_it_refuses_true_and_false_as_numbers_with_the_row_error(self):
        token = api_token_create(user=self.reporter)
        rows = [
            {"unit_code": "09910", "indicator_code": "CLC", "period": "2024", "value": True},
            {"unit_code": "09910", "indicator_code": "GDHT", "period": "2024", "numerator": False, "denominator": 3},
        ]
        response = self.client.post(
            reverse("api-v1:record_values"),
            json.dumps(rows),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        self.assertEqual(response.status_code, 400, response.content)
        errors = [(e["row"], e["column"]) for e in response.json()["errors"]]
        self.assertEqual(errors, [(1, "value"), (2, "numerator")])
        self.assertIn("không phải là số", response.json()["errors"][0]["message"])
        self.assertFalse(Value.objects.exists())


class SessionLifetimeTests(PersonasTestCase):
    def test_it_ends_a_session_after_a_working_day_by_default(self):
        prod = production_settings(
            "from django.test import Client\nfrom accounts.models import User\n"
            "print(json.dumps({'age': settings.SESSION_COOKIE_AGE}))\n"
        )
        self.assertEqual(prod["age"], 8 * 3600)

    def test_it_sets_the_cookie_to_that_lifetime(self):
        response = self.client.post(reverse("login"), {"username": "reporter", "password": PASSWORD})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response.cookies["sessionid"]["max-age"], 8 * 3600)


class StaffOnlyForAdministratorsTests(PersonasTestCase):
    def test_the_database_refuses_staff_status_to_anyone_but_an_administrator(self):
        for user in (self.reporter, self.district_officer, self.province_reviewer):
            with self.subTest(user=user.username), self.assertRaises(IntegrityError), transaction.atomic():
                User.objects.filter(pk=user.pk).update(is_staff=True)

    def test_the_user_form_says_why(self):
        self.province_reviewer.is_staff = True
        with self.assertRaisesMessage(ValidationError, "Chỉ tài khoản quản trị hệ thống"):
            self.province_reviewer.full_clean()

    def test_the_administration_refuses_the_change_in_the_user_form(self):
        self.client.force_login(self.admin)
        url = reverse("admin:accounts_user_change", args=[self.province_reviewer.pk])
        form = self.client.get(url).context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | tuple)}
        data.update({"is_staff": "on", "is_active": "on", "date_joined_0": "2025-01-01", "date_joined_1": "08:00:00"})
        response = self.client.post(url, data)
        self.assertContains(response, "Chỉ tài khoản quản trị hệ thống")
        self.province_reviewer.refresh_from_db()
        self.assertFalse(self.province_reviewer.is_staff)

    def test_no_one_but_an_administrator_opens_the_administration(self):
        for user in (self.reporter, self.district_officer, self.province_reviewer):
            self.client.force_login(user)
            with self.subTest(user=user.username):
                response = self.client.get("/quan-tri/")
                self.assertEqual(response.status_code, 302)
                self.assertIn("/quan-tri/login/", response["Location"])
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get("/quan-tri/").status_code, 200)
