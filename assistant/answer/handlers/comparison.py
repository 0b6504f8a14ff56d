"""Comparisons through the same reader: each city's line is that city's knowledge point for the topic (or "not set
in its documents"), then one line stating the difference."""

from __future__ import annotations

import re

from assistant.answer.context import Context
from assistant.answer.frame import NUMERIC, TIME, frame as make_frame
from assistant.answer.handlers.base import build
from assistant.answer.handlers.knowledge import KnowledgeHandler
from assistant.answer.models import Answer
from assistant.answer.reader import english_figures, place_tag, point_citations, point_direct
from assistant.jurisdictions import registry
from assistant.messages import text
from assistant.quantities import find_quantities
from assistant.router import is_comparison

# the comparison's own words are not the topic and would steer the search
_COMPARE_WORDS = re.compile(r"有什么不同|有何不同|有什么区别|有啥区别|有啥不同|的区别|区别|不同|异同|一样吗|一样不|是否一致|一致吗|对比|"
                            r"比较|分别|各自|相比|两地|各地|\b(compare|comparison|difference|differ|between|versus|vs)\b",
                            re.I)


def _numbers(spans) -> tuple[tuple, str]:
    """The figures the spans state: as values and units (what two cities' lines are compared on) and as written."""
    found = [q for s in spans for q in find_quantities(s, field=None)]
    values = tuple(sorted({(q.value, q.unit, q.high) for q in found}, key=lambda x: (x[1], x[0])))
    return values, "、".join(dict.fromkeys(q.text for q in found))


def _another_kind(stated: str, asked: str, topic_types: set[str]) -> bool:
    """A point's kind of answer cannot stand for the one compared: another kind of figure (a count for a tax per mu),
    or who / a document fact for a rule.

    >>> _another_kind("count", "rate", {"rate"}), _another_kind("statement", "ratio", {"ratio"}), _another_kind("actor", "duration", {"duration"})
    (True, False, True)
    """
    if asked in NUMERIC and stated in NUMERIC and stated != asked:
        return True
    return stated in ("actor", "contact", "metadata") and stated not in topic_types | {asked}


def _figures_differ(numbers: dict[str, tuple[tuple, str]], lang: str) -> str | None:
    """The difference said with the figures, when each city states one figure (or range) of the same unit: which
    city's is higher, bound by bound ("临海市15%-25%，温州市10%-25%；下限临海市更高，上限相同"); None otherwise."""
    one = {c: values[0] for c, (values, _) in numbers.items() if len(values) == 1}
    if len(one) < 2 or len(one) != len(numbers) or len({unit for _, unit, _ in one.values()}) != 1:
        return None
    reg = registry()
    name = (lambda c: reg.english(c)) if lang == "en" else (lambda c: c)
    ranged = any(high is not None for _, _, high in one.values())
    bounds = [("compare.bound_low", {c: v for c, (v, _, _) in one.items()}),
              ("compare.bound_high", {c: h if h is not None else v for c, (v, _, h) in one.items()})] if ranged \
        else [("compare.bound_value", {c: v for c, (v, _, _) in one.items()})]
    verdicts = []
    for key, by_city in bounds:
        bound = text(key, lang)
        top = max(by_city.values())
        leaders = [c for c, v in by_city.items() if v == top]
        if len(leaders) == len(by_city):
            verdicts.append(text("compare.equal", lang, bound=bound))
        else:
            verdicts.append(text("compare.higher" if len(by_city) == 2 else "compare.highest", lang, bound=bound,
                                 city=("、" if lang == "zh" else " and ").join(name(c) for c in leaders)))
    sep = "，" if lang == "zh" else ", "
    pairs = sep.join(f"{name(c)}{'' if lang == 'zh' else ' '}{numbers[c][1]}" for c in one)
    return text("compare.figures", lang, pairs=pairs, verdict=("，" if lang == "zh" else "; ").join(verdicts))


# Only a close match's topic may replace the best match's because more cities set it: a far one ("建设目标" for
# "入园企业数量的要求") is another question. Set on the readable sets' comparisons (officer_dev, mixed_dev6–8).
TOPIC_RATIO = 0.95
# How far down a city's own matches its point of the compared topic is looked for; every topic of a city has at most
# a few dozen points.
STAND_IN_DEPTH = 40
# A match of the kind of figure asked names the compared topic when the words' topic states none of that kind, down
# to this share of the best score (mixed_dev19: the construction period at 0.73 of the land supply's).
TYPED_TOPIC_RATIO = 0.7


