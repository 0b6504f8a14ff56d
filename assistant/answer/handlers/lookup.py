"""The clause path: for documents with no knowledge points (an upload) and questions no point matches.

The best clause for the question (and the city it is tied to); the typed reader picks its sentence; when none of
the question's key terms occur in the clauses found the answer refuses, and when only some do it cites the
nearest clause marked low-confidence, saying which words it did not find.
"""

from __future__ import annotations

import re

from assistant.answer.context import Context
from assistant.answer.frame import exception_words_for
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.answer.reader import CONSEQUENCE_STATED, best_sentence, citation, clause_direct
from assistant.errors import NotFoundError
from assistant.jurisdictions import registry
from assistant.messages import text
from assistant.quantities import find_quantities
from assistant.retriever import Hit

# Below this key-term coverage the nearest clause is cited as low-confidence (it says which words were not found).
# Refusing there instead was measured and rejected: it refused far more answerable colloquial questions than
# unanswerable ones (benchmarks/answers.py --sweep, round one).
CONFIDENCE_THRESHOLD = 0.45
# When no knowledge point is trusted either, a low-coverage clause is refused (and shown as possibly related) rather
# than cited as the low-confidence answer: on every readable set (2026-12-03, fifth session) this path was taken 5
# times, 2 for questions the documents do not answer and 3 for answerable ones, of which the nearest clause stated
# the facts once (holdout2 h013) — refusing is +1 overall and never presents the nearest clause as the answer.
REFUSE_WHEN_NO_POINT = True
_SEE_ATTACHMENT = re.compile(r"见(附件\s*\d+)")


def _absence(cov, label: str, lang: str) -> str:
    """What is missing, said truly: "文件中没有出现" only of words no document has (nor a synonym of them); words
    that are in the documents but not in the nearest clauses ("用电" of 临海（二十四）) are "the nearest clause lacks"."""
    sep = "、" if lang == "zh" else ", "
    missing = [t.removeprefix("en:") for t in cov.missing if not registry().resolve(t.removeprefix("en:"))]
    if missing and all(t in cov.unknown for t in cov.missing):
        return text("refuse.no_terms", lang, missing=sep.join(missing[:4]))
    if missing:
        return text("refuse.nearest_lacks", lang, label=label, missing=sep.join(missing[:4]))
    return text("refuse.nothing_found", lang)


def _heading_only(clause) -> bool:
    lines = [x for x in clause.clean_text.splitlines() if x.strip()]
    return clause.kind == "section" and len(lines) == 1 and len(lines[0]) <= 20


