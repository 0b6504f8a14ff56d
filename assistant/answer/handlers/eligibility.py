""""May my enterprise enter?": the eligibility check of the city's rules, one verdict per criterion, asking for the
facts still missing a few at a time."""

from __future__ import annotations

from assistant.answer.context import Context
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.messages import text
from assistant.router import is_eligibility
from assistant.rules.criteria import jurisdictions_with

# How many missing facts one turn asks for: a phone screen shows three questions without scrolling.
ASK_AT_ONCE = 3


class EligibilityHandler:
    name = "eligibility"

    def can_handle(self, ctx: Context) -> bool:
        return is_eligibility(ctx.frame.text)

    def run(self, ctx: Context) -> Answer:
        from assistant.rules.eligibility import check_enterprise, enterprise_questions
        from assistant.router import areas_m2

        f, lang = ctx.frame, ctx.frame.language
        cities = jurisdictions_with("enterprise")
        if f.city not in cities:
            return build(ctx, kind="eligibility", direct=text("eligibility.which_city", lang, cities="、".join(cities)),
                         follow_up=("拟入驻园区所在城市",))
        facts: dict = {"jurisdiction": f.city}
        if areas := areas_m2(f.text):
            facts["purchase_area_m2"] = areas[0]
        report = check_enterprise(facts)
        asks = enterprise_questions(facts)
        citations = [c for item in report.items for c in item.citations]
        lines = [f"· [{i.verdict.label_zh}] {i.message or i.criterion}" for i in report.items]
        direct = text("eligibility.overall", lang, city=f.city, overall=report.overall.label_zh)
        body = [*lines]
        if asks:
            body.append(text("eligibility.ask", lang) + "\n" + "\n".join(f"- {a['question_zh']}" for a in asks[:ASK_AT_ONCE]))
        return build(ctx, kind="eligibility", direct=direct, body=body, citations=citations, quote_lines=False,
                     notes=report.warnings, check=report.model_dump(mode="json"),
                     follow_up=tuple(a["question_zh"] for a in asks))
