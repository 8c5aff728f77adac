"""The read API v1: authentication, scope, fields, filters, pagination and the OpenAPI schema."""

import datetime
import io
from decimal import Decimal

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import ApiToken
from accounts.services import api_token_create
from indicators.models import Indicator, Measure, PeriodAggregation
from plans.models import DueKind, Frequency, Plan, PlanStatus, ReportingRule, Target, TargetKind, Task
from plans.services import deadlines_generate, target_set
from units.models import LEGACY_LAST_DAY, REFORM_DAY, Unit, UnitKind
from units.services import unit_root

from .base import PersonasTestCase
from .factories import AgencyFactory, make_unit

API = "/api/v1"


def make_plan(unit, number, title, **kwargs):
    defaults = {"issuing_body": f"UBND {unit.name}", "start_year": 2021, "end_year": 2030, "status": PlanStatus.ISSUED}
    return Plan.objects.create(unit=unit, number=number, title=title, **{**defaults, **kwargs})


class ApiTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.root = unit_root()
        cls.literacy = Indicator.objects.create(
            code="XMC_15_60",
            name="Tỷ lệ người 15-60 tuổi biết chữ",
            measure=Measure.RATIO,
            unit_of_measure="%",
            entry_level="commune",
            period_aggregation=PeriodAggregation.LATEST,
            order=1,
        )
        cls.centres = Indicator.objects.create(
            code="TTHTCD",
            name="Số trung tâm học tập cộng đồng",
            measure=Measure.COUNT,
            unit_of_measure="trung tâm",
            entry_level="district",
            period_aggregation=PeriodAggregation.SUM,
            order=2,
        )

        cls.national_plan = make_plan(cls.root, "1373/QĐ-TTg", "Đề án xây dựng xã hội học tập", kind="decision")
        cls.hanoi_plan = make_plan(
            cls.hanoi, "74/KH-UBND", "Kế hoạch xây dựng xã hội học tập Hà Nội", parent=cls.national_plan
        )
        cls.hanoi_plan.issued_on = datetime.date(2022, 3, 15)
        cls.hanoi_plan.save()
        cls.bavi_plan = make_plan(cls.bavi, "12/KH-UBND", "Kế hoạch của huyện Ba Vì", parent=cls.hanoi_plan)
        cls.tanlinh_plan = make_plan(cls.tanlinh, "5/KH-UBND", "Kế hoạch của xã Tản Lĩnh", parent=cls.bavi_plan)
        cls.donganh_plan = make_plan(cls.donganh, "8/KH-UBND", "Kế hoạch của huyện Đông Anh", parent=cls.hanoi_plan)
        cls.langson_plan = make_plan(cls.langson, "183/KH-UBND", "Kế hoạch của tỉnh Lạng Sơn")

        target_set(
            plan=cls.hanoi_plan, indicator=cls.literacy, year=2025, kind=TargetKind.AT_LEAST, value=Decimal("99.5")
        )
        target_set(
            plan=cls.hanoi_plan, indicator=cls.centres, year=2025, kind=TargetKind.EXACTLY, value=12, unit=cls.bavi
        )
        cls.task = Task.objects.create(
            plan=cls.hanoi_plan,
            order=1,
            title="Tuyên truyền về xây dựng xã hội học tập",
            lead=cls.so_gddt,
            due_kind=DueKind.QUARTER,
            due_year=2025,
            due_quarter=2,
        )
        cls.task.partners.add(cls.phong_bavi)
        Task.objects.create(plan=cls.hanoi_plan, order=2, title="Tổng kết", due_kind=DueKind.GUIDANCE)
        ReportingRule.objects.create(
            plan=cls.hanoi_plan,
            frequency=Frequency.HALF_YEARLY,
            due_days=["06-15", "12-15"],
            first_year=2025,
            last_year=2025,
        )
        deadlines_generate(plan=cls.hanoi_plan)

    def get(self, user, path, **params):
        self.client.force_login(user)
        return self.client.get(API + path, params)

    def items(self, response):
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()["items"]


