"""The total of figures a provision states one by one, when the question asks for it ("建成的加上在建的一共多少个").

The figures are verbatim spans; only those the question names are added (a label word of the span in the document's
words or a user's, or the span's year), and only figures of one unit. A question naming fewer than two gets no total:
"一共多少个" alone could mean any of them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction

from assistant import formatting
from assistant.answer.frame import word_lists, words_of
from assistant.errors import AssistantError
from assistant.quantities import find_quantities

_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEARS = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:—|－|-|–|~|～|至|到)\s*((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class Total:
    value: Fraction
    unit: str
    spans: tuple[str, ...]   # the verbatim spans added, in the order stated
    figures: tuple[Fraction, ...]   # the figure each span states


@functools.lru_cache(maxsize=1)
def _labels() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((label, tuple(w.lower() for w in words)) for label, words in word_lists("total_labels").items())


def _named(span: str, question: str) -> bool:
    """Whether the question names the thing ``span`` counts: its label in any wording, or its year."""
    q = question.lower()
    for label, words in _labels():
        if label in span and any(w in q for w in words):
            return True
    # the span's year, in full or spoken ("19年准备建的" for 2019年拟建)
    return any(y in question or re.search(rf"(?<!\d){y[2:]}\s*年", question) for y in _YEAR.findall(span))


def named_in(span: str, question: str) -> bool:
    """Whether a question asking a total names the thing ``span`` counts (its label or its year).

    >>> named_in("2019年拟建6个", "建好的加在建的再加19年准备建的，一共多少个"), named_in("在建园区4个", "一共多少个")
    (True, False)
    """
    return bool(words_of("total_asked").search(question.lower())) and _figure(span) is not None \
        and _named(span, question)


def _figure(span: str):
    """The one figure (with a unit, no range, no calendar year) a span states; None if none or several."""
    try:
        found = [q for q in find_quantities(span, field=None) if not q.is_range and q.unit]
    except AssistantError:
        return None
    found = [q for q in found if not (q.unit == "年" and _YEAR.fullmatch(q.text.rstrip("年")))]
    return found[0] if len(found) == 1 else None


def total(question: str, spans: list[str]) -> Total | None:
    """The sum of the figures of ``spans`` the question names, when it asks for a total.

    >>> spans = ["已建成工业小微企业园区11个", "在建园区4个", "2019年拟建6个"]
    >>> t = total("建好的加上正在建的一共多少个", spans); (t.value, t.unit, t.spans)
    (Fraction(15, 1), '个', ('已建成工业小微企业园区11个', '在建园区4个'))
    >>> total("建成、在建，再加上2019年准备建的，总共多少个", spans).value
    Fraction(21, 1)
    >>> total_line(total("建成、在建，再加上2019年准备建的，总共多少个", spans), "zh")
    '合计（计算）：21个（11个 + 4个 + 6个）'
    >>> total("一共建了多少个", spans) is None     # no figure named: which ones is not said
    True
    >>> total("已建成和在建的各有几个", spans) is None   # no total asked
    True
    """
    if not words_of("total_asked").search(question.lower()):
        return None
    picked: list[tuple[str, object]] = []
    for span in dict.fromkeys(spans):
        if (figure := _figure(span)) is not None and _named(span, question):
            picked.append((span, figure))
    if len(picked) < 2 or len({q.unit for _, q in picked}) != 1:
        return None
    return Total(value=sum((q.value for _, q in picked), Fraction(0)), unit=picked[0][1].unit,
                 spans=tuple(s for s, _ in picked), figures=tuple(q.value for _, q in picked))


def total_line(t: Total, lang: str) -> str:
    """"合计（计算）：15个（11个 + 4个）" — the figures added, as the spans print them."""
    from assistant.messages import text

    parts = " + ".join(formatting.quantity(v, t.unit, lang) for v in t.figures)
    return text("answer.total", lang, total=formatting.quantity(t.value, t.unit, lang), parts=parts)


def asks_average(question: str) -> bool:
    """Whether the question asks for a yearly average.

    >>> asks_average("平均一年多少"), asks_average("一年多少")
    (True, False)
    >>> asks_average("On average, how much is that per year?"), asks_average("On average, how much per area?")
    (True, False)
    """
    low = question.lower()
    # (an average and a year said apart: "On average, how much is that per year?")
    return bool(words_of("average_asked").search(low)) or bool(_AVERAGE.search(low) and _PER_YEAR.search(low))


_AVERAGE = re.compile(r"\baverage\b|平均")
_PER_YEAR = re.compile(r"\bper year\b|\ba year\b|\beach year\b|\bannual(?:ly)?\b|\byearly\b|每年|一年")


_COUNT_ASKED = re.compile(r"几个|几家|几项|多少个|多少家|多少项|how many", re.I)


@dataclass(frozen=True)
class Average:
    value: Fraction
    unit: str
    total: Fraction
    first: int
    last: int
    span: str
    wan: bool = False   # the span writes the sum in 万 ("1500万元"): so is the average


def average(question: str, spans: list[str]) -> Average | None:
    """The yearly average of a sum a span states over a span of years, when the question asks for it.

    >>> a = average("平均一年多少", ["市财政在2018年—2020年共安排1500万元"]); (a.value, a.unit, a.first, a.last)
    (Fraction(5000000, 1), '元', 2018, 2020)
    >>> average_line(a, "zh")
    '平均每年（计算）：500万元（1500万元 ÷ 3年，2018—2020年）'
    >>> average("平均每年扶持几个园区", ["市财政在2018年—2020年共安排1500万元"]) is None
    True
    >>> average("一共多少", ["市财政在2018年—2020年共安排1500万元"]) is None
    True
    """
    if not asks_average(question) or _COUNT_ASKED.search(question):
        return None   # "平均每年扶持几个园区" asks a count, not the money
    for span in dict.fromkeys(spans):
        years = _YEARS.search(span)
        if years is None:
            continue
        first, last = int(years.group(1)), int(years.group(2))
        try:
            sums = [q for q in find_quantities(span, field=None) if q.unit == "元" and not q.is_range]
        except AssistantError:
            continue
        if last > first and len(sums) == 1:
            n = last - first + 1
            return Average(value=sums[0].value / n, unit="元", total=sums[0].value, first=first, last=last, span=span,
                           wan=sums[0].wan)
    return None


def average_line(a: Average, lang: str) -> str:
    """"平均每年（计算）：500万元（1500万元 ÷ 3年，2018—2020年）"."""
    from assistant.messages import text

    def money(x: Fraction) -> str:
        return formatting.quantity(x / 10000, "万元") if a.wan and lang == "zh" else formatting.quantity(x, a.unit, lang)

    return text("answer.average", lang, value=money(a.value), total=money(a.total), years=a.last - a.first + 1,
                first=a.first, last=a.last)
