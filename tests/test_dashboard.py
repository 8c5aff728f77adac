"""The reporting dashboard: expected, submitted, on time, late, missing, returned, approved per child unit and
over time; the late-or-missing list; a number of queries that does not grow with the number of units."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.periods import period_get_or_create, period_resolve
from reports.models import Submission, SubmissionStatus
from reports.selectors.dashboard import dashboard, trend_codes
from units.models import Unit, UnitKind

from .base import PersonasTestCase
from .factories import make_unit
from .test_submissions import make_plan

UTC = datetime.UTC
ON_TIME = datetime.datetime(2025, 6, 10, 3, 0, tzinfo=UTC)
LATE = datetime.datetime(2025, 6, 15, 17, 30, tzinfo=UTC)  # 00:30 on the 16th in Vietnam


def report(unit, period, status, submitted_at=None):
    from reports.services.submissions import deadline_for

    return Submission.objects.create(
        unit=unit,
        period=period,
        status=status,
        submitted_at=submitted_at,
        deadline=deadline_for(unit=unit, period=period),
    )


class DashboardTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.period = period_get_or_create(code="2025S1")
        cls.previous = period_get_or_create(code="2024S2")
        make_plan(cls.hanoi)  # communes report, due 15/6 and 15/12, 2025–2026
        # Hà Nội: Tản Lĩnh approved (on time), Ba Trại submitted late, Cổ Loa missing.
        report(cls.tanlinh, cls.period, SubmissionStatus.APPROVED, ON_TIME)
        report(cls.batrai, cls.period, SubmissionStatus.SUBMITTED, LATE)

    def page(self, user, unit, code="2025S1", name="reports:dashboard", **params):
        self.client.force_login(user)
        return self.client.get(reverse(name, args=[unit.pk, code]), params)

    def counts(self, c):
        return (c.expected, c.submitted, c.on_time, c.late, c.missing, c.returned, c.approved)

    def test_the_province_sees_the_counts_and_rates_in_total_and_per_district(self):
        response = self.page(self.province_reviewer, self.hanoi)
        self.assertEqual(response.status_code, 200)
        page = response.context["page"]
        self.assertEqual(self.counts(page.total), (3, 2, 1, 1, 1, 0, 1))
        self.assertEqual(round(page.total.rate, 1), Decimal("66.7"))
        self.assertEqual(round(page.total.timeliness, 1), Decimal("33.3"))
        rows = {row.unit.code: row.counts for row in page.children}
        self.assertEqual(self.counts(rows["271"]), (2, 2, 1, 1, 0, 0, 1))
        self.assertEqual(self.counts(rows["017"]), (1, 0, 0, 0, 1, 0, 0))
        self.assertEqual(rows["017"].rate, 0)
        self.assertContains(response, "66,7 %")

    def test_a_returned_report_counts_as_returned_and_missing(self):
        report(self.coloa, self.period, SubmissionStatus.RETURNED, ON_TIME)
        page = self.page(self.province_reviewer, self.hanoi).context["page"]
        self.assertEqual(self.counts(page.total), (3, 2, 1, 1, 1, 1, 1))

    def test_the_late_or_missing_list_is_one_click_away(self):
        response = self.page(self.province_reviewer, self.hanoi)
        late_url = reverse("reports:dashboard_late", args=[self.hanoi.pk, "2025S1"])
        self.assertContains(response, late_url)
        page = self.page(self.province_reviewer, self.hanoi, name="reports:dashboard_late").context["page"]
        self.assertEqual([(r.unit.code, r.late) for r in page.rows], [("09913", True), ("00499", False)])
        self.assertEqual(page.rows[0].due_date, datetime.date(2025, 6, 15))
        self.assertEqual(page.rows[1].status_label, "Chưa có báo cáo")
        only_missing = self.page(self.province_reviewer, self.hanoi, name="reports:dashboard_late", loai="missing")
        self.assertEqual([r.unit.code for r in only_missing.context["page"].rows], ["00499"])
        only_late = self.page(self.province_reviewer, self.hanoi, name="reports:dashboard_late", loai="late")
        self.assertEqual([r.unit.code for r in only_late.context["page"].rows], ["09913"])

    def test_the_district_sees_its_own_communes_only(self):
        page = self.page(self.district_officer, self.bavi).context["page"]
        self.assertEqual(self.counts(page.total), (2, 2, 1, 1, 0, 0, 1))
        self.assertEqual([row.unit.code for row in page.children], ["09910", "09913"])
        self.assertFalse(page.ready_to_submit)
        Submission.objects.filter(unit=self.batrai).update(status=SubmissionStatus.APPROVED)
        response = self.page(self.district_officer, self.bavi)
        self.assertTrue(response.context["page"].ready_to_submit)
        self.assertContains(response, "sẵn sàng nộp lên cấp trên")

    def test_out_of_scope_is_404(self):
        self.assertEqual(self.page(self.other_province_reviewer, self.hanoi).status_code, 404)
        self.assertEqual(self.page(self.other_district_officer, self.bavi).status_code, 404)
        response = self.page(self.other_district_officer, self.bavi, name="reports:dashboard_late")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.page(self.province_reviewer, self.hanoi, code="2025S9").status_code, 404)

    def test_the_trend_shows_the_last_six_periods_of_the_same_kind(self):
        self.assertEqual(trend_codes(self.period), ["2022S2", "2023S1", "2023S2", "2024S1", "2024S2", "2025S1"])
        self.assertEqual(trend_codes(period_get_or_create(code="2025Q1"))[:2], ["2023Q4", "2024Q1"])
        later = period_get_or_create(code="2025S2")
        report(self.tanlinh, later, SubmissionStatus.SUBMITTED, datetime.datetime(2025, 12, 1, tzinfo=UTC))
        page = self.page(self.province_reviewer, self.hanoi, code="2025S2").context["page"]
        trend = {row.period_code: row.counts for row in page.trend}
        self.assertEqual(list(trend), ["2023S1", "2023S2", "2024S1", "2024S2", "2025S1", "2025S2"])
        self.assertEqual(self.counts(trend["2025S1"]), (3, 2, 1, 1, 1, 0, 1))
        self.assertEqual(self.counts(trend["2025S2"]), (3, 1, 1, 0, 2, 0, 0))
        self.assertEqual(trend["2024S2"].expected, 0)  # the plan starts in 2025

    def test_no_rule_no_expected_units(self):
        page = self.page(self.other_province_reviewer, self.langson).context["page"]
        self.assertFalse(page.has_rules)
        self.assertEqual(page.total.expected, 0)

    def test_the_number_of_queries_does_not_grow_with_the_number_of_units(self):
        self.client.force_login(self.province_reviewer)
        dashboard_url = reverse("reports:dashboard", args=[self.hanoi.pk, "2025S1"])
        late_url = reverse("reports:dashboard_late", args=[self.hanoi.pk, "2025S1"])
        self.client.get(dashboard_url)  # the session is written on the first request
        with CaptureQueriesContext(connection) as small:
            self.client.get(dashboard_url)
        with CaptureQueriesContext(connection) as small_late:
            self.client.get(late_url)
        for d in range(3):
            district = make_unit(self.hanoi, f"9{d}0", f"Huyện {d}", UnitKind.RURAL_DISTRICT)
            for c in range(8):
                commune = make_unit(district, f"9{d}{c}00", f"Xã {d}-{c}")
                if c % 2:
                    report(commune, self.period, SubmissionStatus.SUBMITTED, LATE if c % 3 else ON_TIME)
        with CaptureQueriesContext(connection) as large:
            response = self.client.get(dashboard_url)
        with CaptureQueriesContext(connection) as large_late:
            late = self.client.get(late_url)
        self.assertEqual(response.context["page"].total.expected, 27)
        self.assertEqual(len(late.context["page"].rows), 1 + 1 + 12 + 9)  # Ba Trại, Cổ Loa, 12 missing, 9 late
        self.assertEqual(len(small), len(large), [q["sql"][:150] for q in small.captured_queries])
        self.assertEqual(len(small_late), len(large_late))
        # The selector alone: 11 queries (the deadlines, the children, expected and submitted per child, the
        # children's own reports, the unit's own, and 4 for the trend); the view resolved the unit and the period.
        hanoi, period = Unit.objects.get(pk=self.hanoi.pk), period_resolve("2025S1")
        with CaptureQueriesContext(connection) as selector:
            dashboard(unit=hanoi, period=period)
        self.assertLessEqual(len(selector), 12, [q["sql"] for q in selector.captured_queries])
