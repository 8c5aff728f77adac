"""Who may open which page: every named URL of the URLconf × every persona → the expected status.

The list of URLs is generated from the URL configuration (``tests/urlwalk.py``), so a new page appears here by
itself, and the test fails until someone writes down who may open it: a view added without thinking about
scope does not pass the suite. The objects in the URLs belong to Ba Vì (Hà Nội), the district officer's
district: the reporter's commune Tản Lĩnh, Ba Vì's plan and target, a value of Tản Lĩnh. So the sibling
district (Đông Anh) and the other province (Lạng Sơn) must get 404, as if the object did not exist.

Statuses: 200 page; 302 to the login page (anonymous) or a redirect (e.g. already logged in); 403 may see
but not change; 404 out of scope.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from accounts.models import Role

from .base import PASSWORD
from .urlwalk import RouteTestCase, routes

ROLES = ("anonymous", "reporter", "district_officer", "other_district_officer", "province_reviewer",
         "other_province_reviewer", "admin")  # fmt: skip

#: URL name → statuses for (anonymous, reporter, district, other district, province, other province, admin).
#: A dash in a comment explains a surprising cell.
EXPECTED: dict[str, tuple[int, ...]] = {
    # ---- accounts: the login page sends a logged-in person home
    "home": (302, 200, 200, 200, 200, 200, 200),
    "login": (200, 302, 302, 302, 302, 302, 302),
    "logout": (405, 405, 405, 405, 405, 405, 405),  # GET is refused: logging out is a POST (CSRF-protected)
    "password_change": (302, 200, 200, 200, 200, 200, 200),
    "password_change_done": (302, 200, 200, 200, 200, 200, 200),
    # ---- units: the detail is Tản Lĩnh
    "units:list": (302, 200, 200, 200, 200, 200, 200),
    "units:detail": (302, 200, 200, 404, 200, 404, 200),
    # ---- plans: Ba Vì's plan and one of its targets
    "plans:list": (302, 200, 200, 200, 200, 200, 200),
    "plans:detail": (302, 200, 200, 404, 200, 404, 200),
    # the issuing unit's officer and the reviewers above it edit targets; the commune only reads them
    "plans:target_create": (302, 403, 200, 404, 200, 404, 200),
    "plans:target_update": (302, 403, 200, 404, 200, 404, 200),
    # Ba Vì still exists here: nobody carries its plan over (a closed unit's: tests/test_reform.py)
    "plans:carry_over": (302, 403, 403, 404, 403, 404, 403),
    # ---- reports: Tản Lĩnh, 2024
    "reports:entry_index": (302, 200, 200, 200, 200, 200, 200),
    "reports:entry": (302, 200, 200, 404, 200, 404, 200),
    "reports:import": (302, 200, 200, 200, 200, 200, 200),
    "reports:rollup_index": (302, 302, 302, 302, 302, 302, 302),  # to the roll-up of the person's own unit
    "reports:rollup": (302, 200, 200, 404, 200, 404, 200),
    "reports:series": (302, 200, 200, 404, 200, 404, 200),  # Tản Lĩnh's figures over the years
    "reports:submission": (302, 200, 200, 404, 200, 404, 200),
    # submit and approve: the GET is the confirmation step (the reporter submits, reviewers above approve)
    "reports:submission_submit": (302, 200, 403, 404, 403, 404, 200),
    "reports:submission_approve": (302, 403, 200, 404, 200, 404, 200),
    # the other actions take a POST only (one URL and one form each)
    "reports:submission_return": (302, 405, 405, 405, 405, 405, 405),
    "reports:submission_reopen": (302, 405, 405, 405, 405, 405, 405),
    "reports:submission_comment": (302, 405, 405, 405, 405, 405, 405),
    "reports:submission_narrative": (302, 405, 405, 405, 405, 405, 405),
    "reports:value_history": (302, 200, 200, 404, 200, 404, 200),
    "reports:quality_flags": (302, 200, 200, 404, 200, 404, 200),  # the flagged figures of Tản Lĩnh's subtree
    # an agency's own report (Phòng GD&ĐT Ba Vì): seen by whoever sees its unit, Ba Vì (not its communes)
    "reports:agency_report": (302, 404, 200, 404, 200, 404, 200),
    "reports:dashboard": (302, 200, 200, 404, 200, 404, 200),
    "reports:dashboard_late": (302, 200, 200, 404, 200, 404, 200),
    "reports:reminder_send": (302, 405, 405, 405, 405, 405, 405),  # an action: POST only
    # ---- exports (/xuat/): Tản Lĩnh's 2024 report as PDF
    "exports:report_pdf": (302, 200, 200, 404, 200, 404, 200),
    "exports:summary_xlsx": (302, 200, 200, 404, 200, 404, 200),
    "exports:template_xlsx": (302, 200, 200, 404, 200, 404, 200),
    # ---- learning (/hoc-tap/): Tản Lĩnh's 2024 board, a family's evaluation and evidence, the commune's decision
    "learning:index": (302, 302, 302, 302, 302, 302, 302),  # to the board of the person's unit
    "learning:board": (302, 200, 200, 404, 200, 404, 200),
    # the board's actions and the evaluation's forms take a POST only (one URL and one form each)
    "learning:board_open": (302, 405, 405, 405, 405, 405, 405),
    "learning:board_feed": (302, 405, 405, 405, 405, 405, 405),
    "learning:board_self_assess": (302, 405, 405, 405, 405, 405, 405),
    "learning:board_check": (302, 405, 405, 405, 405, 405, 405),
    "learning:board_return": (302, 405, 405, 405, 405, 405, 405),
    "learning:board_recognise": (302, 405, 405, 405, 405, 405, 405),
    "learning:evaluation_scores": (302, 405, 405, 405, 405, 405, 405),
    "learning:evaluation_evidence": (302, 405, 405, 405, 405, 405, 405),
    "learning:register_import": (302, 200, 200, 404, 200, 404, 200),
    "learning:evaluation": (302, 200, 200, 404, 200, 404, 200),
    "learning:evidence": (302, 200, 200, 404, 200, 404, 200),
    "learning:decision": (302, 200, 200, 404, 200, 404, 200),
    "learning:decision_pdf": (302, 200, 200, 404, 200, 404, 200),
    "learning:shares": (302, 200, 200, 404, 200, 404, 200),
    # ---- emulation (/thi-dua/): Tản Lĩnh's 2024 result; everyone in scope reads it, the level above records it
    "emulation:result": (302, 200, 200, 404, 200, 404, 200),
    # the yearly learning-model report of Tản Lĩnh (CV 6782): the page, its Excel file and its PDF, read-only
    "learning:yearly_report": (302, 200, 200, 404, 200, 404, 200),
    "learning:yearly_report_xlsx": (302, 200, 200, 404, 200, 404, 200),
    "learning:yearly_report_pdf": (302, 200, 200, 404, 200, 404, 200),
    # ---- jobs (/cong-viec/): the district officer's export job for Ba Vì. A job is its owner's (and the
    # administrators'): the province reviewer, who may see Ba Vì, starts an export of their own.
    "jobs:list": (302, 200, 200, 200, 200, 200, 200),
    "jobs:detail": (302, 404, 200, 404, 404, 404, 200),
    "jobs:status": (302, 404, 200, 404, 404, 404, 200),
    "jobs:download": (302, 404, 200, 404, 404, 404, 200),
}


class PermissionMatrixTests(RouteTestCase):
    def client_for(self, role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(getattr(self, role))
        return client

    def test_it_has_an_expected_row_for_every_url_of_the_urlconf(self):
        names = [r.name for r in routes() if not r.skipped]
        missing = [n for n in names if n not in EXPECTED]
        self.assertEqual(missing, [], f"URLs without a row in the permission matrix (add who may open them): {missing}")
        stale = sorted(set(EXPECTED) - set(names))
        self.assertEqual(stale, [], f"Rows for URLs that no longer exist: {stale}")

    def test_it_answers_every_url_for_every_persona_as_the_table_says(self):
        clients = {role: self.client_for(role) for role in ROLES}
        actual, mismatches = {}, []
        for route in routes():
            if route.skipped or route.name not in EXPECTED:
                continue
            url = reverse(route.name, kwargs=self.kwargs_for(route.name, route.params))
            row = tuple(clients[role].get(url).status_code for role in ROLES)
            actual[route.name] = row
            for role, want, got in zip(ROLES, EXPECTED[route.name], row, strict=True):
                if want != got:
                    mismatches.append(f"{route.name} {url} as {role}: expected {want}, got {got}")
        table = "\n".join(f"    {name!r}: {row}," for name, row in actual.items())
        self.assertEqual(mismatches, [], "Permission matrix differs:\n" + "\n".join(mismatches) + "\nActual:\n" + table)

    def test_it_sends_an_anonymous_visitor_to_the_login_page_for_every_private_url(self):
        login = reverse("login")
        for route in routes():
            if route.skipped or route.name not in EXPECTED or EXPECTED[route.name][0] != 302:
                continue
            url = reverse(route.name, kwargs=self.kwargs_for(route.name, route.params))
            response = Client().get(url)
            self.assertTrue(response["Location"].startswith(login), f"{url} sends an anonymous visitor elsewhere")

    def test_it_keeps_the_back_office_for_staff(self):
        admin_index = reverse("admin:index")
        for role in ("anonymous", "reporter", "district_officer", "province_reviewer"):
            response = self.client_for(role).get(admin_index)
            self.assertEqual(response.status_code, 302, role)
            self.assertIn(reverse("admin:login"), response["Location"], role)
        self.assertEqual(self.client_for("admin").get(admin_index).status_code, 200)

    def test_it_does_not_let_a_non_staff_person_log_into_the_back_office(self):
        self.assertEqual(self.reporter.role, Role.COMMUNE_REPORTER)
        response = Client().post(reverse("admin:login"), {"username": "reporter", "password": PASSWORD})
        self.assertEqual(response.status_code, 200)  # the form again, with an error; no session
        self.assertNotIn("_auth_user_id", Client().session)


#: The same URLs sent a POST that would change something (a value, a target, a comment on the report), as each
#: persona. Out of scope: 404 and nothing written; in scope but not allowed: 403 and nothing written.
EXPECTED_POST: dict[str, tuple[int, ...]] = {
    "home": (302, 200, 200, 200, 200, 200, 200),  # a page, not a form: the POST is read as a GET
    "login": (200, 302, 302, 302, 302, 302, 302),  # the wrong password: the form again
    "logout": (302, 302, 302, 302, 302, 302, 302),
    "password_change": (302, 200, 200, 200, 200, 200, 200),  # the wrong old password: the form again
    "password_change_done": (302, 405, 405, 405, 405, 405, 405),
    "units:list": (302, 200, 200, 200, 200, 200, 200),
    "units:detail": (302, 200, 200, 404, 200, 404, 200),
    "plans:list": (302, 200, 200, 200, 200, 200, 200),
    "plans:detail": (302, 200, 200, 404, 200, 404, 200),
    "plans:target_create": (302, 403, 302, 404, 302, 404, 302),
    "plans:target_update": (302, 403, 302, 404, 302, 404, 302),
    "plans:carry_over": (302, 403, 403, 404, 403, 404, 403),
    "reports:entry_index": (302, 200, 200, 200, 200, 200, 200),
    "reports:entry": (302, 302, 302, 404, 302, 404, 302),
    "reports:import": (302, 200, 200, 200, 200, 200, 200),  # no file: the form with its error
    "reports:rollup_index": (302, 302, 302, 302, 302, 302, 302),
    "reports:rollup": (302, 200, 200, 404, 200, 404, 200),
    "reports:series": (302, 200, 200, 404, 200, 404, 200),  # Tản Lĩnh's figures over the years
    "reports:submission": (302, 405, 405, 405, 405, 405, 405),  # a page: its actions have their own URLs
    # The personas act in turn on one report (a draft at first). The reporter submits it; reviewers may not
    # submit (403); the others do not see it (404); the administrator then finds it submitted already (400).
    "reports:submission_submit": (302, 302, 403, 404, 403, 404, 400),
    # The reporter may not review (403); the district approves; approving or returning it again is refused (400).
    "reports:submission_approve": (302, 403, 302, 404, 400, 404, 400),
    "reports:submission_return": (302, 403, 400, 404, 400, 404, 400),
    # The district reopens the approved report; it is then no longer approved (400).
    "reports:submission_reopen": (302, 403, 302, 404, 400, 404, 400),
    "reports:submission_comment": (302, 302, 302, 404, 302, 404, 302),  # a comment on the report
    # the narrative of the (returned, after the reopening) report: its own unit writes it, reviewers may not
    "reports:submission_narrative": (302, 302, 403, 404, 403, 404, 302),
    "reports:value_history": (302, 200, 200, 404, 200, 404, 200),
    "reports:quality_flags": (302, 405, 405, 405, 405, 405, 405),  # a page: GET only
    # only the agency's account (none among these personas) or an administrator writes its report
    "reports:agency_report": (302, 404, 403, 404, 403, 404, 302),
    "reports:dashboard": (302, 200, 200, 404, 200, 404, 200),
    "reports:dashboard_late": (302, 200, 200, 404, 200, 404, 200),
    # a reviewer above Tản Lĩnh reminds it (back with the outcome as a message); the reporter may not (403)
    "reports:reminder_send": (302, 403, 302, 404, 302, 404, 302),
    "exports:report_pdf": (302, 200, 200, 404, 200, 404, 200),
    "exports:summary_xlsx": (302, 200, 200, 404, 200, 404, 200),  # a download, nothing written
    "exports:template_xlsx": (302, 200, 200, 404, 200, 404, 200),
    "learning:index": (302, 302, 302, 302, 302, 302, 302),
    "learning:board": (302, 405, 405, 405, 405, 405, 405),  # a page: its actions have their own URLs
    # no evaluation ticked: refused with the reason (400), nothing written; outside the scope 404
    "learning:board_open": (302, 302, 403, 404, 403, 404, 302),
    "learning:board_feed": (302, 400, 400, 404, 400, 404, 400),  # this fixture has no indicator to feed
    "learning:board_self_assess": (302, 400, 400, 404, 400, 404, 400),
    "learning:board_check": (302, 400, 400, 404, 400, 404, 400),
    "learning:board_return": (302, 400, 400, 404, 400, 404, 400),
    "learning:board_recognise": (302, 400, 400, 404, 400, 404, 400),
    # the commune (and the administrator) self-assess; the district and province only check, never edit the scores
    "learning:evaluation_scores": (302, 302, 403, 404, 403, 404, 302),
    "learning:evaluation_evidence": (302, 400, 400, 404, 400, 404, 400),  # no file
    "learning:register_import": (302, 400, 400, 404, 400, 404, 400),  # no file
    "learning:evaluation": (302, 405, 405, 405, 405, 405, 405),  # a page: its forms have their own URLs
    "learning:evidence": (302, 200, 200, 404, 200, 404, 200),
    "learning:decision": (302, 200, 200, 404, 200, 404, 200),
    "learning:decision_pdf": (302, 200, 200, 404, 200, 404, 200),
    "learning:shares": (302, 200, 200, 404, 200, 404, 200),
    "learning:yearly_report": (302, 405, 405, 405, 405, 405, 405),  # reads only
    # the commune may not record its own result (403); the level above sends an empty form: refused (400)
    "emulation:result": (302, 403, 400, 404, 400, 404, 400),
    "learning:yearly_report_xlsx": (302, 405, 405, 405, 405, 405, 405),
    "learning:yearly_report_pdf": (302, 405, 405, 405, 405, 405, 405),
    # ---- jobs (/cong-viec/): the district officer's export job for Ba Vì. A job is its owner's (and the
    # administrators'): the province reviewer, who may see Ba Vì, starts an export of their own.
    "jobs:list": (302, 200, 200, 200, 200, 200, 200),
    "jobs:detail": (302, 404, 200, 404, 404, 404, 200),
    "jobs:status": (302, 404, 200, 404, 404, 404, 200),
    "jobs:download": (302, 404, 200, 404, 404, 404, 200),
}


def _fingerprint() -> tuple:
    """Everything a POST of this matrix could change."""
    from plans.models import Target
    from reports.models import Submission, SubmissionComment, Value

    return (
        list(Value.objects.order_by("pk").values_list("pk", "value", "version")),
        list(Target.objects.order_by("pk").values_list("pk", "year", "value")),
        list(Submission.objects.order_by("pk").values_list("pk", "status", "version")),
        SubmissionComment.objects.count(),
    )


class PostMatrixTests(RouteTestCase):
    client_for = PermissionMatrixTests.client_for

    def payload(self, name: str, n: int) -> dict:
        """A POST that changes something, different for each persona ``n`` so that every one is a change."""
        if name == "login":
            return {"username": "reporter", "password": "sai-mat-khau"}
        if name == "password_change":
            return {"old_password": "sai", "new_password1": "Moi-mat-khau-2025", "new_password2": "Moi-mat-khau-2025"}
        if name == "reports:entry":  # the grid's one row (its formset), the value changed
            return {"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "1", "rows-0-indicator": self.indicator.code,
                    "rows-0-value": str(10 + n), "rows-0-version": str(self.value_version())}  # fmt: skip
        if name in ("plans:target_create", "plans:target_update"):
            # A new year for each created target (2025 is the fixture's); the update keeps its own year.
            year = [2021, 2022, 2023, 2024, 2026, 2027, 2028][n] if name.endswith("create") else self.target.year
            return {"indicator": self.indicator.pk, "unit": self.bavi.pk, "year": year, "kind": "at_least",
                    "value": str(20 + n), "value_max": "", "note": ""}  # fmt: skip
        if name in ("reports:submission", "reports:submission_comment"):
            return {"body": f"Ý kiến {n}"}
        if name.startswith("reports:submission_"):
            return {"reason": f"Lý do {n}", "version": str(self.submission_version())}
        return {"value": "1"}

    def submission_version(self) -> int:
        from reports.models import Submission

        found = Submission.objects.filter(unit=self.value.unit_id, period=self.value.period_id).first()
        return found.version if found else 1

    def value_version(self) -> int:
        from reports.models import Value

        return Value.objects.get(pk=self.value.pk).version

    def test_it_answers_every_post_for_every_persona_and_writes_only_in_scope(self):
        names = [r.name for r in routes() if not r.skipped]
        self.assertEqual([n for n in names if n not in EXPECTED_POST], [], "URLs without a row in EXPECTED_POST")
        mismatches, actual = [], {}
        for route in routes():
            if route.skipped or route.name not in EXPECTED_POST:
                continue
            url = reverse(route.name, kwargs=self.kwargs_for(route.name, route.params))
            row = []
            for n, role in enumerate(ROLES):
                client = self.client_for(role)
                before = _fingerprint()
                status = client.post(url, self.payload(route.name, n)).status_code
                row.append(status)
                if status in (403, 404) or role == "anonymous":
                    self.assertEqual(_fingerprint(), before, f"POST {url} as {role} ({status}) wrote something")
                if status != EXPECTED_POST[route.name][n]:
                    mismatches.append(
                        f"POST {route.name} {url} as {role}: expected {EXPECTED_POST[route.name][n]}, got {status}"
                    )
            actual[route.name] = tuple(row)
        table = "\n".join(f"    {name!r}: {row}," for name, row in actual.items())
        self.assertEqual(mismatches, [], "POST matrix differs:\n" + "\n".join(mismatches) + "\nActual:\n" + table)
