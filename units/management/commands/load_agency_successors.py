from django.core.management.base import BaseCommand

from units.agencies import DATA_FILE, agency_successors_load


class Command(BaseCommand):
    help = (
        "Ghi ngày kết thúc và cơ quan kế nhiệm của các cơ quan giải thể, hợp nhất năm 2025 "
        "(theo units/data/agency_successors.yaml). Chạy lại không thay đổi gì."
    )

    def handle(self, *args, **options):
        report = agency_successors_load()
        self.stdout.write(f"{DATA_FILE.name}: cơ quan kế nhiệm tạo mới {report.created}, gắn với cơ quan cũ "
                          f"{report.created + report.updated}")  # fmt: skip
