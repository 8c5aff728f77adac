"""Factories for the tests. Units go through the real service, so paths and parents are real."""

import factory

from accounts.models import Role, User
from units.models import Agency, Unit, UnitKind
from units.services import unit_create, unit_root


def make_unit(parent: Unit | None, code: str, name: str, kind: str = UnitKind.COMMUNE, **kwargs) -> Unit:
    return unit_create(parent=parent or unit_root(), code=code, name=name, kind=kind, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.vn")
    role = Role.COMMUNE_REPORTER
    password = factory.PostGenerationMethodCall("set_password", "password")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Cơ quan {n}")


#: A plan as the tests mostly need one: Hà Nội's KH 290 for 2021-2030, issued, milestones 2025 and 2030.
PLAN_DEFAULTS = {
    "issuing_body": "UBND Thành phố Hà Nội",
    "number": "290/KH-UBND",
    "title": "Xây dựng xã hội học tập giai đoạn 2021-2030",
    "start_year": 2021,
    "end_year": 2030,
    "milestone_years": [2025, 2030],
}


def make_plan(unit: Unit, **kwargs):
    """A plan of ``unit``: KH 290's shape (issued, 2021-2030, milestones 2025 and 2030) unless told otherwise."""
    from plans.models import Plan, PlanStatus

    return Plan.objects.create(unit=unit, **{**PLAN_DEFAULTS, "status": PlanStatus.ISSUED, **kwargs})
