"""``/api/v1/values/``: a unit's own and rolled-up values (GET) and recording values (POST).

GET names the unit by its code, read today unless ``on`` (a day) or ``structure`` (``legacy``, ``2025``) says
otherwise (``units.api``): ``?unit=33&period=2024&structure=legacy`` is legacy Hưng Yên, ``?unit=33&period=2024``
new Hưng Yên, whose 2024 figures are computed from its predecessors' (``backcast``, ``estimated_share``).
POST takes the rows of the file import, as JSON, through the same validation (``values_record``):
all or nothing, each error naming the row, the column and the reason; a row's code names the unit valid in
the row's period.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

from indicators.models import Indicator
from plans.periods import period_resolve
from reports.models import EntryPath
from reports.selectors.values import unit_figures
from reports.services.values import ValueRow, values_record
from units.api import InStructure, OnDay, StructureName, day_named, visible_unit_or_404

router = Router(tags=["values"])


class ValueOut(Schema):
    unit_code: str
    indicator_code: str
    period: str
    value: float | None
    numerator: float | None
    denominator: float | None
    reported_units: int
    expected_units: int
    target: float | None
    status: str
    #: The version of the unit's own stored value (none for a rolled-up figure): send it back to change the value.
    version: int | None
    #: Computed from the legacy units a 2025 unit was formed from ("tính từ đơn vị cũ").
    backcast: bool
    #: Of a back-cast figure, the percentage resting on estimated weights (a legacy commune split equally).
    estimated_share: float | None
    #: The sums of each part of the indicator's breakdowns (``{"sex": {"nam": {"numerator": 96, ...}}}``), and
    #: per breakdown the units that gave it (``reported_units``); null when no unit gave parts.
    parts: dict[str, dict] | None = None


class ValueIn(Schema):
    unit_code: str
    indicator_code: str
    period: str
    value: float | str | None = None
    numerator: float | str | None = None
    denominator: float | str | None = None
    comment: str = ""
    not_applicable: bool = False
    #: The version of the value the client read (0: none), or "overwrite" on purpose. Without it a row may add
    #: a value or repeat the stored one, but not change it (no lost update).
    version: int | Literal["overwrite"] | None = None
    #: The parts by the indicator's breakdowns, summing to the total: ``{"sex": {"nam": {"numerator": 96,
    #: "denominator": 100}, "nu": {...}}}``. Left out: the stored parts stay while they still sum to the total.
    parts: dict[str, dict[str, dict[str, float | str]]] | None = None

    @field_validator("value", "numerator", "denominator", mode="before")
    @classmethod
    def boolean_as_text(cls, raw):
        """JSON true/false would pass as 1 and 0: as the text "true"/"false" they reach the row checks, which
        refuse them like any word (400, with the row and the column)."""
        return json.dumps(raw) if isinstance(raw, bool) else raw


class RowErrorOut(Schema):
    row: int
    column: str
    message: str


class RecordOut(Schema):
    created: int
    updated: int
    unchanged: int
    errors: list[RowErrorOut]
    warnings: list[RowErrorOut]


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 4))


def _parts(figure) -> dict | None:
    if not figure.parts:
        return None
    return {
        code: {
            "reported_units": sums.reported,
            **{part: {field: _number(n) for field, n in cells.items()} for part, cells in sums.sums.items()},
        }
        for code, sums in figure.parts.items()
    }


@router.get("/", response=list[ValueOut], summary="Số liệu của một đơn vị (tự nhập và tổng hợp)")
def list_values(
    request: HttpRequest,
    unit: str,
    period: str,
    indicator: str | None = None,
    structure: StructureName | None = InStructure,
    on: datetime.date | None = OnDay,
):
    target_unit = visible_unit_or_404(request, unit, day_named(on, structure))
    try:
        period_obj = period_resolve(period)
    except DjangoValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from None
    indicators = Indicator.objects.all()
    if indicator:
        # No code holds a NUL, and PostgreSQL refuses one in a query (a 500).
        indicators = indicators.filter(code=indicator) if "\x00" not in indicator else indicators.none()
        if not indicators.exists():
            raise HttpError(422, f"Không có chỉ tiêu mã '{indicator}'.")
    rows = unit_figures(unit=target_unit, period=period_obj, indicators=list(indicators))
    return [
        {
            "unit_code": target_unit.code,
            "indicator_code": row.indicator.code,
            "period": period_obj.code,
            "value": _number(row.figure.value),
            "numerator": _number(row.figure.numerator),
            "denominator": _number(row.figure.denominator),
            "reported_units": row.figure.reported,
            "expected_units": row.figure.expected,
            "target": _number(row.target),
            "status": row.status,
            "version": row.version,
            "backcast": row.figure.backcast,
            "estimated_share": _number(row.figure.estimated_share),
            "parts": _parts(row.figure),
        }
        for row in rows
    ]


@router.post("/", response={200: RecordOut, 400: RecordOut}, summary="Ghi số liệu (cùng quy tắc với nhập tệp)")
def record_values(request: HttpRequest, rows: list[ValueIn]):
    result = values_record(
        rows=[ValueRow(row=i, **row.dict()) for i, row in enumerate(rows, start=1)],
        user=request.auth,
        path=EntryPath.API,
    )
    body = {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "errors": [e.__dict__ for e in result.errors],
        "warnings": [w.__dict__ for w in result.warnings],
    }
    return Status(200 if result.ok else 400, body)
