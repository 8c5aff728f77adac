"""The demo: the reference data, real units, the five seed plans, one account per role, demo results and
learning models.

Everything here is idempotent, so `make run` can load it on every start.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.core.management import call_command
from django.db import transaction

from accounts.models import Role, User
from plans.models import Plan
from plans.services import plan_carry_over
from units.agencies import agency_successors_load
from units.models import Agency, AgencyKind, Structure, Unit
from units.services import units_load
from units.sources import records

from .emulation import emulation_demo_load
from .learning import learning_demo_load
from .plans import seed_plan, seed_plans_load
from .results import demo_values_load


@dataclasses.dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    unit_code: str | None
    agency_name: str | None
    full_name: str
    structure: str = Structure.REFORM_2025  # the structure the unit's code is read in


#: The main accounts work in today's structure (from 1/7/2025); demo-district keeps the history of the
#: three-level one (its district, Ba Vì, ended on 30/6/2025). README's table says which account shows what.
DEMO_ACCOUNTS = [
    DemoAccount("demo-admin", Role.ADMINISTRATOR, None, None, "Quản trị hệ thống"),
    DemoAccount(
        "demo-province", Role.PROVINCE_REVIEWER, "01", "Sở Giáo dục và Đào tạo Hà Nội", "Chuyên viên Sở GD&ĐT Hà Nội"
    ),
    DemoAccount(
        "demo-hungyen",
        Role.PROVINCE_REVIEWER,
        "33",
        "Sở Giáo dục và Đào tạo Hưng Yên",
        "Chuyên viên Sở GD&ĐT Hưng Yên",
    ),
    DemoAccount("demo-commune", Role.COMMUNE_REPORTER, "09634", "Ủy ban nhân dân xã Cổ Đô", "Cán bộ UBND xã Cổ Đô"),
    DemoAccount(
        "demo-vanlinh", Role.COMMUNE_REPORTER, "06505", "Ủy ban nhân dân xã Vạn Linh", "Cán bộ UBND xã Vạn Linh"
    ),
    DemoAccount(
        "demo-district",
        Role.DISTRICT_OFFICER,
        "271",
        "Phòng Giáo dục và Đào tạo huyện Ba Vì",
        "Chuyên viên Phòng GD&ĐT Ba Vì (đến 30/6/2025)",
        Structure.LEGACY,
    ),
    DemoAccount(
        "demo-codo-cu",
        Role.COMMUNE_REPORTER,
        "09628",
        "Ủy ban nhân dân xã Cổ Đô",
        "Cán bộ UBND xã Cổ Đô cũ, huyện Ba Vì (đến 30/6/2025)",
        Structure.LEGACY,
    ),
    # The association the Y Tịch plan asks to report (IV.1.d): an agency account, its own report only (2021-2024:
    # Y Tịch closed on 30/6/2025).
    DemoAccount(
        "demo-hkh-ytich",
        Role.AGENCY_REPORTER,
        "06520",
        "Hội Khuyến học xã",
        "Cán bộ Hội Khuyến học xã Y Tịch",
        Structure.LEGACY,
    ),
]
#: Seed plans of closed units carried over to their successor, as the successor's reviewer would
#: (``plans.services.plan_carry_over``): Y Tịch's 2021-2030 plan to Vạn Linh. (Legacy Hưng Yên's KH 74 ran
#: 2012-2020: nothing to carry over; Củ Chi's plan is left for the administrator to try.)
CARRY_OVERS = [
    {"seed": "y_tich", "successor": "06505", "date": datetime.date(2025, 7, 1),
     "legal_basis": "Dữ liệu mẫu: UBND xã Vạn Linh tiếp tục thực hiện theo NQ 190/2025/QH15"},
]  # fmt: skip

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
    for account in DEMO_ACCOUNTS:
        unit = Unit.objects.of_structure(account.structure).get(code=account.unit_code) if account.unit_code else None
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
    User.objects.filter(username__in=RETIRED_ACCOUNTS).update(is_active=False)
    return DEMO_ACCOUNTS


#: Accounts of earlier demos whose unit closed on 30/6/2025 (their successor's account replaces them).
RETIRED_ACCOUNTS = ["demo-ytich"]


def demo_carry_over() -> list[str]:
    """The successors continue the plans of closed units (once: a second run finds them carried over)."""
    admin = User.objects.get(username="demo-admin")
    done = []
    for row in CARRY_OVERS:
        old = seed_plan(row["seed"])
        successor = Unit.objects.of_structure(Structure.REFORM_2025).filter(code=row["successor"]).first()
        if old is None or successor is None or Plan.objects.filter(continues=old, unit=successor).exists():
            continue
        result = plan_carry_over(plan=old, successor=successor, legal_basis=row["legal_basis"], date=row["date"],
                                 user=admin)  # fmt: skip
        done.append(f"{old.number or row['seed']} → {successor}: {result.targets_copied} chỉ tiêu")
    return done


def demo_load(*, password: str, stdout) -> list[DemoAccount]:
    """Load everything the demo needs, saying what on ``stdout`` (a command's output)."""
    call_command("load_reference_data", stdout=stdout)
    say = stdout.write
    for structure in (Structure.LEGACY, Structure.REFORM_2025):
        result = units_load(records=records(structure), structure=structure)
        say(f"Đơn vị hành chính ({structure}): tạo mới {result.created}, giữ nguyên {result.unchanged}")
    say(f"Kế hoạch mẫu: {seed_plans_load()}")
    accounts = demo_accounts_load(password=password)
    say(f"Cơ quan giải thể, hợp nhất năm 2025: {agency_successors_load()}")
    say(f"Kế hoạch được kế thừa: {'; '.join(demo_carry_over()) or 'đã có'}")
    say(f"Kết quả mẫu (ngẫu nhiên, đánh dấu là dữ liệu mẫu): {demo_values_load()} giá trị mới")
    say(f"Mô hình học tập (dữ liệu mẫu): {learning_demo_load()}")
    say(f"Kết quả thi đua (dữ liệu mẫu): {emulation_demo_load()} kết quả mới")
    return accounts
