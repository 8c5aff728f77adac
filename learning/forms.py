from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 15/QĐ-UBND"))
    issued_on = forms.DateField(
        label=_("Ngày ban hành"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
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


for _form in (DecisionForm, EvidenceForm, RegisterImportForm):
    for _field in _form.base_fields.values():
        _field.widget.attrs.setdefault("class", "form-control form-control-sm")
