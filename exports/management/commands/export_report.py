"""``python manage.py export_report --unit CODE --period P [--plan ID] [--user USERNAME] --out FILE.pdf``.

Writes the official PDF of a unit's periodic report, the same document as the report page's link. Without
``--user`` the whole country is in scope (an operator's command); with it, that user's scope applies.
"""

from django.utils.translation import gettext_lazy

from core.pdf import render_pdf
from exports.commands import ExportCommand
from exports.pdf.report import report_document


class Command(ExportCommand):
    help = gettext_lazy("Xuất báo cáo kỳ của một đơn vị thành tệp PDF theo thể thức văn bản hành chính.")
    out_help = gettext_lazy("Tệp PDF sẽ ghi")

    def write(self, path, *, user, unit, period, plan) -> None:
        doc = report_document(user=user, unit=unit, period=period, plan=plan)
        path.write_bytes(render_pdf("exports/report_pdf.html", {"doc": doc}))
