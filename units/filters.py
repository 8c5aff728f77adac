import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Level, Structure, Unit, kinds_of_level


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm theo mã hoặc tên"), method="filter_q")
    level = django_filters.ChoiceFilter(label=_("Cấp"), choices=Level.choices, method="filter_level")
    structure = django_filters.ChoiceFilter(label=_("Cơ cấu"), choices=Structure.choices, method="filter_structure")

    class Meta:
        model = Unit
        fields = ["q", "level", "structure"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(code__startswith=value) | Q(name__icontains=value))

    def filter_level(self, queryset, name, value):
        return queryset.filter(kind__in=kinds_of_level(value))

    def filter_structure(self, queryset, name, value):
        return queryset.of_structure(value)
