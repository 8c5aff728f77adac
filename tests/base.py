"""The people of the tests.

Hà Nội (province) > Huyện Ba Vì (district) > Xã Tản Lĩnh, Xã Ba Trại (communes)
                  > Huyện Đông Anh (district) > Xã Cổ Loa (commune)
Tỉnh Lạng Sơn (another province) > Huyện Chi Lăng > Xã Y Tịch

- reporter: commune reporter of Xã Tản Lĩnh
- district_officer: officer of Phòng GD&ĐT Ba Vì, above the reporter
- other_district_officer: officer of Đông Anh, a sibling district
- province_reviewer: reviewer of Sở GD&ĐT Hà Nội
- other_province_reviewer: reviewer of Lạng Sơn
- admin: administrator, national scope
"""

from django.test import TestCase

from accounts.models import Role
from units.models import AgencyKind, UnitKind

from .factories import AgencyFactory, UserFactory, make_unit

PASSWORD = "password"


class PersonasTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hanoi = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
        cls.bavi = make_unit(cls.hanoi, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT)
        cls.tanlinh = make_unit(cls.bavi, "09910", "Xã Tản Lĩnh")
        cls.batrai = make_unit(cls.bavi, "09913", "Xã Ba Trại")
        cls.donganh = make_unit(cls.hanoi, "017", "Huyện Đông Anh", UnitKind.RURAL_DISTRICT)
        cls.coloa = make_unit(cls.donganh, "00499", "Xã Cổ Loa")
        cls.langson = make_unit(None, "20", "Tỉnh Lạng Sơn", UnitKind.PROVINCE)
        cls.chilang = make_unit(cls.langson, "185", "Huyện Chi Lăng", UnitKind.RURAL_DISTRICT)
        cls.ytich = make_unit(cls.chilang, "06187", "Xã Y Tịch")

        cls.so_gddt = AgencyFactory(
            unit=cls.hanoi, name="Sở Giáo dục và Đào tạo Hà Nội", kind=AgencyKind.EDUCATION_DEPARTMENT
        )
        cls.phong_bavi = AgencyFactory(
            unit=cls.bavi, name="Phòng Giáo dục và Đào tạo Ba Vì", kind=AgencyKind.EDUCATION_OFFICE
        )

        cls.reporter = UserFactory(username="reporter", role=Role.COMMUNE_REPORTER, unit=cls.tanlinh)
        cls.district_officer = UserFactory(
            username="district", role=Role.DISTRICT_OFFICER, unit=cls.bavi, agency=cls.phong_bavi
        )
        cls.other_district_officer = UserFactory(username="district2", role=Role.DISTRICT_OFFICER, unit=cls.donganh)
        cls.province_reviewer = UserFactory(
            username="province", role=Role.PROVINCE_REVIEWER, unit=cls.hanoi, agency=cls.so_gddt
        )
        cls.other_province_reviewer = UserFactory(username="province2", role=Role.PROVINCE_REVIEWER, unit=cls.langson)
        cls.admin = UserFactory(username="admin", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


def grid_data(response, changes: dict | None = None) -> dict:
    """What the entry grid's form posts, as the page shows it, with ``changes`` typed in:
    ``{"XMC_15_60": {"numerator": "120", "denominator": "100"}, "TTHTCD": {"not_applicable": True}}``.

    The page is a GET response of the grid (or a re-shown POST response, whose typed data is kept)."""
    formset = response.context["formset"]
    data = {}
    for name in formset.management_form.fields:
        data[formset.management_form.add_prefix(name)] = formset.management_form[name].value()
    for form in formset.forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
        for name, value in (changes or {}).get(form.row.indicator.code, {}).items():
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif value is False or value is None:
                data.pop(key, None)
            else:
                data[key] = value
    return data
