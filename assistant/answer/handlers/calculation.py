"""Numbers for a known rule: the calculator computes; the answer states the result first, then how and where from."""

from __future__ import annotations

from assistant import formatting
from assistant.answer.context import Context
from assistant.answer.followup import figures_text
from assistant.answer.frame import NUMERIC, TIME
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.errors import AssistantError
from assistant.messages import text
from assistant.router import route_calculation, routes
from assistant.rules.calculators import CalcResult, run


def result_line(result: CalcResult, lang: str) -> str:
    """"物业专项维修资金 10200元；物业保修金 5100元；合计 15300元" — every part with its unit, or the value."""
    if result.parts:
        sep = "；" if lang == "zh" else "; "
        return sep.join(f"{p.label_zh} {formatting.value(p.value, p.unit if p.unit != '日期' else '', lang)}"
                        for p in result.parts)
    unit = "" if result.unit == "日期" else result.unit
    return formatting.value(result.value, unit, lang)


def _speaks_of(text: str, calculator: str) -> bool:
    """Whether ``text`` uses any word of the routes to ``calculator`` ("竣工" for the construction deadlines)."""
    lowered = text.lower()
    return any(w in lowered for r in routes() if r.target == calculator for group in r.words for w in group)


class CalculationHandler:
    name = "calculation"

    def can_handle(self, ctx: Context) -> bool:
        city = ctx.frame.city if ctx.frame.city != "浙江省" else None
        self._route = route_calculation(ctx.frame.text, city)
        prev = ctx.previous
        if self._route is None and prev is not None and prev.calculator and prev.city == ctx.frame.city \
                and not ctx.services.topics.uncovered(ctx.frame.text):
            # (a turn naming a fee no document sets, "那物业费一个月一平多少", is not the previous fee again)
            # the same calculation with what this turn adds: "我买800平要交多少？" after the fee rate (the new figure
            # replaces the old), "竣工的最后期限又是哪一天？" after the start deadline (the earlier figures kept);
            # in the same city only (another city's rule is not computed with this one's)
            before = prev.resolved_question or prev.question
            now = figures_text(ctx.frame.text)
            if now:
                base = before
                for old in figures_text(before):
                    base = base.replace(old, " ")
                attempts = [f"{base} {' '.join(now)}"]
            elif ctx.frame.types and ctx.frame.types[0] in NUMERIC | TIME and _speaks_of(ctx.frame.text, prev.calculator):
                # only a turn that asks for a figure or a date of the same calculation ("出让年限如何确定" after the
                # corner-land check is a new question)
                attempts = [f"{ctx.frame.text} {' '.join(figures_text(before))}", f"{before} {ctx.frame.text}"]
            else:
                attempts = []
            for attempt in attempts:
                route = route_calculation(attempt, city)
                if route is not None and route[0] == prev.calculator:
                    self._route = route
                    break
        return self._route is not None

    def run(self, ctx: Context) -> Answer | None:
        f, lang = ctx.frame, ctx.frame.language
        name, inputs = self._route
        try:
            result = run(name, inputs)
        except AssistantError as exc:
            direct = text("calc.cannot", lang, reason=exc.message if lang == "zh" else exc.message_en)
            return build(ctx, kind="calculation", direct=direct, notes=(exc.message,))
        direct = text("calc.result", lang, title=result.title_zh, result=result_line(result, lang))
        if result.items:  # a judgement: its verdicts belong in the direct line
            direct += text("calc.verdicts", lang, verdicts="；".join(
                f"{i.criterion}{formatting.verdict(i.verdict, lang, short=True)}" for i in result.items))
        refs = "、".join(dict.fromkeys(f"《{c.title}》{c.clause}" for c in result.citations))
        body = [text("calc.how", lang, formula=result.formula_zh),
                *(f"· [{formatting.verdict(i.verdict, lang, short=True)}] {i.message or i.criterion}" for i in result.items),
                text("calc.basis", lang, refs=refs)]
        notes = list(result.warnings)
        if missing := ctx.services.topics.uncovered(f.text):
            notes.insert(0, text("calc.partly_uncovered", lang, names="、".join(m.label for m in missing)))
        cities = {c.city for c in result.citations}
        return build(ctx, kind="calculation", direct=direct, body=body, citations=result.citations, notes=notes,
                     quote_lines=False, calculation=result.model_dump(mode="json"),
                     city=f.city or (cities.pop() if len(cities) == 1 else None), topic=f"calc:{name}")
