"""A production install loads the reference data with ``manage.py load_reference_data``: the indicator catalogue
with the thresholds of NĐ 20/2014/NĐ-CP and the criteria sets of the learning models, from the data files of
the apps that own them. A second run changes nothing; a bad file stops the load with a message that says
where, and nothing is half-written."""

import io
import tempfile
from decimal import Decimal
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase

from core.datafiles import DataFileError, data_file_read
from indicators.models import Indicator, Measure, StandardThreshold
from indicators.reference import CATALOGUE, indicators_load
from learning.models import CriteriaSet
from learning.reference import CRITERIA_SETS, criteria_sets_load
from units.models import Level


def load_reference_data() -> str:
    out = io.StringIO()
    call_command("load_reference_data", stdout=out)
    return out.getvalue()


def catalogue_state():
    return (
        list(Indicator.objects.order_by("code").values_list()),
        list(StandardThreshold.objects.order_by("indicator__code", "level", "standard_level").values_list()),
    )


class LoadReferenceDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.indicators = data_file_read(CATALOGUE)["indicators"]
        cls.sets = data_file_read(CRITERIA_SETS)["criteria_sets"]
        cls.first_run = load_reference_data()

    def test_it_loads_the_catalogue_and_the_criteria_sets_and_says_what_it_created(self):
        thresholds = sum(len(row.get("thresholds", [])) for row in self.indicators)
        self.assertIn(f"Chỉ tiêu: tạo mới {len(self.indicators)}, cập nhật 0, giữ nguyên 0", self.first_run)
        self.assertIn(f"Ngưỡng đạt chuẩn: tạo mới {thresholds}, cập nhật 0", self.first_run)
        self.assertIn(f"Bộ tiêu chí đánh giá: tạo mới {len(self.sets)}", self.first_run)
        self.assertEqual(Indicator.objects.count(), len(self.indicators))
        self.assertEqual(StandardThreshold.objects.count(), thresholds)
        self.assertEqual(CriteriaSet.objects.filter(is_illustrative=True).count(), len(self.sets))

    def test_a_second_run_changes_nothing(self):
        before = catalogue_state()
        second = load_reference_data()
        self.assertIn(f"Chỉ tiêu: tạo mới 0, cập nhật 0, giữ nguyên {len(self.indicators)}", second)
        self.assertIn(f"Bộ tiêu chí đánh giá: tạo mới 0, cập nhật 0, giữ nguyên {len(self.sets)}", second)
        self.assertEqual(catalogue_state(), before)

    def test_it_keeps_the_wording_order_and_derived_standards_of_the_file(self):
        literacy = Indicator.objects.get(code="XMC")
        self.assertEqual(literacy.name, "Đạt chuẩn xóa mù chữ")
        self.assertEqual(
            (literacy.measure, literacy.max_level, literacy.source.code), (Measure.STANDARD, 2, "XMC2_15_60")
        )
        self.assertEqual(
            list(Indicator.objects.filter(category="literacy").order_by("order").values_list("code", "order"))[:2],
            [("XMC2_15_60", 10), ("XMC1_15_35", 20)],
        )
        province = StandardThreshold.objects.get(indicator=literacy, level=Level.PROVINCE, standard_level=2)
        self.assertEqual(province.min_percent, Decimal("100"))
        self.assertEqual(province.note, "100% số huyện đạt chuẩn xóa mù chữ mức độ 2")

    def test_it_puts_back_an_indicator_edited_away_from_the_file_and_counts_it_updated(self):
        Indicator.objects.filter(code="XMC2_15_60").update(name="Tên sửa tay", order=999)
        StandardThreshold.objects.filter(
            indicator__code="XMC", level=Level.COMMUNE, standard_level=1, area_category__isnull=True
        ).update(min_percent=50)
        output = load_reference_data()
        self.assertIn("Chỉ tiêu: tạo mới 0, cập nhật 1,", output)
        self.assertIn("Ngưỡng đạt chuẩn: tạo mới 0, cập nhật 1,", output)
        restored = Indicator.objects.get(code="XMC2_15_60")
        self.assertEqual((restored.name, restored.order), ("Tỷ lệ người trong độ tuổi 15-60 biết chữ", 10))

    def test_it_leaves_a_criteria_set_as_the_administrator_edited_it(self):
        CriteriaSet.objects.filter(code="TT22-2020-DVHT").update(name="Bộ tiêu chí đã sửa")
        output = load_reference_data()
        self.assertIn(f"giữ nguyên {len(self.sets)}", output)
        self.assertEqual(CriteriaSet.objects.get(code="TT22-2020-DVHT").name, "Bộ tiêu chí đã sửa")


class BadCatalogueFileTests(TestCase):
    def load(self, text: str):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "catalogue.yaml"
            path.write_text(text, encoding="utf-8")
            return indicators_load(path=path)

    def test_it_names_the_file_the_record_and_the_unknown_key_and_writes_nothing(self):
        text = (
            "indicators:\n"
            "  - {code: A1, name: Một, measure: count}\n"
            "  - {code: A2, name: Hai, measure: count, colour: đỏ}\n"
        )
        with self.assertRaisesMessage(DataFileError, "catalogue.yaml, indicators 2: khóa không hợp lệ colour."):
            self.load(text)
        self.assertFalse(Indicator.objects.exists())

    def test_it_refuses_a_measure_outside_its_choices(self):
        with self.assertRaisesMessage(DataFileError, "catalogue.yaml, chỉ tiêu A1: measure:"):
            self.load("indicators:\n  - {code: A1, name: Một, measure: phần trăm}\n")
        self.assertFalse(Indicator.objects.exists())

    def test_it_refuses_a_derived_standard_whose_source_is_not_in_the_file(self):
        text = "indicators:\n  - {code: S1, name: Chuẩn, measure: standard, source: KHONG_CO}\n"
        with self.assertRaisesMessage(DataFileError, "chỉ tiêu nguồn KHONG_CO không có trong tệp"):
            self.load(text)
        self.assertFalse(Indicator.objects.exists())

    def test_it_says_where_the_yaml_is_broken(self):
        with self.assertRaisesMessage(DataFileError, "sai cú pháp"):
            self.load("indicators:\n  - code: [A1\n")


class ReferenceDataQueriesTests(TestCase):
    def test_a_run_that_changes_nothing_costs_a_constant_number_of_queries(self):
        load_reference_data()
        with self.assertNumQueries(5):  # savepoint, the indicators, their thresholds, the area categories, release
            indicators_load()
        with self.assertNumQueries(3):  # savepoint, the codes of the sets, release
            criteria_sets_load()
