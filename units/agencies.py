"""Agencies across the 2025 reforms: when a body closed and which body took over its tasks.

The one owner of that rule is the data file ``units/data/agency_successors.yaml`` (see its header); this module
reads it and applies it to the agencies in the database (``agency_successors_load``, idempotent: a second run
changes nothing). A task whose lead has closed shows the successor beside it ("(nay là Sở GD&ĐT)", the plan
page), and a plan carried over to a successor unit gives its open tasks to the successor body
(``plans.services.plan_carry_over``).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from core.datafiles import DataFileError, LoadReport, data_file_read, record_check

from .models import Agency, Lineage, Unit

DATA_FILE = Path(__file__).resolve().parent / "data" / "agency_successors.yaml"
RULE_KEYS = ("match", "valid_to", "successor")
RULE_OPTIONAL = ("note", "basis")
MATCH_KEYS = ("level", "kind", "name_starts", "closed_unit")
SUCCESSOR_KEYS = ("at", "name")
SUCCESSOR_OPTIONAL = ("kind", "short_name")


def _rules(path: Path) -> list[dict]:
    data = record_check(data_file_read(path), where=path.name, required=("rules",))
    rules = []
    for n, row in enumerate(data["rules"], start=1):
        where = f"{path.name}, rules {n}"
        record_check(row, where=where, required=RULE_KEYS, optional=RULE_OPTIONAL)
        record_check(row["match"], where=f"{where}, match", required=("level",), optional=MATCH_KEYS)
        record_check(row["successor"], where=f"{where}, successor", required=SUCCESSOR_KEYS,
                     optional=SUCCESSOR_OPTIONAL)  # fmt: skip
        if row["successor"]["at"] not in ("province", "successor"):
            raise DataFileError(_("%(where)s: “at” phải là province hoặc successor.") % {"where": where})
        if not isinstance(row["valid_to"], datetime.date):
            raise DataFileError(_("%(where)s: valid_to phải là một ngày (YYYY-MM-DD).") % {"where": where})
        rules.append(row)
    return rules


def _matches(match: dict, agency: Agency) -> bool:
    unit = agency.unit
    return (
        unit.level == match["level"]
        and ("kind" not in match or agency.kind == match["kind"])
        and ("name_starts" not in match or agency.name.startswith(_starts(match["name_starts"])))
        and (not match.get("closed_unit") or unit.valid_to is not None)
    )


def _starts(value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


class _Successors:
    """The units of the 2025 structure the agencies' units went into (read once)."""

    def __init__(self):
        self.primary = dict(
            Lineage.objects.filter(primary=True, successor__valid_to__isnull=True).values_list(
                "predecessor_id", "successor_id"
            )
        )
        self.units: dict[int, Unit] = {}
        self.provinces: dict[str, Unit | None] = {}

    def unit(self, pk: int) -> Unit:
        if pk not in self.units:
            self.units[pk] = Unit.objects.get(pk=pk)
        return self.units[pk]

    def now(self, unit: Unit) -> Unit | None:
        """The unit itself while it exists, else the one that took its largest part."""
        if unit.valid_to is None:
            return unit
        pk = self.primary.get(unit.pk)
        return self.unit(pk) if pk is not None else None

    def province(self, unit: Unit) -> Unit | None:
        path = unit.path[: 2 * Unit.steplen]
        if path not in self.provinces:
            self.provinces[path] = unit if unit.path == path else Unit.objects.filter(path=path).first()
        province = self.provinces[path]
        return self.now(province) if province is not None else None


@transaction.atomic
def agency_successors_load(*, path: Path = DATA_FILE) -> LoadReport:
    """Set each matching agency's end date and successor (the first rule that matches wins)."""
    rules = _rules(path)
    report = LoadReport()
    successors = _Successors()
    for agency in list(Agency.objects.select_related("unit").filter(successor__isnull=True)):
        rule = next((r for r in rules if _matches(r["match"], agency)), None)
        if rule is None:
            continue
        spec = rule["successor"]
        unit = successors.province(agency.unit) if spec["at"] == "province" else successors.now(agency.unit)
        if unit is None or (unit.pk == agency.unit_id and spec["name"] == "{same}"):
            continue
        name = spec["name"].replace("{same}", agency.name).replace("{unit}", _lower_first(unit.name))
        successor, created = Agency.objects.get_or_create(
            unit=unit,
            name=name,
            defaults={"kind": spec.get("kind", agency.kind), "short_name": spec.get("short_name", "")},
        )
        if successor.pk == agency.pk:
            continue
        agency.valid_to = rule["valid_to"]
        agency.successor = successor
        agency.successor_note = rule.get("note", "")
        agency.successor_basis = rule.get("basis", "")
        agency.save(update_fields=["valid_to", "successor", "successor_note", "successor_basis"])
        report.count(created=created, changed=True)
    return report
