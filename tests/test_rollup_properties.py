"""Property tests of the roll-up on random trees: a ratio rolls up as Σ numerator / Σ denominator and a
standard as the share of the units that reach it, at every level, for three-level and two-level trees."""

import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from indicators.models import Indicator, Measure
from plans.periods import period_get_or_create
from reports.models import Value
from reports.rollup import rollup
from units.models import UnitKind

from .factories import make_unit

HUNDRED = Decimal(100)
LEGACY_END = datetime.date(2025, 6, 30)
REFORM_START = datetime.date(2025, 7, 1)

# A commune's ratio: missing, "nothing to report", or numerator ≤ denominator (0/0 allowed).
ratios = st.one_of(
    st.none(),
    st.just("na"),
    st.tuples(st.integers(0, 5000), st.integers(0, 5000)).map(lambda pair: (min(pair), max(pair))),
)
# A commune's standard: missing, "nothing to report", or 0 (not reached) to 3 (level reached).
standards = st.one_of(st.none(), st.just("na"), st.integers(0, 3))
communes = st.fixed_dictionaries({"ratio": ratios, "standard": standards})
three_level = st.lists(st.lists(communes, max_size=4), min_size=1, max_size=3)  # districts of communes
two_level = st.lists(communes, min_size=1, max_size=6)


def expected_figures(data: list[dict]):
    """What the roll-up of these communes must give, computed in Python."""
    pairs = [d["ratio"] for d in data if isinstance(d["ratio"], tuple)]
    numerator = sum(n for n, _d in pairs)
    denominator = sum(d for _n, d in pairs)
    ratio = Decimal(numerator) * HUNDRED / Decimal(denominator) if denominator else None
    levels = [d["standard"] for d in data if isinstance(d["standard"], int)]
    reached = sum(1 for level in levels if level >= 1)
    share = Decimal(reached) * HUNDRED / len(levels) if levels else None
    return {
        "ratio": (numerator if pairs else None, denominator if pairs else None, ratio),
        "ratio_reported": sum(1 for d in data if d["ratio"] is not None),
        "standard": (reached, share),
        "standard_reported": sum(1 for d in data if d["standard"] is not None),
        "expected": len(data),
    }


class RollupPropertyTests(TestCase):
    """Hypothesis' Django TestCase runs each example in its own transaction, rolled back after it."""

    @classmethod
    def setUpTestData(cls):
        cls.ratio = Indicator.objects.create(code="TL", name="Tỷ lệ", measure=Measure.RATIO)
        cls.standard = Indicator.objects.create(code="CH", name="Đạt chuẩn", measure=Measure.STANDARD, max_level=3)
        cls.period = period_get_or_create(code="2023")
        cls.later = period_get_or_create(code="2026")

    def put(self, unit, data: dict, period, values: list[Value]) -> None:
        ratio, level = data["ratio"], data["standard"]
        if ratio == "na":
            values.append(Value(unit=unit, indicator=self.ratio, period=period, not_applicable=True))
        elif ratio is not None:
            values.append(
                Value(unit=unit, indicator=self.ratio, period=period, numerator=ratio[0], denominator=ratio[1])
            )
        if level == "na":
            values.append(Value(unit=unit, indicator=self.standard, period=period, not_applicable=True))
        elif level is not None:
            values.append(Value(unit=unit, indicator=self.standard, period=period, value=level))

    def check(self, figures, unit, data: list[dict]) -> None:
        want = expected_figures(data)
        ratio = figures[(unit.pk, self.ratio.pk)]
        self.assertEqual((ratio.numerator, ratio.denominator, ratio.value), want["ratio"])
        self.assertEqual((ratio.reported, ratio.expected), (want["ratio_reported"], want["expected"]))
        standard = figures[(unit.pk, self.standard.pk)]
        reached, share = want["standard"]
        self.assertEqual((standard.reached or 0, standard.value), (reached, share))
        self.assertEqual((standard.reported, standard.expected), (want["standard_reported"], want["expected"]))

    def figures(self, anchors, period=None):
        return rollup(anchors=anchors, period=period or self.period, indicators=[self.ratio, self.standard])

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(districts=three_level)
    def test_it_rolls_up_a_three_level_tree(self, districts):
        province = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        values: list[Value] = []
        units = []
        for d, data in enumerate(districts):
            district = make_unit(province, f"{d + 1:03d}", f"Huyện {d}", UnitKind.RURAL_DISTRICT)
            units.append(district)
            for c, commune_data in enumerate(data):
                self.put(make_unit(district, f"{d:02d}{c:03d}", f"Xã {d}-{c}"), commune_data, self.period, values)
        Value.objects.bulk_create(values)

        self.check(self.figures([province]), province, [c for data in districts for c in data])
        by_district = self.figures(units)
        for district, data in zip(units, districts, strict=True):
            self.check(by_district, district, data)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(old=three_level, new=two_level)
    def test_it_rolls_up_a_two_level_tree_beside_the_old_three_level_one(self, old, new):
        """A province that kept its code through the 2025 reform: its old districts and communes end on
        30/6/2025, its new communes (directly under it) begin on 1/7/2025; each period sees one tree."""
        province = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        values: list[Value] = []
        for d, data in enumerate(old):
            district = make_unit(province, f"{d + 1:03d}", f"Huyện {d}", UnitKind.RURAL_DISTRICT, valid_to=LEGACY_END)
            for c, commune_data in enumerate(data):
                commune = make_unit(district, f"{d:02d}{c:03d}", f"Xã {d}-{c}", valid_to=LEGACY_END)
                self.put(commune, commune_data, self.period, values)
                self.put(commune, commune_data, self.later, values)  # a late entry must not count in 2026
        new_units = []
        for c, commune_data in enumerate(new):
            commune = make_unit(province, f"9{c:04d}", f"Xã mới {c}", valid_from=REFORM_START)
            new_units.append(commune)
            self.put(commune, commune_data, self.later, values)
        Value.objects.bulk_create(values)

        self.check(self.figures([province]), province, [c for data in old for c in data])
        self.check(self.figures([province], self.later), province, new)
        own = self.figures(new_units, self.later)
        for commune, data in zip(new_units, new, strict=True):
            self.check(own, commune, [data])
            self.assertFalse(own[(commune.pk, self.ratio.pk)].rolled_up)
