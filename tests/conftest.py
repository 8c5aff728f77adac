import pytest
from django.conf import settings


def pytest_configure(config):
    # Hashing is not what these tests test; MD5 makes creating personas instant.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _skip_postgres_only(request):
    if request.node.get_closest_marker("postgres") and settings.DATABASES["default"]["ENGINE"] != (
        "django.db.backends.postgresql"
    ):
        pytest.skip("cần PostgreSQL (chạy bằng make test-postgres)")
