"""Which numbers in the corpus are rules, and which are deliberately not.

Every number printed in a clause must be either stated by a parameter whose
``quote`` contains it, or listed in ``rules/not_rules.yaml`` with a reason. The
label that opens a clause (``10.``, ``（1）``, ``附件2``) is not a number of the text.

>>> [t.text for t in number_tokens("（四）容积率应达到2.0以上，建筑密度一般不低于35%。")]
['2.0', '35']
>>> [t.value for t in number_tokens("投产两年内")]
[Fraction(2, 1)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from assistant.rules.numbers import exact
from assistant.rules.params import NotRule, Param

_ARABIC = re.compile(r"\d+(?:\.\d+)?(?:/\d+)?")
# Chinese numerals count only before a unit of time or area ("投产两年内"), not in names like "二十大".
_CHINESE = re.compile(r"[一二两三四五六七八九十]+(?=年|个月|日|天|亩)")
_LEADING_LABEL = re.compile(r"^[\s\u3000]*(?:[（(]\d{1,3}[）)]|\d{1,3}[.．](?![\d])|附\s*件\s*\d{0,2})")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class NumberToken:
    text: str
    value: Fraction
    start: int
    end: int


def _cn_value(s: str) -> int:
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)
    return _CN[s]


def number_tokens(text: str) -> list[NumberToken]:
    """Numbers printed in a clause's text, with their offsets, skipping the opening label."""
    m = _LEADING_LABEL.match(text)
    skip = m.end() if m else 0
    out = [NumberToken(x.group(), exact(x.group()), x.start(), x.end())
           for x in _ARABIC.finditer(text) if x.start() >= skip]
    out += [NumberToken(x.group(), Fraction(_cn_value(x.group())), x.start(), x.end()) for x in _CHINESE.finditer(text)]
    return sorted(out, key=lambda t: t.start)


def _spans(text: str, snippet: str):
    i = text.find(snippet)
    while i >= 0:
        yield i, i + len(snippet)
        i = text.find(snippet, i + 1)


def uncovered_numbers(clause_id: str, text: str, params: list[Param], not_rules: list[NotRule]) -> list[NumberToken]:
    """Tokens of one clause that no parameter states and no not-rule entry explains."""
    if any(n.clause_id == clause_id and n.whole_clause for n in not_rules):
        return []
    param_spans = [(s, e, set(p.numbers)) for p in params for s, e in _spans(text, p.quote)]
    note_spans = [(s, e) for n in not_rules if n.clause_id == clause_id and n.text for s, e in _spans(text, n.text)]
    out = []
    for t in number_tokens(text):
        by_param = any(s <= t.start and t.end <= e and t.value in nums for s, e, nums in param_spans)
        by_note = any(s <= t.start and t.end <= e for s, e in note_spans)
        if not (by_param or by_note):
            out.append(t)
    return out
