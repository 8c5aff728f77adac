from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import api_token_create


class Command(BaseCommand):
    help = "Tạo mã truy cập API cá nhân cho một người dùng và in ra (chỉ hiển thị một lần)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Không có người dùng '{username}'.") from None
        self.stdout.write(api_token_create(user=user))
