"""Evidence files (minh chứng): photos and PDFs, checked by size, extension AND content.

The extension alone proves nothing (an .exe renamed .pdf): the first bytes must be those of the type the
extension claims. Nothing is stored when a check fails.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied, SuspiciousFileOperation, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from accounts.policy import may_check, may_self_assess

from .models import CriteriaIndicator, Evaluation, Evidence, Status

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
#: extension → the magic bytes its content must start with
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".pdf": (b"%PDF-",),
}


def evidence_validate(file) -> None:
    name = getattr(file, "name", "") or ""
    suffix = Path(name).suffix.lower()
    if suffix not in SIGNATURES:
        raise ValidationError(
            _("Tệp “%(name)s” không được nhận: minh chứng chỉ là ảnh JPG, PNG hoặc tệp PDF.") % {"name": name}
        )
    size = getattr(file, "size", None) or 0
    if size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("Tệp “%(name)s” lớn %(size)s, vượt giới hạn %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(MAX_EVIDENCE_BYTES)}
        )
    if size == 0:
        raise ValidationError(_("Tệp “%(name)s” trống.") % {"name": name})
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if not any(head.startswith(magic) for magic in SIGNATURES[suffix]):
        raise ValidationError(
            _("Nội dung tệp “%(name)s” không phải %(kind)s như phần mở rộng ghi; tệp không được nhận.")
            % {"name": name, "kind": suffix.lstrip(".").upper()}
        )


@transaction.atomic
def evidence_add(*, evaluation: Evaluation, indicator: CriteriaIndicator, file, user) -> Evidence:
    """Attach a file to one indicator of an evaluation that is still open for scores."""
    evaluation = Evaluation.objects.visible_to(user).select_related("subject__commune").get(pk=evaluation.pk)
    commune = evaluation.subject.commune
    allowed = (evaluation.status == Status.DRAFT and may_self_assess(user, commune)) or (
        evaluation.status == Status.SELF_ASSESSED and may_check(user, commune)
    )
    if not allowed:
        raise PermissionDenied(_("Phiếu này không còn nhận thêm minh chứng từ bạn."))
    if indicator.criterion.criteria_set_id != evaluation.criteria_set_id:
        raise ValidationError(_("Chỉ số không thuộc bộ tiêu chí của phiếu này."))
    evidence_validate(file)
    original = Path(file.name).name
    try:
        file.name = get_valid_filename(original)
    except SuspiciousFileOperation:
        file.name = "minh-chung" + Path(original).suffix.lower()
    return Evidence.objects.create(
        evaluation=evaluation,
        indicator=indicator,
        file=file,
        original_name=original[:255],
        size=file.size,
        uploaded_by=user,
    )
