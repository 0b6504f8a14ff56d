"""Rule parameters as data: every number that decides money or approvals, with its clause.

Each parameter lives in ``rules/<city>.yaml`` (one file per document) and names
the clause and the exact words (``quote``) that state it, in the spirit of
OpenFisca's parameters. Numbers are kept as printed (``35`` with unit ``%``);
``Param.fraction()`` gives the exact ratio for comparisons.

A parameter may carry several dated values (``values:``), like OpenFisca's: the draft's value, undated, and beside
it the final document's value from its effective date; ``load_params(as_of=…)`` picks the one in force.

>>> p = get_param("linhai.plot_ratio_min")
>>> (p.kind, p.min, p.soft, p.threshold_zh())
('min', Fraction(2, 1), False, '≥ 2.0')
>>> get_param("linhai.start_within_months").figure()
'6个月'
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from fractions import Fraction
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import RuleError
from assistant.models import Citation, DocumentMeta, Span, Status
from assistant.rules.numbers import Exact, fmt
from assistant.yamlio import load_yaml

REPO = Path(__file__).resolve().parents[2]
RULES_DIR = REPO / "rules"


def rules_dir() -> Path:
    """``$XIAOWEI_RULES_DIR`` or the project's ``rules/``."""
    return Path(os.environ.get("XIAOWEI_RULES_DIR", RULES_DIR))

# 原则上 / 一般 make a rule soft: missing it is a warning, not a failure.
SOFT_QUALIFIERS = ("原则上", "一般")
# Words that state a bound which includes the number itself (以上/以下 in legal drafting include it).
INCLUSIVE_WORDS = ("以上", "以下", "不低于", "不超过", "不得超过", "不得低于", "达到", "不少于", "最高", "最多", "以内", "内", "放宽至")

Kind = Literal["min", "max", "range", "value", "schedule", "condition"]
Unit = Literal["亩", "平方米", "万平方米", "%", "‰", "比例", "", "家", "个", "个月", "年", "日", "天", "工作日",
               "元/平方米", "万元", "万元/亩"]
Qualifier = Literal["原则上", "一般", "应", "必须", "不得", "严格", "需", "为", "须", "要", "可", "严禁"]
PERCENT_UNITS = {"%": 100, "‰": 1000}


class Step(BaseModel):
    """One band of a schedule: years ``from_year``..``to_year`` (1-based, inclusive) at ``rate`` (unit of the param)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    from_year: int = Field(ge=1)
    to_year: int = Field(ge=1)
    rate: Exact

    @model_validator(mode="after")
    def _ordered(self):
        if self.to_year < self.from_year:
            raise ValueError("to_year 不能小于 from_year")
        return self


class Version(BaseModel):
    """One dated value of a parameter (``values:`` in the YAML). ``from`` is the day it applies from; an undated
    version (a draft not yet in force) applies until a dated one does. A version may come from another document
    (the final text of a draft), naming its own ``doc_id``, ``clause`` and ``quote``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    from_date: dt.date | None = Field(default=None, alias="from")
    doc_id: str | None = None
    clause: str | None = None
    quote: str | None = None
    value: Exact | None = None
    min: Exact | None = None
    max: Exact | None = None
    steps: tuple[Step, ...] = ()
    note_zh: str | None = None


