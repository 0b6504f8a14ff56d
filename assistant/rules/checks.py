"""Building blocks shared by the park check, the eligibility check and the calculators:
judge a value against a parameter and say so in one CheckItem, with the citation.

>>> from assistant.rules.params import get_param
>>> it = rule_item(get_param("linhai.building_density_min"), Fraction(30, 100), "建筑密度")
>>> (it.verdict.value, it.value, it.threshold)
('warning', 30, '≥ 35%')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from assistant.models import Citation
from assistant.rules.numbers import as_number, fmt
from assistant.rules.params import PERCENT_UNITS, Param
from assistant.verdicts import CheckItem, Verdict


def meets(p: Param, x: Fraction) -> bool:
    """Whether ``x`` satisfies ``p``; ``x`` is a plain ratio when the unit is % or ‰.

    A ``value`` parameter (“配置比例为3‰”) is read as the amount to provide at least.
    """
    if p.kind == "min":
        return x >= p.fraction("min") if p.inclusive else x > p.fraction("min")
    if p.kind == "max":
        return x <= p.fraction("max") if p.inclusive else x < p.fraction("max")
    if p.kind == "range":
        lo, hi = p.fraction("min"), p.fraction("max")
        return lo <= x <= hi if p.inclusive else lo < x < hi
    if p.kind == "value":
        return x >= p.fraction("value")
    raise ValueError(f"参数 {p.id}（{p.kind}）不能用数值判断")


def verdict_of(p: Param, ok: bool) -> Verdict:
    """A miss of a soft rule (原则上/一般) is a warning, not a failure."""
    if ok:
        return Verdict.passed
    return Verdict.warning if p.soft else Verdict.fail


def in_unit(p: Param, x: Fraction) -> Fraction:
    """A ratio back in the parameter's printed unit: 0.365 → 36.5 for %."""
    return x * PERCENT_UNITS[p.unit] if p.unit in PERCENT_UNITS else x


def shown(p: Param, x: Fraction) -> str:
    """``x`` in words with the parameter's unit: ``36.5%``, ``2.15``, ``120 亩``."""
    v = fmt(in_unit(p, x), 2)
    if p.unit in PERCENT_UNITS:
        return f"{v}{p.unit}"
    if p.unit in ("", "比例"):
        return fmt(x, 4) if p.unit == "比例" else v
    return f"{v}{p.unit}"


def check_threshold(p: Param) -> str:
    """The bound as used by a check: a ``value`` rate (“配置比例为3‰”) is read as a minimum."""
    if p.kind == "value":
        return f"≥ {p.figure()}（原文为{p.figure()}，按下限核验）"
    return p.threshold_zh()


def margin(p: Param, x: Fraction) -> str:
    """How far ``x`` is from a bound in the parameter's own unit ("还差40平方米", "超出14平方米", "比下限多18亩"); none
    for shares (a percentage point is not what a user can act on) or ranges.

    >>> from assistant.rules.params import get_param
    >>> margin(get_param("linhai.unit_area_min"), Fraction(360))
    '，还差40平方米'
    """
    if p.unit in PERCENT_UNITS or p.unit in ("", "比例") or p.kind not in ("min", "max"):
        return ""
    bound = p.fraction(p.kind)
    d = abs(x - bound)
    if d == 0:
        return ""
    amount = f"{fmt(d, 2)}{p.unit}"
    if p.kind == "min":
        return f"，还差{amount}" if x < bound else f"，比下限多{amount}"
    return f"，超出{amount}" if x > bound else f"，比上限少{amount}"


def _soft_note(p: Param) -> str:
    return f"（原文为“{p.qualifier}”，属软性要求：未达到时需说明理由，由主管部门审定）" if p.soft else ""


def rule_item(p: Param, x: Fraction, criterion: str | None = None, *, note: str = "",
              citations: Iterable[Citation] = ()) -> CheckItem:
    """One criterion judged: value, threshold, verdict and a sentence for people."""
    crit = criterion or p.description_zh
    verdict = verdict_of(p, meets(p, x))
    word = {Verdict.passed: "符合", Verdict.fail: "不符合", Verdict.warning: "未达到"}[verdict]
    msg = f"{crit}为{shown(p, x)}，要求 {check_threshold(p)}，{word}{margin(p, x)}" \
          f"{_soft_note(p) if verdict is Verdict.warning else ''}。"
    return CheckItem(rule_id=p.id, criterion=crit, criterion_en=p.description_en, verdict=verdict,
                     value=as_number(in_unit(p, x), 4), unit=p.unit or None, threshold=check_threshold(p),
                     message=msg + note,
                     citations=(p.citation(), *citations))


def missing_item(p: Param, fields: Iterable[str], labels: Mapping[str, str], criterion: str | None = None,
                 citations: Iterable[Citation] = ()) -> CheckItem:
    """The input needed to judge ``p`` is missing: ask for it, never assume it."""
    fields = tuple(dict.fromkeys(fields))
    names = "、".join(labels.get(f, f) for f in fields)
    crit = criterion or p.description_zh
    return CheckItem(rule_id=p.id, criterion=crit, criterion_en=p.description_en, verdict=Verdict.unknown,
                     threshold=check_threshold(p) if p.kind != "condition" else None,
                     message=f"{crit}：缺少{names}，无法判断。", missing=fields,
                     citations=(p.citation(), *citations))


def flag_item(p: Param, ok: bool, criterion: str, message: str, *, value=None, threshold: str | None = None,
              citations: Iterable[Citation] = (), unit: str | None = None) -> CheckItem:
    """A yes/no criterion (legal person, excluded kinds …) already decided by the caller."""
    return CheckItem(rule_id=p.id, criterion=criterion, criterion_en=p.description_en, verdict=verdict_of(p, ok),
                     value=value, unit=unit, threshold=threshold, message=message + (_soft_note(p) if not ok and p.soft else ""),
                     citations=(p.citation(), *citations))


def date_item(p: Param, actual, deadline, criterion: str, what: str) -> CheckItem:
    """A date that must be on or before ``deadline``."""
    ok = actual <= deadline
    verdict = verdict_of(p, ok)
    word = {Verdict.passed: "符合", Verdict.fail: "不符合", Verdict.warning: "未达到"}[verdict]
    return CheckItem(rule_id=p.id, criterion=criterion, criterion_en=p.description_en, verdict=verdict,
                     value=actual.isoformat(), unit="日期", threshold=f"不晚于 {deadline.isoformat()}（{p.threshold_zh()}）",
                     message=f"{what}为{actual.isoformat()}，期限为{deadline.isoformat()}，{word}"
                             f"{_soft_note(p) if verdict is Verdict.warning else ''}。",
                     citations=(p.citation(),))
