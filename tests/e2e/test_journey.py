"""The whole journey in a real browser, on the demo data, one step per test (they run in order and share the
report), through each person's to-do home: the reporter of Xã Cổ Đô finds the open period 2024 on the home page,
enters results, saves them and submits after a confirmation that names the indicators left blank and the
data-quality warnings; the officer of Huyện Ba Vì finds the report waiting on the home page and returns it with a
reason and a remark; the reporter reads both on the grid, fixes a figure and submits again (the confirmation shows
what changed); the district sees the flagged figures before approving; the reviewer of Thành phố Hà Nội opens
the roll-up, drills down to Cổ Đô and downloads the Excel workbook.

Screenshots of each key page land in artifacts/e2e/. Run with `make test-e2e`.
"""

from __future__ import annotations

import io
import re
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PERIOD = "2024"
INDICATOR = "INFO_COMPETENCY"
FIRST = ("1234", "4321")  # numerator / denominator as first typed
FIXED = ("2345", "4321")  # after the district's remark
RETURN_REASON = "Tử số năng lực thông tin chưa khớp với sổ theo dõi của xã, đề nghị kiểm tra lại."
REMARK = "Đối chiếu với sổ theo dõi lớp bồi dưỡng năm 2024."
FLAGGED = "LEARNING_FAMILY"  # typed with last year's numerator and a new denominator: a data-quality flag


