"""A yearly average of a sum the conversation's provision states over several years ("平均一年多少" after "市财政在
2018年—2020年共安排1500万元"): computed from the verbatim span, quoted with it."""

from __future__ import annotations

from assistant.answer.context import Context
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.answer.reader import point_citations
from assistant.answer.span_sum import asks_average, average, average_line
from assistant.errors import AssistantError
from assistant.knowledge.bank import BoundPoint
from assistant.quantities import find_quantities

# How far down the matches a sum over years asked without its figure may be ("a total sum … over 2018-2020"): the
# provision is the best or second-best match on the dev sets (eval/mixed_dev29, 2026-12-06)
AVERAGE_MATCHES = 3


def _sums_stated(bp) -> set:
    """The sums of money the point's spans state, in 元."""
    try:
        return {q.value for span in bp.point.answer_spans for q in find_quantities(span, field=None) if q.unit == "元"}
    except AssistantError:
        return set()


def _states_money(bp) -> bool:
    return bool(_sums_stated(bp))


def _sums_said(question: str) -> set:
    """The sums of money the question names ("1500万"), in 元."""
    try:
        return {q.value for q in find_quantities(question, field=None) if q.unit == "元" or (q.unit == "" and q.wan)}
    except AssistantError:
        return set()


def _stating(ctx: Context, sums: set):
    """The best-matched point of the asked city whose span states one of ``sums``."""
    if not sums:
        return None
    for m in ctx.point_matches():
        if ctx.frame.city and m.point.city != ctx.frame.city:
            continue
        if _sums_stated(m.point) & sums:
            return m.point
    return None


class AverageHandler:
    name = "average"

    def can_handle(self, ctx: Context) -> bool:
        if not asks_average(ctx.frame.question):
            return False
        prev = ctx.previous
        said = _sums_said(ctx.frame.question)
        if prev is not None and bool(prev.knowledge_point) and prev.knowledge_point in ctx.services.bank \
                and ctx.frame.city == prev.city:
            before = ctx.services.bank.get(prev.knowledge_point)
            # "那1500万平均下来每年多少" after 掌起镇's 200万: the sum named, stated by an earlier provision, is the one
            named = _stating(ctx, said) if said and not _sums_stated(before) & said else None
            if named is None and not said and not any(_states_money(bp) for bp in ctx.services.bank.in_clause(
                    before.clause_id)):
                # "How much money did the city budget …, and what is that on average per year?" after the city's park
                # targets: the turn names a sum of its own, matched as a standalone question would be
                named = self._matched_sum(ctx)
            self._point = named or before
            return True
        # "慈溪那1500万摊下来一年多少钱": no turn before, the sum named — the city's provision stating that very sum
        self._point = _stating(ctx, said) if said else self._matched_sum(ctx)
        return self._point is not None

    @staticmethod
    def _matched_sum(ctx: Context) -> BoundPoint | None:
        """"Cixi's budget set a total sum … over 2018-2020. On average, how much is that per year?": the sum not said
        in figures — the closest provision of the city asked that states a sum over a span of years."""
        for m in ctx.point_matches()[:AVERAGE_MATCHES]:
            if ctx.frame.city and m.point.city != ctx.frame.city:
                continue
            # (the sum may sit beside the point matched, in its clause: 慈溪 一、（五）'s budget areas and its 1500万)
            for bp in (m.point, *[p for p in ctx.services.bank.in_clause(m.point.clause_id) if p is not m.point]):
                if average(ctx.frame.question, list(bp.point.answer_spans)) is not None:
                    return bp
        return None

    def run(self, ctx: Context) -> Answer | None:
        bank = ctx.services.bank
        before = self._point
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
