"""The learning-model criteria sets against what their circulars are known to say (REGULATIONS.md): each set cites
its article, says how long a recognition lasts, has the levels or the points its scheme needs, and is marked
illustrative while not checked against the text; and the one rule of a recognition's validity."""

import datetime
from pathlib import Path

import yaml
from django.test import SimpleTestCase, TestCase

from core.datafiles import DataFileError
from learning.models import CriteriaSet
from learning.reference import CRITERIA_SETS, criteria_sets_load
from learning.validity import recognition_validity

D = datetime.date


class CriteriaSetFileTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sets = {s["code"]: s for s in yaml.safe_load(CRITERIA_SETS.read_text(encoding="utf-8"))["criteria_sets"]}

    def test_it_cites_an_article_and_a_duration_for_every_set(self):
        for code, data in self.sets.items():
            self.assertTrue(data["article"], code)
            self.assertIn(data["legal_basis"].split(" ")[0][:2], data["article"] + data["legal_basis"], code)
            self.assertGreaterEqual(data.get("recognition_years", 1), 1, code)

    def test_it_marks_every_set_not_checked_against_its_text_as_illustrative(self):
        for code, data in self.sets.items():
            if "chưa đối chiếu" in data["article"]:
                self.assertTrue(data.get("is_illustrative"), code)

    def test_it_gives_the_levels_sets_levels_1_to_3(self):
        for code in ("TT24-2023-DVHT", "TT25-2023-XA", "TT25-2023-HUYEN", "TT25-2023-TINH"):
            data = self.sets[code]
            levels = {i["level"] for c in data["criteria"] for i in c["indicators"]}
            self.assertEqual((data["scheme"], data["levels"], levels), ("levels", 3, {1, 2, 3}), code)

    def test_it_gives_the_points_sets_100_points_split_as_the_texts_say(self):
        for code, data in self.sets.items():
            if data["scheme"] != "points":
                continue
            criteria = [c["max_points"] for c in data["criteria"]]
            self.assertEqual(sum(criteria), 100, code)
            for criterion in data["criteria"]:
                self.assertEqual(sum(i["max_points"] for i in criterion["indicators"]), criterion["max_points"], code)
        self.assertEqual([c["max_points"] for c in self.sets["TT22-2020-DVHT"]["criteria"]], [30, 30, 40])
        self.assertEqual([c["max_points"] for c in self.sets["KHVN-2022-GDHT"]["criteria"]][:2], [30, 30])
        self.assertEqual(len(self.sets["KHVN-324-CDHT"]["criteria"]), 3)  # three competency groups

    def test_it_replaces_tt44_by_tt25_from_12_february_2024(self):
        self.assertEqual(str(self.sets["TT25-2023-XA"]["valid_from"]), "2024-02-12")


class CriteriaSetLoadTests(TestCase):
    def test_it_loads_the_article_and_the_duration(self):
        criteria_sets_load()
        tt25 = CriteriaSet.objects.get(code="TT25-2023-XA")
        self.assertIn("Thông tư 25/2023/TT-BGDĐT", tt25.article)
        self.assertEqual((tt25.recognition_years, tt25.is_illustrative), (5, True))
        self.assertEqual(CriteriaSet.objects.get(code="KHVN-2022-GDHT").recognition_years, 1)

    def test_it_refuses_a_set_whose_indicators_miss_a_level(self):
        text = CRITERIA_SETS.read_text(encoding="utf-8").replace("levels: 3", "levels: 4", 1)
        path = Path(self.id().replace(".", "_") + ".yaml")
        tmp = Path("/tmp") / path
        tmp.write_text(text, encoding="utf-8")
        with self.assertRaisesMessage(DataFileError, "4 mức độ"):
            criteria_sets_load(path=tmp)
        tmp.unlink()


class ValidityTests(SimpleTestCase):
    def test_it_keeps_a_one_year_recognition_up_to_the_day_before_its_anniversary(self):
        validity = recognition_validity(year=2024, issued_on=D(2024, 12, 10), years=1, on=D(2025, 12, 9))
        self.assertEqual((validity.valid_until, validity.in_force), (D(2025, 12, 9), True))
        self.assertFalse(
            recognition_validity(year=2024, issued_on=D(2024, 12, 10), years=1, on=D(2025, 12, 10)).in_force
        )

    def test_it_counts_from_the_end_of_the_year_without_a_decision_date(self):
        validity = recognition_validity(year=2024, issued_on=None, years=5, on=D(2029, 12, 30))
        self.assertEqual((validity.valid_until, validity.in_force), (D(2029, 12, 30), True))

    def test_it_is_not_in_force_before_the_decision(self):
        self.assertFalse(
            recognition_validity(year=2024, issued_on=D(2024, 12, 10), years=1, on=D(2024, 12, 1)).in_force
        )

    def test_it_handles_29_february(self):
        self.assertEqual(recognition_validity(year=2024, issued_on=D(2024, 2, 29), years=1, on=D(2024, 3, 1)).valid_until,
                         D(2025, 2, 27))  # fmt: skip
