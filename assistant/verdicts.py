"""Result shapes shared by compliance checks, eligibility checks, reports and forms.

One ``CheckItem`` per criterion: pass / fail / warning (a soft rule, 原则上/一般,
missed) / unknown (an input is missing: ``missing`` names it).
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from assistant.models import Citation


class Verdict(str, Enum):
    passed = "pass"
    fail = "fail"
    warning = "warning"
    unknown = "unknown"

    @property
    def label_zh(self) -> str:
        return {"pass": "符合", "fail": "不符合", "warning": "提示（软性要求未达到）", "unknown": "待补充"}[self.value]


class CheckItem(BaseModel):
    model_config = ConfigDict(frozen=True)
    rule_id: str
    criterion: str = Field(description="what is checked, in Chinese")
    criterion_en: str | None = None
    verdict: Verdict
    # bool first: pydantic would otherwise turn a yes/no value into 1 or 0
    value: bool | int | float | str | None = Field(default=None, description="the computed or given value")
    unit: str | None = Field(default=None, description="the unit ``value`` is in (a rule's printed unit: %, 亩, "
                                                        "平方米 …; 日期 for an ISO date); None when it has none")
    threshold: str | None = Field(default=None, description="the rule's bound in words, e.g. ≥ 2.0")
    message: str = Field(description="one sentence for people, in Chinese")
    missing: tuple[str, ...] = Field(default=(), description="input fields needed to decide")
    citations: tuple[Citation, ...] = ()


class CheckReport(BaseModel):
    model_config = ConfigDict(frozen=True)
    subject: str = Field(description="park plan / enterprise name")
    jurisdiction: str
    overall: Verdict
    items: tuple[CheckItem, ...]
    missing_inputs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = Field(default=(), description="e.g. the rules come from a draft for comment")


def overall_verdict(items) -> Verdict:
    """fail beats unknown beats warning beats pass."""
    verdicts = {i.verdict for i in items}
    for v in (Verdict.fail, Verdict.unknown, Verdict.warning):
        if v in verdicts:
            return v
    return Verdict.passed
