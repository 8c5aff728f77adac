"""The learning pages as each persona uses them: the commune's board, the form with evidence, bulk
actions, the decision, and the recognised shares by child unit for upper levels."""

import datetime
import io
import shutil
import tempfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from indicators.reference import indicators_load
from learning.models import Evaluation, Evidence, ModelKind, RecognitionDecision, Status, Subject

from .base import PASSWORD, PersonasTestCase
from .factories import make_unit
from .test_learning_evidence import EXE, PNG
from .test_learning_feed import register
from .test_learning_scoring import points_set


def act(self, board_url: str, action: str, data: dict):
    """Press one of the board's buttons: each action posts the board's form to its own URL."""
    match = resolve(board_url)
    return self.client.post(reverse(f"learning:board_{action}", kwargs=match.kwargs), data)


class LearningPagesTests(PersonasTestCase):
    act = act

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        cls.set = points_set()
        register(cls.tanlinh, 4)
        cls.board = reverse("learning:board", args=[cls.tanlinh.pk, 2024])

    def setUp(self):
        media = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)

    def login(self, user):
        self.client.login(username=user.username, password=PASSWORD)

    def score(self, evaluation, first, second):
        ids = [i.pk for i in self.set.indicators_list]
        return self.client.post(
            reverse("learning:evaluation_scores", args=[evaluation.pk]),
            {f"diem-{ids[0]}": first, f"diem-{ids[1]}": second, f"ghichu-{ids[0]}": "Có góc học tập"},
        )

    def test_it_walks_a_commune_through_evaluation_to_the_decision(self):
        self.login(self.reporter)
        response = self.client.get(self.board)
        self.assertContains(response, "Mở phiếu đánh giá cho 4 đối tượng chưa có phiếu")
        self.assertContains(response, "Nội dung minh họa", count=0)  # the test set is not illustrative
        self.act(self.board, "open", {"loai": "family"})
        evaluations = list(Evaluation.objects.order_by("pk"))
        self.assertEqual(len(evaluations), 4)

        for e, (a, b) in zip(evaluations, [("50", "40"), ("45", "40"), ("40", "40"), ("20", "10")], strict=True):
            self.assertEqual(self.score(e, a, b).status_code, 302)
        page = self.client.get(reverse("learning:evaluation", args=[evaluations[0].pk]))
        self.assertContains(page, "Tốt")
        response = self.score(evaluations[0], "51", "40")
        self.assertContains(response, "Điểm phải từ 0 đến 50", status_code=400)
        response = self.score(evaluations[0], "abc", "40")
        self.assertContains(response, "&#x27;abc&#x27; không phải là số.", status_code=400)  # core.numbers
        for nan in ("NaN", "sNaN", "-NaN", "Infinity"):  # a number field never answers 500 (core.numbers)
            self.assertContains(self.score(evaluations[0], nan, "40"), "không phải là số", status_code=400)

        url = reverse("learning:evaluation_evidence", args=[evaluations[0].pk])
        indicator = self.set.indicators_list[0].pk
        self.client.post(url, {"indicator": indicator, "file": SimpleUploadedFile("anh.png", PNG)})
        response = self.client.post(url, {"indicator": indicator, "file": SimpleUploadedFile("ho-so.pdf", EXE)})
        self.assertContains(response, "không phải PDF như phần mở rộng ghi", status_code=400)
        self.assertEqual(list(Evidence.objects.values_list("original_name", flat=True)), ["anh.png"])
        evidence = Evidence.objects.get()
        self.assertEqual(self.client.get(reverse("learning:evidence", args=[evidence.pk])).status_code, 200)

        self.act(self.board, "self_assess", {"loai": "family", "tat_ca": "1"})
        self.assertEqual(Evaluation.objects.filter(status=Status.SELF_ASSESSED).count(), 4)
        response = self.act(self.board, "check", {"loai": "family", "tat_ca": "1"})
        self.assertContains(response, "cấp trên", status_code=403)

        self.login(self.other_district_officer)
        self.assertEqual(self.client.get(self.board).status_code, 404)
        self.assertEqual(self.client.get(reverse("learning:evaluation", args=[evaluations[0].pk])).status_code, 404)
        self.assertEqual(self.client.post(url, {"indicator": indicator}).status_code, 404)
        self.assertEqual(self.client.get(reverse("learning:evidence", args=[evidence.pk])).status_code, 404)

        self.login(self.district_officer)
        ticked = [e.pk for e in evaluations]
        self.act(self.board, "check", {"loai": "family", "chon": ticked})
        self.assertEqual(Evaluation.objects.filter(status=Status.CHECKED).count(), 4)

        self.login(self.reporter)
        decision = {
            "number": "15/QĐ-UBND",
            "issued_on": "2024-12-10",
            "signer_title": "Chủ tịch",
            "signer_name": "Nguyễn Văn An",
            "place": "Tản Lĩnh",
        }
        response = self.act(self.board, "recognise", {"loai": "family", "chon": ticked, **decision})
        made = RecognitionDecision.objects.get()
        self.assertRedirects(response, reverse("learning:decision", args=[made.pk]))
        page = self.client.get(reverse("learning:decision", args=[made.pk]))
        self.assertContains(page, "15/QĐ-UBND")
        self.assertContains(page, "Công nhận 3 đối tượng")
        board = self.client.get(self.board)
        self.assertContains(board, "75,0 %")  # 3 recognised of 4 on the register
        self.assertContains(board, "15/QĐ-UBND")

    def test_it_refuses_a_tick_outside_the_commune(self):
        other = Subject.objects.create(commune=self.coloa, kind=ModelKind.FAMILY, name="Hộ Cổ Loa")
        evaluation = Evaluation.objects.create(subject=other, year=2024, criteria_set=self.set)
        self.login(self.reporter)
        response = self.act(self.board, "self_assess", {"loai": "family", "chon": [evaluation.pk]})
        self.assertEqual(response.status_code, 404)

    def test_it_imports_the_register_from_a_file(self):
        self.login(self.reporter)
        url = reverse("learning:register_import", args=[self.tanlinh.pk])
        response = self.client.post(url, {"file": SimpleUploadedFile("ds.csv", "loai,ten\nGia đình,\n".encode())})
        self.assertContains(response, "Dòng 2: thiếu tên.", status_code=400)
        self.client.post(
            url, {"file": SimpleUploadedFile("ds.csv", "loai,ten,thon\nGia đình,Hộ mới,Thôn 3\n".encode())}
        )
        self.assertTrue(Subject.objects.filter(name="Hộ mới", address="Thôn 3").exists())

    def test_it_shows_upper_levels_the_shares_by_child_unit_in_a_fixed_number_of_queries(self):
        self.login(self.province_reviewer)
        url = reverse("learning:shares", args=[self.hanoi.pk, 2024])
        self.client.get(url)
        with CaptureQueriesContext(connection) as before:
            response = self.client.get(url)
        self.assertContains(response, "Huyện Ba Vì")
        for n in range(6):
            make_unit(self.donganh, f"0050{n}", f"Xã mới {n}")
            make_unit(self.hanoi, f"9{n:02d}", f"Huyện mới {n}", "rural_district")
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(url)
        self.assertContains(response, "Huyện mới 5")
        self.assertEqual(len(before), len(after))
        self.login(self.other_province_reviewer)
        self.assertEqual(self.client.get(url).status_code, 404)


