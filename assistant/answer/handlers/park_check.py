"""An officer's park project in figures ("占地90亩，容积率2.2，建筑密度40%，是否符合建设要求？"): every figure the question
gives judged against its city's rule, one verdict each; a figure the city sets no rule for said so. The figures are
read by the patterns of ``assistant/data/park_facts.yaml``; the thresholds are the rules' parameters."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant import formatting
from assistant.answer.context import Context
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.jurisdictions import registry
from assistant.messages import text
from assistant.router import development_mode, read
from assistant.rules.checks import rule_item
from assistant.rules.params import get_param
from assistant.yamlio import load_yaml

FACTS_FILE = Path(__file__).resolve().parents[2] / "data" / "park_facts.yaml"
MODE_ZH = {"new": "招拍挂新建", "renovation": "存量用地改造"}
# A single figure is a calculator's question ("容积率1.8行不行"); two or more make a project to check.
MIN_FACTS = 2


class ParkFact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    label_zh: str
    label_en: str
    unit: str                       # number | percent
    patterns: tuple[str, ...]
    rules: dict[str, str | dict[str, str]]


class ParkFacts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    facts: tuple[ParkFact, ...]
    asks_judgement: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def park_facts() -> ParkFacts:
    return ParkFacts.model_validate(load_yaml(FACTS_FILE.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Stated:
    fact: ParkFact
    value: Fraction


def stated_facts(question: str) -> list[Stated]:
    """The park figures a question gives, in the fact table's order.

    >>> [(s.fact.name, s.value) for s in stated_facts("临海某新建园区占地90亩，容积率2.2，建筑密度40%，是否符合？")]
    [('land_area_mu', Fraction(90, 1)), ('plot_ratio', Fraction(11, 5)), ('building_density', Fraction(2, 5))]
    """
    low = question.lower()
    out = []
    for fact in park_facts().facts:
        for pattern in fact.patterns:
            if m := re.search(pattern, low):
                value = Fraction(m.group(1))
                out.append(Stated(fact, value / 100 if fact.unit == "percent" else value))
                break
    return out


def asks_judgement(question: str) -> bool:
    low = question.lower()
    return any(w in low for w in park_facts().asks_judgement)


class ParkCheckHandler:
    name = "park_check"

    def can_handle(self, ctx: Context) -> bool:
        f = ctx.frame
        if f.city not in {c for fact in park_facts().facts for c in fact.rules} or not asks_judgement(f.question):
            return False
        self._stated = stated_facts(f.question)
        return len(self._stated) >= MIN_FACTS

    def run(self, ctx: Context) -> Answer | None:
        f, lang = ctx.frame, ctx.frame.language
        mode = development_mode(read(f.question))
        items, unset = [], []
        for s in self._stated:
            rule = s.fact.rules.get(f.city)
            if rule is None:
                unset.append(s.fact.label_zh if lang == "zh" else s.fact.label_en)
                continue
            # a rule per development mode: the one the question names, else each (新建 and 存量改造 differ)
            rules = [(None, rule)] if isinstance(rule, str) else \
                [(mode, rule[mode])] if mode in rule else list(rule.items())
            for case, rid in rules:
                label = s.fact.label_zh if len(rules) == 1 else f"{s.fact.label_zh}（按{MODE_ZH[case]}）"
                items.append(rule_item(get_param(rid), s.value, label))
        if not items:
            return None
        sep = "；" if lang == "zh" else "; "
        place = f.city if lang == "zh" else registry().english(f.city)
        verdicts = sep.join(f"{i.criterion if lang == 'zh' or not i.criterion_en else i.criterion_en}"
                            f"{'' if lang == 'zh' else ': '}{formatting.verdict(i.verdict, lang, short=True)}" for i in items)
        direct = text("park.check", lang, place=place, verdicts=verdicts)
        body = [f"· [{formatting.verdict(i.verdict, lang, short=True)}] {i.message}" for i in items]
        if unset:   # part of the answer: the figure was asked about too
            direct += ("。" if lang == "zh" else ". ") + text(
                "park.unset", lang, place=place, names="、".join(unset) if lang == "zh" else ", ".join(unset))
        citations = list(dict.fromkeys(c for i in items for c in i.citations))
        return build(ctx, kind="calculation", direct=direct, body=body, citations=citations,
                     quote_lines=False, city=f.city, topic="park_check")
