"""A form sent from another site is refused: every URL accepting POST checks the CSRF token.

Generated from the URL configuration (``tests/urlwalk.py``): every route is posted to without the token, by a
visitor and by the administrator (who may post everywhere), and must answer 403 with the Vietnamese page,
writing nothing. No view of the portal may be ``csrf_exempt`` except the API, whose session authentication
checks the token itself (tested in ``test_api_scope_matrix``).
"""

from __future__ import annotations

from django.test import Client
from django.urls import NoReverseMatch, reverse

from reports.models import Value

from .base import PASSWORD
from .urlwalk import RouteTestCase, routes

CSRF_EXEMPT_ALLOWED = {"api-v1"}  # django-ninja: csrf_exempt views, the session auth checks the token itself


class CsrfTests(RouteTestCase):
    def urls(self):
        for route in routes():
            head = route.name.split(":", 1)[0]
            if head in CSRF_EXEMPT_ALLOWED:
                continue
            if head == "admin":
                # The back office's pages without an object id (index, login, lists, add forms) stand for it.
                try:
                    yield route.name, reverse(route.name)
                except NoReverseMatch:
                    pass
                continue
            yield route.name, reverse(route.name, kwargs=self.kwargs_for(route.name, route.params))

    def test_it_has_no_csrf_exempt_view_outside_the_api(self):
        exempt = [
            r.name
            for r in routes()
            if getattr(r.callback, "csrf_exempt", False) and r.name.split(":", 1)[0] not in CSRF_EXEMPT_ALLOWED
        ]
        self.assertEqual(exempt, [])

    def test_it_refuses_a_post_without_the_token_on_every_url(self):
        values_before = Value.objects.count()
        anonymous = Client(enforce_csrf_checks=True)
        admin = Client(enforce_csrf_checks=True)
        admin.force_login(self.admin)
        checked = 0
        for name, url in self.urls():
            for who, client in (("anonymous", anonymous), ("admin", admin)):
                response = client.post(url, {"username": "admin", "password": PASSWORD, "value": "1"})
                self.assertEqual(response.status_code, 403, f"POST {url} ({name}) as {who} without a CSRF token")
                self.assertContains(response, "Phiên làm việc đã hết hạn", status_code=403)
                checked += 1
        self.assertGreater(checked, 20)
        self.assertEqual(Value.objects.count(), values_before)

    def test_it_accepts_the_same_post_with_the_token(self):
        client = Client(enforce_csrf_checks=True)
        client.get(reverse("login"))
        token = client.cookies["csrftoken"].value
        response = client.post(
            reverse("login"), {"username": "reporter", "password": PASSWORD, "csrfmiddlewaretoken": token}
        )
        self.assertEqual(response.status_code, 302)

    def test_it_logs_out_only_by_a_post_with_the_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.reporter)
        self.assertEqual(client.post(reverse("logout")).status_code, 403)
        self.assertEqual(client.get(reverse("home")).status_code, 200)  # still logged in
