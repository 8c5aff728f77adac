"""The yearly learning-model report (CV 6782/BGDĐT-GDTX) as an official document (NĐ 30/2020/NĐ-CP layout:
``exports/learning_report_pdf.html`` over ``exports/official_base.html``, rendered by ``core.pdf.render_pdf``).

The figures are those ``learning.yearly.yearly_report`` computed (passed in: exports does not import learning);
this module adds what the document needs around them: the bodies, the number and symbol, place and date, the
recipients (the level above; the Hội Khuyến học, which asks for the same figures).
"""

from __future__ import annotations

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from exports.pdf.report import _committee, place_name
from units.models import Level, Unit


@dataclasses.dataclass
class LearningReportDocument:
    report: object  # learning.yearly.YearlyReport
    superior_body: str
    issuing_body: str
    symbol: str
    place: str
    date: datetime.date
    subject: str
    recipients: list[str]
    authority: str
    position: str

    @property
    def date_text(self) -> str:
        # NĐ 30: days below 10 and months below 3 take a leading zero.
        day = f"{self.date.day:02d}"
        month = f"{self.date.month:02d}" if self.date.month < 3 else str(self.date.month)
        return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)s") % {
            "place": self.place,
            "day": day,
            "month": month,
            "year": self.date.year,
        }

    @property
    def per_commune(self) -> bool:
        return self.report.unit.level != Level.COMMUNE


def learning_report_document(report, *, parent: Unit | None) -> LearningReportDocument:
    """The document of a report; ``parent``: the unit above (its committee is the superior body)."""
    unit = report.unit
    superior = _committee(parent, short=True) if parent is not None and parent.level != Level.NATIONAL else ""
    recipients = []
    if parent is not None and parent.level != Level.NATIONAL:
        recipients.append(_("UBND %(unit)s (để báo cáo);") % {"unit": parent.name})
    else:
        recipients.append(_("Bộ Giáo dục và Đào tạo (để báo cáo);"))
    recipients.append(_("Hội Khuyến học cùng cấp;"))
    recipients.append(_("Lưu: VT."))
    return LearningReportDocument(
        report=report,
        superior_body=superior,
        issuing_body=_committee(unit),
        symbol="BC-UBND",
        place=place_name(unit),
        date=timezone.localdate(),
        subject=_("Thống kê kết quả xây dựng các mô hình học tập năm %(year)s") % {"year": report.year},
        recipients=recipients,
        authority=_("TM. ỦY BAN NHÂN DÂN"),
        position=_("CHỦ TỊCH"),
    )


def learning_report_pdf_filename(report) -> str:
    return f"bao-cao-mo-hinh-hoc-tap-{report.unit.code}-{report.year}.pdf"
