"""``python manage.py import_unit_areas FILE.csv``: which units belong to an area category, and from when.

The CSV (UTF-8, header row) has the columns ``ma_don_vi``, ``ma_loai``, ``tu_ngay``, ``den_ngay`` and optionally
``can_cu``; dates as dd/mm/yyyy. All or nothing; a second run changes nothing.
"""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.datafiles import DataFileError
from units.areas import unit_areas_import


class Command(BaseCommand):
    help = _("Nhập danh sách đơn vị thuộc loại địa bàn (xã đặc biệt khó khăn, ...) từ tệp CSV.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                report = unit_areas_import(rows=list(csv.DictReader(handle)), where=path.name)
        except OSError as error:
            raise CommandError(str(error)) from error
        except DataFileError as error:
            raise CommandError(error.message) from error
        self.stdout.write(_("Đơn vị thuộc loại địa bàn: %(report)s") % {"report": report})
