"""The pages of a closed period against the same pages live, on the data set ``benchmarks/rollup.py --postgres``
left in ``xhht_bench_rollup`` (2021-2024 closed, their roll-up stored): Hà Nội's roll-up page (30 districts) and
the country's (63 provinces), through the test client, stored and live alternately so that the machine's load
weighs on both alike. Goals: ≤ 50 ms and ≤ 100 ms server time for a closed period.

Run: .venv/bin/python benchmarks/rollup_closed.py      (after benchmarks/rollup.py --postgres)
"""

import os
import statistics
import sys
import time

import _setup

REPEAT = 7

sys.path.insert(0, str(_setup.ROOT))
for name, value in {"SECRET_KEY": "benchmark", "DEBUG": "0", "STATIC_MANIFEST": "0", "SECURE_SSL_REDIRECT": "0",
                    "SECURE_COOKIES": "0", "AXES_ENABLED": "0", "ALLOWED_HOSTS": "testserver"}.items():  # fmt: skip
    os.environ.setdefault(name, value)
os.environ["DATABASE_URL"] = _setup.PG_ADMIN_URL.rsplit("/", 1)[0] + "/xhht_bench_rollup"
os.environ["DJANGO_SETTINGS_MODULE"] = "xhht.settings"
import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from indicators.models import Indicator  # noqa: E402
from plans.models import Period  # noqa: E402
from reports.models import Aggregate  # noqa: E402
from reports.rollup import rollup  # noqa: E402
from units.models import Level, Structure, Unit  # noqa: E402

period = Period.objects.get(code="2024")
assert period.is_closed and Aggregate.objects.filter(period=period).exists(), "run benchmarks/rollup.py first"
reviewer = User.objects.get(username="bench-province")
admin = User.objects.get(username="bench-admin")
pages = {
    f"province page ({reviewer.unit.name}, 30 districts)": (reviewer, f"/bao-cao/tong-hop/{reviewer.unit_id}/2024/"),
    "country page (Việt Nam, 63 provinces)": (admin, f"/bao-cao/tong-hop/{Unit.objects.get(depth=1).pk}/2024/"),
}
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT pg_size_pretty(pg_total_relation_size('reports_aggregate')), count(*) FROM reports_aggregate"
    )
    size, rows = cursor.fetchone()
print(f"stored roll-up: {rows:,} rows ({size}) for the closed periods; load {os.getloadavg()[0]:.1f}")


def timed(client, url) -> float:
    began = time.perf_counter()
    assert client.get(url).status_code == 200
    return (time.perf_counter() - began) * 1000


for label, (user, url) in pages.items():
    client = Client()
    client.force_login(user)
    client.get(url)
    stored, live = [], []
    for _ in range(REPEAT):
        Period.objects.filter(pk=period.pk).update(is_closed=True)
        stored.append(timed(client, url))
        Period.objects.filter(pk=period.pk).update(is_closed=False)  # the same page, rolled up live
        live.append(timed(client, url))
    Period.objects.filter(pk=period.pk).update(is_closed=True)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    print(
        f"{label}: closed {statistics.median(stored):.0f} ms ({len(queries)} queries; runs "
        f"{', '.join(f'{t:.0f}' for t in stored)}), live {statistics.median(live):.0f} ms; load {os.getloadavg()[0]:.1f}"
    )

# rollup() of every province and district (the whole country's figures), stored against live.
legacy = Unit.objects.of_structure(Structure.LEGACY)
levels = [list(legacy.at_level(level).order_by("path")) for level in (Level.PROVINCE, Level.DISTRICT)]
indicators = list(Indicator.objects.all())
stored, live = [], []
for _ in range(5):
    for closed, into in ((True, stored), (False, live)):
        Period.objects.filter(pk=period.pk).update(is_closed=closed)
        period.refresh_from_db()
        began = time.perf_counter()
        for anchors in levels:
            rollup(anchors=anchors, period=period, indicators=indicators)
        into.append((time.perf_counter() - began) * 1000)
Period.objects.filter(pk=period.pk).update(is_closed=True)
print(
    f"rollup() of {sum(map(len, levels))} provinces and districts x {len(indicators)} indicators: closed "
    f"{statistics.median(stored):.0f} ms, live {statistics.median(live):.0f} ms (median of 5); load {os.getloadavg()[0]:.1f}"
)
