"""The indicator catalogue as reference data: ``data/catalogue.yaml`` loaded by ``indicators_load``.

A production install loads it with ``python manage.py load_reference_data``; the demo loads it first too.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from core.datafiles import (
    DataFileError,
    LoadReport,
    data_file_read,
    decimal_or_none,
    record_check,
    records_read,
    validated,
)

from .forms import COLUMNS
from .models import Indicator, StandardThreshold

CATALOGUE = Path(__file__).resolve().parent / "data" / "catalogue.yaml"

#: The fields an indicator of the file sets (the catalogue's columns, as the admin imports them; ``order``
#: comes from the position in the file, ``source`` is resolved after every code is known); one left out
#: takes the model's default.
FIELDS = (*(column for column in COLUMNS if column not in {"code", "order", "source"}), "breakdowns")
THRESHOLD_KEYS = ("level", "standard_level", "min_percent")


@dataclasses.dataclass(frozen=True)
class CatalogueReport:
    indicators: LoadReport
    thresholds: LoadReport


@transaction.atomic
def indicators_load(*, path: Path = CATALOGUE) -> CatalogueReport:
    """Create or update the indicators of the file and their standard thresholds.

    An indicator is matched on its code and takes the values of the file (a field left out, the model's
    default); ``order`` is its position within its category (10, 20, ...); ``source`` names the ratio a
    derived standard is computed from. A threshold is matched on (indicator, level, standard level).
    Only what differs is written, so a second run changes nothing; indicators and thresholds that the file
    does not name are left alone. Three queries (the indicators, their thresholds, the area categories the
    thresholds name, loaded from ``units/data/area_categories.yaml`` if missing), then a write (and its
    validation) per record that differs: a run that changes nothing costs three queries, whatever the size.
    """
    data = data_file_read(path)
    rows = records_read(
        data,
        "indicators",
        where=path.name,
        required=("code", "name", "measure"),
        optional=(*FIELDS, "source", "thresholds"),
    )
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    defaults = {name: Indicator._meta.get_field(name).get_default() for name in FIELDS}
    report = CatalogueReport(indicators=LoadReport(), thresholds=LoadReport())
    positions: dict[str, int] = {}
    written: dict[str, bool] = {}  # code -> created
    by_code: dict[str, Indicator] = {}
    for row in rows:
        where = _("%(file)s, chỉ tiêu %(code)s") % {"file": path.name, "code": row["code"]}
        if row["code"] in by_code:
            raise DataFileError(_("%(where)s: mã chỉ tiêu đã có ở trên.") % {"where": where})
        values = {name: row.get(name, defaults[name]) for name in FIELDS}
        positions[values["category"]] = positions.get(values["category"], 0) + 1
        values["order"] = positions[values["category"]] * 10
        indicator = existing.get(row["code"]) or Indicator(code=row["code"])
        created = indicator.pk is None
        if created or any(getattr(indicator, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(indicator, name, value)
            validated(indicator, where=where, exclude=["source"]).save()
            written[indicator.code] = created
        by_code[indicator.code] = indicator
    for row in rows:
        indicator, source_code = by_code[row["code"]], row.get("source")
        if source_code is not None and source_code not in by_code:
            raise DataFileError(
                _("%(file)s, chỉ tiêu %(code)s: chỉ tiêu nguồn %(source)s không có trong tệp.")
                % {"file": path.name, "code": indicator.code, "source": source_code}
            )
        source_id = by_code[source_code].pk if source_code else None
        if indicator.source_id != source_id:
            indicator.source_id = source_id
            indicator.save(update_fields=["source"])
            written.setdefault(indicator.code, False)
    for code in by_code:
        report.indicators.count(created=written.get(code, False), changed=code in written)
    _thresholds_load(rows, by_code, report.thresholds, path)
    return report


def _thresholds_load(rows: list[dict], by_code: dict[str, Indicator], report: LoadReport, path: Path) -> None:
    """Thresholds matched on (indicator, level, standard level, area category); ``area`` names a category of
    ``units/data/area_categories.yaml``, ``source`` the ratio that category is judged on."""
    from units.models import AreaCategory

    existing = {
        (t.indicator_id, t.level, t.standard_level, t.area_category_id): t
        for t in StandardThreshold.objects.filter(indicator__in=[i.pk for i in by_code.values()])
    }
    areas: dict[str, AreaCategory] | None = None
    for row in rows:
        indicator = by_code[row["code"]]
        for number, data in enumerate(row.get("thresholds") or [], start=1):
            where = _("%(file)s, chỉ tiêu %(code)s, ngưỡng %(n)s") % {
                "file": path.name,
                "code": indicator.code,
                "n": number,
            }
            record_check(data, where=where, required=THRESHOLD_KEYS, optional=("note", "area", "source"))
            if data.get("area") and areas is None:  # the categories the catalogue names: loaded first if missing
                areas = {c.code: c for c in AreaCategory.objects.all()}
                if any(code not in areas for code in _area_codes(rows)):
                    from units.areas import area_categories_load

                    area_categories_load()
                    areas = {c.code: c for c in AreaCategory.objects.all()}
            area = areas.get(data["area"]) if data.get("area") else None
            if data.get("area") and area is None:
                raise DataFileError(
                    _("%(where)s: không có loại địa bàn “%(area)s” (nạp units/data/area_categories.yaml trước).")
                    % {"where": where, "area": data["area"]}
                )
            source = by_code.get(data["source"]) if data.get("source") else None
            if data.get("source") and source is None:
                raise DataFileError(
                    _("%(where)s: chỉ tiêu nguồn %(source)s không có trong tệp.")
                    % {"where": where, "source": data["source"]}
                )
            key = (indicator.pk, data["level"], data["standard_level"], area.pk if area else None)
            threshold = existing.get(key) or StandardThreshold(
                indicator=indicator, level=data["level"], standard_level=data["standard_level"], area_category=area
            )
            min_percent, note = decimal_or_none(data["min_percent"]), data.get("note", "")
            source_id = source.pk if source else None
            created = threshold.pk is None
            changed = (
                created
                or threshold.min_percent != min_percent
                or threshold.note != note
                or threshold.area_source_id != source_id
            )
            if changed:
                threshold.min_percent, threshold.note, threshold.area_source_id = min_percent, note, source_id
                validated(threshold, where=where).save()
            report.count(created=created, changed=changed)


def _area_codes(rows: list[dict]) -> set[str]:
    return {t["area"] for row in rows for t in row.get("thresholds") or [] if isinstance(t, dict) and t.get("area")}
