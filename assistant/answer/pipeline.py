"""The answer stage: a small pipeline that tries typed handlers in order.

eligibility (and its dialogue) → calculation → a yearly average of a stated sum → table → a place no document covers → a policy topic no clause mentions → comparison
→ knowledge point → clause lookup. The first handler that can handle the question and returns an answer wins.
The follow-up resolver runs first, so every surface (API, CLI, UI buttons, city filter) gets the same answer to
the same follow-up.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace

from assistant.answer.context import Context, Services
from assistant.answer.followup import last_turn, resolve, with_both_cities, with_pointer_resolved, with_figure_restated
from assistant.answer.frame import NUMERIC, TIME, answer_types, as_room_group, asks_leave, frame, with_typos_fixed, without_preamble
from assistant.answer.handlers.base import Handler, build, source_line
from assistant.answer.handlers.average import AverageHandler
from assistant.answer.handlers.calculation import CalculationHandler
from assistant.answer.handlers.comparison import ComparisonHandler
from assistant.answer.handlers.eligibility import EligibilityHandler
from assistant.answer.handlers.knowledge import KnowledgeHandler, content_words
from assistant.answer.handlers.lookup import LookupHandler
from assistant.answer.handlers.park_check import ParkCheckHandler
from assistant.answer.handlers.refusals import (CitedDocumentHandler, ClarifyHandler, MentionedTopicHandler, PlaceHandler,
                                                TopicHandler)
from assistant.answer.handlers.table import TableHandler
from assistant.answer.models import Answer
from assistant.answer.span_sum import total, total_line
from assistant.coverage import CoverageModel
from assistant import textin
from assistant.errors import QueryError
from assistant.jurisdictions import resolve_city
from assistant.knowledge.bank import knowledge_stamp, load_bank
from assistant import words
from assistant.knowledge.index import KnowledgeIndex
from assistant.messages import text
from assistant.retriever import Retriever, get_retriever
from assistant.topics import TopicCatalogue, TopicCoverage


_SPACE_AFTER_NE = re.compile(r"呢[ \t\u3000]+(?=[\u4e00-\u9fff])")
_ADDS_TO_PREVIOUS = re.compile(r"再加上|再加|还要加|加上|plus|add(?:ing)? (?:in|on)?|if you (?:also )?count", re.I)


def handlers() -> list[Handler]:
    # the eligibility dialogue comes before the calculators: a reply in it ("投产2025年3月1日，亩均达标") states
    # facts for the check, not a deadline to compute
    # a park project's several figures before the calculator of any one of them
    return [ClarifyHandler(), PlaceHandler(), EligibilityHandler(), ParkCheckHandler(), CalculationHandler(),
            AverageHandler(), TableHandler(),
            TopicHandler(), MentionedTopicHandler(), CitedDocumentHandler(), ComparisonHandler(), KnowledgeHandler(), LookupHandler()]


def load_services(retriever: Retriever, progress=None) -> Services:
    corpus = retriever.corpus
    passages = retriever.index.passages
    bank = load_bank(corpus=corpus)
    root = retriever.index.folder.parent.parent
    kindex = KnowledgeIndex(bank, retriever.encoder, root=root, progress=progress)
    words.prepare()   # the word table, once per machine: built with the index, not during the first answer
    texts = {p.clause_id: p.text for p in passages}
    by_place: dict[str, list[str]] = {}
    for doc in corpus.documents:
        by_place.setdefault(doc.meta.city, []).extend(c.text for c in doc.clauses)
    return Services(corpus=corpus, retriever=retriever, bank=bank, kindex=kindex,
                    coverage=CoverageModel(list(texts.values())),
                    topics=TopicCoverage(TopicCatalogue.load(), list(texts.values()), by_place=by_place),
                    passage_text=texts)


# a part that only asks for a figure, with no thing of its own ("那得留多大", "要交多少钱")
_BARE_ASK = re.compile(r"^(?:那|那么)?(?:得|要|还|就)?(?:留|交|缴|付|买|建|盖|算|拿|给)?(?:多大|多少|几|多久|啥|什么)"
                       r"\S{0,2}?[？?]?$")

class Assistant:
    """Loaded once (model, indexes, corpus, knowledge bank); ``ask`` is thread-safe."""

    def __init__(self, retriever: Retriever | None = None, services: Services | None = None, progress=None):
        self.retriever = retriever or get_retriever()
        self.corpus = self.retriever.corpus
        self.knowledge_stamp = knowledge_stamp()
        self.services = services or load_services(self.retriever, progress)

    def ask(self, question: str, history: list | None = None, city: str | None = None) -> Answer:
        question = textin.question(question)   # the input boundary: bad characters, escapes, length
        city = textin.field(city, "city", error=QueryError) if isinstance(city, str) else city
        answer = self._answer(question, history, city)
        return self._maybe_rephrase(answer)

    def _provision_of(self, history: list) -> str | None:
        """The knowledge point the conversation is about: the last turn's own; for a calculation the point that
        states the rule the calculator applied (so "那温州呢？" after a fee computed for 临海 looks for 温州's fee);
        for a turn answered from a clause alone, the provision of the turn before it in the same city."""
        city = None
        for i in range(len(history), 0, -1):
            turn = last_turn(history[:i])
            if city is not None and turn.city != city:
                return None
            if turn.not_covered_kind == "different_quantity" and self._qualified_away(turn):
                # "那普通企业最少得买多少平" refused with 温州's 优质企业 cap as the nearest quantity: the conversation is
                # about what the user asked, which no provision states — not about that near miss
                return None
            city = turn.city
            if turn.topic == "contact" and (turn.not_covered_kind or not turn.knowledge_point):
                return None   # "联系人是谁" answered "none named here": the contact is asked, no earlier provision
            if turn.knowledge_point:
                return turn.knowledge_point
            if turn.kind == "table":
                # a plan table's cell ("How much land is Yueqing supposed to provide?") is what the conversation is
                # about, not a provision of a turn before it (温州's park count target)
                return None
            if turn.calculator:
                stating = self._points_stating(turn.calculator)
                # of a calculation with several rules (start and completion deadlines), the one the turn named
                # ("竣工验收呢": the completion's), else the first
                said = content_words(turn.resolved_question or turn.question)

                def named(bp) -> int:
                    own = " ".join((bp.point.subject_zh, *bp.point.answer_spans))
                    return sum(w in own for w in said)
                return max(stating, key=named).point.id if stating else None
        return None

    def _qualified_away(self, turn) -> bool:
        """Whether a turn refused as another quantity asked of one qualifier of a thing (普通企业) its point states for
        the other (优质企业): the point is not what the user asked about, only what it was told apart from."""
        from assistant.answer.frame import other_qualifier

        if not turn.knowledge_point or turn.knowledge_point not in self.services.bank:
            return False
        bp = self.services.bank.get(turn.knowledge_point)
        return other_qualifier(turn.resolved_question or turn.question, " ".join((bp.point.subject_zh, *bp.point.answer_spans)))

    def _points_stating(self, calculator: str) -> list:
        """The knowledge points that state a rule ``calculator`` applies."""
        from assistant.rules.calculators import REGISTRY

        calc = REGISTRY.get(calculator)
        params = set(calc.params) if calc else set()
        return [bp for bp in self.services.bank.points if params & set(bp.point.params)]

    def _calculator_words(self, calculator: str) -> str:
        """The subjects and spans of every point stating a rule ``calculator`` applies: a calculation answers all of
        them at once (临海's start and completion deadlines), so "…开工、竣工时限…" after it names nothing new."""
        return " ".join(w for bp in self._points_stating(calculator)
                        for w in (bp.point.subject_zh, bp.point.subject_en, *bp.point.answer_spans))

    def _provision_words(self, point_id: str | None, question: str) -> str:
        """What the conversation's provision is about, in its own words (subject, English subject, spans)."""
        if not point_id or point_id not in self.services.bank:
            return ""
        bp = self.services.bank.get(point_id)
        # a yes/no ("温州也有吗", "Does Wenzhou cap that too?") is how any switch is asked, not a kind of its own; leave
        # asked with a modal verb ("那慈溪呢，能预售不" after 温州's presale threshold) is
        asked = [t for t in answer_types(question) if t != "permission" or asks_leave(question)]
        family = TIME if bp.point.answer_type in TIME else {bp.point.answer_type}   # "期限" asks a "6个月内"
        if asked and not family & set(asked[:2]):
            return ""   # "温州也要公示吗，几天" after who approves: the turn asks a kind of fact of its own
        return " ".join((bp.point.subject_zh, bp.point.subject_en, *bp.point.answer_spans))

    def _answer(self, question: str, history: list | None, city: str | None, expand_parts: bool = True) -> Answer:
        from assistant.query import analyse

        analyse(question)  # an empty or wordless question is a clear error here, before anything else
        if city is not None:
            known = self.corpus.cities()
            resolved_city = resolve_city(city)
            if resolved_city not in known:
                raise QueryError(f"未知的城市“{city}”，可选：{'、'.join(known)}",
                                 f"unknown city {city!r}; choose one of {', '.join(known)}", field="city")
            city = resolved_city
        previous = last_turn(history)
        provision = self._provision_of(history) if previous else None
        asked = without_preamble(question)   # "Journalist here. …": who asks is not what is asked
        asked = with_typos_fixed(asked)      # "能准让出去" is 转让
        asked = as_room_group(asked)         # "办公楼食堂宿舍这些" are the 非生产性用房 the documents speak of
        asked = with_both_cities(asked, history)   # "两市…分别如何规定": the conversation's two cities
        asked = with_pointer_resolved(asked, history)   # "这种房子": the words an earlier turn named it with
        asked = _SPACE_AFTER_NE.sub("呢，", asked)  # "那温州呢 计划建多少个": a space typed for a comma
        provision_words = self._provision_words(provision, asked)
        if provision_words and previous.calculator:
            provision_words = " ".join((provision_words, self._calculator_words(previous.calculator)))
        standard = self.services.bank.get(provision).point.standard if provision in self.services.bank else ""
        r = resolve(asked, previous, provision_words, standard)
        if r.kind == "city" and provision in self.services.bank \
                and self.services.bank.get(provision).point.answer_type in NUMERIC | TIME:
            # "临海呢，也是2.0吗" after whether 温州's plot ratio has exceptions: the provision's figure asked of the new
            # city — when the provision is that figure (an exception's point that repeats "5年内" is not: the city
            # switch finds its sibling)
            r = with_figure_restated(r, asked, previous, provision_words, self.services.bank.get(provision).point.standard)
        # (the handlers read the question as put right — "旧厂改照的呢" is 改造 in every word they take from it; the
        # answer keeps it as asked)
        f = frame(with_typos_fixed(question), r.text, chosen_city=city, inherited_city=r.inherited_city,
                  history_topic=r.topic)
        if f.city is None and (kind_city := self._city_of_document_kind(f.text)) is not None:
            # "该通知第二项要求…": no place named, but one document of the corpus is a 通知 — its place is asked
            f = replace(f, city=kind_city, city_source="named")
        f.extra["bare_city"] = r.kind == "bare_city"
        f.extra["previous_city"] = r.previous_city
        f.extra["negated"] = r.negated
        # "那温州呢？": the provision the conversation was about, to be looked for in the new city
        f.extra["switched_from"] = provision if r.kind == "city" else None
        f.extra["provision"] = provision
        # "其他地方呢": the provision compared across the cities
        f.extra["compare_with"] = provision if r.kind == "across" else None
        ctx = Context(frame=f, services=self.services, previous=previous)
        answer = self._run_handlers(ctx, history, expand_parts)
        if r.kind == "case":
            answer = self._case_not_stated(ctx, answer)
        answer = self._with_total(answer, question, previous, self.services.bank)
        return answer if answer.question == question else answer.model_copy(update={"question": question})

    # the kind of document a pointing word names ("该通知", "这个通知"): the last word of a document's title
    _POINTED_KIND = re.compile(r"(?:该|此|本|上述|这个|这份|这一|那个|那份)(通知|实施意见|方案|答复)")

    def _city_of_document_kind(self, text: str) -> str | None:
        """The place of the one corpus document whose title ends with the kind of document a turn points at
        ("该通知" → the province's notice); None when no kind is pointed at, or several documents are of it."""
        m = self._POINTED_KIND.search(text)
        if m is None or text.count(m.group(1)) > 1:
            return None   # "乡镇出台的…实施方案…这个方案报给谁": the plan pointed at is the one just named (review 35)
        cities = {d.meta.city for d in self.corpus.documents
                  if re.sub(r"[（(][^）)]*[）)]$", "", d.meta.title).endswith(m.group(1))}
        return cities.pop() if len(cities) == 1 else None

    def _case_not_stated(self, ctx: Context, answer: Answer) -> Answer:
        """"旧厂改的呢" after 温州's share for new parks: a point that states the rule only for the other case of the
        pair (its subject says 新建) does not answer the case asked — (e), with what it does state."""
        from assistant.answer.frame import other_qualifier
        from assistant.answer.handlers.knowledge import KnowledgeHandler

        bank = self.services.bank
        if answer.refused or answer.knowledge_point not in bank:
            return answer
        bp = bank.get(answer.knowledge_point)
        if not other_qualifier(ctx.frame.text, " ".join((bp.point.subject_zh, *bp.point.answer_spans))):
            return answer
        return KnowledgeHandler()._not_stated(ctx, bp, template="knowledge.not_stated_case")

    @staticmethod
    def _with_total(answer: Answer, question: str, previous, bank) -> Answer:
        """"建好的加上在建的一共多少个": the provision's figures the question names, added up, as the first line. A
        follow-up adding to the previous question ("再加上2019年打算建的") names the earlier figures there."""
        adds = previous is not None and bool(_ADDS_TO_PREVIOUS.search(question))
        if answer.refused or answer.kind != "lookup" or (len(answer.citations) < 2 and not adds):
            return answer
        said, spans = question, [c.quote for c in answer.citations]
        if adds:
            said = f"{previous.resolved_question or previous.question} {question}"
            if previous.knowledge_point in bank:
                # "Adding the ones under construction, how many is that?" after the parks built: the earlier
                # answer's figure is one of those added (conversations_dev36)
                spans = [*bank.get(previous.knowledge_point).point.answer_spans, *spans]
        found = total(said, spans)
        if found is None:
            return answer
        line = total_line(found, answer.language)
        return answer.model_copy(update={"direct": f"{line}\n{answer.direct}", "answer": f"{line}\n{answer.answer}"})

    def _run_handlers(self, ctx: Context, history: list | None, expand_parts: bool) -> Answer:
        f = ctx.frame
        unread: QueryError | None = None
        for h in handlers():
            try:
                if not h.can_handle(ctx):
                    continue
            except QueryError as exc:
                # a number that cannot be read for sure ("1,2000", "两三百万"): nothing is computed with it, and the
                # answer says which number and asks for it — after the rule itself, when another handler states it
                # ("…一年交税两三百万，最多能买多大" → 温州's 2万㎡ cap with its conditions, then the question back)
                unread = unread or exc
                continue
            answer = h.run(ctx)
            if answer is not None:
                if answer.kind in ("calculation", "comparison", "table") and len(f.parts) > 1 and expand_parts:
                    answer = self._with_other_parts(ctx, answer, history)
                if unread is not None:
                    asked = unread.message if f.language == "zh" else unread.message_en
                    if answer.refused or not answer.knowledge_point:
                        # (a clause found by its words alone is no rule the number was meant for: "临海 1,2000")
                        break
                    return answer.model_copy(update={"direct": f"{answer.direct}\n{asked}",
                                                     "answer": f"{answer.answer}\n{asked}"})
                return answer
        if unread is not None:
            return build(ctx, kind="clarify", direct=unread.message if f.language == "zh" else unread.message_en)
        return build(ctx, kind="not_covered", direct=text("refuse.nothing_found", f.language), refused=True)

    def _with_other_parts(self, ctx: Context, computed: Answer, history: list | None) -> Answer:
        """"开工审批最多多少天？总投资2个亿，投到多少能办预售证": the calculator answers the part with figures; each
        part it does not compute is answered on its own, in the same city, and its line added. The same for a plan
        table's answer and for a comparison ("两市容积率下限分别是多少？临海对建筑密度另有何要求？"): a part about one city is answered on its own."""
        from assistant.query import places_in
        from assistant.router import is_comparison, route_calculation
        from assistant.tables import lookup as table_lookup

        f = ctx.frame
        city = f.city if f.city != "浙江省" else None
        lines, citations, notes = [computed.direct], list(computed.citations), list(computed.warnings)
        for part in f.parts:
            if computed.kind == "calculation" and route_calculation(part, city) is not None:
                continue
            if computed.kind == "calculation" and _BARE_ASK.match(part.strip()):
                continue   # "我们园总建筑面积8万平，那得留多大": the computed figure is what it asks
            read = table_lookup(ctx.services.corpus, part) if computed.kind == "table" else None
            if read is not None and read.headline(f.language) in computed.direct:
                continue   # "…建设用地总量是多少？其中2019年全市计划开工多少亩？": the part the plan table read
            named = places_in(part)[0]
            if computed.kind == "comparison" and (not named or is_comparison(part, named)):
                continue   # the comparison itself; a part naming no city is one of its own words
            sub = self._answer(part if f.city is None or f.city.rstrip("市省") in part else f"{f.city}{part}", history, None,
                               expand_parts=False)   # a part is answered as itself, never split again
            if sub.refused or sub.kind == "calculation":
                continue
            if sub.kind == "table" and set(re.findall(r"\d+", sub.direct)) <= set(re.findall(r"\d+", "\n".join(lines))):
                continue   # the same plan figure read again ("2800亩")
            lines.append(sub.direct)
            citations += [c for c in sub.citations if c not in citations]
            notes += [w for w in sub.warnings if w not in notes]
        if len(lines) == 1:
            return computed
        direct = "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
        after = computed.answer[len(computed.direct):] if computed.answer.startswith(computed.direct) \
            else "\n".join(computed.answer.splitlines()[1:])   # a comparison's direct part has several lines
        body = [line for line in after.splitlines() if line]
        return computed.model_copy(update={
            "direct": direct, "citations": tuple(citations), "warnings": tuple(notes),
            "answer": "\n".join([direct, *body, *(source_line(c, f.language) for c in citations[len(computed.citations):])])})

    def _maybe_rephrase(self, answer: Answer) -> Answer:
        """Generated wording when an endpoint is configured and its text verifies; else unchanged."""
        from assistant import llm

        config = llm.LLMConfig.from_env()
        if config is None or answer.refused or answer.kind not in ("lookup", "comparison") or not answer.citations:
            return answer
        texts = [self.corpus.clause(c.doc_id, c.clause).text for c in answer.citations]
        generated = llm.rephrase(answer.resolved_question, list(answer.citations), texts, config)
        if generated is None:
            return answer
        return answer.model_copy(update={"answer": generated, "wording": "generated"})


_default: Assistant | None = None
_default_lock = threading.Lock()


def get_assistant(progress=None) -> Assistant:
    """The process's assistant (built once per corpus and knowledge version). ``progress(done, total)`` is called
    while the knowledge bank's questions are embedded (the first start on a machine takes minutes)."""
    global _default
    with _default_lock:
        retriever = get_retriever()
        if _default is None or _default.retriever is not retriever or _default.knowledge_stamp != knowledge_stamp():
            _default = Assistant(retriever, progress=progress)  # a new corpus, or a knowledge file changed (a question was added)
        return _default


def ask(question: str, history: list | None = None, city: str | None = None) -> Answer:
    """Answer one question; ``history`` is the earlier turns (Answers, Turns, dicts or strings)."""
    return get_assistant().ask(question, history=history, city=city)
