from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EmulationResult


class EmulationResultForm(forms.ModelForm):
    """The fields a person types; the service validates and writes (``emulation_result_record``)."""

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = EmulationResult
        fields = ["title", "rank", "ranked_of", "basis", "decision_number", "decision_date", "issuing_body"]
        widgets = {
            "decision_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "basis": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"rank": _("xếp thứ"), "ranked_of": _("trên tổng số đơn vị")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
        self.fields["decision_date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
