"""``python manage.py import_values FILE --user USERNAME [--dry-run] [--overwrite]``: import values from a CSV or
.xlsx file. Without ``--overwrite`` the file may add values and repeat stored ones, not change them.

The rows are checked as the user would be checked on the upload page (their scope, the entry levels, the
locks) and written all or nothing. Each error is printed as "Dòng N, cột C: lý do"; with errors the
command exits non-zero and writes nothing.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.uploads import ImportFileError
from reports.services.importing import values_import


class Command(BaseCommand):
    help = _("Nhập kết quả từ tệp CSV (UTF-8) hoặc Excel (.xlsx), tất cả hoặc không gì cả.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Tệp CSV hoặc .xlsx"))
        parser.add_argument("--user", required=True, help=_("Tên đăng nhập của người nhập (xác định phạm vi)"))
        parser.add_argument("--dry-run", action="store_true", help=_("Chỉ kiểm tra, không ghi gì"))
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=_("Ghi đè số liệu đã có (không có tùy chọn này, tệp chỉ thêm số liệu mới, không sửa số liệu đã có)"),
        )

    def handle(self, *args, file: str, user: str, dry_run: bool, overwrite: bool = False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(file)s.") % {"file": file})
        account = get_user_model().objects.select_related("unit").filter(username=user).first()
        if account is None or not account.is_active:
            raise CommandError(_("Không có người dùng '%(user)s' đang hoạt động.") % {"user": user})
        try:
            imported = values_import(path, account, dry_run=dry_run, overwrite=overwrite)
        except ImportFileError as error:
            raise CommandError(error.message) from None

        for warning in imported.warnings:
            self.stdout.write(self.style.WARNING(_("Cảnh báo – %(warning)s") % {"warning": warning}))
        if imported.errors:
            for error in imported.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("%(n)s lỗi trong %(rows)s dòng; không ghi dòng nào.")
                % {"n": len(imported.errors), "rows": len(imported.rows)}
            )
        record = imported.record
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Kiểm tra xong %(rows)s dòng: không có lỗi. Chưa ghi gì (--dry-run).")
                    % {"rows": len(imported.rows)}
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã nhập %(rows)s dòng: %(created)s mới, %(updated)s cập nhật, %(unchanged)s không đổi.")
                % {
                    "rows": len(imported.rows),
                    "created": record.created,
                    "updated": record.updated,
                    "unchanged": record.unchanged,
                }
            )
        )
