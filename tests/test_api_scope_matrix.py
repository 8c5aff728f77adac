"""Who may call which API endpoint: every operation of ``/api/v1/`` × every persona × both ways of
authenticating (the portal's session, a personal Bearer token) → the expected status.

The operations are read from the API's own OpenAPI schema, so a new endpoint fails here until its row is
written. The objects are those of Ba Vì (Hà Nội) as in the page matrix: Tản Lĩnh's values and Ba Vì's plan;
the sibling district and the other province get 404 as for a missing object. Writes outside the scope are
refused and write nothing; a session POST without the CSRF token is refused too.
"""

from __future__ import annotations

import json

from django.test import Client

from accounts.services import api_token_create
from reports.models import EntryPath, Value
from xhht.api import api

from .urlwalk import RouteTestCase

ROLES = ("anonymous", "reporter", "district_officer", "other_district_officer", "province_reviewer",
         "other_province_reviewer", "admin")  # fmt: skip

#: "METHOD path" → statuses for (anonymous, reporter, district, other district, province, other province, admin),
#: the same with a session and with a token. POST writes one value of Tản Lĩnh: 400 = refused, nothing written.
EXPECTED: dict[str, tuple[int, ...]] = {
    "GET /api/v1/openapi.json": (200, 200, 200, 200, 200, 200, 200),
    "GET /api/v1/me/": (401, 200, 200, 200, 200, 200, 200),
    "GET /api/v1/units/": (401, 200, 200, 200, 200, 200, 200),
    "GET /api/v1/units/{code}/lineage/": (401, 200, 200, 404, 200, 404, 200),
    "GET /api/v1/indicators/": (401, 200, 200, 200, 200, 200, 200),
    "GET /api/v1/plans/": (401, 200, 200, 200, 200, 200, 200),
    "GET /api/v1/plans/{id}/": (401, 200, 200, 404, 200, 404, 200),
    "GET /api/v1/values/": (401, 200, 200, 404, 200, 404, 200),
    "POST /api/v1/values/": (401, 200, 200, 400, 200, 400, 200),
}


def operations() -> list[str]:
    """Every "METHOD path" of the API, from its OpenAPI schema."""
    schema = api.get_openapi_schema()
    found = ["GET /api/v1/openapi.json"]
    for path, methods in schema["paths"].items():
        found += [f"{method.upper()} {path}" for method in methods]
    return found


class ApiScopeMatrixTests(RouteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tokens = {role: api_token_create(user=getattr(cls, role)) for role in ROLES if role != "anonymous"}

    def request(self, operation: str, role: str, auth: str, value: int = 7):
        method, template = operation.split(" ", 1)
        url = template.replace("{id}", str(self.plan.pk)).replace("{code}", self.tanlinh.code)
        client, extra = Client(enforce_csrf_checks=auth == "session-csrf-missing"), {}
        if role != "anonymous":
            if auth == "token":
                extra["HTTP_AUTHORIZATION"] = f"Bearer {self.tokens[role]}"
            else:
                client.force_login(getattr(self, role))
        if method == "GET":
            query = {"unit": self.tanlinh.code, "period": self.period.code} if url.endswith("/values/") else {}
            return client.get(url, query, **extra)
        # "overwrite": this matrix is about scope; the version rule has its own tests (test_values_versions.py).
        body = [{"unit_code": self.tanlinh.code, "indicator_code": self.indicator.code, "period": "2024",
                 "value": value, "version": "overwrite"}]  # fmt: skip
        return client.post(url, json.dumps(body), content_type="application/json", **extra)

    def test_it_has_an_expected_row_for_every_api_operation(self):
        missing = [op for op in operations() if op not in EXPECTED]
        self.assertEqual(missing, [], f"API operations without a row in the scope matrix: {missing}")
        self.assertEqual(sorted(set(EXPECTED) - set(operations())), [])

    def test_it_answers_every_operation_for_every_persona_and_authentication(self):
        mismatches, actual = [], {}
        for auth in ("session", "token"):
            for operation in operations():
                row = tuple(self.request(operation, role, auth).status_code for role in ROLES)
                actual[f"{auth} {operation}"] = row
                for role, want, got in zip(ROLES, EXPECTED[operation], row, strict=True):
                    if want != got:
                        mismatches.append(f"{operation} as {role} ({auth}): expected {want}, got {got}")
        table = "\n".join(f"    {k!r}: {v}," for k, v in actual.items())
        self.assertEqual(mismatches, [], "API scope matrix differs:\n" + "\n".join(mismatches) + "\n" + table)

    def test_it_answers_json_with_a_vietnamese_detail_for_every_refusal(self):
        for operation in operations():
            for role in ROLES:
                response = self.request(operation, role, "token")
                if response.status_code in (401, 403, 404):
                    self.assertEqual(response["Content-Type"], "application/json; charset=utf-8", operation)
                    detail = response.json()["detail"]
                    self.assertTrue(any(w in detail for w in ("Không", "Chưa", "Bạn")), f"{operation}: {detail}")

    def test_it_writes_nothing_for_a_row_outside_the_scope(self):
        for role in ("other_district_officer", "other_province_reviewer"):
            for auth in ("session", "token"):
                response = self.request("POST /api/v1/values/", role, auth, value=9)
                self.assertEqual(response.status_code, 400)
                self.assertEqual([e["column"] for e in response.json()["errors"]], ["unit_code"])
        self.assertFalse(Value.objects.filter(value=9).exists())

    def test_it_records_a_value_in_scope_through_the_api_path(self):
        response = self.request("POST /api/v1/values/", "district_officer", "token", value=11)
        self.assertEqual(response.status_code, 200, response.content)
        value = Value.objects.get(unit=self.tanlinh, indicator=self.indicator, period=self.period)
        self.assertEqual((value.value, value.entry_path), (11, EntryPath.API))

    def test_it_refuses_a_session_post_without_the_csrf_token(self):
        response = self.request("POST /api/v1/values/", "reporter", "session-csrf-missing", value=13)
        self.assertEqual(response.status_code, 403)
        self.assertIn("CSRF", response.json()["detail"])
        self.assertFalse(Value.objects.filter(value=13).exists())

    def test_it_does_not_take_a_token_in_the_query_string_or_a_cookie(self):
        token = self.tokens["admin"]
        self.assertEqual(Client().get("/api/v1/me/", {"token": token, "access_token": token}).status_code, 401)
        client = Client()
        client.cookies["token"] = token
        self.assertEqual(client.get("/api/v1/me/").status_code, 401)

    def test_it_refuses_a_token_sent_with_another_scheme(self):
        token = self.tokens["admin"]
        for header in (f"Token {token}", f"Basic {token}", token, f"Bearer  {token}x", "Bearer "):
            response = Client().get("/api/v1/me/", HTTP_AUTHORIZATION=header)
            self.assertEqual(response.status_code, 401, header)

    def test_it_refuses_a_page_number_past_any_data_instead_of_failing(self):
        # Found by schemathesis: page=10**37 overflowed the database's OFFSET (a 500).
        for url in ("/api/v1/units/", "/api/v1/indicators/", "/api/v1/plans/"):
            response = Client().get(url, {"page": 10**37}, HTTP_AUTHORIZATION=f"Bearer {self.tokens['admin']}")
            self.assertEqual(response.status_code, 422, url)
            self.assertIn("phải nhỏ hơn hoặc bằng 1000000", response.json()["detail"])
            response = Client().get(url, {"page": 999_999}, HTTP_AUTHORIZATION=f"Bearer {self.tokens['admin']}")
            self.assertEqual(response.json()["items"], [])
