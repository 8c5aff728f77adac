"""Backup and restore, as docs/backup.md tells the operator to do it: the demo database is dumped with
``pg_dump --format=custom`` and restored with ``pg_restore`` into a new, empty database, and the roll-ups read
there are the same, figure for figure, as in the original.

Both databases are scratch ones on the run's PostgreSQL server (dropped afterwards); the portal runs in
subprocesses (``manage.py``) as in production, so nothing here hides in a test transaction.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .e2e.scratch import manage, portal_env, postgres_url, scratch_database

pytestmark = pytest.mark.postgres

#: The roll-ups of Thành phố Hà Nội and of each of its districts, for two years, every indicator: what a
#: reviewer would see on the roll-up pages, plus the row counts of the tables a restore must bring back whole.
ROLLUPS = """
import json
from accounts.models import User
from indicators.models import Indicator
from plans.models import Period, Target
from reports.models import Submission, Value
from reports.rollup import rollup
from units.models import Structure, Unit

hanoi = Unit.objects.of_structure(Structure.LEGACY).get(code="01")
districts = list(hanoi.get_children())
indicators = list(Indicator.objects.order_by("code"))
codes = {i.pk: i.code for i in indicators}
units = {u.pk: u.code for u in [hanoi, *districts]}
out = {"counts": {m.__name__: m.objects.count() for m in (Unit, User, Indicator, Target, Period, Value, Submission)}}
for code in ("2023", "2024"):
    period = Period.objects.get(code=code)
    for anchors in ([hanoi], districts):
        for (unit_id, indicator_id), f in rollup(anchors=anchors, period=period, indicators=indicators).items():
            out[f"{code} {units[unit_id]} {codes[indicator_id]}"] = [
                str(f.value), str(f.numerator), str(f.denominator), str(f.reached), f.reported, f.expected
            ]
print(json.dumps(out, sort_keys=True))
"""


def _major(version_text: str) -> int:
    return int(re.search(r"(\d+)", version_text).group(1))


def _rollups(env: dict[str, str]) -> dict:
    return json.loads(manage(env, "shell", "-c", ROLLUPS).strip().splitlines()[-1])


def _tools_matching(server_url: str) -> None:
    """pg_dump and pg_restore of at least the server's major version, as PostgreSQL requires; else skip."""
    import psycopg2

    for tool in ("pg_dump", "pg_restore"):
        if shutil.which(tool) is None:
            pytest.skip(f"không có {tool} trên máy (gói postgresql-client)")
    connection = psycopg2.connect(server_url)
    try:
        server_major = connection.server_version // 10000
    finally:
        connection.close()
    for tool in ("pg_dump", "pg_restore"):
        tool_major = _major(subprocess.run([tool, "--version"], capture_output=True, text=True).stdout)
        if tool_major < server_major:
            pytest.skip(f"{tool} {tool_major} cũ hơn máy chủ PostgreSQL {server_major}")


def test_it_restores_a_dump_of_the_demo_database_with_the_same_rollups(tmp_path):
    server_url = postgres_url()
    if server_url is None:
        pytest.skip("cần PostgreSQL (chạy bằng make test-postgres)")
    _tools_matching(server_url)
    dump = tmp_path / "xhht.dump"

    with scratch_database(server_url, "xhht_backup_src") as source_url:
        source = portal_env(source_url)
        manage(source, "migrate", "--noinput")
        manage(source, "load_demo", "--password", "backup-test")
        before = _rollups(source)
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={source_url}"], check=True
        )

    assert dump.stat().st_size > 0
    with scratch_database(server_url, "xhht_backup_restored") as restored_url:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={restored_url}",
                str(dump),
            ],
            check=True,
        )
        restored = portal_env(restored_url)
        after = _rollups(restored)
        # The restored database is complete for the portal: no migration is missing, the checks pass.
        assert "[ ]" not in manage(restored, "showmigrations", "--list")
        manage(restored, "check")

    assert before["counts"]["Value"] > 10_000  # the demo values of every commune of Hà Nội
    assert sum(1 for key, figure in before.items() if key != "counts" and figure[0] != "None") > 100
    assert after == before
