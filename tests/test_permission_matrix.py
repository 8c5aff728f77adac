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
    # ---- reports: Tản Lĩnh, 2024
    "reports:entry_index": (302, 200, 200, 200, 200, 200, 200),
    "reports:entry": (302, 200, 200, 404, 200, 404, 200),
    "reports:import": (302, 200, 200, 200, 200, 200, 200),
    "reports:rollup_index": (302, 302, 302, 302, 302, 302, 302),  # to the roll-up of the person's own unit
    "reports:rollup": (302, 200, 200, 404, 200, 404, 200),
    "reports:submission": (302, 200, 200, 404, 200, 404, 200),
    "reports:value_history": (302, 200, 200, 404, 200, 404, 200),
    "reports:dashboard": (302, 200, 200, 404, 200, 404, 200),
    "reports:dashboard_late": (302, 200, 200, 404, 200, 404, 200),
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
