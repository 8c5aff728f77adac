from django.core.management.base import BaseCommand

from accounts.services import accounts_migrate_2025
from core.numbers import percent_text


def _unit(unit) -> str:
    return f"{unit.name} ({unit.code})"


class Command(BaseCommand):
    help = (
        "Chuyển tài khoản của các đơn vị đã kết thúc khi sắp xếp đơn vị hành chính (01/7/2025) sang đơn vị kế "
        "thừa khi chỉ có một; liệt kê các tài khoản cần quyết định. Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="chỉ in báo cáo, không ghi gì")

    def handle(self, *args, dry_run, **options):
        moves = accounts_migrate_2025(dry_run=dry_run)
        moved = [m for m in moves if m.target is not None]
        pending = [m for m in moves if m.target is None]
        title = "Chuyển tài khoản sang đơn vị sau sắp xếp (01/7/2025)"
        self.stdout.write(title + (" — CHẠY THỬ, không ghi gì" if dry_run else ""))
        for move in moved:
            line = f"  {'sẽ chuyển' if dry_run else 'đã chuyển'}: {move.user.username}: {_unit(move.source)} → "
            line += f"{_unit(move.target)}; lý do: {move.reason}"
            if move.agency_dropped:
                line += "; bỏ cơ quan cũ (gán lại cơ quan của đơn vị mới)"
            self.stdout.write(line)
        for move in pending:
            options_text = ", ".join(f"{_unit(unit)} {percent_text(weight * 100)}" for unit, weight in move.candidates)
            self.stdout.write(
                f"  cần quyết định: {move.user.username}: {_unit(move.source)}; lý do: {move.reason}"
                + (f"; đơn vị mới: {options_text}" if options_text else "")
            )
        verb = "sẽ chuyển" if dry_run else "đã chuyển"
        self.stdout.write(f"Tổng: {verb} {len(moved)}, cần quyết định {len(pending)}.")
