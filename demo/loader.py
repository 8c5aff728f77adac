"""The demo: the reference data, real units, the five seed plans, one account per role, demo results and
learning models.

Everything here is idempotent, so `make run` can load it on every start.
"""

from __future__ import annotations

import dataclasses

from django.core.management import call_command
from django.db import transaction

from accounts.models import Role, User
from units.models import Agency, AgencyKind, Structure, Unit
from units.services import units_load
from units.sources import records

from .learning import learning_demo_load
from .plans import seed_plans_load
from .results import demo_values_load


@dataclasses.dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    unit_code: str | None
    agency_name: str | None
    full_name: str


DEMO_ACCOUNTS = [
    DemoAccount("demo-admin", Role.ADMINISTRATOR, None, None, "Quản trị hệ thống"),
    DemoAccount(
        "demo-province", Role.PROVINCE_REVIEWER, "01", "Sở Giáo dục và Đào tạo Hà Nội", "Chuyên viên Sở GD&ĐT Hà Nội"
    ),
    DemoAccount(
        "demo-district",
        Role.DISTRICT_OFFICER,
        "271",
        "Phòng Giáo dục và Đào tạo huyện Ba Vì",
        "Chuyên viên Phòng GD&ĐT Ba Vì",
    ),
    DemoAccount("demo-commune", Role.COMMUNE_REPORTER, "09628", "Ủy ban nhân dân xã Cổ Đô", "Cán bộ UBND xã Cổ Đô"),
    DemoAccount("demo-ytich", Role.COMMUNE_REPORTER, "06520", "Ủy ban nhân dân xã Y Tịch", "Cán bộ UBND xã Y Tịch"),
    # The association the Y Tịch plan asks to report (IV.1.d): an agency account, its own report only.
    DemoAccount(
        "demo-hkh-ytich", Role.AGENCY_REPORTER, "06520", "Hội Khuyến học xã", "Cán bộ Hội Khuyến học xã Y Tịch"
    ),
]

_AGENCY_KINDS = {
    "Sở Giáo dục": AgencyKind.EDUCATION_DEPARTMENT,
    "Phòng Giáo dục": AgencyKind.EDUCATION_OFFICE,
    "Ủy ban nhân dân": AgencyKind.PEOPLES_COMMITTEE,
    "Hội Khuyến học": AgencyKind.LEARNING_ASSOCIATION,
}


def _agency_kind(name: str) -> str:
    return next((kind for prefix, kind in _AGENCY_KINDS.items() if name.startswith(prefix)), AgencyKind.OTHER)


@transaction.atomic
def demo_accounts_load(*, password: str) -> list[DemoAccount]:
    legacy = Unit.objects.of_structure(Structure.LEGACY)
    for account in DEMO_ACCOUNTS:
        unit = legacy.get(code=account.unit_code) if account.unit_code else None
        agency = None
        if account.agency_name:
            agency, _ = Agency.objects.get_or_create(
                unit=unit, name=account.agency_name, defaults={"kind": _agency_kind(account.agency_name)}
            )
        user = User.objects.filter(username=account.username).first() or User(username=account.username)
        user.role, user.unit, user.agency = account.role, unit, agency
        user.first_name = account.full_name
        user.email = f"{account.username}@xhht.invalid"
        user.is_staff = user.is_superuser = account.role == Role.ADMINISTRATOR
        user.set_password(password)
        user.save()
    return DEMO_ACCOUNTS


def demo_load(*, password: str, stdout) -> list[DemoAccount]:
    """Load everything the demo needs, saying what on ``stdout`` (a command's output)."""
    call_command("load_reference_data", stdout=stdout)
    say = stdout.write
    for structure in (Structure.LEGACY, Structure.REFORM_2025):
        result = units_load(records=records(structure), structure=structure)
        say(f"Đơn vị hành chính ({structure}): tạo mới {result.created}, giữ nguyên {result.unchanged}")
    say(f"Kế hoạch mẫu: {seed_plans_load()}")
    accounts = demo_accounts_load(password=password)
    say(f"Kết quả mẫu (ngẫu nhiên, đánh dấu là dữ liệu mẫu): {demo_values_load()} giá trị mới")
    say(f"Mô hình học tập (dữ liệu mẫu): {learning_demo_load()}")
    return accounts
