"""Area categories (reference data) and the units that belong to them for a time.

- ``area_categories_load``: the categories of ``data/area_categories.yaml`` (``load_reference_data``);
- ``unit_areas_import``: memberships from a table (unit code, category code, from, to), the command
  ``import_unit_areas``;
- ``categories_of``: which categories each unit belongs to on a day (one query), read by
  ``plans.targets`` (which target applies) and ``reports.rollup`` (which threshold applies, in SQL).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from core.datafiles import DataFileError, LoadReport, data_file_read, records_read, validated

from .models import AreaCategory, Unit, UnitArea

CATEGORIES = Path(__file__).resolve().parent / "data" / "area_categories.yaml"
CATEGORY_FIELDS = ("name", "source_note", "description")


@transaction.atomic
def area_categories_load(*, path: Path = CATEGORIES) -> LoadReport:
    """Create or update the categories of the file (matched on code). One query, then a write per record that
    differs: a second run changes nothing."""
    rows = records_read(
        data_file_read(path), "categories", where=path.name, required=("code", "name"), optional=CATEGORY_FIELDS
    )
    existing = {c.code: c for c in AreaCategory.objects.all()}
    report = LoadReport()
    for row in rows:
        category = existing.get(row["code"]) or AreaCategory(code=row["code"])
        values = {name: row.get(name, "") for name in CATEGORY_FIELDS}
        created = category.pk is None
        changed = created or any(getattr(category, k) != v for k, v in values.items())
        if changed:
            for name, value in values.items():
                setattr(category, name, value)
            validated(category, where=f"{path.name}, {row['code']}").save()
        report.count(created=created, changed=changed)
    return report


def _day(text, *, where: str) -> datetime.date | None:
    text = (str(text) if text is not None else "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise DataFileError(_("%(where)s: ngày “%(text)s” không hợp lệ (dd/mm/yyyy).") % {"where": where, "text": text})


@transaction.atomic
def unit_areas_import(*, rows: Iterable[dict], where: str) -> LoadReport:
    """Memberships from rows with ``ma_don_vi``, ``ma_loai``, ``tu_ngay``, ``den_ngay`` (optional ``can_cu``).

    A unit code is read on the row's start day (codes are reused across the 2025 reform); a membership is
    matched on (unit, category, start day). All or nothing: a bad row stops the import with its line."""
    categories = {c.code: c for c in AreaCategory.objects.all()}
    report = LoadReport()
    for number, row in enumerate(rows, start=2):
        place = _("%(where)s, dòng %(n)s") % {"where": where, "n": number}
        code, category_code = (row.get("ma_don_vi") or "").strip(), (row.get("ma_loai") or "").strip()
        category = categories.get(category_code)
        if category is None:
            raise DataFileError(
                _("%(where)s: không có loại địa bàn “%(code)s”.") % {"where": place, "code": category_code}
            )
        valid_from = _day(row.get("tu_ngay"), where=place)
        valid_to = _day(row.get("den_ngay"), where=place)
        unit = Unit.objects.named(code, day=valid_from)
        if unit is None:
            raise DataFileError(_("%(where)s: không có đơn vị mã “%(code)s”.") % {"where": place, "code": code})
        membership = UnitArea.objects.filter(unit=unit, category=category, valid_from=valid_from).first()
        created = membership is None
        membership = membership or UnitArea(unit=unit, category=category, valid_from=valid_from)
        source_note = (row.get("can_cu") or "").strip()
        changed = created or membership.valid_to != valid_to or membership.source_note != source_note
        if changed:
            membership.valid_to, membership.source_note = valid_to, source_note
            validated(membership, where=place).save()
        report.count(created=created, changed=changed)
    return report


def categories_of(units: Sequence[Unit], day: datetime.date) -> dict[int, set[int]]:
    """The area categories each unit belongs to on ``day``, keyed by unit id (one query)."""
    found: dict[int, set[int]] = defaultdict(set)
    rows = UnitArea.objects.valid_on(day).filter(unit__in=[u.pk for u in units]).values_list("unit_id", "category_id")
    for unit_id, category_id in rows:
        found[unit_id].add(category_id)
    return found
