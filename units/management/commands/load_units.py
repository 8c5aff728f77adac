import time

from django.core.management.base import BaseCommand

from units.models import Structure
from units.services import units_load
from units.sources import PACKAGE, PACKAGE_VERSION, records


class Command(BaseCommand):
    help = "Nạp đơn vị hành chính (từ gói vietnamadminunits) theo cơ cấu trước hoặc sau 01/7/2025. Chạy lại không thay đổi gì."

    def add_arguments(self, parser):
        parser.add_argument("--structure", choices=Structure.values, required=True)

    def handle(self, *args, structure, **options):
        started = time.perf_counter()
        result = units_load(records=records(structure), structure=structure)
        self.stdout.write(
            f"{PACKAGE} {PACKAGE_VERSION}, cơ cấu {structure}: tạo mới {result.created}, cập nhật {result.updated}, "
            f"giữ nguyên {result.unchanged}; liên kết đơn vị cũ: thêm {result.links_created}, "
            f"cập nhật {result.links_updated}, xóa {result.links_deleted} "
            f"({time.perf_counter() - started:.1f} s)"
        )
