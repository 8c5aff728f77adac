"""No lost update: a write may not change a value whose version its author did not see.

The probe's case: a reporter previews an import setting a value, a district officer then saves the same value in
the grid, and the reporter's confirmation would have overwritten it silently. The same for API clients that send no
version: a row that would change a stored value must name the version it read, or ``"overwrite"`` on purpose.
"""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from accounts.services import api_token_create
from indicators.models import Indicator, Measure
from reports.models import Value
from reports.services.values import OVERWRITE, ValueRow, values_record

from .base import PersonasTestCase
from .test_import import csv_bytes


@override_settings(MEDIA_ROOT="/tmp/xhht-test-media-versions")
class VersionsTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Indicator.objects.create(code="CLC", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT)
        values_record(rows=[cls.row(3)], user=cls.reporter)

    @staticmethod
    def row(value, **kwargs) -> ValueRow:
        return ValueRow(row=1, unit_code="09910", indicator_code="CLC", period="2024", value=value, **kwargs)

    def stored(self) -> Value:
        return Value.objects.get(unit=self.tanlinh, period__code="2024")


class ImportConfirmationTests(VersionsTestCase):
    def test_the_confirmation_refuses_a_value_changed_since_the_preview_and_names_the_row(self):
        self.client.force_login(self.reporter)
        upload = SimpleUploadedFile("so-lieu.csv", csv_bytes("09910,CLC,2024,9,,,"))
        preview = self.client.post(reverse("reports:import"), {"file": upload})
        self.assertContains(preview, "Xác nhận nhập")
        # Meanwhile the district officer saves the same value in the grid (from the version it saw: 1).
        self.assertTrue(values_record(rows=[self.row(5, version=1)], user=self.district_officer).ok)
        token = self.client.session["reports_import"]["token"]
        response = self.client.post(reverse("reports:import"), {"confirm": "1", "token": token})
        self.assertContains(response, "không dòng nào được nhập")
        errors = response.context["errors"]  # the changed row, by its number in the file, with who changed it
        self.assertEqual([(e.row, e.column) for e in errors], [(2, "value")])
        self.assertIn("vừa được", errors[0].message)
        self.assertEqual(self.stored().value, 5)  # the officer's figure stays

    def test_the_confirmation_writes_when_nothing_changed_since_the_preview(self):
        self.client.force_login(self.reporter)
        upload = SimpleUploadedFile("so-lieu.csv", csv_bytes("09910,CLC,2024,9,,,"))
        self.client.post(reverse("reports:import"), {"file": upload})
        token = self.client.session["reports_import"]["token"]
        self.client.post(reverse("reports:import"), {"confirm": "1", "token": token})
        self.assertEqual((self.stored().value, self.stored().version), (9, 2))


class ApiVersionTests(VersionsTestCase):
    def post(self, **row):
        token = api_token_create(user=self.reporter)
        body = [{"unit_code": "09910", "indicator_code": "CLC", "period": "2024", **row}]
        return self.client.post(
            "/api/v1/values/", json.dumps(body), content_type="application/json",
            headers={"authorization": f"Bearer {token}"},
        )  # fmt: skip

    def test_a_write_without_a_version_may_not_change_a_stored_value(self):
        response = self.post(value=7)
        self.assertEqual(response.status_code, 400)
        self.assertIn("phiên bản 1", response.json()["errors"][0]["message"])
        self.assertEqual(self.stored().value, 3)
        self.assertEqual(self.post(value=3).status_code, 200)  # repeating the stored value is no change

    def test_a_write_names_the_version_it_read_from_the_api_or_overwrites_on_purpose(self):
        token = api_token_create(user=self.reporter)
        read = self.client.get(
            "/api/v1/values/", {"unit": "09910", "period": "2024", "indicator": "CLC"},
            headers={"authorization": f"Bearer {token}"},
        ).json()  # fmt: skip
        self.assertEqual(read[0]["version"], 1)
        self.assertEqual(self.post(value=7, version=read[0]["version"]).status_code, 200)
        self.assertEqual(self.post(value=8, version=1).status_code, 400)  # version 1 is no longer the stored one
        self.assertEqual(self.post(value=8, version="overwrite").status_code, 200)
        self.assertEqual((self.stored().value, self.stored().version), (8, 3))


class ServiceVersionTests(VersionsTestCase):
    def test_a_preview_reports_the_versions_it_saw_and_writes_nothing(self):
        result = values_record(rows=[self.row(7)], user=self.reporter, dry_run=True)
        self.assertEqual((result.errors, result.versions), ([], {1: 1}))
        self.assertEqual(self.stored().value, 3)
        self.assertTrue(values_record(rows=[self.row(7, version=OVERWRITE)], user=self.reporter).ok)
