"""Check results as a person reads them: every value with its unit, dates in Chinese, yes/no in words, the verdict
in words and colour, the clause named by its document — never a rule id, "True" or "33.3333".

Reports (XLSX / DOCX / PDF), the pages' summary tables and the band charts all read a :class:`CheckItem` through
here, so they show the same words.

>>> from assistant.rules.checks import rule_item
>>> from assistant.rules.params import get_param
>>> from fractions import Fraction
>>> it = rule_item(get_param("linhai.nonproduction_floor_share"), Fraction(1, 6), "非生产性用房占比")
>>> value_text(it), threshold_text(it), formatting.verdict(it.verdict, short=True)
('16.67%', '15%–25%', '符合')
>>> value_text(it.model_copy(update={"value": True, "unit": None}))
'是'
>>> threshold_text(it.model_copy(update={"threshold": "不晚于 2025-02-28（≤ 6 个月）"}))
'不晚于 2025年2月28日（≤ 6 个月）'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from assistant import formatting
from assistant.errors import AssistantError
from assistant.models import Citation, Status
from assistant.verdicts import CheckItem, CheckReport, Verdict

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# the page and the files colour a verdict the same way (text colour, cell background)
FILL = {"pass": "#D9EAD3", "fail": "#F4CCCC", "warning": "#FFF2CC", "unknown": "#E0E0E0"}


def dates_in(text: str) -> str:
    """ISO dates inside a sentence as a person writes them: 2025-02-28 → 2025年2月28日."""
    def one(m: re.Match) -> str:
        try:
            return formatting.date(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return m.group(0)
    return _ISO.sub(one, text or "")


def _param(rule_id: str):
    from assistant.rules.params import get_param

    try:
        return get_param(rule_id)
    except AssistantError:
        return None


def value_text(item: CheckItem) -> str:
    """The item's value with its unit: ``16.67%``, ``120亩``, ``2.25`` (a plot ratio has no unit), ``是``,
    ``2025年1月15日``; ``—`` when there is none."""
    v = item.value
    if v is None:
        return "—"
    if isinstance(v, bool):
        return formatting.yes_no(v)
    if isinstance(v, str):
        return dates_in(v)
    unit = item.unit
    if unit is None:  # a report saved before values carried their unit: the rule's printed unit
        p = _param(item.rule_id)
        unit = p.unit if p is not None else ""
    if unit == "比例":  # a share written as a fraction in the rule (2/3): the value as a percentage
        return formatting.percent(Fraction(str(v)))
    if unit == "日期":
        return dates_in(str(v))
    return formatting.quantity(Fraction(str(v)), unit or "")


def threshold_text(item: CheckItem) -> str:
    """The rule's bound in words, dates in Chinese; ``—`` for a rule without a figure."""
    return dates_in(item.threshold) if item.threshold else "—"


def clause_text(c: Citation) -> str:
    """《title》clause, with （尚未生效） for a draft."""
    return formatting.clause_ref(c.title, c.clause, draft=c.status is Status.draft)


def short_clause(c: Citation) -> str:
    """The clause with a short name of its document, for a narrow column: 临海市工作方案（四）, 温州市实施意见5."""
    from assistant.corpus import load_corpus

    try:
        kind = load_corpus().document(c.doc_id).meta.kind
    except AssistantError:
        kind = ""
    name = f"{c.city or ''}{kind}" or c.title
    return f"{name}{c.clause.strip()}"


def documents_text(report: CheckReport) -> str:
    """Every document the report cites, once, with its status: 《…》（征求意见稿，尚未生效）."""
    seen: dict[str, Citation] = {}
    for it in report.items:
        for c in it.citations:
            seen.setdefault(c.doc_id, c)
    out = []
    for c in seen.values():
        label = c.status.label_zh if c.status else ""
        status = "（尚未生效）" if c.status is Status.draft and label in c.title else \
            f"（{label}{'，尚未生效' if c.status is Status.draft else ''}）" if label else ""
        out.append(f"《{c.title}》{status}")
    return "\n".join(out)


