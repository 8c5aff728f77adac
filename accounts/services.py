from __future__ import annotations

from django.db import transaction

from .models import ApiToken, User


@transaction.atomic
def api_token_create(*, user: User) -> str:
    """Create a personal API token and return its raw value (it is not stored and cannot be shown again)."""
    raw, digest = ApiToken.generate()
    ApiToken.objects.create(user=user, digest=digest, prefix=raw[5:13])
    return raw
