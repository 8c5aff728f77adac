"""The demo is data and stays apart: its seed plans are data files that cite their source texts, one loader
writes them in cascade order, and no app depends on the ``demo`` app."""

import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, TestCase

from core.datafiles import DataFileError
from demo.plans import SEEDS, seed_load, seed_read
from indicators.reference import indicators_load
from plans.models import Plan, Target, Task
from units.services import units_load
from units.sources import records

SHARED = Path(settings.BASE_DIR).parent / "shared"
#: Where a target says it comes from: the section and line of a seed text, or the programme's line in REGULATIONS.md.
SOURCE = re.compile(r"(?:Mục [IVX]+(?:\.[0-9a-zđ]+)*|QĐ \d+/QĐ-TTg), dòng (\d+)")


class SeedSourcesTests(SimpleTestCase):
    def test_every_target_cites_the_line_of_its_text_that_holds_its_figure(self):
        if not (SHARED / "seeds").is_dir():
            self.skipTest(f"không có văn bản gốc tại {SHARED / 'seeds'}")
        checked = 0
        for name in SEEDS:
            data = seed_read(name)
            lines = (SHARED / data["text"]).read_text(encoding="utf-8").split("\n")
            for plan in data["plans"]:
                for target in plan.get("targets", []):
                    where = f"{name}: {target['indicator']} {target['year']} ({target['source']})"
                    match = SOURCE.fullmatch(target["source"])
                    self.assertIsNotNone(match, where)
                    line = lines[int(match[1]) - 1]
                    figure = re.search(r"(\d+(?:,\d+)?) ?%", target.get("note", ""))
                    if figure and target.get("value") is not None:
                        self.assertRegex(line, rf"(?<![\d,]){figure[1]} ?%", where)
                        checked += 1
        self.assertGreater(checked, 120)


class DemoIsALeafTests(SimpleTestCase):
    def test_no_app_imports_the_demo(self):
        root = Path(settings.BASE_DIR)
        importing = [
            str(path.relative_to(root))
            for path in root.rglob("*.py")
            if path.relative_to(root).parts[0] not in {".venv", "demo", "tests"}
            and re.search(r"^\s*(from demo[. ]|import demo\b)", path.read_text(encoding="utf-8"), re.M)
        ]
        self.assertEqual(importing, [])


class SeedLoaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        units_load(records=records("legacy"), structure="legacy")
        indicators_load()

    def test_a_plan_whose_parent_is_not_loaded_yet_stops_the_file_with_nothing_written(self):
        with self.assertRaisesMessage(DataFileError, "hung_yen.yaml, plans 1: chưa có kế hoạch cấp trên 89/QĐ-TTg"):
            seed_load(name="hung_yen")
        self.assertFalse(Plan.objects.exists())
        self.assertFalse(Task.objects.exists())

    def test_the_sa_dec_target_and_the_sa_dec_agency_sit_on_sa_dec(self):
        seed_load(name="national")
        seed_load(name="dong_thap")
        target = Target.objects.get(plan__unit__code="87")
        self.assertEqual((target.unit.code, target.unit.name), ("867", "Thành phố Sa Đéc"))
        sa_dec = Task.objects.filter(plan=target.plan, lead__name="Ủy ban nhân dân thành phố Sa Đéc").first()
        self.assertEqual(sa_dec.lead.unit, target.unit)


class DemoResultsFileTests(SimpleTestCase):
    def test_it_enters_the_years_before_the_reform_in_the_old_structure_and_the_later_ones_in_the_new(self):
        from demo.results import _groups

        groups = _groups()
        self.assertEqual({group["structure"] for group in groups}, {"legacy", "2025"})
        for group in groups:
            years = {int(code[:4]) for code in group["periods"]}
            if group["structure"] == "legacy":
                self.assertLess(max(years), 2025, group)
            else:
                self.assertGreaterEqual(min(years), 2025, group)
        new_hanoi = next(g for g in groups if g["anchor"] == "01" and g["structure"] == "2025")
        self.assertEqual(new_hanoi["leave_open"], ["09634"])  # Cổ Đô's 2026: demo-commune's to-do
