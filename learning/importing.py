"""The register from a file: CSV (UTF-8) or Excel (.xlsx), thousands of families of a commune at once.

Header row (Vietnamese or English, any case and order): ``loai``/kind, ``ten``/name, and optionally
``ma``/code, ``chu_ho``/head, ``thon``/address. A row whose code is already on the register updates it.
All or nothing: any bad row refuses the whole file with "Dòng n: ..." messages. Size and format are
checked before parsing (the limits of the values import).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import unicodedata
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from reports.importing import MAX_ROWS, OLE_MAGIC, XLSX_EXPANSION, ZIP_MAGIC, ImportFileError, _read_bytes
from units.models import Unit

from .models import ModelKind, Subject
from .services import can_self_assess

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


def _table(data: bytes, name: str) -> list[list]:
    suffix = Path(name).suffix.lower()
    if data.startswith(OLE_MAGIC) or suffix == ".xls":
        raise ImportFileError(_("Tệp .xls (Excel cũ) không được hỗ trợ; hãy lưu lại thành .xlsx hoặc CSV UTF-8."))
    if data.startswith(ZIP_MAGIC):
        from openpyxl import load_workbook

        _parse_xlsx_check(data)
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
            raise ImportFileError(_("Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.")) from None
        try:
            return [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)][: MAX_ROWS + 1]
        finally:
            workbook.close()
    if suffix not in ("", ".csv", ".txt"):
        raise ImportFileError(_("Chỉ nhận tệp CSV (.csv) hoặc Excel (.xlsx)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("Tệp CSV không phải mã UTF-8 nên tiếng Việt sẽ bị lỗi; hãy lưu thành “CSV UTF-8”.")
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[: MAX_ROWS + 1]


def _parse_xlsx_check(data: bytes) -> None:
    """Refuse a corrupt file or a zip bomb before openpyxl opens it."""
    limit = settings.XHHT_MAX_UPLOAD_BYTES * XLSX_EXPANSION
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise ImportFileError(_("Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.")) from None
    if expanded > limit:
        raise ImportFileError(_("Tệp Excel khi giải nén quá lớn; hãy chia thành nhiều tệp nhỏ hơn."))


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
    if not can_self_assess(user, commune):
        raise PermissionDenied(_("Sổ theo dõi do xã cập nhật."))
    data, file_name = _read_bytes(file)
    table = _table(data, name or file_name)
    if not table or not any(str(c or "").strip() for c in table[0]):
        raise ImportFileError(_("Tệp trống hoặc thiếu dòng tiêu đề."))
    header = [_fold(c) for c in table[0]]
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
    for number, cells in enumerate(table[1:], start=2):
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
