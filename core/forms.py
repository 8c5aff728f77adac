"""Form fields every app shares: a number typed by a person, read by ``core.numbers.number_parse``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from core.numbers import NumberInvalid, input_text, number_parse, number_text

NUMBER_ATTRS = {"inputmode": "decimal", "autocomplete": "off"}


class NumberField(forms.CharField):
    """A decimal typed the way the page writes numbers ("1.234,5" in Vietnamese); ``whole`` refuses fractions.

    ``min_value``/``max_value`` bound it, with messages in the user's number format. ``clean`` gives a ``Decimal``.
    """

    def __init__(self, *, whole: bool = False, min_value=None, max_value=None, **kwargs):
        self.whole, self.min_value, self.max_value = whole, min_value, max_value
        kwargs.setdefault("widget", forms.TextInput(attrs=dict(NUMBER_ATTRS)))
        super().__init__(strip=True, **kwargs)

    def prepare_value(self, value):
        return value if isinstance(value, str) or value is None else input_text(value)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return number_parse(value, whole=self.whole)
        except NumberInvalid as error:
            raise forms.ValidationError(error.messages[0], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            raise forms.ValidationError(
                _("Giá trị phải lớn hơn hoặc bằng %(bound)s.") % {"bound": number_text(self.min_value, places=None)},
                code="min_value",
            )
        if self.max_value is not None and value > self.max_value:
            raise forms.ValidationError(
                _("Giá trị phải nhỏ hơn hoặc bằng %(bound)s.") % {"bound": number_text(self.max_value, places=None)},
                code="max_value",
            )

    def has_changed(self, initial, data):
        try:
            typed = self.to_python(data)
        except forms.ValidationError:
            return True
        if initial in (None, ""):
            return typed is not None
        return typed != number_parse(initial) if not isinstance(initial, str) else typed != self.to_python(initial)
