"""The demo, as its people see it.

- Today's world: the main accounts work in the structure of 1 July 2025 (new Cổ Đô, Vạn Linh, Hà Nội, new Hưng
  Yên), with 2025 and 2026 results entered in it and 2021-2024 in the old one; on 30/11/2026 Cổ Đô's current
  period is 2026, due 1/12/2026; one legacy account (Ba Vì) keeps the history.
- One assessment per figure: the roll-up page, its chart, the Excel summary and the PDF report show the same
  status for the same figure, and no status contradicts its own figure (achieved while the target is not met at
  the asked level; on track while the projection beside it misses the milestone; behind while met).
- No dead link: each demo account crawls the pages it can reach from its home page and follows every link on
  them; none answers 404 or 500 (a link leads somewhere in the account's scope)."""

import datetime
import re
from collections import Counter, deque
from urllib.parse import urljoin, urlsplit

from django.core.management import call_command
from django.db.models import Count, Q
from django.test import Client, TestCase
from django.urls import reverse

from accounts.models import Role, User
from exports.pdf.report import report_document
from exports.xlsx.summary import summary_data
from plans.models import Plan, TargetKind
from plans.periods import period_resolve
from reports.display import cell_text, rollup_chart
from reports.models import EntryPath, Value
from reports.progress import NUMERIC_KINDS, Status, meets, progress_for
from reports.selectors.entry import entry_periods
from reports.selectors.rollup import rollup_page
from units.models import LEGACY_LAST_DAY, REFORM_DAY, Unit


