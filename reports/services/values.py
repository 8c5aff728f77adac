"""Recording values: the one write path for the entry grid, the file import, the API, the admin and the
learning-model evaluations.

``values_record`` validates every row set-based (a handful of queries whatever the number of rows), then
writes them in one transaction, re-checking the locks inside it. A file import is all or nothing; the entry
grid may save the valid cells of a draft and hand the invalid ones back with their errors. Validation writes
nothing (``dry_run`` leaves every table as it was, not even a period is created).

Rules, each owned elsewhere and called here: who may enter for a unit (``accounts.policy.may_enter``), how a
typed number reads (``core.numbers.number_parse``: the page's separators, exact, whole numbers for counts),
how a period code resolves (``plans.periods``), the locks of a report (``lock_reasons``), the parts of a value
(``reports.services.parts``: they sum to the total), an agency's own report (``row.agency``: its account, the
indicators its rules assign it, ``reports.services.agencies``; stored with ``Value.agency``, never read as a unit's).

Versions (no lost update): a row carries the version of the value its author started from (the grid's hidden
field, the version an import's preview saw, an API client's ``version``). A row that would change a value
whose version is no longer that one is refused, naming who changed it. A row without a version may create a
value or repeat the stored one, but not change an existing one: the client must say which version it read,
or ``OVERWRITE`` on purpose (the learning evaluations, which recompute their figures; ``import_values
--overwrite``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts.policy import may_enter
from core.numbers import NumberInvalid, number_parse, number_text
from indicators.models import Indicator, Measure
from plans.models import Period
from plans.periods import period_neighbour_code, period_saved, periods_resolve
from reports.models import EntryPath, Value
from reports.services.agencies import agencies_for_rows
from reports.services.parts import parts_clean, parts_fit
from reports.services.submissions import lock_for_write, lock_reasons
from units.models import KIND_LEVEL, Agency, Level, Unit

COLUMNS = ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "comment"]
#: A row's version that replaces whatever is stored, on purpose.
OVERWRITE = "overwrite"


@dataclasses.dataclass
class ValueRow:
    """One row as typed: strings or numbers, before validation. ``row`` is its number in the source."""

    row: int
    unit_code: str = ""
    indicator_code: str = ""
    period: str = ""
    value: object = None
    numerator: object = None
    denominator: object = None
    comment: str = ""
    not_applicable: bool = False
    #: The version of the value the author started from (0: none existed); ``OVERWRITE``; None: unknown.
    version: int | str | None = None
    #: The parts by the indicator's breakdowns, as typed: ``{"sex": {"nam": {"numerator": "40", ...}, ...}}``;
    #: None: not given (the stored parts stay while they still sum to the total).
    parts: dict | None = None
    #: The id of the agency whose own report the row belongs to (``plans.ReportingBody``); None: the unit's.
    agency: int | None = None


@dataclasses.dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Dòng %(row)s, cột %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclasses.dataclass
class CleanRow:
    row: int
    unit: Unit
    indicator: Indicator
    period: Period
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    comment: str
    not_applicable: bool
    version: int | str | None = None
    parts: dict | None = None
    agency: Agency | None = None

    @property
    def key(self) -> tuple:
        """The stored value a row writes: (unit, agency or None, indicator, period)."""
        return (self.unit.pk, self.agency.pk if self.agency else None, self.indicator.pk, self.period.pk)

    @property
    def report(self) -> tuple:
        """The report a row belongs to, as ``lock_reasons`` keys it."""
        if self.agency is not None:
            return ("agency", self.agency.pk, self.period.pk)
        return (self.unit.pk, self.period.pk)


@dataclasses.dataclass
class RecordResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = dataclasses.field(default_factory=list)
    warnings: list[RowError] = dataclasses.field(default_factory=list)
    dry_run: bool = False
    #: Row number → the version of the value the row met (0: none yet): what a preview's confirm passes back.
    versions: dict[int, int] = dataclasses.field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> int:
        return self.created + self.updated


def _number(raw, column: str, row: int, errors: list[RowError], *, whole: bool) -> Decimal | None:
    """A typed number (``core.numbers``), not negative; None when blank; the reason in ``errors`` when bad."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None
    try:
        number = number_parse(raw, whole=whole)
    except NumberInvalid as error:
        errors.append(RowError(row, column, error.messages[0]))
        return None
    if number < 0:
        errors.append(RowError(row, column, _("Giá trị không được âm.")))
        return None
    return number


