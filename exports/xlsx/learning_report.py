"""The yearly learning-model report (CV 6782/BGDĐT-GDTX) as an Excel workbook, streamed with XlsxWriter as the
summary is (``exports.xlsx.stream``).

It writes what ``learning.yearly.yearly_report`` computed (passed in; exports does not import learning, which
sits above it): a sheet "Tổng hợp" with the form's rows for the unit, rolled up, and a sheet "Theo xã" with one
row per commune and model. Counts are numbers, shares percentages (the formats of ``exports.xlsx.common``), so
Excel sums and filters them.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from exports.xlsx.common import sheet_title
from exports.xlsx.stream import StreamBook

COLUMNS = ("registered", "evaluated", "recognised", "percent", "in_force", "expired", "reported")
KINDS = ["number", "number", "number", "percent", "number", "number", "percent"]


def _labels() -> list[str]:
    return [
        _("Tổng số trong sổ theo dõi"),
        _("Số được đánh giá"),
        _("Số được công nhận trong năm"),
        _("Tỷ lệ được công nhận (%)"),
        _("Số đang còn hiệu lực công nhận"),
        _("Số đã hết hiệu lực công nhận"),
        _("Tỷ lệ theo số liệu chỉ tiêu (%)"),
    ]


def _values(cell) -> list:
    return [getattr(cell, name) for name in COLUMNS]


def learning_report_filename(report) -> str:
    return f"bao-cao-mo-hinh-hoc-tap-{report.unit.code}-{report.year}.xlsx"


def _head(sheet, report, title: str) -> None:
    form = report.form
    sheet.texts([title], bold=True, font_size=14)
    for label, value in [
        (_("Đơn vị"), f"{report.unit.name} ({report.unit.code})"),
        (_("Năm"), str(report.year)),
        (_("Căn cứ"), form.basis),
        (_("Hạn gửi"), report.deadline.strftime("%d/%m/%Y")),
        (_("Hiệu lực công nhận tính đến ngày"), report.on.strftime("%d/%m/%Y")),
        (_("Ghi chú"), form.illustrative_note if form.illustrative else ""),
    ]:
        sheet.texts([label, value])
    sheet.skip()


def learning_report_write(report, target) -> None:
    """Write the workbook of ``report`` (a ``learning.yearly.YearlyReport``) to ``target`` (path or file)."""
    book = StreamBook(target)
    taken: set[str] = set()
    title = report.form.title.upper()

    sheet = book.sheet(sheet_title(_("Tổng hợp"), taken), widths=[8, 36, 14, 14, 14, 14, 14, 14, 14, 60])
    _head(sheet, report, title)
    header_row = sheet.row
    sheet.header([_("TT"), _("Mô hình học tập"), *_labels(), _("Nguồn của dòng")])
    for row, cell in report.rows:
        sheet.append(
            [row.code, row.label, *_values(cell), row.source + (" " + _("(minh họa)") if row.illustrative else "")],
            ["text", "text", *KINDS, "text"],
        )
    sheet.finish(header_row=header_row, columns=10)

    sheet = book.sheet(sheet_title(_("Theo xã"), taken), widths=[12, 30, 30, 14, 14, 14, 14, 14, 14, 14])
    _head(sheet, report, title)
    header_row = sheet.row
    sheet.header([_("Mã đơn vị"), _("Đơn vị"), _("Mô hình học tập"), *_labels()])
    for line in report.communes:
        for row, cell in zip(report.form.rows, line.cells, strict=True):
            sheet.append([line.unit.code, line.unit.name, row.label, *_values(cell)], ["text", "text", "text", *KINDS])
    sheet.finish(header_row=header_row, columns=10)
    book.close()
