"""The weights of the lineage across the 2025 reform: the one owner of how a legacy unit is shared out.

The data source (``units.sources``) says which legacy communes each 2025 commune was formed from, and for the
five island special zones which legacy district. From that alone:

- a legacy **commune** that went whole into one new commune has weight 1 there (``whole``); one divided between
  n new communes (471 of them) has 1/n in each: the package names the parts but gives no share (no area or
  population of the part), so the split is equal and marked as an estimate (``equal_split``);
- a legacy **district** (abolished) goes to the new communes its communes went to, and a legacy **province**
  to the new provinces they went to, each with the share of its communes (a commune counting by its own
  weights) that went there: ``whole`` when that share is 1, else ``commune_share`` (an estimate: the number of
  communes stands for the size of the part);
- a province the reform left whole is one unit across both structures (``continues_legacy``): no link to
  itself.

Every weight has six decimals and the weights of one predecessor sum to exactly 1 (largest remainder), so a
figure shared out and summed back over every successor is the figure itself.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from .models import LineageMethod

WEIGHT_PLACES = 6
SCALE = 10**WEIGHT_PLACES


@dataclasses.dataclass(frozen=True)
class Link:
    predecessor: int
    successor: int
    weight: Decimal
    method: str
    primary: bool = False  # where the predecessor is counted as one unit: its largest part (the first on a tie)


def apportion(shares: Mapping[int, Fraction]) -> dict[int, Decimal]:
    """Exact shares (summing to 1) as weights of six decimals that still sum to exactly 1 (largest remainder)."""
    scaled = {key: share * SCALE for key, share in shares.items()}
    units = {key: int(value) for key, value in scaled.items()}  # floor: the shares are positive
    rest = SCALE - sum(units.values())
    # Ties broken by the key, so a second run gives the same weights.
    for key in sorted(scaled, key=lambda k: (-(scaled[k] - units[k]), k))[:rest]:
        units[key] += 1
    return {key: Decimal(n).scaleb(-WEIGHT_PLACES) for key, n in units.items()}


def lineage_links(
    *,
    leaf_successors: Mapping[int, Iterable[int]],
    legacy_parent: Mapping[int, int | None],
    new_parent: Mapping[int, int | None],
) -> list[Link]:
    """Every link of the reform, at every level, from the links of the leaf units.

    ``leaf_successors``: legacy leaf unit (a commune, or an island district without communes) → the 2025
    communes it went to. ``legacy_parent`` / ``new_parent``: each legacy / 2025 unit → its parent (None or a
    missing key at the top), enough to find a leaf's legacy district and province and a 2025 commune's province.
    """
    targets_of = {leaf: sorted(set(successors)) for leaf, successors in leaf_successors.items()}
    targets_of = {leaf: targets for leaf, targets in targets_of.items() if targets}
    links: list[Link] = []
    for leaf, targets in targets_of.items():
        method = LineageMethod.WHOLE if len(targets) == 1 else LineageMethod.EQUAL_SPLIT
        shares = apportion({s: Fraction(1, len(targets)) for s in targets})
        links.extend(_links(leaf, shares, method))

    # The legacy units above the leaves: each the sum of its leaves' shares over the number of its leaves.
    # Shares are counted in parts of a common denominator (integers: exact and quick).
    parts = math.lcm(*{len(targets) for targets in targets_of.values()}) if targets_of else 1
    gathered: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    leaves_under: dict[int, int] = defaultdict(int)
    for leaf, targets in targets_of.items():
        share = parts // len(targets)
        above = legacy_parent.get(leaf)
        while above is not None and legacy_parent.get(above) is not None:  # stop below the national root
            leaves_under[above] += 1
            is_province = legacy_parent.get(legacy_parent[above]) is None
            for successor in targets:
                # A district is followed by the new communes, a province by the new provinces.
                gathered[above][new_parent[successor] if is_province else successor] += share
            above = legacy_parent[above]
    for predecessor, totals in gathered.items():
        if predecessor in totals:
            continue  # a province the reform left whole: one unit across both structures
        whole = parts * leaves_under[predecessor]
        method = LineageMethod.WHOLE if len(totals) == 1 else LineageMethod.COMMUNE_SHARE
        shares = apportion({s: Fraction(total, whole) for s, total in totals.items()})
        links.extend(_links(predecessor, shares, method))
    return links


def _links(predecessor: int, weights: dict[int, Decimal], method: str) -> list[Link]:
    """A predecessor's links, its largest part (the first successor on a tie) marked primary."""
    primary = min(weights, key=lambda s: (-weights[s], s))
    return [Link(predecessor, s, w, method, s == primary) for s, w in weights.items()]