class Param(BaseModel):
    """One quantitative (or, with ``kind: condition``, qualitative) rule and where it is written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$", description="<jurisdiction slug>.<name>")
    description_zh: str = Field(min_length=2)
    description_en: str = Field(min_length=2)
    jurisdiction: str
    doc_id: str
    clause: str = Field(description="clause label as in docs/CONVENTIONS.md")
    quote: str = Field(min_length=2, description="verbatim words of the clause that state the rule")
    kind: Kind
    value: Exact | None = None
    min: Exact | None = None
    max: Exact | None = None
    steps: tuple[Step, ...] = ()
    unit: Unit = ""
    inclusive: bool = True
    qualifier: Qualifier | None = None
    effective_date: dt.date | None = None
    status: Status
    applies_when_zh: str | None = Field(default=None, description="when the rule applies, in words")
    versions: tuple[Version, ...] = Field(default=(), description="every dated value; the fields above are the one in force")
    note_zh: str | None = Field(default=None, description="how an ambiguous reading was decided")

    @model_validator(mode="after")
    def _shape(self):
        known = _known_jurisdictions()
        if self.jurisdiction not in known:
            raise ValueError(f"未知辖区：{self.jurisdiction}（不在地区登记表中）")
        slug = known[self.jurisdiction].slug
        if slug is None or not self.id.startswith(slug + "."):
            raise ValueError(f"参数 id 应以辖区的 slug 开头（{slug}.…）")
        need = {"min": ("min",), "max": ("max",), "range": ("min", "max"), "value": ("value",),
                "schedule": ("steps",), "condition": ()}[self.kind]
        for name in ("value", "min", "max", "steps"):
            given = getattr(self, name) not in (None, ())
            if given != (name in need):
                raise ValueError(f"kind={self.kind} 的参数{'需要' if not given else '不应有'}字段 {name}")
        if self.kind == "range" and self.min > self.max:
            raise ValueError("range 的 min 大于 max")
        if self.qualifier and self.qualifier not in self.quote:
            raise ValueError(f"qualifier “{self.qualifier}” 不在 quote 中")
        return self

    @property
    def soft(self) -> bool:
        return self.qualifier in SOFT_QUALIFIERS

    @property
    def numbers(self) -> tuple[Fraction, ...]:
        """Every number the parameter states (used by the coverage test)."""
        out = [x for x in (self.value, self.min, self.max) if x is not None]
        for s in self.steps:
            out += [Fraction(s.from_year), Fraction(s.to_year), s.rate]
        return tuple(out)

    def fraction(self, which: str = "value") -> Fraction:
        """The bound as a plain ratio when the unit is % or ‰. ``35 %`` → ``7/20``."""
        x = getattr(self, which)
        if x is None:
            raise RuleError(f"参数 {self.id} 没有 {which}", f"parameter {self.id} has no {which}")
        return x / PERCENT_UNITS[self.unit] if self.unit in PERCENT_UNITS else x

    def threshold_zh(self) -> str:
        """The bound in words: ``≥ 100 亩``, ``15%–25%``, ``≤ 7%``."""
        u = self.unit
        sp = "" if u in ("%", "‰", "") else " "

        def n(x: Fraction) -> str:
            s = fmt(x, 4)
            return s + ".0" if self.unit == "" and "." not in s and "/" not in s else s

        def show(x):
            return f"{n(x)}{sp}{u}".strip() if self.unit != "比例" else _as_fraction_text(x)

        ge, le = ("≥", "≤") if self.inclusive else (">", "<")
        if self.kind == "min":
            return f"{ge} {show(self.min)}"
        if self.kind == "max":
            return f"{le} {show(self.max)}"
        if self.kind == "range":
            return f"{n(self.min)}{u}–{show(self.max)}" if sp == "" else f"{n(self.min)}–{show(self.max)}"
        if self.kind == "value":
            return f"= {show(self.value)}"
        if self.kind == "schedule":
            return "；".join(f"第{s.from_year}–{s.to_year}年 {fmt(s.rate)}{u}" for s in self.steps)
        return "须满足"

    def figure(self, which: str | None = None, lang: str = "zh") -> str:
        """The figure as the document writes it, for templates: ``6个月``, ``70%``, ``15%-25%``, ``2万平方米``,
        ``2/3``, ``2.0``. ``which`` picks ``min``/``max``/``value``; by default the parameter's own figure."""
        from assistant import formatting

        if self.kind == "schedule":
            return self.threshold_zh()
        if which is None and self.kind == "range":
            lo, hi = self.figure("min", lang), self.figure("max", lang)
            if self.unit not in ("%", "‰"):  # "1-2个", not "1个-2个"
                lo = fmt(self.min, 4)
            return f"{lo}-{hi}" if lang == "zh" else f"{lo}–{hi}"
        which = which or {"min": "min", "max": "max", "value": "value"}.get(self.kind, "value")
        x = getattr(self, which)
        if x is None:
            raise RuleError(f"参数 {self.id} 没有 {which}", f"parameter {self.id} has no {which}")
        if self.unit == "比例":
            return _as_fraction_text(x)
        if self.unit == "":
            s = fmt(x, 4)
            return s + ".0" if "." not in s else s
        return formatting.quantity(x, self.unit, lang)

    def citation(self) -> Citation:
        return make_citation(self.doc_id, self.clause, self.quote)