@dataclass(frozen=True)
class ItemView:
    """One criterion as shown in a summary row and its details."""

    n: int
    criterion: str
    value: str
    threshold: str
    verdict: str          # pass / fail / warning / unknown
    verdict_text: str     # 符合 / 不符合 / 提示 / 待补充
    colour: str           # text colour of the verdict (#rrggbb)
    fill: str             # background of the verdict cell
    clause: str           # the cited clauses, short: 临海市工作方案（四）
    clauses: tuple[str, ...]  # each cited clause in full: 《title》clause
    quotes: tuple[str, ...]
    message: str
    missing: str          # the missing inputs, in words


def item_view(n: int, item: CheckItem) -> ItemView:
    from assistant.forms.labels import field_labels

    key = item.verdict.value
    clauses = tuple(clause_text(c) for c in item.citations)
    short = "、".join(dict.fromkeys(short_clause(c) for c in item.citations))
    return ItemView(n=n, criterion=item.criterion, value=value_text(item), threshold=threshold_text(item),
                    verdict=key, verdict_text=formatting.verdict(key, short=True),
                    colour=formatting.VERDICT_COLOUR[key], fill=FILL[key], clause=short or "—",
                    clauses=clauses, quotes=tuple(f"“{c.quote}”" for c in item.citations),
                    message=dates_in(item.message), missing=field_labels(item.missing))


def views(report: CheckReport) -> list[ItemView]:
    return [item_view(n, it) for n, it in enumerate(report.items, 1)]


def counts(report: CheckReport) -> dict[str, int]:
    """How many criteria have each verdict, in the order pass, fail, warning, unknown."""
    out = {v.value: 0 for v in (Verdict.passed, Verdict.fail, Verdict.warning, Verdict.unknown)}
    for it in report.items:
        out[it.verdict.value] += 1
    return out


def overall_text(report: CheckReport) -> str:
    """总体结论 in one line: the verdict and how many criteria of each kind."""
    c = counts(report)
    parts = "，".join(f"{formatting.verdict(k, short=True)} {n} 项" for k, n in c.items() if n)
    return f"{formatting.verdict(report.overall)}（共 {len(report.items)} 项：{parts}）" if parts else \
        formatting.verdict(report.overall)


# ---------------------------------------------------------------- a value against its band (charts)

@dataclass(frozen=True)
class Band:
    """A ratio judged against its allowed band, in the rule's printed unit (% / ‰ / none)."""

    criterion: str
    value: float
    low: float | None     # None: no lower bound
    high: float | None    # None: no upper bound
    unit: str
    verdict: str
    value_text: str
    threshold_text: str


RATIO_UNITS = ("%", "‰", "", "比例")


def bands(report: CheckReport) -> list[Band]:
    """Every judged ratio of the report (unit %, ‰ or none) with the bounds of its rule."""
    out = []
    for it in report.items:
        if it.value is None or isinstance(it.value, (bool, str)) or it.unit not in (None, *RATIO_UNITS):
            continue
        p = _param(it.rule_id)
        if p is None or p.unit not in RATIO_UNITS or p.kind not in ("min", "max", "range", "value"):
            continue
        if (it.unit or "") != p.unit:
            continue
        lo = p.min if p.kind in ("min", "range") else p.value if p.kind == "value" else None
        hi = p.max if p.kind in ("max", "range") else None
        scale = 100 if p.unit == "比例" else 1
        out.append(Band(criterion=it.criterion, value=float(it.value) * scale,
                        low=None if lo is None else float(lo) * scale, high=None if hi is None else float(hi) * scale,
                        unit="%" if p.unit == "比例" else p.unit, verdict=it.verdict.value,
                        value_text=value_text(it), threshold_text=threshold_text(it)))
    return out
