"""The criteria sets for evaluating learning models as reference data: ``data/criteria_sets.yaml`` loaded by
``criteria_sets_load`` (the sets REGULATIONS.md describes, marked illustrative; see the file's header).

A production install loads them with ``python manage.py load_reference_data``; the demo loads them first too.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from core.datafiles import DataFileError, LoadReport, data_file_read, decimal_or_none, records_read, validated

from .models import Band, CriteriaIndicator, CriteriaSet, Criterion

CRITERIA_SETS = Path(__file__).resolve().parent / "data" / "criteria_sets.yaml"

SET_KEYS = ("code", "name", "kind", "legal_basis", "article", "scheme", "recognising_level", "criteria")
SET_OPTIONAL = (
    "valid_from",
    "valid_to",
    "min_indicator_points",
    "is_illustrative",
    "note",
    "bands",
    "recognition_years",
    "levels",
)


@transaction.atomic
def criteria_sets_load(*, path: Path = CRITERIA_SETS) -> LoadReport:
    """Create the sets of the file whose code is not in the database yet, with their criteria, indicators
    and bands; a set that exists is left as the administrator edited it (counted as unchanged).

    A set marked ``is_illustrative`` gets the file's ``illustrative_note`` after its own note. One read,
    then a handful of queries per set created.
    """
    data = data_file_read(path)
    rows = records_read(data, "criteria_sets", where=path.name, required=SET_KEYS, optional=SET_OPTIONAL)
    illustrative_note = data.get("illustrative_note", "")
    existing = set(CriteriaSet.objects.values_list("code", flat=True))
    report = LoadReport()
    for row in rows:
        if row["code"] in existing:
            report.count(created=False, changed=False)
            continue
        _set_create(
            row, illustrative_note, where=_("%(file)s, bộ tiêu chí %(code)s") % {"file": path.name, "code": row["code"]}
        )
        existing.add(row["code"])
        report.count(created=True, changed=True)
    return report


def _set_create(row: dict, illustrative_note: str, *, where: str) -> CriteriaSet:
    is_illustrative = bool(row.get("is_illustrative", False))
    note = row.get("note", "")
    if is_illustrative and illustrative_note:
        note = f"{note}\n{illustrative_note}" if note else illustrative_note
    criteria_set = CriteriaSet(
        code=row["code"],
        name=row["name"],
        kind=row["kind"],
        legal_basis=row["legal_basis"],
        article=row["article"],
        recognition_years=row.get("recognition_years", 1),
        valid_from=row.get("valid_from"),
        valid_to=row.get("valid_to"),
        scheme=row["scheme"],
        recognising_level=row["recognising_level"],
        min_indicator_points=decimal_or_none(row.get("min_indicator_points")),
        is_illustrative=is_illustrative,
        note=note,
    )
    validated(criteria_set, where=where).save()
    criteria = records_read(
        row, "criteria", where=where, required=("code", "name"), optional=("max_points", "indicators")
    )
    for order, data in enumerate(criteria, start=1):
        criterion = Criterion.objects.create(
            criteria_set=criteria_set,
            order=order,
            code=data["code"],
            name=data["name"],
            max_points=decimal_or_none(data.get("max_points")),
        )
        indicators = records_read(
            data,
            "indicators",
            where=f"{where}, {data['code']}",
            required=("code", "name"),
            optional=("max_points", "level"),
        )
        CriteriaIndicator.objects.bulk_create(
            CriteriaIndicator(
                criterion=criterion,
                order=number,
                code=indicator["code"],
                name=indicator["name"],
                max_points=decimal_or_none(indicator.get("max_points")),
                level=indicator.get("level"),
            )
            for number, indicator in enumerate(indicators, start=1)
        )
    if "levels" in row:
        found = sorted({i.level for i in criteria_set.indicators_list if i.level})
        if found != list(range(1, int(row["levels"]) + 1)):
            raise DataFileError(
                _("%(where)s: bộ tiêu chí có %(levels)s mức độ nhưng các chỉ số chỉ nêu mức %(found)s.")
                % {"where": where, "levels": row["levels"], "found": ", ".join(map(str, found)) or "—"}
            )
    bands = records_read(
        row, "bands", where=where, required=("name", "min_points"), optional=("max_points", "recognised")
    )
    Band.objects.bulk_create(
        Band(
            criteria_set=criteria_set,
            name=band["name"],
            min_points=decimal_or_none(band["min_points"]),
            max_points=decimal_or_none(band.get("max_points")),
            recognised=band.get("recognised", True),
        )
        for band in bands
    )
    return criteria_set