def values_validate(*, rows: Sequence[ValueRow], user) -> tuple[list[CleanRow], list[RowError]]:
    """Check every row; returns the clean rows and the errors (row, column, reason in Vietnamese)."""
    errors: list[RowError] = []
    # A NUL character cannot reach PostgreSQL (psycopg2 refuses the query): such text matches nothing, see below.
    wanted_indicators = {str(r.indicator_code).strip() for r in rows if "\x00" not in str(r.indicator_code)}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=wanted_indicators)}
    # Resolved, not created: a period nobody used is unsaved until a row is written (``_write``).
    periods = periods_resolve({str(r.period).strip().upper() for r in rows if "\x00" not in str(r.period)})

    # Units: codes are unique among the units valid on a day, so look them up per period's reference day;
    # among those the user sees, those the user may enter for (``accounts.policy``).
    visible = Unit.objects.visible_to(user).select_related(None)
    units: dict[tuple[str, str], Unit] = {}
    read_only: dict[tuple[str, str], Unit] = {}  # seen, not entered for: a predecessor of the user's 2025 unit
    for code, period in periods.items():
        wanted = {
            str(r.unit_code).strip()
            for r in rows
            if str(r.period).strip().upper() == code and "\x00" not in str(r.unit_code)
        }
        for unit in visible.valid_on(period.reference_day).filter(code__in=wanted):
            if may_enter(user, unit, period=period):
                units[(code, unit.code)] = unit
            else:
                read_only[(code, unit.code)] = unit

    # Agencies' own reports: the agency's unit, the indicators the rules assign it (``agency_indicators``).
    agencies = agencies_for_rows(rows=rows, periods=periods, user=user)
    locks = lock_reasons(
        pairs={(unit.pk, periods[code].pk) for (code, _c), unit in units.items() if periods[code].pk is not None},
        agency_pairs={
            (a.agency.pk, periods[code].pk) for (code, _i), a in agencies.items() if periods[code].pk is not None
        },
    )

    clean: list[CleanRow] = []
    seen: dict[tuple, int] = {}
    for r in rows:
        row_errors: list[RowError] = [
            RowError(r.row, column, _("Có ký tự rỗng (NUL) không hợp lệ; hãy lưu lại tệp dưới dạng văn bản."))
            for column in ("unit_code", "indicator_code", "period", "comment")
            if "\x00" in str(getattr(r, column) or "")
        ]
        unit_code, indicator_code = str(r.unit_code or "").strip(), str(r.indicator_code or "").strip()
        period_code = str(r.period or "").strip().upper()
        period = periods.get(period_code)
        if not period_code:
            row_errors.append(RowError(r.row, "period", _("Thiếu kỳ báo cáo.")))
        elif period is None:
            row_errors.append(
                RowError(
                    r.row,
                    "period",
                    _("Mã kỳ báo cáo '%(code)s' không hợp lệ (ví dụ: 2023, 2023S1, 2023Q4).") % {"code": r.period},
                )
            )
        indicator = indicators.get(indicator_code)
        if not indicator_code:
            row_errors.append(RowError(r.row, "indicator_code", _("Thiếu mã chỉ tiêu.")))
        elif indicator is None:
            row_errors.append(
                RowError(r.row, "indicator_code", _("Không có chỉ tiêu mã '%(code)s'.") % {"code": indicator_code})
            )
        access = agencies.get((period_code, r.agency)) if r.agency is not None and period else None
        agency = access.agency if access is not None else None
        unit = units.get((period_code, unit_code)) if period else None
        if r.agency is not None:
            unit = agency.unit if agency is not None else None
            if period and access is None:
                row_errors.append(RowError(r.row, "unit_code", _("Bạn không được nhập số liệu cho cơ quan này.")))
            elif period and indicator and indicator.pk not in access.indicators:
                row_errors.append(
                    RowError(
                        r.row,
                        "indicator_code",
                        _("Chỉ tiêu %(code)s không thuộc báo cáo của %(agency)s.")
                        % {"code": indicator.code, "agency": agency.name},
                    )
                )
        elif not unit_code:
            row_errors.append(RowError(r.row, "unit_code", _("Thiếu mã đơn vị.")))
        elif period and unit is None and (period_code, unit_code) in read_only:
            row_errors.append(
                RowError(
                    r.row,
                    "unit_code",
                    _("Bạn chỉ được xem, không được nhập số liệu của %(name)s (mã %(code)s).")
                    % {"name": read_only[(period_code, unit_code)].name, "code": unit_code},
                )
            )
        elif period and unit is None:
            row_errors.append(
                RowError(
                    r.row, "unit_code", _("Không có đơn vị mã '%(code)s' trong phạm vi của bạn.") % {"code": unit_code}
                )
            )
        # Counts of people, households, classes are whole (a standard's level is checked as a level below).
        whole = bool(indicator and indicator.whole_numbers and indicator.measure in (Measure.COUNT, Measure.RATIO))
        value = _number(r.value, "value", r.row, row_errors, whole=whole)
        numerator = _number(r.numerator, "numerator", r.row, row_errors, whole=whole)
        denominator = _number(r.denominator, "denominator", r.row, row_errors, whole=whole)
        comment = str(r.comment or "").strip()
        if len(comment) > 2000:
            row_errors.append(RowError(r.row, "comment", _("Ghi chú dài quá 2000 ký tự.")))

        if indicator and unit and agency is None:  # an agency reports its own figures, at its unit
            if KIND_LEVEL[unit.kind] != indicator.entry_level:
                row_errors.append(
                    RowError(
                        r.row,
                        "unit_code",
                        _("Chỉ tiêu %(code)s được nhập ở %(level)s; số liệu cấp trên được tổng hợp tự động.")
                        % {"code": indicator.code, "level": Level(indicator.entry_level).label.lower()},
                    )
                )
        report = (
            ("agency", agency.pk, period.pk) if agency and period else (unit.pk if unit else None, period and period.pk)
        )
        if unit and period and period.pk is not None and report in locks:
            row_errors.append(RowError(r.row, "period", locks[report]))
        if indicator and not r.not_applicable and not row_errors:
            row_errors.extend(_check_measure(r.row, indicator, value, numerator, denominator))
        parts = None
        if indicator and not row_errors:
            if r.not_applicable:
                parts = {}
            elif r.parts is not None:
                parts, problems = parts_clean(
                    indicator, r.parts, {"value": value, "numerator": numerator, "denominator": denominator}
                )
                row_errors.extend(RowError(r.row, "parts", message) for message in problems)
        if unit and indicator and period:
            key = (unit.pk, agency.pk if agency else None, indicator.pk, period.pk)
            if key in seen:
                row_errors.append(RowError(r.row, "indicator_code", _("Trùng với dòng %(row)s.") % {"row": seen[key]}))
            seen.setdefault(key, r.row)
        if row_errors:
            errors.extend(row_errors)
            continue
        if r.not_applicable:
            value = numerator = denominator = None
        clean.append(
            CleanRow(
                r.row,
                unit,
                indicator,
                period,
                value,
                numerator,
                denominator,
                comment,
                bool(r.not_applicable),
                r.version,
                parts,
                agency,
            )
        )
    return clean, errors


