"""The demo's plans: the five seed plans (/work/shared/seeds) and the national programmes they implement, one
data file each in ``seeds/``, written by one loader through the plan services.

A file (see ``seeds/hung_yen.yaml``) holds:

- ``text``: the source text in /work/shared it transcribes; ``unit``: the issuing unit's code in the
  structure the plans were written in (before 1/7/2025; ``VN`` is the national root);
- ``agencies``: key → name, kind, short name (and ``unit`` when not the file's unit), for leads, partners
  and reporting agencies;
- ``documents``: the legal basis the plans cite (number, title, issuer, date);
- ``plans``, in cascade order (the plans a file only cites, as ``reference``, before its own, which is
  last): the header, ``parent`` ({unit, number} or {unit, title} of a plan loaded before), ``legal_basis``
  (document numbers), ``targets`` (each with ``source``: where in the text it is written), ``appendix``
  (the work items of the appendix: orders 1, 2, ... and section PL.n), ``tasks`` (orders from 101 when
  there is an appendix, else from 1) and ``reporting_rules``.

Idempotent: a plan is found again by (unit, number), or (unit, title) when it has no number; an agency by
(unit, name); a document by number; a task or a rule by (plan, title). What exists is left as it is; targets
are set again through ``target_set`` and deadlines generated through ``deadlines_generate``.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.datafiles import (
    DataFileError,
    data_file_read,
    decimal_or_none,
    record_check,
    records_read,
    validated,
)
from indicators.models import Indicator
from plans.models import Deadline, Document, Plan, ReportingBody, ReportingRule, Target, Task
from plans.services import deadlines_generate, target_set
from units.models import Agency, Structure, Unit
from units.services import ROOT_CODE, unit_root

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"
#: The seed files in cascade order: each plan's parent is loaded before it.
SEEDS = ("national", "hung_yen", "ha_noi", "dong_thap", "cu_chi", "y_tich")

PLAN_KEYS = ("title", "start_year", "end_year", "issuing_body")
#: The header fields a plan may give besides ``PLAN_KEYS``; left out, the model's default.
PLAN_FIELDS = ("number", "kind", "status", "issued_on", "purpose", "general_objective", "funding", "source_note")
PLAN_OPTIONAL = (
    "unit",
    "milestone_years",
    "parent",
    "legal_basis",
    *PLAN_FIELDS,
    "targets",
    "appendix",
    "tasks",
    "reporting_rules",
)
TARGET_KEYS = ("indicator", "year", "kind", "source")
TARGET_OPTIONAL = (
    "value",
    "value_max",
    "standard_level",
    "share_of",
    "unit",
    "note",
    "approximate",
    "units_required",
    "units_total",
)
TASK_FIELDS = ("description", "partners_note", "due_kind", "due_date", "due_year", "due_quarter", "due_text")
RULE_FIELDS = ("due_days", "due_date", "reporters", "reporting_level", "recipient", "first_year", "last_year")


def seed_path(name: str) -> Path:
    return SEEDS_DIR / f"{name}.yaml"


def seed_read(name: str) -> dict:
    """The data of ``seeds/<name>.yaml``."""
    return data_file_read(seed_path(name))


def seed_unit(code: str) -> Unit:
    """A unit of the structure the seed plans were written in (before 1/7/2025); ``VN``: the national root."""
    if code == ROOT_CODE:
        return unit_root()
    unit = Unit.objects.of_structure(Structure.LEGACY).filter(code=code).first()
    if unit is None:
        raise DataFileError(
            _("Không có đơn vị hành chính mã %(code)s (cơ cấu trước 01/7/2025): hãy nạp đơn vị hành chính trước.")
            % {"code": code}
        )
    return unit


def plan_find(*, unit: Unit, number: str = "", title: str = "") -> Plan | None:
    """A seed plan by (unit, number), or (unit, title) when it has no number."""
    lookup = {"number": number} if number else {"title": title}
    return Plan.objects.filter(unit=unit, **lookup).first()


def seed_plan(name: str) -> Plan:
    """The plan a seed file is about: its last plan (the ones before it are the plans it cites)."""
    data = seed_read(name)
    row = data["plans"][-1]
    return plan_find(unit=seed_unit(row.get("unit", data["unit"])), number=row.get("number", ""), title=row["title"])


@transaction.atomic
def seed_plans_load(*, names=SEEDS) -> dict[str, int]:
    """Load the seed files in cascade order; returns the number of plans, targets, tasks and deadlines."""
    for name in names:
        seed_load(name=name)
    return {
        "plans": Plan.objects.count(),
        "targets": Target.objects.count(),
        "tasks": Task.objects.count(),
        "deadlines": Deadline.objects.count(),
    }


@transaction.atomic
def seed_load(*, name: str) -> list[Plan]:
    """Write one seed file (see the module's docstring); returns its plans in the file's order."""
    path = seed_path(name)
    data = record_check(
        data_file_read(path), where=path.name, required=("unit", "plans"), optional=("text", "agencies", "documents")
    )
    loader = _SeedLoader(path.name, data)
    return [loader.plan_load(row, where=f"{path.name}, plans {n}") for n, row in enumerate(data["plans"], start=1)]


class _SeedLoader:
    """The state of one file's load: its units, agencies, documents and indicators, each looked up once."""

    def __init__(self, filename: str, data: dict):
        self.filename = filename
        self.units: dict[str, Unit] = {}
        self.unit = self.unit_of(data["unit"])
        self.agencies = {
            key: self.agency(row, where=f"{filename}, agencies {key}")
            for key, row in (data.get("agencies") or {}).items()
        }
        self.documents = {
            row["number"]: Document.objects.get_or_create(
                number=row["number"],
                defaults={"title": row["title"], "issuer": row.get("issuer", ""), "issued_on": row.get("issued_on")},
            )[0]
            for row in records_read(
                data, "documents", where=filename, required=("number", "title"), optional=("issuer", "issued_on")
            )
        }
        codes = {t["indicator"] for row in data["plans"] for t in row.get("targets") or []}
        self.indicators = Indicator.objects.in_bulk(codes, field_name="code")

    def unit_of(self, code: str) -> Unit:
        if code not in self.units:
            self.units[code] = seed_unit(str(code))
        return self.units[code]

    def agency(self, row, *, where: str) -> Agency:
        record_check(row, where=where, required=("name", "kind"), optional=("short_name", "unit"))
        unit = self.unit_of(row["unit"]) if "unit" in row else self.unit
        found = Agency.objects.filter(unit=unit, name=row["name"]).first()
        if found is not None:
            return found
        agency = Agency(unit=unit, name=row["name"], kind=row["kind"], short_name=row.get("short_name", ""))
        validated(agency, where=where).save()
        return agency

    def agency_of(self, key: str, *, where: str) -> Agency:
        if key not in self.agencies:
            raise DataFileError(
                _("%(where)s: không có cơ quan “%(key)s” trong agencies.") % {"where": where, "key": key}
            )
        return self.agencies[key]

    def plan_load(self, row: dict, *, where: str) -> Plan:
        record_check(row, where=where, required=PLAN_KEYS, optional=PLAN_OPTIONAL)
        unit = self.unit_of(row["unit"]) if "unit" in row else self.unit
        plan = plan_find(unit=unit, number=row.get("number", ""), title=row["title"])
        if plan is None:
            plan = validated(
                Plan(
                    unit=unit,
                    parent=self.parent_of(row.get("parent"), where=where),
                    milestone_years=list(row.get("milestone_years") or []),
                    **{key: row[key] for key in PLAN_KEYS},
                    **{key: row[key] for key in PLAN_FIELDS if key in row},
                ),
                where=where,
            )
            plan.save()
        legal_basis = row.get("legal_basis") or []
        unknown = [number for number in legal_basis if number not in self.documents]
        if unknown:
            raise DataFileError(
                _("%(where)s: căn cứ %(numbers)s không có trong documents.")
                % {"where": where, "numbers": ", ".join(unknown)}
            )
        plan.legal_basis.add(*(self.documents[number] for number in legal_basis))
        for n, target in enumerate(
            records_read(row, "targets", where=where, required=TARGET_KEYS, optional=TARGET_OPTIONAL), 1
        ):
            self.target_load(plan, target, where=f"{where}, targets {n}")
        for n, task in enumerate(self.tasks_read(row, "appendix", where), start=1):
            self.task_load(plan, {**task, "section": f"PL.{n}"}, order=n)
        first = 101 if row.get("appendix") else 1
        for n, task in enumerate(self.tasks_read(row, "tasks", where), start=first):
            self.task_load(plan, task, order=n)
        rules = records_read(
            row,
            "reporting_rules",
            where=where,
            required=("title", "frequency"),
            optional=(*RULE_FIELDS, "reporting_agencies", "reporting_bodies"),
        )
        for n, rule in enumerate(rules, start=1):
            self.rule_load(plan, rule, where=f"{where}, reporting_rules {n}")
        if rules:
            deadlines_generate(plan=plan)
        return plan

    def parent_of(self, ref, *, where: str) -> Plan | None:
        if ref is None:
            return None
        record_check(ref, where=f"{where}, parent", required=("unit",), optional=("number", "title"))
        parent = plan_find(unit=self.unit_of(ref["unit"]), number=ref.get("number", ""), title=ref.get("title", ""))
        if parent is None:
            raise DataFileError(
                _("%(where)s: chưa có kế hoạch cấp trên %(ref)s; hãy nạp tệp có kế hoạch đó trước.")
                % {"where": where, "ref": ref.get("number") or ref.get("title")}
            )
        return parent

    def target_load(self, plan: Plan, row: dict, *, where: str) -> Target:
        indicator = self.indicators.get(row["indicator"])
        if indicator is None:
            raise DataFileError(
                _("%(where)s: không có chỉ tiêu mã %(code)s trong danh mục; hãy chạy load_reference_data.")
                % {"where": where, "code": row["indicator"]}
            )
        try:
            return target_set(
                plan=plan,
                indicator=indicator,
                year=row["year"],
                kind=row["kind"],
                value=decimal_or_none(row.get("value")),
                value_max=decimal_or_none(row.get("value_max")),
                unit=self.unit_of(row["unit"]) if "unit" in row else None,
                note=row.get("note", ""),
                standard_level=row.get("standard_level"),
                share_of=row.get("share_of", ""),
                approximate=bool(row.get("approximate", False)),
                units_required=row.get("units_required"),
                units_total=row.get("units_total"),
            )
        except ValidationError as error:
            raise DataFileError(f"{where}: {'; '.join(error.messages)}") from error

    def tasks_read(self, row: dict, key: str, where: str) -> list[dict]:
        return records_read(
            row, key, where=where, required=("title",), optional=("section", "lead", "partners", *TASK_FIELDS)
        )

    def task_load(self, plan: Plan, row: dict, *, order: int) -> Task:
        where = f"{self.filename}, {plan}, {row['title'][:40]}"
        task = Task.objects.filter(plan=plan, title=row["title"]).first()
        if task is not None:
            return task
        lead = self.agency_of(row["lead"], where=where) if "lead" in row else None
        fields = {key: row[key] for key in ("section", *TASK_FIELDS) if key in row}
        task = validated(Task(plan=plan, title=row["title"], lead=lead, order=order, **fields), where=where)
        task.save()
        task.partners.add(*(self.agency_of(key, where=where) for key in row.get("partners") or []))
        return task

    def rule_load(self, plan: Plan, row: dict, *, where: str) -> ReportingRule:
        rule = ReportingRule.objects.filter(plan=plan, title=row["title"]).first()
        if rule is not None:
            return rule
        fields = {key: row[key] for key in RULE_FIELDS if key in row}
        rule = validated(
            ReportingRule(plan=plan, title=row["title"], frequency=row["frequency"], **fields), where=where
        )
        rule.save()
        rule.reporting_agencies.add(*(self.agency_of(key, where=where) for key in row.get("reporting_agencies") or []))
        self.bodies_load(rule, row, where=where)
        return rule

    def bodies_load(self, rule: ReportingRule, row: dict, *, where: str) -> None:
        """The agencies the rule asks to send their own report, with their indicators and the source place."""
        bodies = records_read(
            row, "reporting_bodies", where=where, required=("agency", "source"), optional=("indicators", "recipient")
        )
        for n, data in enumerate(bodies, start=1):
            place = f"{where}, reporting_bodies {n}"
            codes = data.get("indicators") or []
            indicators = list(Indicator.objects.filter(code__in=codes))
            if unknown := sorted(set(codes) - {i.code for i in indicators}):
                raise DataFileError(
                    _("%(where)s: không có chỉ tiêu %(codes)s.") % {"where": place, "codes": ", ".join(unknown)}
                )
            body = validated(
                ReportingBody(
                    rule=rule,
                    agency=self.agency_of(data["agency"], where=place),
                    recipient=data.get("recipient", ""),
                    source=data["source"],
                ),
                where=place,
            )
            body.save()
            body.indicators.set(indicators)
