"""Living in the two-level structure, on the real units and lineage: what the account of a 2025 unit reads and
may not write, how accounts of closed units move, how the API and the imports name a unit whose code was reused,
and the pages, workbook and report of a 2025 unit for a year before the reform.

Vạn Linh (2025 commune 06505, Lạng Sơn) was formed from the legacy communes Vạn Linh (06505), Hòa Bình (06508)
and Y Tịch (06520) of Huyện Chi Lăng; new Hưng Yên (33) from legacy Hưng Yên (33) and Thái Bình (34).
"""

import json
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from accounts.policy import may_enter
from accounts.services import accounts_migrate_2025, api_token_create
from indicators.models import Indicator, Measure, PeriodAggregation
from plans.models import Plan, PlanStatus
from plans.periods import period_get_or_create
from reports.models import EntryPath, Submission, Value
from reports.rollup import rollup
from reports.services.values import ValueRow, values_record
from units.models import Lineage, LineageMethod, Structure, Unit

from .factories import AgencyFactory, UserFactory
from .national import NationalTestCase, legacy_unit, new_unit

API = "/api/v1"


class ReformTestCase(NationalTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.family = Indicator.objects.create(
            code="LEARNING_FAMILY", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO, unit_of_measure="%"
        )
        cls.years = {year: period_get_or_create(code=str(year)) for year in range(2021, 2025)}
        # The three legacy communes entered their learning families each year (Y Tịch: 100 + year's last digit).
        for year, period in cls.years.items():
            for unit, base in ((cls.ytich, 100), (cls.old_vanlinh, 200), (cls.hoabinh, 300)):
                Value.objects.create(
                    unit=unit, indicator=cls.family, period=period, numerator=base // 2 + year % 10, denominator=base
                )
        cls.ytich_plan = Plan.objects.create(
            unit=cls.ytich,
            issuing_body="UBND xã Y Tịch",
            title="Kế hoạch xây dựng xã hội học tập xã Y Tịch",
            start_year=2021,
            end_year=2030,
            status=PlanStatus.ISSUED,
        )
        cls.ytich_report = Submission.objects.create(unit=cls.ytich, period=cls.years[2024])
        cls.vanlinh_user = UserFactory(username="vanlinh", role=Role.COMMUNE_REPORTER, unit=cls.vanlinh)
        cls.admin = UserFactory(username="admin", role=Role.ADMINISTRATOR, is_superuser=True, is_staff=True)


class PredecessorScopeTests(ReformTestCase):
    def test_it_lets_van_linhs_account_read_the_y_tich_plan_values_and_report(self):
        user = self.vanlinh_user
        self.assertIn(self.ytich_plan, Plan.objects.visible_to(user))
        years = set(Value.objects.visible_to(user).filter(unit=self.ytich).values_list("period__year", flat=True))
        self.assertEqual(years, {2021, 2022, 2023, 2024})
        self.assertIn(self.ytich_report, Submission.objects.visible_to(user))
        visible = Unit.objects.visible_to(user)
        self.assertEqual(
            set(visible.values_list("name", flat=True)), {"Xã Vạn Linh", "Xã Hòa Bình", "Xã Y Tịch"}
        )  # its own unit and its three predecessors; not their district, not Chi Lăng's other communes

        self.client.force_login(user)
        response = self.client.get(reverse("plans:detail", args=[self.ytich_plan.pk]))
        self.assertContains(response, "Kế hoạch xây dựng xã hội học tập xã Y Tịch")
        response = self.client.get(reverse("reports:rollup", args=[self.ytich.pk, "2024"]))
        self.assertContains(response, "54/100")  # Y Tịch's own 2024 learning families

    def test_it_never_lets_van_linhs_account_write_into_y_tich(self):
        self.client.force_login(self.vanlinh_user)
        response = self.client.get(reverse("reports:entry", args=[self.ytich.pk, "2024"]))
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Bạn chỉ được nhập số liệu của đơn vị mình", status_code=403)

        row = ValueRow(row=2, unit_code="06520", indicator_code="LEARNING_FAMILY", period="2024",
                       numerator=90, denominator=100, version="overwrite")  # fmt: skip
        result = values_record(rows=[row], user=self.vanlinh_user, path=EntryPath.IMPORT)
        self.assertEqual([(e.column, e.message) for e in result.errors],
                         [("unit_code", "Bạn chỉ được xem, không được nhập số liệu của Xã Y Tịch (mã 06520).")])  # fmt: skip
        self.assertEqual(Value.objects.get(unit=self.ytich, period=self.years[2024]).numerator, 54)

    def test_it_enters_no_value_of_a_year_before_the_reform_for_a_2025_unit(self):
        self.client.force_login(self.vanlinh_user)
        response = self.client.get(reverse("reports:entry", args=[self.vanlinh.pk, "2024"]))
        self.assertContains(response, "không nhập số liệu cho kỳ này", status_code=403)
        self.assertEqual(self.client.get(reverse("reports:entry", args=[self.vanlinh.pk, "2026"])).status_code, 200)

    def test_it_lets_a_new_province_read_the_communes_of_its_legacy_provinces(self):
        reviewer = UserFactory(role=Role.PROVINCE_REVIEWER, unit=new_unit("33"))
        visible = Unit.objects.visible_to(reviewer)
        thai_binh = legacy_unit("34")
        self.assertTrue(visible.filter(pk=thai_binh.pk).exists())
        legacy_communes = Unit.objects.filter(path__startswith=thai_binh.path, depth=4)
        self.assertEqual(visible.filter(pk__in=legacy_communes).count(), legacy_communes.count())
        self.assertFalse(visible.filter(code="20").exists())  # Lạng Sơn is another province


class BackcastPagesTests(ReformTestCase):
    def test_it_shows_van_linhs_2024_figure_computed_from_its_former_communes(self):
        self.client.force_login(self.vanlinh_user)
        response = self.client.get(reverse("reports:rollup", args=[self.vanlinh.pk, "2024"]))
        # (54 + 104 + 154) / (100 + 200 + 300) = 312 / 600 = 52 %
        self.assertContains(response, "52,00")
        self.assertContains(response, "312/600")
        self.assertContains(response, "Tính từ đơn vị cũ")
        self.assertContains(response, "được thành lập từ 01/07/2025")

    def test_it_drills_new_hung_yen_2024_down_to_its_2025_communes(self):
        hung_yen = new_unit("33")
        old_commune = Unit.objects.filter(path__startswith=legacy_unit("34").path, depth=4).first()
        Value.objects.create(
            unit=old_commune, indicator=self.family, period=self.years[2024], numerator=7, denominator=10
        )
        self.client.force_login(UserFactory(role=Role.PROVINCE_REVIEWER, unit=hung_yen))
        response = self.client.get(reverse("reports:rollup", args=[hung_yen.pk, "2024"]))
        self.assertContains(response, "Tỉnh Hưng Yên được thành lập từ 01/07/2025")
        self.assertContains(response, "7/10")
        children = response.context["page"].children
        self.assertEqual(len(children), Unit.objects.filter(parent=hung_yen).count())  # the 2025 communes
        [successor] = [row for row in children if row.figure.value is not None]
        self.assertEqual(successor.unit, old_commune.successors.get())
        self.assertEqual(successor.figure.value, 70)

    def test_it_exports_van_linhs_2024_workbook_and_report_with_the_figure(self):
        from exports.pdf.report import report_document
        from exports.xlsx.summary import summary_data

        summary = summary_data(user=self.vanlinh_user, unit=self.vanlinh, period=self.years[2024])
        line = summary.lines[(self.vanlinh.pk, self.family.pk)]
        self.assertEqual((line.numerator, line.denominator, line.origin), (312, 600, "Tính từ đơn vị cũ"))
        document = report_document(user=self.vanlinh_user, unit=self.vanlinh, period=self.years[2024])
        self.assertEqual(document.rows[0].figure.value, 52)

    def test_it_gives_the_2021_2024_history_to_a_2025_progress(self):
        from reports.progress import progress_for

        progress = progress_for(anchors=[self.vanlinh], period=self.years[2024], indicators=[self.family])
        self.assertTrue(progress[(self.vanlinh.pk, self.family.pk)].figure.backcast)


class UnitAddressingTests(ReformTestCase):
    def get(self, path, **params):
        client = Client()
        client.force_login(self.admin)
        return client.get(f"{API}{path}", params)

    def test_it_addresses_legacy_hung_yen_by_its_structure_or_a_day(self):
        today = self.get("/units/", parent="33", page_size=1000).json()["items"]
        legacy = self.get("/units/", parent="33", structure="legacy").json()["items"]
        on_day = self.get("/units/", parent="33", on="2024-12-31").json()["items"]
        self.assertEqual({u["level"] for u in today}, {"commune"})  # new Hưng Yên: communes, no districts
        self.assertEqual({u["level"] for u in legacy}, {"district"})  # legacy Hưng Yên: its districts
        self.assertEqual(on_day, legacy)

        # New Hưng Yên's 2024 figures are computed from its predecessors; legacy Hưng Yên's are its own.
        [new] = self.get("/values/", unit="33", period="2024").json()
        [old] = self.get("/values/", unit="33", period="2024", structure="legacy").json()
        self.assertEqual((new["backcast"], old["backcast"]), (True, False))

    def test_it_gives_the_lineage_with_weights_method_and_source(self):
        body = self.get("/units/33/lineage/", structure="legacy").json()
        self.assertEqual(body["unit"]["valid_to"], "2025-06-30")
        self.assertEqual(
            [(s["unit"]["code"], s["unit"]["valid_from"], s["weight"], s["method"]) for s in body["successors"]],
            [("33", "2025-07-01", 1.0, "whole")],
        )
        body = self.get("/units/33/lineage/").json()
        self.assertEqual({p["unit"]["name"] for p in body["predecessors"]}, {"Tỉnh Hưng Yên", "Tỉnh Thái Bình"})
        self.assertIn("vietnamadminunits", body["predecessors"][0]["source"])

        split = Lineage.objects.filter(method=LineageMethod.EQUAL_SPLIT).select_related("predecessor").first()
        body = self.get(f"/units/{split.predecessor.code}/lineage/", structure="legacy").json()
        self.assertEqual(round(sum(s["weight"] for s in body["successors"]), 6), 1)
        self.assertTrue(all(s["estimated"] for s in body["successors"]))

    def test_it_answers_the_back_cast_figures_of_a_2025_unit(self):
        client = Client()
        token = api_token_create(user=self.vanlinh_user)
        rows = client.get(f"{API}/values/", {"unit": "06505", "period": "2024"}, HTTP_AUTHORIZATION=f"Bearer {token}")
        row = next(r for r in rows.json() if r["indicator_code"] == "LEARNING_FAMILY")
        self.assertEqual((row["value"], row["backcast"], row["estimated_share"]), (52.0, True, 0.0))
        rows = client.get(
            f"{API}/values/", {"unit": "06505", "period": "2024", "structure": "legacy"},
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )  # fmt: skip
        row = next(r for r in rows.json() if r["indicator_code"] == "LEARNING_FAMILY")
        self.assertEqual((row["numerator"], row["denominator"], row["backcast"]), (104.0, 200.0, False))

    def test_it_lands_an_import_row_of_2023_with_a_reused_code_on_the_legacy_unit(self):
        row = ValueRow(row=2, unit_code="06505", indicator_code="LEARNING_FAMILY", period="2023",
                       numerator=120, denominator=200, version="overwrite")  # fmt: skip
        result = values_record(rows=[row], user=self.admin, path=EntryPath.IMPORT)
        self.assertTrue(result.ok, result.errors)
        value = Value.objects.get(indicator=self.family, period=self.years[2023], unit__code="06505")
        self.assertEqual((value.unit_id, value.numerator), (self.old_vanlinh.pk, 120))

        row = ValueRow(row=3, unit_code="06505", indicator_code="LEARNING_FAMILY", period="2026",
                       numerator=130, denominator=200)  # fmt: skip
        self.assertTrue(values_record(rows=[row], user=self.admin, path=EntryPath.IMPORT).ok)
        self.assertEqual(Value.objects.get(period__code="2026").unit_id, self.vanlinh.pk)

    def test_it_posts_a_2023_row_of_a_reused_code_to_the_legacy_unit_through_the_api(self):
        client = Client()
        token = api_token_create(user=self.admin)
        body = [{"unit_code": "06505", "indicator_code": "LEARNING_FAMILY", "period": "2022",
                 "numerator": 1, "denominator": 2, "version": "overwrite"}]  # fmt: skip
        response = client.post(
            f"{API}/values/", json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(Value.objects.get(period=self.years[2022], unit__code="06505").unit_id, self.old_vanlinh.pk)


class AccountsMigrationTests(ReformTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.ytich_user = UserFactory(
            username="ytich", role=Role.COMMUNE_REPORTER, unit=cls.ytich, agency=AgencyFactory(unit=cls.ytich)
        )
        cls.chilang_user = UserFactory(username="chilang", role=Role.DISTRICT_OFFICER, unit=cls.chilang)
        cls.thaibinh_user = UserFactory(username="thaibinh", role=Role.PROVINCE_REVIEWER, unit=legacy_unit("34"))
        cls.hanoi_user = UserFactory(username="hanoi", role=Role.PROVINCE_REVIEWER, unit=new_unit("01"))
        split = Lineage.objects.filter(method=LineageMethod.EQUAL_SPLIT).select_related("predecessor").first()
        cls.split_commune = split.predecessor
        cls.split_user = UserFactory(username="split", role=Role.COMMUNE_REPORTER, unit=cls.split_commune)

    def run_command(self, *args) -> str:
        out = StringIO()
        call_command("migrate_accounts_2025", *args, stdout=out)
        return out.getvalue()

    def units(self):
        return dict(Unit.objects.filter(users__isnull=False).values_list("users__username", "pk"))

    def test_it_reports_without_writing_on_a_dry_run(self):
        before = self.units()
        report = self.run_command("--dry-run")
        self.assertEqual(self.units(), before)
        self.assertIn("CHẠY THỬ", report)
        self.assertIn("sẽ chuyển: ytich: Xã Y Tịch (06520) → Xã Vạn Linh (06505); lý do: xã cũ nhập nguyên", report)
        self.assertIn("Tổng: sẽ chuyển 3, cần quyết định 1.", report)

    def test_it_moves_each_account_to_its_only_successor_and_lists_the_rest(self):
        report = self.run_command()
        for user, unit in (
            (self.ytich_user, self.vanlinh),
            (self.chilang_user, self.langson),
            (self.thaibinh_user, new_unit("33")),
            (self.hanoi_user, new_unit("01")),
            (self.split_user, self.split_commune),
        ):
            user.refresh_from_db()
            self.assertEqual(user.unit_id, unit.pk, user.username)
        self.ytich_user.refresh_from_db()
        self.assertIsNone(self.ytich_user.agency_id)  # the old commune's agency stays with it
        self.assertIn("chilang: Huyện Chi Lăng (187) → Tỉnh Lạng Sơn (20); lý do: cấp huyện không còn", report)
        self.assertIn(f"cần quyết định: split: {self.split_commune.name}", report)
        self.assertIn("chia đều", report)
        again = self.run_command()  # nothing left to move; the account to decide is listed again
        self.assertNotIn("đã chuyển:", again)
        self.assertIn("Tổng: đã chuyển 0, cần quyết định 1.", again)

    def test_it_moves_a_reporter_who_then_enters_for_the_new_commune(self):
        accounts_migrate_2025()
        self.ytich_user.refresh_from_db()
        self.assertEqual(self.ytich_user.unit.structure_day(self.years[2024].reference_day).isoformat(), "2025-07-01")
        self.assertEqual(Unit.objects.of_structure(Structure.REFORM_2025).get(pk=self.ytich_user.unit_id), self.vanlinh)


class YearOfTheReformTests(ReformTestCase):
    """2025: the first half entered by the legacy units, the year and its second half by the 2025 units."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.classes = Indicator.objects.create(
            code="CLASSES", name="Số lớp", measure=Measure.COUNT, period_aggregation=PeriodAggregation.SUM
        )
        cls.centres = Indicator.objects.create(
            code="CENTRES", name="Số trung tâm", measure=Measure.COUNT, period_aggregation=PeriodAggregation.LATEST
        )
        cls.s1, cls.s2 = period_get_or_create(code="2025S1"), period_get_or_create(code="2025S2")
        cls.y2025 = period_get_or_create(code="2025")
        for unit, classes, centres in ((cls.ytich, 3, 1), (cls.old_vanlinh, 4, 2)):
            Value.objects.create(unit=unit, indicator=cls.classes, period=cls.s1, value=classes)
            Value.objects.create(unit=unit, indicator=cls.centres, period=cls.s1, value=centres)
        Value.objects.create(unit=cls.vanlinh, indicator=cls.classes, period=cls.s2, value=5)
        Value.objects.create(unit=cls.vanlinh, indicator=cls.centres, period=cls.s2, value=2)

    def figure(self, unit, period, indicator):
        return rollup(anchors=[unit], period=period, indicators=[indicator])[(unit.pk, indicator.pk)]

    def test_it_adds_the_first_half_of_a_flow_entered_by_the_former_communes(self):
        year = self.figure(self.vanlinh, self.y2025, self.classes)
        self.assertEqual((year.value, year.backcast), (3 + 4 + 5, True))
        self.assertEqual(self.figure(self.langson, self.y2025, self.classes).value, 12)
        first_half = self.figure(self.vanlinh, self.s1, self.classes)
        self.assertEqual((first_half.value, first_half.backcast), (7, True))
        self.assertEqual(self.figure(self.vanlinh, self.s2, self.classes).value, 5)

    def test_it_takes_the_year_a_2025_unit_entered_for_the_whole_year(self):
        Value.objects.create(unit=self.vanlinh, indicator=self.classes, period=self.y2025, value=20)
        year = self.figure(self.vanlinh, self.y2025, self.classes)
        self.assertEqual((year.value, year.backcast), (20, False))

    def test_it_takes_a_stocks_latest_value_the_2025_units_own(self):
        self.assertEqual(self.figure(self.vanlinh, self.y2025, self.centres).value, 2)

    def test_it_lets_each_structure_enter_its_half_of_the_year(self):
        ytich_user = UserFactory(role=Role.COMMUNE_REPORTER, unit=self.ytich)
        for user, code, unit, allowed in (
            (ytich_user, "2025S1", self.ytich, True),
            (ytich_user, "2025", self.ytich, False),
            (self.vanlinh_user, "2025S1", self.vanlinh, False),
            (self.vanlinh_user, "2025S2", self.vanlinh, True),
            (self.vanlinh_user, "2025", self.vanlinh, True),
        ):
            with self.subTest(user=user.username, period=code):
                self.assertEqual(may_enter(user, unit, period=period_get_or_create(code=code)), allowed)


class ReportingAcrossTheReformTests(ReformTestCase):
    def test_it_expects_kh_290s_yearly_report_from_hanois_communes_from_2025(self):
        from plans.models import Frequency, Reporters, ReportingRule
        from plans.reporting import deadlines_around, expected_q
        from plans.services import deadlines_generate
        from units.models import Level

        from .factories import make_plan

        hanoi = new_unit("01")  # one unit across both structures
        kh290 = make_plan(hanoi, issuing_body="UBND Thành phố Hà Nội", number="290/KH-UBND")
        ReportingRule.objects.create(plan=kh290, frequency=Frequency.YEARLY, due_days=["12-01"],
                                     reporters=Reporters.SUBTREE)  # fmt: skip
        deadlines_generate(plan=kh290)

        def expected(code):
            period = period_get_or_create(code=code)
            return Unit.objects.filter(expected_q(hanoi, period, deadlines_around(hanoi, [period])))

        communes_2025 = Unit.objects.of_structure(Structure.REFORM_2025).descendants_of(hanoi)
        self.assertEqual(set(expected("2025")), set(communes_2025))
        self.assertEqual(set(expected("2030")), set(communes_2025))
        self.assertEqual(communes_2025.count(), 126)
        self.assertFalse(expected("2026").at_level(Level.DISTRICT).exists())  # no districts any more
        legacy = Unit.objects.of_structure(Structure.LEGACY).descendants_of(hanoi)
        self.assertEqual(set(expected("2024")), set(legacy))  # its 30 districts and 579 communes, before
        self.assertEqual(legacy.at_level(Level.DISTRICT).count(), 30)
