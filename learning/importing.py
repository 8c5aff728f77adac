"""The register from a file: CSV (UTF-8) or Excel (.xlsx), thousands of families of a commune at once.

Header row (Vietnamese or English, any case and order): ``loai``/kind, ``ten``/name, and optionally
``ma``/code, ``chu_ho``/head, ``thon``/address. A row whose code is already on the register updates it.
All or nothing: any bad row refuses the whole file with "Dòng n: ..." messages. Size and format are
checked before parsing (``core.uploads``, the limits every import shares).
"""

from __future__ import annotations

import dataclasses
import unicodedata

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.policy import may_self_assess
from core.uploads import ImportFileError, table_read
from units.models import Unit

from .models import ModelKind, Subject

COLUMNS = {
    "kind": {"kind", "loai", "loại", "loai mo hinh", "loại mô hình"},
    "name": {"name", "ten", "tên", "ho ten", "họ tên"},
    "code": {"code", "ma", "mã", "ma ho", "mã hộ", "so ho", "số hộ"},
    "head": {"head", "chu_ho", "chủ hộ", "chu ho", "nguoi dai dien", "người đại diện"},
    "address": {"address", "thon", "thôn", "dia chi", "địa chỉ", "thôn, địa chỉ"},
}


def _fold(text: str) -> str:
    """Lower case without diacritics or separators: "Gia đình" → "gia dinh"."""
    text = str(text or "").replace("\ufeff", "").replace("đ", "d").replace("Đ", "D").strip().lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(text.replace("_", " ").split())


KINDS = {
    **{_fold(k): k for k in ModelKind.values},
    # the labels, folded (written out: a lazy label must not be evaluated at import time)
    "gia dinh hoc tap": ModelKind.FAMILY,
    "dong ho hoc tap": ModelKind.CLAN,
    "cong dong hoc tap": ModelKind.COMMUNITY,
    "don vi hoc tap": ModelKind.UNIT,
    "cong dan hoc tap": ModelKind.CITIZEN,
    "ho gia dinh": ModelKind.FAMILY,
    "gia dinh": ModelKind.FAMILY,
    "dong ho": ModelKind.CLAN,
    "cong dong": ModelKind.COMMUNITY,
    "thon": ModelKind.COMMUNITY,
    "don vi": ModelKind.UNIT,
    "cong dan": ModelKind.CITIZEN,
}
FOLDED_COLUMNS = {key: {_fold(n) for n in names} for key, names in COLUMNS.items()}


@dataclasses.dataclass
class SubjectsImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _cell(cells: list, position: int | None) -> str:
    if position is None or position >= len(cells) or cells[position] is None:
        return ""
    value = cells[position]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@transaction.atomic
def subjects_import(*, commune: Unit, file, user, name: str | None = None) -> SubjectsImportResult:
    """Add or update the commune's register from a file; nothing is written when any row is wrong."""
    if not Unit.objects.visible_to(user).filter(pk=commune.pk).exists():
        raise PermissionDenied(_("Xã này nằm ngoài phạm vi của bạn."))
    if not may_self_assess(user, commune):
        raise PermissionDenied(_("Sổ theo dõi do xã cập nhật."))
    _fmt, table = table_read(file, name=name)
    first = next(table, None)
    if not first or not any(str(c or "").strip() for c in first):
        raise ImportFileError(_("Tệp trống hoặc thiếu dòng tiêu đề."))
    header = [_fold(c) for c in first]
    positions = {
        key: next((i for i, h in enumerate(header) if h in names), None) for key, names in FOLDED_COLUMNS.items()
    }
    missing = [key for key in ("kind", "name") if positions[key] is None]
    if missing:
        raise ImportFileError(
            _("Thiếu cột bắt buộc: %(columns)s (cột: loai, ten, ma, chu_ho, thon).") % {"columns": ", ".join(missing)}
        )
    result = SubjectsImportResult()
    existing = {(s.kind, s.code): s for s in Subject.objects.filter(commune=commune).exclude(code="")}
    seen: dict[tuple[str, str], int] = {}
    creates, updates = [], []
    for number, cells in enumerate(table, start=2):
        values = {key: _cell(cells, pos) for key, pos in positions.items()}
        if not any(values.values()):
            continue
        kind = KINDS.get(_fold(values["kind"]))
        row_errors = []
        if kind is None:
            row_errors.append(
                _("loại mô hình “%(kind)s” không hợp lệ (gia đình, dòng họ, cộng đồng, đơn vị, công dân)")
                % {"kind": values["kind"]}
            )
        if not values["name"]:
            row_errors.append(_("thiếu tên"))
        for key, limit in (("name", 255), ("head", 255), ("address", 255), ("code", 40)):
            if len(values[key]) > limit:
                row_errors.append(_("cột %(column)s dài quá %(limit)s ký tự") % {"column": key, "limit": limit})
        if values["code"] and kind:
            if (kind, values["code"]) in seen:
                row_errors.append(
                    _("mã %(code)s trùng với dòng %(row)s")
                    % {"code": values["code"], "row": seen[(kind, values["code"])]}
                )
            seen.setdefault((kind, values["code"]), number)
        if row_errors:
            result.errors.append(_("Dòng %(row)s: %(errors)s.") % {"row": number, "errors": "; ".join(row_errors)})
            continue
        current = existing.get((kind, values["code"])) if values["code"] else None
        if current is None:
            creates.append(
                Subject(commune=commune, kind=kind, **{k: values[k] for k in ("code", "name", "head", "address")})
            )
        else:
            current.name, current.head, current.address, current.active = (
                values["name"],
                values["head"],
                values["address"],
                True,
            )
            updates.append(current)
    if result.errors:
        return result
    if not creates and not updates:
        raise ImportFileError(_("Tệp không có dòng số liệu nào."))
    Subject.objects.bulk_create(creates, batch_size=2000)
    Subject.objects.bulk_update(updates, ["name", "head", "address", "active"], batch_size=2000)
    result.created, result.updated = len(creates), len(updates)
    return result
