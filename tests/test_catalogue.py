"""The indicator catalogue, reference data loaded from indicators/data/catalogue.yaml."""

from django.test import TestCase

from core.datafiles import data_file_read
from indicators.models import Indicator, Measure, StandardThreshold
from indicators.reference import CATALOGUE, indicators_load
from units.models import Level

INDICATORS = data_file_read(CATALOGUE)["indicators"]


class CatalogueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        indicators_load()

    def test_it_loads_every_indicator_once(self):
        self.assertEqual(Indicator.objects.count(), len(INDICATORS))
        indicators_load()
        self.assertEqual(Indicator.objects.count(), len(INDICATORS))

    def test_it_keeps_the_wording_of_the_plans(self):
        self.assertEqual(Indicator.objects.get(code="XMC2_15_60").name, "Tỷ lệ người trong độ tuổi 15-60 biết chữ")
        self.assertEqual(Indicator.objects.get(code="LEARNING_FAMILY").measure, Measure.RATIO)

    def test_it_keeps_the_official_thresholds_as_data(self):
        self.assertTrue(StandardThreshold.objects.filter(level=Level.DISTRICT).exists())
        for t in StandardThreshold.objects.all():
            self.assertTrue(0 <= t.min_percent <= 100)
