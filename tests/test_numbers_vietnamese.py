"""Numbers typed the Vietnamese way: "1.234" is one thousand two hundred thirty-four, "1.234,5" has a decimal,
"1,234.5" on a Vietnamese page is refused with the reason (not guessed), a count of households is whole, and a
value is stored exactly as typed. The same in the entry grid, the CSV import and the English page (reversed)."""

import io
from decimal import Decimal

from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import translation

from core.numbers import NumberInvalid, number_parse, number_text, percent_text
from indicators.models import Indicator, Measure
from reports.models import Value
from reports.services.importing import values_import

from .base import PersonasTestCase, grid_data
from .test_entry import EntryTestCase
from .test_import import HEADER, csv_bytes


class ParseTests(SimpleTestCase):
    def parse(self, text, language="vi", **kwargs):
        return number_parse(text, language=language, **kwargs)

    def refused(self, text, language="vi", **kwargs) -> str:
        with self.assertRaises(NumberInvalid) as caught:
            self.parse(text, language, **kwargs)
        return caught.exception.messages[0]

    def test_it_reads_the_vietnamese_separators(self):
        self.assertEqual(self.parse("1.234"), 1234)
        self.assertEqual(self.parse("1.234,5"), Decimal("1234.5"))
        self.assertEqual(self.parse("1.234.567"), 1234567)
        self.assertEqual(self.parse("99,5"), Decimal("99.5"))
        self.assertEqual(self.parse("10 600"), 10600)  # a space between groups of three

    def test_it_refuses_what_it_would_have_to_guess_with_the_reason(self):
        self.assertIn("ví dụ 1.234,5", self.refused("1,234.5"))  # English order on a Vietnamese page
        self.assertIn("3 chữ số", self.refused("1.23"))  # a dot is a thousands separator here
        self.assertIn("3 chữ số", self.refused("99.5"))
        for text in ("NaN", "sNaN", "-NaN", "Infinity", "1e5", "١٢", "12,5,1", "5,"):
            self.refused(text)

    def test_it_refuses_a_fraction_of_a_whole_count(self):
        self.assertIn("số nguyên", self.refused("12,5", whole=True))
        self.assertEqual(self.parse("12", whole=True), 12)

    def test_it_keeps_every_decimal(self):
        self.assertEqual(self.parse("0,125"), Decimal("0.125"))
        self.assertEqual(str(self.parse("1.234,567")), "1234.567")

    def test_english_pages_read_the_other_way_round(self):
        self.assertEqual(self.parse("1,234.5", "en"), Decimal("1234.5"))
        self.assertEqual(self.parse("1,234", "en"), 1234)
        self.refused("1.234,5", "en")

    def test_it_writes_with_the_same_separators_and_rounds_half_up(self):
        with translation.override("vi"):
            self.assertEqual(number_text(Decimal("1234.5")), "1.234,5")
            self.assertEqual(percent_text(Decimal(4) * 100 / 6), "66,67 %")
            self.assertEqual(percent_text(Decimal("43.735")), "43,74 %")
        with translation.override("en"):
            self.assertEqual(number_text(Decimal("1234.5")), "1,234.5")


class GridTests(EntryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.area = Indicator.objects.create(
            code="DIEN_TICH", name="Diện tích thư viện (m²)", measure=Measure.COUNT, whole_numbers=False
        )
        cls.plan.targets.create(indicator=cls.area, unit=cls.tanlinh, year=2025, value=100)

    def post(self, changes):
        self.client.force_login(self.reporter)
        url = reverse("reports:entry", args=[self.tanlinh.pk, "2023"])
        return self.client.post(url, grid_data(self.client.get(url), changes))

    def stored(self, code):
        value = Value.objects.filter(indicator__code=code, period__code="2023").first()
        return value.value if value else None

    def test_it_saves_thousands_and_decimals_as_typed(self):
        self.post({"TTHTCD": {"value": "1.234"}, "DIEN_TICH": {"value": "1.234,567"}})
        self.assertEqual(self.stored("TTHTCD"), 1234)
        self.assertEqual(str(self.stored("DIEN_TICH").normalize()), "1234.567")  # exactly, three decimals

    def test_it_refuses_the_english_order_and_a_fraction_of_a_count_with_the_reason_beside_the_cell(self):
        response = self.post({"DIEN_TICH": {"value": "1,234.5"}, "TTHTCD": {"value": "12,5"}})
        self.assertContains(response, "ví dụ 1.234,5")
        self.assertContains(response, "12,5 không phải là số nguyên")
        self.assertContains(response, 'value="1,234.5"')  # what was typed stays in the cell
        self.assertIsNone(self.stored("DIEN_TICH"))
        self.assertIsNone(self.stored("TTHTCD"))


class ImportTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Indicator.objects.create(code="HO_HT", name="Số hộ gia đình học tập", measure=Measure.COUNT)
        Indicator.objects.create(code="KINH_PHI", name="Kinh phí (triệu đồng)", measure=Measure.COUNT,
                                 whole_numbers=False)  # fmt: skip

    def imported(self, *lines, header=HEADER):
        return values_import(io.BytesIO(csv_bytes(*lines, header=header)), self.reporter, name="so-lieu.csv")

    def test_it_reads_the_csv_the_vietnamese_way(self):
        # As Excel in Vietnamese saves a CSV: semicolons, a decimal comma.
        result = self.imported(
            "09910;HO_HT;2023;1.234;;;", "09910;KINH_PHI;2023;1.234,5;;;", header=HEADER.replace(",", ";")
        )
        self.assertEqual(result.errors, [])
        values = dict(Value.objects.values_list("indicator__code", "value"))
        self.assertEqual((values["HO_HT"], values["KINH_PHI"]), (1234, Decimal("1234.5")))

    def test_it_refuses_the_english_order_and_half_a_household_with_nothing_written(self):
        result = self.imported('09910,KINH_PHI,2023,"1,234.5",,,', '09910,HO_HT,2023,"12,5",,,')
        self.assertEqual([(e.row, e.column) for e in result.errors], [(2, "value"), (3, "value")])
        self.assertIn("ví dụ 1.234,5", result.errors[0].message)
        self.assertIn("số nguyên", result.errors[1].message)
        self.assertFalse(Value.objects.exists())
