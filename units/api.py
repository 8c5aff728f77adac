"""``/api/v1/units/``: the administrative units in the caller's scope."""

import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from units.models import Level, Structure, Unit, UnitKind

LevelName = Literal[tuple(Level.values)]  # type: ignore[valid-type]
KindName = Literal[tuple(UnitKind.values)]  # type: ignore[valid-type]
StructureName = Literal[tuple(Structure.values)]  # type: ignore[valid-type]

PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
MAX_PAGE = 1_000_000


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


def unit_by_code(code: str, *, today: datetime.date | None = None) -> Unit | None:
    """The unit a code names: the one valid today, else the most recent (codes repeat across structures)."""
    if "\x00" in code:
        return None  # no code holds a NUL, and PostgreSQL refuses one in a query (a 500)
    today = today or timezone.localdate()
    candidates = list(Unit.objects.filter(code=code.strip()))
    if not candidates:
        return None
    current = [unit for unit in candidates if unit.is_valid_on(today)]
    if current:
        return current[0]
    return max(
        candidates,
        key=lambda unit: (unit.valid_to or datetime.date.max, unit.valid_from or datetime.date.min, unit.pk),
    )


router = Router(tags=["units"])


@router.get("/", response=list[UnitOut], summary="Đơn vị hành chính")
@paginate(Pages, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
def unit_list(
    request: HttpRequest,
    parent: str | None = None,
    level: LevelName | None = None,
    structure: StructureName | None = None,
):
    """The units in the caller's scope, in tree order.

    ``parent``: a unit code; its children in scope (the unit valid today, else the most recent, with that
    code). ``level``: national, province, district or commune. ``structure``: ``legacy`` (as on 30/6/2025)
    or ``2025`` (from 1/7/2025).
    """
    units = Unit.objects.visible_to(request.auth).select_related("parent")
    if parent is not None:
        # The parent is only looked up: the answer is its children within the caller's scope, so an
        # unknown code and a code outside the scope both give an empty list.
        parent_unit = unit_by_code(parent)
        units = units.filter(parent=parent_unit) if parent_unit is not None else units.none()
    if level is not None:
        units = units.at_level(level)
    if structure is not None:
        units = units.of_structure(structure)
    return units.order_by("path")
