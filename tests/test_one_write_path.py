"""One write path for values: the admin goes through ``values_record``, the roll-up ignores a value stored at the
wrong level, and a dry run writes nothing at all (not even a period or a report)."""

from decimal import Decimal

from django.apps import apps
from django.urls import reverse

from indicators.models import Indicator, Measure
from plans.models import Period
from plans.periods import period_get_or_create
from reports.models import EntryPath, Value
from reports.rollup import rollup
from reports.services.values import ValueRow, values_record
from units.models import Level

from .base import PersonasTestCase


class OneWritePathTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.people = Indicator.objects.create(
            code="NGUOI_HOC", name="Số người tham gia học tập", measure=Measure.COUNT, entry_level=Level.COMMUNE
        )
        cls.literacy = Indicator.objects.create(
            code="LIT", name="Tỷ lệ biết chữ", measure=Measure.RATIO, entry_level=Level.COMMUNE
        )
        cls.period = period_get_or_create(code="2024")

    def add_in_admin(self, unit, indicator, **figures):
        """The administrator adds a value in the back office, as the add form posts it."""
        self.client.force_login(self.admin)
        data = {"unit": unit.pk, "indicator": indicator.pk, "period": self.period.pk, "value": "", "numerator": "",
                "denominator": "", "comment": "", **figures}  # fmt: skip
        return self.client.post(reverse("admin:reports_value_add"), data)


class AdminWritePathTests(OneWritePathTestCase):
    def test_it_refuses_in_the_admin_a_figure_the_grid_refuses(self):
        response = self.add_in_admin(self.tanlinh, self.literacy, numerator="120", denominator="100")
        self.assertEqual(response.status_code, 200)  # the form again, with the grid's reason beside the field
        self.assertContains(response, "Tử số (120) không được lớn hơn mẫu số (100).")
        response = self.add_in_admin(self.tanlinh, self.people, value="12,5")
        self.assertContains(response, "không phải là số nguyên")
        self.assertFalse(Value.objects.exists())

    def test_it_refuses_in_the_admin_a_figure_at_the_wrong_level(self):
        # 5 people on the commune and 7 typed on its district would have counted 12 on the district.
        values_record(rows=[ValueRow(row=1, unit_code="09910", indicator_code="NGUOI_HOC", period="2024", value=5)],
                      user=self.reporter)  # fmt: skip
        response = self.add_in_admin(self.bavi, self.people, value="7")
        self.assertContains(response, "tổng hợp tự động")
        self.assertEqual(list(Value.objects.values_list("unit__code", "value")), [("09910", Decimal(5))])

    def test_it_saves_through_the_write_path_with_the_admin_path_and_the_vietnamese_number(self):
        response = self.add_in_admin(self.tanlinh, self.people, value="1.234")
        self.assertEqual(response.status_code, 302)
        value = Value.objects.get()
        self.assertEqual((value.value, value.entry_path, value.entered_by), (1234, EntryPath.ADMIN, self.admin))
        self.assertEqual(value.history.count(), 1)


class RollupGuardTests(OneWritePathTestCase):
    def test_it_ignores_a_value_already_stored_at_the_wrong_level(self):
        values_record(rows=[ValueRow(row=1, unit_code="09910", indicator_code="NGUOI_HOC", period="2024", value=5)],
                      user=self.reporter)  # fmt: skip
        # A stray value on the district, as the old admin let through (written around the write path on purpose).
        Value.objects.create(unit=self.bavi, indicator=self.people, period=self.period, value=7)
        figures = rollup(anchors=[self.bavi], period=self.period, indicators=[self.people])
        self.assertEqual(figures[(self.bavi.pk, self.people.pk)].value, 5)
        figures = rollup(anchors=[self.hanoi], period=self.period, indicators=[self.people])
        self.assertEqual(figures[(self.hanoi.pk, self.people.pk)].value, 5)


class DryRunTests(OneWritePathTestCase):
    def counts(self) -> dict[str, int]:
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    def test_it_leaves_every_table_unchanged_in_a_dry_run(self):
        rows = [
            ValueRow(row=1, unit_code="09910", indicator_code="NGUOI_HOC", period="2031Q2", value="12"),
            ValueRow(row=2, unit_code="09913", indicator_code="LIT", period="2031", numerator="9", denominator="10"),
        ]
        before = self.counts()
        result = values_record(rows=rows, user=self.district_officer, dry_run=True)
        self.assertEqual(result.errors, [])
        self.assertEqual(self.counts(), before)
        self.assertFalse(Period.objects.filter(code__in=["2031", "2031Q2"]).exists())  # not even a period
        result = values_record(rows=rows, user=self.district_officer)
        self.assertEqual(result.created, 2)  # the same rows, written for real, create the periods they need
        self.assertEqual(set(Period.objects.filter(code__startswith="2031").values_list("code", flat=True)),
                         {"2031", "2031Q2"})  # fmt: skip