def _parts_kept(clean: list[CleanRow], current) -> None:
    """Rows that give no parts keep the stored ones while these still sum to the row's total."""
    for c in clean:
        if c.parts is None:
            v = current.get(c.key) if c.period.pk is not None else None
            c.parts = v.parts if v is not None and v.parts and parts_fit(v.parts, c) else {}


def _check_measure(row, indicator: Indicator, value, numerator, denominator) -> list[RowError]:
    errors = []
    if indicator.measure == Measure.RATIO:
        if value is not None and numerator is None and denominator is None:
            errors.append(RowError(row, "numerator", _("Chỉ tiêu tỷ lệ cần tử số và mẫu số, không nhập tỷ lệ %.")))
        elif numerator is None or denominator is None:
            if numerator is not None or denominator is not None:
                column = "numerator" if numerator is None else "denominator"
                errors.append(RowError(row, column, _("Chỉ tiêu tỷ lệ cần cả tử số và mẫu số.")))
        elif denominator == 0 and numerator > 0:
            errors.append(RowError(row, "denominator", _("Mẫu số bằng 0 trong khi tử số lớn hơn 0.")))
        elif numerator > denominator:
            errors.append(
                RowError(
                    row,
                    "numerator",
                    _("Tử số (%(n)s) không được lớn hơn mẫu số (%(d)s).")
                    % {"n": number_text(numerator, places=None), "d": number_text(denominator, places=None)},
                )
            )
    else:
        if numerator is not None or denominator is not None:
            errors.append(RowError(row, "numerator", _("Chỉ tiêu này không có tử số, mẫu số; hãy nhập ở cột value.")))
        if value is not None and indicator.measure in (Measure.STANDARD, Measure.STATUS):
            if value != value.to_integral_value() or not 0 <= value <= indicator.max_level:
                allowed = "0/1" if indicator.max_level == 1 else f"0–{indicator.max_level}"
                errors.append(
                    RowError(row, "value", _("Giá trị phải là %(allowed)s (đạt/mức độ).") % {"allowed": allowed})
                )
    return errors