class DemoInTodaysWorldTests:
    """The demo as it stands on 30/11/2026 (mixed into ``DemoPagesTests``: the demo is loaded once)."""

    TODAY = datetime.date(2026, 11, 30)

    def test_it_puts_the_main_accounts_in_the_2025_structure_and_keeps_one_legacy_account(self):
        units = {name: (u.unit.code, u.unit.valid_from, u.unit.valid_to) for name, u in self.accounts.items() if u.unit}
        self.assertEqual(units["demo-commune"], ("09634", REFORM_DAY, None))  # new Cổ Đô, from six Ba Vì communes
        self.assertEqual(units["demo-vanlinh"], ("06505", REFORM_DAY, None))
        self.assertEqual(units["demo-hungyen"], ("33", REFORM_DAY, None))
        self.assertEqual(units["demo-province"], ("01", None, None))  # Hà Nội: one unit across both structures
        self.assertEqual(units["demo-district"], ("271", None, LEGACY_LAST_DAY))  # the history of Ba Vì
        self.assertIn("09628", self.codo.predecessors.values_list("code", flat=True))  # legacy Cổ Đô

    def test_it_enters_2021_2024_in_the_old_structure_and_2025_2026_in_the_new(self):
        counts = (
            Value.objects.filter(entry_path=EntryPath.DEMO)
            .values("period__year")
            .annotate(
                legacy=Count("pk", filter=Q(unit__valid_to=LEGACY_LAST_DAY)),
                new=Count("pk", filter=Q(unit__valid_from=REFORM_DAY)),
                total=Count("pk"),
            )
        )
        by_year = {row["period__year"]: (row["legacy"], row["new"], row["total"]) for row in counts}
        self.assertEqual(sorted(by_year), [2021, 2022, 2023, 2024, 2025, 2026])
        for year, (legacy, new, total) in by_year.items():
            self.assertEqual((legacy, new) if year < 2025 else (new, legacy), (total, 0), year)
            self.assertGreater(total, 1000, year)
        # Cổ Đô entered 2025; its 2026 report is the demo's to-do, due 1/12/2026.
        codes = set(Value.objects.filter(unit=self.codo).values_list("period__code", flat=True))
        self.assertEqual(codes, {"2025"})
        rows = entry_periods(unit=self.codo, today=self.TODAY)
        upcoming = next(row for row in rows if row.is_next)
        self.assertEqual((upcoming.period.code, upcoming.due_date), ("2026", datetime.date(2026, 12, 1)))

    def test_it_shows_co_dos_2021_2026_series_with_the_back_cast_years_marked(self):
        client = Client()
        client.force_login(self.accounts["demo-province"])
        response = client.get(reverse("reports:series", args=[self.codo.pk]))
        series = response.context["series"]
        self.assertEqual([(y.year, y.backcast) for y in series.years],
                         [(2021, True), (2022, True), (2023, True), (2024, True), (2025, False), (2026, False)])  # fmt: skip
        self.assertContains(response, '<div class="small fw-normal text-muted">tính từ đơn vị cũ</div>', count=4)
        row = next(r for r in series.rows if r.indicator.code == "LEARNING_FAMILY")
        self.assertTrue(all(cell.progress.value is not None for cell in row.cells[:5]))  # 2021-2025
        self.assertIsNone(row.cells[5].progress.value)  # 2026: not entered yet

    def test_it_reads_a_series_in_as_many_queries_for_six_former_communes_as_for_three(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from reports.selectors.series import unit_series

        with CaptureQueriesContext(connection) as queries:
            unit_series(unit=self.codo, last_year=2026)  # formed from six communes
        with self.assertNumQueries(len(queries)):
            unit_series(unit=self.accounts["demo-vanlinh"].unit, last_year=2026)  # from three

    def test_it_has_carried_the_y_tich_plan_over_to_van_linh(self):
        plan = Plan.objects.get(unit=self.accounts["demo-vanlinh"].unit)
        self.assertEqual((plan.continues.unit.name, plan.start_year, plan.end_year), ("Xã Y Tịch", 2025, 2030))
        self.assertTrue(plan.targets.exists())


class DemoPagesTests(DemoInTodaysWorldTests, TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", "--password", "demo-password-for-tests", verbosity=0, stdout=open("/dev/null", "w"))
        cls.accounts = {u.username: u for u in User.objects.select_related("unit").filter(username__startswith="demo-")}
        cls.codo = cls.accounts["demo-commune"].unit
        cls.admin = User(username="tests", role=Role.ADMINISTRATOR)  # full scope, never saved
        cls.hanoi = Unit.objects.of_structure("legacy").get(code="01")
        cls.bavi = Unit.objects.of_structure("legacy").get(code="271")

    def check_consistent(self, progress, where: str) -> None:
        figure, target, status = progress.figure, progress.target, progress.status
        if target is None or status in (None, Status.NO_DATA) or figure is None or figure.value is None:
            return
        if target.kind in NUMERIC_KINDS and target.value is not None:
            met = meets(target.kind, figure.value, target.value, target.value_max)
            self.assertEqual(status == Status.ACHIEVED, met, f"{where}: {status} but met={met}")
        if target.kind == TargetKind.MAINTAIN and target.value is not None:
            self.assertEqual(status == Status.ACHIEVED, figure.value >= target.value, where)
        if status == Status.ON_TRACK and progress.projection is not None:
            self.assertTrue(progress.projection.reached, f"{where}: on track, projection misses the milestone")
        if figure.shares is not None and target.standard_level:
            self.assertEqual(figure.standard_level, target.standard_level, f"{where}: measured at another level")

    def test_no_figure_carries_two_statuses_on_the_page_the_chart_the_excel_and_the_pdf(self):
        checked = 0
        for year in ("2023", "2024"):
            period = period_resolve(year)
            for unit in (self.hanoi, self.bavi):
                page = rollup_page(user=self.admin, unit=unit, period=period)
                indicators = [row.indicator for row in page.rows]
                children = [row.unit for row in page.children]
                below = progress_for(anchors=children, period=period, indicators=indicators)
                summary = summary_data(user=self.admin, unit=unit, period=period)
                document = report_document(user=self.admin, unit=unit, period=period)
                pdf = {line.indicator.pk: cell_text(line.indicator, line.progress) for line in document.rows}
                for row in page.rows:
                    shown = cell_text(row.indicator, row.progress)
                    self.check_consistent(row.progress, f"{unit.code} {year} {row.indicator.code}")
                    self.assertEqual(pdf[row.indicator.pk].status_label, shown.status_label)
                    self.assertEqual(summary.lines[(unit.pk, row.indicator.pk)].status, shown.status_label)
                    for child in children:
                        judged = below[(child.pk, row.indicator.pk)]
                        self.check_consistent(judged, f"{child.code} {year} {row.indicator.code}")
                        line = summary.lines.get((child.pk, row.indicator.pk))
                        if line is not None:
                            self.assertEqual(line.status, cell_text(row.indicator, judged).status_label)
                        checked += 1
                chart = rollup_chart(page)  # the children of the page's chosen indicator
                for child_row, chart_status in zip(page.children, chart["statuses"], strict=True):
                    judged = below[(child_row.unit.pk, page.selected.pk)]
                    self.assertEqual(chart_status, judged.status or "")
                    self.assertEqual(child_row.progress.status, judged.status)
        self.assertGreater(checked, 1000)

    #: Links not followed: leaving the portal's pages (log out, language, the back office), or a file to download
    #: (the Excel and PDF files: seconds each; the permission matrix opens each of them for every persona).
    NOT_FOLLOWED = ("/dang-xuat/", "/ngon-ngu/", "/quan-tri/", "/static/", "/media/", "/api/", "/xuat/")
    FILES = re.compile(r"/pdf/$")
    #: Distinct URLs followed per kind of page (its path with the numbers taken out): enough to meet every link
    #: of every kind of page without walking the 10,000 units of the country.
    PER_KIND = 3

    def crawl(self, username: str) -> tuple[list[str], int]:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(username=username))
        seen, queue, broken, per_kind = {"/"}, deque(["/"]), [], Counter()
        while queue:
            url = queue.popleft()
            response = client.get(url)
            if response.status_code in (404, 500) or response.status_code >= 500:
                broken.append(f"{url} → {response.status_code}")
                continue
            if response.status_code in (301, 302):
                target = response["Location"]
                if target not in seen and not target.startswith(self.NOT_FOLLOWED):
                    seen.add(target)
                    queue.append(target)
                continue
            if "text/html" not in response.get("Content-Type", ""):
                continue
            for href in re.findall(r'href="([^"#]+)', response.content.decode()):
                link = urljoin(url, href.replace("&amp;", "&"))
                parts = urlsplit(link)
                if parts.scheme not in ("", "http") or parts.netloc or link in seen:
                    continue  # another site, or an inline icon (data:)
                if parts.path.startswith(self.NOT_FOLLOWED) or self.FILES.search(parts.path):
                    continue
                kind = re.sub(r"\d+", "#", parts.path)
                if per_kind[kind] >= self.PER_KIND:
                    continue
                per_kind[kind] += 1
                seen.add(link)
                queue.append(link)
        return broken, len(seen)

    def test_every_link_of_every_demo_account_leads_somewhere_in_its_scope(self):
        for username in (
            "demo-commune",
            "demo-vanlinh",
            "demo-district",
            "demo-province",
            "demo-hungyen",
            "demo-admin",
        ):
            with self.subTest(username):
                broken, followed = self.crawl(username)
                self.assertEqual(broken, [], username)
                self.assertGreater(followed, 20, username)
