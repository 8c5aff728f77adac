"""``python manage.py export_summary --unit CODE --period P [--plan ID] [--user USERNAME] --out FILE.xlsx``.

Writes the Excel summary of a unit and a period, the same workbook as the roll-up page's link. Without
``--user`` the whole country is in scope (an operator's command); with it, that user's scope applies.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from exports.commands import command_scope
from exports.xlsx.summary import summary_data, summary_write


class Command(BaseCommand):
    help = _("Xuất bảng tổng hợp Excel của một đơn vị và một kỳ báo cáo.")

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help=_("Mã đơn vị"))
        parser.add_argument("--period", required=True, help=_("Kỳ báo cáo, ví dụ 2024, 2024S1, 2024Q4"))
        parser.add_argument("--plan", help=_("Mã số (id) kế hoạch, nếu chỉ so với chỉ tiêu của một kế hoạch"))
        parser.add_argument("--user", help=_("Tên đăng nhập: xuất trong phạm vi của người này"))
        parser.add_argument("--out", required=True, help=_("Tệp .xlsx sẽ ghi"))

    def handle(self, *args, unit: str, period: str, plan: str | None, user: str | None, out: str, **options):
        account, found, resolved, chosen = command_scope(unit=unit, period=period, username=user, plan=plan)
        summary = summary_data(user=account, unit=found, period=resolved, plan=chosen)
        path = Path(out)
        summary_write(summary, path)
        self.stdout.write(self.style.SUCCESS(_("Đã ghi %(file)s.") % {"file": path}))
