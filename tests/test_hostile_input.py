"""Random and hostile input (hypothesis): the file import, the entry grid, the target form and the values API.

Whatever comes in — wrong types, 1e400, NaN, Infinity, negative numbers, cp1258 / UTF-16 / latin-1 bytes,
a BOM, missing or repeated columns, duplicated rows, codes outside the scope, spreadsheet formulas — the
answer is a clear error or a correct write: never a 500, never an exception escaping, never a half-written
import or API call (the number of Value rows is compared before and after).
"""

from __future__ import annotations

import io
import json
import math

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from openpyxl import Workbook

from accounts.services import api_token_create
from core.uploads import ImportFileError
from indicators.models import Indicator, Measure
from plans.models import PlanStatus, Target
from reports.models import Value
from reports.services.importing import values_import
from units.models import Level

from .base import PersonasTestCase, grid_data
from .factories import make_plan
from .test_api_scope_matrix import operations
from .urlwalk import RouteTestCase, routes

EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

HOSTILE_NUMBERS = ["1e400", "-1e400", "1E+308", "NaN", "nan", "Infinity", "-Infinity", "inf", "-1", "-0", "0",
                   "3", "99.5", "1,5", "1.000.000", "10000000000000000000000000000000000000", "0x10", "½", "٣",
                   "1_000", " 7 ", "", "'", "\x00", "=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "1e-400",
                   "12%", "null", "None", "true"]  # fmt: skip
UNIT_CODES = ["09910", "09913", "00499", "06187", "271", "01", "99999", "", " 09910 ", "9910", "=cmd|'/C calc'!A0"]
INDICATOR_CODES = ["CLC", "LIT", "XMC2", "NOPE", "", "clc", "<script>"]
PERIODS = ["2024", "2023", "2024Q1", "2024S1", "2024M13", "2099", "abc", "", "1900", "2024-01"]
COLUMNS = ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "comment",
           "not_applicable"]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "cp1258", "utf-16", "latin-1"]

numbers = st.one_of(
    st.sampled_from(HOSTILE_NUMBERS),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=12),
)
cells = {
    "unit_code": st.sampled_from(UNIT_CODES),
    "indicator_code": st.sampled_from(INDICATOR_CODES),
    "period": st.sampled_from(PERIODS),
    "value": numbers,
    "numerator": numbers,
    "denominator": numbers,
    "comment": st.text(max_size=30),
    "not_applicable": st.sampled_from(["", "x", "có", "0", "maybe"]),
}
headers = st.one_of(
    st.just(COLUMNS),
    st.lists(st.sampled_from([*COLUMNS, "extra", "VALUE", " Unit_Code ", "\ufeffunit_code"]), max_size=10),
)


@st.composite
def tables(draw):
    header = draw(headers)
    row = st.fixed_dictionaries({c: cells[c] for c in COLUMNS})
    rows = draw(st.lists(row, min_size=0, max_size=8))
    if rows and draw(st.booleans()):
        rows.append(dict(rows[0]))  # a duplicated row
    names = [h.replace("\ufeff", "").strip().lower() for h in header]
    return header, [[r.get(n, "") for n in names] for r in rows]


