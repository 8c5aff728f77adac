"""The commune's register from a file: thousands of families at once, all or nothing, Vietnamese errors."""

import io

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from core.uploads import ImportFileError
from learning.importing import subjects_import
from learning.models import ModelKind, Subject

from .base import PersonasTestCase


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class SubjectsImportTests(PersonasTestCase):
    def load(self, name, content, user=None):
        return subjects_import(commune=self.tanlinh, file=SimpleUploadedFile(name, content), user=user or self.reporter)

    def test_it_loads_3000_families_from_excel(self):
        rows = [["Mã hộ", "Loại", "Tên", "Chủ hộ", "Thôn"]]
        rows += [
            [f"H{n:04d}", "Gia đình", f"Hộ gia đình {n}", f"Chủ hộ {n}", f"Thôn {n % 12 + 1}"] for n in range(3000)
        ]
        rows.append(["DH01", "dòng họ", "Dòng họ Nguyễn", "Nguyễn Văn Tộc", "Thôn 1"])
        result = self.load("so-theo-doi.xlsx", xlsx(rows))
        self.assertEqual((result.created, result.updated), (3001, 0))
        self.assertEqual(Subject.objects.filter(commune=self.tanlinh, kind=ModelKind.FAMILY).count(), 3000)
        # a second import with the same codes updates instead of duplicating
        result = self.load("so-theo-doi.xlsx", xlsx(rows[:2]))
        self.assertEqual((result.created, result.updated), (0, 1))

    def test_it_refuses_the_whole_file_with_row_errors(self):
        csv = "loai,ten,ma\nGia đình,Hộ A,1\nnhà văn hóa,Hộ B,2\nGia đình,,3\nGia đình,Hộ D,1\n".encode()
        result = self.load("ds.csv", csv)
        self.assertEqual(
            result.errors,
            [
                "Dòng 3: loại mô hình “nhà văn hóa” không hợp lệ (gia đình, dòng họ, cộng đồng, đơn vị, công dân).",
                "Dòng 4: thiếu tên.",
                "Dòng 5: mã 1 trùng với dòng 2.",
            ],
        )
        self.assertFalse(Subject.objects.exists())

    def test_it_refuses_a_wrong_file(self):
        for name, content, message in [
            ("ds.docx", b"abc", "Chỉ nhận tệp CSV"),
            ("ds.csv", "ten\nHộ A\n".encode(), "Thiếu cột bắt buộc: kind"),
            ("ds.csv", "loai,ten\n".encode("utf-16"), "không phải mã UTF-8"),
            ("ds.xlsx", b"PK\x03\x04broken", "Không đọc được tệp Excel"),
        ]:
            with self.subTest(name=name), self.assertRaisesMessage(ImportFileError, message):
                self.load(name, content)

    def test_it_keeps_the_register_to_the_commune(self):
        with self.assertRaisesMessage(PermissionDenied, "Sổ theo dõi do xã cập nhật"):
            self.load("ds.csv", b"loai,ten\nfamily,A\n", user=self.district_officer)
        with self.assertRaisesMessage(PermissionDenied, "ngoài phạm vi"):
            self.load("ds.csv", b"loai,ten\nfamily,A\n", user=self.other_district_officer)


class RegisterCommandTests(PersonasTestCase):
    def test_it_imports_from_the_command_line_and_reports_row_errors(self):
        import tempfile
        from pathlib import Path

        from django.core.management import CommandError, call_command

        with tempfile.TemporaryDirectory() as folder:
            good, bad = Path(folder, "ds.csv"), Path(folder, "sai.csv")
            good.write_text("loai,ten,ma\nGia đình,Hộ A,1\nDòng họ,Dòng họ Lê,2\n", encoding="utf-8")
            bad.write_text("loai,ten\nGia đình,\n", encoding="utf-8")
            out = io.StringIO()
            call_command("import_learning_register", str(good), commune="09910", user="reporter", stdout=out)
            self.assertIn("thêm 2", out.getvalue())
            with self.assertRaisesMessage(CommandError, "1 lỗi"):
                call_command(
                    "import_learning_register", str(bad), commune="09910", user="reporter", stderr=io.StringIO()
                )
            with self.assertRaisesMessage(CommandError, "Không có xã mã '00499'"):
                call_command("import_learning_register", str(good), commune="00499", user="reporter")
        self.assertEqual(Subject.objects.count(), 2)
