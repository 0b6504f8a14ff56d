"""Stage 5: the answer — short, in the question's language, standing on quoted clauses.

``ask(question, history=None, city=None) -> Answer``. Routing, in order:

1. a follow-up ("那温州呢？", "what about dormitories?") is rewritten with the
   previous turn's topic and city;
2. a question about a place no document covers is refused, with the nearest
   clauses shown only as "possibly related";
3. numbers for a known rule → the calculator computes, the answer cites its clause;
4. a Wenzhou action-plan question → the table cell(s) are read (sums computed);
5. "may my enterprise enter?" → the eligibility check, asking for missing facts;
6. a question naming a policy topic that no clause mentions (社保, 个税, 按揭…,
   ``assistant.topics``) is refused, naming the topic, with the nearest clauses
   shown only as "possibly related";
7. two cities → side by side, each city's own clause;
8. otherwise retrieval: the best clause quoted, its most relevant sentence as
   the one-line answer — unless the question's key terms are absent from the
   clauses found, in which case it is refused as not covered.

Every quote is a verbatim substring of its clause (checked before returning);
every number in an answer comes from a quote, a clause label, or a calculator.
"""

from __future__ import annotations

import re
import threading
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant import textin
from assistant.corpus import Corpus
from assistant.coverage import Coverage, CoverageModel
from assistant.errors import AssistantError, NotFoundError, QueryError
from assistant.models import Citation, Clause, Document, Span, Status
from assistant.query import AnalysedQuery, analyse
from assistant.retriever import Hit, Retriever, get_retriever
from assistant.router import follow_up_subject, is_comparison, is_eligibility, route_calculation
from assistant.tables import fmt_number, lookup
from assistant.topics import Mention, TopicCatalogue, TopicCoverage

Kind = Literal["lookup", "calculation", "table", "comparison", "eligibility", "not_covered"]
# Below this key-term coverage an answer is marked low-confidence (it says which words were not found and
# cites the nearest clause for checking). Refusing there instead was measured and rejected: on held-out
# questions it refused far more answerable colloquial questions than unanswerable ones (benchmarks/answers.py).
CONFIDENCE_THRESHOLD = 0.45
CITY_SHORT = {"温州市": "温州", "临海市": "临海", "慈溪市": "慈溪", "浙江省": "浙江省"}


class Turn(BaseModel):
    """What a follow-up needs from an earlier turn."""

    model_config = ConfigDict(extra="ignore")
    question: str
    resolved_question: str | None = None
    city: str | None = None


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)
    question: str
    resolved_question: str = Field(description="the question as understood (follow-ups rewritten)")
    language: Literal["zh", "en"]
    answer: str
    kind: Kind
    refused: bool
    citations: tuple[Citation, ...] = ()
    related: tuple[Citation, ...] = Field(default=(), description="shown as 'possibly related' when refused")
    warnings: tuple[str, ...] = ()
    city: str | None = Field(default=None, description="the jurisdiction the answer is tied to")
    calculation: dict | None = None
    check: dict | None = None
    follow_up: tuple[str, ...] = Field(default=(), description="facts to ask for (eligibility)")
    coverage: float | None = None
    uncovered_topics: tuple[str, ...] = Field(default=(), description="policy topics named that no clause mentions")
    confidence: Literal["high", "low"] = Field(
        default="high", description="low: the clauses found lack the question's key terms; the answer says so")
    wording: Literal["extractive", "generated"] = Field(
        default="extractive", description="generated only when a configured model's text passed verification")

    def to_contract(self) -> dict:
        """The machine contract of ``ask --json``."""
        return {"question": self.question, "answer": self.answer, "kind": self.kind, "refused": self.refused,
                "citations": [{"doc_id": c.doc_id, "source_file": c.source_file, "title": c.title,
                               "clause": c.clause, "quote": c.quote} for c in self.citations],
                "warnings": list(self.warnings), "confidence": self.confidence}


# ---------------------------------------------------------------- quoting

_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_SEE_ATTACHMENT = re.compile(r"见(附件\s*\d+)")


