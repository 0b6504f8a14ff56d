"""The one quantity parser: numbers, units and dates as people type them.

Used by the question router, the calculators' inputs, the checks, the forms and the UI, so that "1,200平方米",
"１２００㎡", "一千二百平米", "0.12万平方米" and "1200 sqm" are the same 1200 m² everywhere, and an ambiguous
"1,2" is refused naming the field instead of being read as 2 or 12.

Chinese numerals are read by ``cn2an`` (not hand-written here). Values are exact fractions.

>>> parse_number("1,200")
Fraction(1200, 1)
>>> parse_number("八百五十")
Fraction(850, 1)
>>> parse_number("2.5万")
Fraction(25000, 1)
>>> parse_number("3‰")
Fraction(3, 1000)
>>> [(q.value, q.unit) for q in find_quantities("买了1,200平方米厂房和3亩地，纳税250万元")]
[(Fraction(1200, 1), '平方米'), (Fraction(3, 1), '亩'), (Fraction(2500000, 1), '元')]
>>> find_dates("合同2024年3月31日签的")
[datetime.date(2024, 3, 31)]
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from assistant.errors import QueryError

# Dates outside this range are typing errors in this domain (and year 10000 breaks date arithmetic).
MIN_YEAR, MAX_YEAR = 1949, 2100
# More digits than any area, sum or count here can have: a longer run is a paste accident, refused before parsing.
MAX_DIGITS = 15

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_UNITS = "十百千万亿"
_CN_CHARS = _CN_DIGITS + _CN_UNITS + "点"
_MULTIPLIER = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

# unit as typed → (canonical unit, factor to the canonical unit). Longest spellings are tried first.
UNITS: dict[str, tuple[str, Fraction]] = {
    "万平方米": ("平方米", Fraction(10_000)), "万平米": ("平方米", Fraction(10_000)), "万m2": ("平方米", Fraction(10_000)),
    "万方": ("平方米", Fraction(10_000)),
    "平方米": ("平方米", Fraction(1)), "平方公尺": ("平方米", Fraction(1)), "平米": ("平方米", Fraction(1)),
    "平方": ("平方米", Fraction(1)), "m2": ("平方米", Fraction(1)), "sqm": ("平方米", Fraction(1)),
    "sq m": ("平方米", Fraction(1)), "sq.m.": ("平方米", Fraction(1)), "sq. m": ("平方米", Fraction(1)),
    "square meters": ("平方米", Fraction(1)), "square metres": ("平方米", Fraction(1)),
    "square meter": ("平方米", Fraction(1)), "square metre": ("平方米", Fraction(1)),
    "平": ("平方米", Fraction(1)),
    "方": ("平方米", Fraction(1)),   # spoken floor area ("建筑面积十万方"); guarded in _unit_ok and below
    "亩": ("亩", Fraction(1)), "mu": ("亩", Fraction(1)),
    "元/平方米": ("元/平方米", Fraction(1)), "元/㎡": ("元/平方米", Fraction(1)), "元/m2": ("元/平方米", Fraction(1)),
    "元每平方米": ("元/平方米", Fraction(1)), "万元/亩": ("万元/亩", Fraction(1)), "元/亩": ("元/亩", Fraction(1)),
    "亿元": ("元", Fraction(100_000_000)), "万元": ("元", Fraction(10_000)), "万块": ("元", Fraction(10_000)),
    "元": ("元", Fraction(1)), "块钱": ("元", Fraction(1)), "块": ("元", Fraction(1)), "yuan": ("元", Fraction(1)),
    "rmb": ("元", Fraction(1)), "cny": ("元", Fraction(1)),
    "million yuan": ("元", Fraction(1_000_000)), "million rmb": ("元", Fraction(1_000_000)),
    "million cny": ("元", Fraction(1_000_000)), "billion yuan": ("元", Fraction(1_000_000_000)),
    "billion rmb": ("元", Fraction(1_000_000_000)), "thousand yuan": ("元", Fraction(1_000)),
    "个工作日": ("工作日", Fraction(1)), "工作日": ("工作日", Fraction(1)), "working days": ("工作日", Fraction(1)),
    "个月": ("个月", Fraction(1)), "months": ("个月", Fraction(1)), "month": ("个月", Fraction(1)),
    "年": ("年", Fraction(1)), "years": ("年", Fraction(1)), "year": ("年", Fraction(1)),
    "天": ("日", Fraction(1)), "日": ("日", Fraction(1)), "days": ("日", Fraction(1)), "day": ("日", Fraction(1)),
    "%": ("%", Fraction(1)), "percent": ("%", Fraction(1)), "‰": ("‰", Fraction(1)),
    "家": ("家", Fraction(1)), "个": ("个", Fraction(1)), "companies": ("家", Fraction(1)),
    "enterprises": ("家", Fraction(1)), "firms": ("家", Fraction(1)),
    "tenant firms": ("家", Fraction(1)), "tenant companies": ("家", Fraction(1)), "tenant enterprises": ("家", Fraction(1)),
    "tenants": ("家", Fraction(1)), "businesses": ("家", Fraction(1)), "small firms": ("家", Fraction(1)),
    "small businesses": ("家", Fraction(1)), "member firms": ("家", Fraction(1)),
    # a bare "80 million" / "2 billion": in these documents' questions a sum of money ("RMB 80 million")
    "million": ("元", Fraction(1_000_000)), "billion": ("元", Fraction(1_000_000_000)),
}
AREA_UNITS = ("平方米", "亩")
PERCENT = {"%": Fraction(1, 100), "‰": Fraction(1, 1000)}
MU_IN_M2 = Fraction(10_000, 15)  # 1 市亩 = 10000/15 m², the legal conversion


@dataclass(frozen=True)
class Quantity:
    """A number found in text, in its canonical unit (万平方米 → 平方米, 万元 → 元); ``high`` for a range."""

    value: Fraction
    unit: str            # canonical: 平方米 亩 元 年 个月 日 工作日 % ‰ 家 个, or "" for a bare number
    text: str            # the words it was read from
    start: int
    end: int
    high: Fraction | None = None
    wan: bool = False    # written with 万 (or 亿): "纳税250万" with no unit is money, "2万㎡" is area

    @property
    def is_range(self) -> bool:
        return self.high is not None

    def m2(self) -> Fraction | None:
        """The area in square metres (亩 converted), or None if this is not an area."""
        if self.unit == "平方米":
            return self.value
        if self.unit == "亩":
            return self.value * MU_IN_M2
        return None

    def mu(self) -> Fraction | None:
        m2 = self.m2()
        return None if m2 is None else m2 / MU_IN_M2

    def ratio(self) -> Fraction | None:
        """70% → 7/10; 3‰ → 3/1000; a bare fraction (2/3) as it is."""
        if self.unit in PERCENT:
            return self.value * PERCENT[self.unit]
        return self.value if self.unit == "" else None


def normalise(text: str) -> str:
    """NFKC (full-width digits and ％ to ASCII, ㎡ to m2), lower case, a few dash and tilde variants unified."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("m²", "m2").replace("～", "~").replace("—", "-").replace("–", "-").replace("－", "-")
    # an English compound adjective ("an 80-mu site", "a 1,200-square-metre unit"): the hyphen is a space (same
    # length, so positions in the text stay valid)
    return _UNIT_HYPHEN.sub(" ", text)


