"""The real administrative units of both structures and their lineage, as ``load_units`` loads them, for tests
that follow the 2025 reform on real data (about 3 s per test class)."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import TestCase

from units.models import Structure, Unit


def load_both_structures() -> None:
    for structure in (Structure.LEGACY, Structure.REFORM_2025):
        call_command("load_units", "--structure", structure, stdout=StringIO())


def legacy_unit(code: str) -> Unit:
    return Unit.objects.of_structure(Structure.LEGACY).get(code=code)


def new_unit(code: str) -> Unit:
    return Unit.objects.of_structure(Structure.REFORM_2025).get(code=code)


class NationalTestCase(TestCase):
    """Both trees of the whole country; Vạn Linh (2025 commune 06505 of Lạng Sơn) was formed from the legacy
    communes Vạn Linh (06505), Hòa Bình (06508) and Y Tịch (06520) of Huyện Chi Lăng."""

    @classmethod
    def setUpTestData(cls):
        load_both_structures()
        cls.vanlinh = new_unit("06505")
        cls.ytich = legacy_unit("06520")
        cls.old_vanlinh = legacy_unit("06505")
        cls.hoabinh = legacy_unit("06508")
        cls.chilang = legacy_unit("187")
        cls.langson = new_unit("20")  # one unit across both structures

    @classmethod
    def setUpClass(cls):
        """After the class's data is in (inside its transaction), PostgreSQL's planner is told how big the tables
        now are: without statistics it plans the roll-up over 13,000 units as if the tables were empty (a nested
        loop of minutes instead of a hash join of milliseconds). ANALYZE sees the transaction's own rows."""
        super().setUpClass()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
