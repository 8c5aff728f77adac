"""Standards at every level, as NĐ 20/2014/NĐ-CP defines them: the rules, without the database.

A standard (literacy, universal education) has levels 1..n. An entry-level unit (a commune) reaches a level by
its own figure: the level it reports, or for a derived standard the level whose threshold its source ratio passes
(``StandardThreshold`` at the entry level, e.g. ≥ 90 % of people 15-60 literate). A unit above it reaches a level
by its own condition, a threshold on the share of the units directly below it that reach that level
(``StandardThreshold`` at the unit's level): a district when ≥ 90 % of its communes do; a province when 90 % or
100 % of its districts do — in the two-level structure (from 1/7/2025), of its communes, since it has no districts.

For an anchor unit the roll-up then gives, per level, the share of the units of each level below it (or itself)
that reach it: communes, districts, provinces. A target names the level it asks for and the units its share is
over ("> 90 % of districts reach PCGD THCS level 3"); ``reports.rollup.Figure.standard`` picks that share.

Shares are over the units that reported a figure (a unit above: whose units below reported), with completeness
(reported / expected) beside them, as every roll-up figure.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from units.models import LEVEL_RANK

HUNDRED = Decimal(100)


@dataclasses.dataclass(slots=True)
class Shares:
    """Units of one level (below an anchor, or the anchor itself): how many are expected, how many have a figure,
    and how many of those reach each level of the standard."""

    expected: int = 0
    counted: int = 0
    reached: dict[int, int] = dataclasses.field(default_factory=dict)

    def add(self, other: Shares) -> None:
        self.expected += other.expected
        self.counted += other.counted
        for level, n in other.reached.items():
            self.reached[level] = self.reached.get(level, 0) + n

    def percent(self, level: int) -> Decimal | None:
        if not self.counted:
            return None
        return Decimal(self.reached.get(level, 0)) * HUNDRED / self.counted


@dataclasses.dataclass(slots=True)
class Group:
    """The entry-level units of one group (the units under one path prefix) with a figure for a standard."""

    prefix: str
    counted: int
    reached: dict[int, int]


def levels_reached(shares: Shares, thresholds: Mapping[int, Decimal]) -> set[int]:
    """The levels a unit reaches by its condition: the share of its units below reaching the level is at least
    the level's threshold. A level without a threshold at the unit's level cannot be reached by condition."""
    if not shares.counted:
        return set()
    return {
        level
        for level, minimum in thresholds.items()
        if Decimal(shares.reached.get(level, 0)) * HUNDRED >= minimum * shares.counted
    }


@dataclasses.dataclass(slots=True)
class UpperUnit:
    path: str
    level: str  # "district" or "province"


def standard_shares(
    *,
    groups: Iterable[Group],
    anchors: Iterable[str],
    uppers: Iterable[UpperUnit],
    entry_level: str,
    expected_entry: Mapping[str, int],
    thresholds: Mapping[str, Mapping[int, Decimal]],
) -> dict[str, tuple[dict[str, Shares], int | None]]:
    """Per anchor path: the shares over each level below it (entry level, districts, provinces; the anchor
    itself among them when it is of that level) and the anchor's own level reached (None: not known).

    ``groups``: entry-level counts grouped by a prefix at least as long as every anchor's path and as a district's
    (a district's communes, or a commune itself); ``anchors``: paths of one length; ``uppers``: the district and
    province units under the anchors valid on the period's day; ``expected_entry``: entry-level units expected per
    anchor path; ``thresholds``: level of a unit → standard level → minimum percent of its units below.
    Linear in the number of groups and units.
    """
    groups, anchors, uppers = list(groups), list(anchors), list(uppers)
    by_path = {u.path: u for u in uppers}
    with_districts = {u.path[:8] for u in uppers if u.level == "district"}  # provinces of the legacy structure

    # Each upper unit's shares over the units directly below it: a district's (or a two-level province's)
    # entry-level units first.
    below: dict[str, Shares] = defaultdict(Shares)
    for group in groups:
        for upper in _uppers_above(group.prefix, by_path):
            if upper.level == "district" or upper.path not in with_districts:
                below[upper.path].add(Shares(0, group.counted, dict(group.reached)))
    status: dict[str, set[int]] = {}
    for upper in (u for u in uppers if u.level == "district" or u.path not in with_districts):
        status[upper.path] = levels_reached(below[upper.path], thresholds.get(upper.level, {}))
    # Then the provinces of the legacy structure, from their districts (those judged by a threshold).
    for upper in uppers:
        if upper.level == "district" and below[upper.path].counted and thresholds.get("district"):
            province = below[upper.path[:8]] if upper.path[:8] in with_districts else None
            if province is not None:
                province.counted += 1
                for level in status[upper.path]:
                    province.reached[level] = province.reached.get(level, 0) + 1
    for upper in uppers:
        if upper.level == "province" and upper.path in with_districts:
            status[upper.path] = levels_reached(below[upper.path], thresholds.get("province", {}))

    length = len(anchors[0]) if anchors else 0
    entry: dict[str, Shares] = {a: Shares(expected=expected_entry.get(a, 0)) for a in anchors}
    own: dict[str, int | None] = dict.fromkeys(anchors)
    for group in groups:
        anchor = group.prefix[:length]
        if anchor in entry:
            entry[anchor].add(Shares(0, group.counted, dict(group.reached)))
            if group.prefix == anchor and group.counted:  # the anchor is an entry-level unit
                own[anchor] = max((lvl for lvl, n in group.reached.items() if n), default=0)
    upper_shares: dict[tuple[str, str], Shares] = {}
    for upper in uppers:
        anchor = upper.path[:length]
        if anchor not in entry:
            continue
        shares = upper_shares.setdefault((anchor, upper.level), Shares())
        shares.expected += 1
        # A unit is judged by its condition: without a threshold at its level (a standard the decree sets no
        # upper-level condition for), it counts as not judged rather than as not reaching.
        if below[upper.path].counted and thresholds.get(upper.level):
            shares.counted += 1
            for level in status.get(upper.path, ()):
                shares.reached[level] = shares.reached.get(level, 0) + 1
        if upper.path == anchor and below[upper.path].counted and thresholds.get(upper.level):
            own[anchor] = max(status.get(upper.path, ()), default=0)
    result: dict[str, tuple[dict[str, Shares], int | None]] = {}
    for anchor in anchors:
        shares = {entry_level: entry[anchor]}
        for level in ("district", "province"):
            if (anchor, level) in upper_shares:
                shares[level] = upper_shares[(anchor, level)]
        result[anchor] = (shares, own[anchor])
    return result


def _uppers_above(prefix: str, by_path: Mapping[str, UpperUnit]) -> list[UpperUnit]:
    """The district and province units whose path is a prefix of ``prefix`` (at most two)."""
    return [by_path[p] for p in (prefix[:n] for n in range(4, len(prefix) + 1, 4)) if p in by_path]


def share_level_for(asked: str, shares: Mapping[str, Shares], entry_level: str) -> str:
    """The level whose share a target on ``asked`` reads: itself when such units exist below the anchor;
    districts that no longer exist (the two-level structure) are read as the level below them that does."""
    if asked in shares:
        return asked
    below = [lvl for lvl in shares if LEVEL_RANK[lvl] > LEVEL_RANK.get(asked, 0)]
    return min(below, key=lambda lvl: LEVEL_RANK[lvl], default=entry_level)
