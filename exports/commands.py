"""What the export commands share: who the export is for, and the unit and period they name."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.models import Role, User
from plans.models import Period, Plan
from plans.periods import period_resolve
from units.models import Unit


def command_scope(
    *, unit: str, period: str, username: str | None, plan: str | None = None
) -> tuple[User, Unit, Period, Plan | None]:
    """The account (the named user, or an unsaved administrator: the whole country), the unit valid in the
    period, the period and the plan (of the unit's chain, as on the roll-up page); ``CommandError`` in
    Vietnamese for a bad user, period, unit or plan."""
    if username:
        account = get_user_model().objects.select_related("unit").filter(username=username, is_active=True).first()
        if account is None:
            raise CommandError(_("Không có người dùng '%(user)s' đang hoạt động.") % {"user": username})
    else:
        account = get_user_model()(username="export", role=Role.ADMINISTRATOR)  # never saved
    try:
        resolved = period_resolve(period)
    except ValidationError:
        raise CommandError(_("Mã kỳ báo cáo '%(code)s' không hợp lệ.") % {"code": period}) from None
    found = Unit.objects.visible_to(account).named(unit, day=resolved.reference_day)
    if found is None:
        raise CommandError(_("Không có đơn vị mã '%(code)s' trong phạm vi.") % {"code": unit})
    chosen = None
    if plan:
        plans = Plan.objects.visible_to(account).filter(unit__path__in=found.ancestor_paths())
        chosen = plans.filter(pk=int(plan)).first() if str(plan).isdigit() else None
        if chosen is None:
            raise CommandError(_("Không có kế hoạch này trong phạm vi của đơn vị."))
    return account, found, resolved, chosen


class ExportCommand(BaseCommand):
    """An export of a unit and a period to a file (``--unit --period [--plan] [--user] --out``): the arguments,
    the scope (``command_scope``) and the closing message; a subclass says what it writes (``write``)."""

    out_help = ""

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help=_("Mã đơn vị"))
        parser.add_argument("--period", required=True, help=_("Kỳ báo cáo, ví dụ 2024, 2024S1, 2024Q4"))
        parser.add_argument("--plan", help=_("Mã số (id) kế hoạch, nếu chỉ so với chỉ tiêu của một kế hoạch"))
        parser.add_argument("--user", help=_("Tên đăng nhập: xuất trong phạm vi của người này"))
        parser.add_argument("--out", required=True, help=self.out_help)

    def handle(self, *args, unit: str, period: str, plan: str | None, user: str | None, out: str, **options):
        account, found, resolved, chosen = command_scope(unit=unit, period=period, username=user, plan=plan)
        path = Path(out)
        self.write(path, user=account, unit=found, period=resolved, plan=chosen)
        self.stdout.write(self.style.SUCCESS(_("Đã ghi %(file)s.") % {"file": path}))

    def write(self, path: Path, *, user, unit, period, plan) -> None:
        raise NotImplementedError
