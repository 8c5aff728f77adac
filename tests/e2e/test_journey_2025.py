"""The journey in today's structure (from 1 July 2025), in a real browser on the demo data, one step per test:
the reporter of Xã Cổ Đô (the 2025 commune of Hà Nội formed from six Ba Vì communes) finds its 2026 report due
1/12/2026, enters a figure and submits; the reviewer of Thành phố Hà Nội, the level directly above it now that
districts are gone, approves it, then reads Cổ Đô's series 2021-2026: 2021-2024 computed from its former communes
and marked "tính từ đơn vị cũ", 2025 and 2026 its own, the figure just entered among them.

Screenshots of each key page at 1366 and 390 px land in artifacts/e2e/ (2025-*.png). Run with `make test-e2e`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PERIOD = "2026"
INDICATOR = "INFO_COMPETENCY"
FIGURE = ("21000", "42000")  # numerator / denominator typed: 50,00 %
WIDTHS = (1366, 390)


def shots(page, artifacts: Path, name: str) -> None:
    """The page on a desk and on a phone."""
    size = page.viewport_size
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(artifacts / f"2025-{name}-{width}.png"), full_page=True)
    page.set_viewport_size(size)


def status_of(page) -> str:
    return page.locator("#submission-status dd").first.inner_text().strip()


def test_it_lets_the_commune_of_2025_enter_2026_and_submit(sessions, artifacts, journey):
    page = sessions("demo-commune")
    page.goto("/")  # the to-do home: the open period 2026 with its due date, one button to continue
    row = page.locator("#todo-periods").get_by_role("row", name=re.compile(rf"Năm {PERIOD}"))
    assert "01/12/2026" in row.inner_text()  # the due date of Hà Nội's KH 290, asked of its communes from 2025
    shots(page, artifacts, "01-commune-home")
    page.locator("#continue").click()
    page.wait_for_url(re.compile(rf"/bao-cao/nhap-lieu/\d+/{PERIOD}/$"))
    assert "Xã Cổ Đô" in page.locator("h1").inner_text()
    journey.entry_url = page.url
    journey.unit_id = re.search(r"/nhap-lieu/(\d+)/", page.url).group(1)
    journey.submission_url = f"/bao-cao/bao-cao-don-vi/{journey.unit_id}/{PERIOD}/"

    entry = page.locator(f"#row-{INDICATOR}")
    entry.locator("input[data-entry-numerator]").fill(FIGURE[0])
    entry.locator("input[data-entry-denominator]").fill(FIGURE[1])
    assert "50,00 %" in entry.locator("output").inner_text()
    shots(page, artifacts, "02-commune-entry")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    assert "21.000/42.000" in page.locator(f"#row-{INDICATOR} .entry-saved").inner_text()

    page.locator("#to-report").click()  # the grid links to the report
    page.wait_for_load_state()
    page.get_by_role("link", name="Nộp báo cáo", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#submit-blank li").count() >= 1  # the confirmation names the indicators left blank
    shots(page, artifacts, "03-commune-confirm-submit")
    page.get_by_role("button", name="Xác nhận nộp báo cáo").click()
    page.wait_for_load_state()
    assert status_of(page) == "Đã nộp, chờ duyệt"
    shots(page, artifacts, "03-commune-submitted")
    journey.done.append("submit")


def test_it_lets_the_hanoi_reviewer_approve_the_communes_report(sessions, artifacts, journey):
    journey.needs("submit")
    page = sessions("demo-province")
    page.goto("/")  # the reviewer's to-do home: Cổ Đô's report waits for review
    page.locator("#todo-waiting").get_by_role("link", name="Xã Cổ Đô").click()
    page.wait_for_load_state()
    assert "Xã Cổ Đô" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Duyệt báo cáo", exact=True).click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Xác nhận duyệt báo cáo").click()
    page.wait_for_load_state()
    assert status_of(page) == "Đã duyệt"
    shots(page, artifacts, "04-province-approved")
    journey.done.append("approve")


def test_it_shows_the_reviewer_the_communes_series_with_the_back_cast_years_marked(sessions, artifacts, journey):
    journey.needs("approve")
    page = sessions("demo-province")
    page.goto(f"/bao-cao/tong-hop/{journey.unit_id}/{PERIOD}/")
    assert "Xã Cổ Đô" in page.locator("h1").inner_text()
    page.locator("#series-link").click()
    page.wait_for_url(re.compile(rf"/bao-cao/tong-hop/{journey.unit_id}/qua-cac-nam/$"))
    headers = page.locator("#series thead th")
    years = [headers.nth(n).inner_text() for n in range(1, headers.count())]
    assert [y.split("\n")[0].strip() for y in years] == ["2021", "2022", "2023", "2024", "2025", "2026"]
    assert ["tính từ đơn vị cũ" in y for y in years] == [True, True, True, True, False, False]

    row = page.locator("#series tbody tr", has=page.get_by_role("rowheader", name=re.compile("năng lực thông tin")))
    cells = row.locator("td")
    assert cells.count() == 6
    for n in range(4):  # back-cast: a figure in every year before the reform, marked
        assert "%" in cells.nth(n).inner_text()
        assert cells.nth(n).get_attribute("title") == "Tính từ đơn vị cũ"
    assert "%" in cells.nth(4).inner_text()  # 2025, entered by the new commune (demo data)
    assert "50,00 %" in cells.nth(5).inner_text()  # 2026, just entered and approved
    assert cells.nth(5).get_attribute("title") is None
    shots(page, artifacts, "05-province-series")
    journey.done.append("series")


def test_it_shows_van_linh_the_y_tich_plan_it_carries_on(sessions, artifacts):
    page = sessions("demo-vanlinh")
    page.goto("/ke-hoach/")
    page.get_by_role("link", name=re.compile("xã Y Tịch giai đoạn 2021 - 2030")).first.click()
    page.wait_for_load_state()
    banner = page.locator("[role=note]").first
    if "Kế thừa" in banner.inner_text():  # the list led to Vạn Linh's own plan: go to the one it continues
        assert "Xã Y Tịch" in banner.inner_text()
        shots(page, artifacts, "06-vanlinh-own-plan")
        banner.get_by_role("link").click()
        page.wait_for_load_state()
    assert "Kế hoạch này đã được kế thừa bởi" in page.locator("[role=note]").first.inner_text()
    assert "(nay là" in page.locator("body").inner_text()  # the leads that closed name their successor
    shots(page, artifacts, "07-vanlinh-y-tich-plan")


def test_it_lets_the_administrator_carry_cu_chis_plan_over(sessions, artifacts):
    page = sessions("demo-admin")
    page.goto("/ke-hoach/?q=1376")
    page.get_by_role("row", name="1376/KH-UBND").get_by_role("link").first.click()
    page.wait_for_load_state()
    assert "Huyện Củ Chi đã kết thúc hoạt động" in page.locator("[role=note]").first.inner_text()
    page.get_by_role("link", name="Kế thừa cho đơn vị mới").click()
    page.wait_for_url(re.compile(r"/ke-hoach/\d+/ke-thua/$"))
    page.get_by_label("Căn cứ kế thừa").fill("Quyết định số 1/QĐ-UBND ngày 01/7/2025 (thử nghiệm)")
    shots(page, artifacts, "08-admin-carry-over-form")
    page.get_by_role("button", name="Kế thừa").click()
    page.wait_for_load_state()
    assert "Đã kế thừa kế hoạch" in page.locator("body").inner_text()
    assert "Kế thừa" in page.locator("[role=note]").first.inner_text()
    shots(page, artifacts, "09-admin-carried-plan")
