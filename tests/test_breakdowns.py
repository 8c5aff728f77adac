"""Breakdowns of a value (issue 19, item 4): literacy by sex, entered as parts of the value, rolled up per part.

KH 74/KH-UBND Hưng Yên: “đảm bảo tỷ lệ biết chữ cân bằng giữa nam và nữ”. The catalogue (real data file)
declares XMC2_15_60 by sex, ethnic group and age band. Ba Vì, 2023:
- Tản Lĩnh: 190/200 literate aged 15-60, men 96/100, women 94/100 (entered by its reporter on the grid);
- Ba Trại: 95/100, men 48/50, women 47/50;
- the district: 285/300, men 144/150, women 141/150.
"""

from decimal import Decimal as D

from django.urls import reverse

from indicators.models import Indicator
from indicators.reference import indicators_load
from plans.periods import period_get_or_create
from reports.models import Value
from reports.rollup import rollup
from reports.services.values import ValueRow, values_record

from .base import PersonasTestCase, grid_data

SEX = {"nam": {"numerator": "96", "denominator": "100"}, "nu": {"numerator": "94", "denominator": "100"}}


def row(unit, parts, numerator="190", denominator="200", **kwargs):
    return ValueRow(
        row=1,
        unit_code=unit.code,
        indicator_code="XMC2_15_60",
        period="2023",
        numerator=numerator,
        denominator=denominator,
        parts=parts,
        **kwargs,
    )


class BreakdownsTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        cls.literacy = Indicator.objects.get(code="XMC2_15_60")
        cls.period = period_get_or_create(code="2023")


class RecordTests(BreakdownsTestCase):
    def test_it_records_the_parts_with_the_value(self):
        result = values_record(rows=[row(self.tanlinh, {"sex": SEX})], user=self.reporter)
        self.assertTrue(result.ok, result.errors)
        self.assertEqual(Value.objects.get(unit=self.tanlinh).parts, {"sex": SEX})

    def test_it_refuses_parts_that_do_not_sum_to_the_total_in_vietnamese(self):
        parts = {"sex": {**SEX, "nu": {"numerator": "93", "denominator": "100"}}}
        result = values_record(rows=[row(self.tanlinh, parts)], user=self.reporter)
        self.assertEqual(
            [e.message for e in result.errors],
            ["Số liệu theo giới tính (Nam 96 + Nữ 93 = 189) phải bằng tử số chung (190)."],
        )
        self.assertFalse(Value.objects.exists())

    def test_it_refuses_a_missing_part_and_an_undeclared_breakdown(self):
        result = values_record(
            rows=[row(self.tanlinh, {"sex": {"nam": SEX["nam"]}, "religion": {}})], user=self.reporter
        )
        self.assertEqual(
            sorted(e.message for e in result.errors),
            ["Chỉ tiêu XMC2_15_60 không chia chi tiết theo “religion”.", "Số liệu theo giới tính còn thiếu: Nữ."],
        )

    def test_it_keeps_the_parts_when_a_row_without_them_keeps_the_total_and_drops_them_otherwise(self):
        values_record(rows=[row(self.tanlinh, {"sex": SEX})], user=self.reporter)
        value = Value.objects.get(unit=self.tanlinh)
        values_record(rows=[row(self.tanlinh, None, comment="đã rà soát", version=value.version)], user=self.reporter)
        value.refresh_from_db()
        self.assertEqual((value.comment, value.parts), ("đã rà soát", {"sex": SEX}))
        values_record(rows=[row(self.tanlinh, None, numerator="191", version=value.version)], user=self.reporter)
        value.refresh_from_db()
        self.assertEqual((value.numerator, value.parts), (191, {}))


