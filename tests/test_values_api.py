"""``/api/v1/values/``: read a unit's own and rolled-up figures, record values with the import's rules."""

import json

from accounts.services import api_token_create
from indicators.models import Indicator, Measure
from plans.periods import period_get_or_create
from plans.services import target_set
from reports.models import EntryPath, Value
from units.models import Level

from .base import PersonasTestCase
from .factories import make_plan


class ValuesApiTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.literacy = Indicator.objects.create(
            code="LIT", name="Tỷ lệ biết chữ", measure=Measure.RATIO, entry_level=Level.COMMUNE
        )
        cls.clc = Indicator.objects.create(
            code="CLC", name="Số TTHTCĐ", measure=Measure.COUNT, entry_level=Level.COMMUNE
        )
        cls.period = period_get_or_create(code="2023")
        plan = make_plan(cls.hanoi, issuing_body="UBND TP Hà Nội", title="KH")
        target_set(plan=plan, indicator=cls.literacy, year=2023, kind="at_least", value=90)
        Value.objects.create(unit=cls.tanlinh, indicator=cls.literacy, period=cls.period, numerator=95, denominator=100)
        Value.objects.create(unit=cls.batrai, indicator=cls.literacy, period=cls.period, numerator=80, denominator=100)
        Value.objects.create(unit=cls.coloa, indicator=cls.literacy, period=cls.period, numerator=995, denominator=1000)
        cls.token = api_token_create(user=cls.province_reviewer)

    def get(self, user_token, **params):
        return self.client.get("/api/v1/values/", params, headers={"authorization": f"Bearer {user_token}"})

    def test_it_returns_the_rolled_up_ratio_with_completeness_and_status(self):
        response = self.get(self.token, unit="01", period="2023", indicator="LIT")
        self.assertEqual(response.status_code, 200)
        [row] = response.json()
        # (95 + 80 + 995) / (100 + 100 + 1000) = 97.5 %
        self.assertEqual((row["value"], row["numerator"], row["denominator"]), (97.5, 1170.0, 1200.0))
        self.assertEqual(
            (row["reported_units"], row["expected_units"], row["target"], row["status"]), (3, 3, 90.0, "achieved")
        )

    def test_it_returns_a_communes_own_value(self):
        [row] = self.get(self.token, unit="09913", period="2023", indicator="LIT").json()
        self.assertEqual((row["value"], row["status"]), (80.0, "behind"))

    def test_it_answers_404_outside_the_scope(self):
        token = api_token_create(user=self.other_province_reviewer)
        self.assertEqual(self.get(token, unit="01", period="2023").status_code, 404)
        token = api_token_create(user=self.reporter)
        self.assertEqual(self.get(token, unit="09913", period="2023").status_code, 404)

    def test_it_refuses_a_bad_period(self):
        self.assertEqual(self.get(self.token, unit="01", period="2023S9").status_code, 422)

    def test_it_uses_a_fixed_number_of_queries_whatever_the_number_of_units(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as small:
            self.get(self.token, unit="271", period="2023")
        with CaptureQueriesContext(connection) as large:
            self.get(self.token, unit="01", period="2023")
        self.assertEqual(len(small), len(large))

    def post(self, token, rows):
        return self.client.post(
            "/api/v1/values/",
            json.dumps(rows),
            content_type="application/json",
            headers={"authorization": f"Bearer {token}"},
        )

    def test_it_records_rows_like_the_import(self):
        token = api_token_create(user=self.reporter)
        response = self.post(token, [{"unit_code": "09910", "indicator_code": "CLC", "period": "2024", "value": 3}])
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["created"], 1)
        self.assertEqual(Value.objects.get(indicator=self.clc).entry_path, EntryPath.API)

    def test_it_writes_nothing_when_a_row_is_bad(self):
        token = api_token_create(user=self.reporter)
        response = self.post(
            token,
            [
                {"unit_code": "09910", "indicator_code": "CLC", "period": "2024", "value": 3},
                {"unit_code": "09913", "indicator_code": "CLC", "period": "2024", "value": 3},
            ],
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["errors"][0]["row"], 2)
        self.assertFalse(Value.objects.filter(indicator=self.clc).exists())
