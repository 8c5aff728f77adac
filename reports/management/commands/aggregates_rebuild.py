"""``python manage.py aggregates_rebuild [--period CODE]``: store again the roll-up of the closed periods (after a
change of the unit tree or of a derived standard's threshold, or for periods closed before the table existed)."""

from django.core.management.base import BaseCommand, CommandError

from plans.models import Period
from reports.services.aggregates import aggregates_rebuild


class Command(BaseCommand):
    help = "Tính lại số liệu tổng hợp đã chốt của các kỳ đã khóa sổ (hoặc của một kỳ)."

    def add_arguments(self, parser):
        parser.add_argument("--period", help="Mã kỳ đã khóa sổ, ví dụ 2024; mặc định: mọi kỳ đã khóa sổ")

    def handle(self, *args, period=None, **options):
        found = None
        if period:
            found = Period.objects.filter(code=period.strip().upper(), is_closed=True).first()
            if found is None:
                raise CommandError(f"Không có kỳ '{period}' đã khóa sổ.")
        for code, count in aggregates_rebuild(period=found).items():
            self.stdout.write(f"Kỳ {code}: đã chốt {count} số liệu tổng hợp.")
