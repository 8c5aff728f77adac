"""``/api/v1/units/``: the administrative units in the caller's scope, and the lineage across the 2025 reform.

Codes are reused across the reform (``33`` is new Hưng Yên today and was legacy Hưng Yên until 30/6/2025), so
a unit is named by its code and, when it matters, a day or a structure: ``?on=2024-12-31`` (the unit valid on
that day) or ``?structure=legacy`` (as on 30/6/2025; ``2025``: from 1/7/2025). Without either, the code names
the unit valid today, else the most recent one (``UnitQuerySet.named``).
"""

import datetime
from typing import Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from units.models import Level, Lineage, LineageMethod, Structure, Unit, UnitKind, structure_reference_day

LevelName = Literal[tuple(Level.values)]  # type: ignore[valid-type]
KindName = Literal[tuple(UnitKind.values)]  # type: ignore[valid-type]
StructureName = Literal[tuple(Structure.values)]  # type: ignore[valid-type]
MethodName = Literal[tuple(LineageMethod.values)]  # type: ignore[valid-type]

PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
MAX_PAGE = 1_000_000
#: The days a unit can be named on (a date outside them names nothing, instead of overflowing the database).
FIRST_DAY, LAST_DAY = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)

#: ``?on=``: the day the code is read on.
OnDay = Query(
    None, ge=FIRST_DAY, le=LAST_DAY, description="Ngày đọc mã đơn vị (YYYY-MM-DD): đơn vị có hiệu lực ngày đó."
)
#: ``?structure=``: the structure the code is read in.
InStructure = Query(None, description="Cơ cấu đọc mã đơn vị: legacy (đến 30/6/2025) hoặc 2025 (từ 1/7/2025).")


class Pages(PageNumberPagination):
    """ninja's page numbers, bounded: a page far past any data overflowed the database's OFFSET (a 500)."""

    class Input(PageNumberPagination.Input):
        page: int = Field(1, ge=1, le=MAX_PAGE)


class UnitOut(Schema):
    code: str
    name: str
    level: LevelName
    type: KindName
    parent_code: str | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None

    @staticmethod
    def resolve_level(obj: Unit) -> str:
        return obj.level

    @staticmethod
    def resolve_type(obj: Unit) -> str:
        return obj.kind

    @staticmethod
    def resolve_parent_code(obj: Unit) -> str | None:
        return obj.parent.code if obj.parent_id else None


class LinkOut(Schema):
    """A unit on the other side of a lineage link, with the share of the predecessor that went to the successor."""

    unit: UnitOut
    weight: float
    method: MethodName
    estimated: bool
    source: str


class LineageOut(Schema):
    unit: UnitOut
    predecessors: list[LinkOut]
    successors: list[LinkOut]


def day_named(on: datetime.date | None, structure: str | None) -> datetime.date | None:
    """The day a code is read on: ``on`` if given, else the structure's day, else None (today)."""
    if on is not None:
        return on
    return structure_reference_day(structure) if structure is not None else None


def visible_unit_or_404(request: HttpRequest, code: str, day: datetime.date | None) -> Unit:
    """The unit a code names on a day (``UnitQuerySet.named``) among those the caller sees; 404 otherwise, as if
    it did not exist."""
    unit = Unit.objects.visible_to(request.auth).select_related("parent").named(code, day=day)
    if unit is None:
        raise Http404
    return unit


router = Router(tags=["units"])


@router.get("/", response=list[UnitOut], summary="Đơn vị hành chính")
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def unit_list(
    request: HttpRequest,
    parent: str | None = None,
    level: LevelName | None = None,
    structure: StructureName | None = InStructure,
    on: datetime.date | None = OnDay,
):
    """The units in the caller's scope, in tree order.

    ``parent``: a unit code; its children in scope (the unit with that code valid on ``on`` or in ``structure``;
    without them, the one valid today, else the most recent). ``level``: national, province, district or commune.
    ``structure``: ``legacy`` (as on 30/6/2025) or ``2025`` (from 1/7/2025); ``on``: the units valid on that day.
    """
    units = Unit.objects.visible_to(request.auth).select_related("parent")
    if parent is not None:
        # The parent is only looked up: the answer is its children within the caller's scope, so an
        # unknown code and a code outside the scope both give an empty list.
        parent_unit = Unit.objects.named(parent, day=day_named(on, structure))
        units = units.filter(parent=parent_unit) if parent_unit is not None else units.none()
    if level is not None:
        units = units.at_level(level)
    if structure is not None:
        units = units.of_structure(structure)
    if on is not None:
        units = units.valid_on(on)
    return units.order_by("path")


@router.get("/{code}/lineage/", response=LineageOut, summary="Đơn vị trước và sau sắp xếp (tỷ trọng, nguồn)")
def unit_lineage(
    request: HttpRequest,
    code: str,
    structure: StructureName | None = InStructure,
    on: datetime.date | None = OnDay,
):
    """The legacy units a unit was formed from and the 2025 units a legacy unit went to, within the caller's scope.

    ``weight``: the share of the predecessor that went to the successor (a predecessor's weights sum to 1);
    ``method``: ``whole``, ``equal_split`` (a commune divided between several new ones, equal shares: an
    estimate) or ``commune_share`` (a district or province by the share of its communes: an estimate);
    ``source``: the data the link was read from. ``/units/33/lineage/?structure=legacy``: legacy Hưng Yên.
    """
    unit = visible_unit_or_404(request, code, day_named(on, structure))
    visible = Unit.objects.visible_to(request.auth)
    links = (
        Lineage.objects.filter(predecessor__in=visible, successor__in=visible)
        .select_related("predecessor__parent", "successor__parent")
        .order_by("predecessor__path", "successor__path")
    )

    def out(link: Lineage, other: Unit) -> dict:
        return {
            "unit": other,
            "weight": float(link.weight),
            "method": link.method,
            "estimated": link.estimated,
            "source": link.source,
        }

    return {
        "unit": unit,
        "predecessors": [out(link, link.predecessor) for link in links.filter(successor=unit)],
        "successors": [out(link, link.successor) for link in links.filter(predecessor=unit)],
    }
