"""Feeding the learning-model ratio indicators from the register and the recognitions.

For a commune, a year and a kind: numerator = subjects recognised that year, denominator = subjects on
the register. They are written through ``reports.services.values.values_record`` (path "evaluation"), the one
write path, so nobody types them twice and the roll-up carries them up like any other value.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from reports.models import EntryPath
from reports.services.values import OVERWRITE, RecordResult, ValueRow, values_record
from units.models import Unit

from .models import ModelKind, Status, Subject

#: Which catalogue indicator a kind feeds (indicators/data/catalogue.yaml); kinds not listed feed none.
KIND_INDICATOR: dict[str, str] = {
    ModelKind.FAMILY: "LEARNING_FAMILY",
    ModelKind.CLAN: "LEARNING_CLAN",
    ModelKind.COMMUNITY: "LEARNING_COMMUNITY",
    ModelKind.UNIT: "LEARNING_UNIT",
    ModelKind.CITIZEN: "LEARNING_CITIZEN",
}


def recognised_counts(
    *, communes: Sequence[Unit], year: int, kinds: Sequence[str]
) -> dict[tuple[int, str], tuple[int, int]]:
    """(commune id, kind) → (recognised, on the register); one query."""
    rows = (
        Subject.objects.filter(commune__in=[c.pk for c in communes], kind__in=kinds, active=True)
        .values("commune_id", "kind")
        .annotate(
            total=Count("pk", distinct=True),
            recognised=Count(
                "evaluations", filter=Q(evaluations__year=year, evaluations__status=Status.RECOGNISED), distinct=True
            ),
        )
        .order_by()
    )
    return {(r["commune_id"], r["kind"]): (r["recognised"], r["total"]) for r in rows}


def learning_indicators_feed(*, communes: Sequence[Unit], year: int, kinds: Sequence[str], user) -> RecordResult:
    """Write the counts into the ratio indicators; all or nothing (a locked report refuses, with its reason)."""
    kinds = [k for k in kinds if k in KIND_INDICATOR]
    counts = recognised_counts(communes=communes, year=year, kinds=kinds)
    rows = [
        ValueRow(
            row=n,
            unit_code=commune.code,
            indicator_code=KIND_INDICATOR[kind],
            period=str(year),
            numerator=counts.get((commune.pk, kind), (0, 0))[0],
            denominator=counts.get((commune.pk, kind), (0, 0))[1],
            comment=_("Tính từ kết quả công nhận mô hình học tập năm %(year)s.") % {"year": year},
            version=OVERWRITE,  # recomputed from the recognitions: the latest computation is the figure
        )
        for n, (commune, kind) in enumerate(((c, k) for c in communes for k in kinds), start=1)
    ]
    if not rows:
        return RecordResult()
    result = values_record(rows=rows, user=user, path=EntryPath.EVALUATION)
    if result.errors:
        raise ValidationError(
            [_("Không ghi được số liệu chỉ tiêu: %(error)s") % {"error": e.message} for e in result.errors]
        )
    return result
