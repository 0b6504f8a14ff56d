"""Check criteria as data: which criteria a jurisdiction's park check and enterprise check apply.

Each rules file (``rules/<name>.yaml``) lists ``criteria:`` next to its parameters. A criterion names its check
(``park`` or ``enterprise``), a kind, the parameter it judges and the input fields it reads. The generic kinds cover
most rules; a few need more than arithmetic (the 临海 site area that depends on the development mode, the dormitory
rules, the 温州 purchase cap) and name a ``handler`` registered in Python. Adding a county's check is a data change
as long as its criteria use the generic kinds.

>>> [c.kind for c in criteria_for("park", "临海市")][:3]
['custom', 'ratio', 'ratio']
>>> sorted(checks_for("慈溪市"))
['enterprise']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import RuleError
from assistant.rules import dates
from assistant.rules.checks import date_item, flag_item, meets, missing_item, rule_item
from assistant.rules.params import Param, get_param, load_params
from assistant.verdicts import CheckItem

CheckName = Literal["park", "enterprise"]
Kind = Literal["ratio", "value", "count", "min_of", "all_true", "none_true", "not_true", "flag", "deadline", "custom"]


class Criterion(BaseModel):
    """One criterion of a check, read from ``criteria:`` in a rules file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    check: CheckName
    kind: Kind
    param: str = Field(description="the parameter judged (its id)")
    label: str = Field(min_length=1, description="the criterion in words; {param} is replaced by the figure")
    fields: tuple[str, ...] = Field(default=(), description="input fields read, in the order the kind needs")
    need: tuple[str, ...] = Field(default=(), description="per field, the input to ask for when it is missing "
                                                          "(a derived field names its source: land_m2 → land_area_mu)")
    names: dict[str, str] = Field(default_factory=dict, description="none_true: field → the kind it marks")
    met: str | None = Field(default=None, description="message when met")
    unmet: str | None = Field(default=None, description="message when not met; {names} lists the failing ones")
    what: str | None = Field(default=None, description="deadline: what the judged date is")
    anchor: str | None = Field(default=None, description="deadline: the field the period runs from")
    cites: tuple[str, ...] = Field(default=(), description="further parameters cited with the item")
    handler: str | None = Field(default=None, description="custom: the registered handler")
    reads: tuple[str, ...] = Field(default=(), description="custom: every input field the handler reads (so a page "
                                                           "knows which answers a jurisdiction's check uses)")
    jurisdiction: str

    @model_validator(mode="after")
    def _shape(self):
        needs = {"ratio": 2, "value": 1, "count": 1, "min_of": 1, "flag": 1, "not_true": 1, "deadline": 1}
        if self.kind in needs and len(self.fields) != needs[self.kind]:
            raise ValueError(f"kind={self.kind} 需要 {needs[self.kind]} 个 fields")
        if self.need and len(self.need) != len(self.fields):
            raise ValueError("need 须与 fields 一一对应")
        if self.kind == "all_true" and not self.fields:
            raise ValueError("kind=all_true 需要 fields")
        if self.kind == "none_true" and not self.names:
            raise ValueError("kind=none_true 需要 names")
        if self.kind == "deadline" and not self.anchor:
            raise ValueError("kind=deadline 需要 anchor")
        if (self.kind == "custom") != (self.handler is not None):
            raise ValueError("handler 只用于 kind=custom，且 kind=custom 必须有 handler")
        return self

    def p(self) -> Param:
        return get_param(self.param)

    def title(self) -> str:
        """The label with ``{param}`` filled from the parameter (no figure is written in the label itself)."""
        return fill(self.label, self.p())


def fill(template: str, p: Param, **values: Any) -> str:
    """``{param}`` → the parameter's figure, ``{clause}`` → its clause, other ``{name}`` → ``values``."""
    from assistant.formatting import tidy

    figure = p.figure() if "{param}" in template else ""
    return tidy(template.format(param=figure, clause=p.clause, **values))


Facts = Any  # a ParkPlan or an EntryFacts: read with getattr, derived properties included
Handler = Callable[[Criterion, Facts, Mapping[str, str]], list[CheckItem]]
HANDLERS: dict[str, Handler] = {}


