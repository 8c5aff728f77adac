import secrets

from django.core.management.base import BaseCommand

from demo.loader import demo_load


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: dữ liệu tham chiếu, đơn vị hành chính, năm kế hoạch mẫu và tài khoản mẫu cho mỗi vai trò."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Mật khẩu cho các tài khoản mẫu (mặc định: sinh ngẫu nhiên).")

    def handle(self, *args, password=None, **options):
        password = password or secrets.token_urlsafe(9)
        accounts = demo_load(password=password, stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu: {password}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<15} {account.full_name}")
        self.stdout.write("Mở http://127.0.0.1:8000/ để đăng nhập.")
