"""National-scale data for the load test, in its own PostgreSQL database (``xhht_load``).

The same data as ``benchmarks/rollup.py --postgres`` (the legacy tree of ~10,000 communes, 32 indicators,
one 2024 value per commune and indicator written with COPY, Hà Nội's 2023 values (2021-2023 closed, their roll-up
stored), a Hà Nội plan with 2025
targets), plus people with passwords for locust: 50 commune reporters of Hà Nội communes, the officers of
their districts, a Hà Nội province reviewer and an administrator. ``loadtest/personas.json`` lists them.

Run: .venv/bin/python loadtest/build_data.py        (drops and recreates xhht_load on 127.0.0.1:5432)
"""

import io
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_URL = PG_ADMIN_URL.rsplit("/", 1)[0] + "/xhht_load"
PASSWORD = "tai-thu-2025"
REPORTERS = 50

sys.path.insert(0, str(ROOT))
for name, value in {"SECRET_KEY": "loadtest", "DEBUG": "0", "STATIC_MANIFEST": "0"}.items():
    os.environ.setdefault(name, value)
subprocess.run(["psql", PG_ADMIN_URL, "-qc", "DROP DATABASE IF EXISTS xhht_load"], check=True)
subprocess.run(["psql", PG_ADMIN_URL, "-qc", "CREATE DATABASE xhht_load"], check=True)
os.environ["DATABASE_URL"] = PG_URL
os.environ["DJANGO_SETTINGS_MODULE"] = "xhht.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from plans.periods import period_get_or_create  # noqa: E402
from reports.models import EntryPath  # noqa: E402
from units.models import Level, Structure, Unit  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from _setup import bench_catalogue, bench_plan, value_fields  # noqa: E402

from units.services import units_load  # noqa: E402
from units.sources import records  # noqa: E402

start = time.perf_counter()
call_command("migrate", verbosity=0)
rng = random.Random(2025)
units_load(records=records(Structure.LEGACY), structure=Structure.LEGACY)
legacy = Unit.objects.of_structure(Structure.LEGACY)
communes = list(legacy.at_level(Level.COMMUNE).order_by("path").values_list("pk", "code", "path"))

indicators, derived = bench_catalogue()
period = period_get_or_create(code="2024")
previous = period_get_or_create(code="2023")


hanoi = legacy.get(code="01")
now = timezone.now().isoformat()
buffer = io.StringIO()
count = 0
for unit_id, _code, path in communes:
    for indicator in indicators:
        if rng.random() < 0.05:
            continue
        periods = [period, previous] if path.startswith(hanoi.path) else [period]
        for p in periods:
            cells = [unit_id, indicator.pk, p.pk, *value_fields(indicator, rng)]
            cells[-1] = "t" if cells[-1] else "f"
            buffer.write("\t".join("\\N" if c is None else str(c) for c in cells))
            buffer.write(f"\t\t{EntryPath.DEMO}\t{now}\t1\n")
            count += 1
buffer.seek(0)
with connection.cursor() as cursor:
    cursor.cursor.copy_expert(
        "COPY reports_value (unit_id, indicator_id, period_id, value, numerator, denominator, "
        "not_applicable, comment, entry_path, updated_at, version) FROM STDIN",
        buffer,
    )
    cursor.execute("VACUUM ANALYZE")

plan = bench_plan(hanoi, "Kế hoạch thử tải", indicators + derived)

# People: reporters of 50 Hà Nội communes (one per district first), their district officers, a reviewer, an admin.
hanoi_communes = list(legacy.at_level(Level.COMMUNE).filter(path__startswith=hanoi.path).select_related("parent"))
rng.shuffle(hanoi_communes)
chosen = hanoi_communes[:REPORTERS]
people = {"password": PASSWORD, "reporters": [], "district_officers": [], "province_reviewers": [], "admins": []}


def person(username: str, **fields) -> User:
    user = User(username=username, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


for n, commune in enumerate(chosen):
    person(f"load-reporter-{n}", role=Role.COMMUNE_REPORTER, unit=commune)
    people["reporters"].append({"username": f"load-reporter-{n}", "unit_id": commune.pk})
for n, district_id in enumerate(sorted({c.parent_id for c in chosen})):
    person(f"load-district-{n}", role=Role.DISTRICT_OFFICER, unit_id=district_id)
    people["district_officers"].append({"username": f"load-district-{n}", "unit_id": district_id})
person("load-province", role=Role.PROVINCE_REVIEWER, unit=hanoi)
people["province_reviewers"].append({"username": "load-province", "unit_id": hanoi.pk})
person("load-admin", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
people["admins"].append({"username": "load-admin", "unit_id": None})
# The years before 2024 are closed, as they would be in the field: their roll-up is stored (the progress of the
# roll-up pages reads them), 2024 stays open for the reporters.
from plans.models import Period  # noqa: E402
from reports.services.aggregates import period_close  # noqa: E402

for closed in Period.objects.filter(code__in=["2021", "2022", "2023"]):
    period_close(period=closed)
people["indicators"] = {i.pk: i.measure for i in indicators}
people["period"] = period.code
people["values"] = count
people["units"] = Unit.objects.count()
(Path(__file__).parent / "personas.json").write_text(json.dumps(people, indent=1))
print(f"units {people['units']}, values {count}, built in {time.perf_counter() - start:.0f} s", flush=True)
