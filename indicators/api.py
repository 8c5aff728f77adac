"""``/api/v1/indicators/``: the indicator catalogue (the same for every caller)."""

from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from indicators.models import Indicator, Measure, PeriodAggregation
from units.api import MAX_PAGE_SIZE, PAGE_SIZE, Pages

MeasureName = Literal[tuple(Measure.values)]  # type: ignore[valid-type]
EntryLevelName = Literal["province", "district", "commune"]
PeriodAggregationName = Literal[tuple(PeriodAggregation.values)]  # type: ignore[valid-type]


class IndicatorOut(Schema):
    code: str
    name: str
    measure: MeasureName
    unit: str
    entry_level: EntryLevelName
    period_aggregation: PeriodAggregationName

    @staticmethod
    def resolve_unit(obj: Indicator) -> str:
        return obj.unit_of_measure


router = Router(tags=["indicators"])


@router.get("/", response=list[IndicatorOut], summary="Danh mục chỉ tiêu")
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def indicator_list(request: HttpRequest):
    """The indicators; ``unit`` is the unit of measure (``%`` for a ratio, given as a percentage)."""
    return Indicator.objects.order_by("category", "order", "code")
