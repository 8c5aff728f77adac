"""Vietnamese all the way: no page names an indicator by its (English) code.

The crawl opens every page of the URL × persona matrix (``tests/test_permission_matrix.py``) that answers 200
with HTML, as each persona, and fails if an indicator's code is used as a label. Precisely: an element that labels
something (a badge, a label, a heading, a table header or cell, a link, a button, an option, a list term, a
summary, a legend, a caption, a chart's title) whose whole text is an indicator's code ("INFO_COMPETENCY",
"TTHTCD"). A code shown as secondary detail beside the name ("Số trung tâm học tập cộng đồng · TTHTCD") passes.
"""

from __future__ import annotations

import re

import lxml.html
from django.urls import reverse

from indicators.models import Indicator
from indicators.reference import indicators_load

from .test_permission_matrix import EXPECTED, ROLES, PermissionMatrixTests
from .urlwalk import RouteTestCase, routes

#: Elements whose text labels something; ``class="badge"`` of any element too.
LABEL_TAGS = {"label", "th", "td", "a", "button", "option", "dt", "summary", "legend", "caption", "title",
              "h1", "h2", "h3", "h4", "h5", "h6"}  # fmt: skip
SPACES = re.compile(r"\s+")


def code_labels(html: str, codes: set[str]) -> list[str]:
    """The label-like elements of a page whose whole text is an indicator's code, as "<tag>CODE"."""
    found = []
    for element in lxml.html.fromstring(html).iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        tag = element.tag.split("}")[-1]
        badge = "badge" in (element.get("class") or "").split()
        if tag not in LABEL_TAGS and not badge:
            continue
        text = SPACES.sub(" ", element.text_content()).strip()
        if text in codes:
            found.append(f"<{tag}{' class=badge' if badge else ''}>{text}")
    return found


class VietnameseLabelTests(RouteTestCase):
    client_for = PermissionMatrixTests.client_for

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        indicators_load()  # the whole catalogue: its codes are what must not be shown as labels

    def test_code_labels_finds_a_badge_and_passes_a_code_beside_the_name(self):
        codes = {"INFO_COMPETENCY"}
        badge = '<p><span class="badge">INFO_COMPETENCY</span></p>'
        self.assertEqual(code_labels(badge, codes), ["<span class=badge>INFO_COMPETENCY"])
        self.assertEqual(
            code_labels("<table><tr><th> INFO_COMPETENCY </th></tr></table>", codes), ["<th>INFO_COMPETENCY"]
        )
        beside = '<td>Tỷ lệ người … thông tin <span class="text-muted small">· INFO_COMPETENCY</span></td>'
        self.assertEqual(code_labels(f"<table><tr>{beside}</tr></table>", codes), [])

    def test_no_page_of_the_matrix_labels_an_indicator_by_its_code(self):
        codes = set(Indicator.objects.values_list("code", flat=True))
        self.assertIn("INFO_COMPETENCY", codes)
        clients = {role: self.client_for(role) for role in ROLES}
        offences, opened = [], 0
        for route in routes():
            if route.skipped or route.name not in EXPECTED:
                continue
            url = reverse(route.name, kwargs=self.kwargs_for(route.name, route.params))
            for role, want in zip(ROLES, EXPECTED[route.name], strict=True):
                if want != 200:
                    continue
                response = clients[role].get(url)
                if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                    continue
                opened += 1
                labels = code_labels(response.content.decode(), codes)
                if labels:
                    offences.append(f"{url} as {role}: {', '.join(sorted(set(labels)))}")
        self.assertGreater(opened, 50)
        self.assertEqual(offences, [], "Indicator codes used as labels:\n" + "\n".join(offences))


class VietnameseDetailsTests(RouteTestCase):
    def test_every_field_of_our_models_has_a_vietnamese_label_in_the_admin(self):
        from django.apps import apps

        ours = {"units", "accounts", "indicators", "plans", "reports", "exports", "learning", "jobs", "core"}
        inherited = {"path", "depth", "numchild", "id"}  # the tree's own columns (django-treebeard), the key
        english = [
            f"{model.__name__}.{field.name}: {field.verbose_name}"
            for model in apps.get_models()
            if model._meta.app_label in ours and not model.__name__.startswith("Historical")
            for field in model._meta.get_fields()
            if hasattr(field, "verbose_name") and not field.auto_created and field.name not in inherited
            if str(field.verbose_name).isascii()
        ]
        self.assertEqual(english, [])

    def test_it_fills_the_decision_date_so_that_the_browser_shows_it(self):
        self.client.force_login(self.reporter)
        response = self.client.get(reverse("learning:board", args=[self.tanlinh.pk, 2024]))
        field = lxml.html.fromstring(response.content).get_element_by_id("id_issued_on")
        self.assertEqual(field.get("type"), "date")
        self.assertRegex(field.get("value"), r"^\d{4}-\d{2}-\d{2}$")  # ISO: a "30/11/2026" leaves it empty

    def test_a_message_writes_its_numbers_the_vietnamese_way(self):
        from reports.services.importing import ImportResult, import_done_message
        from reports.services.values import RecordResult, ValueRow

        rows = [ValueRow(row=n, unit_code="09910", indicator_code="TTHTCD", period="2024") for n in range(1234)]
        imported = ImportResult(rows=rows, record=RecordResult(created=1200, updated=34), fmt="xlsx")
        self.assertEqual(
            import_done_message("so-lieu.xlsx", imported),
            "Đã nhập tệp so-lieu.xlsx: 1.234 dòng (1.200 mới, 34 cập nhật, 0 không đổi).",
        )

    def test_the_admin_speaks_vietnamese_also_for_the_third_party_apps(self):
        self.client.force_login(self.admin)
        page = self.client.get(reverse("admin:index")).content.decode()
        for english in ("Access attempts", "Access logs", "Task Results", "Add link", "Model name"):
            self.assertNotIn(english, page)
        self.assertIn("Nhật ký đăng nhập", page)
        self.assertIn("Kết quả tác vụ", page)
        self.assertIn("Bảo vệ đăng nhập", page)  # the apps' headings too
        self.assertNotIn("Tasks Database Backend", page)
