"""Honest refusals that need no search: a place no document covers (d), a policy topic no clause mentions."""

from __future__ import annotations

import re

from assistant.answer.cited import asked_cited, cited_titles, names_closely
from assistant.answer.context import Context
from assistant.answer.frame import asks_doc_number, asks_in_force
from assistant.answer.handlers.base import build
from assistant.answer.models import Answer
from assistant.answer.reader import best_sentence, citation, place_tag
from assistant.errors import AssistantError
from assistant.jurisdictions import registry
from assistant.messages import text
from assistant.quantities import find_quantities


def related(ctx: Context, k: int = 3):
    """The nearest clauses, shown only as "possibly related" beside a refusal."""
    try:
        hits = ctx.clause_hits()[:k]
    except AssistantError:
        return []
    terms = [ctx.frame.query.text, *ctx.frame.query.expansions]
    out = []
    for h in hits:
        doc, clause = ctx.services.corpus.document(h.doc_id), ctx.services.corpus.clause(h.doc_id, h.clause)
        out.append(citation(doc, clause, best_sentence(clause, terms, ctx.frame.asks)))
    return out


class PlaceHandler:
    """A question about a place no document covers (杭州, 三门县 before its first document) is refused, naming it."""

    name = "place"

    def can_handle(self, ctx: Context) -> bool:
        f = ctx.frame
        if not f.query.uncovered_places or f.city_source == "chosen":
            return False
        if f.types[:1] == ("contact",) and _PROVINCE_DOCUMENT.search(f.question.lower()) and all(
                any(registry().short(n) in span for bp in ctx.services.bank.points if bp.point.answer_type == "contact"
                    for span in bp.point.answer_spans)
                for n in f.query.uncovered_places):
            # "The provincial notice lists a contact in Hangzhou — what are the address and the phone number?": the
            # place is where the province's contact sits (地址：杭州市体育场路479号), not a place asked about; a
            # contact asked of the place itself ("杭州小微园政策文件的联系电话", "宁波市小微园通知的联系人") is refused
            return False
        return not f.named_cities or _uncovered_place_asked(f.question, f.query.uncovered_places)

    def run(self, ctx: Context) -> Answer:
        f = ctx.frame
        if f.language == "en":
            reg = registry()
            places = ", ".join(reg.english(p) for p in f.query.uncovered_places)
            covered = ", ".join(reg.english(c) for c in ctx.services.corpus.cities())
        else:
            places = "、".join(f.query.uncovered_places)
            covered = "、".join(ctx.services.corpus.cities())
        direct = text("refuse.place", f.language, places=places, covered=covered)
        return build(ctx, kind="not_covered", direct=direct, refused=True, related=related(ctx), coverage=0.0,
                     not_covered_kind="place", city=None, city_source=None)


# the province's notice named in the question (its contact is asked, wherever it sits)
_PROVINCE_DOCUMENT = re.compile(r"省(?:里|级)?的?(?:通知|文件)|浙江省?的?(?:通知|文件)|\b(?:provincial|province'?s?|zhejiang'?s?)\b"
                                r"(?:\s+\w+){0,4}\s+(?:notice|document|letter)\b")


def _uncovered_place_asked(question: str, uncovered: tuple[str, ...]) -> bool:
    """A covered city is named too, but the question is about the uncovered place: its own rules ("What are Yuyao's
    own rules…"), or the place's rules compared with the covered city's ("余姚那边…有啥补贴，跟慈溪一样不"). A firm
    from there asks about the covered city whose park it enters ("我们公司在余姚那边，想进慈溪的小微园…").

    >>> _uncovered_place_asked("余姚那边有啥补贴，跟慈溪一样不", ("余姚市",))
    True
    >>> _uncovered_place_asked("Cixi officials went to Yuyao. What are Yuyao's own rules?", ("余姚市",))
    True
    >>> _uncovered_place_asked("我们公司在余姚那边，想进慈溪的小微园，要满足什么条件", ("余姚市",))
    False
    >>> _uncovered_place_asked("Our firm is in Yuyao's Simen town. Can a new park in Cixi be pre-sold?", ("余姚市",))
    False
    """
    t = question.lower()
    covered = [n.lower() for j in registry().mentioned(question) if j.name not in uncovered for n in j.names]
    compared = any(re.search(r"(?:跟|和|与|同|比|像)\s*" + re.escape(n) + r"(?:市)?\s*(?:一样|相比|比|那样|差不多|一致|是不是)", t)
                   or re.search(r"\b(?:like|as in|compared with|compared to|same as)\s+" + re.escape(n), t)
                   for n in covered)
    for name in uncovered:
        j = registry().resolve(name)
        names = [n.lower() for n in (j.names if j else (name,))]
        if any(re.search(re.escape(n) + r"(?:'s own|’s own|自己的)", t) for n in names):
            return True
        if compared and any(re.search(re.escape(n) + r"(?:那边|的|'s|’s)", t) for n in names):
            return True
    return False


