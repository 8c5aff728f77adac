"""API authentication (personal Bearer tokens, the browser session) and ``/api/v1/me/``."""

from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import HttpBearer, SessionAuth

from accounts.models import ApiToken, Role, User

RoleName = Literal[tuple(Role.values)]  # type: ignore[valid-type]


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` with a personal token (``manage.py api_token USERNAME``)."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        token = token.strip()
        if not token:
            return None
        user = ApiToken.objects.user_for(token)
        if user is not None:
            # The views and the history middleware read the caller from request.user, as in the portal.
            request.user = user
        return user


#: Tried in this order; the first that answers gives ``request.auth``. The session auth checks CSRF,
#: which only concerns unsafe methods (every v1 endpoint is a GET).
API_AUTH = [ApiTokenAuth(), SessionAuth()]


class MeOut(Schema):
    username: str
    role: RoleName
    unit_code: str | None

    @staticmethod
    def resolve_unit_code(obj: User) -> str | None:
        return obj.unit.code if obj.unit_id else None


router = Router(tags=["accounts"])


@router.get("/me/", response=MeOut, summary="Người dùng hiện tại")
def me(request: HttpRequest):
    """The caller: username, role and the code of their unit (null for an administrator without one)."""
    return request.auth
