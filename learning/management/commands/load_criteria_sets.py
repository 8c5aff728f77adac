"""``python manage.py load_criteria_sets``: the criteria sets REGULATIONS.md describes (marked illustrative);
a set that already exists (by code) is left as the administrator edited it."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from learning.criteria_data import criteria_sets_load


class Command(BaseCommand):
    help = _("Nạp các bộ tiêu chí đánh giá mô hình học tập mẫu (nội dung minh họa).")

    def handle(self, *args, **options):
        self.stdout.write(self.style.SUCCESS(_("Bộ tiêu chí mới: %(n)s") % {"n": criteria_sets_load()}))
