"""Breakdowns of a value (by sex, ethnic group, age band) as reference data: ``data/breakdowns.yaml``.

An indicator declares the breakdowns its values are entered in (``Indicator.breakdowns``, from the catalogue);
a value keeps its parts in ``Value.parts`` as ``{breakdown: {part: {"value"|"numerator"|"denominator": "12"}}}``
(numbers as text, exact). The one write path checks that a breakdown's parts sum to the total
(``reports.services.values``); the roll-up sums each part (``reports.rollup``).
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from django.utils.translation import gettext as _

from core.datafiles import DataFileError, data_file_read, record_check, records_read

BREAKDOWNS = Path(__file__).resolve().parent / "data" / "breakdowns.yaml"


@dataclasses.dataclass(frozen=True)
class Part:
    code: str
    name: str


@dataclasses.dataclass(frozen=True)
class Breakdown:
    code: str
    name: str
    parts: tuple[Part, ...]


@functools.cache
def breakdowns_all(path: Path = BREAKDOWNS) -> dict[str, Breakdown]:
    """The breakdowns of the data file, by code (read once per process)."""
    found: dict[str, Breakdown] = {}
    for row in records_read(data_file_read(path), "breakdowns", where=path.name, required=("code", "name", "parts")):
        parts = []
        for number, part in enumerate(row["parts"] or [], start=1):
            record_check(part, where=f"{path.name}, {row['code']}, {number}", required=("code", "name"))
            parts.append(Part(str(part["code"]), part["name"]))
        if len(parts) < 2:
            raise DataFileError(
                _("%(file)s, %(code)s: cần ít nhất hai phần.") % {"file": path.name, "code": row["code"]}
            )
        found[row["code"]] = Breakdown(row["code"], row["name"], tuple(parts))
    return found


def breakdowns_of(indicator) -> list[Breakdown]:
    """The breakdowns an indicator declares, in its order (no query)."""
    known = breakdowns_all()
    return [known[code] for code in indicator.breakdowns or () if code in known]


def breakdowns_check(codes) -> list[str]:
    """The codes that name no breakdown (for the catalogue's validation)."""
    known = breakdowns_all()
    return [code for code in codes or () if code not in known]