def _as_fraction_text(x: Fraction) -> str:
    return f"{x.numerator}/{x.denominator}" if x.denominator != 1 else str(x.numerator)


class ParamFile(BaseModel):
    """One ``rules/<name>.yaml``: the document's identity once, then its parameters and check criteria."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    doc_id: str
    jurisdiction: str
    status: Status
    effective_date: dt.date | None = None
    caveat_zh: str | None = Field(default=None, description="shown with every result citing this document")
    parameters: tuple[dict, ...] = ()
    criteria: tuple[dict, ...] = Field(default=(), description="check criteria (assistant.rules.criteria)")


class NotRule(BaseModel):
    """A number in the corpus that is deliberately not a rule (a date, a target, a document number)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    clause_id: str = Field(pattern=r"^[a-z0-9-]+#.+$")
    text: str | None = Field(default=None, description="verbatim snippet; every number inside it is covered")
    whole_clause: bool = False
    category: Literal["date", "target", "doc_number", "contact", "reference", "encouragement", "fact",
                      "form", "page", "name", "period", "label"]
    reason_zh: str = Field(min_length=4)

    @model_validator(mode="after")
    def _one_scope(self):
        if (self.text is None) == (not self.whole_clause):
            raise ValueError("either text or whole_clause: true, not both")
        return self


class ParamSet(BaseModel):
    model_config = ConfigDict(frozen=True)
    params: tuple[Param, ...]
    caveats: dict[str, str] = Field(default_factory=dict, description="doc_id → caveat")
    criteria: tuple[dict, ...] = Field(default=(), description="raw criteria with their file's jurisdiction")
    as_of: dt.date | None = None

    def get(self, pid: str) -> Param:
        for p in self.params:
            if p.id == pid:
                return p
        raise RuleError(f"没有规则参数 {pid}", f"no rule parameter {pid}", field="rule")

    def for_jurisdiction(self, city: str) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.jurisdiction == city)


def _read_yaml(path: Path):
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"无法读取规则文件 {path.name}：{exc}", f"cannot read rule file {path.name}: {exc}") from exc


def _invalid(path: Path, exc: ValidationError) -> RuleError:
    err = exc.errors()[0]
    loc = ".".join(str(x) for x in err["loc"])
    return RuleError(f"规则文件 {path.name} 无效：{loc} {err['msg']}", f"invalid rule file {path.name}: {loc} {err['msg']}",
                     field=loc)


def document_meta(doc_id: str) -> DocumentMeta:
    """Metadata of a corpus document (title, source file, status, city), from the one corpus reader."""
    from assistant.corpus import load_corpus
    from assistant.errors import NotFoundError

    try:
        return load_corpus().document(doc_id).meta
    except NotFoundError:
        raise RuleError(f"语料中没有文件 {doc_id}", f"no corpus document {doc_id}", field="doc_id") from None


def document_text(doc_id: str) -> str:
    from assistant.corpus import load_corpus

    document_meta(doc_id)
    return load_corpus().document(doc_id).text


