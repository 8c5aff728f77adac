"""The read API v1 (django-ninja), mounted at ``/api/v1/``.

Every endpoint needs a caller: a personal token (``Authorization: Bearer <token>``, made by
``python manage.py api_token USERNAME``) or the portal's session. What it returns is scoped by the
``visible_to(user)`` QuerySet methods; an object outside the scope is 404, as if it did not exist.

Codes of units are reused across the 2025 reform: an endpoint that takes a unit code also takes ``on`` (a day) or
``structure`` (``legacy``, ``2025``) to say which unit it names (``units.api``); a row written names the unit
valid in its period. The schema is at ``/api/v1/openapi.json``. The interactive docs page is off: ninja's Swagger page loads its
scripts from a CDN, which the portal's Content-Security-Policy (and offline installs) do not allow.
Errors are JSON ``{"detail": "..."}`` in Vietnamese.
"""

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from accounts.api import API_AUTH
from accounts.api import router as accounts_router
from indicators.api import router as indicators_router
from plans.api import router as plans_router
from reports.api import router as values_router
from units.api import router as units_router

logger = logging.getLogger("django.request")


class Utf8JSONRenderer(JSONRenderer):
    """Vietnamese text as UTF-8, not ``\\uXXXX`` escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="XHHT API",
    version="1",
    description="API đọc dữ liệu của cổng thông tin xây dựng xã hội học tập, trong phạm vi của người gọi.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,
    auth=API_AUTH,
    renderer=Utf8JSONRenderer(),
)

api.add_router("", accounts_router)
api.add_router("/units/", units_router)
api.add_router("/indicators/", indicators_router)
api.add_router("/plans/", plans_router)
api.add_router("/values/", values_router)


BAD_BODY = "Không đọc được nội dung yêu cầu: phải là JSON hợp lệ, mã UTF-8."
UNAUTHENTICATED = "Chưa xác thực: hãy đăng nhập hoặc gửi mã truy cập API (Authorization: Bearer <mã>)."


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(request, {"detail": UNAUTHENTICATED}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="xhht"'
    return response


@api.exception_handler(AuthorizationError)
def forbidden(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
    return api.create_response(request, {"detail": "Bạn không có quyền thực hiện thao tác này."}, status=403)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        # ninja's "Cannot parse request body"; a 400 is documented as rows refused, so this is invalid input.
        return api.create_response(request, {"detail": BAD_BODY}, status=422)
    messages = {403: "Bạn không có quyền thực hiện thao tác này (hoặc thiếu mã CSRF).", 404: "Không tìm thấy."}
    return api.create_response(request, {"detail": messages.get(exc.status_code, str(exc))}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


def _error_message(request: HttpRequest, error: dict[str, Any]) -> str:
    """One invalid parameter, in Vietnamese: ``Tham số 'level' = 'foo' không hợp lệ: ...``."""
    loc = [str(part) for part in error.get("loc", ())]
    source, field = (loc[0], ".".join(loc[1:])) if len(loc) > 1 else ("", ".".join(loc))
    value = request.GET.get(field) if source == "query" else None
    subject = f"Tham số '{field}'" + (f" = '{value}'" if value is not None else "")
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in {"literal_error", "enum"}:
        expected = str(ctx.get("expected", "")).replace(" or ", " hoặc ")
        return f"{subject} không hợp lệ: phải là một trong {expected}."
    if kind == "missing":
        return f"Thiếu tham số bắt buộc '{field}'."
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"{subject} không hợp lệ: phải là một số nguyên."
    if kind == "greater_than_equal":
        return f"{subject} không hợp lệ: phải lớn hơn hoặc bằng {ctx.get('ge')}."
    if kind == "less_than_equal":
        return f"{subject} không hợp lệ: phải nhỏ hơn hoặc bằng {ctx.get('le')}."
    return f"{subject} không hợp lệ ({error.get('msg', '')})."


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    messages = [_error_message(request, error) for error in exc.errors]
    return api.create_response(
        request,
        {
            "detail": " ".join(messages),
            "errors": [
                {"loc": list(error.get("loc", ())), "type": error.get("type", ""), "message": message}
                for error, message in zip(exc.errors, messages, strict=True)
            ],
        },
        status=422,
    )


@api.exception_handler(Exception)
def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.error("API error: %s %s", request.method, request.path, exc_info=exc)
    return api.create_response(request, {"detail": "Lỗi máy chủ. Vui lòng thử lại sau."}, status=500)
