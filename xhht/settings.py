"""One settings module for every environment, driven by environment variables.

A bad value stops the process with a message naming the variable: a portal that starts with a
half-understood configuration is worse than one that does not start.
"""

import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str | None:
    import os

    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = env(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off).")


def env_int(name: str, default: int) -> int:
    raw = env(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from None


def env_networks(name: str, default: list[str]) -> list[str]:
    """Comma-separated IP addresses or networks (``127.0.0.1,10.1.0.0/16,::1``), each checked."""
    import ipaddress

    networks = env_list(name, default)
    for item in networks:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an IP address or network.") from None
    return networks


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

_INSECURE_DEV_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env("SECRET_KEY") or (_INSECURE_DEV_KEY if DEBUG else None)
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README, 'Configuration').")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "treebeard",
    "import_export",
    "simple_history",
    "core.vendor_apps.AxesConfig",  # django-axes, its admin heading in Vietnamese
    "django_tasks",
    "core.vendor_apps.TasksConfig",  # django_tasks_db, its admin heading in Vietnamese
    "core",
    "accounts",
    "units",
    "indicators",
    "plans",
    "emulation",
    "reports",
    "exports",
    "learning",
    "demo",
    "jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last: it answers locked-out logins before the view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "xhht.urls"
WSGI_APPLICATION = "xhht.wsgi.application"
ASGI_APPLICATION = "xhht.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# The embedded default is a SQLite file in the project directory; production uses PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers may write; WAL and a busy timeout keep SQLite from failing on a lock.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The roll-up's aggregates are large but simple; JIT compilation costs more than it saves on them.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): lock a username AND client address pair after repeated failures, so that
# someone guessing a password locks that account from their own address only. The client's address is the
# one nginx forwards, believed only from XHHT_TRUSTED_PROXIES (core/client.py). Unlocking: docs/operations.md.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.client.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # each failure (username, address, browser, time), for the administrator
XHHT_TRUSTED_PROXIES = env_networks("XHHT_TRUSTED_PROXIES", ["127.0.0.1", "::1"])

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "core" / "locale_vendor"]  # the second: admin and third-party strings
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
FORMAT_MODULE_PATH = ["xhht.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names need `collectstatic`; development and tests serve the files as they are.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# WhiteNoise serves the files from the apps' static folders, without collectstatic: development, tests and the
# demo (`make run`, DEBUG off); production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = env_bool("STATIC_FROM_SOURCES", DEBUG)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")

# Uploads: refuse big bodies early; a file upload of more than this is refused by the form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
XHHT_MAX_UPLOAD_BYTES = env_int("XHHT_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
# Past this, an uploaded file's bytes are dropped instead of spooled to disk (core/uploads.py); above every
# form's own limit (the import's, the 10 MB of learning evidence), so each still refuses by the real size.
XHHT_UPLOAD_CEILING_BYTES = max(XHHT_MAX_UPLOAD_BYTES, 10 * 1024 * 1024) + 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "core.uploads.CeilingUploadHandler",
]

# The administration's import and export: text is escaped against formulas by core/spreadsheet.py; the
# library's own escaping (it drops a leading "=" and turns numbers into text) stays off.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False

# E-mail: console in development, SMTP when EMAIL_HOST is given.
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "xhht@localhost")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)

# Security. HTTPS is terminated by the front server (nginx); see docs/deployment.md.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# A session lasts a working day: a portal left open on a shared office computer does not stay signed in.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
if SESSION_COOKIE_AGE <= 0:
    raise ImproperlyConfigured(f"SESSION_COOKIE_AGE={SESSION_COOKIE_AGE} must be a number of seconds above 0.")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: everything is served from this origin, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

# Background jobs (jobs/, docs/deployment.md): Django's tasks API (the django-tasks backport) on the database
# backend, run by `python manage.py db_worker`; the tests set the immediate backend (the job runs in the request).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
#: A finished job's file is kept this many hours, then removed by the clean-up (jobs_cleanup, or the worker's own).
XHHT_JOB_KEEP_HOURS = env_int("XHHT_JOB_KEEP_HOURS", 72)
#: A running job writes a heartbeat every XHHT_JOB_HEARTBEAT_SECONDS; one silent for XHHT_JOB_STALE_SECONDS is taken
#: as interrupted (its worker died or restarted): retried once, then marked failed.
XHHT_JOB_HEARTBEAT_SECONDS = env_int("XHHT_JOB_HEARTBEAT_SECONDS", 10)
XHHT_JOB_STALE_SECONDS = env_int("XHHT_JOB_STALE_SECONDS", 120)
XHHT_JOB_MAX_ATTEMPTS = env_int("XHHT_JOB_MAX_ATTEMPTS", 2)
#: Above these sizes an export or an import runs as a background job (figures in docs/benchmarks.md).
XHHT_JOB_XLSX_UNITS = env_int("XHHT_JOB_XLSX_UNITS", 60)
XHHT_JOB_PDF_CHILDREN = env_int("XHHT_JOB_PDF_CHILDREN", 20)
XHHT_JOB_IMPORT_ROWS = env_int("XHHT_JOB_IMPORT_ROWS", 2000)
XHHT_JOB_DECISION_LINES = env_int("XHHT_JOB_DECISION_LINES", 200)
#: The local time (HH:MM) of the daily reminders job that the worker schedules (cron: docs/operations.md).
XHHT_REMINDERS_AT = env("XHHT_REMINDERS_AT", "07:15") or "07:15"
if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", XHHT_REMINDERS_AT):
    raise ImproperlyConfigured(f"XHHT_REMINDERS_AT={XHHT_REMINDERS_AT!r} is not a time HH:MM (e.g. 07:15).")

# Reporting defaults. XHHT_SITE_URL is the address put in e-mails (e.g. https://xhht.example.gov.vn).
XHHT_SITE_URL = env("XHHT_SITE_URL", "http://127.0.0.1:8000" if DEBUG else "") or ""
XHHT_REMINDER_DAYS_BEFORE = env_int("XHHT_REMINDER_DAYS_BEFORE", 7)
XHHT_CHANGE_WARNING_FACTOR = float(env("XHHT_CHANGE_WARNING_FACTOR", "3") or 3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
