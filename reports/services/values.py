"""Recording values: one validation path for the entry form, the file import and the API.

``values_record`` validates every row set-based (a handful of queries whatever the number of rows), then
writes them in one transaction, re-checking the user's scope inside it. A file import is all or nothing;
the entry form may save the valid cells of a draft and hand the invalid ones back with their errors.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from indicators.models import Indicator, Measure
from plans.models import Period
from plans.services import period_get_or_create, period_parse
from reports.models import EntryPath, Value
from reports.services.submissions import lock_for_write, lock_reasons
from units.models import KIND_LEVEL, Level, Unit

COLUMNS = ["unit_code", "indicator_code", "period", "value", "numerator", "denominator", "comment"]
MAX_DIGITS = Decimal("99999999999999")  # what max_digits=16, decimal_places=2 can hold


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
    #: The version of the value the user started from (the entry form sends it): a newer one is a conflict.
    version: int | None = None


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
    version: int | None = None


@dataclasses.dataclass
class RecordResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = dataclasses.field(default_factory=list)
    warnings: list[RowError] = dataclasses.field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> int:
        return self.created + self.updated


class ValuesRejected(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def _decimal(raw, column: str, row: int, errors: list[RowError]) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None
    if isinstance(raw, bool):
        errors.append(RowError(row, column, _("'%(raw)s' không phải là số.") % {"raw": raw}))
        return None
    text = str(raw).strip().replace(" ", "")
    if isinstance(raw, str) and "," in text:
        # Vietnamese writes 99,5 and 1.234,5; accept both styles but not an ambiguous mix.
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        errors.append(RowError(row, column, _("'%(raw)s' không phải là số.") % {"raw": raw}))
        return None
    if not number.is_finite():
        errors.append(RowError(row, column, _("'%(raw)s' không phải là số.") % {"raw": raw}))
        return None
    if number < 0:
        errors.append(RowError(row, column, _("Giá trị không được âm.")))
        return None
    if number > MAX_DIGITS:
        errors.append(RowError(row, column, _("Giá trị quá lớn.")))
        return None
    return number.quantize(Decimal("0.01"))


def values_validate(*, rows: Sequence[ValueRow], user) -> tuple[list[CleanRow], list[RowError]]:
    """Check every row; returns the clean rows and the errors (row, column, reason in Vietnamese)."""
    errors: list[RowError] = []
    # A NUL character cannot reach PostgreSQL (psycopg2 refuses the query): such text matches nothing, see below.
    wanted_indicators = {str(r.indicator_code).strip() for r in rows if "\x00" not in str(r.indicator_code)}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=wanted_indicators)}
    periods: dict[str, Period] = {}
    for code in {str(r.period).strip().upper() for r in rows if "\x00" not in str(r.period)}:
        try:
            period_parse(code)
        except ValidationError:
            continue
        periods[code] = period_get_or_create(code=code)

    # Units: codes are unique among the units valid on a day, so look them up per period's reference day.
    visible = Unit.objects.visible_to(user)
    units: dict[tuple[str, str], Unit] = {}
    for code, period in periods.items():
        wanted = {
            str(r.unit_code).strip()
            for r in rows
            if str(r.period).strip().upper() == code and "\x00" not in str(r.unit_code)
        }
        for unit in visible.valid_on(period.reference_day).filter(code__in=wanted):
            units[(code, unit.code)] = unit

    locks = lock_reasons(pairs={(unit.pk, periods[code].pk) for (code, _c), unit in units.items()})

    clean: list[CleanRow] = []
    seen: dict[tuple[int, int, int], int] = {}
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
        unit = units.get((period_code, unit_code)) if period else None
        if not unit_code:
            row_errors.append(RowError(r.row, "unit_code", _("Thiếu mã đơn vị.")))
        elif period and unit is None:
            row_errors.append(
                RowError(
                    r.row, "unit_code", _("Không có đơn vị mã '%(code)s' trong phạm vi của bạn.") % {"code": unit_code}
                )
            )
        value = _decimal(r.value, "value", r.row, row_errors)
        numerator = _decimal(r.numerator, "numerator", r.row, row_errors)
        denominator = _decimal(r.denominator, "denominator", r.row, row_errors)
        comment = str(r.comment or "").strip()
        if len(comment) > 2000:
            row_errors.append(RowError(r.row, "comment", _("Ghi chú dài quá 2000 ký tự.")))

        if indicator and unit:
            if KIND_LEVEL[unit.kind] != indicator.entry_level:
                row_errors.append(
                    RowError(
                        r.row,
                        "unit_code",
                        _("Chỉ tiêu %(code)s được nhập ở %(level)s; số liệu cấp trên được tổng hợp tự động.")
                        % {"code": indicator.code, "level": Level(indicator.entry_level).label.lower()},
                    )
                )
        if unit and period and (unit.pk, period.pk) in locks:
            row_errors.append(RowError(r.row, "period", locks[(unit.pk, period.pk)]))
        if indicator and not r.not_applicable and not row_errors:
            row_errors.extend(_check_measure(r.row, indicator, value, numerator, denominator))
        if unit and indicator and period:
            key = (unit.pk, indicator.pk, period.pk)
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
            )
        )
    return clean, errors


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
                    _("Tử số (%(n)s) không được lớn hơn mẫu số (%(d)s).") % {"n": numerator, "d": denominator},
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
        by_prev.setdefault(c.period.previous(), []).append(c)
    warnings = []
    for prev_code, rows in by_prev.items():
        previous = {
            (v.unit_id, v.indicator_id): v
            for v in Value.objects.filter(
                period__code=prev_code, unit__in=[r.unit.pk for r in rows], indicator__in={r.indicator.pk for r in rows}
            )
        }
        for c in rows:
            old = previous.get((c.unit.pk, c.indicator.pk))
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
                        % {"old": round(old_number, 2), "new": round(new_number, 2)},
                    )
                )
    return warnings


def values_record(
    *, rows: Sequence[ValueRow], user, path: str = EntryPath.FORM, dry_run: bool = False, partial: bool = False
) -> RecordResult:
    """Validate and write values. All or nothing unless ``partial`` (the entry form's draft save)."""
    result = RecordResult(dry_run=dry_run)
    with transaction.atomic():
        clean, errors = values_validate(rows=rows, user=user)
        result.errors = errors
        if errors and not partial:
            return result
        result.warnings = _warnings(clean)
        if dry_run or not clean:
            return result
        _write(clean, user, path, result, partial=partial)
    return result


def _write(clean: list[CleanRow], user, path: str, result: RecordResult, *, partial: bool) -> None:
    # Re-check the locks with the report rows locked: a submission or approval that committed since the
    # validation wins, and a concurrent one waits for this transaction.
    locks = lock_for_write(pairs={(c.unit.pk, c.period.pk) for c in clean})
    if locks:
        for c in clean:
            if (c.unit.pk, c.period.pk) in locks:
                result.errors.append(RowError(c.row, "period", locks[(c.unit.pk, c.period.pk)]))
        if not partial:
            return
        clean = [c for c in clean if (c.unit.pk, c.period.pk) not in locks]
    existing = {}
    for c in clean:
        existing.setdefault(c.period.pk, set()).add(c.unit.pk)
    current: dict[tuple[int, int, int], Value] = {}
    for period_id, unit_ids in existing.items():
        for v in (
            Value.objects.select_for_update(of=("self",))
            .select_related("entered_by")
            .filter(period_id=period_id, unit__in=unit_ids, indicator__in={c.indicator.pk for c in clean})
        ):
            current[(v.unit_id, v.indicator_id, v.period_id)] = v
    # Optimistic check under the row locks: a value changed since the user loaded the form is not overwritten.
    conflicts = []
    for c in clean:
        v = current.get((c.unit.pk, c.indicator.pk, c.period.pk))
        if c.version is not None and (v.version if v else 0) != c.version:
            conflicts.append(c)
            who = v.entered_by.get_full_name() or v.entered_by.username if v and v.entered_by else _("người khác")
            result.errors.append(
                RowError(c.row, "value", _("Giá trị vừa được %(who)s sửa; hãy xem lại trước khi lưu.") % {"who": who})
            )
    if conflicts:
        if not partial:
            return
        clean = [c for c in clean if c not in conflicts]
    now = timezone.now()
    creates, updates = [], []
    fields = ["value", "numerator", "denominator", "comment", "not_applicable"]
    for c in clean:
        v = current.get((c.unit.pk, c.indicator.pk, c.period.pk))
        new = {f: getattr(c, f) for f in fields}
        if v is None:
            creates.append(
                Value(
                    unit=c.unit,
                    indicator=c.indicator,
                    period=c.period,
                    entered_by=user,
                    entered_by_unit_id=user.unit_id,
                    entry_path=path,
                    updated_at=now,
                    **new,
                )
            )
        elif any(getattr(v, f) != new[f] for f in fields):
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
        [*fields, "entered_by", "entered_by_unit", "entry_path", "updated_at", "version"],
        batch_size=2000,
        default_user=user,
        default_date=now,
    )
    result.created, result.updated = len(creates), len(updates)
