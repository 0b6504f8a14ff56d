"""Rule parameters as data: every number that decides money or approvals, with its clause.

Each parameter lives in ``rules/<city>.yaml`` (one file per document) and names
the clause and the exact words (``quote``) that state it, in the spirit of
OpenFisca's parameters. Numbers are kept as printed (``35`` with unit ``%``);
``Param.fraction()`` gives the exact ratio for comparisons.

>>> p = get_param("linhai.plot_ratio_min")
>>> (p.kind, p.min, p.soft, p.threshold_zh())
('min', Fraction(2, 1), False, '≥ 2.0')
"""

from __future__ import annotations

import datetime as dt
import functools
from fractions import Fraction
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import RuleError
from assistant.jurisdictions import registry
from assistant.models import Citation, DocumentMeta, Span, Status
from assistant.rules.numbers import Exact, fmt

REPO = Path(__file__).resolve().parents[2]
RULES_DIR = REPO / "rules"
CORPUS_DOCS = REPO / "corpus" / "documents"

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


class Param(BaseModel):
    """One quantitative (or, with ``kind: condition``, qualitative) rule and where it is written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^(linhai|wenzhou|cixi)\.[a-z0-9_]+$")
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
    note_zh: str | None = Field(default=None, description="how an ambiguous reading was decided")

    @model_validator(mode="after")
    def _shape(self):
        if self.jurisdiction not in registry().jurisdictions:
            raise ValueError(f"未知辖区：{self.jurisdiction}")
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

    def citation(self) -> Citation:
        return make_citation(self.doc_id, self.clause, self.quote)


def _as_fraction_text(x: Fraction) -> str:
    return f"{x.numerator}/{x.denominator}" if x.denominator != 1 else str(x.numerator)


class ParamFile(BaseModel):
    """One ``rules/<city>.yaml``: the document's identity once, then its parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    doc_id: str
    jurisdiction: str
    status: Status
    effective_date: dt.date | None = None
    caveat_zh: str | None = Field(default=None, description="shown with every result citing this document")
    parameters: tuple[dict, ...]


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

    def get(self, pid: str) -> Param:
        for p in self.params:
            if p.id == pid:
                return p
        raise RuleError(f"没有规则参数 {pid}", f"no rule parameter {pid}", field="rule")

    def for_jurisdiction(self, city: str) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.jurisdiction == city)


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"无法读取规则文件 {path.name}：{exc}", f"cannot read rule file {path.name}: {exc}") from exc


def _invalid(path: Path, exc: ValidationError) -> RuleError:
    err = exc.errors()[0]
    loc = ".".join(str(x) for x in err["loc"])
    return RuleError(f"规则文件 {path.name} 无效：{loc} {err['msg']}", f"invalid rule file {path.name}: {loc} {err['msg']}",
                     field=loc)


@functools.cache
def document_meta(doc_id: str) -> DocumentMeta:
    """Metadata of a corpus document (title, source file, status, city)."""
    path = CORPUS_DOCS / f"{doc_id}.yaml"
    if not path.exists():
        raise RuleError(f"语料中没有文件 {doc_id}", f"no corpus document {doc_id}", field="doc_id")
    return DocumentMeta.model_validate(_read_yaml(path))


@functools.cache
def document_text(doc_id: str) -> str:
    return (CORPUS_DOCS / document_meta(doc_id).text_file).read_text(encoding="utf-8")


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


@functools.cache
def make_citation(doc_id: str, clause: str, quote: str) -> Citation:
    """A Citation filled from the corpus metadata. Example: ``make_citation("wenzhou-opinions", "5.", "…")``."""
    meta = document_meta(doc_id)
    return Citation(doc_id=doc_id, source_file=meta.source_file, title=meta.title, clause=clause, quote=quote,
                    span=_quote_span(doc_id, clause, quote), status=meta.status, city=meta.city)


def load_param_file(path: Path) -> tuple[list[Param], str, str | None]:
    """Parameters of one file, with the document's status and date copied into each."""
    try:
        pf = ParamFile.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise _invalid(path, exc) from exc
    meta = document_meta(pf.doc_id)
    if (meta.status, meta.effective_date, meta.city) != (pf.status, pf.effective_date, pf.jurisdiction):
        raise RuleError(f"{path.name} 的状态/施行日期/辖区与语料元数据不一致", f"{path.name}: status/date/city differ from corpus metadata")
    text = document_text(pf.doc_id)
    out = []
    for raw in pf.parameters:
        shared = {"doc_id": pf.doc_id, "jurisdiction": pf.jurisdiction, "status": pf.status,
                  "effective_date": pf.effective_date}
        if set(shared) & set(raw):
            raise RuleError(f"{path.name}：参数不应重复文件级字段 {sorted(set(shared) & set(raw))}",
                            f"{path.name}: parameter repeats file-level fields")
        try:
            p = Param.model_validate({**raw, **shared})
        except ValidationError as exc:
            raise _invalid(path, exc) from exc
        if p.quote not in text:
            raise RuleError(f"参数 {p.id} 的原文引用不在文件 {pf.doc_id} 中", f"quote of {p.id} not found in {pf.doc_id}",
                            field=p.id)
        out.append(p)
    return out, pf.doc_id, pf.caveat_zh


@functools.cache
def load_params(rules_dir: Path = RULES_DIR) -> ParamSet:
    """All parameters under ``rules/`` (every ``*.yaml`` except ``not_rules.yaml``); ids are unique."""
    params: list[Param] = []
    caveats: dict[str, str] = {}
    for path in sorted(rules_dir.glob("*.yaml")):
        if path.name == "not_rules.yaml":
            continue
        ps, doc_id, caveat = load_param_file(path)
        params += ps
        if caveat:
            caveats[doc_id] = caveat
    seen: set[str] = set()
    for p in params:
        if p.id in seen:
            raise RuleError(f"规则参数 id 重复：{p.id}", f"duplicate parameter id {p.id}")
        seen.add(p.id)
    return ParamSet(params=tuple(params), caveats=caveats)


@functools.cache
def load_not_rules(path: Path = RULES_DIR / "not_rules.yaml") -> tuple[NotRule, ...]:
    """Numbers in the corpus that are not rules, each with a reason."""
    data = _read_yaml(path) or {}
    try:
        return tuple(NotRule.model_validate(x) for x in data.get("not_rules", []))
    except ValidationError as exc:
        raise _invalid(path, exc) from exc


def get_param(pid: str) -> Param:
    """``get_param("linhai.fee_maintenance_fund").value == 12``."""
    return load_params().get(pid)


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
