"""The portal's URL configuration as a list, for the tests generated from it (permissions, CSRF).

Every named route is listed with its full name (``namespace:name``), its pattern and its view. Routes a
generated test leaves out are named in ``SKIPPED`` with the reason, so that nothing is left out silently.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterator
from decimal import Decimal

from django.urls import URLPattern, URLResolver, get_resolver

from indicators.models import Indicator, Measure
from plans.models import Target, TargetKind
from plans.periods import period_get_or_create
from reports.models import EntryPath, Value

from .base import PersonasTestCase
from .factories import make_plan
from .test_learning_scoring import points_set

#: Namespaces / names that the generated page tests do not cover, and why.
SKIPPED = {
    "admin": "Django's back office (/quan-tri/): staff only, guarded by Django itself; checked separately.",
    "set_language": "i18n switch (/ngon-ngu/): public by design, no data.",
    "api-v1": "The API: every endpoint × method × persona is in tests/test_api_scope_matrix.py.",
}


@dataclasses.dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    pattern: str  # "bao-cao/tong-hop/<int:unit_id>/<str:period>/"
    callback: Callable
    params: tuple[str, ...]

    @property
    def skipped(self) -> str | None:
        head = self.name.split(":", 1)[0]
        return SKIPPED.get(head) or SKIPPED.get(self.name)


def _walk(patterns, prefix: str, namespace: str) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            full = f"{namespace}:{entry.name}" if namespace else entry.name
            params = tuple(entry.pattern.converters) if hasattr(entry.pattern, "converters") else ()
            yield Route(full, prefix + str(entry.pattern), entry.callback, params)


def routes() -> list[Route]:
    """Every named route of the URLconf, in order (the first of a duplicated name wins, as ``reverse`` does)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, "/", ""):
        seen.setdefault(route.name, route)
    return list(seen.values())


class RouteTestCase(PersonasTestCase):
    """The personas plus one object of Ba Vì's tree for every kind of URL parameter."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.indicator = Indicator.objects.create(
            code="TTHTCD", name="Số trung tâm học tập cộng đồng", measure=Measure.COUNT, unit_of_measure="trung tâm"
        )
        cls.period = period_get_or_create(code="2024")
        cls.plan = make_plan(
            cls.bavi,
            issuing_body="UBND huyện Ba Vì",
            number="120/KH-UBND",
            issued_on=datetime.date(2021, 6, 1),
            title="Xây dựng xã hội học tập huyện Ba Vì",
        )
        cls.target = Target.objects.create(
            plan=cls.plan, unit=cls.bavi, indicator=cls.indicator, year=2025, kind=TargetKind.AT_LEAST, value=5
        )
        cls.value = Value.objects.create(
            unit=cls.tanlinh, indicator=cls.indicator, period=cls.period, value=Decimal(3), entry_path=EntryPath.FORM
        )

        # Learning: a family of Tản Lĩnh, its 2024 evaluation with one piece of evidence, the commune's decision.
        from learning.models import Evaluation, Evidence, ModelKind, RecognitionDecision, Subject

        criteria = points_set()
        subject = Subject.objects.create(commune=cls.tanlinh, kind=ModelKind.FAMILY, name="Hộ Nguyễn Văn A")
        cls.evaluation = Evaluation.objects.create(subject=subject, year=2024, criteria_set=criteria)
        cls.evidence = Evidence.objects.create(
            evaluation=cls.evaluation, indicator=criteria.indicators_list[0], file="minh-chung/2024/anh.png",
            original_name="anh.png", size=4, uploaded_by=cls.reporter,
        )  # fmt: skip
        cls.decision = RecognitionDecision.objects.create(
            issuing_unit=cls.tanlinh, issuing_body="UBND xã Tản Lĩnh", number="12/QĐ-UBND",
            issued_on=datetime.date(2024, 12, 20), place="Tản Lĩnh", year=2024, kind=ModelKind.FAMILY,
            signer_name="Nguyễn Văn B", signer_title="Chủ tịch", created_by=cls.reporter,
        )  # fmt: skip

        # A finished export job of the district officer for Ba Vì, with its file.
        from jobs.models import Job, JobKind, JobState

        cls.job = Job.objects.create(
            kind=JobKind.SUMMARY_XLSX, owner=cls.district_officer, unit=cls.bavi, state=JobState.DONE,
            params={"unit_id": cls.bavi.pk, "period": "2024"}, filename="tong-hop-271-2024.xlsx",
        )  # fmt: skip
        cls.job.file.name = f"jobs/{cls.job.pk}/tong-hop-271-2024.xlsx"
        cls.job.save()

    def setUp(self):
        import shutil
        import tempfile
        from pathlib import Path

        from django.test import override_settings

        media = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        override = override_settings(MEDIA_ROOT=media)
        override.enable()
        self.addCleanup(override.disable)
        path = Path(media) / self.evidence.file.name
        path.parent.mkdir(parents=True)
        path.write_bytes(b"\x89PNG")
        job_file = Path(media) / self.job.file.name
        job_file.parent.mkdir(parents=True)
        job_file.write_bytes(b"PK")

    def kwargs_for(self, name: str, params: tuple[str, ...]) -> dict:
        """Concrete arguments for a URL's parameters, from the fixtures of Ba Vì's tree."""
        known = {
            "units:detail": {"pk": self.tanlinh.pk},
            "plans:detail": {"pk": self.plan.pk},
            "plans:target_create": {"pk": self.plan.pk},
            "plans:carry_over": {"pk": self.plan.pk},
            "plans:target_update": {"pk": self.plan.pk, "target_pk": self.target.pk},
            "reports:value_history": {"value_id": self.value.pk},
        }
        if name in known:
            return known[name]
        generic = {
            "unit_id": self.tanlinh.pk,
            "period": self.period.code,
            "pk": self.tanlinh.pk,
            "year": 2024,
            "evaluation_id": self.evaluation.pk,
            "evidence_id": self.evidence.pk,
            "decision_id": self.decision.pk,
            "job_id": self.job.pk,
            "agency_id": self.phong_bavi.pk,
        }
        missing = [p for p in params if p not in generic]
        self.assertFalse(missing, f"{name}: no fixture for the URL parameters {missing}; add it to kwargs_for()")
        return {p: generic[p] for p in params}