class DecisionPdfTests(PersonasTestCase):
    act = act

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        points_set()
        register(cls.tanlinh, 3)
        from learning.services import (
            evaluation_check,
            evaluation_self_assess,
            evaluations_open,
            recognition_decision_issue,
        )

        from .test_learning_feed import PASS, scores_for
        from .test_learning_workflow import DECISION

        evaluations_open(commune=cls.tanlinh, kind=ModelKind.FAMILY, year=2024, user=cls.reporter)
        evaluations = list(Evaluation.objects.select_related("criteria_set"))
        scores_for(evaluations, [PASS])
        ids = [e.pk for e in evaluations]
        evaluation_self_assess(evaluations=ids, user=cls.reporter)
        evaluation_check(evaluations=ids, user=cls.district_officer)
        cls.decision = recognition_decision_issue(
            evaluations=ids,
            user=cls.reporter,
            issued_on=datetime.date(2024, 2, 5),
            place="Tản Lĩnh",
            superior_body="UBND huyện Ba Vì",
            **DECISION,
        )

    def test_it_prints_the_decision_in_the_official_layout(self):
        from pypdf import PdfReader

        self.client.login(username=self.reporter.username, password=PASSWORD)
        response = self.client.get(reverse("learning:decision_pdf", args=[self.decision.pk]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        text = " ".join(text.split())
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 15/QĐ-UBND",
            "Tản Lĩnh, ngày 05 tháng 02 năm 2024",
            "QUYẾT ĐỊNH",
            "Gia đình học tập",
            "Công nhận 3 đối tượng",
            "Hộ 0",
            "Nguyễn Văn An",
            "TM. ỦY BAN NHÂN DÂN XÃ TẢN LĨNH",
        ]:
            self.assertIn(expected, text)
        self.client.login(username=self.other_district_officer.username, password=PASSWORD)
        self.assertEqual(self.client.get(reverse("learning:decision_pdf", args=[self.decision.pk])).status_code, 404)


class BoardErrorsTests(PersonasTestCase):
    act = act

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        points_set()
        register(cls.tanlinh, 2)

    def test_it_explains_a_refused_bulk_action_without_a_500(self):
        self.client.login(username=self.reporter.username, password=PASSWORD)
        board = reverse("learning:board", args=[self.tanlinh.pk, 2024])
        self.act(board, "open", {"loai": "family"})
        response = self.act(board, "self_assess", {"loai": "family", "tat_ca": "1"})
        self.assertContains(response, "Chưa chấm đủ các chỉ số", status_code=400)
        response = self.act(board, "self_assess", {"loai": "family"})
        self.assertContains(response, "Chưa chọn đối tượng nào.", status_code=400)
        # Each action has its URL; the board itself takes no POST.
        self.assertEqual(self.client.post(board, {"action": "xoa", "loai": "family"}).status_code, 405)
        self.assertEqual(self.client.get(reverse("learning:board", args=[self.bavi.pk, 2024])).status_code, 404)


class FeedActionTests(PersonasTestCase):
    act = act

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()
        points_set()
        register(cls.tanlinh, 6)

    def test_it_writes_the_register_into_the_indicator_on_demand(self):
        from reports.models import Value

        board = reverse("learning:board", args=[self.tanlinh.pk, 2024])
        self.client.login(username=self.reporter.username, password=PASSWORD)
        self.assertContains(self.client.get(board), "Cập nhật số liệu chỉ tiêu từ sổ theo dõi")
        self.act(board, "feed", {"loai": "family"})
        value = Value.objects.get(unit=self.tanlinh, indicator__code="LEARNING_FAMILY", period__code="2024")
        self.assertEqual((value.numerator, value.denominator), (0, 6))
        self.client.login(username=self.other_district_officer.username, password=PASSWORD)
        self.assertEqual(self.act(board, "feed", {"loai": "family"}).status_code, 404)