class LookupHandler:
    name = "lookup"

    def can_handle(self, ctx: Context) -> bool:
        return True

    def _cite(self, ctx: Context, hit: Hit):
        doc, clause = ctx.services.corpus.document(hit.doc_id), ctx.services.corpus.clause(hit.doc_id, hit.clause)
        return citation(doc, clause, best_sentence(clause, [ctx.frame.query.text, *ctx.frame.query.expansions],
                                                   ctx.frame.asks))

    def run(self, ctx: Context) -> Answer:
        f, svc = ctx.frame, ctx.services
        # a city the user named or chose limits the search to its documents (and the province's); so does the city
        # a conversation is about ("Is there an investment threshold there as well?" after 慈溪: not 临海's clause
        # answered as 慈溪's, eval/conversations_dev6.jsonl, 2026-12-04)
        city_filter = f.city if f.city_source in ("chosen", "named", "inherited") and f.city != "浙江省" else None
        hits = ctx.clause_hits(k=5, city=city_filter)
        # a heading with nothing under it ("三、园区管理") is never the answer
        hits = [h for h in hits if not _heading_only(svc.corpus.clause_by_id(h.clause_id))] or hits
        if not hits:
            return build(ctx, kind="not_covered", direct=text("refuse.nothing_found", f.language), refused=True,
                         not_covered_kind="topic_absent")
        cov = svc.coverage.measure(f.query, [svc.passage_text[h.clause_id] for h in hits[:3]])
        if cov.key_terms and cov.score == 0.0:
            # not one of the question's key terms (nor a synonym) occurs in the clauses found
            direct = _absence(cov, svc.corpus.clause_by_id(hits[0].clause_id).label, f.language)
            return build(ctx, kind="not_covered", direct=direct, refused=True, related=[self._cite(ctx, h) for h in hits[:3]],
                         coverage=cov.score, not_covered_kind="topic_absent")
        own_cov = svc.coverage.measure(f.query, [svc.passage_text[hits[0].clause_id]])
        chosen = [hits[0]]
        own = own_cov.score
        for h in hits[1:3]:
            # another document's clause joins only if it is nearly as good a match on rank and on key terms
            if h.score >= 0.8 * hits[0].score and h.doc_id not in {c.doc_id for c in chosen}:
                if svc.coverage.measure(f.query, [svc.passage_text[h.clause_id]]).score >= max(0.6, 0.9 * own):
                    chosen.append(h)
        citations = [self._cite(ctx, h) for h in chosen]
        citations += self._cross_references(ctx, citations[0], own)
        first = citations[0]
        states_consequence = bool(CONSEQUENCE_STATED.search(svc.passage_text[hits[0].clause_id]))
        if f.asks == "consequence" and states_consequence:
            from assistant.answer.handlers.knowledge import KnowledgeHandler, unstated_trigger

            trigger = unstated_trigger(ctx, hits[0].clause_id)
            if trigger is not None:
                return KnowledgeHandler()._not_stated(ctx, trigger)                  # (e): another breach's penalty
        if f.asks == "consequence" and not states_consequence:
            # (e) the clause sets the rule but says nothing of what follows a breach
            direct = text("lookup.not_stated", f.language, line=clause_direct(first, f.language))
            return build(ctx, kind="not_covered", direct=direct, refused=True, citations=citations[:1],
                         not_covered_kind="not_stated", coverage=cov.score, contrast=True)
        if "exception" in f.types[:2] and not any(w in svc.passage_text[hits[0].clause_id]
                                                   for w in exception_words_for(f.text)):
            # (e) the clause sets the rule but states no exception, refund or extension of the kind asked ("do we get
            # that bond refunded?" of 温州's performance bond): its figure is no answer
            direct = text("lookup.not_stated_exception", f.language, line=clause_direct(first, f.language))
            return build(ctx, kind="not_covered", direct=direct, refused=True, citations=citations[:1],
                         not_covered_kind="not_stated", coverage=cov.score, contrast=True)
        other = self._different_quantity(ctx, hits[0])
        if other is not None:
            return other
        if f.asks_figure and not self._states_figure(first.quote, f.asks) and (
                cov.score < CONFIDENCE_THRESHOLD
                or (self._has_points(ctx, hits[0]) and not self._states_figure(svc.passage_text[hits[0].clause_id], f.asks))):
            # a figure is asked for, the nearest clause is a weak match and states none of that kind: not covered
            missing = "、".join(cov.missing[:4])
            direct = text("refuse.no_figure" if missing else "refuse.no_figure_plain", f.language, missing=missing)
            return build(ctx, kind="not_covered", direct=direct, refused=True, related=citations[:3],
                         coverage=cov.score, not_covered_kind="no_figure")
        # the clause quoted as the answer must itself carry the question's words: the three found together may
        # ("What rent may a state-owned park charge per m²?": 出租 is in （十九）, the quoted （二十二） is the
        # maintenance fund's rate)
        if cov.score >= CONFIDENCE_THRESHOLD > own and ctx._memo.get("point_trusted") is False \
                and REFUSE_WHEN_NO_POINT:
            sep = "、" if f.language == "zh" else ", "
            # (a place named is the question's city, never a word the clause lacks)
            lacks = [t for t in own_cov.missing if not registry().resolve(t.removeprefix("en:"))]
            direct = text("refuse.nearest_lacks", f.language, label=first.clause, missing=sep.join(lacks[:4])) \
                if lacks else text("refuse.nothing_found", f.language)
            return build(ctx, kind="not_covered", direct=direct, refused=True, related=citations[:3], coverage=own,
                         not_covered_kind="no_figure" if f.asks_figure else "topic_absent")
        if cov.score < CONFIDENCE_THRESHOLD and ctx._memo.get("point_trusted") is False and REFUSE_WHEN_NO_POINT:
            direct = _absence(cov, first.clause, f.language)
            return build(ctx, kind="not_covered", direct=direct, refused=True, related=citations[:3],
                         coverage=cov.score, not_covered_kind="topic_absent")
        if cov.score < CONFIDENCE_THRESHOLD:
            missing = "、".join(cov.missing[:4])
            direct = text("lookup.uncertain", f.language, missing=missing, line=clause_direct(first, f.language))
            return build(ctx, kind="lookup", direct=direct, citations=citations[:1], confidence="low",
                         notes=[text("note.low_confidence", f.language, missing=missing)], coverage=cov.score,
                         city=f.city or first.city)
        return build(ctx, kind="lookup", direct=clause_direct(first, f.language), citations=citations,
                     coverage=cov.score, city=f.city or first.city)

    @staticmethod
    def _different_quantity(ctx: Context, hit: Hit) -> Answer | None:
        """(c) An area is asked and every area the clause's knowledge points state is another quantity (the park's
        site in 亩 for one enterprise's floor area): not the answer, whichever way the clause was found."""
        from assistant.answer.handlers.knowledge import KnowledgeHandler, different_quantity, gives

        if not (ctx.frame.asks_figure and ctx.frame.asks == "area"):
            return None
        areas = [bp for bp in ctx.services.bank.in_clause(hit.clause_id) if gives(bp, "area")]
        if areas and all(different_quantity(ctx, bp) for bp in areas):
            return KnowledgeHandler()._different_quantity(ctx, areas[0])
        return None

    @staticmethod
    def _has_points(ctx: Context, hit: Hit) -> bool:
        """The clause has knowledge points, and none was trusted to answer: its figures are known, and the asked
        kind is not among them (an uploaded document without points keeps the weak-match rule only)."""
        return bool(ctx.services.bank.in_clause(hit.clause_id))

    @staticmethod
    def _states_figure(text: str, asked: str) -> bool:
        from assistant.answer.reader import _UNITS_FOR

        units = _UNITS_FOR.get(asked, ())
        return any(q.unit in units or (asked == "amount" and q.wan) for q in find_quantities(text, field=None))

    def _cross_references(self, ctx: Context, cited, own: float) -> list:
        """Attachments the cited clause points to ("编制框架见附件4") that match the question as well as it does."""
        svc = ctx.services
        doc = svc.corpus.document(cited.doc_id)
        body = svc.corpus.clause(cited.doc_id, cited.clause).text
        out = []
        for label in dict.fromkeys(re.sub(r"\s", "", m) for m in _SEE_ATTACHMENT.findall(body)):
            try:
                clause = svc.corpus.clause(doc.id, label)
            except NotFoundError:
                continue  # a reference to an attachment the document does not carry
            if svc.coverage.measure(ctx.frame.query, [svc.passage_text[clause.id]]).score >= max(0.6, 0.9 * own):
                out.append(citation(doc, clause, best_sentence(clause, [ctx.frame.query.text], ctx.frame.asks)))
        return out
