"""Uploads are limited in size and type: a zip bomb disguised as .xlsx, a 1 GB CSV, a file of the wrong type
all get a clear Vietnamese refusal, read nothing big into memory and write nothing."""

from __future__ import annotations

import io
import shutil
import struct
import tempfile
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from core.uploads import ImportFileError
from indicators.models import Indicator, Measure
from reports.models import Value
from reports.services.importing import values_import

from .base import PersonasTestCase

GIB = 1 << 30
MIB = 1 << 20


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand from (name, raw deflate data, CRC-32, uncompressed size) members.

    zipfile would compress the gigabyte itself (seconds of CPU); writing the same small deflate stream many
    times makes a 1 MB file that honestly expands to 1 GiB, or one whose header lies about its size.
    """
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0))
        out.write(encoded + data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )  # fmt: skip
        )
        central.write(encoded)
    start, directory = out.tell(), central.getvalue()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0))
    return out.getvalue()


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def zip_bomb_xlsx() -> bytes:
    """About 1 MB that expands to 1 GiB: 1024 parts of 1 MiB of zeros each."""
    zeros = bytes(MIB)
    data, crc = _deflate(zeros), zlib.crc32(zeros)
    parts = [("[Content_Types].xml", data, crc, MIB)]
    parts += [(f"xl/worksheets/sheet{n}.xml", data, crc, MIB) for n in range(1, 1024)]
    return _zip(parts)


def lying_zip_bomb_xlsx() -> bytes:
    """A zip whose header says 1 kB while its only part inflates to 64 MiB (the size check alone would pass)."""
    zeros = bytes(64 * MIB)
    return _zip([("[Content_Types].xml", _deflate(zeros), zlib.crc32(zeros), 1000)])


class HugeUpload:
    """An uploaded file that says it is 1 GB and would stream 1 GB of CSV lines if asked (never on disk)."""

    def __init__(self, size: int | None = GIB):
        self.name = "rat-lon.csv"
        self.size = size
        self.chunks_read = 0

    def seek(self, position: int) -> None:
        pass

    def chunks(self, chunk_size: int = MIB):
        line = b"09910,CLC,2023,1,,,\n"
        chunk = b"unit_code,indicator_code,period,value\n" + line * (chunk_size // len(line))
        for _ in range(GIB // len(chunk) + 1):
            self.chunks_read += 1
            yield chunk


class EndlessStream(io.RawIOBase):
    """A binary stream with no size that never ends; ``read(n)`` gives n bytes."""

    def __init__(self):
        self.given = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            raise AssertionError("the importer asked for the whole endless stream")
        self.given += n
        return b"9" * n


class UploadTestCase(PersonasTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Indicator.objects.create(code="CLC", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT)

    def setUp(self):
        media = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)
        self.media = Path(media)
        self.client.force_login(self.reporter)

    def upload(self, name: str, data: bytes):
        return self.client.post(reverse("reports:import"), {"file": SimpleUploadedFile(name, data)})

    def assertRefused(self, response, message: str):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assertNotContains(response, 'name="confirm"')
        self.assertEqual(Value.objects.count(), 0)
        self.assertEqual(list(self.media.rglob("*.*")), [], "the refused file was left on disk")


class ZipBombTests(UploadTestCase):
    def test_it_refuses_an_xlsx_that_expands_to_a_gigabyte_before_opening_it(self):
        data = zip_bomb_xlsx()
        self.assertLess(len(data), 2 * MIB)
        self.assertRefused(self.upload("bom.xlsx", data), "Tệp Excel khi giải nén lớn 1,0")

    def test_it_refuses_a_zip_that_lies_about_its_size(self):
        self.assertRefused(
            self.upload("bom.xlsx", lying_zip_bomb_xlsx()),
            "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.",
        )

    def test_it_refuses_a_zip_bomb_named_csv(self):
        # The content decides: a zip is read as Excel whatever its name says.
        self.assertRefused(self.upload("so-lieu.csv", zip_bomb_xlsx()), "Tệp Excel khi giải nén lớn")


class OversizedFileTests(UploadTestCase):
    @override_settings(XHHT_MAX_UPLOAD_BYTES=1024)
    def test_it_refuses_a_csv_over_the_limit_in_the_form(self):
        data = b"unit_code,indicator_code,period,value\n" + b"09910,CLC,2023,1\n" * 200
        self.assertRefused(self.upload("lon.csv", data), "vượt giới hạn 1,0")

    def test_it_refuses_a_1_gb_upload_without_reading_it(self):
        upload = HugeUpload()
        with self.assertRaisesMessage(ImportFileError, "Tệp lớn 1,0"):
            values_import(upload, self.reporter)
        self.assertEqual(upload.chunks_read, 0)

    def test_it_stops_reading_an_upload_that_hides_its_size_at_the_limit(self):
        upload = HugeUpload(size=None)
        with self.assertRaisesMessage(ImportFileError, "hãy chia thành nhiều tệp nhỏ hơn"):
            values_import(upload, self.reporter)
        self.assertLessEqual(upload.chunks_read, 12)  # 10 MB limit, 1 MiB chunks: not the 1,024 a full read takes
        self.assertEqual(Value.objects.count(), 0)

    def test_it_reads_an_endless_stream_only_up_to_the_limit(self):
        stream = EndlessStream()
        with self.assertRaisesMessage(ImportFileError, "vượt giới hạn"):
            values_import(stream, self.reporter, name="vo-tan.csv")
        self.assertLessEqual(stream.given, 11 * MIB)

    def test_it_keeps_django_body_limits_below_the_import_limit(self):
        from django.conf import settings

        self.assertLessEqual(settings.FILE_UPLOAD_MAX_MEMORY_SIZE, settings.XHHT_MAX_UPLOAD_BYTES)
        self.assertLessEqual(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, 10 * MIB)


class WrongTypeTests(UploadTestCase):
    def test_it_accepts_only_csv_and_xlsx_names(self):
        for name in ("so-lieu.pdf", "so-lieu.exe", "so-lieu.html", "so-lieu", "so-lieu.csv.php"):
            with self.subTest(name=name):
                self.assertRefused(self.upload(name, b"unit_code,indicator_code,period,value\n"), "Chỉ nhận tệp CSV")

    def test_it_refuses_an_old_xls_and_an_image_named_xlsx(self):
        self.assertRefused(self.upload("cu.xlsx", b"\xd0\xcf\x11\xe0" + bytes(600)), "Excel cũ")
        png = b"\x89PNG\r\n\x1a\n" + bytes(100)
        self.assertRefused(self.upload("anh.xlsx", png), "Không đọc được tệp Excel")

    def test_it_refuses_html_or_a_script_named_csv_by_its_header(self):
        self.assertRefused(self.upload("trang.csv", b"<html><script>alert(1)</script></html>\n"), "Thiếu cột bắt buộc")

    def test_it_refuses_an_empty_file(self):
        response = self.upload("rong.csv", b"")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Value.objects.count(), 0)
        self.assertContains(response, "Tập tin được gửi là rỗng.")


class LearningRegisterUploadTests(UploadTestCase):
    """The learning register import (/hoc-tap/) shares the values import's limits: the same bombs are refused."""

    def upload(self, name: str, data: bytes):
        url = reverse("learning:register_import", args=[self.tanlinh.pk])
        return self.client.post(url, {"file": SimpleUploadedFile(name, data)})

    def assertRefusedRegister(self, response, message: str):
        from learning.models import Subject

        self.assertEqual(response.status_code, 400)
        self.assertContains(response, message, status_code=400)
        self.assertFalse(Subject.objects.exists())

    def test_it_refuses_a_zip_bomb(self):
        self.assertRefusedRegister(self.upload("so.xlsx", zip_bomb_xlsx()), "Tệp Excel khi giải nén")

    def test_it_refuses_a_lying_zip_bomb(self):
        self.assertRefusedRegister(self.upload("so.xlsx", lying_zip_bomb_xlsx()), "Không đọc được tệp Excel")

    @override_settings(XHHT_MAX_UPLOAD_BYTES=1024)
    def test_it_refuses_an_oversized_csv(self):
        self.assertRefusedRegister(
            self.upload("so.csv", b"name,head\n" + b"Ho Nguyen,Nguyen Van A\n" * 100), "vượt giới hạn"
        )


