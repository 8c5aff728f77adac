"""Phones: at 390 × 844 (and at 1366 wide) the main pages of each role fit the screen's width (nothing wider
than the page makes it scroll sideways: wide tables scroll inside their own box), the menu folds behind a
button that works without script, and the entry grid is one card per indicator. Screenshots in
artifacts/e2e/small-screens/."""

from __future__ import annotations

import re

import pytest

from .conftest import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def _login(browser, portal_url: str, username: str, viewport: dict):
    context = browser.new_context(base_url=portal_url, viewport=viewport, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    return context, page


#: The period each account works on: today's (2026) for the units of the 2025 structure, 2024 for Ba Vì's history.
PERIOD_OF = {"demo-commune": "2026", "demo-province": "2026", "demo-district": "2024"}


def _main_pages(page, period: str) -> list[str]:
    """The pages a user of this account opens every day, found from their own roll-up (their unit's id)."""
    page.goto("/bao-cao/tong-hop/")
    unit_id = re.search(r"/tong-hop/(\d+)/", page.url).group(1)
    return [
        "/",
        f"/bao-cao/tong-hop/{unit_id}/{period}/",
        f"/bao-cao/nhap-lieu/{unit_id}/{period}/",
        f"/bao-cao/bao-cao-don-vi/{unit_id}/{period}/",
        f"/bao-cao/theo-doi/{unit_id}/{period}/",
        "/ke-hoach/",
        "/hoc-tap/",
    ]


def _overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling of the page itself)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.fixture(scope="module")
def shots(artifacts):
    folder = artifacts / "small-screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("username", ["demo-commune", "demo-district", "demo-province"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_it_fits_the_main_pages_to_the_screen_width(browser, portal_url, shots, username, viewport):
    context, page = _login(browser, portal_url, username, viewport)
    try:
        too_wide = {}
        for path in _main_pages(page, PERIOD_OF[username]):
            response = page.goto(path)
            assert response.status in (200, 403, 404), (path, response.status)
            name = re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "trang-chu"
            page.screenshot(path=str(shots / f"{username}-{name}-{viewport['width']}.png"), full_page=True)
            if (extra := _overflow(page)) > 0:
                too_wide[path] = extra
        assert not too_wide, f"Trang rộng hơn màn hình {viewport['width']} px (số px thừa): {too_wide}"
    finally:
        context.close()


def test_it_folds_the_menu_behind_a_button_on_a_phone_without_script(browser, portal_url, shots):
    context = browser.new_context(base_url=portal_url, viewport=PHONE, locale="vi-VN", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/dang-nhap/")
        page.locator("#id_username").fill("demo-commune")
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()
        menu = page.locator("#nav-menu")
        assert not menu.is_visible()
        page.locator("label[for=nav-toggle]").click()
        assert menu.is_visible()
        assert page.get_by_role("link", name="Tổng hợp").is_visible()
        page.screenshot(path=str(shots / "menu-open-390.png"), full_page=False)
    finally:
        context.close()


def test_it_shows_the_entry_grid_as_one_card_per_indicator_on_a_phone(browser, portal_url, shots):
    context, page = _login(browser, portal_url, "demo-commune", PHONE)
    try:
        page.goto("/bao-cao/tong-hop/")
        unit_id = re.search(r"/tong-hop/(\d+)/", page.url).group(1)
        page.goto(f"/bao-cao/nhap-lieu/{unit_id}/2026/")
        assert not page.locator("#entry-grid > thead").is_visible()
        rows = page.locator("#entry-grid > tbody > tr")
        first, second = rows.nth(0).bounding_box(), rows.nth(1).bounding_box()
        assert first["width"] <= PHONE["width"]
        assert second["y"] >= first["y"] + first["height"]  # stacked cards, not columns
        assert rows.nth(0).locator("[data-label]").first.is_visible()
        page.screenshot(path=str(shots / "entry-cards-390.png"), full_page=False)
    finally:
        context.close()
