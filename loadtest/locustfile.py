"""The portal's mixed workload, for locust: commune reporters saving the entry form, district officers and two
province reviewers opening roll-ups and dashboards, and a trivial page to compare with.

People and ids come from ``loadtest/personas.json`` (written by ``loadtest/build_data.py``). Every simulated
user logs in once (``on_start``); run with ``--reset-stats`` so that the figures are the steady state and not
the password hashing of 50 logins at once. See ``loadtest/README.md``.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import time
from pathlib import Path

from locust import HttpUser, between, events, task

PEOPLE = json.loads((Path(__file__).parent / "personas.json").read_text())
PERIOD = PEOPLE["period"]
COUNTS = [int(pk) for pk, measure in PEOPLE["indicators"].items() if measure == "count"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="(i\d+_version)" value="(\d*)"')
HANOI = PEOPLE["province_reviewers"][0]["unit_id"]
#: The exports in the mix: "xlsx" (the default: the Excel summary of the unit), "pdf" (the official PDF report,
#: seconds of CPU each: see docs/benchmarks.md) or "0" (none).
EXPORTS = os.environ.get("LOAD_EXPORTS", "xlsx")
#: A job's page polls its status about every second; a simulated person gives up waiting after this long.
JOB_WAIT = float(os.environ.get("LOAD_JOB_WAIT", "120"))
JOB_ID = re.compile(r"/cong-viec/([0-9a-f-]{36})/")
WAITED = "job page until the file"
#: Think time between two requests of a person, in seconds: "0.5,2" (the default) is a stress test, people
#: reading a page and typing figures take longer ("5,15").
THINK = tuple(float(x) for x in os.environ.get("LOAD_THINK", "0.5,2").split(","))


# --- the steady state: every request but the logins, once all users are spawned, kept exactly --------------
SAMPLES: list[tuple[str, float, bool]] = []
STEADY = {"on": False}


@events.spawning_complete.add_listener
def _steady(user_count: int, **kwargs) -> None:
    STEADY["on"] = True


@events.request.add_listener
def _record(request_type: str, name: str, response_time: float, exception=None, **kwargs) -> None:
    if STEADY["on"] and not name.startswith("login"):
        SAMPLES.append((name, response_time, exception is not None))


def _figures(samples: list[tuple[str, float, bool]]) -> dict:
    times = sorted(t for _, t, _ in samples)
    if not times:
        return {"requests": 0}
    cut = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
    return {
        "requests": len(times),
        "p50": round(cut[49], 1),
        "p95": round(cut[94], 1),
        "p99": round(cut[98], 1),
        "errors": sum(1 for *_, failed in samples if failed),
    }


@events.test_stop.add_listener
def _write(**kwargs) -> None:
    pages = [s for s in SAMPLES if not s[0].startswith("trivial") and not s[0].endswith(WAITED)]
    result = {"all pages (trivial view excluded)": _figures(pages)}
    for name in sorted({n for n, _, _ in SAMPLES}):
        result[name] = _figures([s for s in SAMPLES if s[0] == name])
    Path(os.environ.get("LOAD_RESULT", "/tmp/xhht-load/steady.json")).write_text(json.dumps(result, indent=1))


class Person(HttpUser):
    abstract = True
    wait_time = between(*THINK)
    pool: list[dict] = []

    def export(self, url: str, name: str) -> None:
        """An export link: a small one answers with the file; a large one with a job's page, whose status the
        person's browser then polls (about once a second) until the file is there, and downloads it."""
        with self.client.get(url, name=f"{name}: link", allow_redirects=False, catch_response=True) as response:
            if response.status_code == 200:
                return
            job = JOB_ID.search(response.headers.get("Location", ""))
            if response.status_code != 302 or job is None:
                response.failure(f"neither a file nor a job: {response.status_code}")
                return
        job_id = job.group(1)
        self.client.get(f"/cong-viec/{job_id}/", name="job page")
        started = time.monotonic()
        deadline = started + JOB_WAIT
        while time.monotonic() < deadline:
            time.sleep(1)
            status = self.client.get(f"/cong-viec/{job_id}/trang-thai/", name="job status (JSON)").json()
            if status["finished"]:
                if status["download_url"]:
                    self.client.get(status["download_url"], name=f"{name}: download")
                else:
                    events.request.fire(request_type="JOB", name=f"{name}: job", response_time=0, response_length=0,
                                        exception=RuntimeError(status["error"]), context={})  # fmt: skip
                if STEADY["on"]:  # how long the person waited for the file (not a request: kept apart)
                    SAMPLES.append((f"{name}: {WAITED}", (time.monotonic() - started) * 1000, False))
                return
        events.request.fire(request_type="JOB", name=f"{name}: job", response_time=JOB_WAIT * 1000,
                            response_length=0, exception=TimeoutError("job not finished"), context={})  # fmt: skip

    def on_start(self) -> None:
        self.person = random.choice(self.pool)
        page = self.client.get("/dang-nhap/", name="login (GET)")
        token = CSRF.search(page.text).group(1)
        response = self.client.post(
            "/dang-nhap/",
            {"username": self.person["username"], "password": PEOPLE["password"], "csrfmiddlewaretoken": token},
            name="login (POST)",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"login of {self.person['username']} failed: {response.status_code}")


