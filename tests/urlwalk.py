"""The portal's URL configuration as a list, for the tests generated from it (permissions, CSRF).

Every named route is listed with its full name (``namespace:name``), its pattern and its view. Routes a
generated test leaves out are named in ``SKIPPED`` with the reason, so that nothing is left out silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from django.urls import URLPattern, URLResolver, get_resolver

#: Namespaces / names that the generated page tests do not cover, and why.
SKIPPED = {
    "admin": "Django's back office (/quan-tri/): staff only, guarded by Django itself; checked separately.",
    "set_language": "i18n switch (/ngon-ngu/): public by design, no data.",
    "api-v1": "The API: every endpoint × method × persona is in tests/test_api_scope_matrix.py.",
}


@dataclasses.dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    pattern: str  # "bao-cao/tong-hop/<int:unit_id>/<str:period>/"
    callback: Callable
    params: tuple[str, ...]

    @property
    def skipped(self) -> str | None:
        head = self.name.split(":", 1)[0]
        return SKIPPED.get(head) or SKIPPED.get(self.name)


def _walk(patterns, prefix: str, namespace: str) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            full = f"{namespace}:{entry.name}" if namespace else entry.name
            params = tuple(entry.pattern.converters) if hasattr(entry.pattern, "converters") else ()
            yield Route(full, prefix + str(entry.pattern), entry.callback, params)


def routes() -> list[Route]:
    """Every named route of the URLconf, in order (the first of a duplicated name wins, as ``reverse`` does)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, "/", ""):
        seen.setdefault(route.name, route)
    return list(seen.values())
