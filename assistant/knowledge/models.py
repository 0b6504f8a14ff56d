"""The knowledge-point file format (``knowledge/<doc id>.yaml``), validated with ``extra="forbid"``."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# What kind of fact a provision answers. A question asks for one of these; the reader picks the span by it.
AnswerType = Literal[
    "amount",       # a sum of money: 1500万元
    "rate",         # an amount per unit: 12元/平方米
    "ratio",        # a percentage, share, per-mille or plot ratio: 70%、15%-25%、3‰、2/3、2.0
    "area",         # land or floor area: 100亩、400平方米、2万㎡
    "count",        # how many: 15家、20个
    "duration",     # how long: 5年内、7日、6个月
    "deadline",     # by when: 2019年3月31日之前、12月10日前
    "date",         # when something happened or takes effect: 自2019年1月1日起施行
    "actor",        # who is responsible / who approves
    "permission",   # may or may not (yes/no with its condition)
    "list",         # an enumeration (the 五度, the 四限 …)
    "procedure",    # how to do it, steps
    "contact",      # person, phone, address, e-mail
    "metadata",     # document number, issuer, status, repeals, basis
    "condition",    # requirements to qualify
    "consequence",  # what happens if (penalty, buy-back, forfeiture)
    "statement",    # a policy statement or goal with no figure
]
ANSWER_TYPES: tuple[str, ...] = AnswerType.__args__  # type: ignore[attr-defined]
NUMERIC_TYPES = frozenset({"amount", "rate", "ratio", "area", "count", "duration"})

_SLUG = r"^[a-z0-9][a-z0-9-]{1,79}$"
_TOPIC = r"^[a-z0-9][a-z0-9_]{1,59}$"
_DIGITS = re.compile(r"\d")


class KnowledgePoint(BaseModel):
    """One thing a person would ask about one clause, answered by verbatim spans of that clause."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_SLUG, description="unique in the bank, e.g. linhai-maintenance-fund-rate")
    clause: str = Field(min_length=1, description="the clause label, as in docs/CONVENTIONS.md")
    topic: str = Field(pattern=_TOPIC, description="shared across cities: the same topic means the same quantity")
    answer_type: AnswerType
    subject_zh: str = Field(min_length=2, description="what the answer is about, a short noun phrase, no digits")
    subject_en: str = Field(min_length=2, description="the same in English, no digits")
    permission: Literal["yes", "no", "conditional"] | None = Field(
        default=None, description="for answer_type permission: what the text allows")
    answer_spans: tuple[str, ...] = Field(min_length=1, description="verbatim substrings of the clause")
    params: tuple[str, ...] = Field(default=(), description="rule parameter ids the spans state")
    standard: str = Field(min_length=4, description="标准问: the question in the documents' own terms")
    similar: tuple[str, ...] = Field(min_length=10, description="相似问: the same question in users' voices")
    computes: str | None = Field(
        default=None, description="a calculator whose result (on its example inputs) the answer states beside the "
                                  "spans: the high-rise allowance's point gives the suite cap it makes (60 + 10)")
    computes_if: tuple[str, ...] = Field(
        default=(), description="words one of which the question must say for ``computes`` to run (高层: the "
                                "allowance's cap is not a low-rise suite's); a word said negated (非高层) does not count")
    note: str | None = None

    @field_validator("subject_zh", "subject_en")
    @classmethod
    def _no_figures(cls, v: str) -> str:
        # a figure the user reads must come from a span or a parameter, never from hand-written text
        if _DIGITS.search(v):
            raise ValueError("must not contain digits (figures come from the spans)")
        return v

    @model_validator(mode="after")
    def _shape(self):
        if (self.answer_type == "permission") != (self.permission is not None):
            raise ValueError("permission is required for answer_type permission, and only for it")
        if len(set(self.similar)) != len(self.similar):
            raise ValueError("similar questions repeat")
        if any(not s.strip() for s in self.answer_spans):
            raise ValueError("an answer span is empty")
        if self.computes is not None:
            from assistant.rules.calculators import REGISTRY

            calc = REGISTRY.get(self.computes)
            if calc is None:
                raise ValueError(f"computes names no calculator: {self.computes}")
            if not self.params or not set(self.params) <= set(calc.params):
                # what is computed must be what the spans state, with the rule's other figures
                raise ValueError(f"computes: {self.computes} does not use the point's params {list(self.params)}")
        return self

    @property
    def questions(self) -> tuple[str, ...]:
        return (self.standard, *self.similar)


class KnowledgeFile(BaseModel):
    """``knowledge/<doc id>.yaml``: the document once, then its knowledge points."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    doc_id: str
    points: tuple[KnowledgePoint, ...]
