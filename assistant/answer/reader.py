"""The typed reader: the direct line of an answer, built only from verbatim spans (and, in English, from the figures
the quantity parser reads in them), and the quotes that stand behind it.

For a knowledge point the spans are given; for a clause with no knowledge point (an uploaded document) the reader
picks the sentence by the kind of fact asked (a deadline question gets the sentence with the date, "电话多少" the
phone number), never by a number that happens to equal a clause label or a list ordinal.
"""

from __future__ import annotations

import re
import unicodedata

from assistant import formatting
from assistant.answer.frame import NUMERIC, TIME
from assistant.corpus import Corpus
from assistant.jurisdictions import registry
from assistant.knowledge.bank import BoundPoint
from assistant.models import Citation, Clause, Document, Span, Status
from assistant.quantities import find_dates, find_quantities

# A quote longer than this is split per span instead of covering the text between them (measured: the median
# knowledge point's spans cover 60 characters; a whole clause quoted in the chat is the wall users complained of).
MAX_QUOTE_CHARS = 240

PERMISSION_ZH = {"yes": "可以", "no": "不可以", "conditional": "有条件"}
PERMISSION_EN = {"yes": "Yes", "no": "No", "conditional": "Only under conditions"}
STATUS_EN = {Status.in_force: "in force", Status.draft: "draft for comment, not in force",
             Status.reply_letter: "reply letter, not a rule", Status.notice_expired: "notice, deadlines passed",
             Status.repealed: "repealed"}

_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


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


def citation(doc: Document, clause: Clause, span: tuple[int, int] | None = None) -> Citation:
    s, e = span if span else (len(clause.text) - len(clause.text.lstrip()), len(clause.text.rstrip()))
    return Citation(doc_id=doc.id, source_file=doc.meta.source_file, title=doc.meta.title, clause=clause.label,
                    quote=clause.text[s:e], span=Span(start=clause.span.start + s, end=clause.span.start + e),
                    status=doc.meta.status, city=doc.meta.city)


# ---------------------------------------------------------------- knowledge points

def point_citations(bp: BoundPoint, corpus: Corpus) -> list[Citation]:
    """The point's spans as quotes: one covering them all when they sit close together, else one per span."""
    doc = corpus.document(bp.doc_id)
    clause = corpus.clause(bp.doc_id, bp.point.clause)
    found = sorted((clause.text.find(s), clause.text.find(s) + len(s)) for s in bp.point.answer_spans)
    start, end = found[0][0], max(e for _, e in found)
    if end - start <= MAX_QUOTE_CHARS:
        return [citation(doc, clause, (start, end))]
    return [citation(doc, clause, span) for span in found]


def place_tag(city: str, status: Status, lang: str) -> str:
    """``临海市（征求意见稿）`` / ``Linhai (draft for comment, not in force)``; nothing for a document in force."""
    if lang == "en":
        name = registry().english(city)
        return name if status is Status.in_force else f"{name} ({STATUS_EN[status]})"
    return city if status is Status.in_force else f"{city}（{status.label_zh}）"


def point_direct(bp: BoundPoint, status: Status, lang: str, with_place: bool = True,
                 spans: tuple[str, ...] | None = None) -> str:
    """The direct line of a knowledge point: its spans (zh; ``spans``: those of them not said before), or its subject
    and figures (en)."""
    kp = bp.point
    tag = place_tag(bp.city, status, lang) + ("：" if lang == "zh" else ": ") if with_place else ""
    if lang == "zh":
        lead = f"{PERMISSION_ZH[kp.permission]}——" if kp.permission else ""
        return tag + lead + "；".join(kp.answer_spans if spans is None else spans)
    # a document number or a year inside a list or a statement is not "the figure": quote the words instead
    figures = english_figures(kp.answer_spans) if kp.answer_type in NUMERIC | TIME else ""
    lead = f"{PERMISSION_EN[kp.permission]} — " if kp.permission else ""
    if figures:
        return f"{tag}{lead}{kp.subject_en}: {figures}"
    return f"{tag}{lead}{kp.subject_en}: “{'；'.join(kp.answer_spans)}”"


_REFERENCE = re.compile(r"附件|第|〔|\[")
# …also with a share's base between ("不少于土地出让金总额的10%": at least 10%)
_AT_LEAST = re.compile(r"(不低于|不得低于|不少于|达到|至少|最低)(?:[^\d，,。；、]{1,10}的)?\s*$")
_AT_MOST = re.compile(r"(不超过|不得超过|不高于|控制在|最高|最多|放宽至)(?:[^\d，,。；、]{1,10}的)?\s*$")


