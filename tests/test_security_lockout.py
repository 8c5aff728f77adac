"""Login throttling cannot be turned into a weapon.

Behind the documented nginx (deploy/nginx) every request reaches the portal from 127.0.0.1; the client's
address comes in ``X-Forwarded-For``, which nginx sets. The portal believes that header only from the proxies
listed in ``XHHT_TRUSTED_PROXIES`` (127.0.0.1 and ::1 by default) and keys a lockout on the username AND that
address: five wrong passwords typed against "admin" from one place lock "admin" from that place only, not
every user behind the proxy, not the administrator at his own desk. A locked-out person gets the login page
with a Vietnamese explanation and the way back (an administrator unlocks with ``axes_reset_username`` or in
the administration).
"""

from __future__ import annotations

import os
import subprocess
import sys

from axes.models import AccessAttempt, AccessFailureLog
from django.core.management import call_command
from django.test import Client, RequestFactory, SimpleTestCase, override_settings
from django.urls import reverse

from core.client import client_address

from .base import PASSWORD, PersonasTestCase
from .test_security_settings import _TEST_OVERRIDES, ROOT

PROXY = "127.0.0.1"
ATTACKER, OFFICE = "203.0.113.9", "198.51.100.7"


def through_nginx(client_ip: str) -> dict:
    """A request as nginx forwards it (``proxy_set_header X-Forwarded-For $remote_addr``)."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_ip}


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
class LockoutBehindTheProxyTests(PersonasTestCase):
    def log_in(self, username: str, password: str, **meta):
        return Client(**meta).post(reverse("login"), {"username": username, "password": password})

    def lock(self, username: str, **meta) -> None:
        for _ in range(3):
            self.log_in(username, "sai-mat-khau", **meta)

    def test_it_does_not_lock_the_administrator_at_his_desk_when_someone_else_guesses_his_password(self):
        self.lock("admin", **through_nginx(ATTACKER))
        self.assertEqual(self.log_in("admin", PASSWORD, **through_nginx(ATTACKER)).status_code, 429)
        self.assertEqual(self.log_in("admin", PASSWORD, **through_nginx(OFFICE)).status_code, 302)

    def test_a_locked_user_does_not_lock_another_user_from_the_same_proxy_address(self):
        self.lock("reporter", **through_nginx(ATTACKER))
        self.assertEqual(self.log_in("district", PASSWORD, **through_nginx(ATTACKER)).status_code, 302)
        self.assertEqual(self.log_in("district", PASSWORD, REMOTE_ADDR=PROXY).status_code, 302)

    def test_it_records_the_clients_address_not_the_proxys(self):
        self.lock("reporter", **through_nginx(ATTACKER))
        self.assertEqual(list(AccessAttempt.objects.values_list("ip_address", flat=True)), [ATTACKER])
        # Each failure is kept for the administrator: who was tried, from where.
        failures = AccessFailureLog.objects.values_list("username", "ip_address")
        self.assertEqual(list(failures), [("reporter", ATTACKER)] * 3)

    def test_it_ignores_a_forged_forwarded_header_from_an_untrusted_address(self):
        # Straight to gunicorn (no nginx), claiming a new address each time: still one address, locked.
        for n in range(3):
            self.log_in("reporter", "sai-mat-khau", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        response = self.log_in("reporter", PASSWORD, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="10.0.0.99")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(list(AccessAttempt.objects.values_list("ip_address", flat=True)), [ATTACKER])

    def test_it_shows_the_login_page_with_a_vietnamese_explanation_and_the_way_back(self):
        self.lock("reporter", **through_nginx(ATTACKER))
        response = self.log_in("reporter", PASSWORD, **through_nginx(ATTACKER))
        self.assertEqual(response.status_code, 429)
        self.assertTemplateUsed(response, "registration/login.html")
        self.assertContains(response, "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần", status_code=429)
        self.assertContains(response, "1 giờ", status_code=429)
        self.assertContains(response, "quản trị hệ thống", status_code=429)
        self.assertContains(response, 'name="password"', status_code=429)  # the form, not a bare error page
        self.assertContains(response, 'value="reporter"', status_code=429)

    def test_an_administrator_unlocks_with_the_command(self):
        self.lock("reporter", **through_nginx(ATTACKER))
        call_command("axes_reset_username", "reporter", stdout=open(os.devnull, "w"))
        self.assertEqual(self.log_in("reporter", PASSWORD, **through_nginx(ATTACKER)).status_code, 302)

    def test_an_administrator_unlocks_in_the_administration(self):
        self.lock("reporter", **through_nginx(ATTACKER))
        admin = Client()
        admin.force_login(self.admin)
        attempt = AccessAttempt.objects.get(username="reporter")
        response = admin.post(
            reverse("admin:axes_accessattempt_changelist"),
            {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.log_in("reporter", PASSWORD, **through_nginx(ATTACKER)).status_code, 302)


class ClientAddressTests(SimpleTestCase):
    def address(self, **meta) -> str:
        return client_address(RequestFactory().get("/", **meta))

    def test_it_believes_the_forwarded_header_only_from_a_trusted_proxy(self):
        self.assertEqual(self.address(**through_nginx(OFFICE)), OFFICE)
        self.assertEqual(self.address(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OFFICE), ATTACKER)
        self.assertEqual(self.address(REMOTE_ADDR=PROXY), PROXY)

    def test_it_takes_the_nearest_untrusted_address_of_a_chain(self):
        # A client may send its own header; a proxy that appends ($proxy_add_x_forwarded_for) puts the real
        # address last: the forged first entry is never believed.
        self.assertEqual(self.address(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"10.0.0.1, {ATTACKER}"), ATTACKER)

    @override_settings(XHHT_TRUSTED_PROXIES=["10.1.0.0/16"])
    def test_it_trusts_the_networks_it_is_told_and_nothing_else(self):
        self.assertEqual(self.address(REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR=OFFICE), OFFICE)
        self.assertEqual(self.address(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OFFICE), PROXY)

    def test_it_ignores_a_header_that_is_not_an_address(self):
        self.assertEqual(self.address(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="<script>, x"), PROXY)


class TrustedProxiesSettingTests(SimpleTestCase):
    def start(self, value: str) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k not in _TEST_OVERRIDES}
        env.update({"SECRET_KEY": "x", "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "xhht.settings"})
        env["XHHT_TRUSTED_PROXIES"] = value
        code = "import django; django.setup(); from django.conf import settings; print(settings.XHHT_TRUSTED_PROXIES)"
        return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)

    def test_it_reads_addresses_and_networks(self):
        done = self.start("127.0.0.1, 10.1.0.0/16,::1")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("10.1.0.0/16", done.stdout)

    def test_it_refuses_to_start_with_a_bad_value(self):
        done = self.start("127.0.0.1,nginx.local")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("XHHT_TRUSTED_PROXIES", done.stderr)
        self.assertIn("nginx.local", done.stderr)
