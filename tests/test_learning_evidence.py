"""Evidence uploads: photos and PDFs up to 10 MB, checked by extension and content; nothing saved otherwise."""

import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from learning.evidence import MAX_EVIDENCE_BYTES, evidence_add
from learning.models import Evaluation, Evidence, ModelKind, Subject
from learning.services import evaluations_open

from .base import PersonasTestCase
from .test_learning_scoring import points_set

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
PDF = b"%PDF-1.7\n" + b"0" * 100
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100


class EvidenceTests(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.set = points_set()
        Subject.objects.create(commune=cls.tanlinh, kind=ModelKind.FAMILY, name="Hộ ông Nguyễn Văn A")
        evaluations_open(commune=cls.tanlinh, kind=ModelKind.FAMILY, year=2024, user=cls.reporter)
        cls.evaluation = Evaluation.objects.get()
        cls.indicator = cls.set.indicators_list[0]

    def setUp(self):
        self.media = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=self.media)
        override.enable()
        self.addCleanup(override.disable)

    def add(self, name, content, user=None):
        return evidence_add(
            evaluation=self.evaluation,
            indicator=self.indicator,
            file=SimpleUploadedFile(name, content),
            user=user or self.reporter,
        )

    def stored_files(self):
        return [p for p in Path(self.media).rglob("*") if p.is_file()]

    def test_it_keeps_a_photo_and_a_pdf(self):
        self.add("ảnh góc học tập.png", PNG)
        self.add("giay-khen.pdf", PDF)
        self.assertEqual(
            sorted(Evidence.objects.values_list("original_name", flat=True)), ["giay-khen.pdf", "ảnh góc học tập.png"]
        )
        self.assertEqual(len(self.stored_files()), 2)

    def test_it_downloads_evidence_as_an_attachment_never_inline(self):
        evidence = self.add("bien-ban.pdf", PDF)
        self.client.force_login(self.district_officer)
        response = self.client.get(reverse("learning:evidence", args=[evidence.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Disposition"].startswith("attachment;"), response["Content-Disposition"])
        self.assertIn('filename="bien-ban.pdf"', response["Content-Disposition"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(b"".join(response.streaming_content), PDF)

    def test_it_refuses_what_it_must_and_saves_nothing(self):
        cases = [
            ("qua-lon.pdf", b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES, "vượt giới hạn 10,0\xa0MB"),
            ("bao-cao.docx", b"PK\x03\x04" + b"0" * 50, "chỉ là ảnh JPG, PNG hoặc tệp PDF"),
            ("chuong-trinh.exe", EXE, "chỉ là ảnh JPG, PNG hoặc tệp PDF"),
            ("that-ra-la-exe.pdf", EXE, "không phải PDF như phần mở rộng ghi"),
            ("anh.jpg", PNG, "không phải JPG"),
            ("rong.png", b"", "trống"),
        ]
        for name, content, message in cases:
            with self.subTest(name=name), self.assertRaises(ValidationError) as raised:
                self.add(name, content)
            self.assertIn(message, " ".join(raised.exception.messages).replace("10.0", "10,0"))
        self.assertFalse(Evidence.objects.exists())
        self.assertEqual(self.stored_files(), [])

    def test_it_refuses_evidence_from_outside_or_after_the_self_assessment(self):
        from django.core.exceptions import PermissionDenied

        with self.assertRaises(Evaluation.DoesNotExist):
            self.add("a.png", PNG, user=self.other_district_officer)
        with self.assertRaisesMessage(PermissionDenied, "không còn nhận thêm minh chứng"):
            self.add("a.png", PNG, user=self.district_officer)
        self.assertFalse(Evidence.objects.exists())
