"""The real portal for the browser: a scratch SQLite database with the demo data, ``runserver`` on a free port,
and Debian's Chromium driven by Playwright.

The server runs in a subprocess (not pytest-django's ``live_server``): the demo data must be committed and seen by
another process, which a test transaction would hide. Chromium is installed with apt when it is missing; the tests
skip, saying why, only where that is impossible (not root, no apt, no network to the Debian mirror).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .scratch import ROOT, manage, portal_env, postgres_url, scratch_database

ARTIFACTS = ROOT / "artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
DEMO_PASSWORD = "e2e-demo-password"
SERVER_START_TIMEOUT = 60


def _chromium_install() -> str:
    """Install Debian's chromium; the reason it could not be, or '' once it is there."""
    if os.geteuid() != 0:
        return "Chromium chưa được cài và tiến trình kiểm thử không chạy với quyền root để cài bằng apt-get."
    if shutil.which("apt-get") is None:
        return "Chromium chưa được cài và máy không có apt-get."
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            return f"Không cài được Chromium ({' '.join(command)}): {done.stderr.strip()[-500:]}"
    return "" if Path(CHROMIUM).exists() else "apt-get đã chạy nhưng không có /usr/bin/chromium."


@pytest.fixture(scope="session")
def chromium_path() -> str:
    pytest.importorskip("playwright.sync_api", reason="Playwright chưa được cài: pip install -e '.[dev]'.")
    if not Path(CHROMIUM).exists():
        reason = _chromium_install()
        if reason:
            pytest.skip(reason)
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def portal_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portal with the demo data (accounts demo-commune, demo-district, demo-province; see demo/loader.py), on
    a scratch database of the run's kind: a SQLite file, or a PostgreSQL database when DATABASE_URL is one."""
    workdir = tmp_path_factory.mktemp("e2e")
    server_url = postgres_url()
    with contextlib.ExitStack() as stack:
        if server_url:
            database_url = stack.enter_context(scratch_database(server_url, f"xhht_e2e_{os.getpid()}"))
        else:
            database_url = f"sqlite:///{workdir / 'portal.sqlite3'}"
        env = portal_env(database_url, MEDIA_ROOT=str(workdir / "media"))  # DEBUG=1: runserver serves static files
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--password", DEMO_PASSWORD)
        stack.enter_context(_worker(env, workdir / "worker.log"))  # runs the jobs (a province's export)
        yield stack.enter_context(_server(env, workdir / "server.log"))


@contextlib.contextmanager
def _worker(env: dict[str, str], log_path: Path) -> Iterator[None]:
    """The background jobs worker, as ``make run`` starts it beside the server."""
    with open(log_path, "w") as log:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.3", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


@contextlib.contextmanager
def _server(env: dict[str, str], log_path: Path) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while not _answers(f"{url}/dang-nhap/"):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"The portal did not start:\n{log_path.read_text()[-4000:]}")
                time.sleep(0.3)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots of the key pages, kept after the run (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class Journey:
    """What one step of a journey leaves for the next (the steps run in order and share one report)."""

    entry_url: str = ""
    submission_url: str = ""
    unit_id: str = ""
    flagged: tuple[str, str] = ("", "")
    done: list[str] = field(default_factory=list)

    def needs(self, step: str) -> None:
        if step not in self.done:
            pytest.skip(f"Bước trước ({step}) chưa thành công.")


@pytest.fixture(scope="module")
def journey() -> Journey:
    return Journey()


@pytest.fixture(scope="module")
def sessions(browser, portal_url):
    """One browser context (own cookies) per demo account, logged in through the login page once."""
    contexts, pages = [], {}

    def page_of(username: str):
        if username not in pages:
            context = browser.new_context(
                base_url=portal_url, accept_downloads=True, locale="vi-VN", viewport={"width": 1366, "height": 900}
            )
            context.set_default_timeout(15_000)
            contexts.append(context)
            page = context.new_page()
            page.goto("/dang-nhap/")
            page.locator("#id_username").fill(username)
            page.locator("#id_password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Đăng nhập").click()
            page.wait_for_load_state()
            assert "/dang-nhap/" not in page.url, f"{username} could not log in"
            pages[username] = page
        return pages[username]

    yield page_of
    for context in contexts:
        context.close()
