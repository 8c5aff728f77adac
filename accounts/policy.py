"""Who may do what: the one policy module that services, selectors and views call.

Seeing is scope (``visible_to``: a user sees their unit's subtree; an administrator everything); this module
decides what a user may *do* with what they see. Each rule takes the user and model instances and answers
without a query (the units' materialised paths say who is above whom):

- enter values for a unit (``may_enter``): the unit's own account, or a reviewer above it entering on its
  behalf (a district officer for a commune); a commune reporter only for their own unit; and only while the
  unit exists: on the period's reference day (today without a period). A legacy unit closed on 30/6/2025 takes
  no value of a later period, a 2025 unit none of a period before the reform (``reports.backcast`` computes
  those), and a 2025 unit's account, which reads its predecessors' data (``units.scoping``), never writes it;
- submit a unit's report (``may_submit``): the unit's own account;
- review a unit's report: approve, return, reopen (``may_review``), check a learning-model self-assessment
  (``may_check``): a reviewer (district officer, province reviewer) of a unit strictly above it;
- edit a plan and its targets (``may_edit_plan``, ``plan_editor_root``): a reviewer of the plan's unit or above;
- carry a plan of a unit the 2025 reform closed over to a successor unit (``may_carry_over``): a reviewer of the
  successor or above it, while the successor exists (which successors a plan has: ``plans.selectors``);
- decide a recognition (``may_recognise``): the body the criteria set names (the commune itself for
  commune-level recognitions), else a reviewer above the commune;
- self-assess a commune's learning models, keep its register (``may_self_assess``): the commune's account;
- record a unit's yearly emulation result (``may_record_emulation``, QĐ 1315/QĐ-TTg): the level above decides
  it, so a reviewer of a unit strictly above it.
- enter and submit an agency's own report (``may_enter_for_agency``, ``may_submit_for_agency``): the agency's
  account (role "agency reporter", a user with that agency), while the agency's unit exists; review it
  (``may_review_agency``): a reviewer of the agency's unit or above; an agency account enters nothing for its unit (the indicators it may enter: ``plans.reporting.agency_indicators``).

An administrator may do everything. Out of scope is the caller's 404 (``visible_to``); a rule answering no
for a unit in scope is a 403 with the reason the service gives.
"""

from __future__ import annotations

from django.utils import timezone

from accounts.models import Role
from units.models import Level

REVIEWER_ROLES = {Role.DISTRICT_OFFICER, Role.PROVINCE_REVIEWER}


def is_administrator(user) -> bool:
    return bool(user.is_authenticated and user.has_full_scope)


def is_reviewer(user) -> bool:
    """Reviewers act on the units below their own: district officers, province reviewers, administrators."""
    return is_administrator(user) or (user.is_authenticated and user.role in REVIEWER_ROLES)


def _within(user, unit) -> bool:
    """The unit is the user's own or below it."""
    return user.unit_id is not None and unit.path.startswith(user.unit.path)


def _below(user, unit) -> bool:
    """The unit is strictly below the user's own."""
    return _within(user, unit) and unit.pk != user.unit_id


def may_enter(user, unit, *, period=None) -> bool:
    day = period.reference_day if period is not None else timezone.localdate()
    if not unit.is_valid_on(day):
        return False
    if is_administrator(user):
        return True
    if not user.is_authenticated or not _within(user, unit) or user.role == Role.AGENCY_REPORTER:
        return False
    return unit.pk == user.unit_id or user.role in REVIEWER_ROLES


def is_agency_reporter(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.AGENCY_REPORTER and user.agency_id)


def may_enter_for_agency(user, agency, *, period=None) -> bool:
    day = period.reference_day if period is not None else timezone.localdate()
    if not agency.unit.is_valid_on(day):
        return False
    return is_administrator(user) or (is_agency_reporter(user) and user.agency_id == agency.pk)


def may_review_agency(user, agency) -> bool:
    """Approve, return or reopen an agency's own report: a reviewer of the agency's unit or above (KH 290: the
    Sở GD&ĐT, at the city, sums up the city's Sở), never the agency's own account."""
    return is_administrator(user) or (is_reviewer(user) and _within(user, agency.unit))


def may_submit_for_agency(user, agency) -> bool:
    return is_administrator(user) or (is_agency_reporter(user) and user.agency_id == agency.pk)


def may_submit(user, unit) -> bool:
    return is_administrator(user) or (
        user.is_authenticated and user.unit_id == unit.pk and user.role != Role.AGENCY_REPORTER
    )


def may_review(user, unit) -> bool:
    return is_administrator(user) or (is_reviewer(user) and _below(user, unit))


def plan_editor_root(user) -> str | None:
    """The path under which the user may edit plans: "" for everything, None for nothing."""
    if is_administrator(user):
        return ""
    if is_reviewer(user) and user.unit_id is not None:
        return user.unit.path
    return None


def may_edit_plan(user, plan) -> bool:
    root = plan_editor_root(user)
    return root is not None and plan.unit.path.startswith(root)


def may_carry_over(user, plan, successor) -> bool:
    """The plan's unit has closed (an abolished district, a merged commune or province) and the user may edit the
    plans of ``successor``, a unit that exists today (``plans.services.plan_carry_over`` checks the lineage)."""
    root = plan_editor_root(user)
    return (
        root is not None
        and plan.unit.valid_to is not None
        and successor.is_valid_on(timezone.localdate())
        and successor.path.startswith(root)
    )


def may_self_assess(user, commune) -> bool:
    return may_submit(user, commune)


def may_check(user, commune) -> bool:
    return may_review(user, commune)


def may_recognise(user, criteria_set, commune) -> bool:
    if criteria_set.recognising_level == Level.COMMUNE and user.is_authenticated and user.unit_id == commune.pk:
        return True
    return may_review(user, commune)


def may_record_emulation(user, unit) -> bool:
    """A unit's emulation result is decided by the level above: a reviewer strictly above it (or an administrator)."""
    return may_review(user, unit)