class RollupTests(BreakdownsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        values_record(rows=[row(cls.tanlinh, {"sex": SEX})], user=cls.reporter)
        ba_trai = {"nam": {"numerator": "48", "denominator": "50"}, "nu": {"numerator": "47", "denominator": "50"}}
        values_record(rows=[row(cls.batrai, {"sex": ba_trai}, "95", "100")], user=cls.district_officer)

    def test_it_rolls_a_literacy_figure_by_sex_up_to_the_district_with_parts_summing_to_the_total(self):
        figure = rollup(anchors=[self.bavi], period=self.period, indicators=[self.literacy])[
            (self.bavi.pk, self.literacy.pk)
        ]
        sex = figure.parts["sex"]
        self.assertEqual(sex.sums["nam"], {"numerator": D(144), "denominator": D(150)})
        self.assertEqual(sex.sums["nu"], {"numerator": D(141), "denominator": D(150)})
        self.assertEqual(sex.sums["nam"]["numerator"] + sex.sums["nu"]["numerator"], figure.numerator)
        self.assertEqual(sex.sums["nam"]["denominator"] + sex.sums["nu"]["denominator"], figure.denominator)
        self.assertEqual((sex.reported, figure.reported), (2, 2))
        self.assertEqual(sex.percent("nam"), D(96))
        self.assertNotIn("ethnicity", figure.parts)  # no commune gave it

    def test_it_sums_the_parts_in_one_more_query_whatever_the_number_of_units(self):
        plain = Indicator.objects.get(code="XMC1_15_35")
        plain.breakdowns = []
        plain.save()
        with self.assertNumQueries(4):  # expected units, sub-periods, the values, their parts
            rollup(anchors=[self.bavi, self.donganh], period=self.period, indicators=[self.literacy], stored=False)
        with self.assertNumQueries(3):
            rollup(anchors=[self.bavi, self.donganh], period=self.period, indicators=[plain], stored=False)
        with self.assertNumQueries(4):
            rollup(
                anchors=[self.tanlinh, self.batrai, self.coloa],
                period=self.period,
                indicators=[self.literacy],
                stored=False,
            )

    def test_it_shows_the_parts_on_the_rollup_page(self):
        self.client.force_login(self.district_officer)
        response = self.client.get(reverse("reports:rollup", args=[self.bavi.pk, "2023"]))
        self.assertContains(response, "Giới tính: Nam 144/150 (96,00 %) · Nữ 141/150 (94,00 %)")

    def test_it_says_when_not_every_unit_gave_the_parts(self):
        Value.objects.create(unit=self.coloa, indicator=self.literacy, period=self.period, numerator=9, denominator=10)
        figure = rollup(anchors=[self.hanoi], period=self.period, indicators=[self.literacy])[
            (self.hanoi.pk, self.literacy.pk)
        ]
        from reports.display import parts_lines

        self.assertEqual(
            parts_lines(figure, self.literacy),
            ["Giới tính: Nam 144/150 (96,00 %) · Nữ 141/150 (94,00 %) (2/3 đơn vị có số liệu chi tiết)"],
        )

    def test_it_writes_the_parts_in_the_excel_summary(self):
        import io

        import openpyxl

        self.client.force_login(self.district_officer)
        response = self.client.get(reverse("exports:summary_xlsx", args=[self.bavi.pk, "2023"]))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        book = openpyxl.load_workbook(io.BytesIO(content))
        # the indicator's sheet is named by its Vietnamese name, and its title row names the indicator
        sheet = next(s for s in book.worksheets if "biết chữ" in s.title.lower() or "XMC2_15_60" in str(s["A1"].value))
        rows = list(sheet.iter_rows(values_only=True))
        header = next(r for r in rows if r and r[0] == "Mã đơn vị")
        bavi = next(r for r in rows if r and r[0] == self.bavi.code)
        start = header.index("Nam: tử số")
        self.assertEqual(header[start : start + 4], ("Nam: tử số", "Nam: mẫu số", "Nữ: tử số", "Nữ: mẫu số"))
        self.assertEqual(bavi[start : start + 4], (144, 150, 141, 150))
        self.assertEqual(header[start + 4 : start + 6], ("Kinh: tử số", "Kinh: mẫu số"))
        self.assertEqual(bavi[start + 4], None)


class EntryTests(BreakdownsTestCase):
    """KH 290 Hà Nội: “Duy trì 99,5% trở lên người trong độ tuổi 15-60 biết chữ”: Tản Lĩnh's grid asks it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from plans.models import Target, TargetKind

        from .factories import make_plan

        plan = make_plan(cls.hanoi)
        Target.objects.create(
            plan=plan, indicator=cls.literacy, unit=cls.hanoi, year=2025, kind=TargetKind.AT_LEAST, value=D("99.5")
        )

    def post(self, changes):
        url = reverse("reports:entry", args=[self.tanlinh.pk, "2023"])
        page = self.client.get(url)
        return self.client.post(url, grid_data(page, {"XMC2_15_60": changes}))

    def test_it_shows_part_inputs_and_records_the_parts_typed_with_the_value(self):
        self.client.force_login(self.reporter)
        page = self.client.get(reverse("reports:entry", args=[self.tanlinh.pk, "2023"]))
        self.assertContains(page, "Chi tiết theo giới tính")
        self.assertContains(page, "Chi tiết theo nhóm tuổi")
        self.post(
            {
                "numerator": "190",
                "denominator": "200",
                "part__sex__nam__numerator": "96",
                "part__sex__nam__denominator": "100",
                "part__sex__nu__numerator": "94",
                "part__sex__nu__denominator": "100",
            }
        )
        self.assertEqual(Value.objects.get(unit=self.tanlinh).parts, {"sex": SEX})
        page = self.client.get(reverse("reports:entry", args=[self.tanlinh.pk, "2023"]))
        self.assertContains(page, 'value="96"')

    def test_it_shows_the_sum_error_on_the_row(self):
        self.client.force_login(self.reporter)
        response = self.post(
            {
                "numerator": "190",
                "denominator": "200",
                "part__sex__nam__numerator": "96",
                "part__sex__nam__denominator": "100",
                "part__sex__nu__numerator": "90",
                "part__sex__nu__denominator": "100",
            }
        )
        self.assertContains(response, "Số liệu theo giới tính (Nam 96 + Nữ 90 = 186) phải bằng tử số chung (190).")
        self.assertFalse(Value.objects.exists())


class ClosedPeriodTests(BreakdownsTestCase):
    def test_a_closed_periods_stored_figure_keeps_its_parts(self):
        from reports.services.aggregates import period_close

        values_record(rows=[row(self.tanlinh, {"sex": SEX})], user=self.reporter)
        live = rollup(anchors=[self.bavi], period=self.period, indicators=[self.literacy], stored=False)
        period_close(period=self.period)
        stored = rollup(anchors=[self.bavi], period=self.period, indicators=[self.literacy])
        key = (self.bavi.pk, self.literacy.pk)
        self.assertEqual(stored[key].parts, live[key].parts)
        self.assertEqual(stored[key].parts["sex"].sums["nu"]["numerator"], D(94))


class ApiTests(BreakdownsTestCase):
    def test_the_api_records_and_returns_the_parts(self):
        from accounts.models import ApiToken

        raw, digest = ApiToken.generate()
        ApiToken.objects.create(user=self.reporter, digest=digest, prefix=raw[:8])
        headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
        row = {"unit_code": self.tanlinh.code, "indicator_code": "XMC2_15_60", "period": "2023", "numerator": 190,
               "denominator": 200, "parts": {"sex": SEX}}  # fmt: skip
        response = self.client.post("/api/v1/values/", [row], content_type="application/json", **headers)
        self.assertEqual(response.status_code, 200, response.content)
        row["parts"] = {"sex": {**SEX, "nu": {"numerator": "93", "denominator": "100"}}}
        refused = self.client.post(
            "/api/v1/values/", [{**row, "version": 1}], content_type="application/json", **headers
        )
        self.assertEqual(refused.status_code, 400)
        self.assertIn("phải bằng tử số chung", refused.json()["errors"][0]["message"])
        got = self.client.get(
            "/api/v1/values/", {"unit": self.tanlinh.code, "period": "2023", "indicator": "XMC2_15_60"}, **headers
        ).json()
        self.assertEqual(
            got[0]["parts"], {"sex": {"reported_units": 1, "nam": {"numerator": 96.0, "denominator": 100.0},
                                      "nu": {"numerator": 94.0, "denominator": 100.0}}}
        )  # fmt: skip


class PdfTests(BreakdownsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        values_record(rows=[row(cls.tanlinh, {"sex": SEX})], user=cls.reporter)
        ba_trai = {"nam": {"numerator": "48", "denominator": "50"}, "nu": {"numerator": "47", "denominator": "50"}}
        values_record(rows=[row(cls.batrai, {"sex": ba_trai}, "95", "100")], user=cls.district_officer)

    def test_it_writes_the_parts_in_the_official_report(self):
        from .test_export_pdf import text_of

        self.client.force_login(self.district_officer)
        response = self.client.get(reverse("exports:report_pdf", args=[self.bavi.pk, "2023"]))
        self.assertIn("Giới tính: Nam 144/150 (96,00 %) · Nữ 141/150 (94,00 %)", text_of(response.content))


class ImportTests(BreakdownsTestCase):
    def test_it_imports_the_parts_from_their_columns(self):
        from reports.services.importing import values_import

        csv = (
            "unit_code,indicator_code,period,numerator,denominator,part.sex.nam.numerator,part.sex.nam.denominator,"
            "part.sex.nu.numerator,part.sex.nu.denominator\n"
            f"{self.tanlinh.code},XMC2_15_60,2023,190,200,96,100,94,100\n"
        )
        import io

        result = values_import(io.BytesIO(csv.encode()), self.reporter, name="xmc.csv")
        self.assertTrue(result.record.ok, result.record.errors)
        self.assertEqual(Value.objects.get(unit=self.tanlinh).parts, {"sex": SEX})