def _bound(span: str, start: int, end: int) -> str:
    """"at least " / "at most " / "within " from the words around a figure (不低于…, …以上, …以内).

    >>> span = "但总额不少于土地出让金总额的10%"
    >>> _bound(span, span.index("10"), len(span)), _bound("达到10%", 2, 5)
    ('at least ', 'at least ')
    """
    before, after = span[max(0, start - 16):start], span[end:end + 2]
    if _AT_LEAST.search(before) or after.startswith("以上"):
        return "at least "
    if _AT_MOST.search(before) or after.startswith(("以下", "以内")):
        return "at most "
    if after.startswith("内"):
        return "within "
    if after.startswith(("左右", "上下")) or before.endswith(("约", "大约")):
        return "about "     # "新建建筑面积50万平方米左右": a target's round figure, not an exact one
    return ""


# a day or the end of a month with no year ("于12月10日前", "6月底前"); a date with its year is find_dates'
_MONTH_DAY = re.compile(r"(?:(\d{4})年)?(?<![\d个])(1[0-2]|0?[1-9])月(?:(3[01]|[12]\d|0?[1-9])日|(底|末))(之前|以前|前)?")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def _month_day_en(m: re.Match) -> str:
    """
    >>> _month_day_en(_MONTH_DAY.search("于12月10日前报送")), _month_day_en(_MONTH_DAY.search("每年6月底前"))
    ('before 10 December', 'by the end of June')
    >>> _month_day_en(_MONTH_DAY.search("2018年12月底前"))
    'by the end of December 2018'
    """
    month = _MONTHS_EN[int(m.group(2)) - 1] + (f" {m.group(1)}" if m.group(1) else "")
    if m.group(3):
        return ("before " if m.group(5) else "") + f"{int(m.group(3))} {month}"
    return ("by the end of " if m.group(5) else "end of ") + month


def english_figures(spans) -> str:
    """Every quantity and date in the spans, in English units with their bound ("at least 2.0; within 6 months");
    "as a rule" when the span says 原则上/一般 (a soft rule)."""
    out = []
    for span in spans:
        soft = "as a rule, " if re.search(r"原则上|一般", span) else ""
        norm = unicodedata.normalize("NFKC", span)
        # a full date (2019年3月31日) is find_dates'; the rest of the month-days are rendered here
        days = [(m.start(), m.end(), _month_day_en(m)) for m in _MONTH_DAY.finditer(norm) if not (m.group(1) and m.group(3))]
        out += [d[2] for d in days]
        for q in find_quantities(span, field=None):
            after = norm[q.end:q.end + 1]
            if any(a <= q.start < b for a, b, _ in days):
                continue  # 12月10日: a day of the year, not 12 months and 10 days
            if q.unit == "" and (_REFERENCE.search(norm[max(0, q.start - 2):q.start]) or (after and after in "号〕]")):
                continue  # 附件4, 第181号, 〔2018〕: a reference, not a figure
            if q.text.strip() == "一个":
                continue  # "上一个台阶", "一个园区": the article-like 一个 states no figure
            if q.unit == "年" and q.value.denominator == 1 and 1949 <= q.value <= 2100:
                years = f"{q.value}" + (f"–{q.high}" if q.high is not None else "")
                out.append(years)     # 2018—2020年 are years, not "2,018–2,020 years"
                continue
            if q.unit == "":
                text = q.text.strip()
            elif q.high is not None:
                text = f"{formatting.number(q.value, grouped=True)}–{formatting.quantity(q.high, q.unit, 'en')}"
            else:
                text = formatting.quantity(q.value, q.unit, "en")
            out.append(soft + _bound(norm, q.start, q.end) + text)
        out += [d.isoformat() for d in find_dates(span, field=None)]
    return "; ".join(dict.fromkeys(out))


def figure_bounds(spans, units: tuple[str, ...] | None = None) -> list[str]:
    """The bound of every quantity in the spans ("at least ", "at most ", "within ", "" when none); years and
    references left out; only quantities in ``units`` when given.

    >>> figure_bounds(["容积率应达到2.0以上"]), figure_bounds(["单间建筑面积不超过30平方米"])
    (['at least '], ['at most '])
    >>> english_figures(["新建建筑面积50万平方米左右"]), english_figures(["到2026年，力争实现…上一个台阶"])
    ('about 500,000 m²', '2026')

    """
    out = []
    for span in spans:
        norm = unicodedata.normalize("NFKC", span)
        for q in find_quantities(span, field=None):
            if q.unit == "年" and q.value.denominator == 1 and 1949 <= q.value <= 2100:
                continue
            if q.unit == "" and _REFERENCE.search(norm[max(0, q.start - 2):q.start]):
                continue
            if units is not None and q.unit not in units:
                continue
            out.append(_bound(norm, q.start, q.end))
    return out


