"""Loading the real units from the vietnamadminunits package, both structures, twice."""

from collections import Counter
from decimal import Decimal

from django.core.management import call_command
from django.test import TestCase

from units.models import Level, Lineage, LineageMethod, Structure, Unit
from units.services import units_load
from units.sources import records


class LoadUnitsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_legacy = units_load(records=records(Structure.LEGACY), structure=Structure.LEGACY)
        cls.first_2025 = units_load(records=records(Structure.REFORM_2025), structure=Structure.REFORM_2025)

    def counts(self, structure):
        qs = Unit.objects.of_structure(structure)
        return {level: qs.at_level(level).count() for level in Level.values}

    def test_it_loads_the_three_level_structure_of_30_june_2025(self):
        # The last structure before the reform: 63 provinces, 696 districts, 10,035 communes.
        self.assertEqual(
            self.counts(Structure.LEGACY), {"national": 1, "province": 63, "district": 696, "commune": 10035}
        )

    def test_it_loads_the_two_level_structure_of_1_july_2025(self):
        self.assertEqual(
            self.counts(Structure.REFORM_2025), {"national": 1, "province": 34, "district": 0, "commune": 3321}
        )

    def test_it_changes_nothing_on_a_second_run(self):
        before = Unit.objects.count()
        for structure in Structure.values:
            result = units_load(records=records(structure), structure=structure)
            self.assertFalse(result.changed, structure)
        self.assertEqual(Unit.objects.count(), before)

    def test_it_has_the_seed_plan_units_with_their_official_names(self):
        cuchi = Unit.objects.get(code="783", valid_to__isnull=False)
        self.assertEqual(cuchi.name, "Huyện Củ Chi")
        self.assertEqual(cuchi.parent.name, "Thành phố Hồ Chí Minh")
        ytich = Unit.objects.get(code="06520", valid_to__isnull=False)
        self.assertEqual(
            [u.name for u in Unit.objects.ancestors_of(ytich)], ["Việt Nam", "Tỉnh Lạng Sơn", "Huyện Chi Lăng"]
        )
        for code, name in [("01", "Thành phố Hà Nội"), ("33", "Tỉnh Hưng Yên"), ("87", "Tỉnh Đồng Tháp")]:
            self.assertEqual(Unit.objects.of_structure(Structure.LEGACY).get(code=code).name, name)

    def test_it_keeps_an_unchanged_province_as_one_unit_across_the_reform(self):
        hanoi = Unit.objects.get(code="01")
        self.assertIsNone(hanoi.valid_to)
        legacy_children = Unit.objects.of_structure(Structure.LEGACY).filter(parent=hanoi).count()
        new_children = Unit.objects.of_structure(Structure.REFORM_2025).filter(parent=hanoi).count()
        self.assertEqual((legacy_children, new_children), (30, 126))

    def test_it_links_a_new_commune_to_the_communes_it_was_formed_from(self):
        new_communes = Unit.objects.of_structure(Structure.REFORM_2025).at_level(Level.COMMUNE)
        self.assertGreaterEqual(new_communes.filter(predecessors__isnull=False).distinct().count(), 3316)
        commune = new_communes.filter(predecessors__isnull=False).first()
        for old in commune.predecessors.all():
            self.assertEqual(old.valid_to.isoformat(), "2025-06-30")

    def test_it_gives_a_merged_province_a_new_unit(self):
        # Hưng Yên after the reform (Hưng Yên + Thái Bình) is a new unit; the old one keeps its history.
        old = Unit.objects.of_structure(Structure.LEGACY).get(code="33")
        new = Unit.objects.of_structure(Structure.REFORM_2025).get(code="33")
        self.assertNotEqual(old.pk, new.pk)
        self.assertEqual(old.valid_to.isoformat(), "2025-06-30")

    def test_it_weighs_every_link_so_that_each_legacy_unit_is_shared_out_exactly_once(self):
        sums: dict[int, Decimal] = {}
        for predecessor, weight in Lineage.objects.values_list("predecessor_id", "weight"):
            sums[predecessor] = sums.get(predecessor, 0) + weight
        self.assertEqual(set(sums.values()), {Decimal(1)})
        # Every legacy commune and district is shared out, and the 52 provinces the reform merged.
        legacy = Unit.objects.of_structure(Structure.LEGACY).filter(valid_to__isnull=False)
        self.assertEqual(
            {level: legacy.at_level(level).filter(pk__in=sums).count() for level in Level.values},
            {"national": 0, "province": 52, "district": 696, "commune": 10035},
        )

    def test_it_splits_a_divided_commune_equally_and_marks_it_as_an_estimate(self):
        split = Lineage.objects.filter(method=LineageMethod.EQUAL_SPLIT)
        self.assertEqual(split.values("predecessor").distinct().count(), 471)
        link = split.select_related("predecessor").first()
        weights = list(link.predecessor.successor_links.values_list("weight", flat=True))
        self.assertGreater(len(weights), 1)
        self.assertLessEqual(max(weights) - min(weights), Decimal("0.000001"))  # equal, up to the last place
        self.assertTrue(link.estimated)
        self.assertIn("vietnamadminunits 1.0.4", link.source)
        # Counted as one unit (reported / expected) at one of its parts only: the first of the largest.
        primary = link.predecessor.successor_links.filter(primary=True).get()
        self.assertEqual(primary.weight, max(weights))
        self.assertEqual(
            Lineage.objects.filter(primary=True).count(),
            len(set(Lineage.objects.values_list("predecessor_id", flat=True))),
        )

    def test_it_derives_a_new_province_from_the_provinces_its_communes_came_from(self):
        def predecessors(code):
            new = Unit.objects.of_structure(Structure.REFORM_2025).get(code=code)
            return {(link.predecessor.name, link.weight, link.method) for link in new.predecessor_links.all()}

        whole = (Decimal(1), LineageMethod.WHOLE)
        self.assertEqual(predecessors("33"), {("Tỉnh Hưng Yên", *whole), ("Tỉnh Thái Bình", *whole)})
        self.assertEqual(
            predecessors("79"),
            {("Thành phố Hồ Chí Minh", *whole), ("Tỉnh Bình Dương", *whole), ("Tỉnh Bà Rịa - Vũng Tàu", *whole)},
        )
        self.assertEqual(predecessors("01"), set())  # Hà Nội continues itself

    def test_it_links_an_abolished_district_to_the_new_communes_of_its_communes(self):
        chilang = Unit.objects.of_structure(Structure.LEGACY).get(code="187")
        links = list(chilang.successor_links.select_related("successor"))
        self.assertEqual({link.method for link in links}, {LineageMethod.COMMUNE_SHARE})
        self.assertEqual({link.successor.parent.name for link in links}, {"Tỉnh Lạng Sơn"})
        vanlinh = next(link for link in links if link.successor.name == "Xã Vạn Linh")
        communes = Unit.objects.filter(parent=chilang).count()
        self.assertEqual(vanlinh.weight, round(Decimal(3) / communes, 6))  # 3 of its communes went to Vạn Linh

    def test_it_links_an_island_special_zone_to_its_legacy_district(self):
        con_dao = Unit.objects.of_structure(Structure.REFORM_2025).get(name="Đặc khu Côn Đảo")
        self.assertEqual([(u.name, u.level) for u in con_dao.predecessors.all()], [("Huyện Côn Đảo", "district")])

    def test_it_keeps_the_tree_consistent(self):
        """What treebeard's ``find_problems`` checks, in one query over the 14,000 units instead of one per node:
        the path's alphabet and length, the depth, the parent (path and foreign key), the number of children."""
        rows = list(Unit.objects.values_list("pk", "path", "depth", "numchild", "parent_id"))
        by_path = {path: pk for pk, path, *_rest in rows}
        children = Counter(path[: -Unit.steplen] for _pk, path, *_rest in rows if len(path) > Unit.steplen)
        problems = []
        for pk, path, depth, numchild, parent_id in rows:
            if len(path) % Unit.steplen or any(c not in Unit.alphabet for c in path):
                problems.append((pk, "path"))
            if depth != len(path) // Unit.steplen:
                problems.append((pk, "depth"))
            expected_parent = by_path.get(path[: -Unit.steplen]) if depth > 1 else None
            if parent_id != expected_parent or (depth > 1 and expected_parent is None):
                problems.append((pk, "parent"))
            if numchild != children.get(path, 0):
                problems.append((pk, "numchild"))
        self.assertEqual(len(by_path), len(rows))  # no path twice
        self.assertEqual(problems, [])


class LoadUnitsCommandTests(TestCase):
    def test_it_reports_what_it_did(self):
        from io import StringIO

        out = StringIO()
        call_command("load_units", "--structure", "2025", stdout=out)
        self.assertIn("tạo mới 3355", out.getvalue())
