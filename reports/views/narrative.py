"""The narrative sections of a unit's report, typed on its report page (one form, one URL)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from plans.models import Period
from reports.forms import NarrativeForm
from reports.services.narrative import submission_narrative_update
from reports.views.submissions import _act


@login_required
@require_POST
def submission_narrative_view(request, unit_id: int, period: Period):
    def run(*, submission, user, data, form):
        submission_narrative_update(
            submission=submission,
            user=user,
            results=data["results"],
            shortcomings=data["shortcomings"],
            tasks=data["tasks"],
            proposals=data["proposals"],
            version=data["version"],
        )

    return _act(request, unit_id, period, "narrative", NarrativeForm, run)