def handler(name: str):
    """Register a custom criterion handler under ``name`` (used as ``handler:`` in the YAML)."""

    def deco(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return deco


def criteria_for(check: CheckName, jurisdiction: str) -> list[Criterion]:
    """The criteria of ``check`` for ``jurisdiction``, in file order."""
    out = []
    for raw in load_params().criteria:
        if raw["_jurisdiction"] != jurisdiction or raw.get("check") != check:
            continue
        data = {k: v for k, v in raw.items() if not k.startswith("_")}
        try:
            c = Criterion.model_validate({**data, "jurisdiction": jurisdiction})
        except ValidationError as exc:
            err = exc.errors()[0]
            raise RuleError(f"规则文件 {raw['_file']} 的检查项无效：{'.'.join(map(str, err['loc']))} {err['msg']}",
                            f"invalid criterion in {raw['_file']}: {err['msg']}", field="criteria") from exc
        if c.kind == "custom" and c.handler not in HANDLERS:
            _load_handlers()
            if c.handler not in HANDLERS:
                raise RuleError(f"规则文件 {raw['_file']} 引用了不存在的检查处理器 {c.handler}",
                                f"unknown criterion handler {c.handler}", field="criteria")
        out.append(c)
    return out


def criteria_fields(check: CheckName, jurisdiction: str) -> tuple[str, ...]:
    """Every input field the ``check`` of ``jurisdiction`` reads, in criteria order: what an answer must be about
    to still apply when a person switches to this jurisdiction."""
    out: list[str] = []
    for c in criteria_for(check, jurisdiction):
        out += [*c.fields, *c.need, *c.names, *([c.anchor] if c.anchor else []), *c.reads]
    return tuple(dict.fromkeys(out))


def checks_for(jurisdiction: str) -> set[str]:
    """Which checks have criteria for ``jurisdiction`` (``{"park", "enterprise"}`` …)."""
    return {c["check"] for c in load_params().criteria if c["_jurisdiction"] == jurisdiction}


def jurisdictions_with(check: CheckName) -> list[str]:
    """Jurisdictions that have criteria for ``check``, the one with the most criteria first (the page's default)."""
    from collections import Counter

    counts = Counter(c["_jurisdiction"] for c in load_params().criteria if c.get("check") == check)
    return sorted(counts, key=lambda j: (-counts[j], j))


def city_with_criteria(name: str, check: CheckName, what_zh: str) -> str:
    """``name`` resolved to a jurisdiction that has ``check`` criteria, else a ValueError listing those that do
    (for a model's field validator)."""
    from assistant.jurisdictions import resolve_city

    city = resolve_city(name)
    known = jurisdictions_with(check)
    if city not in known:
        raise ValueError(f"必须是以下之一：{'、'.join(known)}（只有这些地区的文件规定了{what_zh}）")
    return city


def _load_handlers() -> None:
    # handlers live beside the checks that use them; importing registers them
    import assistant.rules.eligibility  # noqa: F401
    import assistant.rules.park  # noqa: F401


# ---------------------------------------------------------------- the generic kinds

def run(check: CheckName, facts: Facts, labels: Mapping[str, str]) -> list[CheckItem]:
    """Every criterion of the facts' jurisdiction for ``check``, judged."""
    items: list[CheckItem] = []
    for c in criteria_for(check, facts.jurisdiction):
        items += judge(c, facts, labels)
    return items


def _get(facts: Facts, field: str):
    return getattr(facts, field, None)


def _cited(c: Criterion):
    return tuple(get_param(i).citation() for i in c.cites)


def judge(c: Criterion, facts: Facts, labels: Mapping[str, str]) -> list[CheckItem]:
    p = c.p()
    crit = c.title()
    cites = _cited(c)
    if c.kind == "custom":
        return HANDLERS[c.handler](c, facts, labels)
    if c.kind in ("ratio", "value", "count", "min_of"):
        values = [_get(facts, f) for f in c.fields]
        if any(v is None for v in values):
            asked = c.need or c.fields  # need[i] is what to ask for when fields[i] is missing (land_m2 → land_area_mu)
            need = tuple(a for a, v in zip(asked, values) if v is None)
            return [missing_item(p, need, labels, crit, citations=cites)]
        if c.kind == "ratio":
            if values[1] == 0:
                return [missing_item(p, c.fields[1:], labels, crit, citations=cites)]
            return [rule_item(p, Fraction(values[0]) / Fraction(values[1]), crit, citations=cites)]
        if c.kind == "value":
            return [rule_item(p, Fraction(values[0]), crit, citations=cites)]
        if c.kind == "count":
            return [rule_item(p, Fraction(len(values[0])), crit, citations=cites)]
        xs = list(values[0])
        if not xs:
            return [missing_item(p, c.fields, labels, crit, citations=cites)]
        low = [x for x in xs if not meets(p, Fraction(x))]
        note = fill(c.unmet, p, n=len(xs), k=len(low)) if (low and c.unmet) else ""
        return [rule_item(p, Fraction(min(xs)), crit, note=note, citations=cites)]
    if c.kind == "all_true":
        values = {f: _get(facts, f) for f in c.fields}
        false = [f for f, v in values.items() if v is False]
        if false:
            return [flag_item(p, False, crit, fill(c.unmet or "不符合：{names}。", p, names="、".join(labels.get(f, f) for f in false)),
                              value=False, citations=cites)]
        unknown = [f for f, v in values.items() if v is None]
        if unknown:
            return [missing_item(p, unknown, labels, crit, citations=cites)]
        return [flag_item(p, True, crit, fill(c.met or "符合。", p), value=True, citations=cites)]
    if c.kind == "none_true":
        hit = [name for f, name in c.names.items() if _get(facts, f) is True]
        if hit:
            return [flag_item(p, False, crit, fill(c.unmet or "企业属于{names}，不符合。", p, names="、".join(hit)),
                              value="、".join(hit), citations=cites)]
        unknown = [f for f in c.names if _get(facts, f) is None]
        if unknown:
            return [missing_item(p, unknown, labels, crit, citations=cites)]
        return [flag_item(p, True, crit, fill(c.met or "企业不属于{names}，符合。", p, names="、".join(c.names.values())),
                          value=False, citations=cites)]
    if c.kind in ("flag", "not_true"):
        v = _get(facts, c.fields[0])
        if v is None:
            return [missing_item(p, c.fields, labels, crit, citations=cites)]
        ok = bool(v) if c.kind == "flag" else not v
        return [flag_item(p, ok, crit, fill((c.met if ok else c.unmet) or ("符合。" if ok else "不符合。"), p),
                          value=v, citations=cites)]
    if c.kind == "deadline":
        return [_deadline(c, facts, labels)]
    raise RuleError(f"未知的检查项类型 {c.kind}", f"unknown criterion kind {c.kind}")


def period_end(p: Param, start: dt.date, which: str | None = None) -> dt.date:
    """``start`` plus the parameter's period, in its unit (个月 / 年 / 日 / 天)."""
    n = int(getattr(p, which) if which else (p.max if p.max is not None else p.value))
    if p.unit == "个月":
        return dates.add_months(start, n)
    if p.unit == "年":
        return dates.add_years(start, n)
    if p.unit in ("日", "天"):
        return dates.add_days(start, n)
    raise RuleError(f"参数 {p.id} 的单位 {p.unit} 不是期间", f"parameter {p.id} is not a period")


def _deadline(c: Criterion, facts: Facts, labels: Mapping[str, str]) -> CheckItem:
    p = c.p()
    crit = c.title()
    anchor, actual = _get(facts, c.anchor), _get(facts, c.fields[0])
    need = [f for f, v in ((c.anchor, anchor), (c.fields[0], actual)) if v is None]
    if need:
        item = missing_item(p, need, labels, crit)
        if anchor is not None:  # the deadline is known even if the date to judge is not
            item = item.model_copy(update={"threshold": f"不晚于 {period_end(p, anchor).isoformat()}（{p.threshold_zh()}）"})
        return item
    return date_item(p, actual, period_end(p, anchor), crit, c.what or labels.get(c.fields[0], c.fields[0]))
