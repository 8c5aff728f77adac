"""Import and export in the back office (django-import-export) for values, targets and indicators.

Values go through ``values_record``, as the upload page and the API: a file with a bad row shows the row's
Vietnamese reason in the dry-run preview and writes nothing; a good file is written with its history
(path "admin"). Targets go through ``target_set`` and indicators through the indicator form's checks.
"""

import datetime

import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators.models import Indicator, Measure
from indicators.resources import IndicatorResource
from plans.models import Target, TargetKind
from plans.periods import period_get_or_create
from plans.resources import TargetResource
from reports.models import EntryPath, Submission, SubmissionStatus, Value
from reports.services.submissions import submission_get

from .base import PersonasTestCase
from .factories import make_plan

HEADER = "unit_code,indicator_code,period,value,numerator,denominator,comment\n"


def csv_file(body: str, name: str = "gia-tri.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (HEADER + body).encode("utf-8"), content_type="text/csv")


class ValuesAdminImportTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.families = Indicator.objects.create(
            code="GDHT", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO, unit_of_measure="%"
        )
        cls.people = Indicator.objects.create(code="NGUOI_HOC", name="Số người học", measure=Measure.COUNT)

    def setUp(self):
        self.client.force_login(self.admin)

    def preview(self, upload):
        return self.client.post(
            reverse("admin:reports_value_import"), {"format": "0", "import_file": upload}, follow=True
        )

    def test_it_shows_a_bad_row_with_its_vietnamese_reason_and_writes_nothing(self):
        response = self.preview(csv_file("09910,GDHT,2024,,120,200,\n09913,GDHT,2024,,300,200,\n"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Tử số (300) không được lớn hơn mẫu số (200).")
        self.assertNotIn("confirm_form", response.context)
        self.assertFalse(Value.objects.exists())

    def test_it_refuses_a_locked_report_as_the_upload_page_does(self):
        period = period_get_or_create(code="2024")
        # A submitted report (an empty one may not be submitted through the service: its status is set directly).
        submission = submission_get(unit=self.tanlinh, period=period)
        Submission.objects.filter(pk=submission.pk).update(status=SubmissionStatus.SUBMITTED)
        response = self.preview(csv_file("09910,NGUOI_HOC,2024,12,,,\n"))
        self.assertContains(response, "Báo cáo đã nộp, đang chờ duyệt.")
        self.assertNotIn("confirm_form", response.context)
        self.assertFalse(Value.objects.exists())

    def test_it_writes_a_good_file_through_values_record_with_history(self):
        response = self.preview(csv_file("09910,GDHT,2024,,120,200,Đã rà soát\n09913,NGUOI_HOC,2024,45,,,\n"))
        confirm = response.context["confirm_form"]
        self.assertFalse(Value.objects.exists())  # the preview is a dry run
        response = self.client.post(
            reverse("admin:reports_value_process_import"),
            {name: confirm.initial.get(name, "") for name in confirm.fields},
            follow=True,
        )
        self.assertEqual(response.status_code, 200)
        value = Value.objects.get(unit=self.tanlinh, indicator=self.families)
        self.assertEqual((value.numerator, value.denominator, value.comment), (120, 200, "Đã rà soát"))
        self.assertEqual(value.entry_path, EntryPath.ADMIN)
        self.assertEqual(value.entered_by, self.admin)
        record = value.history.get()
        self.assertEqual((record.entry_path, record.history_user, record.history_type), ("admin", self.admin, "+"))
        self.assertEqual(Value.objects.get(unit=self.batrai).value, 45)

    def test_it_exports_the_rows_in_the_import_columns(self):
        period = period_get_or_create(code="2024")
        Value.objects.create(unit=self.tanlinh, indicator=self.families, period=period, numerator=120, denominator=200)
        Value.objects.create(unit=self.batrai, indicator=self.people, period=period, value=45, comment="=1+1")
        response = self.client.post(
            reverse("admin:reports_value_export"),
            {"format": "0", "resource": "0", **{f"valueresource_{c}": "on" for c in HEADER.strip().split(",")}},
        )
        self.assertEqual(response.status_code, 200)
        lines = response.content.decode("utf-8-sig").splitlines()
        self.assertTrue(lines[0].startswith("unit_code,indicator_code,period,value,numerator,denominator"), lines[0])
        self.assertIn("09910,GDHT,2024,,120,200", "\n".join(lines))  # exact, as typed back into the import
        self.assertIn("09913,NGUOI_HOC,2024,45,", "\n".join(lines))
        self.assertEqual(len(lines), 3)


class TargetsAndIndicatorsImportTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.families = Indicator.objects.create(code="GDHT", name="Tỷ lệ gia đình học tập", measure=Measure.RATIO)
        cls.plan = make_plan(cls.hanoi, issued_on=datetime.date(2021, 12, 16), title="XHHT 2021-2030")

    def targets(self, *rows, dry_run=False, user=None):
        headers = [
            "plan",
            "indicator_code",
            "unit_code",
            "year",
            "kind",
            "value",
            "value_max",
            "standard_level",
            "note",
        ]
        dataset = tablib.Dataset(*rows, headers=headers)
        return TargetResource().import_data(dataset, dry_run=dry_run, user=user or self.admin)

    def test_it_sets_targets_through_target_set_and_refuses_bad_rows_in_vietnamese(self):
        result = self.targets(
            [self.plan.pk, "GDHT", "01", 2025, TargetKind.AT_LEAST, 70, None, None, ""],
            [self.plan.pk, "GDHT", "01", 2040, TargetKind.AT_LEAST, 80, None, None, ""],
            [self.plan.pk, "KHONG_CO", "01", 2025, TargetKind.AT_LEAST, 80, None, None, ""],
            [self.plan.pk, "GDHT", "271", 2025, TargetKind.AT_LEAST, 120, None, None, ""],
        )
        messages = " ".join(m for row in result.invalid_rows for ms in row.error_dict.values() for m in ms)
        self.assertIn("nằm ngoài thời gian của kế hoạch (2021–2030)", messages)
        self.assertIn("Không có chỉ tiêu mã 'KHONG_CO'.", messages)
        self.assertIn("Tỷ lệ không được vượt quá 100%.", messages)
        target = Target.objects.get()
        self.assertEqual((target.unit, target.year, target.value), (self.hanoi, 2025, 70))
        # A second file replaces the target (create or replace), it does not add one.
        self.targets([self.plan.pk, "GDHT", "01", 2025, TargetKind.AT_LEAST, 75, None, None, ""])
        self.assertEqual(Target.objects.get().value, 75)

    def test_it_refuses_a_plan_outside_the_scope(self):
        result = self.targets(
            [self.plan.pk, "GDHT", "01", 2025, TargetKind.AT_LEAST, 70, None, None, ""],
            user=self.other_province_reviewer,
        )
        self.assertTrue(result.has_validation_errors())
        self.assertFalse(Target.objects.exists())

    def test_it_imports_indicators_with_the_catalogue_rules(self):
        headers = ["code", "name", "measure", "unit_of_measure", "entry_level", "max_level", "source"]
        dataset = tablib.Dataset(
            ["SL_MOI", "Số lớp học mới", "count", "lớp", "commune", 1, ""],
            ["SAI", "Loại đo sai", "percent", "", "commune", 1, ""],
            ["SUY_RA", "Suy ra từ chỉ tiêu đếm", "count", "", "commune", 1, "GDHT"],
            headers=headers,
        )
        result = IndicatorResource().import_data(dataset, dry_run=False)
        messages = " ".join(m for row in result.invalid_rows for ms in row.error_dict.values() for m in ms)
        self.assertIn("percent", messages)  # not a measure choice
        self.assertIn("Chỉ chỉ tiêu loại “đạt chuẩn” mới được tính từ chỉ tiêu khác.", messages)
        self.assertEqual(Indicator.objects.get(code="SL_MOI").unit_of_measure, "lớp")
        self.assertFalse(Indicator.objects.filter(code__in=["SAI", "SUY_RA"]).exists())
        # The code is the key: a second import updates the indicator.
        IndicatorResource().import_data(
            tablib.Dataset(["SL_MOI", "Số lớp học mới mở", "count", "lớp", "commune", 1, ""], headers=headers)
        )
        self.assertEqual(Indicator.objects.get(code="SL_MOI").name, "Số lớp học mới mở")

    def test_it_offers_import_and_export_on_the_admin_pages(self):
        self.client.force_login(self.admin)
        for name in ["indicators_indicator", "plans_target", "reports_value"]:
            response = self.client.get(reverse(f"admin:{name}_changelist"))
            self.assertContains(response, reverse(f"admin:{name}_import"))
            self.assertContains(response, reverse(f"admin:{name}_export"))
