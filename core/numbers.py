"""Numbers for people: the one place that reads a number a person typed and writes one for a person to read.

Reading (``number_parse``) follows the separators of the active language, as the pages write them:
Vietnamese "1.234,5" (dot for thousands, comma for decimals), English "1,234.5". An entry that would mean
something else in the other convention is refused with a reason instead of guessed at: "1.23" on a
Vietnamese page (a dot must be followed by three digits), "1,234.5" on a Vietnamese page (English order).
Only digits and the two separators are numbers: "NaN", "1e5", "Infinity", "½" are refused. The value is
kept exactly as typed (no rounding); ``whole`` refuses a fraction ("12,5" households).

Writing (``number_text``, ``percent_text``, ``signed_text``, ``input_text``) uses the same separators and
rounds half up (43,735 → 43,74; 4/6 → 66,67 %), so that a figure shows the same digits on a page, in the
chart's table, in the Excel file and in the PDF, and a status compares the value at the precision it is
shown with (``rounded``). Templates use them as filters (``core/templatetags/numbers.py``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.translation import gettext as _

#: Percentages are shown and compared with two decimals (targets are written as 98,85 %).
PERCENT_PLACES = 2
#: Counts and other amounts: at most this many decimals are shown (a stored value may have more).
AMOUNT_PLACES = 2
#: Digits after the decimal separator a value may carry (what the database stores exactly).
MAX_DECIMALS = 6
#: The largest amount a value may hold (20 digits, 6 of them decimals).
MAX_AMOUNT = Decimal(10) ** 14

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
PLAIN = re.compile(r"^[0-9]+$")  # ASCII digits only: "١٢" is not a number here


class NumberInvalid(ValidationError):
    """A typed number that cannot be read; ``message`` says why, in the user's language."""


def separators(language: str | None = None) -> tuple[str, str]:
    """(thousands, decimal) separators of a language: ("." , ",") in Vietnamese, ("," , ".") in English."""
    language = language or translation.get_language() or "vi"
    return formats.get_format("THOUSAND_SEPARATOR", lang=language), formats.get_format(
        "DECIMAL_SEPARATOR", lang=language
    )


def _example(language: str | None) -> str:
    thousands, decimal = separators(language)
    return f"1{thousands}234{decimal}5"


def number_parse(raw, *, whole: bool = False, language: str | None = None) -> Decimal:
    """A number typed by a person (or a number already), as an exact ``Decimal``; ``NumberInvalid`` if not one.

    Accepts ``Decimal``/``int`` as they are, a ``float`` by its shortest representation (99.5 stays 99.5), and
    text in the language's convention. ``whole``: a fraction is an error (counts of people, households, classes).
    """
    if isinstance(raw, bool) or raw is None:
        raise NumberInvalid(_("'%(raw)s' không phải là số.") % {"raw": raw})
    if isinstance(raw, Decimal | int):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))
    else:
        number = _parse_text(str(raw), language)
    if not number.is_finite():
        raise NumberInvalid(_("'%(raw)s' không phải là số.") % {"raw": raw})
    if whole and number != number.to_integral_value():
        raise NumberInvalid(
            _("%(number)s không phải là số nguyên; chỉ tiêu này đếm người, hộ, lớp hoặc cơ sở nên phải là số nguyên.")
            % {"number": number_text(number, places=MAX_DECIMALS)}
        )
    exponent = number.as_tuple().exponent
    if (
        isinstance(exponent, int)
        and -exponent > MAX_DECIMALS
        and number != number.quantize(Decimal(1).scaleb(-MAX_DECIMALS))
    ):
        raise NumberInvalid(_("Số có quá %(n)s chữ số thập phân.") % {"n": MAX_DECIMALS})
    if abs(number) >= MAX_AMOUNT:
        raise NumberInvalid(_("Giá trị quá lớn."))
    return number


