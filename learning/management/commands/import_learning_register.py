"""``python manage.py import_learning_register FILE --commune CODE --user USERNAME``: a commune's register
(families, clans, villages, units) from a CSV or .xlsx file, all or nothing, as on the upload page."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.uploads import ImportFileError
from learning.importing import subjects_import
from units.models import Level, Unit, kinds_of_level


class Command(BaseCommand):
    help = _("Nhập sổ theo dõi gia đình, dòng họ, thôn, đơn vị của một xã từ tệp CSV hoặc Excel.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Tệp CSV hoặc .xlsx"))
        parser.add_argument("--commune", required=True, help=_("Mã xã"))
        parser.add_argument("--user", required=True, help=_("Tên đăng nhập của người nhập (xác định phạm vi)"))

    def handle(self, *args, file: str, commune: str, user: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(file)s.") % {"file": file})
        account = get_user_model().objects.select_related("unit").filter(username=user, is_active=True).first()
        if account is None:
            raise CommandError(_("Không có người dùng '%(user)s' đang hoạt động.") % {"user": user})
        # A code may name a legacy and a current commune: the current one first.
        unit = Unit.objects.visible_to(account).filter(kind__in=kinds_of_level(Level.COMMUNE)).named(commune)
        if unit is None:
            raise CommandError(_("Không có xã mã '%(code)s' trong phạm vi của bạn.") % {"code": commune})
        try:
            result = subjects_import(commune=unit, file=path, user=account)
        except (ImportFileError, PermissionDenied) as error:
            raise CommandError(getattr(error, "message", str(error))) from None
        if result.errors:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(_("%(n)s lỗi; không ghi dòng nào.") % {"n": len(result.errors)})
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã nhập sổ theo dõi của %(unit)s: thêm %(c)s, cập nhật %(u)s.")
                % {"unit": unit.name, "c": result.created, "u": result.updated}
            )
        )
