"""schemathesis against the portal's own ``/api/v1/openapi.json``: every operation, generated valid and invalid
requests, with a Bearer token of the Hà Nội province reviewer and of a commune reporter. No request may end in
a server error, and documented answers must match their schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from accounts.models import Role
from accounts.services import api_token_create
from indicators.models import Indicator, Measure
from plans.models import Plan, PlanStatus
from plans.periods import period_get_or_create
from reports.models import Value
from units.models import UnitKind
from xhht.api import api

from .factories import UserFactory, make_unit

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def in_test_transaction():
    """As Django's test client does: the WSGI app must not close the test's connection after each request."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(params=[Role.PROVINCE_REVIEWER, Role.COMMUNE_REPORTER])
def token(request, db, in_test_transaction):
    hanoi = make_unit(None, "01", "Thành phố Hà Nội", UnitKind.CITY)
    bavi = make_unit(hanoi, "271", "Huyện Ba Vì", UnitKind.RURAL_DISTRICT)
    tanlinh = make_unit(bavi, "09910", "Xã Tản Lĩnh")
    make_unit(make_unit(None, "20", "Tỉnh Lạng Sơn", UnitKind.PROVINCE), "185", "Huyện Chi Lăng")
    clc = Indicator.objects.create(code="CLC", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT)
    Indicator.objects.create(code="LIT", name="Tỷ lệ biết chữ", measure=Measure.RATIO)
    Value.objects.create(unit=tanlinh, indicator=clc, period=period_get_or_create(code="2024"), value=3)
    Plan.objects.create(unit=bavi, issuing_body="UBND huyện Ba Vì", title="Kế hoạch", start_year=2021,
                        end_year=2030, status=PlanStatus.ISSUED)  # fmt: skip
    # The widest scope below the administrator, and the narrowest (who may write only their own commune).
    unit = hanoi if request.param == Role.PROVINCE_REVIEWER else tanlinh
    return api_token_create(user=UserFactory(username="caller", role=request.param, unit=unit))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_it_never_answers_a_server_error(case, token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
