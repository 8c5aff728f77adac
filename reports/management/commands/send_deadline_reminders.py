"""``python manage.py send_deadline_reminders [--today YYYY-MM-DD] [--days-before N]``: run daily (cron, systemd)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.services.reminders import reminders_send


def _day(raw: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"Ngày '{raw}' không hợp lệ; hãy viết YYYY-MM-DD, ví dụ 2025-06-15.") from None


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc hạn nộp báo cáo (trước hạn và khi quá hạn) cho các đơn vị chưa nộp. "
        "Chạy nhiều lần trong ngày không gửi trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=_day, help="Ngày chạy (YYYY-MM-DD); mặc định là hôm nay, giờ Việt Nam.")
        parser.add_argument(
            "--days-before",
            type=int,
            default=None,
            help=f"Nhắc trước hạn bao nhiêu ngày (mặc định XHHT_REMINDER_DAYS_BEFORE = {settings.XHHT_REMINDER_DAYS_BEFORE}).",
        )

    def handle(self, *args, today=None, days_before=None, **options):
        if days_before is not None and days_before < 0:
            raise CommandError("--days-before phải là số không âm.")
        today = today or timezone.localdate()
        sent = reminders_send(today=today, days_before=days_before)
        self.stdout.write(f"Đã gửi {sent} thư nhắc hạn ({today:%d/%m/%Y}).")