class TopicHandler:
    """A policy topic that no clause mentions (社保, 个税, 按揭 …): refused, naming the user's own word. A topic only
    other places' documents mention, asked of a city the user named (温州's 宿舍水费: only 临海 prices utilities): (a),
    the other places' sentences naming it shown for contrast."""

    name = "topic"

    def can_handle(self, ctx: Context) -> bool:
        f, topics = ctx.frame, ctx.services.topics
        self._missing, self._elsewhere = topics.uncovered(f.text), False
        if not self._missing and f.city and f.city_source in ("named", "chosen") and f.language == "zh":
            # only a charge or a figure asked of the topic itself ("温州宿舍水费怎么收", "…毛利率按多少"): a topic word
            # said in passing ("用水用电的数据要不要共享", "地下车位要交出让金吗") is no topic asked
            asked = _figure_part(f.text)
            if _FEE_ASKED.search(asked) or _CHARGE_HOW.search(asked) or (f.asks_figure and f.asks in ("amount", "rate")):
                self._missing = topics.elsewhere(asked, ctx.services.applicable(f.city))
                self._elsewhere = bool(self._missing)
        return bool(self._missing)

    def run(self, ctx: Context) -> Answer:
        f = ctx.frame
        mentions = self._missing
        if self._elsewhere:
            return self._only_elsewhere(ctx, mentions)
        if f.language == "zh":
            names = "、".join(m.label for m in mentions)
        else:
            names = ", ".join(f"{m.said if m.said.isascii() else (m.topic.en or (m.topic.topic,))[0]} ({m.topic.topic})"
                              for m in mentions)
        direct = text("refuse.topic", f.language, names=names)
        return build(ctx, kind="not_covered", direct=direct, refused=True, related=related(ctx), coverage=0.0,
                     not_covered_kind="topic_absent", uncovered_topics=tuple(m.topic.topic for m in mentions))

    @staticmethod
    def _only_elsewhere(ctx: Context, mentions) -> Answer:
        """(a) in Chinese (can_handle asks it only of a Chinese question): the other places' sentences naming it."""
        f, svc = ctx.frame, ctx.services
        here = svc.applicable(f.city)
        names = [n for m in mentions for n in m.topic.names]
        said = [(doc, clause, span) for doc, clause, _, span in _sentences_naming(svc.corpus, names, None)
                if doc.meta.city not in here]
        quotes = [citation(doc, clause, span) for doc, clause, span in said][:2]
        direct = text("refuse.topic_elsewhere", f.language, names="、".join(m.label for m in mentions), place=f.city)
        return build(ctx, kind="not_covered", direct=direct, refused=True, related=quotes, coverage=0.0,
                     not_covered_kind="other_city", uncovered_topics=tuple(m.topic.topic for m in mentions))


class MentionedTopicHandler:
    """A figure asked of a policy topic the documents only name in passing ("环评收费标准是多少": 环评 is one of the
    procedures whose approval is to be sped up): (b), quoting where it is named — never the nearest clause's figure.
    Only when no sentence naming it states a quantity and no knowledge point is about it."""

    name = "mentioned_topic"

    def can_handle(self, ctx: Context) -> bool:
        f = ctx.frame
        if f.language != "zh":
            return False
        asked = _figure_part(f.text)
        if not ((f.asks_figure and f.asks in ("amount", "rate")) or _FEE_ASKED.search(asked)):
            return False   # a fee or charge asked; a period of a named procedure has other rules (温州 18.)
        svc = ctx.services
        here = svc.applicable(f.city) if f.city else None
        self._found = []
        for m in svc.topics.catalogue.mentions(asked):
            names = m.topic.names
            if any(n in bp.point.subject_zh.lower() for bp in svc.bank.points for n in names):
                return False   # a provision about it: the knowledge points answer
            said = _sentences_naming(svc.corpus, names, here)
            if not said or any(_states_a_charge(sentence) for _, _, sentence, _ in said):
                return False
            self._found.append((m, said))
        return bool(self._found)

    def run(self, ctx: Context) -> Answer:
        f = ctx.frame
        names = "、".join(m.label for m, _ in self._found)
        quotes = [citation(doc, clause, span) for _, said in self._found for doc, clause, _, span in said][:3]
        doc = next(d for _, said in self._found for d, *_ in said)
        place = place_tag(doc.meta.city, ctx.services.status(doc.id), f.language)
        return build(ctx, kind="not_covered", direct=text("refuse.topic_mentioned", f.language, names=names, place=place),
                     refused=True, citations=quotes, not_covered_kind="no_figure", coverage=0.0,
                     city=f.city or (quotes[0].city if quotes else None))


