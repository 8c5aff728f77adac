"""The demo: the criteria sets, the registers of Cổ Đô and Y Tịch, Cổ Đô's families recognised in 2024."""

from django.test import TestCase

from accounts.models import Role
from demo.learning import learning_demo_load
from indicators.reference import indicators_load
from learning.models import Evaluation, RecognitionDecision, Status, Subject
from learning.reference import criteria_sets_load
from reports.models import EntryPath, Value
from units.models import UnitKind

from .factories import UserFactory, make_unit


class DemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        indicators_load()
        criteria_sets_load()
        hanoi = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        bavi = make_unit(hanoi, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT)
        cls.codo = make_unit(bavi, "09628", "Xã Cổ Đô")
        langson = make_unit(None, "20", "Tỉnh Lạng Sơn", UnitKind.PROVINCE)
        cls.ytich = make_unit(
            make_unit(langson, "185", "Huyện Chi Lăng", UnitKind.RURAL_DISTRICT), "06520", "Xã Y Tịch"
        )
        UserFactory(username="demo-commune", role=Role.COMMUNE_REPORTER, unit=cls.codo)
        UserFactory(username="demo-ytich", role=Role.COMMUNE_REPORTER, unit=cls.ytich)
        UserFactory(username="demo-district", role=Role.DISTRICT_OFFICER, unit=bavi)

    def test_it_loads_once_and_feeds_co_do(self):
        learning_demo_load()
        count = Subject.objects.count()
        self.assertIn("đối tượng mới 0", learning_demo_load())
        self.assertEqual(Subject.objects.count(), count)
        recognised = Evaluation.objects.filter(subject__commune=self.codo, status=Status.RECOGNISED).count()
        self.assertGreater(recognised, 30)
        self.assertEqual(RecognitionDecision.objects.get().evaluations.count(), recognised)
        value = Value.objects.get(unit=self.codo, indicator__code="LEARNING_FAMILY", period__code="2024")
        self.assertEqual((value.numerator, value.denominator, value.entry_path), (recognised, 60, EntryPath.EVALUATION))
        self.assertEqual(Evaluation.objects.filter(subject__commune=self.ytich, status=Status.DRAFT).count(), 80)
