"""What the export commands share: who the export is for, and the unit and period they name."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from accounts.models import Role, User
from plans.services import period_code, period_get_or_create, period_parse
from units.models import Unit


def command_scope(*, unit: str, period: str, username: str | None) -> tuple[User, Unit, str]:
    """The account (the named user, or an unsaved administrator: the whole country), the unit valid in the
    period and the period's code; ``CommandError`` in Vietnamese for a bad user, period or unit."""
    if username:
        account = get_user_model().objects.select_related("unit").filter(username=username, is_active=True).first()
        if account is None:
            raise CommandError(_("Không có người dùng '%(user)s' đang hoạt động.") % {"user": username})
    else:
        account = get_user_model()(username="export", role=Role.ADMINISTRATOR)  # never saved
    try:
        kind, year, number = period_parse(period.strip().upper())
    except ValidationError:
        raise CommandError(_("Mã kỳ báo cáo '%(code)s' không hợp lệ.") % {"code": period}) from None
    code = period_code(kind, year, number)
    day = period_get_or_create(code=code).reference_day
    found = Unit.objects.visible_to(account).valid_on(day).filter(code=unit.strip()).first()
    if found is None:
        raise CommandError(_("Không có đơn vị mã '%(code)s' trong phạm vi.") % {"code": unit})
    return account, found, code
