"""The one scoping choke point: ``visible_to(user)`` on every QuerySet of scoped data.

A user sees their unit's subtree (and, for plans and agencies, the chain of units above it that issued
what they implement); an administrator sees everything; anyone else nothing.
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
        return Q(**{f"{self.scope_path}__startswith": unit.path})


class ScopedWithAncestorsQuerySet(ScopedQuerySet):
    """Also the objects of the units above: the plans a unit implements, the agencies they name."""

    def scope_q(self, unit) -> Q:
        return super().scope_q(unit) | Q(**{f"{self.scope_path}__in": unit.ancestor_paths(include_self=False)})


def unit_visible_or_404(user, unit_id):
    """The unit a URL names, if the user may see it; a 404 otherwise, as if it did not exist.

    The one helper views use to resolve a unit from a URL (scope: ``Unit.objects.visible_to``).
    """
    from django.shortcuts import get_object_or_404

    from units.models import Unit

    return get_object_or_404(Unit.objects.visible_to(user).select_related("parent"), pk=unit_id)
