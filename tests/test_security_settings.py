"""Hardening: login throttling, production settings (HTTPS, secure cookies, HSTS, CSP), no inline scripts in
the templates, and error pages that never show a stack trace."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest
from django.test import Client, TestCase, override_settings
from django.urls import path as url_path
from django.urls import reverse

from xhht import urls as portal_urls

from .base import PASSWORD, PersonasTestCase

ROOT = Path(settings.BASE_DIR)


class LoginThrottlingTests(PersonasTestCase):
    @override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
    def test_it_locks_a_username_after_repeated_failures_with_a_vietnamese_page(self):
        client = Client()
        for _ in range(2):
            response = client.post(reverse("login"), {"username": "reporter", "password": "sai-mat-khau"})
            self.assertEqual(response.status_code, 200)  # the form again
        response = client.post(reverse("login"), {"username": "reporter", "password": "sai-mat-khau"})
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần", status_code=429)
        # Even the right password is refused while locked.
        response = client.post(reverse("login"), {"username": "reporter", "password": PASSWORD})
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", client.session)
        self.assertTrue(AccessAttempt.objects.filter(username="reporter").exists())

    @override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
    def test_it_does_not_lock_another_username(self):
        client = Client()
        for _ in range(3):
            client.post(reverse("login"), {"username": "reporter", "password": "sai-mat-khau"})
        response = client.post(reverse("login"), {"username": "district", "password": PASSWORD})
        self.assertEqual(response.status_code, 302)


def production_settings(code: str) -> dict:
    """Run ``code`` (which prints JSON) under the environment of a production server: only the secrets given."""
    env = {k: v for k, v in os.environ.items() if k not in _TEST_OVERRIDES}
    env.update(
        {
            "SECRET_KEY": "production-like-secret-for-the-test",
            "DEBUG": "0",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": "sqlite:///:memory:",
            "DJANGO_SETTINGS_MODULE": "xhht.settings",
            "STATIC_MANIFEST": "0",  # no collectstatic in the test; it is a storage choice, not a security one
        }
    )
    script = "import django, json; django.setup()\nfrom django.conf import settings\n" + code
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


_TEST_OVERRIDES = {"DEBUG", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "AXES_ENABLED", "SECURE_HSTS_SECONDS"}


class ProductionSettingsTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prod = production_settings(
            "from django.test import Client\n"
            "c = Client()\n"
            "plain = c.get('/dang-nhap/')\n"
            "secure = c.get('/dang-nhap/', secure=True)\n"
            "print(json.dumps({k: getattr(settings, k) for k in ("
            "'DEBUG', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY',"
            "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS',"
            "'AXES_ENABLED', 'AXES_FAILURE_LIMIT', 'MIDDLEWARE', 'CONTENT_SECURITY_POLICY', 'ALLOWED_HOSTS',"
            "'DATA_UPLOAD_MAX_MEMORY_SIZE', 'FILE_UPLOAD_MAX_MEMORY_SIZE', 'XHHT_MAX_UPLOAD_BYTES',"
            "'FILE_UPLOAD_HANDLERS', 'XHHT_UPLOAD_CEILING_BYTES')}"
            " | {'plain_status': plain.status_code, 'plain_location': plain.get('Location', ''),"
            " 'secure_status': secure.status_code, 'headers': dict(secure.headers),"
            " 'cookies': {n: dict(m) for n, m in secure.cookies.items()}}))\n"
        )

    def test_it_turns_debug_off_and_sends_plain_http_to_https(self):
        self.assertFalse(self.prod["DEBUG"])
        self.assertTrue(self.prod["SECURE_SSL_REDIRECT"])
        self.assertEqual(self.prod["plain_status"], 301)
        self.assertTrue(self.prod["plain_location"].startswith("https://"))

    def test_it_sends_cookies_over_https_only(self):
        self.assertTrue(self.prod["SESSION_COOKIE_SECURE"])
        self.assertTrue(self.prod["CSRF_COOKIE_SECURE"])
        self.assertTrue(self.prod["SESSION_COOKIE_HTTPONLY"])
        self.assertEqual(self.prod["secure_status"], 200)
        self.assertTrue(self.prod["cookies"]["csrftoken"]["secure"])

    def test_it_sends_hsts_for_a_year(self):
        self.assertGreaterEqual(self.prod["SECURE_HSTS_SECONDS"], 31536000)
        self.assertIn("max-age=31536000", self.prod["headers"]["Strict-Transport-Security"])

    def test_it_sends_a_content_security_policy_without_inline_scripts(self):
        self.assertIn("csp.middleware.CSPMiddleware", self.prod["MIDDLEWARE"])
        policy = self.prod["headers"]["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        self.assertEqual(directives["script-src"], "'self'")
        self.assertEqual(directives["default-src"], "'self'")
        self.assertNotIn("unsafe-inline", policy)
        self.assertNotIn("unsafe-eval", policy)
        self.assertEqual(directives["frame-ancestors"], "'none'")
        self.assertEqual(self.prod["headers"]["X-Frame-Options"], "DENY")
        self.assertEqual(self.prod["headers"]["X-Content-Type-Options"], "nosniff")

    def test_it_throttles_logins_in_production(self):
        self.assertTrue(self.prod["AXES_ENABLED"])
        self.assertLessEqual(self.prod["AXES_FAILURE_LIMIT"], 10)
        self.assertEqual(self.prod["MIDDLEWARE"][-1], "axes.middleware.AxesMiddleware")

    def test_it_keeps_upload_limits_sane(self):
        mib = 1024 * 1024
        self.assertLessEqual(self.prod["DATA_UPLOAD_MAX_MEMORY_SIZE"], 10 * mib)
        self.assertLessEqual(self.prod["FILE_UPLOAD_MAX_MEMORY_SIZE"], 10 * mib)
        self.assertLessEqual(self.prod["XHHT_MAX_UPLOAD_BYTES"], 50 * mib)
        self.assertEqual(self.prod["FILE_UPLOAD_HANDLERS"][-1], "core.uploads.CeilingUploadHandler")
        self.assertLessEqual(self.prod["XHHT_UPLOAD_CEILING_BYTES"], 64 * mib)

    def test_it_refuses_to_start_without_a_secret_key(self):
        env = {k: v for k, v in os.environ.items() if k not in _TEST_OVERRIDES | {"SECRET_KEY"}}
        env.update({"DEBUG": "0", "DJANGO_SETTINGS_MODULE": "xhht.settings"})
        done = subprocess.run(
            [sys.executable, "-c", "import django; django.setup()"], env=env, cwd=ROOT, capture_output=True, text=True
        )
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("SECRET_KEY must be set", done.stderr)


# --- no inline script anywhere in what the portal renders ----------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def _our_files(pattern: str):
    for path in ROOT.glob(pattern):
        parts = set(path.relative_to(ROOT).parts)
        if parts & {".venv", "node_modules", "staticfiles", "static"}:
            continue
        yield path


class NoInlineScriptTests(TestCase):
    def test_it_has_no_inline_script_or_event_handler_in_the_templates(self):
        found = []
        for path in [*_our_files("templates/**/*.html"), *_our_files("*/templates/**/*.html")]:
            text = path.read_text(encoding="utf-8")
            for regex in (INLINE_SCRIPT, EVENT_HANDLER, JS_URL):
                for match in regex.finditer(text):
                    line = text.count("\n", 0, match.start()) + 1
                    found.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)[:60]}")
        self.assertEqual(found, [], "Inline scripts are blocked by the CSP; move them to a static .js file")

    def test_it_builds_no_script_tag_in_python_code(self):
        found = [
            str(path.relative_to(ROOT))
            for path in _our_files("*/*.py")
            if path.parts[-2] != "tests" and "<script" in path.read_text(encoding="utf-8").lower()
        ]
        self.assertEqual(found, [])


# --- errors never show a stack trace -------------------------------------------------------------------------


def _broken_view(request: HttpRequest):
    raise RuntimeError("secret detail: /etc/passwd SELECT * FROM accounts_user")


urlpatterns = [url_path("hong/", _broken_view)]
handler500 = portal_urls.handler500  # the portal's own handler


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
class ErrorPageTests(PersonasTestCase):
    def test_it_shows_the_vietnamese_500_page_without_a_trace(self):
        client = Client(raise_request_exception=False)
        client.force_login(self.reporter)
        response = client.get("/hong/")
        self.assertEqual(response.status_code, 500)
        self.assertTemplateUsed(response, "errors/500.html")
        body = response.content.decode()
        for leak in ("Traceback", "secret detail", "RuntimeError", "/etc/passwd", "SELECT", ".py"):
            self.assertNotIn(leak, body)


class NotFoundPageTests(PersonasTestCase):
    def test_it_shows_the_vietnamese_404_page(self):
        self.client.force_login(self.reporter)
        response = self.client.get("/khong-co-trang-nay/")
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "errors/404.html")
        self.assertNotIn("Page not found", response.content.decode())
        self.assertNotIn("urlpatterns", response.content.decode())


class OpenRedirectTests(PersonasTestCase):
    EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"]

    def test_it_never_sends_a_person_to_another_site_after_login(self):
        for target in self.EVIL:
            with self.subTest(next=target):
                response = Client().post(
                    reverse("login") + "?next=" + target, {"username": "reporter", "password": PASSWORD}
                )
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], reverse("home"))

    def test_it_never_sends_a_person_to_another_site_after_changing_the_language(self):
        for target in self.EVIL:
            with self.subTest(next=target):
                response = Client().post(reverse("set_language"), {"language": "en", "next": target})
                self.assertEqual(response.status_code, 302)
                self.assertFalse(response["Location"].startswith(("http", "//", "/\\", "javascript")), target)
