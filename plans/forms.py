"""Forms of the plan pages. Validation lives on the model (``Target.clean`` and its constraints)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import NumberField
from indicators.models import Indicator
from units.models import Unit

from .models import Plan, Target


class TargetConstraintsMixin:
    """Also check the model's unique constraint, which a ModelForm skips when ``plan`` is not a form field.

    ``Model.full_clean`` leaves out every constraint that names an excluded field; ``plan`` is set on the
    instance by the view (or by the inline formset), so it is safe to check it here.
    """

    def _post_clean(self):
        super()._post_clean()
        exclude = set(self._get_validation_exclusions()) - {"plan", "area_category"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


def _bootstrap(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        widget = field.widget
        css = "form-select" if isinstance(widget, forms.Select) else "form-control"
        widget.attrs.setdefault("class", css)


#: The fields a person types for a target, on the plan page and in the admin's inline (one list for both).
TARGET_FIELDS = [
    "indicator",
    "unit",
    "year",
    "kind",
    "value",
    "value_max",
    "standard_level",
    "share_of",
    "approximate",
    "units_required",
    "units_total",
    "area_category",
    "note",
]


class TargetForm(TargetConstraintsMixin, forms.ModelForm):
    """A target typed on the plan page; numbers read as the page writes them (``core.numbers``)."""

    value = NumberField(label=_("giá trị"), required=False, min_value=0)
    value_max = NumberField(label=_("giá trị trên"), required=False, min_value=0)

    class Meta:
        model = Target
        fields = TARGET_FIELDS

    def __init__(self, *args, plan: Plan, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("unit", plan.unit_id)
            if plan.display_milestones:
                self.initial.setdefault("year", plan.display_milestones[0])
        self.fields["indicator"].queryset = Indicator.objects.all()
        self.fields["unit"].queryset = (
            Unit.objects.visible_to(user).descendants_of(plan.unit, include_self=True).order_by("path")
        )
        self.fields["unit"].label_from_instance = lambda unit: f"{unit.code} – {unit.name}"
        self.fields["year"].widget.attrs.update({"min": plan.start_year, "max": plan.end_year})
        _bootstrap(self)


class CarryOverForm(forms.Form):
    """Carry a plan of a closed unit over to one of its successor units (``plans.services.plan_carry_over``)."""

    successor = forms.ModelChoiceField(label=_("đơn vị kế thừa"), queryset=Unit.objects.none(), empty_label=None)
    date = forms.DateField(
        label=_("kế thừa từ ngày"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    legal_basis = forms.CharField(
        label=_("căn cứ kế thừa"),
        max_length=300,
        help_text=_("Văn bản giao đơn vị mới tiếp tục thực hiện, ví dụ: Quyết định số …/QĐ-UBND ngày …"),
    )
    targets = forms.ChoiceField(
        label=_("chỉ tiêu"),
        choices=[
            ("inherit", _("Kế thừa các chỉ tiêu của kế hoạch cũ (sao chép, ghi rõ nguồn)")),
            ("replace", _("Thay thế: đơn vị mới tự đặt chỉ tiêu")),
        ],
        initial="inherit",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    issuing_body = forms.CharField(
        label=_("cơ quan ban hành"),
        max_length=200,
        required=False,
        help_text=_("Để trống: Ủy ban nhân dân của đơn vị kế thừa."),
    )

    def __init__(self, *args, successors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = Unit.objects.filter(pk__in=[u.pk for u in successors]).order_by("path")
        self.fields["successor"].label_from_instance = lambda unit: f"{unit.code} – {unit.name}"
        for name, field in self.fields.items():
            if name != "targets":
                field.widget.attrs.setdefault("class", "form-select" if name == "successor" else "form-control")