class ComparisonHandler:
    name = "comparison"

    @staticmethod
    def _fixed_for(ctx: Context, fixed, here: set[str], own: list, same: list):
        """The city's point of the compared provision's topic and kind of answer: the provision itself in its own
        city; else the closest such point (by the question's matches, then any); None when the city sets none."""
        from assistant.answer.handlers.knowledge import _bare

        if fixed.city in here:
            return next((m for m in own if m.point is fixed), _bare(fixed))
        kind = fixed.point.answer_type
        close = [m for m in same if m.point.point.answer_type == kind] \
            or [m for m in same if not _another_kind(m.point.point.answer_type, kind, {kind})]
        if close:
            return close[0]
        rest = [bp for bp in ctx.services.points_for(fixed.point.topic, here) if ctx.may_answer(bp)]
        rest = [bp for bp in rest if bp.point.answer_type == kind] \
            or [bp for bp in rest if not _another_kind(bp.point.answer_type, kind, {kind})]
        return _bare(rest[0]) if rest else None

    def can_handle(self, ctx: Context) -> bool:
        f = ctx.frame
        # (several cities named, one asked of: "温州一平交多少？我朋友在临海交的是12块" asks 温州's, frame.city_asked)
        asked_one = f.city is not None and len(f.local_cities) > 1
        return f.city_source != "chosen" and not asked_one and is_comparison(f.text, f.named_cities)

    @staticmethod
    def _topic_of_the_kind_asked(ctx: Context, sub, matches: list, topic: str):
        """"从供地到竣工的建设期限有何不同": a time (or a figure) is asked and the words' topic (land supply) states
        none of that kind — the close match whose own kind it is (the construction period) names the topic."""
        from assistant.answer.handlers.knowledge import gives

        asked = next((t for t in sub.types if t in NUMERIC | TIME), None)
        if asked is None:
            return None
        family = TIME if asked in TIME else {asked}
        if any(gives(p, k) for p in ctx.services.points_for(topic) for k in family):
            return None
        return next((m for m in matches[:8] if m.score >= TYPED_TOPIC_RATIO * matches[0].score
                     and m.point.point.answer_type in family and ctx.may_answer(m.point)), None)

    def run(self, ctx: Context) -> Answer | None:
        f, svc = ctx.frame, ctx.services
        cities = list(f.local_cities) or [c for c in svc.corpus.cities() if c != "浙江省"]
        topic_text = f.text
        for j in registry().mentioned(f.text):
            for name in sorted((j.name, *j.names), key=len, reverse=True):
                topic_text = re.sub(re.escape(name), " ", topic_text, flags=re.I)
        topic_text = _COMPARE_WORDS.sub(" ", topic_text).strip(" 和与及跟、，,") or f.text
        sub = make_frame(topic_text, topic_text)
        from assistant.answer.context import Context as Ctx

        sub_ctx = Ctx(frame=sub, services=svc, previous=ctx.previous)
        matches = sub_ctx.point_matches()
        handler = KnowledgeHandler()
        # "其他地方呢" after a provision: that provision's topic and kind of answer are compared, whatever the words match
        fixed = svc.bank.get(f.extra["compare_with"]) if f.extra.get("compare_with") in svc.bank else None
        if fixed is None and (not matches or not handler._trusted(sub_ctx, matches[0])):
            return None

        # the topic every compared city sets, if the close matches have one; else the best match's
        def covered_by(t: str) -> int:
            return sum(1 for c in cities if svc.points_for(t, svc.applicable(c) - {"浙江省"}))
        topics = list(dict.fromkeys(m.point.point.topic for m in matches[:8]
                                    if m.score >= TOPIC_RATIO * matches[0].score))
        topic = fixed.point.topic if fixed is not None else max(topics, key=lambda t: (covered_by(t), -topics.index(t)))
        kind = fixed.point.answer_type if fixed is not None else matches[0].point.point.answer_type
        typed = self._topic_of_the_kind_asked(ctx, sub, matches, topic) if fixed is None else None
        if typed is not None:
            topic, kind = typed.point.point.topic, typed.point.point.answer_type
        lines, citations, figures, numbers = [], [], {}, {}
        topic_types = {p.point.answer_type for p in svc.points_for(topic)}
        for city in cities:
            here = svc.applicable(city) - {"浙江省"}
            # the city's own best matches for the question: its point of the shared topic if close, else its best
            own = svc.kindex.match(" ".join((sub.query.text, *sub.query.expansions)), sub_ctx.query_vector, k=5,
                                   cities=here)
            own = [m for m in own if ctx.may_answer(m.point)]
            same = [m for m in own if m.point.point.topic == topic]
            if not same:
                # the city's point of the topic further down its matches ("resale" in English finds 温州's transfer
                # rule only after five others) — of the kind of answer the best match gives, and trusted: a wide topic
                # ("targets") holds other quantities (慈溪's park count is no tax per mu)
                same = [m for m in svc.kindex.match(" ".join((sub.query.text, *sub.query.expansions)),
                                                    sub_ctx.query_vector, k=STAND_IN_DEPTH, cities=here)
                        if m.point.point.topic == topic and ctx.may_answer(m.point)
                        and not _another_kind(m.point.point.answer_type, kind, topic_types)
                        and handler._trusted(sub_ctx, m)]
            # another topic's point of the city stands in (its rules are organised differently: 温州 measures the
            # leading industry by floor area), but not with another kind of figure ("主导行业2/3以上" is no count), nor
            # a who or a document fact for a rule (who drafts the pre-sale rules is no holding period)
            stand_in = own[0] if own and handler._trusted(sub_ctx, own[0]) \
                and not (topic_types & NUMERIC and own[0].point.point.answer_type in NUMERIC - topic_types) \
                and not (not topic_types & NUMERIC and own[0].point.point.topic != topic
                         and own[0].point.point.answer_type in NUMERIC) \
                and not (own[0].point.point.answer_type in ("actor", "contact", "metadata")
                         and own[0].point.point.answer_type not in topic_types) else None
            if fixed is not None and stand_in is not None and fixed.city not in here \
                    and stand_in.point.point.answer_type != fixed.point.answer_type:
                stand_in = None   # another topic stands in for the provision only with its very kind of answer
            if fixed is not None:
                # the provision's own point in its city; elsewhere the topic's point of a kind that can answer, else the
                # city's close point standing in (温州 measures the leading industry by floor area)
                best = self._fixed_for(ctx, fixed, here, own, same) or stand_in
            else:
                best = same[0] if same else stand_in
            if best is None:
                lines.append(text("compare.not_set", f.language, city=registry().english(city) if f.language == "en"
                                  else city))
                figures[city] = None
                continue
            # the clause's other close matches, then its other points of the same topic (临海（六）: the start and
            # the completion deadline are both "the construction period")
            siblings = [bp for bp in svc.bank.in_clause(best.point.clause_id) if bp is not best.point
                        and bp.point.topic == best.point.point.topic and ctx.may_answer(bp)]
            close = [m.point for m in own[1:] if m.point.clause_id == best.point.clause_id
                     and m.score >= 0.5 * best.score]
            points = list(dict.fromkeys([best.point, *close, *siblings]))[:3]
            status = svc.status(best.point.doc_id)
            spans = list(dict.fromkeys(s for p in points for s in p.point.answer_spans))
            spans = [s for s in spans if not any(s != o and s in o for o in spans)]   # a span inside another: once
            if f.language == "zh":
                lines.append(place_tag(best.point.city, status, "zh") + "：" + "；".join(spans))
            else:
                lines.append(point_direct(best.point, status, "en"))
            for p in points:
                citations += point_citations(p, svc.corpus)
            figures[city] = english_figures(spans) or "；".join(spans)
            numbers[city] = _numbers(best.point.point.answer_spans)   # the figure of the point that answers
        if not citations:
            return None
        head = text("compare.head", f.language, topic=handler._topic_name(topic, f.language))
        set_by = [c for c, v in figures.items() if v is not None]
        if len(set_by) < len(figures):
            names = [registry().english(c) for c in set_by] if f.language == "en" else set_by
            diff = text("compare.only", f.language, cities=(" and " if f.language == "en" else "、").join(names))
        elif len(set(figures.values())) == 1:
            diff = text("compare.same", f.language)
        elif len({v for v, _ in numbers.values()}) == 1 and next(iter(numbers.values()))[0]:
            # "2.0以上" and "一般不得低于2.0": the same figure, said differently (a soft bound, an exception)
            first = next(iter(figures))
            shown = figures[first] if f.language == "en" else numbers[first][1]
            diff = text("compare.same_figures", f.language, figures=shown)
        else:
            diff = _figures_differ(numbers, f.language) or text("compare.differ", f.language)
        return build(ctx, kind="comparison", direct=head + "\n" + "\n".join(lines) + "\n" + diff, citations=citations,
                     topic=topic, answer_type=kind, city=None)
