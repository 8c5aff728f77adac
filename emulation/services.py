"""Writes of emulation results: ``emulation_result_record`` (keyword-only, validated, atomic, row lock and
version check). Who may record: ``accounts.policy.may_record_emulation`` (a reviewer above the unit)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.policy import may_record_emulation
from units.models import Unit

from .models import EmulationResult


@transaction.atomic
def emulation_result_record(
    *,
    user,
    unit: Unit,
    year: int,
    title: str,
    basis: str,
    decision_number: str,
    decision_date: datetime.date,
    issuing_body: str,
    rank: int | None = None,
    ranked_of: int | None = None,
    version: int | None = None,
) -> EmulationResult:
    """Record (or correct) a unit's emulation result for a year. ``version``: the version the form read (None
    for a new result); a result changed by someone else meanwhile is refused. Queries: 1 lock + 1 write."""
    if not may_record_emulation(user, unit):
        raise PermissionDenied(_("Chỉ cấp trên của đơn vị (hoặc quản trị) ghi kết quả thi đua của đơn vị."))
    errors = {}
    if not 2000 <= year <= 2100:
        errors["year"] = _("Năm không hợp lệ.")
    if rank is not None and ranked_of is not None and rank > ranked_of:
        errors["rank"] = _("Thứ hạng không được lớn hơn tổng số đơn vị.")
    if (rank is None) != (ranked_of is None):
        errors["ranked_of"] = _("Hãy nhập cả thứ hạng và tổng số đơn vị (ví dụ 2/21), hoặc để trống cả hai.")
    if decision_date.year < year:
        errors["decision_date"] = _("Quyết định khen thưởng năm %(year)s không thể ký trước năm đó.") % {"year": year}
    if errors:
        raise ValidationError(errors)
    result = EmulationResult.objects.select_for_update().filter(unit=unit, year=year).first()
    if result is None:
        if version is not None:
            raise ValidationError(_("Kết quả thi đua đã bị xóa trong lúc bạn sửa; hãy mở lại trang."))
        result = EmulationResult(unit=unit, year=year, version=0)
    elif version != result.version:
        raise ValidationError(_("Người khác vừa sửa kết quả thi đua này; hãy mở lại trang để xem bản mới."))
    result.title, result.basis = title.strip(), basis.strip()
    result.rank, result.ranked_of = rank, ranked_of
    result.decision_number, result.decision_date = decision_number.strip(), decision_date
    result.issuing_body, result.recorded_by = issuing_body.strip(), user
    result.version += 1
    result.full_clean()
    result.save()
    return result
