from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import NumberField

from .models import Evaluation, ModelKind, Status


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 15/QĐ-UBND"))
    issued_on = forms.DateField(
        label=_("Ngày ban hành"),
        initial=timezone.localdate,
        # A date input takes and gives the ISO date (the browser shows it the Vietnamese way): a localised
        # "30/11/2026" would leave the field empty.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=255, required=False)
    superior_body = forms.CharField(label=_("Cơ quan chủ quản"), max_length=255, required=False)
    place = forms.CharField(label=_("Địa danh"), max_length=100, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120, initial=_("Chủ tịch"))
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=120)


class EvidenceForm(forms.Form):
    indicator = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(label=_("Tệp minh chứng (JPG, PNG, PDF; tối đa 10 MB)"))


class RegisterImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) hoặc CSV UTF-8"))


class SelectionForm(forms.Form):
    """The evaluations a bulk action applies to: the ticked ones (``chon``), or all of the board's filter
    (``tat_ca``: every evaluation of the kind, or of the status shown)."""

    loai = forms.ChoiceField(choices=ModelKind.choices, required=False)
    chon = forms.ModelMultipleChoiceField(queryset=Evaluation.objects.none(), required=False)
    tat_ca = forms.BooleanField(required=False)
    trang_thai = forms.ChoiceField(choices=[("", "")] + list(Status.choices), required=False)

    def __init__(self, data, *, evaluations):
        super().__init__(data)
        self.evaluations = evaluations
        self.fields["chon"].queryset = evaluations
        self.fields["chon"].error_messages["invalid_choice"] = _("Có đối tượng được chọn không thuộc bảng này.")

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned.get("tat_ca"):
            status = cleaned.get("trang_thai")
            chosen = self.evaluations.filter(status=status) if status else self.evaluations
        else:
            chosen = cleaned.get("chon") or self.evaluations.none()
        cleaned["ids"] = list(chosen.values_list("pk", flat=True))
        if not cleaned["ids"]:
            raise forms.ValidationError(_("Chưa chọn đối tượng nào."), code="empty")
        return cleaned


class ScoresForm(forms.Form):
    """An evaluation's scores (``diem-<indicator id>``, numbers as the page writes them) and notes."""

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[f"diem-{indicator.pk}"] = NumberField(required=False, min_value=0)
            self.fields[f"ghichu-{indicator.pk}"] = forms.CharField(required=False, max_length=1000)

    def scores(self) -> dict[int, object]:
        return {i.pk: self.cleaned_data.get(f"diem-{i.pk}") for i in self.indicators}

    def notes(self) -> dict[int, str]:
        return {i.pk: self.cleaned_data.get(f"ghichu-{i.pk}") or "" for i in self.indicators}


for _form in (DecisionForm, EvidenceForm, RegisterImportForm):
    for _field in _form.base_fields.values():
        _field.widget.attrs.setdefault("class", "form-control form-control-sm")
