"""How long work reports how far it got, without knowing who listens.

An export or an import that may run as a background job takes a ``progress`` object with three methods
(``jobs.services.Progress`` writes them to the job's row for its progress bar); called from a request or a
command, it gets ``NO_PROGRESS``, which ignores them.
"""

from __future__ import annotations


class NullProgress:
    def start(self, total: int, label: str = "") -> None:
        """A step of ``total`` units of work begins (the count starts from zero)."""

    def step(self, label: str) -> None:
        """The work moves on to another stage; the count goes on."""

    def advance(self, count: int = 1) -> None:
        """``count`` more units done."""


NO_PROGRESS = NullProgress()