def _figure_part(question: str) -> str:
    """The part of the question that asks the figure (the last that does), where the topic must be named."""
    parts = [p for p in re.split(r"[，,；;。？?！!]", question) if p.strip()]
    asking = [p for p in parts if _FIGURE_WORD.search(p)]
    return asking[-1] if asking else question


_CHARGE_HOW = re.compile(r"(?:怎么|咋|如何|怎样)(?:收|交|缴|算|计价|收费)|按(?:什么|啥|多少)")
_FEE_ASKED = re.compile(r"(?:收费|费用|价格)(?:标准)?(?:是|要|得)?(?:多少|几)|(?:交|收|付)多少钱")
_FIGURE_WORD = re.compile(r"多少|几|多大|多久|多长|标准是|比例")


def _sentences_naming(corpus, names, cities):
    """(document, clause, sentence, span in the clause) of each sentence of the corpus naming one of ``names``."""
    out = []
    for doc in corpus.documents:
        if cities is not None and doc.meta.city not in cities:
            continue
        for clause in doc.clauses:
            low = clause.text.lower()
            if not any(n in low for n in names):
                continue
            start = 0
            for piece in re.split(r"(?<=[。；;])", clause.text):
                if any(n in piece.lower() for n in names):
                    s = start + len(piece) - len(piece.lstrip())
                    out.append((doc, clause, piece, (s, start + len(piece.rstrip("。；; \n")))))
                start += len(piece)
    return out


# "均按照居民生活用水、用电、用气标准计价": a basis stated for the charge, no figure needed
_BASIS_STATED = re.compile(r"按(?:照)?[^，。；]{0,24}(?:标准|价格|价)(?:计价|执行|收取|缴纳|计算|核定)")


def _states_a_charge(sentence: str) -> bool:
    """A charge's figure or basis: money (元, 万元/亩…) or 按…标准计价 — 温州 18.'s 100天 for approvals is no fee."""
    if _BASIS_STATED.search(sentence):
        return True
    try:
        return any(q.unit and ("元" in q.unit or q.unit in ("%", "‰")) for q in find_quantities(sentence, field=None))
    except AssistantError:
        return True


class CitedDocumentHandler:
    """The number (文号) of a document the corpus only cites by title, or the date it takes effect: said to be absent,
    quoting the citation, never answered with the citing document's own number or date."""

    name = "cited_document"

    def can_handle(self, ctx: Context) -> bool:
        f = ctx.frame
        # only a number or the date it takes effect is surely missing: a citing text may still say when it was made
        # ("去年制定的") or who made it
        self._in_force = asks_in_force(f.text) and not asks_doc_number(f.text)
        if not (asks_doc_number(f.text) or self._in_force):
            return False
        self._cited = asked_cited(f.text, ctx.services.corpus, cited_titles(ctx.services.corpus))
        if self._cited is not None and self._in_force and not names_closely(f.text, self._cited):
            return False   # a date in force of another document, with common words of this title: not this one
        return self._cited is not None

    def run(self, ctx: Context) -> Answer:
        f, corpus, cited = ctx.frame, ctx.services.corpus, self._cited
        doc, clause = corpus.document(cited.doc_id), corpus.clause(cited.doc_id, cited.clause)
        start = clause.text.find(f"《{cited.title}》")
        quote = citation(doc, clause, (start, start + len(cited.title) + 2))
        direct = text("refuse.cited_document_in_force" if self._in_force else "refuse.cited_document", f.language,
                      title=cited.title,
                      place=place_tag(doc.meta.city, doc.meta.status, f.language))
        return build(ctx, kind="not_covered", direct=direct, refused=True, citations=[quote],
                     not_covered_kind="no_figure", city=doc.meta.city)


class ClarifyHandler:
    """"那温州呢？" with nothing before it and no topic in sight: ask what about the city, do not guess."""

    name = "clarify"

    def can_handle(self, ctx: Context) -> bool:
        return bool(ctx.frame.extra.get("bare_city")) and ctx.previous is None

    def run(self, ctx: Context) -> Answer:
        f = ctx.frame
        direct = text("clarify.topic", f.language, city=f.city or "")
        return build(ctx, kind="clarify", direct=direct, follow_up=("想了解的事项",))
