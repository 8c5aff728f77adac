"""Writes to the unit hierarchy. Paths and parent links change only here."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from .lineage import lineage_links
from .models import LEGACY_LAST_DAY, REFORM_DAY, Lineage, Structure, Unit, UnitKind, structure_reference_day

ROOT_CODE = "VN"
ROOT_NAME = "Việt Nam"


@dataclasses.dataclass(frozen=True)
class UnitRecord:
    code: str
    name: str
    kind: str
    parent_code: str | None
    predecessor_codes: tuple[str, ...] = ()
    #: Where the predecessor codes come from (kept on each lineage link).
    lineage_source: str = ""
    #: A 2025 province whose territory the reform left untouched continues its legacy unit.
    continues_legacy: bool = False


@dataclasses.dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links_created: int = 0
    links_updated: int = 0
    links_deleted: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.links_created or self.links_updated or self.links_deleted)


def unit_root() -> Unit:
    """The national root (Việt Nam), where the national programmes sit; created on first use."""
    root = Unit.objects.get_root_nodes().filter(code=ROOT_CODE).first()
    if root is None:
        root = Unit.objects.add_root(instance=Unit(code=ROOT_CODE, name=ROOT_NAME, kind=UnitKind.COUNTRY))
    return root


@transaction.atomic
def unit_create(*, parent: Unit, code: str, name: str, kind: str, valid_from=None, valid_to=None) -> Unit:
    unit = Unit(code=code, name=name, kind=kind, valid_from=valid_from, valid_to=valid_to)
    unit.full_clean(exclude=["path", "depth", "numchild", "parent"], validate_unique=False, validate_constraints=False)
    child = Unit.objects.add_child(parent, instance=unit)
    Unit.objects.filter(pk=child.pk).update(parent=parent)
    child.parent = parent
    return child


@transaction.atomic
def unit_move(*, unit: Unit, new_parent: Unit) -> Unit:
    """Attach ``unit`` (and its subtree) under ``new_parent``; refuses a move that would make a cycle."""
    unit.refresh_from_db()
    new_parent.refresh_from_db()
    if new_parent.path.startswith(unit.path):
        raise ValidationError({"parent": _("Không thể chọn một đơn vị cấp dưới làm đơn vị cấp trên.")})
    Unit.objects.move(unit, new_parent, pos="last-child")
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    return unit


def _step(n: int) -> str:
    key = Unit._int2str(n)
    return Unit.alphabet[0] * (Unit.steplen - len(key)) + key


@transaction.atomic
def units_load(*, records: Iterable[UnitRecord], structure: str) -> LoadResult:
    """Load one structure's units under the national root, idempotently and set-based.

    Units are matched by code among the units valid on the structure's reference day, so a second run
    creates nothing and updates nothing. New units get their materialised path computed here and are
    written with one ``bulk_create`` per level; ``numchild`` is refreshed by one UPDATE.
    """
    if structure not in Structure.values:
        raise ValueError(f"unknown structure {structure!r}")
    legacy = structure == Structure.LEGACY
    day = structure_reference_day(structure)
    valid_from, valid_to = (None, LEGACY_LAST_DAY) if legacy else (REFORM_DAY, None)

    root = unit_root()
    result = LoadResult()
    existing: dict[str, Unit] = {u.code: u for u in Unit.objects.valid_on(day).exclude(pk=root.pk)}
    legacy_units: dict[str, Unit] = {}
    if not legacy:
        legacy_units = {u.code: u for u in Unit.objects.valid_on(LEGACY_LAST_DAY).exclude(pk=root.pk)}

    # Last step used under each parent path, from one scan of the paths.
    last_step: dict[str, int] = {}
    for path in Unit.objects.values_list("path", flat=True):
        parent_path, step = path[: -Unit.steplen], Unit._str2int(path[-Unit.steplen :])
        if step > last_step.get(parent_path, 0):
            last_step[parent_path] = step

    by_code: dict[str, Unit] = {ROOT_CODE: root}
    pending: list[Unit] = []
    links: list[tuple[str, tuple[str, ...]]] = []
    source = ""
    to_update: list[Unit] = []
    continued: list[Unit] = []

    for record in records:
        parent = by_code[record.parent_code] if record.parent_code else root
        unit = existing.get(record.code)
        if unit is None and record.continues_legacy and record.code in legacy_units:
            unit = legacy_units[record.code]
            unit.valid_to = None
            continued.append(unit)
            if unit.name != record.name or unit.kind != record.kind:
                unit.name, unit.kind = record.name, record.kind
                to_update.append(unit)
        elif unit is not None:
            if unit.name != record.name or unit.kind != record.kind:
                unit.name, unit.kind = record.name, record.kind
                to_update.append(unit)
            else:
                result.unchanged += 1
        else:
            step = last_step.get(parent.path, 0) + 1
            last_step[parent.path] = step
            unit = Unit(
                code=record.code,
                name=record.name,
                kind=record.kind,
                parent=parent,
                path=parent.path + _step(step),
                depth=parent.depth + 1,
                numchild=0,
                valid_from=valid_from,
                valid_to=valid_to,
            )
            pending.append(unit)
        by_code[record.code] = unit
        if record.predecessor_codes:
            links.append((record.code, record.predecessor_codes))
            source = source or record.lineage_source

    # Parents come before children in the records, so saving in order keeps the foreign keys valid.
    for depth in sorted({u.depth for u in pending}):
        batch = [u for u in pending if u.depth == depth]
        for u in batch:
            u.parent_id = u.parent.pk
        Unit.objects.bulk_create(batch, batch_size=2000)
    result.created = len(pending)
    if to_update:
        Unit.objects.bulk_update(to_update, ["name", "kind"], batch_size=2000)
    if continued:
        Unit.objects.bulk_update(continued, ["valid_to"])
    result.updated = len({u.pk for u in to_update} | {u.pk for u in continued})

    if not legacy:
        _lineage_sync(links, by_code, legacy_units, source, result)
    if result.created:
        _refresh_numchild()
    return result


def _lineage_sync(links, by_code: dict[str, Unit], legacy_units: dict[str, Unit], source: str, result) -> None:
    """The lineage of the 2025 units (``units.lineage``) written as it should be: rows added, changed, removed."""
    leaf_successors: dict[int, list[int]] = defaultdict(list)
    for code, predecessor_codes in links:
        successor = by_code[code]
        for predecessor_code in predecessor_codes:
            predecessor = legacy_units.get(predecessor_code)
            if predecessor is not None and predecessor.pk != successor.pk:
                leaf_successors[predecessor.pk].append(successor.pk)
    root = by_code[ROOT_CODE]
    wanted = {
        (link.predecessor, link.successor): link
        for link in lineage_links(
            leaf_successors=leaf_successors,
            legacy_parent={u.pk: u.parent_id for u in legacy_units.values()} | {root.pk: None},
            new_parent={u.pk: u.parent_id for u in by_code.values()},
        )
    }
    new_units = [u.pk for u in by_code.values() if u.pk != root.pk]
    stale, changed = [], []
    for row in Lineage.objects.filter(successor__in=new_units):
        link = wanted.pop((row.predecessor_id, row.successor_id), None)
        if link is None:
            stale.append(row.pk)
        elif (row.weight, row.method, row.source, row.primary) != (link.weight, link.method, source, link.primary):
            row.weight, row.method, row.source, row.primary = link.weight, link.method, source, link.primary
            changed.append(row)
    Lineage.objects.filter(pk__in=stale).delete()
    # Primary marks cleared first, then set: one primary per predecessor at every moment (a unique constraint).
    Lineage.objects.filter(pk__in=[row.pk for row in changed if not row.primary]).update(primary=False)
    Lineage.objects.bulk_update(changed, ["weight", "method", "source", "primary"], batch_size=2000)
    Lineage.objects.bulk_create(
        [
            Lineage(
                predecessor_id=p,
                successor_id=s,
                weight=link.weight,
                method=link.method,
                source=source,
                primary=link.primary,
            )
            for (p, s), link in wanted.items()
        ],
        batch_size=5000,
    )
    result.links_created, result.links_updated, result.links_deleted = len(wanted), len(changed), len(stale)


def _refresh_numchild() -> None:
    counts = Unit.objects.filter(parent=OuterRef("pk")).order_by().values("parent").annotate(n=Count("pk")).values("n")
    Unit.objects.update(numchild=Coalesce(Subquery(counts), 0))