def _quote_span(doc_id: str, clause: str, quote: str) -> Span | None:
    # The corpus API knows where each clause sits; without it a citation still names the clause.
    try:
        from assistant.corpus import load_corpus
    except ImportError:
        return None
    try:
        cl = load_corpus().clause(doc_id, clause)
    except Exception:  # noqa: BLE001 - a missing clause is caught by the tests, not at answer time
        return None
    i = cl.text.find(quote)
    if i < 0:
        return None
    return Span(start=cl.span.start + i, end=cl.span.start + i + len(quote))


def make_citation(doc_id: str, clause: str, quote: str) -> Citation:
    """A Citation filled from the corpus metadata. Example: ``make_citation("wenzhou-opinions", "5.", "…")``."""
    from assistant.corpus import load_corpus

    return _citation(load_corpus().fingerprint, doc_id, clause, quote)


@functools.lru_cache(maxsize=2048)
def _citation(fingerprint: str, doc_id: str, clause: str, quote: str) -> Citation:
    meta = document_meta(doc_id)
    return Citation(doc_id=doc_id, source_file=meta.source_file, title=meta.title, clause=clause, quote=quote,
                    span=_quote_span(doc_id, clause, quote), status=meta.status, city=meta.city)


_VERSION_FIELDS = ("value", "min", "max", "steps")


def choose_version(versions: list[Version], as_of: dt.date) -> Version:
    """The version in force on ``as_of``: the latest dated one that has begun; else the undated one (a draft);
    else, if every version lies in the future, the earliest."""
    begun = [v for v in versions if v.from_date is not None and v.from_date <= as_of]
    if begun:
        return max(begun, key=lambda v: v.from_date)
    undated = [v for v in versions if v.from_date is None]
    if undated:
        return undated[-1]
    return min(versions, key=lambda v: v.from_date)


def load_param_file(path: Path, as_of: dt.date | None = None) -> tuple[list[Param], str, str | None]:
    """Parameters of one file at ``as_of`` (default today), with the document's status and date copied into each."""
    as_of = as_of or dt.date.today()
    try:
        pf = ParamFile.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise _invalid(path, exc) from exc
    meta = document_meta(pf.doc_id)
    if (meta.status, meta.effective_date, meta.city) != (pf.status, pf.effective_date, pf.jurisdiction):
        raise RuleError(f"{path.name} 的状态/施行日期/辖区与语料元数据不一致", f"{path.name}: status/date/city differ from corpus metadata")
    out = []
    for raw in pf.parameters:
        shared = {"doc_id": pf.doc_id, "jurisdiction": pf.jurisdiction, "status": pf.status,
                  "effective_date": pf.effective_date}
        if set(shared) & set(raw):
            raise RuleError(f"{path.name}：参数不应重复文件级字段 {sorted(set(shared) & set(raw))}",
                            f"{path.name}: parameter repeats file-level fields")
        raw = dict(raw)
        versions = _versions(path, raw, pf)
        chosen = choose_version(versions, as_of)
        fields = {k: getattr(chosen, k) for k in _VERSION_FIELDS if getattr(chosen, k) not in (None, ())}
        if chosen.doc_id and chosen.doc_id != pf.doc_id:
            vmeta = document_meta(chosen.doc_id)
            shared = {"doc_id": chosen.doc_id, "jurisdiction": pf.jurisdiction, "status": vmeta.status,
                      "effective_date": vmeta.effective_date}
        merged = {**raw, **fields, **shared, "versions": tuple(versions)}
        if chosen.clause:
            merged["clause"] = chosen.clause
        if chosen.quote:
            merged["quote"] = chosen.quote
        try:
            p = Param.model_validate(merged)
        except ValidationError as exc:
            raise _invalid(path, exc) from exc
        for v in versions:
            quote, doc = v.quote or p.quote, v.doc_id or pf.doc_id
            if quote not in document_text(doc):
                raise RuleError(f"参数 {p.id} 的原文引用不在文件 {doc} 中", f"quote of {p.id} not found in {doc}",
                                field=p.id)
        out.append(p)
    return out, pf.doc_id, pf.caveat_zh


