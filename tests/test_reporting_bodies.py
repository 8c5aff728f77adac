"""Reporting bodies (issue 19, item 1): agencies a plan asks to report, beside the units.

- Hà Nội, KH 290/KH-UBND (shared/seeds/003, dòng 273): “yêu cầu các Sở, ngành, đơn vị ... định kỳ hàng năm
  tổng hợp kết quả, báo cáo Ủy ban nhân dân Thành phố trước ngày 01 tháng 12 (qua Sở Giáo dục và Đào tạo để
  tổng hợp)”: each Sở and the Hội Khuyến học Thành phố are expected reporters.
- Y Tịch (shared/seeds/004, IV.1.d, dòng 93): the Hội Khuyến học xã “hàng năm tổng hợp kết quả ... báo cáo UBND
  xã, Hội Khuyến học huyện”: its report is counted with the commune's, its figures never with the commune's.
"""

import datetime
from decimal import Decimal as D

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from accounts.models import Role
from accounts.policy import may_enter
from demo.plans import seed_load, seed_plan
from indicators.models import Indicator
from indicators.reference import indicators_load
from plans.periods import period_get_or_create
from plans.reporting import bodies_expected, deadlines_around
from reports.models import Submission, SubmissionStatus, Value
from reports.rollup import rollup
from reports.selectors.dashboard import dashboard
from reports.services.submissions import agency_submission_get, submission_get, submission_submit
from reports.services.values import ValueRow, values_record
from units.models import Agency
from units.services import units_load
from units.sources import records

from .factories import UserFactory

HANOI_BODIES = [
    "Ban Dân tộc Thành phố",
    "Ban Thi đua - Khen thưởng (Sở Nội vụ)",
    "Công an Thành phố",
    "Hội Khuyến học Thành phố",
    "Liên đoàn Lao động Thành phố",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Thông tin và Truyền thông",
    "Sở Tài chính",
    "Sở Văn hóa và Thể thao",
]


class HanoiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        units_load(records=records("legacy"), structure="legacy")
        indicators_load()
        seed_load(name="national")
        seed_load(name="ha_noi")
        cls.plan = seed_plan("ha_noi")
        cls.hanoi = cls.plan.unit
        cls.y2024 = period_get_or_create(code="2024")

    def test_it_expects_the_citys_departments_and_the_learning_association_as_reporters_of_kh_290(self):
        bodies = bodies_expected(self.hanoi, self.y2024, deadlines_around(self.hanoi, [self.y2024]))
        self.assertEqual(sorted(b.agency.name for b in bodies), HANOI_BODIES)
        self.assertTrue(all(b.rule.plan_id == self.plan.pk for b in bodies))
        self.assertTrue(all(b.recipient == "Sở Giáo dục và Đào tạo" and "dòng 273" in b.source for b in bodies))
        association = next(b for b in bodies if b.agency.name == "Hội Khuyến học Thành phố")
        self.assertEqual(
            sorted(association.indicators.values_list("code", flat=True)),
            ["LEARNING_CITIZEN", "LEARNING_CLAN", "LEARNING_COMMUNITY", "LEARNING_FAMILY", "LEARNING_UNIT"],
        )

    def test_it_counts_them_on_the_citys_dashboard(self):
        page = dashboard(unit=self.hanoi, period=self.y2024)
        self.assertEqual((page.agency_counts.expected, page.agency_counts.submitted), (9, 0))
        self.assertEqual([row.status_label for row in page.agencies], [""] * 9)
        self.client.force_login(UserFactory(username="so-gddt", role=Role.PROVINCE_REVIEWER, unit=self.hanoi))
        response = self.client.get(reverse("reports:dashboard", args=[self.hanoi.pk, "2024"]))
        self.assertContains(response, "Sở Lao động - Thương binh và Xã hội")
        self.assertContains(response, "Mục V.2, dòng 163-171; dòng 273")


class YTichTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        units_load(records=records("legacy"), structure="legacy")
        indicators_load()
        seed_load(name="national")
        seed_load(name="y_tich")
        cls.plan = seed_plan("y_tich")
        cls.ytich = cls.plan.unit
        cls.chilang = cls.ytich.parent
        cls.association = Agency.objects.get(unit=cls.ytich, name="Hội Khuyến học xã")
        cls.y2024 = period_get_or_create(code="2024")
        cls.family = Indicator.objects.get(code="LEARNING_FAMILY")
        cls.account = UserFactory(
            username="hkh-ytich", role=Role.AGENCY_REPORTER, unit=cls.ytich, agency=cls.association
        )
        cls.commune = UserFactory(username="ytich", role=Role.COMMUNE_REPORTER, unit=cls.ytich)
        cls.officer = UserFactory(username="chilang", role=Role.DISTRICT_OFFICER, unit=cls.chilang)

    def row(self, indicator="LEARNING_FAMILY", numerator="60", denominator="100", agency=True, **kwargs):
        return ValueRow(
            row=1,
            unit_code=self.ytich.code,
            indicator_code=indicator,
            period="2024",
            numerator=numerator,
            denominator=denominator,
            agency=self.association.pk if agency else None,
            **kwargs,
        )