def _warnings(clean: list[CleanRow]) -> list[RowError]:
    """A value that moved by more than the configured factor since the previous period: a warning, not an error."""
    factor = Decimal(str(settings.XHHT_CHANGE_WARNING_FACTOR))
    by_prev: dict[str, list[CleanRow]] = {}
    for c in clean:
        by_prev.setdefault(period_neighbour_code(c.period, -1), []).append(c)
    warnings = []
    for prev_code, rows in by_prev.items():
        previous = {
            (v.unit_id, v.agency_id, v.indicator_id): v
            for v in Value.objects.filter(
                period__code=prev_code, unit__in=[r.unit.pk for r in rows], indicator__in={r.indicator.pk for r in rows}
            )
        }
        for c in rows:
            old = previous.get(c.key[:3])
            if old is None:
                continue
            new_number = (
                c.value
                if c.indicator.measure != Measure.RATIO
                else (c.numerator * 100 / c.denominator if c.denominator else None)
            )
            old_number = old.value if c.indicator.measure != Measure.RATIO else old.percent
            if new_number is None or old_number is None or c.indicator.measure in (Measure.STANDARD, Measure.STATUS):
                continue
            low, high = sorted([new_number, old_number])
            if (low == 0 and high > 0 and c.indicator.measure == Measure.COUNT and high > 10) or (
                low > 0 and high / low > factor
            ):
                warnings.append(
                    RowError(
                        c.row,
                        "value",
                        _("Giá trị thay đổi nhiều so với kỳ trước (%(old)s → %(new)s); hãy kiểm tra lại.")
                        % {"old": number_text(old_number), "new": number_text(new_number)},
                    )
                )
    return warnings


def _current(clean: list[CleanRow], *, for_update: bool = False) -> dict[tuple[int, int, int], Value]:
    """The stored values the clean rows would replace, keyed by (unit, indicator, period): a query per period."""
    wanted: dict[int, set[int]] = {}
    for c in clean:
        if c.period.pk is not None:
            wanted.setdefault(c.period.pk, set()).add(c.unit.pk)
    indicators = {c.indicator.pk for c in clean}
    current: dict[tuple[int, int, int], Value] = {}
    for period_id, unit_ids in wanted.items():
        qs = Value.objects.select_related("entered_by").filter(
            period_id=period_id, unit__in=unit_ids, indicator__in=indicators
        )
        if for_update:
            qs = qs.select_for_update(of=("self",))
        for v in qs:
            current[(v.unit_id, v.agency_id, v.indicator_id, v.period_id)] = v
    return current


FIELDS = ["value", "numerator", "denominator", "comment", "not_applicable", "parts"]


def _changes(c: CleanRow, v: Value | None) -> bool:
    return v is not None and any(getattr(v, f) != getattr(c, f) for f in FIELDS)