class Reporter(Person):
    """A commune reporter: opens the entry grid of 2024, changes a few counts, saves (a POST and a redirect)."""

    weight = 5
    pool = PEOPLE["reporters"]

    @task(3)
    def open_entry(self) -> None:
        self.client.get(f"/bao-cao/nhap-lieu/{self.person['unit_id']}/{PERIOD}/", name="entry grid (GET)")

    @task(2)
    def save_entry(self) -> None:
        url = f"/bao-cao/nhap-lieu/{self.person['unit_id']}/{PERIOD}/"
        page = self.client.get(url, name="entry grid (GET)")
        data = {"csrfmiddlewaretoken": CSRF.search(page.text).group(1)}
        data.update(dict(VERSION.findall(page.text)))
        for pk in random.sample(COUNTS, 3):
            data[f"i{pk}_value"] = str(random.randint(0, 20))
        with self.client.post(url, data, name="entry grid (POST save)", catch_response=True) as response:
            # Saved: the grid again after the redirect, with the success message.
            if response.status_code != 200 or "Đã lưu" not in response.text:
                response.failure(f"not saved: {response.status_code}")

    @task(1)
    def open_home(self) -> None:
        self.client.get("/", name="home")


class DistrictOfficer(Person):
    """A district officer: the district's roll-up and its submissions dashboard."""

    weight = 4
    pool = PEOPLE["district_officers"]

    @task(3)
    def rollup(self) -> None:
        self.client.get(f"/bao-cao/tong-hop/{self.person['unit_id']}/{PERIOD}/", name="roll-up (district)")

    @task(2)
    def dashboard(self) -> None:
        self.client.get(f"/bao-cao/theo-doi/{self.person['unit_id']}/{PERIOD}/", name="dashboard (district)")

    @task(1)
    def export_district(self) -> None:
        unit = self.person["unit_id"]
        if EXPORTS == "pdf":
            self.export(f"/xuat/bao-cao-pdf/{unit}/{PERIOD}/", "export PDF (district)")
        elif EXPORTS == "xlsx":
            self.export(f"/xuat/tong-hop-excel/{unit}/{PERIOD}/", "export Excel (district)")


class ProvinceReviewer(Person):
    """Two people reviewing Hà Nội: the province roll-up (~580 communes × 32 indicators), drill-down, dashboard."""

    fixed_count = 2
    pool = PEOPLE["province_reviewers"]

    @task(2)
    def province_rollup(self) -> None:
        self.client.get(f"/bao-cao/tong-hop/{HANOI}/{PERIOD}/", name="roll-up (Hà Nội, province)")

    @task(2)
    def drill_down(self) -> None:
        district = random.choice(PEOPLE["district_officers"])["unit_id"]
        self.client.get(f"/bao-cao/tong-hop/{district}/{PERIOD}/", name="roll-up (district)")

    @task(1)
    def dashboard(self) -> None:
        self.client.get(f"/bao-cao/theo-doi/{HANOI}/{PERIOD}/", name="dashboard (Hà Nội, province)")

    @task(1)
    def export_province(self) -> None:
        if EXPORTS == "pdf":
            self.export(f"/xuat/bao-cao-pdf/{HANOI}/{PERIOD}/", "export PDF (Hà Nội, province)")
        elif EXPORTS == "xlsx":
            self.export(f"/xuat/tong-hop-excel/{HANOI}/{PERIOD}/", "export Excel (Hà Nội, province)")


class Visitor(HttpUser):
    """The trivial view: the login page, anonymous. Its timings are the server's floor under the same load."""

    weight = 1
    wait_time = between(*THINK)

    @task
    def login_page(self) -> None:
        self.client.get("/dang-nhap/", name="trivial: login page (GET)")
