"""Recording values through the one validation path shared by the form, the import and the API."""

from indicators.models import Indicator, Measure
from reports.models import EntryPath, Value
from reports.services.values import ValueRow, values_record
from units.models import Level

from .base import PersonasTestCase


class ValuesRecordTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.literacy = Indicator.objects.create(
            code="LIT", name="Tỷ lệ biết chữ", measure=Measure.RATIO, entry_level=Level.COMMUNE
        )
        cls.clc = Indicator.objects.create(
            code="CLC", name="Số TTHTCĐ", measure=Measure.COUNT, entry_level=Level.COMMUNE
        )
        cls.std = Indicator.objects.create(
            code="XMC2", name="Đạt chuẩn XMC mức 2", measure=Measure.STANDARD, entry_level=Level.COMMUNE, max_level=2
        )

    def row(self, n, **kwargs):
        defaults = {"unit_code": "09910", "period": "2023"}
        return ValueRow(row=n, **{**defaults, **kwargs})

    def test_it_writes_good_rows_and_records_who_entered_them_for_whom(self):
        result = values_record(
            rows=[
                self.row(2, indicator_code="LIT", numerator="95", denominator="100"),
                self.row(3, indicator_code="CLC", value="2"),
            ],
            user=self.district_officer,
            path=EntryPath.IMPORT,
        )
        self.assertEqual((result.errors, result.created), ([], 2))
        v = Value.objects.get(indicator=self.literacy)
        self.assertEqual(
            (v.percent, v.entered_by, v.entered_by_unit, v.entered_on_behalf),
            (95, self.district_officer, self.bavi, True),
        )

    def test_it_writes_nothing_when_one_row_is_bad(self):
        result = values_record(
            rows=[
                self.row(2, indicator_code="CLC", value="2"),
                self.row(3, indicator_code="LIT", numerator="120", denominator="100"),
            ],
            user=self.reporter,
        )
        self.assertEqual(Value.objects.count(), 0)
        self.assertEqual([(e.row, e.column) for e in result.errors], [(3, "numerator")])
        self.assertIn("Tử số", result.errors[0].message)

    def test_it_refuses_a_unit_outside_the_users_scope(self):
        result = values_record(
            rows=[self.row(2, unit_code="09913", indicator_code="CLC", value="1")], user=self.reporter
        )
        self.assertEqual(
            str(result.errors[0]), "Dòng 2, cột unit_code: Không có đơn vị mã '09913' trong phạm vi của bạn."
        )

    def test_it_refuses_an_upper_level_typing_over_its_rollup(self):
        result = values_record(
            rows=[self.row(2, unit_code="271", indicator_code="CLC", value="5")], user=self.district_officer
        )
        self.assertIn("tổng hợp tự động", result.errors[0].message)

    def test_it_reads_vietnamese_decimals_and_refuses_negatives_and_bad_levels(self):
        result = values_record(
            rows=[
                self.row(2, indicator_code="CLC", value="-1"),
                self.row(3, indicator_code="XMC2", value="3"),
                self.row(4, indicator_code="LIT", numerator="1.234", denominator="4.321"),  # thousands, Vietnamese
            ],
            user=self.reporter,
        )
        self.assertEqual([(e.row, e.column) for e in result.errors], [(2, "value"), (3, "value")])

    def test_it_counts_nothing_to_report_as_reported(self):
        values_record(rows=[self.row(2, indicator_code="LIT", not_applicable=True)], user=self.reporter)
        self.assertTrue(Value.objects.get().not_applicable)

    def test_it_flags_duplicates_and_bad_periods(self):
        result = values_record(
            rows=[
                self.row(2, indicator_code="CLC", value="1"),
                self.row(3, indicator_code="CLC", value="2"),
                self.row(4, indicator_code="CLC", period="2023S3", value="1"),
            ],
            user=self.reporter,
        )
        self.assertEqual([(e.row, e.column) for e in result.errors], [(3, "indicator_code"), (4, "period")])

    def test_it_warns_when_a_value_jumps_from_the_last_period(self):
        values_record(rows=[self.row(2, indicator_code="CLC", value="2", period="2022")], user=self.reporter)
        result = values_record(rows=[self.row(2, indicator_code="CLC", value="20")], user=self.reporter)
        self.assertEqual(result.created, 1)
        self.assertEqual(len(result.warnings), 1)

    def test_it_saves_the_valid_cells_of_a_draft(self):
        result = values_record(
            rows=[
                self.row(1, indicator_code="CLC", value="3"),
                self.row(2, indicator_code="LIT", numerator="5", denominator=""),
            ],
            user=self.reporter,
            partial=True,
        )
        self.assertEqual((result.created, len(result.errors)), (1, 1))

    def test_it_uses_a_fixed_number_of_queries_for_many_rows(self):
        from plans.periods import period_get_or_create

        period_get_or_create(code="2023")
        one = [self.row(2, indicator_code="CLC", value="1")]
        many = [
            self.row(i, unit_code=code, indicator_code=ind, value="1")
            for i, (code, ind) in enumerate(
                [(c, i) for c in ("09910", "09913", "00499") for i in ("CLC", "XMC2")], start=2
            )
        ]
        with self.assertNumQueries(19):
            self.assertEqual(values_record(rows=one, user=self.province_reviewer).created, 1)
        Value.objects.all().delete()
        with self.assertNumQueries(19):
            self.assertEqual(values_record(rows=many, user=self.province_reviewer).created, 6)


class ValueConflictTests(PersonasTestCase):
    """Two people on the same form: the second save does not silently overwrite the first."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.clc = Indicator.objects.create(
            code="CLC", name="Số TTHTCĐ", measure=Measure.COUNT, entry_level=Level.COMMUNE
        )

    def test_it_refuses_a_save_based_on_an_outdated_version(self):
        row = {"unit_code": "09910", "indicator_code": "CLC", "period": "2023"}
        values_record(rows=[ValueRow(row=1, value="1", version=0, **row)], user=self.reporter)
        # The district officer and the reporter both loaded version 1.
        values_record(rows=[ValueRow(row=1, value="2", version=1, **row)], user=self.district_officer)
        result = values_record(rows=[ValueRow(row=1, value="3", version=1, **row)], user=self.reporter, partial=True)
        self.assertEqual(result.written, 0, result)
        self.assertIn("vừa được", result.errors[0].message)
        self.assertEqual(Value.objects.get().value, 2)
