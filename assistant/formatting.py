"""The one formatter: numbers, units, percentages, dates, yes/no and verdicts as a person reads them.

Everything shown to a user (answers, check reports, forms, spreadsheets, the UI) goes through here, so no page
shows "33.3333", "True" or a rule id.

>>> number(Fraction(100, 3))
'33.33'
>>> number(10200.0), number(1234567, grouped=True)
('10200', '1,234,567')
>>> quantity(70, "%"), percent(Fraction(1, 3))
('70%', '33.33%')
>>> quantity(1200, "平方米"), quantity(1200, "平方米", lang="en")
('1200平方米', '1,200 m²')
>>> yes_no(True), yes_no(False, "en")
('是', 'no')

Punctuation around clause labels is assembled here too, so a label's own brackets or separator are never doubled:

>>> labelled("四、", "建立健全工作机制"), labelled("结语", "以上"), labelled("6.", "完善配套")
('四、建立健全工作机制', '结语：以上', '6.完善配套')
>>> bracketed("（二十二）"), bracketed("二十二"), bracketed("(2)")
('（二十二）', '（二十二）', '(2)')
>>> tidy("依据（（二十二））；《通知》四、：“原文（（不动））”")
'依据（二十二）；《通知》四、“原文（（不动））”'
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

# Two decimals are what the documents print (15%-25%, 1.5‰, 2.0): more is noise to a reader.
PLACES = 2

UNIT_EN = {"平方米": "m²", "亩": "mu", "万平方米": "10,000 m²", "万㎡": "10,000 m²", "元": "yuan", "万元": "10,000 yuan",
           "元/平方米": "yuan/m²", "万元/亩": "10,000 yuan/mu", "年": "years", "个月": "months", "日": "days",
           "天": "days", "工作日": "working days", "家": "enterprises", "个": "", "%": "%", "‰": "‰", "幅": "plots",
           "元/亩": "yuan/mu"}   # 万元/亩 in English: 万 spelled out first, then 元/亩
# Units written right after the number, with no space, in both languages.
TIGHT = {"%", "‰"}


def _decimal(x) -> Decimal:
    if isinstance(x, Fraction):
        return Decimal(x.numerator) / Decimal(x.denominator)
    if isinstance(x, float):
        return Decimal(repr(x))
    return Decimal(x)


def number(x, places: int = PLACES, grouped: bool = False) -> str:
    """A readable number: commercial rounding, no trailing zeros, no exponent."""
    if isinstance(x, bool):
        return yes_no(x)
    d = _decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{d:,f}" if grouped else f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quantity(x, unit: str = "", lang: str = "zh", places: int = PLACES) -> str:
    """A number already in ``unit`` (70 with ``%``), with the unit; English spells 万 out (2万平方米 → 20,000 m²).
    For a plain ratio use :func:`percent`."""
    if lang == "en" and unit.startswith("万") and len(unit) > 1:
        x, unit = _decimal(x) * 10_000, unit[1:]
    n = number(x, places, grouped=(lang == "en"))
    if unit == "工作日" and lang == "zh":
        return f"{n}个工作日"
    if lang == "en":
        u = UNIT_EN.get(unit, unit)
        if not u:
            return n
        return f"{n}{u}" if unit in TIGHT else f"{n} {u}"
    return f"{n}{unit}"


def percent(ratio, places: int = PLACES) -> str:
    """A plain ratio as a percentage: ``percent(Fraction(1, 3)) == '33.33%'``."""
    return number(Fraction(ratio) * 100 if not isinstance(ratio, float) else ratio * 100, places) + "%"


def date(d: dt.date, lang: str = "zh") -> str:
    """``2024年9月30日`` / ``2024-09-30``."""
    return f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else d.isoformat()


def yes_no(x: bool | None, lang: str = "zh") -> str:
    if x is None:
        return "未知" if lang == "zh" else "unknown"
    return ("是" if x else "否") if lang == "zh" else ("yes" if x else "no")


VERDICT_ZH = {"pass": "符合", "fail": "不符合", "warning": "提示（软性要求未达到）", "unknown": "待补充"}
VERDICT_EN = {"pass": "meets the rule", "fail": "does not meet the rule",
              "warning": "below a soft rule (原则上/一般)", "unknown": "information missing"}
VERDICT_SHORT_ZH = {"pass": "符合", "fail": "不符合", "warning": "提示", "unknown": "待补充"}
VERDICT_COLOUR = {"pass": "#1a7f37", "fail": "#cf222e", "warning": "#9a6700", "unknown": "#57606a"}


def verdict(v, lang: str = "zh", short: bool = False) -> str:
    key = getattr(v, "value", v)
    if lang == "en":
        return VERDICT_EN[key]
    return (VERDICT_SHORT_ZH if short else VERDICT_ZH)[key]


def value(x, unit: str = "", lang: str = "zh") -> str:
    """Any value a check or calculator returns, for a person: numbers with units, dates, yes/no, text."""
    if x is None:
        return "—"
    if isinstance(x, bool):
        return yes_no(x, lang)
    if isinstance(x, dt.date):
        return date(x, lang)
    if isinstance(x, (int, float, Fraction, Decimal)):
        return quantity(x if not isinstance(x, float) else Fraction(repr(x)), unit, lang)
    return str(x)


# ---------------------------------------------------------------- punctuation around labels

# a label that ends in its own separator (四、 / 6. / 附件1：) takes no "：" after it
_SEPARATORS = ("、", ".", "．", "：", ":")
_BRACKETS = (("（", "）"), ("(", ")"), ("〔", "〕"), ("【", "】"))
_DOUBLE = re.compile(r"[（(]([（(][^（）()]*[）)])[）)]")
_COLON_AFTER_LABEL = re.compile(r"(、|(?<=\d)[.．])[：:]")
_QUOTED = re.compile(r"(“[^”]*”)")


def _enclosed(text: str) -> bool:
    """Whether ``text`` is one bracketed group as a whole: （二十二） yes, （一）至（三） no."""
    for open_, close in _BRACKETS:
        if text.startswith(open_) and text.endswith(close):
            depth = 0
            for i, ch in enumerate(text):
                depth += (ch == open_) - (ch == close)
                if depth == 0 and i < len(text) - 1:
                    return False
            return True
    return False


def bracketed(text: str, open_: str = "（", close: str = "）") -> str:
    """``text`` in brackets, unless it already is one bracketed group (a label like （二十二） or (2))."""
    text = str(text).strip()
    return text if _enclosed(text) else f"{open_}{text}{close}"


def labelled(label: str, text: str = "", sep: str = "：") -> str:
    """A label followed by text: ``四、``, ``6.`` and ``（二）`` already end in a separator, so no "：" is added."""
    label = str(label).strip()
    if not text:
        return label
    if label.endswith(_SEPARATORS + tuple(close for _, close in _BRACKETS)):
        return f"{label}{text}"
    return f"{label}{sep}{text}"


def clause_ref(title: str, clause: str, *, draft: bool = False) -> str:
    """``《title》clause``; ``draft`` adds （尚未生效） before the clause."""
    return f"《{title}》{'（尚未生效）' if draft else ''}{str(clause).strip()}"


def tidy(text: str) -> str:
    """Punctuation that templates may assemble around a label, repaired: （（二十二）） → （二十二）, "四、：" → "四、",
    "6.：" → "6.". Text inside “…” (a verbatim quote) is left exactly as it is."""
    parts = _QUOTED.split(str(text))
    for i in range(0, len(parts), 2):  # even parts lie outside quotes
        part = parts[i]
        while True:
            fixed = _DOUBLE.sub(r"\1", part)
            if fixed == part:
                break
            part = fixed
        parts[i] = _COLON_AFTER_LABEL.sub(r"\1", part)
    return "".join(parts)