def _parse_text(text: str, language: str | None) -> Decimal:
    raw = text
    text = SPACES.sub(" ", text.strip())
    thousands, decimal = separators(language)
    negative = text.startswith("-")
    body = text[1:].strip() if negative else text
    if not body:
        raise NumberInvalid(_("'%(raw)s' không phải là số.") % {"raw": raw})
    body = _drop_space_groups(body, raw)
    if not re.fullmatch(r"[0-9.,]+", body):
        raise NumberInvalid(_("'%(raw)s' không phải là số.") % {"raw": raw})
    if body.count(decimal) > 1:
        raise NumberInvalid(
            _("'%(raw)s' có nhiều dấu thập phân “%(sep)s”; ví dụ cách viết đúng: %(example)s.")
            % {"raw": raw, "sep": decimal, "example": _example(language)}
        )
    whole_part, _sep, fraction = body.partition(decimal)
    if thousands in fraction:
        # "1,234.5" on a Vietnamese page: the other language's order.
        raise NumberInvalid(
            _(
                "'%(raw)s' không đúng cách viết số: dấu “%(thousands)s” ngăn cách hàng nghìn, dấu “%(decimal)s” "
                "trước phần thập phân, ví dụ %(example)s."
            )
            % {"raw": raw, "thousands": thousands, "decimal": decimal, "example": _example(language)}
        )
    if thousands in whole_part:
        groups = whole_part.split(thousands)
        if (
            not groups[0]
            or len(groups[0]) > 3
            or any(len(g) != 3 for g in groups[1:])
            or not all(PLAIN.match(g) for g in groups)
        ):
            raise NumberInvalid(
                _(
                    "'%(raw)s' không rõ nghĩa: dấu “%(thousands)s” ngăn cách hàng nghìn và phải theo sau bởi đúng "
                    "3 chữ số; phần thập phân viết sau dấu “%(decimal)s”, ví dụ %(example)s."
                )
                % {"raw": raw, "thousands": thousands, "decimal": decimal, "example": _example(language)}
            )
        whole_part = "".join(groups)
    if (
        not whole_part
        and not fraction
        or (whole_part and not PLAIN.match(whole_part))
        or (fraction and not PLAIN.match(fraction))
        or (_sep and not fraction)
    ):
        raise NumberInvalid(_("'%(raw)s' không phải là số.") % {"raw": raw})
    try:
        number = Decimal(f"{whole_part or '0'}.{fraction}" if fraction else whole_part)
    except InvalidOperation:
        raise NumberInvalid(_("'%(raw)s' không phải là số.") % {"raw": raw}) from None
    return -number if negative else number


def _drop_space_groups(body: str, raw: str) -> str:
    """ "10 600" (a space, or a non-breaking one, between groups of three) is 10600; any other space is an error."""
    if " " not in body:
        return body
    head, *groups = body.split(" ")
    if PLAIN.match(head) and len(head) <= 3 and groups and all(len(g) == 3 and PLAIN.match(g) for g in groups[:-1]):
        last = groups[-1]
        if len(last) >= 3 and PLAIN.match(last[:3]) and (len(last) == 3 or not PLAIN.match(last[3])):
            return head + "".join(groups)
    raise NumberInvalid(_("'%(raw)s' không phải là số.") % {"raw": raw})


# --- writing ---------------------------------------------------------------------------------------------


def rounded(value, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals: what a person is shown, and what a status compares."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number_text(value, *, places: int | None = AMOUNT_PLACES, fixed: bool = False) -> str:
    """10600 → "10.600"; 99.5 → "99,5"; 1234.567 → "1.234,57" (Vietnamese); "" for None.

    At most ``places`` decimals (rounded half up), trailing zeros dropped unless ``fixed``.
    """
    if value is None:
        return ""
    number = Decimal(value)
    if places is not None:
        number = rounded(number, places)
    if not fixed:
        number = number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return formats.number_format(number, decimals, use_l10n=True, force_grouping=True)


def percent_text(value, *, places: int = PERCENT_PLACES) -> str:
    """66.666… → "66,67 %"; 100 → "100,00 %"; "" for None. Always ``places`` decimals, so columns align."""
    if value is None:
        return ""
    return f"{number_text(value, places=places, fixed=True)} %"


def signed_text(value, *, places: int = AMOUNT_PLACES) -> str:
    """A difference: "+1,5", "−2" (a true minus sign), "0"; "" for None."""
    if value is None:
        return ""
    number = rounded(value, places)
    if number == 0:
        return "0"
    return ("+" if number > 0 else "−") + number_text(abs(number), places=places)


def input_text(value) -> str:
    """A stored number as an input field shows it, to be typed back: no grouping, the language's decimal
    separator, every stored decimal (95.50 → "95,5"; 10600 → "10600")."""
    if value is None:
        return ""
    number = Decimal(value)
    number = number.normalize() if number != number.to_integral_value() else number.quantize(Decimal(1))
    _thousands, decimal = separators()
    return format(number, "f").replace(".", decimal)