# ---------------------------------------------------------------- clauses without a knowledge point

# a clause that states what follows a breach (a question for a consequence about a clause without one is kind e)
CONSEQUENCE_STATED = re.compile(r"违约|处罚|罚款|没收|追究|回购|清退|责令|取消|收回|不予|承担.{0,6}责任")

_CUES = {
    "actor": re.compile(r"负责|牵头|责任单位|由.{1,12}(?:审|批|定|制定|负责)|主管"),
    "contact": re.compile(r"联系人|电话|传真|邮箱|地址|\d{3,4}-\d{6,8}"),
    "permission": re.compile(r"不得|可以|允许|禁止|严禁|方可|只能|不能|可不|准予"),
    "procedure": re.compile(r"报|审核|审定|办理|申请|签订|公示|批准"),
    "consequence": re.compile(r"违约|处罚|罚|没收|追究|回购|清退|不达标"),
    "condition": re.compile(r"应|须|必须|符合|满足|条件"),
}
_UNITS_FOR = {"area": ("平方米", "亩"), "ratio": ("%", "‰", ""), "count": ("家", "个"), "amount": ("元",),
              "rate": ("元/平方米", "元/亩", "万元/亩"), "duration": ("年", "个月", "日", "工作日")}


def _type_fit(text: str, asks: str | None) -> float:
    """How well a sentence fits the kind of fact asked: a quantity of the right unit, a date, a phone number…"""
    if asks is None:
        return 0.0
    if asks in NUMERIC:
        units = _UNITS_FOR.get(asks, ())
        qs = find_quantities(text, field=None)
        return 2.0 if any(q.unit in units for q in qs) else (0.5 if qs else 0.0)
    if asks in ("deadline", "date"):
        return 2.0 if find_dates(text, field=None) or re.search(r"\d+月\d+日|日前|之前|起施行", text) else 0.0
    cue = _CUES.get(asks)
    return 1.5 if cue is not None and cue.search(text) else 0.0


def best_sentence(clause: Clause, terms: list[str], asks: str | None = None) -> tuple[int, int]:
    """The sentence sharing most bigrams with the question and its expansions, preferring one that states the kind
    of fact asked; a neighbour that answers nearly as well joins the quote."""
    spans = sentences(clause)
    if not spans:
        return 0, len(clause.text)
    grams = {t[i:i + 2] for t in terms for i in range(max(1, len(t) - 1)) if not re.search(r"\d", t[i:i + 2])}

    def score(span):
        s = clause.text[span[0]:span[1]]
        return sum(1 for g in grams if g in s) + _type_fit(s, asks) - 0.01 * (span[1] - span[0]) / 50

    candidates = [sp for sp in spans if clause.text[sp[0]:sp[1]].strip() != clause.label] or spans
    # a heading line alone ("二、建设要求", a table's title) is not an answer when the clause says more
    if len(candidates) > 1:
        candidates = [sp for sp in candidates if not _is_heading(clause, sp)] or candidates
    best = max(candidates, key=score)
    i = spans.index(best)
    start, end = best
    top = score(best)
    for j in (i - 1, i + 1):
        if 0 <= j < len(spans) and spans[j] in candidates and top > 0 and score(spans[j]) >= 0.7 * top:
            start, end = min(start, spans[j][0]), max(end, spans[j][1])
    return start, end


def _is_heading(clause: Clause, span: tuple[int, int]) -> bool:
    text = clause.text[span[0]:span[1]]
    return span[0] == 0 and len(text) <= 16 and not re.search(r"[。；，]", text)


def clause_direct(cit: Citation, lang: str) -> str:
    """The direct line from a clause sentence: the sentence itself (zh), or its figures (en)."""
    tag = place_tag(cit.city or "", cit.status or Status.in_force, lang)
    if lang == "zh":
        return f"{tag}：{cit.quote}" if tag else cit.quote
    figures = english_figures([cit.quote])
    return f"{tag}: {figures} — “{cit.quote}”" if figures else f"{tag}: “{cit.quote}”"