class AgencyEntryTests(YTichTestCase):
    def test_the_association_enters_its_own_indicators(self):
        result = values_record(rows=[self.row()], user=self.account)
        self.assertTrue(result.ok, result.errors)
        value = Value.objects.get(agency=self.association)
        self.assertEqual((value.unit, value.numerator), (self.ytich, 60))

    def test_it_refuses_an_indicator_the_rule_does_not_assign_it(self):
        result = values_record(rows=[self.row("CLC_IT", "1", "2")], user=self.account)
        self.assertEqual(
            [e.message for e in result.errors], ["Chỉ tiêu CLC_IT không thuộc báo cáo của Hội Khuyến học xã."]
        )

    def test_its_account_enters_nothing_for_the_commune_and_the_commune_nothing_for_it(self):
        self.assertFalse(may_enter(self.account, self.ytich, period=self.y2024))
        result = values_record(rows=[self.row(agency=False)], user=self.account)
        self.assertFalse(result.ok)
        result = values_record(rows=[self.row()], user=self.commune)
        self.assertEqual([e.message for e in result.errors], ["Bạn không được nhập số liệu cho cơ quan này."])

    def test_its_figures_never_count_with_the_communes(self):
        values_record(rows=[self.row(agency=False, numerator="70")], user=self.commune)
        values_record(rows=[self.row(numerator="60")], user=self.account)
        figure = rollup(anchors=[self.chilang], period=self.y2024, indicators=[self.family])[
            (self.chilang.pk, self.family.pk)
        ]
        self.assertEqual((figure.numerator, figure.denominator, figure.reported), (D(70), D(100), 1))
        self.assertEqual(Value.objects.of_units().get().numerator, 70)

    def test_it_enters_on_its_page_and_submits_there(self):
        self.client.force_login(self.account)
        url = reverse("reports:agency_report", args=[self.association.pk, "2024"])
        page = self.client.get(url)
        self.assertContains(page, "Mục IV.1.d, dòng 93")
        self.assertEqual([form.row.indicator.code for form in page.context["formset"]], [
            "LEARNING_FAMILY", "LEARNING_CLAN", "LEARNING_COMMUNITY", "LEARNING_UNIT", "LEARNING_CITIZEN",
        ])  # fmt: skip
        from .base import grid_data

        self.client.post(url, grid_data(page, {"LEARNING_FAMILY": {"numerator": "55", "denominator": "100"}}))
        self.assertEqual(Value.objects.get(agency=self.association).numerator, 55)
        self.client.post(url, {"submit": "1"})
        submission = Submission.objects.get(agency=self.association)
        self.assertEqual(
            (submission.status, submission.deadline.due_date), (SubmissionStatus.SUBMITTED, datetime.date(2024, 11, 15))
        )

    def test_a_reviewer_sees_the_page_and_may_not_write_there(self):
        self.client.force_login(self.officer)
        url = reverse("reports:agency_report", args=[self.association.pk, "2024"])
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.post(url, {"submit": "1"}).status_code, 403)