def _conflicts(clean: list[CleanRow], current, result: RecordResult, *, unversioned_ok: bool) -> list[CleanRow]:
    """Rows that would overwrite a change their author did not see (see the module's "Versions")."""
    conflicts = []
    for c in clean:
        v = current.get(c.key) if c.period.pk is not None else None
        stored = v.version if v else 0
        if c.version == OVERWRITE or (c.version is None and (unversioned_ok or not _changes(c, v))):
            continue
        if c.version is None:
            conflicts.append(c)
            result.errors.append(
                RowError(
                    c.row,
                    "value",
                    _(
                        "Giá trị này đã có (phiên bản %(version)s); hãy gửi kèm phiên bản bạn đã xem, "
                        "hoặc ghi đè có chủ ý (“overwrite”)."
                    )
                    % {"version": stored},
                )
            )
        elif c.version != stored:
            conflicts.append(c)
            who = v.entered_by.get_full_name() or v.entered_by.username if v and v.entered_by else _("người khác")
            result.errors.append(
                RowError(c.row, "value", _("Giá trị vừa được %(who)s sửa; hãy xem lại trước khi lưu.") % {"who": who})
            )
    return conflicts


def values_record(
    *, rows: Sequence[ValueRow], user, path: str = EntryPath.FORM, dry_run: bool = False, partial: bool = False
) -> RecordResult:
    """Validate and write values. All or nothing unless ``partial`` (the entry grid's draft save).

    ``dry_run``: check only, write nothing; ``result.versions`` gives each row the version of the value it met,
    which the confirmation of a preview sends back as the rows' versions. Queries: a handful, plus one per
    period named in the rows, whatever the number of rows.
    """
    result = RecordResult(dry_run=dry_run)
    with transaction.atomic():
        clean, errors = values_validate(rows=rows, user=user)
        result.errors = errors
        if errors and not partial:
            return result
        current = _current(clean)
        _parts_kept(clean, current)
        result.versions = {c.row: (v.version if (v := current.get(c.key)) else 0) for c in clean}
        # A preview reads the versions it will confirm with; a write without a version may not change a value.
        conflicts = _conflicts(clean, current, result, unversioned_ok=dry_run)
        if conflicts and not partial:
            return result
        clean = [c for c in clean if c not in conflicts]
        result.warnings = _warnings(clean)
        if dry_run or not clean:
            return result
        _write(clean, user, path, result, partial=partial)
    return result


def _write(clean: list[CleanRow], user, path: str, result: RecordResult, *, partial: bool) -> None:
    saved: dict[str, Period] = {}
    for c in clean:  # the first value of a period creates it (one query per period, not per row)
        if c.period.code not in saved:
            saved[c.period.code] = period_saved(c.period)
        c.period = saved[c.period.code]
    # Re-check the locks with the report rows locked: a submission or approval that committed since the
    # validation wins, and a concurrent one waits for this transaction.
    locks = lock_for_write(
        pairs={(c.unit.pk, c.period.pk) for c in clean if c.agency is None},
        agency_rows={(c.agency.pk, c.period.pk, c.unit.pk) for c in clean if c.agency is not None},
    )
    if locks:
        for c in clean:
            if c.report in locks:
                result.errors.append(RowError(c.row, "period", locks[c.report]))
        if not partial:
            return
        clean = [c for c in clean if c.report not in locks]
    # The versions again, under the row locks: a value changed since the validation is not overwritten.
    current = _current(clean, for_update=True)
    _parts_kept(clean, current)
    conflicts = _conflicts(clean, current, result, unversioned_ok=False)
    if conflicts:
        if not partial:
            return
        clean = [c for c in clean if c not in conflicts]
    now = timezone.now()
    creates, updates = [], []
    for c in clean:
        v = current.get(c.key)
        new = {f: getattr(c, f) for f in FIELDS}
        if v is None:
            creates.append(
                Value(
                    unit=c.unit,
                    agency=c.agency,
                    indicator=c.indicator,
                    period=c.period,
                    entered_by=user,
                    entered_by_unit_id=user.unit_id,
                    entry_path=path,
                    updated_at=now,
                    **new,
                )
            )
        elif _changes(c, v):
            for f, x in new.items():
                setattr(v, f, x)
            v.entered_by, v.entered_by_unit_id, v.entry_path, v.updated_at = user, user.unit_id, path, now
            v.version += 1
            updates.append(v)
        else:
            result.unchanged += 1
    # The history (django-simple-history) records who changed what, when and through which path.
    bulk_create_with_history(creates, Value, batch_size=2000, default_user=user, default_date=now)
    bulk_update_with_history(
        updates,
        Value,
        [*FIELDS, "entered_by", "entered_by_unit", "entry_path", "updated_at", "version"],
        batch_size=2000,
        default_user=user,
        default_date=now,
    )
    result.created, result.updated = len(creates), len(updates)
