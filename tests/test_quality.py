"""Data-quality rules (reports/data/quality_rules.yaml): they flag what a reviewer should look at, and not the
plain demo figures."""

from __future__ import annotations

from decimal import Decimal

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from plans.periods import period_resolve
from reports.display import flag_text
from reports.models import Value
from reports.quality import Figure, flags_find, rules_load
from reports.selectors.quality import flagged_subtree, quality_flags
from units.models import Unit


def ratio(unit_id, numerator, denominator, code="INFO", parent_id=1):
    return Figure(unit_id, parent_id, code, "ratio", None, Decimal(numerator), Decimal(denominator))


class RulesTests(SimpleTestCase):
    def run_rules(self, figures, previous=(), siblings=None):
        group = {}
        for f in figures if siblings is None else siblings:
            group.setdefault((f.parent_id, f.code), []).append(f.amount)
        return flags_find(
            figures=figures, previous={(f.unit_id, f.code): f for f in previous}, siblings=group, rules=rules_load()
        )

    def test_it_reads_the_rules_from_their_data_file(self):
        kinds = {rule.kind for rule in rules_load()}
        self.assertEqual(kinds, {"not_above", "change_factor", "sibling_outlier", "denominator_moved"})

    def test_it_flags_a_value_far_from_its_siblings_and_not_the_others(self):
        figures = [ratio(i, 50 + i, 100) for i in range(1, 9)] + [ratio(99, 5, 100)]
        flags = self.run_rules(figures)
        self.assertEqual([(f.rule, f.unit_id) for f in flags], [("FAR_FROM_SIBLINGS", 99)])
        self.assertIn("trung vị các đơn vị cùng cấp", flag_text(flags[0]))

    def test_it_flags_a_ratio_whose_denominator_moved_but_not_its_numerator(self):
        flags = self.run_rules([ratio(1, 400, 1000)], previous=[ratio(1, 400, 600)])
        self.assertEqual([f.rule for f in flags], ["DENOMINATOR_MOVED_ALONE"])
        self.assertEqual(
            flag_text(flags[0]), "Mẫu số thay đổi nhưng tử số giữ nguyên: mẫu số 600 → 1.000, tử số 400 → 400"
        )

    def test_it_flags_a_change_beyond_the_factor_from_the_last_period(self):
        flags = self.run_rules([ratio(1, 90, 100)], previous=[ratio(1, 30, 100)])
        self.assertEqual([f.rule for f in flags], ["CHANGE_BEYOND_FACTOR"])

    def test_it_flags_a_sub_group_above_its_whole(self):
        figures = [ratio(1, 10, 5000, code="XMC1_15_35"), ratio(1, 10, 4000, code="XMC2_15_60")]
        self.assertEqual([f.rule for f in self.run_rules(figures)], ["SUBGROUP_15_35_ABOVE_15_60"])


class DemoQualityTests(TestCase):
    """On the demo's figures of Hà Nội (hundreds of communes): nothing to flag until someone types a slip."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", "--password", "demo-password-for-tests", verbosity=0, stdout=open("/dev/null", "w"))
        cls.hanoi = Unit.objects.of_structure("legacy").get(code="01")
        cls.bavi = Unit.objects.of_structure("legacy").get(code="271")
        cls.period = period_resolve("2024")

    def test_it_flags_none_of_the_plain_demo_figures(self):
        for code in ("2023", "2024"):
            result = quality_flags(unit=self.hanoi, period=period_resolve(code), subtree=True)
            self.assertEqual(result.flags, [], code)

    def test_it_flags_a_seeded_outlier_and_a_ratio_jump_in_the_district(self):
        communes = list(Unit.objects.filter(parent=self.bavi).order_by("path")[:2])
        outlier = Value.objects.get(unit=communes[0], period=self.period, indicator__code="INFO_COMPETENCY")
        outlier.numerator = 1
        outlier.save()
        jump = Value.objects.filter(unit=communes[1], period=self.period, indicator__measure="ratio").first()
        before = Value.objects.get(unit=communes[1], period__code="2023", indicator=jump.indicator)
        jump.numerator, jump.denominator = before.numerator, before.denominator * 2
        jump.save()
        with self.assertNumQueries(4):  # the figures (2), the flagged units, the flagged indicators' names
            page = flagged_subtree(unit=self.bavi, period=self.period)
        found = {(flag.unit_id, flag.code, flag.rule) for row in page.rows for flag in row.flags}
        self.assertIn((communes[0].pk, outlier.indicator.code, "FAR_FROM_SIBLINGS"), found)
        self.assertIn((communes[1].pk, jump.indicator.code, "DENOMINATOR_MOVED_ALONE"), found)
        with self.assertNumQueries(2):
            own = quality_flags(unit=communes[1], period=self.period)
        self.assertEqual({f.rule for f in own.flags} >= {"DENOMINATOR_MOVED_ALONE"}, True)
