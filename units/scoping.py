"""The one scoping choke point: ``visible_to(user)`` on every QuerySet of scoped data.

A user sees their unit's subtree (and, for plans and agencies, the chain of units above it that issued
what they implement); an administrator sees everything; anyone else nothing.

A unit formed by the 2025 reform also reads its predecessors: the legacy units of its own level or below
linked (``units.Lineage``) to it or to a unit of its subtree, with their plans, values and reports. A 2025
commune reads the legacy communes it was formed from (not their district); a new province its legacy
provinces, their districts and communes. Reading is all: ``accounts.policy`` lets nobody write into a unit
outside their subtree, and a legacy unit takes no value after it closed.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class ScopedQuerySet(models.QuerySet):
    #: The path of the unit an object belongs to, as a lookup from this model.
    scope_path = "unit__path"

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.has_full_scope:
            return self
        if user.unit_id is None:
            return self.none()
        return self.filter(self.scope_q(user.unit))

    def scope_q(self, unit) -> Q:
        subtree = Q(**{f"{self.scope_path}__startswith": unit.path})
        if unit.valid_from is None:
            return subtree  # a unit that predates the reform (or continues across it) has no predecessors
        unit_field = self.scope_path.removesuffix("path").removesuffix("__") or "pk"
        return subtree | Q(**{f"{unit_field}__in": predecessors_read(unit)})


class ScopedWithAncestorsQuerySet(ScopedQuerySet):
    """Also the objects of the units above: the plans a unit implements, the agencies they name; for a unit formed
    by the 2025 reform, also those of every legacy unit it or a unit above it was formed from, whatever its level
    (a 2025 commune reads the plans of the abolished district its communes belonged to, as it read its plans above
    before the reform)."""

    def scope_q(self, unit) -> Q:
        q = super().scope_q(unit) | Q(**{f"{self.scope_path}__in": unit.ancestor_paths(include_self=False)})
        if unit.valid_from is None:
            return q
        unit_field = self.scope_path.removesuffix("path").removesuffix("__") or "pk"
        return q | Q(**{f"{unit_field}__in": predecessors_above_read(unit)})


def predecessors_read(unit):
    """The ids of the legacy units whose data a user of ``unit`` reads (a subquery): those of the unit's level or
    below with a lineage link into its subtree."""
    from units.models import LEVEL_RANK, Level, Lineage, kinds_of_level

    rank = LEVEL_RANK[unit.level]
    kinds = [kind for level in Level.values if LEVEL_RANK[level] >= rank for kind in kinds_of_level(level)]
    return Lineage.objects.filter(successor__path__startswith=unit.path, predecessor__kind__in=kinds).values(
        "predecessor_id"
    )


def predecessors_above_read(unit):
    """The ids of the legacy units, of any level, linked to ``unit``, its subtree or the units above it (a
    subquery): whose plans and agencies its users read."""
    from units.models import Lineage

    return Lineage.objects.filter(
        Q(successor__path__startswith=unit.path) | Q(successor__path__in=unit.ancestor_paths(include_self=False))
    ).values("predecessor_id")


def unit_visible_or_404(user, unit_id):
    """The unit a URL names, if the user may see it; a 404 otherwise, as if it did not exist.

    The one helper views use to resolve a unit from a URL (scope: ``Unit.objects.visible_to``).
    """
    from django.shortcuts import get_object_or_404

    from units.models import Unit

    return get_object_or_404(Unit.objects.visible_to(user).select_related("parent"), pk=unit_id)
