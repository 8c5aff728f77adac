"""How a target reads for people: "≥ 99,5 %", "40–60 %", "duy trì", "tăng dần hằng năm (mức độ 3)", "khoảng 23 %",
"21/21 xã".

The one text of a target, used by the plan page, the roll-up page, the entry grid, the Excel files and the
PDF (numbers through ``core.numbers``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.numbers import number_text
from plans.models import Target, TargetKind

#: What a share of units is over, as the texts say it: "90 % số huyện".
UNIT_NOUNS = {"commune": gettext_lazy("xã"), "district": gettext_lazy("huyện"), "province": gettext_lazy("tỉnh")}


def target_text(target: Target | None, *, year: int | None = None) -> str:
    """The cell text of a target; ``year``: the year the figure is for, to say "(2025)" when the target is
    a later milestone's. "—" for no target."""
    if target is None:
        return "—"
    suffix = " %" if target.indicator.is_percentage else ""

    def amount(value) -> str:
        return f"{number_text(value, places=None)}{suffix}"

    kind, value = target.kind, target.value
    if target.units_required is not None and target.units_total is not None:
        # "21/21 xã, thị trấn": a count of units, as the text writes it.
        text = f"{number_text(target.units_required, places=0)}/{number_text(target.units_total, places=0)}"
        noun = UNIT_NOUNS.get(target.share_of or target.indicator.entry_level)
        if noun:
            text += f" {noun}"
        if target.standard_level and target.standard_level > 1:
            text += " (" + _("mức độ %(level)s") % {"level": target.standard_level} + ")"
        if year is not None and target.year != year:
            text += f" ({target.year})"
        return text
    if target.approximate and value is not None and kind in (TargetKind.AT_LEAST, TargetKind.EXACTLY):
        # "Khoảng 23 %": the text gives an approximate figure; progress compares it as a lower bound.
        text = _("khoảng %(amount)s") % {"amount": amount(value)}
    elif kind == TargetKind.MAINTAIN:
        text = _("duy trì") + (f" {amount(value)}" if value is not None else "")
    elif kind == TargetKind.INCREASE:
        text = _("tăng dần hằng năm") + (f" (≥ {amount(value)})" if value is not None else "")
    elif value is None:
        text = "—"
    elif kind == TargetKind.BETWEEN and target.value_max is not None:
        text = f"{number_text(value, places=None)}–{number_text(target.value_max, places=None)}{suffix}"
    elif kind == TargetKind.AT_LEAST:
        text = f"≥ {amount(value)}"
    elif kind == TargetKind.AT_MOST:
        text = f"≤ {amount(value)}"
    else:
        text = amount(value)
    details = []
    if target.standard_level:
        details.append(_("mức độ %(level)s") % {"level": target.standard_level})
    if target.share_of:
        details.append(_("tính trên số %(units)s") % {"units": UNIT_NOUNS[target.share_of]})
    if target.area_category_id:
        details.append(_("riêng cho %(area)s") % {"area": target.area_category.name.lower()})
    if details:
        text += f" ({', '.join(details)})"
    if year is not None and target.year != year:
        text += f" ({target.year})"
    return text