class MeApiTests(ApiTestCase):
    def test_it_answers_me_with_a_session(self):
        response = self.get(self.reporter, "/me/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(), {"username": "reporter", "role": "commune_reporter", "unit_code": self.tanlinh.code}
        )

    def test_it_answers_me_with_a_bearer_token(self):
        token = api_token_create(user=self.district_officer)
        response = self.client.get(f"{API}/me/", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"username": "district", "role": "district_officer", "unit_code": "271"})

    def test_it_gives_no_unit_code_for_an_administrator_without_a_unit(self):
        self.assertEqual(self.get(self.admin, "/me/").json()["unit_code"], None)

    def test_it_answers_401_in_json_without_credentials(self):
        response = self.client.get(f"{API}/me/")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertIn("Chưa xác thực", response.json()["detail"])
        self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="xhht"')

    def test_it_answers_401_for_a_bad_token(self):
        for header in ("Bearer xhht_not-a-token", "Bearer ", "Token abc", "Bearer"):
            with self.subTest(header=header):
                response = self.client.get(f"{API}/units/", headers={"Authorization": header})
                self.assertEqual(response.status_code, 401)
                self.assertIn("detail", response.json())

    def test_it_answers_401_for_a_revoked_token(self):
        token = api_token_create(user=self.reporter)
        ApiToken.objects.filter(user=self.reporter).update(revoked_at=timezone.now())
        response = self.client.get(f"{API}/me/", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status_code, 401)

    def test_it_answers_401_for_the_token_of_an_inactive_user(self):
        token = api_token_create(user=self.reporter)
        self.reporter.is_active = False
        self.reporter.save()
        response = self.client.get(f"{API}/me/", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status_code, 401)

    def test_it_prints_a_working_token_from_the_management_command(self):
        out = io.StringIO()
        call_command("api_token", "reporter", stdout=out)
        token = out.getvalue().strip()
        self.assertTrue(token.startswith("xhht_"))
        response = self.client.get(f"{API}/me/", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["username"], "reporter")


class UnitApiTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # One code for two units of different times: a legacy one and its 2025 successor.
        cls.old_ward = make_unit(cls.hanoi, "30001", "Phường cũ", UnitKind.URBAN_DISTRICT, valid_to=LEGACY_LAST_DAY)
        cls.new_ward = make_unit(cls.hanoi, "30001", "Phường mới", UnitKind.URBAN_DISTRICT, valid_from=REFORM_DAY)
        make_unit(cls.old_ward, "30011", "Xã của đơn vị cũ", valid_to=LEGACY_LAST_DAY)
        make_unit(cls.new_ward, "30012", "Phường của đơn vị mới", UnitKind.WARD, valid_from=REFORM_DAY)
        # One code for two units that both ended: the most recent one answers.
        cls.ended_early = make_unit(
            cls.langson, "30002", "Huyện A", UnitKind.RURAL_DISTRICT, valid_to=datetime.date(2019, 12, 31)
        )
        cls.ended_late = make_unit(
            cls.langson, "30002", "Huyện A", UnitKind.RURAL_DISTRICT, valid_to=datetime.date(2024, 12, 31)
        )
        make_unit(cls.ended_early, "30021", "Xã của huyện A (đến 2019)", valid_to=datetime.date(2019, 12, 31))
        make_unit(cls.ended_late, "30022", "Xã của huyện A (đến 2024)", valid_to=datetime.date(2024, 12, 31))

    def codes(self, user, **params):
        return [unit["code"] for unit in self.items(self.get(user, "/units/", **params))]

    def test_it_lists_only_the_commune_of_a_reporter(self):
        self.assertEqual(self.codes(self.reporter), ["09910"])

    def test_it_lists_a_district_and_its_communes(self):
        self.assertEqual(self.codes(self.district_officer), ["271", "09910", "09913"])

    def test_it_never_lists_another_province(self):
        codes = self.codes(self.other_province_reviewer)
        self.assertIn("06187", codes)
        self.assertNotIn("01", codes)
        self.assertNotIn("09910", codes)

    def test_it_gives_every_field(self):
        units = {unit["code"]: unit for unit in self.items(self.get(self.admin, "/units/", page_size=1000))}
        self.assertEqual(
            units["271"],
            {
                "code": "271",
                "name": "Huyện Ba Vì",
                "level": "district",
                "type": "rural_district",
                "parent_code": "01",
                "valid_from": None,
                "valid_to": None,
            },
        )
        self.assertEqual(units["VN"]["level"], "national")
        self.assertEqual(units["VN"]["parent_code"], None)
        self.assertEqual(units["30012"]["valid_from"], "2025-07-01")

    def test_it_filters_by_level(self):
        self.assertEqual(self.codes(self.province_reviewer, level="province"), ["01"])
        self.assertEqual(sorted(self.codes(self.province_reviewer, level="district")), ["017", "271", "30001", "30001"])
        self.assertEqual(self.codes(self.admin, level="national"), ["VN"])

    def test_it_answers_422_with_a_clear_message_for_a_bad_level(self):
        response = self.get(self.province_reviewer, "/units/", level="foo")
        self.assertEqual(response.status_code, 422)
        detail = response.json()["detail"]
        self.assertIsInstance(detail, str)
        self.assertIn("'level' = 'foo'", detail)
        self.assertIn("'province'", detail)

    def test_it_answers_422_for_a_bad_structure(self):
        response = self.get(self.province_reviewer, "/units/", structure="2030")
        self.assertEqual(response.status_code, 422)
        self.assertIn("structure", response.json()["detail"])

    def test_it_filters_by_structure(self):
        legacy = self.codes(self.province_reviewer, structure="legacy")
        reform = self.codes(self.province_reviewer, structure="2025")
        self.assertIn("30011", legacy)
        self.assertNotIn("30012", legacy)
        self.assertIn("30012", reform)
        self.assertNotIn("30011", reform)
        self.assertIn("09910", legacy)
        self.assertIn("09910", reform)

    def test_it_filters_by_parent_code(self):
        self.assertEqual(self.codes(self.province_reviewer, parent="271"), ["09910", "09913"])

    def test_it_gives_only_the_children_in_scope(self):
        self.assertEqual(self.codes(self.reporter, parent="271"), ["09910"])
        self.assertEqual(self.codes(self.other_province_reviewer, parent="271"), [])
        self.assertEqual(self.codes(self.province_reviewer, parent="nope"), [])

    def test_it_takes_the_parent_valid_today(self):
        self.assertEqual(self.codes(self.province_reviewer, parent="30001"), ["30012"])

    def test_it_takes_the_most_recent_parent_when_none_is_valid_today(self):
        self.assertEqual(self.codes(self.admin, parent="30002"), ["30022"])
        self.assertEqual(Unit.objects.named("30001", day=datetime.date(2024, 1, 1)), self.old_ward)

    def test_it_takes_the_parent_of_a_day_or_a_structure_when_asked(self):
        # "30001" is the new ward today; the legacy ward of the same code is named by a day or its structure.
        self.assertEqual(self.codes(self.province_reviewer, parent="30001", structure="legacy"), ["30011"])
        self.assertEqual(self.codes(self.province_reviewer, parent="30001", on="2024-12-31"), ["30011"])
        self.assertEqual(self.codes(self.province_reviewer, parent="30001", structure="2025"), ["30012"])

    def test_it_combines_filters(self):
        self.assertEqual(
            self.codes(self.province_reviewer, level="district", structure="legacy"), ["271", "017", "30001"]
        )

    def test_it_lists_units_without_a_query_per_row(self):
        self.client.force_login(self.admin)
        with CaptureQueriesContext(connection) as few:
            self.client.get(f"{API}/units/", {"page_size": 3})
        with self.assertNumQueries(len(few)):
            response = self.client.get(f"{API}/units/", {"page_size": 1000})
        self.assertGreater(len(response.json()["items"]), 10)

    def test_it_paginates(self):
        everything = self.get(self.admin, "/units/").json()
        self.assertEqual(set(everything), {"items", "count"})
        self.assertEqual(everything["count"], len(everything["items"]))
        first = self.get(self.admin, "/units/", page_size=2).json()
        second = self.get(self.admin, "/units/", page_size=2, page=2).json()
        self.assertEqual(first["count"], everything["count"])
        self.assertEqual(
            [u["code"] for u in first["items"] + second["items"]], [u["code"] for u in everything["items"][:4]]
        )
        self.assertEqual(self.get(self.admin, "/units/", page=99).json()["items"], [])

    def test_it_answers_422_for_a_bad_page(self):
        for params in ({"page": "x"}, {"page": 0}, {"page_size": 0}):
            with self.subTest(params=params):
                response = self.get(self.admin, "/units/", **params)
                self.assertEqual(response.status_code, 422)
                self.assertIsInstance(response.json()["detail"], str)

    def test_it_needs_authentication(self):
        self.assertEqual(self.client.get(f"{API}/units/").status_code, 401)


class IndicatorApiTests(ApiTestCase):
    def test_it_lists_the_indicators(self):
        response = self.get(self.reporter, "/indicators/")
        self.assertEqual(response.json()["count"], 2)
        self.assertEqual(
            response.json()["items"],
            [
                {
                    "code": "XMC_15_60",
                    "name": "Tỷ lệ người 15-60 tuổi biết chữ",
                    "measure": "ratio",
                    "unit": "%",
                    "entry_level": "commune",
                    "period_aggregation": "latest",
                },
                {
                    "code": "TTHTCD",
                    "name": "Số trung tâm học tập cộng đồng",
                    "measure": "count",
                    "unit": "trung tâm",
                    "entry_level": "district",
                    "period_aggregation": "sum",
                },
            ],
        )

    def test_it_needs_authentication(self):
        self.assertEqual(self.client.get(f"{API}/indicators/").status_code, 401)


