"""Time to load the legacy unit tree, and to fetch a province's descendants and a commune's ancestors.

Run: .venv/bin/python benchmarks/units.py [--postgres]
"""

import platform
import statistics
import sys
import time

from _setup import setup, timed

label = setup(sys.argv)

from django.db import connection, transaction  # noqa: E402

from units.models import Structure, Unit  # noqa: E402
from units.services import units_load  # noqa: E402
from units.sources import records  # noqa: E402

load_times = []
for _ in range(3):
    with transaction.atomic():
        start = time.perf_counter()
        units_load(records=records(Structure.LEGACY), structure=Structure.LEGACY)
        load_times.append(time.perf_counter() - start)
        transaction.set_rollback(True)  # each run loads into an empty table
units_load(records=records(Structure.LEGACY), structure=Structure.LEGACY)
start = time.perf_counter()
units_load(records=records(Structure.LEGACY), structure=Structure.LEGACY)
reload_time = time.perf_counter() - start

hanoi = Unit.objects.of_structure(Structure.LEGACY).get(code="01")
commune = Unit.objects.of_structure(Structure.LEGACY).get(code="06520")
desc_ms, descendants = timed(lambda: list(Unit.objects.descendants_of(hanoi).values_list("pk", flat=True)), 20)
anc_ms, ancestors = timed(lambda: list(Unit.objects.ancestors_of(commune)), 20)
country_ms, country = timed(lambda: Unit.objects.descendants_of(Unit.objects.get(code="VN")).count(), 20)

print(
    f"machine: {platform.processor() or platform.machine()}, {platform.python_version()}, database {label} "
    f"({connection.vendor})"
)
print(f"units loaded: {Unit.objects.count()}")
print(f"load legacy tree (empty table), median of 3: {statistics.median(load_times):.2f} s")
print(f"second load (nothing to change): {reload_time:.2f} s")
print(f"descendants of Hà Nội ({len(descendants)} units), median of 20: {desc_ms:.1f} ms")
print(f"ancestors of Xã Y Tịch ({len(ancestors)} units), median of 20: {anc_ms:.2f} ms")
print(f"count of all descendants of Việt Nam ({country}), median of 20: {country_ms:.1f} ms")
