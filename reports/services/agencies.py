"""Agencies' own reports in the write path: which agencies a batch of rows may write for, and what.

Who may: ``accounts.policy.may_enter_for_agency``; which indicators: ``plans.reporting.agency_indicators``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from accounts.policy import may_enter_for_agency
from plans.models import Period
from plans.reporting import agency_indicators
from units.models import Agency


@dataclasses.dataclass(frozen=True)
class AgencyAccess:
    agency: Agency
    indicators: frozenset[int]


def agencies_for_rows(*, rows: Sequence, periods: dict[str, Period], user) -> dict[tuple[str, int], AgencyAccess]:
    """For each (period code, agency id) the rows name: the agency and the indicators the user may enter for it
    (absent: the user may not). No query without agency rows; else one, and one per period."""
    wanted: dict[str, set[int]] = {}
    for r in rows:
        agency_id = getattr(r, "agency", None)
        code = str(r.period or "").strip().upper()
        if agency_id is not None and code in periods:
            wanted.setdefault(code, set()).add(agency_id)
    if not wanted:
        return {}
    agencies = Agency.objects.select_related("unit").in_bulk({a for ids in wanted.values() for a in ids})
    found: dict[tuple[str, int], AgencyAccess] = {}
    for code, ids in wanted.items():
        period = periods[code]
        allowed = [agencies[a] for a in ids if a in agencies and may_enter_for_agency(user, agencies[a], period=period)]
        indicators = agency_indicators([a.pk for a in allowed], period) if allowed else {}
        for agency in allowed:
            found[(code, agency.pk)] = AgencyAccess(agency, frozenset(indicators.get(agency.pk, ())))
    return found
