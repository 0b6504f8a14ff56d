"""A yearly average of a sum the conversation's provision states over several years ("平均一年多少" after "市财政在
2018年—2020年共安排1500万元"): computed from the verbatim span, quoted with it."""

from __future__ import annotations

from assistant.answer.context import Context
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.answer.reader import point_citations
from assistant.answer.span_sum import asks_average, average, average_line
from assistant.errors import AssistantError
from assistant.quantities import find_quantities


def _states_money(bp) -> bool:
    try:
        return any(q.unit == "元" for span in bp.point.answer_spans for q in find_quantities(span, field=None))
    except AssistantError:
        return False


class AverageHandler:
    name = "average"

    def can_handle(self, ctx: Context) -> bool:
        prev = ctx.previous
        return prev is not None and bool(prev.knowledge_point) and asks_average(ctx.frame.question) \
            and prev.knowledge_point in ctx.services.bank and ctx.frame.city == prev.city

    def run(self, ctx: Context) -> Answer | None:
        bank = ctx.services.bank
        before = bank.get(ctx.previous.knowledge_point)
        # the previous point; the other points of its clause only when it states no sum of money at all (the sum may
        # sit beside the point answered) — never another sum than the one the turn was about (掌起镇's 200万元)
        points = [before]
        if not _states_money(before):
            points += [bp for bp in bank.in_clause(before.clause_id) if bp.point.id != before.point.id]
        for bp in points:
            found = average(ctx.frame.question, list(bp.point.answer_spans))
            if found is not None:
                citations = [c for c in point_citations(bp, ctx.services.corpus) if found.span in c.quote]
                return build(ctx, kind="calculation", direct=average_line(found, ctx.frame.language),
                             citations=citations or point_citations(bp, ctx.services.corpus), city=bp.city,
                             topic=bp.point.topic, knowledge_point=bp.point.id)
        return None