def sentences(clause: Clause) -> list[tuple[int, int]]:
    """Spans (relative to the clause text) of its sentences, without surrounding whitespace."""
    out = []
    for m in _SENTENCE.finditer(clause.text):
        s, e = m.span()
        raw = clause.text[s:e]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def best_sentence(clause: Clause, terms: list[str]) -> tuple[int, int]:
    """The sentence sharing most (weighted) bigrams with the question and its expansions."""
    spans = sentences(clause)
    if not spans:
        return 0, len(clause.text)
    grams = {t[i:i + 2] for t in terms for i in range(max(1, len(t) - 1))}
    numbers = set(re.findall(r"\d+", " ".join(terms)))

    def score(span):
        s = clause.text[span[0]:span[1]]
        g = sum(1 for x in grams if x in s)
        # a sentence stating a number answers "多少" questions better than a heading
        return g + 0.5 * bool(re.search(r"\d", s)) + sum(2 for n in numbers if n in s) - 0.01 * (span[1] - span[0]) / 50

    label_only = [sp for sp in spans if clause.text[sp[0]:sp[1]].strip() == clause.label]
    candidates = [sp for sp in spans if sp not in label_only] or spans
    best = max(candidates, key=score)
    # a neighbouring sentence that answers nearly as well belongs to the same quote
    i = spans.index(best)
    start, end = best
    top = score(best)
    for j in (i - 1, i + 1):
        if 0 <= j < len(spans) and spans[j] in candidates and top > 0 and score(spans[j]) >= 0.7 * top:
            start, end = min(start, spans[j][0]), max(end, spans[j][1])
    return start, end


def citation(doc: Document, clause: Clause, span: tuple[int, int] | None = None) -> Citation:
    s, e = span if span else (len(clause.text) - len(clause.text.lstrip()), len(clause.text.rstrip()))
    quote = clause.text[s:e]
    return Citation(doc_id=doc.id, source_file=doc.meta.source_file, title=doc.meta.title, clause=clause.label,
                    quote=quote, span=Span(start=clause.span.start + s, end=clause.span.start + e),
                    status=doc.meta.status, city=doc.meta.city)


def verify(citations, corpus: Corpus) -> None:
    """Refuse to return a quote that is not verbatim in its clause: faithfulness is the product."""
    for c in citations:
        clause = corpus.clause(c.doc_id, c.clause)
        if c.quote not in clause.text:
            raise AssistantError("内部错误：引文与原文不符", f"internal error: quote not verbatim in {c.doc_id}#{c.clause}")


# ---------------------------------------------------------------- warnings

def status_warnings(corpus: Corpus, citations, asked_city: str | None, lang: str) -> list[str]:
    out: list[str] = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations):
        meta = corpus.document(doc_id).meta
        t = meta.title
        if meta.status is Status.draft:
            out.append(f"《{t}》是征求意见稿，尚未正式施行，所引内容仅供参考。" if lang == "zh" else
                       f"《{t}》 is a draft for comment (征求意见稿), not yet in force: for reference only.")
        elif meta.status is Status.reply_letter:
            out.append(f"《{t}》是对人大代表建议的答复，说明工作设想，本身不是规范性文件。" if lang == "zh" else
                       f"《{t}》 is a reply to a deputy's suggestion, describing plans; it is not itself a rule.")
        elif meta.status is Status.notice_expired:
            out.append(f"《{t}》是通知，其中的报送期限均已过去。" if lang == "zh" else
                       f"《{t}》 is a notice whose reporting deadlines have passed.")
        elif meta.status is Status.repealed:
            out.append(f"《{t}》已废止。" if lang == "zh" else f"《{t}》 has been repealed.")
        if asked_city and meta.city not in (asked_city, "浙江省"):
            out.append(f"您问的是{asked_city}，但所引条款出自{meta.city}的文件，{asked_city}不一定适用。" if lang == "zh" else
                       f"You asked about {asked_city}, but this clause comes from a {meta.city} document; "
                       f"it may not apply in {asked_city}.")
    return out


# ---------------------------------------------------------------- the assistant