class PlanApiTests(ApiTestCase):
    def ids(self, user):
        return {plan["id"] for plan in self.items(self.get(user, "/plans/"))}

    def test_it_lists_own_and_ancestor_plans_for_a_commune_reporter(self):
        self.assertEqual(
            self.ids(self.reporter),
            {self.national_plan.pk, self.hanoi_plan.pk, self.bavi_plan.pk, self.tanlinh_plan.pk},
        )

    def test_it_hides_a_sibling_district_and_another_province(self):
        ids = self.ids(self.district_officer)
        self.assertNotIn(self.donganh_plan.pk, ids)
        self.assertNotIn(self.langson_plan.pk, ids)
        self.assertEqual(self.ids(self.other_province_reviewer), {self.national_plan.pk, self.langson_plan.pk})

    def test_it_lists_every_plan_for_an_administrator(self):
        self.assertEqual(self.ids(self.admin), set(Plan.objects.values_list("pk", flat=True)))

    def test_it_gives_the_list_fields(self):
        plans = {plan["id"]: plan for plan in self.items(self.get(self.province_reviewer, "/plans/"))}
        self.assertEqual(
            plans[self.hanoi_plan.pk],
            {
                "id": self.hanoi_plan.pk,
                "number": "74/KH-UBND",
                "title": "Kế hoạch xây dựng xã hội học tập Hà Nội",
                "unit_code": "01",
                "issued_on": "2022-03-15",
                "start_year": 2021,
                "end_year": 2030,
                "parent_id": self.national_plan.pk,
                "continues_id": None,
            },
        )
        self.assertEqual(plans[self.national_plan.pk]["parent_id"], None)

    def test_it_paginates_plans(self):
        body = self.get(self.admin, "/plans/", page_size=2).json()
        self.assertEqual(body["count"], 6)
        self.assertEqual(len(body["items"]), 2)

    def test_it_gives_the_plan_detail(self):
        response = self.get(self.reporter, f"/plans/{self.hanoi_plan.pk}/")
        self.assertEqual(response.status_code, 200)
        plan = response.json()
        self.assertEqual(plan["number"], "74/KH-UBND")
        self.assertEqual(plan["unit_code"], "01")
        self.assertEqual(
            plan["targets"],
            [
                {
                    "indicator_code": "XMC_15_60",
                    "year": 2025,
                    "value": 99.5,
                    "value_max": None,
                    "kind": "at_least",
                    "unit_code": "01",
                },
                {
                    "indicator_code": "TTHTCD",
                    "year": 2025,
                    "value": 12,
                    "value_max": None,
                    "kind": "exactly",
                    "unit_code": "271",
                },
            ],
        )
        self.assertEqual(
            plan["tasks"],
            [
                {
                    "title": "Tuyên truyền về xây dựng xã hội học tập",
                    "lead": "Sở Giáo dục và Đào tạo Hà Nội",
                    "partners": ["Phòng Giáo dục và Đào tạo Ba Vì"],
                    "partners_note": "",
                    "due": "Quý 2 năm 2025",
                    "due_date": "2025-06-30",
                },
                {
                    "title": "Tổng kết",
                    "lead": None,
                    "partners": [],
                    "partners_note": "",
                    "due": "Theo hướng dẫn",
                    "due_date": None,
                },
            ],
        )
        self.assertEqual(
            plan["reporting_periods"],
            [{"period": "2025S1", "due_date": "2025-06-15"}, {"period": "2025S2", "due_date": "2025-12-15"}],
        )

    def test_it_gives_a_percentage_as_a_percentage_number(self):
        content = self.get(self.admin, f"/plans/{self.hanoi_plan.pk}/").content.decode()
        self.assertIn('"value": 99.5,', content)
        self.assertNotIn("0.995", content)

    def test_it_answers_404_for_a_plan_of_another_province(self):
        response = self.get(self.reporter, f"/plans/{self.langson_plan.pk}/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), {"detail": "Không tìm thấy."})
        self.assertNotIn("Lạng Sơn", response.content.decode())

    def test_it_answers_404_for_a_sibling_district_plan_as_for_a_missing_one(self):
        hidden = self.get(self.reporter, f"/plans/{self.donganh_plan.pk}/")
        missing = self.get(self.reporter, "/plans/999999/")
        self.assertEqual((hidden.status_code, hidden.json()), (missing.status_code, missing.json()))
        self.assertEqual(hidden.status_code, 404)

    def test_it_scopes_a_bearer_token_like_a_session(self):
        headers = {"Authorization": f"Bearer {api_token_create(user=self.reporter)}"}
        self.assertEqual(self.client.get(f"{API}/plans/{self.tanlinh_plan.pk}/", headers=headers).status_code, 200)
        self.assertEqual(self.client.get(f"{API}/plans/{self.langson_plan.pk}/", headers=headers).status_code, 404)
        ids = {plan["id"] for plan in self.client.get(f"{API}/plans/", headers=headers).json()["items"]}
        self.assertEqual(ids, self.ids(self.reporter))

    def test_it_answers_422_in_json_for_an_id_that_is_not_a_number(self):
        response = self.get(self.reporter, "/plans/abc/")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["detail"], "Tham số 'id' không hợp lệ: phải là một số nguyên.")

    def test_it_reads_the_plan_detail_in_a_constant_number_of_queries(self):
        self.client.force_login(self.province_reviewer)
        url = f"{API}/plans/{self.hanoi_plan.pk}/"
        with CaptureQueriesContext(connection) as before:
            self.assertEqual(self.client.get(url).status_code, 200)

        more = [Indicator.objects.create(code=f"CT{i}", name=f"Chỉ tiêu {i}", measure=Measure.COUNT) for i in range(4)]
        for i, indicator in enumerate(more):
            for year in (2025, 2030):
                target_set(plan=self.hanoi_plan, indicator=indicator, year=year, kind=TargetKind.AT_LEAST, value=i)
        for i in range(3):
            task = Task.objects.create(
                plan=self.hanoi_plan, order=10 + i, title=f"Nhiệm vụ {i}", lead=AgencyFactory(unit=self.hanoi)
            )
            task.partners.add(self.phong_bavi, self.so_gddt, AgencyFactory(unit=self.bavi))
        ReportingRule.objects.create(
            plan=self.hanoi_plan, frequency=Frequency.QUARTERLY, due_days=["03-20", "06-20", "09-20", "12-20"]
        )
        deadlines_generate(plan=self.hanoi_plan)

        with self.assertNumQueries(len(before)):
            plan = self.client.get(url).json()
        self.assertEqual(len(plan["targets"]), 2 + 8)
        self.assertEqual(len(plan["tasks"]), 2 + 3)
        self.assertGreater(len(plan["reporting_periods"]), 30)
        self.assertEqual(Target.objects.filter(plan=self.hanoi_plan).count(), 10)

    def test_it_needs_authentication(self):
        self.assertEqual(self.client.get(f"{API}/plans/").status_code, 401)
        self.assertEqual(self.client.get(f"{API}/plans/{self.hanoi_plan.pk}/").status_code, 401)