class CountTests(YTichTestCase):
    def test_the_associations_report_is_counted_on_the_communes_and_the_districts_dashboards(self):
        before = dashboard(unit=self.chilang, period=self.y2024)
        self.assertEqual((before.agency_counts.expected, before.agency_counts.submitted), (1, 0))
        values_record(rows=[self.row()], user=self.account)
        submission_submit(
            submission=agency_submission_get(agency=self.association, period=self.y2024), user=self.account
        )
        for unit in (self.ytich, self.chilang):
            page = dashboard(unit=unit, period=self.y2024)
            self.assertEqual((page.agency_counts.expected, page.agency_counts.submitted), (1, 1))
            self.assertEqual(page.agencies[0].status, SubmissionStatus.SUBMITTED)
        page = dashboard(unit=self.ytich, period=self.y2024)
        # the commune's own report stays among the units' (not submitted), the association's is on its own line
        self.assertEqual((page.total.expected, page.total.submitted), (1, 0))

    def test_the_dashboard_reads_the_agencies_in_two_queries_more(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        values_record(rows=[self.row()], user=self.account)
        with CaptureQueriesContext(connection) as with_bodies:
            dashboard(unit=self.chilang, period=self.y2024)
        self.plan.reporting_rules.get().bodies.all().delete()
        with CaptureQueriesContext(connection) as without:
            dashboard(unit=self.chilang, period=self.y2024)
        self.assertEqual(len(with_bodies), len(without) + 1)

    def test_the_communes_own_report_is_not_the_associations(self):
        values_record(rows=[self.row()], user=self.account)
        submission_submit(
            submission=agency_submission_get(agency=self.association, period=self.y2024), user=self.account
        )
        own = Submission.objects.of_units().filter(unit=self.ytich, period=self.y2024).first()
        self.assertIsNone(own)
        # the commune still enters its own values: its report is not locked by the association's
        result = values_record(rows=[self.row(agency=False)], user=self.commune)
        self.assertTrue(result.ok, result.errors)

    def test_the_associations_figures_do_not_fill_the_communes_empty_report(self):
        values_record(rows=[self.row()], user=self.account)
        submission_submit(
            submission=agency_submission_get(agency=self.association, period=self.y2024), user=self.account
        )
        with self.assertRaisesMessage(ValidationError, "Không thể nộp báo cáo trống"):
            submission_submit(submission=submission_get(unit=self.ytich, period=self.y2024), user=self.commune)

    def test_the_communes_confirmations_read_its_own_report_not_the_associations(self):
        values_record(rows=[self.row()], user=self.account)
        submission_submit(
            submission=agency_submission_get(agency=self.association, period=self.y2024), user=self.account
        )
        self.client.force_login(self.commune)
        response = self.client.get(reverse("reports:submission_submit", args=[self.ytich.pk, "2024"]))
        self.assertTrue(response.context["summary"].empty)
        self.assertFalse(response.context["can_submit"])  # nothing of its own entered: nothing to submit
        self.client.force_login(self.officer)
        response = self.client.get(reverse("reports:submission_approve", args=[self.ytich.pk, "2024"]))
        self.assertEqual(response.context["submission"].status, SubmissionStatus.DRAFT)
        self.assertFalse(response.context["can_approve"])  # the association's submitted report is not the commune's
        self.assertEqual(response.context["review"].lines, [])


class AgencyIndexTests(YTichTestCase):
    def test_an_agency_account_finds_the_periods_of_its_own_report(self):
        self.client.force_login(self.account)
        response = self.client.get(reverse("reports:entry_index"))
        self.assertContains(response, "Báo cáo của cơ quan")
        self.assertContains(response, reverse("reports:agency_report", args=[self.association.pk, "2024"]))
        self.assertContains(response, "15/11/2024")


class AgencyReviewTests(YTichTestCase):
    def test_the_district_returns_and_approves_the_associations_report_and_the_association_fixes_it(self):
        url = reverse("reports:agency_report", args=[self.association.pk, "2024"])
        values_record(rows=[self.row()], user=self.account)
        self.client.force_login(self.account)
        self.client.post(url, {"submit": "1"})
        self.assertEqual(self.client.post(url, {"approve": "1"}).status_code, 403)  # not its own reviewer
        self.client.force_login(self.commune)
        self.assertEqual(self.client.post(url, {"approve": "1"}).status_code, 403)
        self.client.force_login(self.officer)
        self.client.post(url, {"return": "1", "reason": "Thiếu số liệu dòng họ học tập"})
        submission = Submission.objects.get(agency=self.association)
        self.assertEqual(
            (submission.status, submission.reason), (SubmissionStatus.RETURNED, "Thiếu số liệu dòng họ học tập")
        )
        result = values_record(rows=[self.row("LEARNING_CLAN", "40", "60")], user=self.account)
        self.assertTrue(result.ok, result.errors)  # a returned report may be corrected
        self.client.force_login(self.account)
        self.client.post(url, {"submit": "1"})
        self.client.force_login(self.officer)
        self.client.post(url, {"approve": "1"})
        submission.refresh_from_db()
        self.assertEqual(submission.status, SubmissionStatus.APPROVED)
        result = values_record(rows=[self.row("LEARNING_CLAN", "41", "60", version=1)], user=self.account)
        self.assertEqual([e.message for e in result.errors], ["Báo cáo đã được duyệt và khóa."])