class UploadCeilingTests(UploadTestCase):
    """A file part past the ceiling is not spooled to disk; the form still refuses it by its real size."""

    def test_it_drops_the_bytes_past_the_ceiling_and_keeps_the_real_size(self):
        from core.uploads import CeilingUploadHandler

        handler = CeilingUploadHandler()
        with override_settings(XHHT_UPLOAD_CEILING_BYTES=3 * MIB):
            handler.new_file("file", "rat-lon.csv", "text/csv", GIB)
            chunk, start = b"9" * MIB, 0
            for _ in range(8):  # 8 MiB sent, 3 MiB allowed
                handler.receive_data_chunk(chunk, start)
                start += len(chunk)
                self.assertLessEqual(handler.file.tell(), 3 * MIB)
            uploaded = handler.file_complete(start)
        self.assertEqual(uploaded.size, 8 * MIB)
        self.assertEqual(uploaded.read(), b"")  # never a silently cut file
        uploaded.close()

    @override_settings(XHHT_MAX_UPLOAD_BYTES=1024, XHHT_UPLOAD_CEILING_BYTES=4096, FILE_UPLOAD_MAX_MEMORY_SIZE=1024)
    def test_it_refuses_a_file_past_the_ceiling_with_the_usual_message(self):
        data = b"unit_code,indicator_code,period,value\n" + b"09910,CLC,2023,1\n" * 5000  # ~85 kB
        self.assertRefused(self.upload("lon.csv", data), "vượt giới hạn 1,0")

    @override_settings(
        XHHT_MAX_UPLOAD_BYTES=100_000, XHHT_UPLOAD_CEILING_BYTES=200_000, FILE_UPLOAD_MAX_MEMORY_SIZE=1024
    )
    def test_it_still_takes_a_spooled_file_under_the_ceiling(self):
        data = b"unit_code,indicator_code,period,value\n" + b"09910,CLC,2023,1\n" * 100
        response = self.upload("vua.csv", data)  # ~1.8 kB: spooled to disk, read whole
        self.assertContains(response, "100 dòng số liệu")