def shot(page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def status_of(page) -> str:
    return page.locator("#submission-status dd").first.inner_text().strip()


def fill_ratio(page, numerator: str, denominator: str) -> None:
    row = page.locator(f"#row-{INDICATOR}")
    row.locator("input[data-entry-numerator]").fill(numerator)
    row.locator("input[data-entry-denominator]").fill(denominator)


def cell_text(cell) -> str:
    """A workbook cell as text without thousands separators: 2345, 2345.0, "2.345" and "2 345" read "2345"."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell)
    return text if isinstance(cell, str) and not re.fullmatch(r"[\d.,\s/]+", text) else re.sub(r"[.\s]", "", text)


def shot_widths(page, artifacts: Path, name: str) -> None:
    """The page on a desk (1366 px) and on a phone (390 px), then back to the desk."""
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        shot(page, artifacts, f"{name}-{width}")


def click_and_wait(locator) -> None:
    locator.click()
    locator.page.wait_for_load_state()


def test_it_lets_the_reporter_find_the_open_period_from_home_save_and_submit(sessions, artifacts, journey):
    page = sessions("demo-codo-cu")
    page.goto("/")
    todo = page.locator("#todo-periods")
    assert todo.get_by_role("row", name=re.compile(rf"Năm {PERIOD}")).is_visible()
    shot_widths(page, artifacts, "01-reporter-home")
    click_and_wait(page.locator("#continue"))  # the one "continue" button: the latest open period
    page.wait_for_url(re.compile(rf"/bao-cao/nhap-lieu/\d+/{PERIOD}/$"))
    journey.entry_url = page.url
    unit_id = re.search(r"/nhap-lieu/(\d+)/", page.url).group(1)
    journey.submission_url = f"/bao-cao/bao-cao-don-vi/{unit_id}/{PERIOD}/"
    assert "Xã Cổ Đô" in page.locator("h1").inner_text()

    fill_ratio(page, *FIRST)
    page.locator(f"#row-{INDICATOR}").get_by_label("Ghi chú").fill("Số liệu tháng 11")
    # Families: last year's numerator copied, the denominator updated: a figure the district should look at.
    journey.flagged = copy_numerator_update_denominator(page, FLAGGED)
    shot(page, artifacts, "02-reporter-entry-form")
    click_and_wait(page.get_by_role("button", name="Lưu"))
    assert page.get_by_text("Đã lưu 2 chỉ tiêu").is_visible()
    assert "1.234/4.321" in page.locator(f"#row-{INDICATOR} .entry-saved").inner_text()
    shot(page, artifacts, "03-reporter-draft-saved")

    click_and_wait(page.locator("#to-report"))  # the grid links to the report
    assert status_of(page) == "Đang nhập"
    click_and_wait(page.get_by_role("link", name="Nộp báo cáo", exact=True))
    # The confirmation: the indicators left blank by name, the data-quality warnings.
    assert page.locator("#submit-blank li").count() >= 1
    assert "Mẫu số thay đổi nhưng tử số giữ nguyên" in page.locator("#submit-warnings").inner_text()
    shot_widths(page, artifacts, "04-reporter-confirm-submit")
    click_and_wait(page.get_by_role("button", name="Xác nhận nộp báo cáo"))
    assert status_of(page) == "Đã nộp, chờ duyệt"
    shot(page, artifacts, "05-reporter-submitted")
    journey.done.append("submit")


def copy_numerator_update_denominator(page, code: str) -> tuple[str, str]:
    """Type last period's numerator again with a denominator half as large again; returns what was typed."""
    row = page.locator(f"#row-{code}")
    previous = row.locator("td").nth(2).inner_text()  # "621/1.094 (56,76 %)"
    numerator, denominator = (int(part.replace(".", "")) for part in re.match(r"([\d.]+)/([\d.]+)", previous).groups())
    typed = (str(numerator), str(round(denominator * 1.5)))
    row.locator("input[data-entry-numerator]").fill(typed[0])
    row.locator("input[data-entry-denominator]").fill(typed[1])
    return typed


def test_it_lets_the_district_find_the_report_from_home_and_return_it_with_a_reason(sessions, artifacts, journey):
    journey.needs("submit")
    page = sessions("demo-district")
    page.goto("/")
    waiting = page.locator("#todo-waiting")
    assert "Xã Cổ Đô" in waiting.inner_text()
    shot_widths(page, artifacts, "06-district-home")
    click_and_wait(waiting.get_by_role("link", name="Xã Cổ Đô"))
    assert "Xã Cổ Đô" in page.locator("h1").inner_text()
    # Each figure with its context: the flagged one is marked.
    assert "Mẫu số thay đổi nhưng tử số giữ nguyên" in page.locator(f"#value-{FLAGGED}").inner_text()
    page.get_by_label("Lý do trả lại (bắt buộc)").fill(RETURN_REASON)
    page.locator(f"#value-{INDICATOR}").locator("input").fill(REMARK)
    shot(page, artifacts, "07-district-return")
    click_and_wait(page.get_by_role("button", name="Trả lại để sửa"))
    assert status_of(page) == "Trả lại để sửa"
    journey.done.append("return")


def test_it_shows_the_reporter_the_reasons_on_the_grid_then_fix_and_resubmit(sessions, artifacts, journey):
    journey.needs("return")
    page = sessions("demo-codo-cu")
    page.goto("/")
    assert RETURN_REASON in page.locator(f"#todo-returned-{PERIOD}").inner_text()
    shot(page, artifacts, "08-reporter-home-returned")
    click_and_wait(page.locator("#continue"))
    assert page.url == journey.entry_url
    # The reviewer's reason at the top, the remark beside its indicator.
    assert RETURN_REASON in page.locator("#entry-returned").inner_text()
    row = page.locator(f"#row-{INDICATOR}")
    assert REMARK in row.locator(".entry-remark").inner_text()
    shot_widths(page, artifacts, "09-reporter-grid-returned")

    # A slip first: more people trained than people. The page warns while typing, and the server refuses it
    # with the reason next to the cell, keeping the saved figure.
    fill_ratio(page, "5000", FIXED[1])
    assert "115,71 %" in row.locator("output").inner_text()
    click_and_wait(page.get_by_role("button", name="Lưu"))
    assert re.search(r"Tử số \([\d.,]+\) không được lớn hơn mẫu số", row.inner_text())
    assert "1.234/4.321" in row.locator(".entry-saved").inner_text()
    shot(page, artifacts, "10-reporter-entry-error")

    fill_ratio(page, *FIXED)
    assert "54,27 %" in row.locator("output").inner_text()
    click_and_wait(page.get_by_role("button", name="Lưu"))
    assert "2.345/4.321" in row.locator(".entry-saved").inner_text()

    click_and_wait(page.locator("#to-report"))
    click_and_wait(page.get_by_role("link", name="Nộp lại báo cáo", exact=True))
    changes = page.locator("#changes-since-return").inner_text()  # what changed since the return
    assert "1.234/4.321" in changes and "2.345/4.321" in changes
    shot_widths(page, artifacts, "11-reporter-confirm-resubmit")
    click_and_wait(page.get_by_role("button", name="Xác nhận nộp báo cáo"))
    assert status_of(page) == "Đã nộp, chờ duyệt"
    assert "2345" in page.locator("#submission-values").inner_text().replace(".", "")
    shot(page, artifacts, "12-reporter-resubmitted")
    journey.done.append("resubmit")


def test_it_shows_the_district_the_flags_before_it_approves(sessions, artifacts, journey):
    journey.needs("resubmit")
    page = sessions("demo-district")
    page.goto("/")
    click_and_wait(page.locator("#todo-waiting").get_by_role("link", name="Xã Cổ Đô"))
    click_and_wait(page.get_by_role("link", name="Duyệt báo cáo", exact=True))
    flags = page.locator("#approve-flags")
    assert flags.is_visible()
    assert "Mẫu số thay đổi nhưng tử số giữ nguyên" in page.locator("#approve-values").inner_text()
    assert "2.345/4.321" in page.locator("#changes-since-return").inner_text()
    shot_widths(page, artifacts, "13-district-confirm-approve")
    click_and_wait(page.get_by_role("button", name="Xác nhận duyệt báo cáo"))
    assert status_of(page) == "Đã duyệt"
    assert page.locator("#submission-history").get_by_text(RETURN_REASON).is_visible()
    shot(page, artifacts, "14-district-approved")
    journey.done.append("approve")


def test_it_lets_the_district_see_the_flagged_figures_of_its_communes(sessions, artifacts, journey):
    journey.needs("approve")
    page = sessions("demo-district")
    page.goto("/")
    assert page.locator("#glance").is_visible()  # the roll-up at a glance
    click_and_wait(page.get_by_role("link", name="Cảnh báo số liệu"))
    table = page.locator("#quality-flags").inner_text()
    assert "Xã Cổ Đô" in table and "Mẫu số thay đổi nhưng tử số giữ nguyên" in table
    shot_widths(page, artifacts, "15-district-flags")


def test_it_shows_the_province_and_the_administrator_their_home(sessions, artifacts):
    for username, marker in (("demo-province", "#todo-reviewer"), ("demo-admin", "#todo-admin")):
        page = sessions(username)
        page.goto("/")
        assert page.locator(marker).is_visible()
        shot_widths(page, artifacts, f"16-{username}-home")


def test_it_lets_the_province_drill_down_the_rollup(sessions, artifacts, journey):
    journey.needs("approve")
    page = sessions("demo-province")
    page.goto("/bao-cao/tong-hop/")
    page.wait_for_url(re.compile(r"/bao-cao/tong-hop/\d+/\d+/"))
    if not page.url.rstrip("/").endswith(f"/{PERIOD}"):
        page.goto(re.sub(r"/\d+/$", f"/{PERIOD}/", page.url.split("?")[0]))
    assert "Thành phố Hà Nội" in page.locator("h1").inner_text()
    shot(page, artifacts, "17-province-rollup")

    page.locator(f'#rollup-indicators a[href*="indicator={INDICATOR}#cap-duoi"]').click()
    page.get_by_role("link", name="Huyện Ba Vì", exact=True).click()
    page.wait_for_load_state()
    assert "Huyện Ba Vì" in page.locator("h1").inner_text()
    row = page.locator("#rollup-children tr", has=page.get_by_role("link", name="Xã Cổ Đô", exact=True))
    assert "2.345/4.321" in row.inner_text()
    shot(page, artifacts, "18-province-drilldown-bavi")
    journey.done.append("rollup")


def test_it_lets_the_province_download_the_rollup_as_excel(sessions, artifacts, journey, portal_url):
    """Hà Nội's summary (hundreds of units) is a background job: its page shows the progress bar, then the link."""
    journey.needs("rollup")
    openpyxl = pytest.importorskip("openpyxl")
    page = sessions("demo-province")
    page.go_back()  # from Ba Vì back to Hà Nội's roll-up
    page.wait_for_load_state()
    assert "Thành phố Hà Nội" in page.locator("h1").inner_text()
    link = page.locator("#export-xlsx")
    assert "/xuat/" in link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/cong-viec/[0-9a-f-]+/$"))
    assert page.locator("#job-progress .progress").is_visible()
    shot(page, artifacts, "19-province-excel-job")
    download_link = page.locator("#job-download")
    download_link.wait_for(timeout=180_000)  # the page polls the status, then reloads with the link
    assert page.locator("#job-bar").get_attribute("aria-valuenow") == "100"
    shot(page, artifacts, "20-province-excel-job-done")
    size = page.viewport_size
    for width in (1366, 390):  # the job's page on a desk and on a phone
        page.set_viewport_size({"width": width, "height": 800})
        shot(page, artifacts, f"21-province-excel-job-{width}")
    page.set_viewport_size(size)
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == "tong-hop-01-2024.xlsx"
    target = artifacts / download.suggested_filename
    download.save_as(target)

    workbook = openpyxl.load_workbook(io.BytesIO(target.read_bytes()), data_only=True)
    cells = [
        cell_text(cell) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row
    ]
    assert any("Xã Cổ Đô" in cell for cell in cells), "Cổ Đô is not in the workbook"
    numerator, denominator = FIXED
    assert any(cell == numerator or f"{numerator}/{denominator}" in cell for cell in cells), (
        "the approved numerator of Cổ Đô is not in the workbook"
    )
    journey.done.append("excel")


def test_it_serves_the_styles_to_the_browser(portal_url):
    """The screenshots are only worth keeping if the pages are styled: static files are served."""
    with urllib.request.urlopen(f"{portal_url}/dang-nhap/") as response:
        html = response.read().decode()
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    with urllib.request.urlopen(f"{portal_url}{stylesheet}") as response:
        assert response.status == 200
