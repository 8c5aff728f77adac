"""``python manage.py load_reference_data``: the reference data every install needs, from the data files of
the apps that own it: the indicator catalogue with the standard thresholds of NĐ 20/2014/NĐ-CP
(indicators/data/catalogue.yaml), the area categories (units/data/area_categories.yaml) and the criteria sets of the learning models (learning/data/criteria_sets.yaml).

All or nothing; a second run changes nothing. ``load_demo`` runs it first.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from core.datafiles import DataFileError
from indicators.reference import indicators_load
from learning.reference import criteria_sets_load
from units.areas import area_categories_load


class Command(BaseCommand):
    help = _(
        "Nạp dữ liệu tham chiếu: danh mục chỉ tiêu (kèm ngưỡng đạt chuẩn theo NĐ 20/2014/NĐ-CP) và các bộ tiêu chí "
        "đánh giá mô hình học tập. Chạy lại không thay đổi gì."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                areas = area_categories_load()
                catalogue = indicators_load()
                criteria_sets = criteria_sets_load()
        except DataFileError as error:
            raise CommandError(error.message) from error
        self.stdout.write(_("Loại địa bàn: %(report)s") % {"report": areas})
        self.stdout.write(_("Chỉ tiêu: %(report)s") % {"report": catalogue.indicators})
        self.stdout.write(_("Ngưỡng đạt chuẩn: %(report)s") % {"report": catalogue.thresholds})
        self.stdout.write(
            _("Bộ tiêu chí đánh giá: %(report)s (bộ đã có được giữ như quản trị viên đã sửa)")
            % {"report": criteria_sets}
        )