def csv_of(header: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


class HostileTestCase(HypothesisTestCase, PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.clc = Indicator.objects.create(code="CLC", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT)
        cls.literacy = Indicator.objects.create(
            code="LIT", name="Tỷ lệ biết chữ", measure=Measure.RATIO, entry_level=Level.COMMUNE
        )
        cls.std = Indicator.objects.create(code="XMC2", name="Chuẩn XMC", measure=Measure.STANDARD, max_level=2)

    def assertSaneValues(self, allowed_units: set[int]) -> None:
        """Whatever was written is finite and inside the writer's scope."""
        for value in Value.objects.all():
            self.assertIn(value.unit_id, allowed_units)
            for number in (value.value, value.numerator, value.denominator):
                if number is not None:
                    self.assertTrue(number.is_finite(), number)
                    self.assertGreaterEqual(number, 0)


class ImportHostileTests(HostileTestCase):
    def check(self, data: bytes, name: str, user) -> None:
        before = Value.objects.count()
        try:
            result = values_import(io.BytesIO(data), user, name=name)
        except ImportFileError as error:
            self.assertTrue(error.message.strip())
            self.assertEqual(Value.objects.count(), before)
            return
        if not result.ok:
            self.assertEqual(Value.objects.count(), before, "a refused import wrote rows")
            for error in result.errors:
                self.assertTrue(str(error).startswith("Dòng "), str(error))
        else:
            self.assertLessEqual(Value.objects.count() - before, len(result.rows))
        self.assertSaneValues({self.tanlinh.pk} if user == self.reporter else {self.tanlinh.pk, self.batrai.pk})

    @EXAMPLES
    @given(table=tables(), encoding=st.sampled_from(ENCODINGS), delimiter=st.sampled_from([",", ";", "\t"]))
    def test_it_never_fails_on_a_hostile_csv(self, table, encoding, delimiter):
        header, rows = table
        self.check(csv_of(header, rows, delimiter).encode(encoding, errors="replace"), "so-lieu.csv", self.reporter)

    @EXAMPLES
    @given(table=tables())
    def test_it_never_fails_on_a_hostile_xlsx(self, table):
        header, rows = table
        workbook = Workbook()
        sheet = workbook.active
        out = io.BytesIO()
        try:
            sheet.append(header)
            for row in rows:
                # Numbers as numbers where they parse (Excel stores them so), formulas as formulas.
                typed = []
                for cell in row:
                    try:
                        typed.append(float(cell) if cell.strip() and not cell.startswith("=") else cell)
                    except ValueError:
                        typed.append(cell)
                sheet.append(typed)
            workbook.save(out)
        except Exception:  # openpyxl itself refuses some strings (control characters): not our input to test
            assume(False)
        self.check(out.getvalue(), "so-lieu.xlsx", self.district_officer)

    @EXAMPLES
    @given(data=st.binary(max_size=2000), name=st.sampled_from(["a.csv", "a.xlsx", "a", "a.txt", "a.xls"]))
    def test_it_never_fails_on_random_bytes(self, data, name):
        self.check(data, name, self.reporter)

    @EXAMPLES
    @given(data=st.binary(max_size=500))
    def test_it_never_fails_on_a_broken_zip(self, data):
        self.check(b"PK\x03\x04" + data, "a.xlsx", self.reporter)

    def test_it_refuses_each_named_hostile_number_clearly(self):
        for raw in ["1e400", "NaN", "Infinity", "-Infinity", "-1", "=1+1", "0x10", "1.2.3"]:
            with self.subTest(raw=raw):
                data = f"unit_code,indicator_code,period,value\n09910,CLC,2024,{raw}\n".encode()
                result = values_import(io.BytesIO(data), self.reporter, name="a.csv")
                self.assertFalse(result.ok)
                self.assertIn("Dòng 2, cột value", str(result.errors[0]))
        self.assertEqual(Value.objects.count(), 0)


class ApiHostileTests(HostileTestCase):
    def setUp(self):
        super().setUp()
        self.api = Client()
        self.api.force_login(self.reporter)  # the session; a GET first sets the CSRF cookie

    def post(self, body: str):
        return self.api.post("/api/v1/values/", body, content_type="application/json")

    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
        max_leaves=12,
    )

    @EXAMPLES
    @given(body=json_values)
    def test_it_answers_random_json_with_a_clear_error(self, body):
        before = Value.objects.count()
        response = self.post(json.dumps(body))
        self.assertIn(response.status_code, (200, 400, 422), response.content)
        self.assertIn("detail" if response.status_code == 422 else "errors", response.json())
        if response.status_code != 200:
            self.assertEqual(Value.objects.count(), before)
        self.assertSaneValues({self.tanlinh.pk})

    @EXAMPLES
    @given(rows=st.lists(st.fixed_dictionaries({c: cells[c] for c in COLUMNS[:7]}), min_size=1, max_size=6))
    def test_it_records_hostile_rows_all_or_nothing(self, rows):
        before = Value.objects.count()
        response = self.post(json.dumps(rows))
        self.assertIn(response.status_code, (200, 400, 422), response.content)
        if response.status_code == 200:
            self.assertLessEqual(Value.objects.count() - before, len(rows))
        else:
            self.assertEqual(Value.objects.count(), before, "a refused API call wrote rows")
        self.assertSaneValues({self.tanlinh.pk})

    def test_it_refuses_a_nul_character_in_any_text_without_a_500(self):
        # Found by schemathesis on PostgreSQL: psycopg2 refuses a query holding a NUL (a 500 before the fix).
        good = {"unit_code": "09910", "indicator_code": "CLC", "period": "2024", "value": 3, "comment": ""}
        for column in ("unit_code", "indicator_code", "period", "comment"):
            with self.subTest(column=column):
                row = {**good, column: f"{good[column]}\x00"}
                response = self.post(json.dumps([row]))
                self.assertEqual(response.status_code, 400, response.content)
                self.assertIn(column, [e["column"] for e in response.json()["errors"]])
                self.assertIn("NUL", response.json()["errors"][0]["message"])
        data = b"unit_code,indicator_code,period,value,comment\n09910,CLC,2024,3,a\x00b\n"
        self.assertFalse(values_import(io.BytesIO(data), self.reporter, name="a.csv").ok)
        self.assertEqual(Value.objects.count(), 0)

    def test_it_refuses_non_json_and_huge_numbers_without_a_500(self):
        for body in ["{", "not json", "[1e400]", '[{"unit_code": 1e400}]', "\xff\xfe", "[" * 5000 + "]" * 5000,
                     '[{"unit_code":"09910","indicator_code":"CLC","period":"2024","value":1e400}]',
                     '[{"unit_code":"09910","indicator_code":"CLC","period":"2024","value":NaN}]',
                     '[{"unit_code":"09910","indicator_code":"CLC","period":"2024","value":Infinity}]']:  # fmt: skip
            with self.subTest(body=body[:40]):
                response = self.post(body)
                self.assertIn(response.status_code, (400, 422), response.content[:200])
                self.assertNotIn("Cannot parse", response.json().get("detail", ""))
        self.assertEqual(Value.objects.count(), 0)


class FormHostileTests(HostileTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.plan = make_plan(cls.bavi, issuing_body="UBND huyện Ba Vì", title="Kế hoạch Ba Vì", start_year=2021, end_year=2030, milestone_years=[2025, 2030], status=PlanStatus.ISSUED)  # fmt: skip

    def setUp(self):
        super().setUp()
        self.web = Client(raise_request_exception=False)

    @EXAMPLES
    @given(
        value=numbers, numerator=numbers, denominator=numbers, level=numbers, comment=st.text(max_size=50),
        version=st.sampled_from(["", "0", "-1", "abc", "99999999999999999999", "1e400"]), na=st.booleans(),
    )  # fmt: skip
    def test_it_never_fails_on_a_hostile_entry_grid(self, value, numerator, denominator, level, comment, version, na):
        self.web.force_login(self.reporter)
        page = self.web.get(f"/bao-cao/nhap-lieu/{self.tanlinh.pk}/2024/")
        changes = {
            self.clc.code: {"value": value, "comment": comment, "version": version, "not_applicable": na},
            self.literacy.code: {"numerator": numerator, "denominator": denominator},
            self.std.code: {"value": level},
        }
        data = {**grid_data(page, changes), "unknown_field": value}
        try:
            response = self.web.post(f"/bao-cao/nhap-lieu/{self.tanlinh.pk}/2024/", data)
        except ValueError as error:  # the test client refuses NUL bytes in form data before the portal sees them
            assume("null" not in str(error).lower())
            raise
        self.assertIn(response.status_code, (200, 302))
        self.assertSaneValues({self.tanlinh.pk})
        for stored in Value.objects.filter(indicator=self.std):
            self.assertIn(stored.value, (0, 1, 2))

    @EXAMPLES
    @given(
        indicator=st.sampled_from(["", "0", "-1", "abc", "1", "2", "3", "999999999999"]),
        unit=st.sampled_from(["", "abc", "1", "2", "4", "7", "8", "9", "99999999999"]),
        year=numbers, kind=st.text(max_size=10) | st.sampled_from(["at_least", "at_most", "range", "exactly"]),
        value=numbers, value_max=numbers, note=st.text(max_size=40),
    )  # fmt: skip
    def test_it_never_fails_on_a_hostile_target_form(self, indicator, unit, year, kind, value, value_max, note):
        self.web.force_login(self.district_officer)
        before = Target.objects.count()
        data = {"indicator": indicator, "unit": unit, "year": year, "kind": kind, "value": value,
                "value_max": value_max, "note": note}  # fmt: skip
        try:
            response = self.web.post(f"/ke-hoach/{self.plan.pk}/chi-tieu/them/", data)
        except ValueError as error:
            assume("null" not in str(error).lower())
            raise
        self.assertIn(response.status_code, (200, 302))
        if response.status_code == 200:
            self.assertEqual(Target.objects.count(), before)
        for target in Target.objects.all():
            self.assertTrue(math.isfinite(target.value))
            self.assertIn(target.unit_id, {self.bavi.pk, self.tanlinh.pk, self.batrai.pk})


class NulInQueryStringTests(RouteTestCase):
    """A NUL byte in any query parameter of any page or API endpoint: never a 500 (PostgreSQL refuses NUL)."""

    PARAMS = {name: "09910\x00" for name in ("unit", "period", "indicator", "parent", "level", "structure", "loai",
                                              "q", "page", "year", "nam", "next")}  # fmt: skip

    #: The downloads and the query parameters their views read (the others are ignored without being read).
    DOWNLOADS = {
        "exports:report_pdf": {"plan", "indicator"},
        "exports:summary_xlsx": {"plan", "indicator"},
        "exports:template_xlsx": set(),
        "learning:decision_pdf": set(),
    }

    def test_it_never_fails_on_a_nul_in_the_query_string(self):
        client = Client(raise_request_exception=False)
        client.force_login(self.admin)
        token = api_token_create(user=self.admin)
        failures = []
        for route in routes():
            if route.name.split(":", 1)[0] == "admin" or route.name == "set_language":
                continue
            if route.name.startswith("api-v1:"):
                continue  # below, from the schema
            url = reverse(route.name, kwargs=self.kwargs_for(route.name, route.params))
            params = self.PARAMS
            if route.name in self.DOWNLOADS:  # a file costs seconds: only the parameters its view reads
                params = {name: value for name, value in params.items() if name in self.DOWNLOADS[route.name]}
            for name, value in params.items():  # one at a time: a bad one must not hide another
                if client.get(url, {name: value}).status_code >= 500:
                    failures.append(f"{url}?{name}=")
        for operation in operations():
            method, url = operation.split(" ", 1)
            if method == "GET":
                url = url.replace("{id}", str(self.plan.pk))
                for name, value in self.PARAMS.items():
                    # The other required parameters valid, so that the NUL one is the one read.
                    query = {"unit": "09910", "period": "2024", name: value}
                    if client.get(url, query, HTTP_AUTHORIZATION=f"Bearer {token}").status_code >= 500:
                        failures.append(f"{url}?{name}=")
        self.assertEqual(failures, [])

    def test_it_never_fails_on_a_nul_in_a_posted_form(self):
        client = Client(raise_request_exception=False)
        client.force_login(self.admin)
        fields = ["value", "comment", "body", "reason", "action", "username", "note", "year", "unit", "indicator",
                  "kind", "name", "loai", "q", "rows-0-value", "rows-0-comment", "rows-0-indicator"]  # fmt: skip
        failures = []
        for route in routes():
            if route.name.split(":", 1)[0] in ("admin", "api-v1") or route.name in ("set_language", "logout"):
                continue
            url = reverse(route.name, kwargs=self.kwargs_for(route.name, route.params))
            for action in ("", "comment", "return", "open", "evidence"):
                data = {name: "x\x00y" for name in fields}
                data["action"] = action
                if client.post(url, data).status_code >= 500:
                    failures.append(f"{url} action={action}")
        self.assertEqual(failures, [])