class Assistant:
    """Loaded once (model, index, corpus); ``ask`` is thread-safe."""

    def __init__(self, retriever: Retriever | None = None, confidence_threshold: float = CONFIDENCE_THRESHOLD):
        self.retriever = retriever or get_retriever()
        self.corpus = self.retriever.corpus
        self.coverage = CoverageModel([p.text for p in self.retriever.index.passages])
        self._passage_text = {p.clause_id: p.text for p in self.retriever.index.passages}
        self.topics = TopicCoverage(TopicCatalogue.load(), list(self._passage_text.values()))
        self.confidence_threshold = confidence_threshold
        self._lock = threading.Lock()

    # -- public

    def ask(self, question: str, history: list | None = None, city: str | None = None) -> Answer:
        question = textin.question(question)   # the input boundary: bad characters, escapes, length
        city = textin.field(city, "city", error=QueryError) if isinstance(city, str) else city
        answer = self._answer(question, history, city)
        return self._maybe_rephrase(answer)

    def _maybe_rephrase(self, answer: Answer) -> Answer:
        """Generated wording when an endpoint is configured and its text verifies; else unchanged."""
        from assistant import llm

        config = llm.LLMConfig.from_env()
        if config is None or answer.refused or answer.kind not in ("lookup", "comparison") or not answer.citations:
            return answer
        texts = [self.corpus.clause(c.doc_id, c.clause).text for c in answer.citations]
        text = llm.rephrase(answer.resolved_question, list(answer.citations), texts, config)
        if text is None:
            return answer
        return answer.model_copy(update={"answer": text, "wording": "generated"})

    def _answer(self, question: str, history: list | None, city: str | None) -> Answer:
        if city is not None and city not in self.corpus.cities():
            from assistant.errors import QueryError

            raise QueryError(f"未知的城市“{city}”，可选：{'、'.join(self.corpus.cities())}",
                             f"unknown city {city!r}; choose one of {', '.join(self.corpus.cities())}", field="city")
        previous = _last_turn(history)
        resolved, inherited_city = self._resolve_follow_up(question, previous)
        q = analyse(resolved)
        if previous is None and (subject := follow_up_subject(question)) is not None:
            only_city = analyse(subject).cities
            if only_city and len(re.sub(r"[市县区省]", "", subject)) <= 3:
                return self._which_topic(question, only_city[0], q.language)
        lang = analyse(question).language
        named = [c for c in q.cities if c != "浙江省"]
        asked_city = city or (named[0] if len(named) == 1 else None) or (inherited_city if not named else None)

        if q.uncovered_places and not q.cities and not city:
            return self._not_covered_place(question, resolved, q, lang)
        calc = route_calculation(resolved)
        if calc is not None:
            answer = self._calculation(question, resolved, q, lang, calc, asked_city)
            if answer is not None:
                return answer
        table = lookup(self.corpus, resolved)
        if table is not None:
            return self._table(question, resolved, q, lang, table)
        if is_eligibility(resolved):
            return self._eligibility(question, resolved, q, lang, asked_city)
        if missing := self.topics.uncovered(resolved):
            return self._not_covered_topic(question, resolved, lang, missing)
        if is_comparison(resolved, q.cities) and not city:
            return self._comparison(question, resolved, q, lang)
        return self._lookup(question, resolved, q, lang, asked_city, city)

    # -- follow-ups

    def _resolve_follow_up(self, question: str, previous: Turn | None) -> tuple[str, str | None]:
        if previous is None:
            return question, None
        prev_q = previous.resolved_question or previous.question
        prev_city = previous.city or next(iter([c for c in analyse(prev_q).cities if c != "浙江省"]), None)
        subject = follow_up_subject(question)
        if subject is None:
            return question, prev_city
        subj = analyse(subject)
        new_cities = [c for c in subj.cities if c != "浙江省"]
        if new_cities:
            # same topic, another city: drop the old city's names, put the new one first
            stripped = prev_q
            for name in _city_names():
                stripped = re.sub(re.escape(name), "", stripped, flags=re.I)
            stripped = re.sub(r"^[\s的，,]+", "", stripped)
            lead = CITY_SHORT.get(new_cities[0], new_cities[0]) if not subj.language == "en" else subject
            return f"{lead} {stripped}".strip(), new_cities[0]
        # same city, another topic
        lead = CITY_SHORT.get(prev_city, "") if prev_city else ""
        return f"{lead} {subject}".strip(), prev_city

    # -- kinds of answer

    def _which_topic(self, question: str, city: str, lang: str) -> Answer:
        """"那温州呢？" with nothing before it: ask what about the city, do not guess."""
        text = (f"您想了解{city}哪方面的规定？例如：容积率、非生产性用房比例、入园条件、厂房转让、维修资金。"
                if lang == "zh" else f"What would you like to know about {city}? For example: plot ratio, "
                                     f"non-production floor share, entry conditions, resale, maintenance fund.")
        return Answer(question=question, resolved_question=question, language=lang, answer=text, kind="lookup",
                      refused=False, city=city, follow_up=("想了解的事项",))

    def _not_covered_place(self, question, resolved, q: AnalysedQuery, lang) -> Answer:
        places = "、".join(q.uncovered_places)
        related = self._related(resolved)
        text = (f"现有文件没有涉及{places}的规定。本助手收录的是浙江省（省级通知）、温州市、临海市和慈溪市的文件；"
                f"下列条款来自其他地区，仅供参考，不能当作{places}的规定。" if lang == "zh" else
                f"The documents do not cover {places}. They cover Zhejiang province (a notice), Wenzhou, Linhai and "
                f"Cixi; the clauses below are from other places and are shown only as possibly related.")
        return Answer(question=question, resolved_question=resolved, language=lang, answer=text, kind="not_covered",
                      refused=True, related=tuple(related), coverage=0.0)

    def _not_covered_topic(self, question, resolved, lang, mentions: list[Mention]) -> Answer:
        names = "、".join(m.label for m in mentions)
        if lang == "zh":
            text = f"现有文件中没有关于{names}的规定（没有任何条款提到）。下列条款可能相关，仅供参考，请核对原文："
        else:
            en = ", ".join(f"{m.said if m.said.isascii() else (m.topic.en or (m.topic.topic,))[0]} ({m.topic.topic})"
                           for m in mentions)
            text = (f"None of the documents mentions {en}, so they do not answer this. "
                    f"The clauses below are shown only as possibly related; check the text.")
        return Answer(question=question, resolved_question=resolved, language=lang, answer=text, kind="not_covered",
                      refused=True, related=tuple(self._related(resolved)), coverage=0.0,
                      uncovered_topics=tuple(m.topic.topic for m in mentions))

    def _related(self, resolved: str, k: int = 3) -> list[Citation]:
        try:
            hits = self.retriever.search(resolved, k=k).hits
        except AssistantError:
            return []
        terms = self._terms(analyse(resolved))
        return [self._hit_citation(h, terms) for h in hits]

    def _terms(self, q: AnalysedQuery) -> list[str]:
        return [q.text, *q.expansions]

    def _hit_citation(self, hit: Hit, terms: list[str]) -> Citation:
        doc = self.corpus.document(hit.doc_id)
        clause = self.corpus.clause(hit.doc_id, hit.clause)
        return citation(doc, clause, best_sentence(clause, terms))

    def _cross_references(self, q: AnalysedQuery, cited: Citation, terms: list[str], own: float) -> list[Citation]:
        """Attachments the cited clause points to ("编制框架见附件4") that match the question as well as it does:
        the answer is often in the attachment, which shares few words with the question's phrasing."""
        doc = self.corpus.document(cited.doc_id)
        text = self.corpus.clause(cited.doc_id, cited.clause).text
        out = []
        for label in dict.fromkeys(re.sub(r"\s", "", m) for m in _SEE_ATTACHMENT.findall(text)):
            try:
                clause = self.corpus.clause(doc.id, label)
            except NotFoundError:
                continue  # a reference to an attachment the document does not carry
            if self.coverage.measure(q, [self._passage_text[clause.id]]).score >= max(0.6, 0.9 * own):
                out.append(citation(doc, clause, best_sentence(clause, terms)))
        return out

    def _calculation(self, question, resolved, q, lang, calc, asked_city) -> Answer | None:
        from assistant.rules.calculators import run

        name, inputs = calc
        try:
            result = run(name, inputs)
        except AssistantError as exc:
            text = (f"无法计算：{exc.message}" if lang == "zh" else f"Cannot compute: {exc.message_en}")
            return Answer(question=question, resolved_question=resolved, language=lang, answer=text,
                          kind="calculation", refused=False, warnings=(exc.message,), city=asked_city)
        citations = tuple(result.citations)
        verify(citations, self.corpus)
        parts = "；".join(f"{p.label_zh} {_fmt(p.value)} {p.unit}".strip() for p in result.parts)
        value = f"{_fmt(result.value)} {result.unit}".strip()
        refs = "、".join(dict.fromkeys(f"《{c.title}》{c.clause}" for c in citations))
        if lang == "zh":
            text = f"{result.title_zh}：{parts or value}。\n计算方法：{result.formula_zh}\n依据：{refs}。"
        else:
            text = (f"{result.title_zh} (computed): {parts or value}.\nHow: {result.formula_zh}\nSource: {refs}.")
        for item in result.items:
            text += f"\n· [{item.verdict.label_zh}] {item.message or item.criterion}"
        warnings = list(result.warnings) + [w for w in status_warnings(self.corpus, citations, asked_city, lang)
                                            if "征求意见稿" not in w or not any("征求意见稿" in x for x in result.warnings)]
        if missing := self.topics.uncovered(resolved):
            names = "、".join(m.label for m in missing)
            warnings.insert(0, f"问题中的{names}在现有文件中没有规定，以上只计算了文件规定的项目。" if lang == "zh" else
                            f"The documents say nothing about {names}; only what they regulate was computed.")
        return Answer(question=question, resolved_question=resolved, language=lang, answer=text, kind="calculation",
                      refused=False, citations=citations, warnings=tuple(dict.fromkeys(warnings)),
                      city=asked_city or _single_city(citations), calculation=result.model_dump(mode="json"))

    def _table(self, question, resolved, q, lang, table) -> Answer:
        doc, clause = table.doc, table.clause
        cites, lines = [], []
        for cell in table.cells:
            start = clause.text.find(cell.quote)
            cites.append(citation(doc, clause, (start, start + len(cell.quote))) if start >= 0 else citation(doc, clause))
            value = ("表中此栏为空（未填写）" if cell.value is None else
                     "表中为“-”（未安排）" if cell.value == "-" else cell.value)
            lines.append(f"{cell.row} {cell.column}：{value}")
        text = "；".join(lines)
        if table.total is not None:
            text += f"；以上 {len(table.total_of)} 项合计（计算）：{fmt_number(table.total)}"
        lead = (f"据《{doc.meta.title}》附件{clause.label}：" if lang == "zh" else
                f"From the table {clause.label} attached to 《{doc.meta.title}》: ")
        citations = tuple(dict.fromkeys(cites))
        verify(citations, self.corpus)
        return Answer(question=question, resolved_question=resolved, language=lang, answer=lead + text + "。",
                      kind="table", refused=False, citations=citations, city=doc.meta.city,
                      warnings=tuple(status_warnings(self.corpus, citations, None, lang)))

    def _comparison(self, question, resolved, q, lang) -> Answer:
        cities = [c for c in q.cities if c != "浙江省"] or ["临海市", "温州市"]
        terms = self._terms(q)
        topic = resolved
        for name in _city_names():
            topic = re.sub(re.escape(name), " ", topic, flags=re.I)
        # the comparison's own words ("有什么不同") are not the topic and would steer the search
        topic = re.sub(r"有什么不同|有何不同|有什么区别|的区别|区别|不同|异同|一样吗|是否一致|一致吗|对比|比较|分别|各自|"
                       r"的规定|规定|要求|\b(compare|comparison|difference|differ|between|and|versus|vs)\b",
                       " ", topic, flags=re.I)
        citations, lines = [], []
        for c in cities:
            hits = self.retriever.search(topic, k=1, city=c, include_province=False).hits
            if not hits:
                lines.append(f"{c}：文件中没有找到相关规定。" if lang == "zh" else f"{c}: nothing found in its documents.")
                continue
            cit = self._hit_citation(hits[0], [topic, *analyse(topic).expansions])
            citations.append(cit)
            lines.append(f"{c}：《{cit.title}》{cit.clause}：“{cit.quote}”")
        verify(citations, self.corpus)
        head = "各地规定对照：\n" if lang == "zh" else "Side by side, each city's own clause:\n"
        return Answer(question=question, resolved_question=resolved, language=lang, answer=head + "\n".join(lines),
                      kind="comparison", refused=False, citations=tuple(citations),
                      warnings=tuple(status_warnings(self.corpus, citations, None, lang)))

    def _eligibility(self, question, resolved, q, lang, asked_city) -> Answer:
        from assistant.rules.eligibility import check_enterprise, enterprise_questions
        from assistant.router import areas_m2

        if asked_city not in ("临海市", "温州市", "慈溪市"):
            text = ("请先告诉我您想进入哪个城市的小微企业园（目前收录：温州市、临海市、慈溪市），我再逐条核对入园条件。"
                    if lang == "zh" else "Which city's park do you want to enter (Wenzhou, Linhai or Cixi)? "
                                         "Then I can check each entry criterion.")
            return Answer(question=question, resolved_question=resolved, language=lang, answer=text,
                          kind="eligibility", refused=False, follow_up=("拟入驻园区所在城市",))
        facts: dict = {"jurisdiction": asked_city}
        areas = areas_m2(resolved)
        if areas:
            facts["purchase_area_m2"] = areas[0]
        report = check_enterprise(facts)
        asks = enterprise_questions(facts)
        citations = tuple(dict.fromkeys(c for item in report.items for c in item.citations))
        verify(citations, self.corpus)
        lines = [f"· [{i.verdict.label_zh}] {i.message or i.criterion}" for i in report.items]
        text = (f"{asked_city}入园条件逐条核对（总体：{report.overall.label_zh}）：\n" + "\n".join(lines)
                + ("\n还需要您告诉我：\n" + "\n".join(f"- {a['question_zh']}" for a in asks) if asks else ""))
        if lang == "en":
            text = (f"Entry criteria for {asked_city}, one by one (overall: {report.overall.value}); "
                    f"the checklist is in Chinese:\n" + text)
        return Answer(question=question, resolved_question=resolved, language=lang, answer=text, kind="eligibility",
                      refused=False, citations=citations, city=asked_city,
                      warnings=tuple(dict.fromkeys([*report.warnings,
                                                    *status_warnings(self.corpus, citations, asked_city, lang)])),
                      check=report.model_dump(mode="json"), follow_up=tuple(a["question_zh"] for a in asks))

    def _lookup(self, question, resolved, q, lang, asked_city, city_filter) -> Answer:
        res = self.retriever.search(resolved, k=5, city=city_filter, query=q)
        if not res.hits:
            return self._refuse(question, resolved, lang, [], None, "没有找到相关条款")
        top_texts = [self._passage_text[h.clause_id] for h in res.hits[:3]]
        cov = self.coverage.measure(q, top_texts)
        elsewhere = None
        if city_filter:
            # the chosen city may be silent where another city is not: say so, and show the other city's clause
            wide = self.retriever.search(resolved, k=5, query=q)
            if wide.hits and wide.hits[0].city not in (city_filter, "浙江省"):
                wide_cov = self.coverage.measure(q, [self._passage_text[h.clause_id] for h in wide.hits[:1]])
                own_cov = self.coverage.measure(q, top_texts[:1])
                if wide_cov.score >= self.confidence_threshold and wide_cov.score > own_cov.score + 0.15:
                    res, cov, elsewhere = wide, wide_cov, wide.hits[0].city
        if cov.key_terms and cov.score == 0.0:
            # not one of the question's key terms (nor a synonym) occurs in the clauses found
            return self._refuse(question, resolved, lang, res.hits[:3], cov)
        low = cov.score < self.confidence_threshold
        terms = self._terms(q)
        chosen = [res.hits[0]]
        own = self.coverage.measure(q, [self._passage_text[res.hits[0].clause_id]]).score
        for h in res.hits[1:3]:
            # another document's clause joins only if it is nearly as good a match on rank and on key terms
            if h.score >= 0.8 * res.hits[0].score and h.doc_id not in {c.doc_id for c in chosen}:
                if self.coverage.measure(q, [self._passage_text[h.clause_id]]).score >= max(0.6, 0.9 * own):
                    chosen.append(h)
        citations = tuple(self._hit_citation(h, terms) for h in chosen)
        citations = tuple(dict.fromkeys((*citations, *self._cross_references(q, citations[0], terms, own))))
        verify(citations, self.corpus)
        if low:
            return self._uncertain(question, resolved, lang, citations[:1], cov, asked_city, city_filter)
        first = citations[0]
        if lang == "zh":
            text = f"根据《{first.title}》{first.clause}：“{first.quote}”"
            if elsewhere:
                text = f"{city_filter}的文件中没有找到这方面的规定。{elsewhere}的文件有相关规定（仅供参考）：\n" + text
            for c in citations[1:]:
                text += f"\n另见《{c.title}》{c.clause}：“{c.quote}”"
        else:
            text = f"According to 《{first.title}》, clause {first.clause}: “{first.quote}”"
            if elsewhere:
                text = (f"The {city_filter} documents say nothing on this; a {elsewhere} document does "
                        f"(for reference only):\n") + text
            for c in citations[1:]:
                text += f"\nSee also 《{c.title}》, clause {c.clause}: “{c.quote}”"
        return Answer(question=question, resolved_question=resolved, language=lang, answer=text, kind="lookup",
                      refused=False, citations=citations, city=asked_city or first.city,
                      warnings=tuple(status_warnings(self.corpus, citations, city_filter or asked_city, lang)),
                      coverage=cov.score)

    def _uncertain(self, question, resolved, lang, citations, cov: Coverage, asked_city, city_filter) -> Answer:
        """The clauses found lack the question's key words: cite the nearest one and say it may not answer."""
        first = citations[0]
        missing = "、".join(cov.missing[:4])
        if lang == "zh":
            text = (f"没有找到确定回答这个问题的条款（文件中没有出现“{missing}”等说法）。"
                    f"最接近的条款是《{first.title}》{first.clause}：“{first.quote}”——请核对它是否回答了您的问题。")
            note = f"置信度低：所引条款不含问题中的“{missing}”等关键词。"
        else:
            text = (f"No clause clearly answers this (the documents never mention: {missing}). The nearest is "
                    f"《{first.title}》, clause {first.clause}: “{first.quote}” — check whether it answers your question.")
            note = f"Low confidence: the clause cited lacks the question's key words ({missing})."
        return Answer(question=question, resolved_question=resolved, language=lang, answer=text, kind="lookup",
                      refused=False, citations=citations, city=asked_city or first.city, confidence="low",
                      warnings=(note, *status_warnings(self.corpus, citations, city_filter or asked_city, lang)),
                      coverage=cov.score)

    def _refuse(self, question, resolved, lang, hits, cov: Coverage | None, reason: str | None = None) -> Answer:
        terms = self._terms(analyse(resolved))
        related = tuple(self._hit_citation(h, terms) for h in hits)
        missing = "、".join((cov.missing if cov else ())[:4])
        # the signal is lexical: it says what was not found, not that nothing could be relevant
        if lang == "zh":
            text = "在现有文件中没有找到直接回答这个问题的条款" + \
                   (f"（文件中没有出现“{missing}”等说法）" if missing else "") + "。下列条款可能相关，请核对原文："
        else:
            text = ("No clause in the documents answers this directly" + (f" (they never mention: {missing})"
                                                                            if missing else "")
                    + ". The clauses below are possibly related; check the text.")
        return Answer(question=question, resolved_question=resolved, language=lang, answer=text, kind="not_covered",
                      refused=True, related=related, coverage=cov.score if cov else None)


def _fmt(v) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _single_city(citations) -> str | None:
    cities = {c.city for c in citations}
    return cities.pop() if len(cities) == 1 else None


def _city_names() -> list[str]:
    from assistant.query import _places

    covered, _ = _places()
    names = [n for ns in covered.values() for n in ns] + list(covered)
    return sorted(set(names), key=len, reverse=True)


def _last_turn(history) -> Turn | None:
    if not history:
        return None
    last = history[-1]
    if isinstance(last, Answer):
        return Turn(question=last.question, resolved_question=last.resolved_question, city=last.city)
    if isinstance(last, str):
        return Turn(question=last)
    if isinstance(last, dict):
        return Turn.model_validate(last)
    return Turn.model_validate(last, from_attributes=True)


_default: Assistant | None = None
_default_lock = threading.Lock()


def get_assistant() -> Assistant:
    global _default
    with _default_lock:
        retriever = get_retriever()
        if _default is None or _default.retriever is not retriever:
            _default = Assistant(retriever)
        return _default


def ask(question: str, history: list | None = None, city: str | None = None) -> Answer:
    """Answer one question; ``history`` is the earlier turns (Answers, dicts or strings)."""
    return get_assistant().ask(question, history=history, city=city)
