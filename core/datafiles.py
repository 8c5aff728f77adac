"""Data files the portal ships: reference data (``load_reference_data``) and the demo's plans (``load_demo``).

One owner for how such a file is read and checked: ``data_file_read`` parses the YAML (PyYAML's safe
loader: plain data only, dates as ``datetime.date``), ``records_read`` takes a list of records out of it and
checks each record's keys, so a typo in a file stops the load with a message that names the file, the record
and the key instead of loading half a catalogue. A loader reports what it did in a ``LoadReport``.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class DataFileError(Exception):
    """A data file cannot be loaded; ``message`` says which file, which record and why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclasses.dataclass
class LoadReport:
    """What a loader did with the records of a file."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, *, created: bool, changed: bool) -> None:
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1

    def __str__(self) -> str:
        return _("tạo mới %(created)s, cập nhật %(updated)s, giữ nguyên %(unchanged)s") % dataclasses.asdict(self)


def data_file_read(path: Path) -> dict:
    """The mapping a YAML data file holds."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(
            _("Không đọc được tệp dữ liệu %(path)s: %(error)s") % {"path": path, "error": error}
        ) from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataFileError(
            _("Tệp dữ liệu %(path)s sai cú pháp: %(error)s") % {"path": path, "error": error}
        ) from error
    if not isinstance(data, dict):
        raise DataFileError(_("Tệp dữ liệu %(path)s phải là một bảng khóa: giá trị.") % {"path": path})
    return data


def records_read(data: dict, key: str, *, where: str, required=(), optional=()) -> list[dict]:
    """The list ``data[key]`` (empty when absent), each record checked by ``record_check``."""
    records = data.get(key) or []
    if not isinstance(records, list):
        raise DataFileError(_("%(where)s: “%(key)s” phải là một danh sách.") % {"where": where, "key": key})
    for number, record in enumerate(records, start=1):
        record_check(record, where=f"{where}, {key} {number}", required=required, optional=optional)
    return records


def record_check(record, *, where: str, required=(), optional=()) -> dict:
    """The record, when it is a mapping with every ``required`` key and no key outside ``required`` + ``optional``."""
    if not isinstance(record, dict):
        raise DataFileError(_("%(where)s: phải là một bảng khóa: giá trị.") % {"where": where})
    missing = [key for key in required if key not in record]
    if missing:
        raise DataFileError(_("%(where)s: thiếu %(keys)s.") % {"where": where, "keys": ", ".join(missing)})
    unknown = sorted(set(record) - set(required) - set(optional))
    if unknown:
        raise DataFileError(_("%(where)s: khóa không hợp lệ %(keys)s.") % {"where": where, "keys": ", ".join(unknown)})
    return record


def decimal_or_none(value) -> Decimal | None:
    """A number of a data file as a ``Decimal`` (through its text, so 99.8 stays 99.8)."""
    return None if value is None else Decimal(str(value))


def validated(instance, *, where: str, exclude=None):
    """The model instance after ``full_clean``; its errors become a ``DataFileError`` naming the record."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        messages = "; ".join(f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items())
        raise DataFileError(f"{where}: {messages}") from error
    return instance
