from __future__ import annotations

import dataclasses
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.numbers import percent_text
from units.models import Level, Lineage, Unit

from .models import ApiToken, User


@transaction.atomic
def api_token_create(*, user: User) -> str:
    """Create a personal API token and return its raw value (it is not stored and cannot be shown again)."""
    raw, digest = ApiToken.generate()
    ApiToken.objects.create(user=user, digest=digest, prefix=raw[5:13])
    return raw


@dataclasses.dataclass
class AccountMove:
    """One account of a unit the reform closed: where it goes (None: an administrator decides) and why."""

    user: User
    source: Unit
    target: Unit | None
    reason: str
    candidates: list[tuple[Unit, Decimal]] = dataclasses.field(default_factory=list)  # (successor, weight)
    agency_dropped: bool = False


def accounts_migrate_2025(*, dry_run: bool = False) -> list[AccountMove]:
    """Move the accounts of units closed by the 2025 reform to their successor, where there is exactly one.

    - a commune's account goes to the 2025 commune that took most of the commune (the largest lineage weight),
      when one did; a commune divided equally between new ones is left to decide;
    - a district's account goes to the province its communes went to: the district level is abolished and its
      education tasks went to the communes and the province's department (NĐ 142/2025/NĐ-CP); the role is kept,
      so the account now reviews the whole province until an administrator says otherwise;
    - a merged province's account goes to the new province.
    An agency of the old unit stays with it (the account's agency is cleared). Accounts of units still valid
    are not touched, so a second run moves nobody. Queries: three, and one write when something moves.
    """
    today = timezone.localdate()
    users = list(
        User.objects.filter(unit__valid_to__lt=today).select_related("unit", "agency").order_by("unit__path", "pk")
    )
    links: dict[int, list[Lineage]] = defaultdict(list)
    for link in Lineage.objects.filter(predecessor__in={u.unit_id for u in users}).select_related("successor__parent"):
        links[link.predecessor_id].append(link)

    moves = []
    for user in users:
        move = _move_for(user, links[user.unit_id])
        move.agency_dropped = move.target is not None and user.agency_id is not None
        moves.append(move)
    moved = [m for m in moves if m.target is not None]
    if moved and not dry_run:
        with transaction.atomic():
            for move in moved:
                move.user.unit, move.user.agency = move.target, None
            User.objects.bulk_update([m.user for m in moved], ["unit", "agency"])
    return moves


def _move_for(user: User, links: list[Lineage]) -> AccountMove:
    source = user.unit
    level = source.level
    if level == Level.DISTRICT:
        shares: dict[Unit, Decimal] = defaultdict(Decimal)
        for link in links:
            shares[link.successor.parent] += link.weight
        reason = _(
            "cấp huyện không còn từ 01/7/2025; nhiệm vụ giáo dục của huyện chuyển về xã và Sở GD&ĐT "
            "(NĐ 142/2025/NĐ-CP): tài khoản chuyển về tỉnh, giữ vai trò, quản trị xem lại vai trò"
        )
    else:
        shares = {link.successor: link.weight for link in links}
        reason = _("đơn vị cũ nhập vào đơn vị mới") if level == Level.PROVINCE else ""
    candidates = sorted(shares.items(), key=lambda item: (-item[1], item[0].code))
    if not candidates:
        return AccountMove(user, source, None, _("không có đơn vị kế thừa trong dữ liệu liên kết"))
    top = [unit for unit, weight in candidates if weight == candidates[0][1]]
    if len(top) > 1:
        return AccountMove(
            user,
            source,
            None,
            _("đơn vị cũ chia đều cho %(n)s đơn vị mới: cần chọn một") % {"n": len(top)},
            candidates,
        )
    target, weight = candidates[0]
    if not reason:
        reason = (
            _("xã cũ nhập nguyên vào xã mới")
            if weight == 1
            else _("xã mới nhận phần lớn nhất (%(share)s) của xã cũ") % {"share": percent_text(weight * 100)}
        )
    return AccountMove(user, source, target, reason, candidates)