def _versions(path: Path, raw: dict, pf: ParamFile) -> list[Version]:
    """The dated values of one parameter: its ``values:`` list, or the single value written inline."""
    listed = raw.pop("values", None)
    inline = {k: raw.pop(k) for k in _VERSION_FIELDS if k in raw}
    if listed is not None and inline:
        raise RuleError(f"{path.name}：参数 {raw.get('id')} 不能同时写 values 和 {sorted(inline)}",
                        f"{path.name}: {raw.get('id')} has both values and inline {sorted(inline)}", field=raw.get("id"))
    try:
        if listed is None:
            return [Version.model_validate(inline)]
        if not isinstance(listed, list) or not listed:
            raise RuleError(f"{path.name}：{raw.get('id')} 的 values 应为非空列表", f"{path.name}: values must be a list",
                            field=raw.get("id"))
        return [Version.model_validate(v) for v in listed]
    except ValidationError as exc:
        raise _invalid(path, exc) from exc


def _mtimes(folder: Path) -> tuple:
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.yaml")))
    except OSError:
        return ()


_params_cache: dict[tuple, ParamSet] = {}


def load_params(rules_dir: Path | None = None, as_of: dt.date | None = None) -> ParamSet:
    """All parameters under ``rules/`` (every ``*.yaml`` except ``not_rules.yaml``) at ``as_of`` (default today);
    ids are unique. Re-read when a rule file or the corpus changes (an upload is seen without a restart)."""
    from assistant.corpus import load_corpus

    folder = Path(rules_dir) if rules_dir is not None else globals()["rules_dir"]()
    day = as_of or dt.date.today()
    key = (str(folder.resolve()), _mtimes(folder), load_corpus().fingerprint, day)
    cached = _params_cache.get(key)
    if cached is not None:
        return cached
    params: list[Param] = []
    caveats: dict[str, str] = {}
    criteria: list[dict] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "not_rules.yaml":
            continue
        ps, doc_id, caveat = load_param_file(path, day)
        params += ps
        if caveat:
            caveats[doc_id] = caveat
        pf = ParamFile.model_validate(_read_yaml(path))
        criteria += [{**c, "_jurisdiction": pf.jurisdiction, "_file": path.name} for c in pf.criteria]
    seen: set[str] = set()
    for p in params:
        if p.id in seen:
            raise RuleError(f"规则参数 id 重复：{p.id}", f"duplicate parameter id {p.id}")
        seen.add(p.id)
    result = ParamSet(params=tuple(params), caveats=caveats, criteria=tuple(criteria), as_of=day)
    if len(_params_cache) > 8:
        _params_cache.clear()
    _params_cache[key] = result
    return result


def load_not_rules(path: Path | None = None) -> tuple[NotRule, ...]:
    """Numbers in the corpus that are not rules, each with a reason."""
    data = _read_yaml(path or rules_dir() / "not_rules.yaml") or {}
    try:
        return tuple(NotRule.model_validate(x) for x in data.get("not_rules", []))
    except ValidationError as exc:
        raise _invalid(path, exc) from exc


def get_param(pid: str, as_of: dt.date | None = None) -> Param:
    """``get_param("linhai.fee_maintenance_fund").value == 12``."""
    return load_params(as_of=as_of).get(pid)


def document_warnings(doc_ids) -> tuple[str, ...]:
    """One warning per cited document that is not plainly in force (draft, reply letter …), plus its caveat."""
    out: list[str] = []
    caveats = load_params().caveats
    for doc_id in dict.fromkeys(doc_ids):
        meta = document_meta(doc_id)
        if meta.status is not Status.in_force:
            out.append(f"依据《{meta.title}》为{meta.status.label_zh}，结果仅供参考，不能作为已生效的规定。")
        if doc_id in caveats:
            out.append(caveats[doc_id])
    return tuple(out)


def _known_jurisdictions() -> dict:
    from assistant.jurisdictions import registry

    return registry().jurisdictions
