"""The five seed plans (../shared/seeds) and the national programmes they implement, as demo data.

Each module holds one issuer's plan as plain data and a ``load()`` that writes it through the plan
services; ``seed_plans_load()`` runs them in cascade order. Every load is idempotent.
"""

from __future__ import annotations

from django.db import transaction

from . import cu_chi, dong_thap, ha_noi, hung_yen, national, y_tich

MODULES = [national, hung_yen, ha_noi, dong_thap, cu_chi, y_tich]


@transaction.atomic
def seed_plans_load() -> dict[str, int]:
    """Load every seed plan; returns the number of plans, targets, tasks and deadlines in the database."""
    from plans.models import Deadline, Plan, Target, Task

    for module in MODULES:
        module.load()
    return {
        "plans": Plan.objects.count(),
        "targets": Target.objects.count(),
        "tasks": Task.objects.count(),
        "deadlines": Deadline.objects.count(),
    }
