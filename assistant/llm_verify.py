"""Checks on a model's wording before it may replace the extractive answer.

A generated answer is shown only if it says nothing the cited clauses do not say. Each check here is a
way a fluent answer was seen to go wrong:

- a sentence without ``[n]``, or naming a clause that was not given;
- a quotation (“…” / 「…」) that is not verbatim in the clause it names;
- a figure the clauses do not contain: Arabic (``15元``), Chinese numerals (``一百元`` when the clause says
  12元), ``万``/``亿`` multiples, ``%``/``‰`` and ``百分之…`` — compared by value, so ``1.2万`` matches
  ``12000`` and ``十二元`` matches ``12元``;
- a negated obligation: "无需缴纳" / "可免交" / "不用…" where the cited clause says 缴纳 / 缴存 / 应 and
  has no such exemption;
- markup or links (HTML, Markdown, URLs, Streamlit directives): the text is shown as plain text
  everywhere, and a link in an answer about official rules is an invitation to go somewhere else.

This is a private parser for verification only; it does not interpret questions (that is
``assistant.router``).

>>> verify("物业专项维修资金按每平方米一百元缴存[1]。", ["物业专项维修资金缴纳标准按照12元/平方米缴存。"])
['number not in its clause: 一百']
>>> verify("维修基金无需缴纳，入园企业可免交[1]。", ["物业专项维修资金缴纳标准按照12元/平方米缴存。"])
['negates an obligation of its clause: 无需']
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

_SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_QUOTE = re.compile(r"[“「]([^”」]+)[”」]")
_REF = re.compile(r"\[(\d+)\]")

# ---------------------------------------------------------------- markup and links

_MARKUP = [
    ("html tag", re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>?")),
    ("html entity", re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")),
    ("link", re.compile(r"\]\s*\(|!\[|\[[^\]]*\]\s*:\s*\S")),
    ("url", re.compile(r"(?i)\b(?:https?|ftp|file|mailto|javascript|data):|\bwww\.|\b[a-z0-9-]+\.(?:com|cn|net|org|"
                       r"io|gov|edu|info|biz|xyz|top|me|cc|co|app|dev|site|link)\b")),
    ("markdown", re.compile(r"\*\*|__|`|~~|^\s{0,3}#{1,6}\s|^\s*[-*+]\s|^\s*>\s|\$", re.M)),
    ("directive", re.compile(r":[a-z_-]+(?:/[a-z_]+:|\[)")),
]


def markup(text: str) -> list[str]:
    """Kinds of markup or links in ``text`` (empty: plain text)."""
    return [name for name, pattern in _MARKUP if pattern.search(text)]


# ---------------------------------------------------------------- figures

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
             "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_BIG)
# a single Chinese digit is a figure only before a unit or measure word ("一年", "两层"), not in 一般, 统一, 进一步
_UNITS = ("元", "角", "平方米", "平米", "米", "亩", "公顷", "年", "个", "月", "日", "天", "周", "小时", "家", "人", "名",
          "倍", "层", "套", "间", "项", "次", "成", "户", "栋", "幢", "座", "条", "款", "类", "批", "期", "届", "吨", "度",
          "%", "％", "‰", "分")

_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿|千)?")
_PERCENT_WORDS = re.compile(rf"(百分之|千分之)([{_CN_CHARS}点]+)")
_CHINESE = re.compile(rf"[{_CN_CHARS}]+(?:点[{''.join(_CN_DIGIT)}]+)?")


def cn_number(s: str) -> Fraction | None:
    """Chinese numerals to a number: 十二 → 12, 一百 → 100, 一万二千 → 12000, 二〇一九 → 2019, 一点五 → 1.5."""
    whole, _, decimals = s.partition("点")
    if not whole:
        return None
    if all(ch in _CN_DIGIT for ch in whole) and len(whole) > 1:   # 二〇一九: digit by digit
        value = Fraction(int("".join(str(_CN_DIGIT[ch]) for ch in whole)))
    else:
        total, section, digit = 0, 0, None
        for ch in whole:
            if ch in _CN_DIGIT:
                digit = _CN_DIGIT[ch]
            elif ch in _CN_SMALL:
                section += (1 if digit is None else digit) * _CN_SMALL[ch]
                digit = None
            elif ch in _CN_BIG:
                total = (total + section + (digit or 0)) * _CN_BIG[ch]
                section, digit = 0, None
        value = Fraction(total + section + (digit or 0))
    if decimals:
        value += Fraction(int("".join(str(_CN_DIGIT[ch]) for ch in decimals)), 10 ** len(decimals))
    return value


Figure = tuple[str, Fraction]   # ("%" / "‰" / "", value): 12% is not 12元


def figures(text: str) -> list[tuple[str, Figure]]:
    """Every figure in ``text`` as (as written, (kind, value)); ``[n]`` references are not figures."""
    text = unicodedata.normalize("NFKC", _REF.sub(" ", text))
    out: list[tuple[str, Figure]] = []
    for m in _ARABIC.finditer(text):
        value = Fraction(m.group(1).replace(",", ""))
        if m.group(2):
            value *= {"万": 10_000, "亿": 100_000_000, "千": 1000}[m.group(2)]
        after = text[m.end():m.end() + 1]
        out.append((m.group(0).strip(), (after if after in ("%", "‰") else "", value)))
    taken = [m.span() for m in _PERCENT_WORDS.finditer(text)]
    for m in _PERCENT_WORDS.finditer(text):
        if (v := cn_number(m.group(2))) is not None:
            out.append((m.group(0), ("%" if m.group(1) == "百分之" else "‰", v)))
    for m in _CHINESE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        raw = m.group(0)
        counted = any(ch in _CN_SMALL or ch in _CN_BIG for ch in raw) or len(raw) > 1 \
            or text.startswith(_UNITS, m.end())
        if raw in _CN_BIG or raw in _CN_SMALL:   # 万 / 千 on their own qualify a number, they are not one
            counted = False
        if counted and (v := cn_number(raw)) is not None:
            after = text[m.end():m.end() + 1]
            out.append((raw, (after if after in ("%", "‰") else "", v)))
    return out


def _values(texts: list[str]) -> set[Figure]:
    return {v for t in texts for _, v in figures(t)}


# ---------------------------------------------------------------- negated obligations

NEGATIONS = ("无需", "无须", "不需", "不用", "不必", "免", "不缴", "不交", "不收", "可不")
OBLIGATIONS = ("缴纳", "缴存", "缴交", "应", "须", "必须")


def negated_obligation(sentence: str, sources: list[str]) -> str | None:
    """The negation word if ``sentence`` negates what a source clause obliges and no source exempts."""
    if not any(o in s for s in sources for o in OBLIGATIONS):
        return None
    for word in NEGATIONS:
        if word in sentence and not any(word in s for s in sources):
            return word
    return None


# ---------------------------------------------------------------- all checks

def verify(text: str, clause_texts: list[str], extra_figures: list[str] = ()) -> list[str]:
    """Problems with a generated answer; empty means it may be shown.

    ``extra_figures``: texts whose figures may be used too (a calculator's result).
    """
    problems = [f"markup: {kind}" for kind in markup(text)]
    n = len(clause_texts)
    allowed_extra = _values(list(extra_figures))
    for sentence in (s.strip() for s in _SENT.findall(text)):
        if not sentence or not re.search(r"\w", _REF.sub("", sentence)):
            continue
        refs = [int(x) for x in _REF.findall(sentence)]
        if not refs:
            problems.append(f"sentence without [n]: {sentence[:40]}")
            continue
        if any(r < 1 or r > n for r in refs):
            problems.append(f"reference out of range: {refs}")
            continue
        sources = [clause_texts[r - 1] for r in refs]
        for quote in _QUOTE.findall(sentence):
            if not any(quote in s for s in sources):
                problems.append(f"quote not verbatim: {quote[:40]}")
        allowed = _values(sources) | allowed_extra
        for raw, value in figures(sentence):
            if value not in allowed:
                problems.append(f"number not in its clause: {raw}")
        if word := negated_obligation(_REF.sub("", sentence), sources):
            problems.append(f"negates an obligation of its clause: {word}")
    return problems
