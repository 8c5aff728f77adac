"""``python manage.py jobs_cleanup``: recover interrupted jobs and remove expired files (the worker also runs this
every hour as a job; the command is for cron or for a set-up without the worker's schedule)."""

from django.core.management.base import BaseCommand

from jobs.services import jobs_purge, jobs_reap


class Command(BaseCommand):
    help = "Chạy lại hoặc đánh dấu thất bại các công việc nền bị gián đoạn; xóa các tệp kết quả đã hết hạn."

    def handle(self, *args, **options):
        reaped, purged = jobs_reap(), jobs_purge()
        self.stdout.write(f"Đã xử lý {reaped} công việc bị gián đoạn; đã xóa {purged} tệp hết hạn.")
