"""``python manage.py export_summary --unit CODE --period P [--plan ID] [--user USERNAME] --out FILE.xlsx``.

Writes the Excel summary of a unit and a period, the same workbook as the roll-up page's link. Without
``--user`` the whole country is in scope (an operator's command); with it, that user's scope applies.
"""

from django.utils.translation import gettext_lazy

from exports.commands import ExportCommand
from exports.xlsx.summary import summary_data, summary_write


class Command(ExportCommand):
    help = gettext_lazy("Xuất bảng tổng hợp Excel của một đơn vị và một kỳ báo cáo.")
    out_help = gettext_lazy("Tệp .xlsx sẽ ghi")

    def write(self, path, *, user, unit, period, plan) -> None:
        summary_write(summary_data(user=user, unit=unit, period=period, plan=plan), path)
