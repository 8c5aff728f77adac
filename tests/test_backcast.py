"""The 2025 units' figures before the reform, computed from their predecessors' values, on the real lineage.

Data: both real trees (``load_units``), the catalogue, and for every legacy commune a value of 2024 (of 2019
in legacy Hưng Yên and Thái Bình) for a count (classes held), a ratio (learning families), a standard with levels (learning commune) and the
ratio a derived standard reads (literacy 15-60, for XMC), plus the learning-district title of every legacy
district: the whole country, as a province officer would see it after the reform.
"""

import random
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.db.models import Q, Sum

from indicators.models import Indicator
from plans.periods import period_get_or_create
from reports.models import EntryPath, Value
from reports.progress import progress_for
from reports.rollup import rollup
from units.models import Level, Lineage, Structure, Unit

from .national import NationalTestCase, legacy_unit, new_unit

CODES = ["CLC_CLASSES", "LEARNING_FAMILY", "LEARNING_COMMUNE", "XMC2_15_60", "XMC", "LEARNING_DISTRICT"]


def national_values(periods, indicators, rng, *, under: list[Unit] | None = None) -> list[Value]:
    """One plausible value per legacy commune (and district, for the district title), indicator and period;
    about 3 % missing and 1 % "nothing to report". ``under``: only in these units' subtrees."""
    legacy = Unit.objects.of_structure(Structure.LEGACY)
    if under:
        legacy = legacy.filter(path__regex=r"^(" + "|".join(u.path for u in under) + ")")
    communes = list(legacy.at_level(Level.COMMUNE).values_list("pk", flat=True))
    districts = list(legacy.at_level(Level.DISTRICT).values_list("pk", flat=True))
    rows = []
    for period in periods:
        for indicator in indicators:
            if indicator.source_id:
                continue
            units = districts if indicator.entry_level == Level.DISTRICT else communes
            for unit_id in units:
                if rng.random() < 0.03:
                    continue
                fields = {}
                if rng.random() < 0.01:
                    fields["not_applicable"] = True
                elif indicator.measure == "ratio":
                    denominator = rng.randint(50, 3000)
                    fields.update(numerator=rng.randint(denominator // 2, denominator), denominator=denominator)
                elif indicator.measure == "standard":
                    fields["value"] = rng.randint(0, indicator.max_level)
                else:
                    fields["value"] = rng.randint(0, 40)
                rows.append(
                    Value(unit_id=unit_id, indicator=indicator, period=period, entry_path=EntryPath.DEMO, **fields)
                )
    return Value.objects.bulk_create(rows, batch_size=5000)


class BackcastTests(NationalTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        call_command("load_reference_data", stdout=StringIO())
        cls.indicators = {i.code: i for i in Indicator.objects.filter(code__in=CODES)}
        cls.all = [cls.indicators[code] for code in CODES]
        cls.y2019 = period_get_or_create(code="2019")
        cls.y2024 = period_get_or_create(code="2024")
        rng = random.Random(2025)
        national_values([cls.y2024], cls.all, rng)
        national_values([cls.y2019], cls.all, rng, under=[legacy_unit("33"), legacy_unit("34")])
        cls.new_provinces = list(Unit.objects.of_structure(Structure.REFORM_2025).at_level(Level.PROVINCE))
        cls.legacy_provinces = list(Unit.objects.of_structure(Structure.LEGACY).at_level(Level.PROVINCE))

    def test_it_computes_van_linhs_2024_learning_families_from_y_tich_van_linh_and_hoa_binh(self):
        family = self.indicators["LEARNING_FAMILY"]
        weights = dict(self.vanlinh.predecessor_links.values_list("predecessor_id", "weight"))
        olds = [self.ytich, self.old_vanlinh, self.hoabinh]
        values = Value.objects.filter(unit__in=olds, indicator=family, period=self.y2024, not_applicable=False)
        numerator = sum(v.numerator * weights[v.unit_id] for v in values)
        denominator = sum(v.denominator * weights[v.unit_id] for v in values)

        figure = rollup(anchors=[self.vanlinh], period=self.y2024, indicators=[family])[(self.vanlinh.pk, family.pk)]

        self.assertEqual({w for p, w in weights.items() if p in {u.pk for u in olds}}, {Decimal(1)})
        self.assertEqual((figure.numerator, figure.denominator), (numerator, denominator))
        self.assertEqual(figure.value, numerator * 100 / denominator)
        self.assertTrue(figure.backcast)
        self.assertEqual(figure.estimated_share, 0)  # three communes merged whole: no estimate in it
        self.assertEqual((figure.reported, figure.expected), (values.count(), 3))

    def test_it_rolls_new_hung_yen_2019_up_as_legacy_hung_yen_plus_thai_binh(self):
        new = new_unit("33")
        olds = [legacy_unit("33"), legacy_unit("34")]
        # No commune crossed the line: nothing came into new Hưng Yên from another province, nothing of the two
        # went elsewhere; so the figures are the plain sums, with no adjustment.
        came_in = Lineage.objects.filter(successor__path__startswith=new.path)
        self.assertFalse(
            came_in.exclude(predecessor__path__startswith=olds[0].path)
            .exclude(predecessor__path__startswith=olds[1].path)
            .exists()
        )
        went = Lineage.objects.filter(
            Q(predecessor__path__startswith=olds[0].path) | Q(predecessor__path__startswith=olds[1].path)
        )
        self.assertFalse(went.exclude(successor__path__startswith=new.path).exists())

        new_figures = rollup(anchors=[new], period=self.y2019, indicators=self.all)
        old_figures = rollup(anchors=olds, period=self.y2019, indicators=self.all)
        for indicator in self.all:
            with self.subTest(indicator.code):
                got = new_figures[(new.pk, indicator.pk)]
                parts = [old_figures[(old.pk, indicator.pk)] for old in olds]
                self.assertTrue(got.backcast)
                self.assertEqual(got.reported, sum(p.reported for p in parts))
                self.assertEqual(got.expected, sum(p.expected for p in parts))
                if indicator.measure == "count":
                    self.assertEqual(got.value, sum(p.value for p in parts))
                else:
                    self.assertEqual(got.numerator, sum(p.numerator for p in parts))
                    self.assertEqual(got.denominator, sum(p.denominator for p in parts))

    def test_it_gives_the_same_national_totals_of_2024_in_both_trees(self):
        new_figures = rollup(anchors=self.new_provinces, period=self.y2024, indicators=self.all)
        old_figures = rollup(anchors=self.legacy_provinces, period=self.y2024, indicators=self.all)
        self.assertEqual(sum(f.backcast for f in new_figures.values()), 23 * len(self.all))  # 11 continue whole

        def totals(figures, indicator):
            rows = [f for (unit_id, indicator_id), f in figures.items() if indicator_id == indicator.pk]
            return (
                sum(f.value or 0 for f in rows) if indicator.measure == "count" else None,
                sum(f.numerator or 0 for f in rows),
                sum(f.denominator or 0 for f in rows),
                sum(f.reported for f in rows),
                sum(f.expected for f in rows),
            )

        for indicator in self.all:
            with self.subTest(indicator.code):
                self.assertEqual(totals(new_figures, indicator), totals(old_figures, indicator))

    def test_it_splits_a_divided_commune_with_weights_summing_to_one_and_marks_the_estimate(self):
        sums: dict[int, Decimal] = {}
        for predecessor, weight in Lineage.objects.values_list("predecessor_id", "weight"):
            sums[predecessor] = sums.get(predecessor, 0) + weight
        self.assertEqual(set(sums.values()), {Decimal(1)})
        split = (
            Lineage.objects.filter(method="equal_split")
            .values("predecessor")
            .annotate(total=Sum("weight"))
            .order_by("predecessor")
        )
        self.assertEqual(split.count(), 471)

        # A new commune that took part of a divided commune: part of its figure rests on the estimate.
        link = Lineage.objects.filter(method="equal_split").select_related("successor").first()
        classes = self.indicators["CLC_CLASSES"]
        figure = rollup(anchors=[link.successor], period=self.y2024, indicators=[classes])[
            (link.successor_id, classes.pk)
        ]
        share = Value.objects.filter(unit_id=link.predecessor_id, indicator=classes, period=self.y2024).first()
        if share is not None and share.value and figure.value:
            self.assertGreater(figure.estimated_share, 0)

    def test_it_gives_the_weighted_share_of_predecessors_reaching_a_level(self):
        standard = self.indicators["LEARNING_COMMUNE"]
        weights = dict(self.vanlinh.predecessor_links.values_list("predecessor_id", "weight"))
        values = Value.objects.filter(indicator=standard, period=self.y2024, unit_id__in=weights, not_applicable=False)
        reached = sum(weights[v.unit_id] for v in values if v.value >= 2)
        counted = sum(weights[v.unit_id] for v in values)

        figure = rollup(anchors=[self.vanlinh], period=self.y2024, indicators=[standard])[
            (self.vanlinh.pk, standard.pk)
        ].standard(2)
        self.assertEqual((figure.reached, figure.denominator), (reached, counted))

    def test_it_leaves_a_districts_title_out_of_a_communes_figures(self):
        title = self.indicators["LEARNING_DISTRICT"]
        figure = rollup(anchors=[self.vanlinh], period=self.y2024, indicators=[title])[(self.vanlinh.pk, title.pk)]
        self.assertEqual((figure.value, figure.expected), (None, 0))

    def test_it_reads_a_fixed_number_of_queries_whatever_the_number_of_units(self):
        typed = [i for i in self.all if not i.source_id]
        derived = [i for i in self.all if i.source_id]
        communes = list(Unit.objects.of_structure(Structure.REFORM_2025).at_level(Level.COMMUNE))
        # The expected units, the sub-period check, the values of counts and of ratios; for the standards the links
        # and the direct roll-up of the predecessors (expected units, sub-periods, typed standards, thresholds,
        # districts and provinces, one per derived standard).
        for anchors in ([self.vanlinh], communes[:50], communes):
            with self.subTest(len(anchors)), self.assertNumQueries(1 + 1 + 2 + 1 + 5 + len(derived)):
                rollup(anchors=anchors, period=self.y2024, indicators=typed + derived)

    def test_it_shows_the_2024_history_in_a_2025_progress(self):
        family = self.indicators["LEARNING_FAMILY"]
        y2026 = period_get_or_create(code="2026")
        new = new_unit("33")
        progress = progress_for(anchors=[new], period=y2026, indicators=[family])
        self.assertIsNone(progress[(new.pk, family.pk)].target)  # no plan yet: nothing to compare
        history = rollup(anchors=[new], period=self.y2024, indicators=[family])
        self.assertIsNotNone(history[(new.pk, family.pk)].value)
