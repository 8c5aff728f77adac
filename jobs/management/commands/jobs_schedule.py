"""``python manage.py jobs_schedule``: queue the next run of the periodic jobs (the daily reminders at
``XHHT_REMINDERS_AT``, the hourly clean-up) when none is waiting. ``make run`` and the worker's systemd unit
run it before the worker starts; each run then queues the next one itself."""

from django.core.management.base import BaseCommand

from jobs.services import jobs_schedule


class Command(BaseCommand):
    help = "Xếp lịch các công việc định kỳ (nhắc hạn hằng ngày, dọn tệp hằng giờ) nếu chưa có lượt nào đang chờ."

    def handle(self, *args, **options):
        started = jobs_schedule()
        for job in started:
            self.stdout.write(f"Đã xếp lịch: {job}.")
        if not started:
            self.stdout.write("Các công việc định kỳ đã có lịch (hoặc bộ xử lý nền không hỗ trợ hẹn giờ).")