_UNIT_HYPHEN = re.compile(r"(?<=\d)-(?=(?:mu|sqm|m2|square|sq|hectares?|years?|months?|days?|storey|story)\b)"
                          r"|(?<=square)-(?=met)")


# ---------------------------------------------------------------- single values (form fields, JSON inputs)

def _refuse(field: str | None, text: str, why_zh: str, why_en: str) -> QueryError:
    name = f"“{field}”" if field else ""
    return QueryError(f"{name}的数值“{text}”{why_zh}" if field else f"数值“{text}”{why_zh}",
                      f"{field + ': ' if field else ''}{text!r} {why_en}", field=field)


_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_MIXED = re.compile(r"^(\d+(?:\.\d+)?)([十百千万亿]+)$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
# "两三百万", "三四十", "七八千": two neighbouring digits say a rough range. A threshold may lie inside it (三四十万 of a
# 30万 bar), so the exact figure is asked for (review 30), not guessed — "一年交税两三百万" was "not a number".
_ROUGH_RANGE = re.compile(r"^(一二|二三|两三|三四|四五|五六|六七|七八|八九)([十百千万亿]*)$")
_CN_FRACTION = re.compile(rf"^([{_CN_CHARS}\d.]+)分之([{_CN_CHARS}\d.]+)$")


def _cn(text: str) -> Fraction:
    import cn2an

    if text.startswith("点") or text.endswith("点"):
        raise ValueError(text)
    value = cn2an.cn2an(text, "smart")
    return Fraction(str(value))


def integer(text: str) -> int | None:
    """A whole number written in digits or Chinese numerals ("12", "十二"); None if it is not one.

    >>> integer("9"), integer("十二"), integer("二十"), integer("年")
    (9, 12, 20, None)
    """
    if text.isdigit():
        return int(text)
    try:
        value = _cn(text)
    except (ValueError, TypeError):
        return None
    return int(value) if value.denominator == 1 else None


def _scaled(number: str, scale: str) -> Fraction:
    x = Fraction(number)
    for ch in scale:
        x *= _MULTIPLIER[ch]
    return x


def parse_number(text: str | int | float, field: str | None = None) -> Fraction:
    """One number as a person types it: ``1,200`` ``１２００`` ``1200.5`` ``八百五十`` ``2.5万`` ``3千`` ``2/3``
    ``70%`` (→ 7/10) ``3‰`` ``三分之二`` ``百分之七十``. Anything else, and an ambiguous separator (``1,2``), raises
    :class:`QueryError` naming ``field``.

    >>> parse_number("１，２００")
    Fraction(1200, 1)
    >>> parse_number("两三百", "total_tax_wan")
    Traceback (most recent call last):
    ...
    assistant.errors.QueryError: “total_tax_wan”的数值“两三百”是一个大致范围，请给出具体数字 (total_tax_wan: '两三百' is a rough range; please give the figure)
    >>> parse_number("1,2", "area_m2")
    Traceback (most recent call last):
    ...
    assistant.errors.QueryError: “area_m2”的数值“1,2”有歧义：千位分隔符后应为三位数字 (area_m2: '1,2' is ambiguous: a thousands separator must be followed by three digits)
    """
    if isinstance(text, bool):
        raise _refuse(field, str(text), "不是数字", "is not a number")
    if isinstance(text, int):
        return Fraction(text)
    if isinstance(text, float):
        return Fraction(repr(text))
    raw = str(text)
    s = normalise(raw).strip().replace(" ", "")
    if not s:
        raise _refuse(field, raw, "为空", "is empty")
    if sum(ch.isdigit() for ch in s) > MAX_DIGITS:
        raise _refuse(field, raw[:20] + "…", f"位数过多（超过{MAX_DIGITS}位），不合理", f"has more than {MAX_DIGITS} digits")
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    percent = Fraction(1)
    if s.endswith("%"):
        s, percent = s[:-1], Fraction(1, 100)
    elif s.endswith("‰"):
        s, percent = s[:-1], Fraction(1, 1000)
    elif s.startswith("百分之"):
        s, percent = s[3:], Fraction(1, 100)
    elif s.startswith("千分之"):
        s, percent = s[3:], Fraction(1, 1000)
    try:
        if _GROUPED.match(s):
            value = Fraction(s.replace(",", ""))
        elif "," in s:
            raise _refuse(field, raw, "有歧义：千位分隔符后应为三位数字",
                          "is ambiguous: a thousands separator must be followed by three digits")
        elif _PLAIN.match(s):
            value = Fraction(s)
        elif m := _MIXED.match(s):
            value = _scaled(m.group(1), m.group(2))
        elif m := _FRACTION.match(s):
            value = Fraction(int(m.group(1)), int(m.group(2)))
        elif _ROUGH_RANGE.match(s):
            raise _refuse(field, raw, "是一个大致范围，请给出具体数字", "is a rough range; please give the figure")
        elif m := _CN_FRACTION.match(s):
            value = _single(m.group(2)) / _single(m.group(1))
        elif s and all(ch in _CN_CHARS for ch in s):
            value = _cn(s)
        else:
            raise ValueError(s)
    except QueryError:
        raise
    except (ValueError, ZeroDivisionError, ArithmeticError, KeyError):
        raise _refuse(field, raw, "不是可识别的数字", "is not a number") from None
    value *= percent
    return -value if negative else value


def _single(s: str) -> Fraction:
    if _PLAIN.match(s):
        return Fraction(s)
    return _cn(s)


# ---------------------------------------------------------------- quantities in free text

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUM_AR = r"\d+(?:,\d+)*(?:\.\d+)?"
_NUM_CN = rf"[{_CN_DIGITS}十百千万亿][{_CN_CHARS}]*"
_NUMBER = rf"(?:{_NUM_AR}(?:[十百千万亿](?![{_CN_DIGITS}]))*|{_NUM_CN})"
_QUANTITY = re.compile(
    rf"(?<![\d/])(?P<fa>\d+)\s*/\s*(?P<fb>\d+)(?![\d/])"
    rf"|(?P<cfa>(?!百分之|千分之)[{_CN_DIGITS}十百千\d]+)分之(?P<cfb>[{_CN_CHARS}\d]+)"
    rf"|(?P<pct>百分之|千分之)?(?P<n1>{_NUMBER})\s*(?P<u1>{_UNIT_ALT})?"
    rf"(?:\s*(?:-|~|至|到)\s*(?P<pct2>百分之|千分之)?(?P<n2>{_NUMBER})\s*(?P<u2>{_UNIT_ALT})?)?")
# A bare 平 is 平方米 only when it is not the start of another word (平阳, 平均, 平台, 平湖 …).
_BARE_PING_NOT_BEFORE = set("阳均台湖方米整衡稳安等")
# Spoken measure words: "820个平方", "3.2个亿", "两个亿" are 820平方, 3.2亿, 两亿 (the 个 is replaced by a space
# after the unit, so positions in the text stay where they were).
# ("1万个平方": after 万 or 亿 only an area is read so — "1万个企业" stays a count)
_SPOKEN_MEASURE = re.compile(rf"(?<=[\d{_CN_DIGITS}十百千])个(亿|万|平方米|平方|平米|平(?![{''.join(_BARE_PING_NOT_BEFORE)}]))"
                             rf"|(?<=[\d{_CN_DIGITS}十百千][万亿])个(平方米|平方|平米|平(?![{''.join(_BARE_PING_NOT_BEFORE)}]))")
_ENGLISH_UNIT = re.compile(r"[a-z]")
# "300多万", "两千多平": more than 300万, 2000平 — read as that figure (the 多 is moved after the unit as a space, so
# positions stay where they were): a "以上" threshold met by it is met. "30来万" (about 30万, maybe less) is not read.
_SPOKEN_APPROX = re.compile(rf"(?<=[\d{_CN_DIGITS}十百千])多(万|亿|平方米|平方|平米|平|亩|元|块|家)")
# A bare 方 is 平方米 only after a figure that is not one small digit ("三方协议", "一方面" are words) and not at the
# start of another word (方式, 方案, 方向 …).
_TOGETHER_BEFORE = set("加在到放合跟同和与")
# Before 一年: which year is meant ("上一年度", "每一年", "前一年"), not how long
_ORDINAL_BEFORE = set("上下每前后同当")
_BARE_FANG_NOT_BEFORE = set("式案向法便针可位言圆格块形")


def _unit_ok(unit: str | None, text: str, end: int) -> bool:
    if unit is None:
        return True
    if unit == "平" and end < len(text) and text[end] in _BARE_PING_NOT_BEFORE:
        return False
    if unit == "方" and end < len(text) and text[end] in _BARE_FANG_NOT_BEFORE:
        return False
    if _ENGLISH_UNIT.match(unit) and end < len(text) and text[end].isalpha() and text[end].isascii():
        return False  # "mu" in "museum", "day" in "days" handled by the longer spelling first
    return True


def _value_of(number: str, field: str | None) -> tuple[Fraction, bool]:
    wan = "万" in number or "亿" in number
    return parse_number(number, field), wan


# "how many 10,000 m² are completed": the unit a table counts in (万㎡), asked in — no figure of the user's.
_UNIT_ASKED_IN = re.compile(r"(?<=how many )10,?000 ?(?:m²|m2|sq\.? ?m\b|square met(?:re|er)s?)"
                            r"|(?<=in units of )10,?000 ?(?:m²|m2|sq\.? ?m\b|square met(?:re|er)s?)", re.I)


def find_quantities(text: str, field: str | None = "question") -> list[Quantity]:
    """Every number in ``text`` with its unit (if any), left to right; dates are skipped.

    A number written with a separator that is not a thousands separator ("1,2平方米") raises QueryError naming
    ``field``. Chinese numerals count only with a unit after them (一般, 五度 and 四无 are words, not numbers).

    >>> [(q.value, q.unit, q.high) for q in find_quantities("非生产性用房占15%-25%")]
    [(Fraction(15, 1), '%', Fraction(25, 1))]
    >>> [q.m2() for q in find_quantities("I bought a 1,200 m2 unit")]
    [Fraction(1200, 1)]
    >>> find_quantities("以入园企业上一年度亩均销售产值"), len(find_quantities("一年内完成"))
    ([], 1)
    >>> [(q.value, q.wan, q.unit) for q in find_quantities("交税300多万，厂房两千多平")]
    [(Fraction(3000000, 1), True, ''), (Fraction(2000, 1), False, '平方米')]
    >>> find_quantities("how many 10,000 m² are completed"), len(find_quantities("How many mu is 10,000 m²?"))
    ([], 1)
    >>> find_quantities("买了1,2000平方米")
    Traceback (most recent call last):
    ...
    assistant.errors.QueryError: “question”的数值“1,2000”有歧义：千位分隔符后应为三位数字 (question: '1,2000' is ambiguous: a thousands separator must be followed by three digits)
    """
    norm = normalise(text)
    masked = _SPOKEN_MEASURE.sub(lambda m: m.group(m.lastindex) + " " * (len(m.group(0)) - len(m.group(m.lastindex))), _mask_dates(norm))
    masked = _SPOKEN_APPROX.sub(lambda m: m.group(1) + " ", masked)
    masked = _UNIT_ASKED_IN.sub(lambda m: " " * len(m.group(0)), masked)
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(masked):
        if m.group("fa"):
            a, b = int(m.group("fa")), int(m.group("fb"))
            if b == 0:
                continue
            out.append(Quantity(Fraction(a, b), "", m.group(0), m.start(), m.end()))
            continue
        if m.group("cfa"):
            try:
                value = _single(m.group("cfb")) / _single(m.group("cfa"))
            except (ValueError, ZeroDivisionError, ArithmeticError):
                continue
            out.append(Quantity(value, "", m.group(0), m.start(), m.end()))
            continue
        n1, u1, n2, u2 = m.group("n1"), m.group("u1"), m.group("n2"), m.group("u2")
        chinese = not n1[0].isdigit()
        if u1 is not None and not _unit_ok(u1, masked, m.end("u1")):
            u1 = None
        if u1 == "方" and len(n1) == 1 and n1 in _CN_DIGITS:
            u1 = None
        if u1 == "块" and n1 == "一" and (masked[m.end("u1"):m.end("u1") + 1] == "儿"
                                           or masked[max(0, m.start() - 1):m.start()] in _TOGETHER_BEFORE):
            continue   # "加一块儿", "跟…放一块": together, not one yuan
        if u1 == "年" and n1 == "一" and (masked[m.end("u1"):m.end("u1") + 1] == "度"
                                          or masked[max(0, m.start() - 1):m.start()] in _ORDINAL_BEFORE):
            continue   # "上一年度", "每一年": which year, not a period of one year
        if n2 is not None and u2 is not None and not _unit_ok(u2, masked, m.end("u2")):
            u2 = None
        pct = m.group("pct")
        if chinese and u1 is None and not pct and (n2 is None or u2 is None) \
                and not (n1[0] in "一二两三四五六七八九" and n1[-1] in "万亿"):
            continue  # 一般, 五度, 四无, 百园万企, 千万: words, not quantities ("两个亿", "三千万" are sums)
        if n1 in ("万", "亿", "十", "百", "千"):
            continue
        if n2 is not None and not chinese and u1 is None and u2 is None:
            # "1-2个" has a unit; "3-5" with none is more likely a label or a range of items: keep only the first
            n2 = None
        try:
            v1, wan = _value_of(n1, field)
            v2 = _value_of(n2, field)[0] if n2 is not None else None
        except QueryError:
            if "," in n1 or (n2 and "," in n2):
                raise
            continue
        unit_raw = u1 or u2
        if pct:
            unit_raw = "%" if pct == "百分之" else "‰"
        elif m.group("pct2") and n2 is not None and u1 is None:
            unit_raw = "%" if m.group("pct2") == "百分之" else "‰"
        if unit_raw is None:
            out.append(Quantity(v1, "", m.group(0), m.start(), m.end(), v2, wan))
            continue
        canon, factor = UNITS[unit_raw]
        if n2 is not None and u1 is not None and u2 is not None and UNITS[u2][0] != canon:
            out.append(Quantity(v1 * factor, canon, masked[m.start():m.end("u1")], m.start(), m.end("u1"), None, wan))
            continue
        out.append(Quantity(v1 * factor, canon, m.group(0), m.start(), m.end(),
                            None if v2 is None else v2 * factor, wan or unit_raw.startswith(("万", "亿"))))
    return _with_halves(out, masked)


# "半年", "半个月" on their own, and the 半 after a number of years ("两年半"): a length of time said with 半
_HALF = re.compile(rf"(?<![\d{_CN_DIGITS}十百千.上下前后])半(年|个月)(?!度)")


def _with_halves(found: list[Quantity], masked: str) -> list[Quantity]:
    """``found`` with 半 read: "两年半" is 2.5年, "半年" 0.5年, "半个月" 0.5个月.

    >>> [(q.value, q.unit) for q in find_quantities("合同签了半年，还有两年半")]
    [(Fraction(1, 2), '年'), (Fraction(5, 2), '年')]
    """
    out = []
    for q in found:
        if q.unit == "年" and q.high is None and masked[q.end:q.end + 1] == "半":
            q = Quantity(q.value + Fraction(1, 2), q.unit, q.text + "半", q.start, q.end + 1, None, q.wan)
        out.append(q)
    for m in _HALF.finditer(masked):
        out.append(Quantity(Fraction(1, 2), UNITS[m.group(1)][0], m.group(0), m.start(), m.end()))
    return sorted(out, key=lambda q: q.start)


# ---------------------------------------------------------------- dates

_MONTHS_EN = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"], 1)}
_MON_ALT = "|".join(list(_MONTHS_EN) + [m[:3] for m in _MONTHS_EN])
_CN_NUM = rf"[{_CN_DIGITS}十]+"
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"),
    # "23年5月10号签的合同": a spoken two-digit year, read as 20YY only up to this year (find_dates)
    re.compile(r"(?<![\d.])(?P<y>\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"(?P<y>[{_CN_DIGITS}]{{4}})年(?P<m>{_CN_NUM})月(?P<d>{_CN_NUM})[日号]"),
    re.compile(rf"(?P<mn>{_MON_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MON_ALT})\.?,?\s+(?P<y>\d{{4}})"),
)


def _full_month(name: str) -> str:
    return next(m for m in _MONTHS_EN if m.startswith(name[:3]))


def _cn_year_digits(y: str) -> str:
    table = {"〇": "0", "零": "0", "一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6",
             "七": "7", "八": "8", "九": "9"}
    return "".join(table[ch] for ch in y)


def _date_matches(norm: str):
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(norm):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            yield m


def _mask_dates(norm: str) -> str:
    chars = list(norm)
    for m in _date_matches(norm):
        for i in range(*m.span()):
            chars[i] = " "
    return "".join(chars)


def check_date(value: dt.date, field: str | None = None) -> dt.date:
    """A date in the sane range for this domain, or QueryError naming ``field``."""
    if not (MIN_YEAR <= value.year <= MAX_YEAR):
        raise QueryError(f"{('“' + field + '”的') if field else ''}日期{value.isoformat()}超出合理范围（{MIN_YEAR}—{MAX_YEAR}年）",
                         f"{field + ': ' if field else ''}date {value.isoformat()} is outside {MIN_YEAR}–{MAX_YEAR}",
                         field=field)
    return value


def find_dates(text: str, field: str | None = "question") -> list[dt.date]:
    """Full dates in ``text`` (2024年3月31日, 2024-03-31, 2024/3/31, 二〇二四年三月三十一日, March 31, 2024),
    in order of appearance, each checked to lie in 1949–2100; an impossible day (2月30日) is skipped.

    >>> find_dates("March 31, 2024 and 2025-02-28")
    [datetime.date(2024, 3, 31), datetime.date(2025, 2, 28)]
    """
    norm = normalise(text)
    found: list[tuple[int, dt.date]] = []
    for m in _date_matches(norm):
        g = m.groupdict()
        try:
            year = _spoken_year(g["y"]) if g["y"].isdigit() else int(_cn_year_digits(g["y"]))
            if year is None:
                continue   # "99年6月1日": not read as 2099 (nor guessed as 1999)
            month = _MONTHS_EN[_full_month(g["mn"])] if g.get("mn") else (
                int(g["m"]) if g["m"].isdigit() else int(_cn(g["m"])))
            day = int(g["d"]) if g["d"].isdigit() else int(_cn(g["d"]))
        except (ValueError, KeyError, StopIteration):
            continue
        if not (MIN_YEAR <= year <= MAX_YEAR):
            raise QueryError(f"日期中的年份{year}超出合理范围（{MIN_YEAR}—{MAX_YEAR}年）",
                             f"the year {year} is outside {MIN_YEAR}–{MAX_YEAR}", field=field)
        try:
            found.append((m.start(), dt.date(year, month, day)))
        except ValueError:
            continue
    return [d for _, d in sorted(found, key=lambda x: x[0])]


# A spoken two-digit year is 20YY up to this many years ahead ("打算27年3月1号签合同"); later ones ("99年") are not read.
TWO_DIGIT_YEARS_AHEAD = 10


def _spoken_year(digits: str) -> int | None:
    """A year as written: four digits as they are; two digits as 20YY up to TWO_DIGIT_YEARS_AHEAD from now, else None."""
    if len(digits) != 2:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= dt.date.today().year + TWO_DIGIT_YEARS_AHEAD else None


# A month without its day, said of the user's own act ("22年6月买的", "2022年6月份签的合同", "bought in June 2022"): a
# document's month ("2023年12月印发的方案") is no date of the user's. A day in any form ("6月十五日", "6月底", "中旬")
# makes it no bare month. A two-digit year is read as 20YY only before "年…月" and only up to this year's.
_MONTH_PATTERNS = (
    re.compile(r"(?<![\d.])(?P<y>\d{4}|\d{2})\s*年\s*(?P<m>\d{1,2})\s*(?:月份|月)"
               r"(?!\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[日号])(?!\s*(?:底|末|初|上旬|中旬|下旬))"),
    re.compile(rf"(?<![\d\w])(?P<mn>{_MON_ALT})\.?,?\s+(?P<y>\d{{4}})(?!\d)"),
)
_OWN_ACT_AFTER = re.compile(r"^\s*(?:份|的时候|时)?\s*(?:在[^，,。；;？?!！]{1,12}?)?\s*(?:就|才|已|已经|刚|刚刚|开始|正式|通过)?\s*"
                            r"(?:买|购|签|拿|取得|投产|竣工|验收|开工|入园|入驻|进园|搬|公示|贴|租|运营|受理|申请|提交|交)")
_OWN_ACT_BEFORE = re.compile(r"\b(?:bought|purchased|signed|acquired|started|completed|moved|entered|began|opened|"
                             r"posted|published|applied|submitted|since)\b[\w\s,]{0,20}$")


def find_months(text: str, field: str | None = "question") -> list[dt.date]:
    """Months named without a day, of the user's own act, each as its first day, in order; full dates are not
    months.

    >>> find_months("我是22年6月买的"), find_months("2022年6月买的，2024年3月1日签的")
    ([datetime.date(2022, 6, 1)], [datetime.date(2022, 6, 1)])
    >>> find_months("bought in June 2022"), find_months("2024年3月1日"), find_months("2023年12月印发的方案")
    ([datetime.date(2022, 6, 1)], [], [])
    >>> find_months("2022年6月十五日买的"), find_months("22年6月底买的"), find_months("99年6月买的")
    ([], [], [])
    """
    norm = _mask_dates(normalise(text))
    found: list[tuple[int, dt.date]] = []
    for pattern in _MONTH_PATTERNS:
        for m in pattern.finditer(norm):
            g = m.groupdict()
            if g.get("mn"):
                if not _OWN_ACT_BEFORE.search(norm[:m.start()]):
                    continue
            elif not _OWN_ACT_AFTER.search(norm[m.end():]):
                continue
            year = _spoken_year(g["y"])
            if year is None:
                continue   # "99年6月": not read as 2099 (nor guessed as 1999)
            month = _MONTHS_EN[_full_month(g["mn"])] if g.get("mn") else int(g["m"])
            if not 1 <= month <= 12:
                continue
            if not (MIN_YEAR <= year <= MAX_YEAR):
                raise QueryError(f"日期中的年份{year}超出合理范围（{MIN_YEAR}—{MAX_YEAR}年）",
                                 f"the year {year} is outside {MIN_YEAR}–{MAX_YEAR}", field=field)
            found.append((m.start(), dt.date(year, month, 1)))
    return [d for _, d in sorted(found, key=lambda x: x[0])]


def parse_date(text: str | dt.date, field: str | None = None) -> dt.date:
    """One date field: ``2024-03-31``, ``2024/3/31``, ``2024年3月31日`` …, in 1949–2100; else QueryError."""
    if isinstance(text, dt.datetime):
        return check_date(text.date(), field)
    if isinstance(text, dt.date):
        return check_date(text, field)
    found = find_dates(str(text), field)
    if len(found) != 1:
        raise QueryError(f"{('“' + field + '”') if field else ''}不是有效日期：{text}（格式 YYYY-MM-DD）",
                         f"{field + ': ' if field else ''}not a valid date: {text!r} (use YYYY-MM-DD)", field=field)
    return found[0]


def parse_area_m2(text: str | int | float, field: str | None = None) -> Fraction:
    """An area field in m²: a bare number is m²; ``3亩`` and ``2万㎡`` are converted.

    >>> parse_area_m2("1.5亩")
    Fraction(1000, 1)
    """
    if isinstance(text, (int, float)):
        return parse_number(text, field)
    found = find_quantities(str(text), field)
    if len(found) == 1 and found[0].m2() is not None and not found[0].is_range:
        return found[0].m2()
    if len(found) == 1 and found[0].unit == "":
        return found[0].value
    return parse_number(str(text), field)
