import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import Level, kinds_of_level

from .models import Plan, PlanStatus


class PlanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Số hiệu hoặc trích yếu"), method="filter_q")
    unit = django_filters.CharFilter(label=_("Đơn vị ban hành (mã hoặc tên)"), method="filter_unit")
    level = django_filters.ChoiceFilter(label=_("Cấp ban hành"), choices=Level.choices, method="filter_level")
    year = django_filters.NumberFilter(label=_("Năm thực hiện"), method="filter_year", min_value=1900, max_value=2100)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=PlanStatus.choices)

    class Meta:
        model = Plan
        fields = ["q", "unit", "level", "year", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs.setdefault(
                "class", "form-select" if field.widget.input_type == "select" else "form-control"
            )

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(number__icontains=value) | Q(title__icontains=value))

    def filter_unit(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(unit__code__startswith=value) | Q(unit__name__icontains=value))

    def filter_level(self, queryset, name, value):
        return queryset.filter(unit__kind__in=kinds_of_level(value))

    def filter_year(self, queryset, name, value):
        """Plans in force in the year: start_year ≤ year ≤ end_year."""
        year = int(value)
        return queryset.filter(start_year__lte=year, end_year__gte=year)