class OpenApiSchemaTests(ApiTestCase):
    PATHS = {
        "/api/v1/me/",
        "/api/v1/units/",
        "/api/v1/units/{code}/lineage/",
        "/api/v1/indicators/",
        "/api/v1/plans/",
        "/api/v1/plans/{id}/",
        "/api/v1/values/",
    }

    def schema(self):
        response = self.client.get(f"{API}/openapi.json")
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_it_lists_every_path(self):
        schema = self.schema()
        self.assertEqual(set(schema["paths"]), self.PATHS)
        self.assertEqual(schema["info"]["title"], "XHHT API")
        self.assertEqual(schema["info"]["version"], "1")

    def test_it_validates(self):
        try:
            from openapi_spec_validator import validate
        except ImportError:  # pragma: no cover
            self.skipTest("openapi-spec-validator is not installed")
        validate(self.schema())

    def test_it_documents_the_enums_and_both_authentications(self):
        schema = self.schema()
        components = schema["components"]
        self.assertEqual(
            components["schemas"]["UnitOut"]["properties"]["level"]["enum"],
            ["national", "province", "district", "commune"],
        )
        self.assertEqual(
            components["schemas"]["IndicatorOut"]["properties"]["measure"]["enum"],
            ["count", "ratio", "standard", "status"],
        )
        self.assertEqual(
            components["schemas"]["LinkOut"]["properties"]["method"]["enum"], ["whole", "equal_split", "commune_share"]
        )
        values = schema["paths"]["/api/v1/values/"]["get"]
        self.assertTrue({"on", "structure"} <= {p["name"] for p in values["parameters"]})
        self.assertTrue({"backcast", "estimated_share"} <= set(components["schemas"]["ValueOut"]["properties"]))
        self.assertEqual(set(components["securitySchemes"]), {"ApiTokenAuth", "SessionAuth"})
        self.assertEqual(components["securitySchemes"]["ApiTokenAuth"]["scheme"], "bearer")

    def test_it_serves_no_docs_page_that_would_load_a_cdn(self):
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(f"{API}/docs").status_code, 404)
