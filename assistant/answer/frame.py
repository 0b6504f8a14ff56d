"""Understanding the question before answering it: language, places, the city it is tied to, the kind of fact it
asks for, and its parts.

The kind of fact (amount, deadline, actor, yes/no …) is what the typed reader answers with; cue words are data
(``assistant/data/answer_types.yaml``).

>>> frame("临海厂房维修基金每平米交多少钱？").types[:2]
('amount', 'rate')
>>> frame("我们几家老厂在临海能不能一起改造？").types
('permission', 'count')
>>> frame("Who approves the entry standards in Linhai?").types[0], frame("Who approves…in Linhai?").named_cities
('actor', ('临海市',))
>>> [p for p in frame("维修基金交多少？什么时候交？").parts]
['维修基金交多少？', '什么时候交？']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


from assistant.jurisdictions import registry
from assistant.query import AnalysedQuery, analyse, is_english
from assistant.yamlio import load_yaml

TYPES_FILE = Path(__file__).resolve().parents[1] / "data" / "answer_types.yaml"
NUMERIC = frozenset({"amount", "rate", "ratio", "area", "count", "duration"})
TIME = frozenset({"deadline", "date", "duration"})
CitySource = Literal["named", "chosen", "inherited"]


@functools.lru_cache(maxsize=1)
def _types_data() -> dict:
    return load_yaml(TYPES_FILE.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _figure_subjects() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = _types_data().get("figure_subjects", {})
    return tuple((t, tuple(w.lower() for w in words)) for t, words in raw.items())


@functools.lru_cache(maxsize=None)
def contrasting_qualifiers(key: str = "contrasting_qualifiers") -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Rows of two sides (answer_types.yaml ``key``: contrasting_qualifiers, room_kinds, actor_acts)."""
    raw = _types_data().get(key, ())
    return tuple((tuple(a), tuple(b)) for a, b in raw)


@functools.lru_cache(maxsize=1)
def _room_group_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Each group of answer_types.yaml room_groups and the pattern of its members (Chinese as substrings, English as
    whole words)."""
    out = []
    for group, members in _types_data().get("room_groups", {}).items():
        chinese = [m for m in members if re.search(r"[\u4e00-\u9fff]", m)]
        english = [m for m in members if m not in chinese]
        out.append((group, re.compile("|".join([*map(re.escape, chinese), *(rf"\b{re.escape(m)}\b" for m in english)]),
                                      re.I)))
    return tuple(out)


def as_room_group(text: str) -> str:
    """``text`` with rooms listed one by one said as the group the documents name (answer_types.yaml room_groups):
    two or more members named, and not the group, are the group.

    >>> as_room_group("临海园区里办公楼食堂宿舍这些能建多大比例")
    '临海园区里非生产性用房这些能建多大比例'
    >>> as_room_group("临海园区办公、宿舍能占多少"), as_room_group("临海宿舍单间多大")
    ('临海园区非生产性用房能占多少', '临海宿舍单间多大')
    >>> as_room_group("What share can offices and dorms take in Linhai?")
    'What share can non-production buildings take in Linhai?'
    >>> as_room_group("临海园区设计时要不要规划食堂、宿舍")
    '临海园区设计时要不要规划食堂、宿舍'
    """
    if not (_FIGURE_QUESTION.search(text.lower()) or "占" in text):
        return text   # "要不要规划食堂、宿舍" asks of the rooms themselves, not the group's share (review 35)
    for group, pattern in _room_group_patterns():
        if group.lower() in text.lower():
            continue
        found = list(pattern.finditer(text))
        # one room said twice ("宿舍…宿舍") is still one room; "办公楼" and "办公" of it count once by the longest match
        if len({m.group(0).lower() for m in found}) < 2:
            continue
        start, end = found[0].start(), found[-1].end()
        between = text[start:end]
        # the members must be one listing ("办公楼食堂宿舍", "offices and dorms"), not words far apart in the question
        rest = pattern.sub("", between)
        if re.sub(r"[、，,和及与跟以还有\s]|\b(?:and|or)\b", "", rest, flags=re.I):
            continue
        text = f"{text[:start]}{group}{text[end:]}"
    return text


def is_responsibility_line(subject_zh: str) -> bool:
    """A provision's "责任单位" line (answer_types.yaml: responsibility_subject_suffix)."""
    return subject_zh.endswith(_types_data()["responsibility_subject_suffix"])


def word_lists(key: str):
    """One entry of answer_types.yaml as written (a word list, or a mapping of labels to word lists)."""
    return _types_data()[key]


@functools.lru_cache(maxsize=None)
def words_of(key: str) -> re.Pattern:
    """A word list of answer_types.yaml as one pattern: Chinese words as substrings, English ones as whole words."""
    words = _types_data()[key]
    return re.compile("|".join(re.escape(w) if re.search(r"[\u4e00-\u9fff]", w) else rf"\b{re.escape(w)}\b"
                               for w in words))


def asks_responsibility(question: str) -> bool:
    """Whether the question asks who is responsible (answer_types.yaml: responsibility_asked).

    >>> asks_responsibility("这条归哪个部门管"), asks_responsibility("能卖给谁"), asks_responsibility("Which bureau leads?")
    (True, False, True)
    """
    return bool(words_of("responsibility_asked").search(question.lower()))


def is_reporting_topic(topic: str) -> bool:
    """A topic of the provincial notice's reporting provisions (answer_types.yaml: reporting_topics)."""
    return topic in _types_data()["reporting_topics"]


def asks_reporting(question: str) -> bool:
    """Whether the question speaks of reporting: forms, plans, the notice (answer_types.yaml: reporting_asked).

    >>> asks_reporting("入园企业目标数怎么填"), asks_reporting("What's the fewest firms a Cixi park may have?")
    (True, False)
    """
    return bool(words_of("reporting_asked").search(question.lower()))


def cue_words(kinds) -> tuple[str, ...]:
    """The cue words (answer_types.yaml: types) by which a question asks for facts of ``kinds``."""
    return tuple(w for t, ws in _cues() if t in kinds for w in ws)


def breach_named() -> tuple[str, ...]:
    """Consequence cue words that name the breach or penalty itself (answer_types.yaml: breach_named)."""
    return tuple(_types_data().get("breach_named", ()))


def without_cues(question: str, kinds, keep: tuple[str, ...] = ()) -> str:
    """The question with the cue words of ``kinds`` taken out: what it is about, without what it asks of it.

    >>> without_cues("开发商工期拖了会被怎么罚", ("consequence",))
    '开发商工期拖了会被'
    >>> without_cues("If the developer overruns the period, what penalty applies?", ("consequence",))
    'If the developer overruns the period, what  applies?'
    """
    out = question
    for w in sorted(set(cue_words(kinds)) - set(keep), key=len, reverse=True):
        if w.isascii():
            out = re.sub(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", "", out, flags=re.I)
        else:
            out = out.replace(w, "")
    return out


@functools.lru_cache(maxsize=1)
def asked_measures() -> tuple[tuple[tuple[str, ...], str | tuple[str, ...]], ...]:
    raw = _types_data().get("asked_measures", ())
    return tuple((tuple(m["asked"]), m["stated"] if isinstance(m["stated"], str) else tuple(m["stated"])) for m in raw)


def asked_measure(question: str) -> str | tuple[str, ...] | None:
    """The measure a figure is asked in (asked_measures in answer_types.yaml): ``"money"`` or the words a stated
    figure must be counted in.

    >>> asked_measure("一栋最多能建几套")
    ('套',)
    >>> asked_measure("培育上的一次性奖多少钱")
    'money'
    >>> asked_measure("最多能建多少平") is None
    True
    """
    q = question.lower()
    return next((stated for asked, stated in asked_measures() if any(w in q for w in asked)), None)


@functools.lru_cache(maxsize=1)
def subject_aliases(subject: str) -> tuple[str, ...]:
    """The subject and the documents' other words for it (subject_aliases in answer_types.yaml).

    >>> subject_aliases("用地"), subject_aliases("容积率")
    (('用地', '占地'), ('容积率',))
    """
    return (subject, *_types_data().get("subject_aliases", {}).get(subject, ()))


def states_act_asked(question: str, stated: str) -> bool:
    """Whether ``stated`` names who does the act ``question`` asks about (answer_types.yaml actor_acts).

    >>> states_act_asked("谁批", "入园标准及入园企业须报市小微企业产业园建设工作领导小组办公室审定并公示")
    True
    >>> states_act_asked("谁批", "镇（街道）或开发区制定入园标准")
    False
    """
    lowered = question.lower()
    for asked, said in contrasting_qualifiers("actor_acts"):
        if any((w in lowered) if not w.isascii() else re.search(rf"\b{re.escape(w)}\b", lowered) for w in asked) \
                and any(w in stated for w in said):
            return True
    return False


def head_words() -> dict[str, tuple[str, ...]]:
    """Other words for a document fact's head noun (head_words in answer_types.yaml): 机关 is asked as 机构."""
    return {k: tuple(v) for k, v in _types_data().get("head_words", {}).items()}


def other_qualifier(question: str, stated: str) -> bool:
    """Whether the question asks about one qualifier of a thing and ``stated`` speaks only of another
    (contrasting_qualifiers in answer_types.yaml).

    >>> other_qualifier("普通企业最多能买多少平", "优质企业购置厂房限制面积放宽至2万㎡")
    True
    >>> other_qualifier("优质企业最多能买多少", "优质企业购置厂房限制面积放宽至2万㎡")
    False
    """
    return bool(qualifiers_missed(question, stated))


# "非亩均税收30万元以上的优质企业", "不是优质企业", "除了优质企业": a word named to exclude it. Not the 非 of 非生产性, the 不是
# of 是不是, nor the 除 of 拆除/免除/扣除.
_EXCLUDING = re.compile(r"(?:非(?!生产)|(?<!是)不是|不属于|除了|除去)[^，,。；;？?（）()]{0,16}$")


def _only_excluded(question: str, word: str) -> bool:
    """Whether every mention of ``word`` in the question excludes it.

    >>> _only_excluded("一般入园企业（非亩均税收30万元以上的优质企业）", "优质企业"), _only_excluded("是不是优质企业", "优质企业")
    (True, False)
    >>> _only_excluded("温州非生产性用房占总建筑面积多少", "占总建筑面积")
    False
    """
    starts = [m.start() for m in re.finditer(re.escape(word), question)]
    return bool(starts) and all(_EXCLUDING.search(question[:i]) for i in starts)


@functools.lru_cache(maxsize=1)
def _unstated_cases() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    return tuple((tuple(a), tuple(b)) for a, b in _types_data().get("unstated_cases", ()))


def case_left_out(question: str, stated: str) -> bool:
    """The question asks of a case the clause's condition leaves out (answer_types.yaml unstated_cases).

    >>> case_left_out("温州地下室要是办产证的话出让金咋算", "新增小微企业园地下空间不办理产权登记的，可不收出让金")
    True
    >>> case_left_out("温州地下室不办理产权登记的话要交出让金吗", "新增小微企业园地下空间不办理产权登记的，可不收出让金")
    False
    >>> case_left_out("温州地下室没有办产证的话要交出让金吗", "新增小微企业园地下空间不办理产权登记的，可不收出让金")
    False
    """
    if _CASE_NEGATED.search(question.lower()):
        return False   # "没有办产证的话", "not registered": the case the clause does state
    return bool(qualifiers_missed(question, stated, _unstated_cases()))


_CASE_NEGATED = re.compile(r"(?:没有?|不|未|无)(?:去|要)?(?:办|登记|备案)|\bnot (?:been )?(?:registered|titled)\b|\bunregistered\b|"
                           r"\bwithout (?:registering|registration|title)\b")


def qualifiers_missed(question: str, stated: str, rows=None) -> tuple[tuple[str, ...], ...]:
    """The asked sides of contrasting_qualifiers the question uses and ``stated`` answers with the other side.

    >>> qualifiers_missed("普通企业最多能买多少平", "优质企业购置厂房限制面积放宽至2万㎡")[0][:2]
    ('普通企业', '一般企业')
    >>> bool(qualifiers_missed("一般入园企业（非税收30万以上的优质企业）最多买多少", "优质企业购置厂房限制面积放宽至2万㎡"))
    True
    """
    q, s = question.lower(), stated.lower()
    out = []
    for asked, other in (contrasting_qualifiers() if rows is None else rows):
        q_rest, s_rest = q, s
        for w in other:
            q_rest, s_rest = q_rest.replace(w, " "), s_rest.replace(w, " ")
        if any(w in q_rest for w in asked) and any(w in s for w in other) and not any(w in s_rest for w in asked) \
                and not any(w in q and not _only_excluded(q, w) for w in other):   # a question naming both
            # ("限地价、限房价…溢价") is about both — unless it names the other side only to exclude it
            out.append(asked)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def exception_words() -> tuple[str, ...]:
    """The words by which a clause states an exception, an extension, instalments or objections."""
    return tuple(_types_data().get("exception_stated", ()))


def consequence_words_for(question: str) -> tuple[str, ...]:
    """The words a clause must use to answer a question about one particular consequence (the land taken back, the
    deposit forfeited); ``()`` when the question names none of ``consequence_kinds``.

    >>> consequence_words_for("连着几年没达标，地会不会被收回？")
    ('收回', '回收')
    """
    return _stated_words_for(question, "consequence_kinds")


def fine_amount_words(question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """For a question asking how much a fine is ("罚多少钱"): the words a clause must use to state one, and the words
    of a point saying only that a breach is punished; ``((), ())`` for any other question.

    >>> fine_amount_words("偷偷转让了罚多少钱")[0][:2], fine_amount_words("会怎么处理")
    (('罚款', '违约金'), ((), ()))
    """
    data = _types_data().get("fine_amount", {})
    if not _says_any(question, data.get("asked", ())):
        return (), ()
    return tuple(data["stated"]), tuple(data["punished"])


def _says_any(question: str, words) -> bool:
    text = unicodedata.normalize("NFKC", question).lower()
    return any(w.lower() in text for w in words)


def asks_after_a_change(question: str) -> bool:
    """The question asks what the rules say of a firm after a change it made (answer_types.yaml after_a_change).

    >>> asks_after_a_change("慈溪限制类的小厂，整改好了还能进园区吗"), asks_after_a_change("做汽配的能进临海的园区吗")
    (True, False)
    >>> asks_after_a_change("要是还没整改好呢"), asks_after_a_change("整改后还是限制类，能入园吗")
    (False, False)
    """
    text = unicodedata.normalize("NFKC", question).lower()
    if re.search(r"(?:没|未|没有|不)(?:整改|改造|改好|提升)|还是限制类|仍是限制类|仍属|还属于", text):
        return False   # the change not made, or made without leaving the category
    return _says_any(question, _types_data().get("after_a_change", ()))


def _stated_words_for(question: str, kinds_key: str) -> tuple[str, ...]:
    """The ``stated`` words of every kind in ``answer_types.yaml[kinds_key]`` whose ``asked`` words the question uses."""
    kinds = _types_data().get(kinds_key, {})
    return tuple(dict.fromkeys(w for k in kinds.values() if _says_any(question, k["asked"]) for w in k["stated"]))


def exception_words_for(question: str) -> tuple[str, ...]:
    """The words a clause must use to answer the exception ``question`` asks: those of the kinds it names (an
    objection, an extension…), or any exception word when it names none ("有啥例外").

    >>> "异议" in exception_words_for("对回购价格有异议可以申请复核吗"), "经批准" in exception_words_for("对回购价格有异议可以申请复核吗")
    (True, False)
    """
    return _stated_words_for(question, "exception_kinds") or exception_words()


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = _types_data()["types"]
    return tuple((t, tuple(w.lower() for w in words)) for t, words in raw.items())


def _breach_handling(text: str) -> bool:
    """A handling word ("如何处理") after a breach word ("未按时", "逾期"): the question asks what follows the breach.

    >>> _breach_handling("设区市未在期限前报送的，省里将如何处理"), _breach_handling("各宗地出让终止期不一致的，如何处理")
    (True, False)
    >>> _breach_handling("设区市的报表交晚了咋处理"), _breach_handling("税要是没交到承诺的数咋办"), _breach_handling("投资超过25%了预售证怎么办")
    (True, True, False)
    """
    data = _types_data().get("breach_handling", {})
    for handling, breach in (("handling", "breach"), ("spoken_handling", "shortfall")):
        at = max((_last(text, w) for w in data.get(handling, ())), default=-1)
        if at >= 0 and any(0 <= text.find(w) < at for w in data.get(breach, ())):
            return True
    return False


def _last(text: str, word: str) -> int:
    """Where ``word`` last ends in ``text`` (-1 if absent); English words only as whole words."""
    if word.isascii():
        ends = [m.end() for m in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text)]
        return ends[-1] if ends else -1
    i = text.rfind(word)
    return i + len(word) if i >= 0 else -1


def _first(text: str, words) -> int:
    starts = []
    for w in words:
        m = re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text) if w.isascii() else None
        if m:
            starts.append(m.start())
        elif not w.isascii() and w in text:
            starts.append(text.index(w))
    return min(starts) if starts else len(text)


def _longest_at(text: str, words, at: int) -> int:
    """The length of the longest of ``words`` found in ``text`` at ``at`` (0 when none is)."""
    return max((len(w) for w in words if text.startswith(w, at)
                and not (w.isascii() and re.match(r"[a-z]", text[at + len(w):at + len(w) + 1]))), default=0)


def _first_subject_type(text: str) -> list[str]:
    """The kind of figure of the thing named first ("how large must the performance bond be when … wins land": the
    bond's, not the land's after it), as a list of at most one."""
    found = sorted((min(_first(text, [w]) for w in words), order, t) for order, (t, words) in enumerate(_figure_subjects()))
    return [t for at, _, t in found[:1] if at < len(text)]


def _subject_type(text: str) -> list[str]:
    """The kind of figure of the thing named last among the figure subjects ("亩均税收" → amount), as a list of
    at most one."""
    subject = sorted((-max(_last(text, w) for w in words), order, t)
                     for order, (t, words) in enumerate(_figure_subjects()) if max(_last(text, w) for w in words) >= 0)
    return [t for _, _, t in subject[:1]]


# Asking leave outright ("能不能预售", "能预售不", "可以转租吗"), not whether a rule exists ("慈溪有这种开工期限吗",
# "临海也这样吗").
_ASKS_LEAVE = re.compile(r"能不能|能否|可不可以|可以|允许|行不行|让不让|准不准|能不|能(?=[\u4e00-\u9fff]{1,6}(?:不|吗|么|嘛|伐|没)"
                         r"[？?]?$)|\bcan\b|\bmay\b|allowed|permitted")


def asks_leave(question: str) -> bool:
    """Whether the question asks leave to do something.

    >>> asks_leave("那慈溪呢，能预售不"), asks_leave("慈溪能不能预售"), asks_leave("临海也这样吗")
    (True, True, False)
    """
    return bool(_ASKS_LEAVE.search(question.lower()))


_UNBOUNDED = re.compile(r"forever|indefinitely|for good|永久|一直有效|一直享受|永远")


# Metadata cue words that name a document's date ("哪天落款的", "什么时候印发的"): with a date asked, the date is the fact
_DOCUMENT_DATE_WORD = re.compile(r"落款|成文|印发(?!单位|机关)")


# A whether inside a noun ("是否回购的决定", "是否达标的结论"): no yes/no asked
_EMBEDDED_WHETHER = re.compile(r"是否[\u4e00-\u9fff]{1,8}的(?:决定|意见|答复|结论|问题|情况)")


_MONEY_HELD = re.compile(r"保证金|押金|定金|订金|款|费")
_POINTED_WAIVER = re.compile(r"(这个|这项|那个|那项|该项?|此项)(?:减免|豁免)")


def answer_types(question: str) -> tuple[str, ...]:
    """The kinds of fact a question asks for, the figure first when a bare figure question closes it ("Does Cixi set
    a minimum plot ratio too? What number?" asks the ratio, not only whether there is one).

    >>> answer_types("Does Cixi set a minimum plot ratio too? What number?")[:1]
    ('ratio',)
    >>> answer_types("Does Cixi charge a property maintenance fund per square metre, and how much?")[:1]
    ('rate',)
    """
    bare = re.sub(r"[？?。.!！\s]+$", "", question)
    for mark in ("？" if "？" in question else "?", "，" if "，" in bare else ","):
        # "…? What number?"; "Does Cixi charge a fund per square metre, and how much?"
        head, sep, tail = bare.rpartition(mark)
        tail = re.sub(r"(?i)^\s*(?:and|but)\s+", "", tail)
        if sep and head and _BARE_FIGURE_ASKED.fullmatch(tail.strip()) \
                and (figure := _figure_named(head) or _kind_named(tail)):
            return _first_of(figure, _answer_types(head + sep))
    types = _answer_types(question)
    head, sep, tail = _LAST_CLAUSE.match(re.sub(r"[？?。.!！～~\s]+$", "", question)).groups()
    if types[:1] == ("permission",) and sep and head and _FIGURE_OFFERED.fullmatch(tail.strip()) \
            and _FIGURE_QUESTION.search(head):
        # "每家能补多少，是200万吗": a figure offered after the figure question asks that figure, not a yes/no
        figure = next((t for t in _answer_types(head) if t in NUMERIC | TIME), None)
        if figure:
            return _first_of(figure, types)
    if not types and (figure := _figure_heard(question)):
        # "听说…每家补200万？真的假的": hearsay with a figure, checked — that figure is asked (mixed_dev35)
        return (figure,)
    if types[:1] == ("permission",) and confirms_figure(question):
        # "慈溪也是一平米12块吗": whether the figure holds there asks the figure there — a city that sets none is (b)
        figure = next((t for t in types if t in NUMERIC), None)
        if figure:
            return _first_of(figure, types)
    return types


# "…？真的假的", "是真的吗", "Is that true?": the user checks what was heard
_CHECKS_HEARSAY = re.compile(r"(?:真的假的|是真的吗|真的吗|真的不|靠谱吗|靠不靠谱|属实吗|有这回事吗|有这事吗|对不对|对吗|"
                             r"\bis (?:that|it|this) (?:true|right|correct)\b|\breally\b)[？?!！。.\s]*$", re.I)
_UNIT_KIND = (("amount", ("元", "万元", "亿元")), ("duration", ("年", "个月", "日", "工作日")), ("area", ("平方米", "亩")),
              ("ratio", ("%", "‰")), ("count", ("家", "个")))


def _figure_heard(question: str) -> str | None:
    """The kind of the figure a hearsay names when the user checks it ("…每家补200万？真的假的" → amount); None
    without such a tail or figure.

    >>> _figure_heard("听说掌起拆违入园的企业每家补200万？真的假的"), _figure_heard("听说能卖？真的假的")
    ('amount', None)
    """
    if not _CHECKS_HEARSAY.search(question):
        return None
    from assistant.errors import QueryError
    from assistant.quantities import find_quantities

    try:
        units = [q.unit or ("元" if q.wan else "") for q in find_quantities(question, field=None)]
    except QueryError:   # a figure the parser refuses ("1,2000") is no figure heard
        return None
    return next((kind for u in units for kind, kind_units in _UNIT_KIND if u in kind_units), None)


def _first_of(figure: str, types) -> tuple[str, ...]:
    return (figure, *[t for t in types if t != figure])


# "也是一平米12块吗", "是不是也按12元", "Is it also 12 yuan per square metre…?": the previous place's figure offered for
# another place — a figure asked, not a permission
_CONFIRMED_FIGURE = re.compile(r"(?:也是|也按|同样是|同样按|是不是也|也都是|一样是)[^，,。？?]{0,8}?\d|"
                               r"\b(?:is|are)\b[^?]{0,30}\b(?:also|too|likewise)\b[^?]{0,12}\d", re.I)


# (a period, not a date: "也是2019年开始的吧", "也是6月发的吧", "还是1月1日吧" offer a date — review 29)
_PERIOD_OFFERED = re.compile(r"(?:也是|也要|也得|也在|是不是|应该是|还是|同样是)[^，,。？?\d]{0,6}?"
                             r"(?<![\d一二两三四五六七八九十])(?:\d{1,2}|[一二两三四五六七八九十]+|半)"
                             r"(?:年(?![\d一二三四五六七八九十]+月|底|初|末|前|的)|个月|个工作日|工作日|天)")


# the question's last clause after its last comma or question mark: (head, mark, tail); (None, None, question) without one
_LAST_CLAUSE = re.compile(r"(?s)(?:(.*)([，,？?]))?(.*)")


def figure_asked(text: str) -> bool:
    """The words ask for a number outright ("一平米多少钱", "几年", "how much").

    >>> figure_asked("一平米多少钱"), figure_asked("临海维修资金怎么交")
    (True, False)
    """
    return bool(_FIGURE_QUESTION.search(text.lower()))


def confirms_figure(question: str) -> bool:
    """The question offers a figure for confirmation in another place ("慈溪也是一平米12块吗").

    >>> confirms_figure("慈溪园区维修基金也是一平米12块吗"), confirms_figure("慈溪也可以转让吗")
    (True, False)
    """
    return bool(_CONFIRMED_FIGURE.search(unicodedata.normalize("NFKC", question)))


def _kind_named(bare: str) -> str | None:
    """The kind of figure a bare figure question names itself ("What share?" → ratio; "What number?" names none, and
    closes only a question that names its figure)."""
    return "ratio" if re.search(r"(?i)share|percentage|proportion|比例|百分之几", bare) else None


def _figure_named(question: str) -> str | None:
    """The kind of figure a question names ("minimum plot ratio" → ratio), None when it names none."""
    # (the question's own cue words, not a subject alone: "Does Cixi give subsidies to parks? How much?" keeps its
    # parts, each answered)
    return next((t for t in _answer_types(question) if t in NUMERIC), None)


# a quoted name in an English question: its words name a thing, they ask nothing (a possessive's apostrophe opens none)
_QUOTED_EN = re.compile(r"(?:(?<=\s)|^)['\"“‘][^'\"“”‘’]{3,80}['\"”’](?=[\s,.?;:!)]|$)")


def _answer_types(question: str) -> tuple[str, ...]:
    """The kinds of fact a question asks for, the one asked last first: a question word sits at the end of the
    question ("我们几家老厂…能不能…改造？" asks yes/no, not a count); ``()`` when it says nothing specific."""
    # "要多少亩均税收": the 亩 of 亩均 (per mu) is no area asked
    # "管哪几年": which years (a date), not how many (几年)
    # "拍地是比谁交税多": a contest of who pays more, no actor asked
    # "…能提前卖吗，就是期房那种": a remark naming the thing after the question asks nothing; the question ends before it
    # (…nor does a closing likening: "产权证咋办，跟买商铺一样吗" asks how, not a yes/no)
    question = _without_place_remark(_LIKE_REMARK.sub("", _NAMING_REMARK.sub("", question)))
    text = unpointed(unicodedata.normalize("NFKC", question).lower()).replace("亩均", "均") \
        .replace("哪几年", "哪年").replace("哪几天", "哪天").replace("比谁", "比")
    if not _MONEY_HELD.search(text):
        text = text.replace("清退", "清出")   # a firm 清退 is put out (清退吗 asks no refund: 退吗); a deposit 清退 is refunded
    # "这个减免能享受几年": the waiver pointed at is the thing a figure or a period is asked of, no exception asked
    # for ("这个减免谁来批" may still ask whether the previous rule bends)
    if _POINTED_WAIVER.search(question):
        pointed = answer_types(_POINTED_WAIVER.sub(r"\1政策", question))
        if set(pointed[:1]) & (NUMERIC | {"duration", "date", "deadline"}):
            return pointed
    # "bidding on tax per mu": the tax per mu names the auction (what is bid on), as 亩均 does; no area or rate asked
    text = re.sub(r"\b((?:bidding|bid|bids|competing|compete) on (?:the )?(?:annual )?(?:tax(?:es)?|revenue)) per[- ]mu\b",
                  r"\1-per-unit-land", text)
    # (an English question may quote a Chinese name: "Under provincial notice 浙中小企业办〔2018〕14号, by what date…")
    english = is_english(question)
    found = []
    for order, (t, words) in enumerate(_cues()):
        end = max(_last(text, w) for w in words)
        if end >= 0:
            found.append((-end, order, t))
    if english:
        # an English question word comes first ("what share of … floor area"): the leftmost cue is the one asked —
        # outside a quoted name ("Under Wenzhou's 'cap the land price, …' method, what is the ceiling on the premium?"
        # asks the premium, not the price the method's name says)
        unquoted = _QUOTED_EN.sub(lambda m: " " * len(m.group(0)), text)
        # (two cues at one place: the longer, more specific one — "price premium" is a ratio, not the price)
        cues = dict(_cues())
        found = [((at := _first(unquoted, cues[t]), -_longest_at(unquoted, cues[t], at)), o, t) for _, o, t in found]
    types = [t for _, _, t in sorted(found)]
    if english and _WH_FIGURE_START.match(text):
        # "What is the maximum land premium allowed when … is auctioned?": a question that opens by asking a figure
        # is no yes/no ("allowed"), and a "when" inside it is a conjunction, not a date asked
        types = [t for t in types if t != "permission"
                 and not (t == "date" and _first(text, dict(_cues())["date"]) == _first(text, ("when",)))]
        types = types or _subject_type(text)
    if english and "date" in types and _WHEN_CLAUSE.search(text) and not _WHEN_ASKED.search(text) \
            and _first(text, dict(_cues())["date"]) == _first(text, ("when",)):
        types = [t for t in types if t != "date"]   # "when a developer wins the land, …": a conjunction
    if english and types[:1] == ["area"] and (size := _SIZE_OF.search(text)) \
            and (named := [t for t in _first_subject_type(text[size.end():]) if t != "area"]):
        # "how large does the performance bond have to be": the size of a sum of money is its amount or share
        types = [*named, *[t for t in types if t not in named and t != "area"]]
    # "…卖了会罚多少钱", "未按时报送的，将如何处理": what follows a breach, whatever figure words come with it
    if english and _LEVEL_THAT_DRAWS_UP.search(text):
        # "At which level are the five-year plans compiled?": the tier of government asked, not a figure's level
        types = ["actor", *[t for t in types if t != "actor"]]
    if "consequence" in types or _breach_handling(text):
        types = ["consequence", *[t for t in types if t != "consequence"]]
    way = _types_data().get("way_round", {})
    if "exception" not in types and any(w in text for w in way.get("asked", ())) \
            and any(w in text for w in way.get("early", ())):
        types.append("exception")   # "没满5年就急着转手，有没有啥路子": a way round the bar
    if "exception" in types:     # "能分期交吗": whether the rule bends, whatever else is asked with it
        types = ["exception", *[t for t in types if t != "exception"]]
    if "date" in types and "metadata" in types \
            and all(_DOCUMENT_DATE_WORD.search(w) for w in dict(_cues())["metadata"] if w in text):
        # "哪天落款的": the document's date, not its header (with another document fact asked too — "署名机关和成文日期"
        # — the order stays)
        types = ["date", *[t for t in types if t != "date"]]
    if "date" in types and "deadline" in types and any(w in text for w in word_lists("deadline_words")):
        # "那其他几样材料呢，截止是哪天": the day asked is a deadline
        types = ["deadline", *[t for t in types if t != "deadline"]]
        if english and "duration" in types \
                and _first(text, dict(_cues())["duration"]) < _first(text, dict(_cues())["deadline"]):
            # "how soon after the contract is signed must it start, and by when must it pass acceptance": periods
            # from the contract, the first asked first
            types = ["duration", *[t for t in types if t != "duration"]]
    if "contact" in types and "actor" in types:   # "打哪个电话问，找谁": the person and how to reach them
        types = ["contact", *[t for t in types if t != "contact"]]
    said_deadline = [w for w in dict(_cues())["deadline"] if w in text and ("时限" in w or "期限" in w)]
    if said_deadline and "duration" in types and all(any(w in d for d in said_deadline)
                                                     for w in dict(_cues())["duration"] if w in text):
        types.remove("duration")   # "报送时限": the day by which to report, not a length of time
    if said_deadline and "deadline" in types:
        # "报送时限是什么时候/哪天": the day asked is that deadline, not the notice's own date
        types = ["deadline", *[t for t in types if t != "deadline"]]
    if "哪几" in text and "count" in types:       # "哪几个方面" asks for a list, not a number
        types.remove("count")
    figure_at = max((m.end() for m in _FIGURE_QUESTION.finditer(text)), default=-1)
    if not types and figure_at >= 0:
        # "亩均税收要达到多少？": a bare 多少 — what it is about says which kind of figure is asked
        types = _subject_type(text)
    elif figure_at >= 0 and not any(t in NUMERIC | TIME for t in types):
        # (a deadline asked is the figure: "What is the deadline to start building … after signing the land
        # contract?" asks no area of the land it names)
        # "开发商自己要留多少不能卖掉": the 不能 is the figure's own condition; the thing named says which figure
        types = [*types, *[t for t in _subject_type(text) if t not in types]]
    if not types and _PERIOD_OFFERED.search(text):
        # "温州拿地后也是半年内要开工吧？": a period offered for confirmation asks the period
        types = ["duration"]
    if types[:1] == ["condition"] and _RULE_ON.search(text):
        # "入园企业数量有何要求？": a rule on a quantity is its figure
        types = [*_subject_type(text), *types]
    numeric = [t for t in types if t in NUMERIC]
    yes_no_at = max((m.end() for m in _YES_NO_FORM.finditer(text)), default=-1)
    # "是否设定了下限？" asks for the bound, not only whether there is one
    yes_no = (bool(_YES_NO_END.search(text)) and not _WHETHER_BOUND.search(text)) or yes_no_at > figure_at
    if yes_no and yes_no_at <= figure_at and _SPOKEN_END.search(text) \
            and _FIGURE_QUESTION.search(re.split(r"[，,。；;？?！!]", text.rstrip("？?！!。 "))[-1]):
        yes_no = False   # "奖多少钱哇": a spoken particle after a figure question asks the figure
    if yes_no and figure_at >= 0 and _EMBEDDED_WHETHER.search(text):
        yes_no = False   # "多少日内作出是否回购的决定": the whether names a decision; the figure is asked
    if numeric and figure_at >= 0 and not yes_no and types[0] not in ("consequence", "contact"):
        # "几年内不能转让？" asks how long: a figure question word outranks a modal verb after it
        types = [numeric[0], *[t for t in types if t != numeric[0]]]
    if yes_no and "duration" in types and _UNBOUNDED.search(text):
        # "Does the land use tax break last forever?", "一直有效吗": a yes/no whose answer is the period it lasts
        return ("duration", *[t for t in types if t != "duration"])
    if yes_no and types[:1] not in (["permission"], ["consequence"]):   # "…会罚钱吗" asks what follows
        # "…能想卖多少钱就卖多少钱吗？": a yes/no question whatever figure words it contains
        types = ["permission", *[t for t in types if t != "permission"]]
    return tuple(types)


_SIZE_OF = re.compile(r"\bhow (?:large|big)\b")
# "when" opening a clause of a condition ("when a developer wins the land"), not asking a time ("when does…")
_WHEN_CLAUSE = re.compile(r"\bwhen (?:a|an|the|it|they|we|you|our|my|its|their|[a-z]+ (?:is|are|was|were|has|have)\b)")
_WHEN_ASKED = re.compile(r"\bwhen (?:does|do|did|is|are|was|were|must|should|will|can|would|has|have)\b")
_WH_FIGURE_START = re.compile(r"^\s*(?:what(?: is|'s|’s) the (?:maximum|minimum|highest|lowest|largest|smallest)|how (?:much|many|long|big|large|high))\b")
_RULE_ON = re.compile(r"(有何|有什么|什么样的|啥)(要求|规定)")
_WHETHER_BOUND = re.compile(r"(是否|有没有)[^？?]{0,12}(下限|上限)")
_YES_NO_END = re.compile(r"(吗|(?<![什怎多])么|不|没有|是否[^？?]{0,12}|(\w)不\2|有没有\w{0,8}|伐|哇)[？?！!。]?\s*$"
                         r"|^(can|may|is|are|does|do|must)\b")
# Spoken particles that end a yes/no question ("能卖伐") and also a figure question ("奖多少钱哇").
_SPOKEN_END = re.compile(r"(哇|伐|(?<![什怎多])么)[？?！!。]?\s*$")
# A yes/no form anywhere ("能不能把…改造？"): after the last figure word it makes the question a yes/no one.
_YES_NO_FORM = re.compile(r"能不能|可不可以|是不是|有没有|行不行|会不会|要不要|让不让|准不准|能否|可否|是否|允许吗|可以吗")
# An explicit question for a figure: the (b) "mentioned, but no figure given" answer is for these only.
_FIGURE_QUESTION = re.compile(r"多少(?!年了)|(?:比例|金额|数额)(?:[或和及、](?:比例|金额|数额))?(?:是|应|有)?(?:如何|怎么|怎样)(?:规定|确定|定的|算)|下限|上限|(?:什么|多大|啥|何种?)比例|时限|按(?:什么|何种|啥)标准(?:[或和及](?:金额|数额))?(?=缴|交|收|计|付)|(?<![好哪])几(?=年|个月|天|日|家|个|亩|平|成|折|倍|%|块(?!地|土地|田)|毛|元|万|号|次|层)|多大|多久|多长|多高|百分之几|几成|how much|how many|how long|how big|"
                              r"how large|what (?:number|figure|value)\s*[?？]?$|what percentage|what share|what rate|what (?:\w+ ){1,3}per (?:mu|square|sq|m2|unit|year)\b|what (?:minimum|maximum|min|max)\b|what (?:(?!(?:for|of|on|in|to|with|about|by)\b)\w+ ){1,4}(?:rate|fee|fees|percentage|price|cost)\b|what(?: is|'s|’s) the (?:minimum|maximum|min|max|rate|"
                              r"ratio|share|percentage|fee|amount|area|size|limit|cap|ceiling|floor(?! area| space| plan)|deadline|period|face value|value)|"
                              # a few words before the noun ("the exact subsidy amount"): the noun must end the phrase
                              r"what(?: is|'s|’s) the (?:(?!(?:for|of|on|in|to|with|about|by)\b)[\w-]+ ){1,4}?(?:rate|ratio|share|percentage|fee|amount|area|size|limit|cap|"
                              r"deadline|period|value)(?=\s*$|\s*[?,.;:]|\s+(?:of|for|on|in|at|to|that|which|per|a|an|the|does|do|"
                              r"is|are|must|should|can|may|will|would|under|by|with|from|set|paid|given|allowed|required)\b)|how much (?:are|is) \w+(?: \w+)? worth|at least|at most|"
                              r"what are the (?:(?!(?:for|of|on|in|to|with|about|by)\b)[\w-]+ ){0,3}?(?:rates|fees|ratios|percentages|amounts|limits|caps|deadlines)\b|\bper (?:square|sq\.?) ?(?:metre|meter|m)|\bat what price\b|\bfor how much\b|what(?: is|'s|’s) the \w+ (?:cap|limit|maximum|minimum)\b|what (?:do|does|must|should) (?:\w+ ){1,8}pay\b")


_PART_SPLIT = re.compile(r"(?<=[？?；;])\s*|(?:，|,)\s*(?=(?:还有|另外|以及|那(?![些个种块边里样])|再问|并且|同时)\S)")
# "Can it be pre-sold, and which bureau drafts the rules?": an English sentence whose last clause asks a second thing
_ENGLISH_TAIL = re.compile(r",\s*and\s+((?:(?:over|in|for|by|within|from|under|at|to)\s+)?"
                           r"(?:what|which|how|who|when|where|is|are|can|may|must|does|do|will)\b[^,]*)$", re.I)


# "封顶地价的最高溢价和履约保证金下限分别是多少": two figures asked together, each its own part.
_RESPECTIVELY = re.compile(r"^(?P<pre>.*?[，,：:]?)(?P<a>[^，,：:。？?]{2,20}?)(?:和|与|及|以及)(?P<b>[^，,。？?和与]{2,20}?)"
                           r"(?:分别|各自?)(?:是|为|有|要求)?(?P<ask>多少|几|多大|多高|多长|多久)(?P<rest>.*)$")


def _respectively_parts(part: str) -> list[str]:
    """"…时，A和B分别是多少" → "…时，A是多少", "…时，B是多少"; cities compared ("临海和温州的容积率分别是多少") are one
    comparison, not two parts.

    >>> _respectively_parts("竞价时，封顶地价的最高溢价和履约保证金下限分别是多少？")
    ['竞价时，封顶地价的最高溢价是多少？', '竞价时，履约保证金下限是多少？']
    >>> _respectively_parts("临海和温州的容积率分别是多少")
    ['临海和温州的容积率分别是多少']
    """
    m = _RESPECTIVELY.match(part)
    if m is None:
        return [part]
    a, b = m.group("a"), m.group("b")
    if registry().mentioned(a) or registry().mentioned(b):
        return [part]
    ask = f"是{m.group('ask')}{m.group('rest')}"
    return [f"{m.group('pre')}{a}{ask}", f"{m.group('pre')}{b}{ask}"]


def split_parts(question: str) -> tuple[str, ...]:
    """A question that asks several things ("…交多少？什么时候交？") in its parts; one part otherwise."""
    parts = [p.strip(" ，,") for p in _PART_SPLIT.split(question) if p and p.strip(" ，,？?；;")]
    parts = [q for p in parts for q in _comma_parts(p)]
    parts = [q for p in parts for q in _respectively_parts(p)]
    # "…, and which bureau drafts the rules?": the joining word is not part of what is asked (its matching noise
    # put another clause's actor first)
    parts = [re.sub(r"^(?:and|also|plus)\s+", "", p, flags=re.I) for p in parts]
    parts = [p for p in parts if len(re.sub(r"\W", "", p)) >= 3 and not _only_a_place(p) and asks_something(p)
             and not _sets_apart(p)]
    # "Does Cixi set a minimum plot ratio too? What number?": a bare figure question asks the figure of the part
    # before it, it is no question of its own (alone, "number" read as a phone number)
    merged: list[str] = []
    for p in parts:
        if merged and _BARE_HOW_SO.fullmatch(p.strip(" ？?。.!！～~")):
            # "…是比谁交税多？咋回事": asks about the part before it, nothing of its own (alone, it was matched to the
            # nearest figure of the city)
            merged[-1] = f"{merged[-1].rstrip(' ？?。.')}，{p}"
            continue
        if merged and (_BARE_FIGURE_ASKED.fullmatch(p.strip(" ？?。.!！")) and (_figure_named(merged[-1]) or _kind_named(p))
                       or (_FIGURE_OFFERED.fullmatch(p.strip(" ？?。.!！～~"))
                           and _FIGURE_QUESTION.search(merged[-1]))):
            merged[-1] = f"{merged[-1].rstrip(' ？?。.')}，{p}" if not is_english(p) else f"{merged[-1]} {p}"
        else:
            merged.append(p)
    parts = merged
    return tuple(parts) if len(parts) >= 2 else (question.strip(),)


# "咋回事", "是真的吗": a turn's closing ask about what it just said
_BARE_HOW_SO = re.compile(r"(?:这|那)?(?:是)?(?:咋回事|怎么回事|啥情况|什么情况|啥意思|什么意思|真的吗|是真的吗|真的假的|对吗|对不对|是吗|"
                          r"咋说|怎么说)(?:啊|呀|呢|哈|嘛)?")


# "…几年里不准转卖？是不是5年啊": a figure offered for confirmation of the part before it, no question of its own (alone,
# "是不是5年" was answered as a yes/no on whatever clause says 5年)
_FIGURE_OFFERED = re.compile(r"(?:是不是|是|就是|应该是|大概是|好像是|也是|有没有|能不能有|够不够)?(?:[\d.]+|[一二两三四五六七八九十百千万几余]+)\s*"
                             r"(?:年|个月|月|天|日|平方米|平米|平方|平|亩|家|元|块|万|万元|%|％|层|米)"
                             # "是不是2年以上" after the construction period: a bound offered with it is still a figure
                             r"(?:以上|以下|以内|之内|内|左右)?"
                             # "8000亩那么大吗": the figure offered with how big it sounds (mixed_dev35)
                             r"(?:(?:那么|这么)(?:大|多|高|长|久|少|小))?(?:吧|吗|啊|呀|么|嘛|呢|对吧|没错吧)?")
_BARE_FIGURE_ASKED = re.compile(r"(?i)(?:and\s+)?(?:what|which)\s+(?:number|figure|value|amount|rate|one|share|percentage|"
                                r"proportion)(?:\s+is\s+it)?|(?:是)?(?:多少|多大|什么)比例(?:呢|啊)?|(?:占)?百分之几(?:呢)?|"
                                r"how\s+(?:much|many|large|big|long)(?:\s+is\s+it)?|(?:是)?多少(?:呢|啊)?|(?:是)?几个(?:呢)?|"
                                r"具体(?:是)?多少|数字(?:是)?多少")


# "…上限是多少啊，不是啥优质企业那种": a remark telling the thing asked apart from another, no question of its own.
def _sets_apart(part: str) -> bool:
    """"不是啥优质企业那种": a remark setting the thing asked apart; "不是同行业的企业能进吗" is a question of its own.

    >>> _sets_apart("不是啥优质企业那种"), _sets_apart("不是同行业的企业能进吗？"), _sets_apart("不是优质企业最多买多少？")
    (True, False, False)
    """
    bare = part.strip(" ，,。！!")
    return bool(_SET_APART.fullmatch(bare)) and not re.search(r"[？?]", bare) \
        and not _ASKING.search(re.sub(r"^(?:我|我们)?(?:说的|问的)?(?:不是|并非|不算)(?:啥|什么)?", "", bare))


_LEVEL_THAT_DRAWS_UP = re.compile(r"\b(?:at )?(?:what|which) (?:administrative )?(?:level|tier)\b.*\b(?:compiled|compile|drawn up|"
                                  r"draw up|drafted|draft|prepared|prepare|formulated|made|written)\b")
_NAMING_REMARK = re.compile(r"[，,]\s*(?:我|我们)?(?:说的|问的|指的)?(?:就是|也就是|即)(?:那种|那个)?(?P<thing>[\u4e00-\u9fff]{1,12}?)"
                            r"(?:那种|那样|这种|那类)的?[啊呀哈哦]?[。！!]*$")


# "…要交保证金吗 温州的": a place named after the question asks nothing; the question ends before it
_PLACE_REMARK_TAIL = r"(?:的|那边|那儿|这边|那里|这里|的话)?[啊呀哈哦呢]?[？?。！!]*$"


def _without_place_remark(question: str) -> str:
    """``question`` without a place named after its end.

    >>> _without_place_remark("我们进园要交保证金吗 温州的"), _without_place_remark("进园要交保证金吗，在临海那边")
    ('我们进园要交保证金吗', '进园要交保证金吗')
    >>> _without_place_remark("温州的")
    '温州的'
    """
    m = re.search(r"[，,\s]+(?:在|是|我们是|我们在)?(?P<place>[\u4e00-\u9fff]{2,8}?)" + _PLACE_REMARK_TAIL, question)
    if m is None or not registry().mentioned(m.group("place")) \
            or registry().without_places(m.group("place")).strip() or not question[:m.start()].strip():
        return question
    return question[:m.start()]


# "…产权证咋办，跟买商铺一样吗": a closing comparison names the thing the rule is likened to (商铺 = 商业地产)
_LIKE_REMARK = re.compile(r"[，,]\s*(?:是不是)?(?:跟|和|与|像)(?:买|卖|办)?(?P<thing>[\u4e00-\u9fff]{2,6}?)(?:一样|差不多|相同)"
                          r"(?:吗|不|么|呢)?[？?。！!]*$")


def named_in_remark(question: str) -> str | None:
    """The thing a closing remark names ("…能提前卖吗，就是期房那种" → 期房, "…，跟买商铺一样吗" → 商铺); None without
    one (a place likened to is no thing: "…，跟临海一样吗").

    >>> named_in_remark("慈溪那边园区的厂房能提前卖吗，就是期房那种"), named_in_remark("厂房能卖吗")
    ('期房', None)
    >>> named_in_remark("买了以后产权证咋办，跟买商铺一样吗"), named_in_remark("温州容积率多少，跟临海一样吗")
    ('商铺', None)
    """
    from assistant.jurisdictions import registry

    m = _NAMING_REMARK.search(question) or _LIKE_REMARK.search(question)
    if m is None or registry().mentioned(m.group("thing")):
        return None
    return m.group("thing")


_SET_APART = re.compile(r"(?:我|我们)?(?:说的|问的)?(?:不是|并非|不算)(?:啥|什么)?[\u4e00-\u9fff]{1,12}?(?:那种|那样|这种|那类|那些)?"
                        r"(?:的)?[啊呀哈哦]?")


_ASKING = re.compile(r"[？?]|吗|(?<!那)么|呢|啥|咋|什么|怎么|怎样|如何|多少|多大|多久|多长|几|哪|谁|是否|能否|可否|有没有|能不能|可不可以|"
                     r"是不是|要不要|行不行|(\w)不\1|不$|伐$|哇$|\b(what|how|who|when|where|which|can|may|is|are|does|do)\b", re.I)


# A question word asking for a fact (not a yes/no tail like "小作坊买得起吗", which is about the same fact).
_WH = re.compile(r"什么|啥|哪|谁|多少|几|多大|多久|多长|怎么|怎样|如何|何时")
# "那几张表", "这几家企业" point at things, they ask nothing; "那几号前交", "那几年内" (那 = then) do ask.
_POINTING = re.compile(r"([那这])几(?=(?:张|份|项|条|家|个(?!月))[\u4e00-\u9fff])")


def unpointed(text: str) -> str:
    """``text`` with "那几张表" read as "那些张表": no question word.

    >>> unpointed("省里要的那几张表，那几号前交"), unpointed("那几年内要建成")
    ('省里要的那些张表，那几号前交', '那几年内要建成')
    >>> unpointed("我们厂就十几个人，最少要几亩地"), unpointed("几十家企业")
    ('我们厂就十余个人，最少要几亩地', '余十家企业')
    """
    return _ROUGH_NUMBER.sub(lambda m: m.group(0).replace("几", "余"), _POINTING.sub(r"\1些", text))


# "十几个人", "几十家", "两百几十万": a rough number the user states, no 几 that asks (mixed_dev35: "我们厂就十几个人"
# made a land question ask a count). "几十万还是几百万" would be a rough number asked — no user was seen to type it.
_ROUGH_NUMBER = re.compile(r"(?:[十百千万][几]|几[十百千万])")


_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-Z])")


# "And I read something about a separate allocation to Zhangqi…": where the user heard it is not what is asked; its
# words ("read", "something") made the asked thing look unmentioned (eval/english_dev3.jsonl, 2026-12-04).
_HEARSAY = re.compile(r"(^|[.?!]\s+)(?:and\s+|also\s+|but\s+)?(?:i|we)(?:\s+|'|’)(?:read|heard|saw|have heard|ve heard|was told|were told)"
                      r"\s+(?:something\s+|somewhere\s+|online\s+)*(?:about\s+|that\s+)?", re.I)


TYPOS_FILE = Path(__file__).resolve().parents[1] / "data" / "typos.yaml"


@functools.lru_cache(maxsize=1)
def _typos() -> tuple[tuple[str, str, str], ...]:
    """(typo, correction, characters after which the typo is part of a real word), longest typo first."""
    data = load_yaml(TYPOS_FILE.read_text(encoding="utf-8"))["typos"]
    return tuple(sorted(((k, v["to"], "".join(v.get("not_after", ()))) for k, v in data.items()),
                        key=lambda e: -len(e[0])))


def with_typos_fixed(question: str) -> str:
    """The question with the words owners mistype on a phone put right (assistant/data/typos.yaml), except where the
    typo is part of a real word ("入园标准让谁来定": 标准, not 准让).

    >>> with_typos_fixed("厂房买了几年能准让"), with_typos_fixed("转让"), with_typos_fixed("临海入园标准让谁来定")
    ('厂房买了几年能转让', '转让', '临海入园标准让谁来定')
    >>> with_typos_fixed("厂房租凭要办什么手续")
    '厂房租赁要办什么手续'
    """
    for wrong, right, not_after in _typos():
        start = question.find(wrong)
        while start >= 0:
            if start and question[start - 1] in not_after:
                start = question.find(wrong, start + 1)
                continue
            question = question[:start] + right + question[start + len(wrong):]
            start = question.find(wrong, start + len(right))
    return question


_BACK_TO = re.compile(r"^\s*(?:ok(?:ay)?,?\s*|and\s+)?(?:back to|returning to|going back to|coming back to)\s+"
                      r"([A-Za-z' -]{3,30}?)\s*[:,;.-]\s*(.+)$", re.I)


# a closing guess that the documents are silent ("文件里好像没提这个", "应该没规定吧")
_HEDGE_ZH = re.compile(r"(?P<end>[，,。？?！!])\s*(?:文件|政策|方案|规定|上面|里面)?(?:里|上|中)?(?:好像|应该|估计|可能|大概|似乎)"
                       r"(?:是)?(?:没|没有)(?:提|说|写|讲|规定|提到|说到|写到)(?:过|到)?(?:这个|这事|这块|这些)?[吧啊呀哈]?[。？?！!]*$")


def without_preamble(question: str) -> str:
    """An English question without the sentences before it that only say who is asking ("Journalist here.",
    "I'm a lawyer."): no question, no figure, no place and no term the glossary knows. Their words are not what is
    asked, and matched as if they were, they made a known topic look unmentioned ("lawyer" → 法律服务).

    >>> without_preamble("Journalist here. How many parks does Wenzhou want?")
    'How many parks does Wenzhou want?'
    >>> without_preamble("How much in total? And I read something about a grant to Zhangqi, how much was that?")
    'How much in total? a grant to Zhangqi, how much was that?'
    >>> without_preamble("We plan to build dormitories in Linhai. What is the largest room?")
    'We plan to build dormitories in Linhai. What is the largest room?'
    >>> without_preamble("Back to Wenzhou: which criteria are used?")
    'which criteria are used in Wenzhou?'
    >>> without_preamble("厂房过两年卖掉，应该不行吧？文件里好像没提这个"), without_preamble("文件里好像没提这个")
    ('厂房过两年卖掉，应该不行吧？', '文件里好像没提这个')
    """
    if not question.isascii():
        # "…应该不行吧？文件里好像没提这个": a closing guess that the documents say nothing is no part of what is asked
        hedged = _HEDGE_ZH.sub(lambda m: m.group("end") if m.group("end") in "？?" else "", question)
        return hedged if hedged != question and _ASKING.search(hedged) else question
    question = _HEARSAY.sub(r"\1", question)
    back = _BACK_TO.match(question)
    if back and registry().mentioned(back.group(1)) and not registry().without_places(back.group(1)).strip(" '-"):
        # "Back to Wenzhou: which criteria…": the place said where the question ends, as a question says it
        question = f"{back.group(2).strip().rstrip('?').rstrip()} in {back.group(1).strip()}?"
    sentences = _SENTENCE_END.split(question.strip())
    if len(sentences) < 2:
        return question
    kept = [x for x in sentences[:-1] if "?" in x or re.search(r"\d", x) or _names_something(analyse(x))]
    return " ".join([*kept, sentences[-1]])


def _names_something(q: AnalysedQuery) -> bool:
    """A term the glossary knows or a place: what a sentence before the question says is part of what is asked."""
    return bool(q.expansions or q.cities)


def english_tail(question: str) -> str | None:
    """The last clause of an English sentence that asks a second thing after ", and"; None otherwise. Not a part of
    its own: the whole sentence is matched first (both halves often ask two figures of one clause), the tail only
    when the whole answer does not state the kind of fact it asks.

    >>> english_tail("Can a new park be pre-sold, and which bureau drafts the pre-sale rules?")
    'which bureau drafts the pre-sale rules?'
    >>> english_tail("How many firms must a park house?") is None
    True
    """
    if not question.isascii():
        return None
    m = _ENGLISH_TAIL.search(question.strip())
    return m.group(1) if m else None


def _comma_parts(part: str) -> list[str]:
    """A part whose comma joins two questions ("由哪个单位发出，落款日期是哪天") in two; a premise before a comma
    ("我厂想搬进临海的小微园，最少得买多大面积") stays with its question.

    >>> _comma_parts("通知由哪个单位发出，落款日期是哪天"), _comma_parts("我厂想搬进临海，最少得买多大面积")
    (['通知由哪个单位发出', '落款日期是哪天'], ['我厂想搬进临海，最少得买多大面积'])
    >>> _comma_parts("一家企业最少要买多大面积的厂房啊，小作坊买得起吗")
    ['一家企业最少要买多大面积的厂房啊，小作坊买得起吗']
    >>> _comma_parts("省里要的那几张表，几号前要交")   # "那几张表" names what is asked about
    ['省里要的那几张表，几号前要交']
    >>> _comma_parts("要是哪个市没按时报送，省里会如何处理")   # a condition, then what is asked of it
    ['要是哪个市没按时报送，省里会如何处理']
    >>> _comma_parts("这钱交给谁啊，哪个部门收的")   # the same thing asked twice
    ['这钱交给谁啊，哪个部门收的']
    """
    pieces = [p for p in re.split(r"[，,]", part) if p.strip()]
    if len(pieces) == 2 and not _CONDITION.match(pieces[0].strip()) and all(_WH.search(unpointed(p)) and len(re.sub(r"\W", "", p)) >= 5 for p in pieces) \
            and not part.isascii() and not _asked_again(*pieces):
        return [p.strip() for p in pieces]
    return [part]


def _asked_again(first: str, second: str) -> bool:
    """The second clause asks the same kind of fact as the first and names nothing of its own ("这钱交给谁啊，哪个
    部门收的"); "容积率多少，建筑密度多少" names a second subject."""
    kind = answer_types(first)[:1]
    if not kind or answer_types(second)[:1] != kind or registry().mentioned(second):
        return False
    rest = second
    for w in sorted(cue_words(kind), key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = re.sub(r"[的了呢吗啊呀吧嘛是要得]", "", rest)
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 2


_CONDITION = re.compile(r"(?:要是|如果|假如|假设|若是|若|万一|一旦|倘若)")


def asking_clauses(text: str) -> int:
    """How many comma-separated clauses of a Chinese question ask something: a condition ("要是…，") and a
    leading "那么，" or "请问，" ask nothing.

    >>> asking_clauses("新方案啥时候开始算数，以前那个入园办法还管用吗"), asking_clauses("那么，临海的容积率最低多少？")
    (2, 1)
    >>> asking_clauses("那其他几样材料呢，截止是哪天")
    1
    >>> asking_clauses("临海园区分幢盖好的厂房 能先办证吗 能卖吗")   # typed on a phone: spaces part the clauses
    2
    """
    pieces = [p.strip() for p in re.split(r"[，,；;]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", text)]
    # a leading "那X呢，" names what the next clause asks about ("那其他几样材料呢，截止是哪天")
    pieces = [p for i, p in enumerate(pieces) if i == len(pieces) - 1 or not _TOPIC_LEAD.match(p)]
    return sum(1 for p in pieces if p.strip(" 那么请问另外") and not _CONDITION.match(p)
               and asks_something(p.removeprefix("那么").removeprefix("请问")))


_TOPIC_LEAD = re.compile(r"^(?:那|那么)[^，,]{1,12}呢$")


# "文号是多少", "what is its document number": the document's own number is asked.
_ASKS_DOC_NUMBER = re.compile(r"(?:文号|发文字号|发文号|字号)(?:[和及、](?:签发人|[\u4e00-\u9fff]{0,2}日期|发文机关|机关|单位|名称|标题)){0,3}(?:分别|各)?(?:是|为)?(?:多少|什么|啥|几号|哪个)"
                              r"|(?:what|which) (?:is |was )?(?:its |the )?(?:document|file|reference) number")
# …unless it asks the number of a document it cites ("依据的文件文号", "以前那个办法的文号"), or prints one itself
# ("临政办发〔2018〕89号这个文号的文件还有效吗").
_OTHER_DOCUMENT = re.compile(r"依据|根据|引用|提到|废止|上位|以前|原来|之前|旧的|老的|〔|\[\d{4}\]"
                             r"|basis|based on|cites?\b|repeal|previous|former|earlier|old")


_ASKS_IN_FORCE = re.compile(r"(?:何时|什么时候|啥时候|哪天|哪一天|几号|哪年|哪一年)(?:起|开始)?(?:施行|生效|实施)|"
                            r"(?:施行|生效|实施)(?:日期|时间)|\bwhen (?:does|did|will|was) (?:it|that|this)\b.{0,20}"
                            r"\b(?:take effect|come into force|become effective)|\beffective date\b")


def asks_in_force(question: str) -> bool:
    """The question asks when a document takes effect ("自何时起施行").

    >>> asks_in_force("该实施意见自何时起施行？"), asks_in_force("实施意见有哪些扶持政策")
    (True, False)
    """
    return bool(_ASKS_IN_FORCE.search(question.lower()))


def asks_doc_number(question: str) -> bool:
    """The question asks a document's own number ("文号是多少"), not that of a document it cites or prints."""
    text = question.lower()
    return bool(_ASKS_DOC_NUMBER.search(text)) and not _OTHER_DOCUMENT.search(text)


def asks_something(part: str) -> bool:
    """A part that asks something: "原则上不让进园" before "那有啥例外？" is what the user knows, not a question.

    >>> asks_something("原则上不让进园"), asks_something("那有啥例外？"), asks_something("能特批不"), asks_something("小作坊能搬进去伐"), asks_something("要搬走咋弄")
    (False, True, True, True, True)
    >>> asks_something("我们小厂哪有那么多？"), asks_something("哪来这么多钱啊"), asks_something("哪有这么多规定？能不能少点")
    (False, False, True)
    """
    return bool(_ASKING.search(_RHETORICAL.sub("", unpointed(part))))


# "我们小厂哪有那么多？", "哪来这么多钱": a rhetorical 哪 says the user has not got it; it asks nothing (mixed_dev35).
_RHETORICAL = re.compile(r"哪(?:有|来|里有|儿有|里来|儿来|能有)(?:那么|这么)(?:多|大|高)[\u4e00-\u9fff]{0,3}?[啊呀哦嘛的]*[？?]?")


_COMPARING = re.compile(r"一样|相同|不同|区别|差别|跟它|和它|比它|更(?!新|改|换|正|名)[\u4e00-\u9fff]|\b(?:same|different|differ|also|too|"
                        r"compared?|stricter|looser|higher|lower|more|less)\b", re.I)


def city_asked(text: str) -> str | None:
    """Of several cities named, the one the question asks about when the others are only told of in a statement
    ("温州的维修基金一平交多少？我朋友在临海那边交的是12块" asks 温州's); None when the asking clauses name none or
    several ("临海和温州哪个高", "温州多少，跟临海一样吗").

    >>> city_asked("温州的维修基金一个平方交多少钱啊？我朋友在临海那边交的是12块一平"), city_asked("临海是12块，温州呢？")
    ('温州市', '温州市')
    >>> city_asked("温州容积率多少，跟临海一样吗"), city_asked("我在临海开厂，想去温州买，维修资金多少？")
    (None, None)
    >>> city_asked("临海容积率要2.0以上，温州也一样吗"), city_asked("我们厂在临海，温州那边容积率要求更宽松吗")
    (None, None)
    """
    from assistant.query import places_in

    asked, told = set(), set()
    for piece in re.split(r"(?<=[，,；;。！!？?])", text):
        cities = {c for c in places_in(piece)[0] if c != "浙江省"}
        if cities and _COMPARING.search(piece):
            return None   # "临海容积率要2.0以上，温州也一样吗": the two compared (review 30)
        (asked if asks_something(piece) and not _CONDITION.match(piece.strip()) else told).update(cities)
    return next(iter(asked)) if len(asked) == 1 and told - asked else None


def _only_a_place(part: str) -> bool:
    """"…自己得留多少不能卖？临海的": a trailing place names the city of the question, it asks nothing itself.

    >>> _only_a_place("临海的"), _only_a_place("in Wenzhou?"), _only_a_place("温州要交多少")
    (True, True, False)
    """
    from assistant.jurisdictions import registry

    rest = registry().without_places(part)
    return bool(registry().mentioned(part)) and not re.sub(r"[\W的呢啊吧呀哈这边那边这里那里\s]|\b(in|for|at|the|and|what|about)\b",
                                                          "", rest)


@dataclass(frozen=True)
class Frame:
    """A question understood: what the handlers need to decide, and nothing they must re-derive."""

    question: str                      # as asked
    text: str                          # as understood (a follow-up rewritten with the earlier topic or city)
    language: Literal["zh", "en"]
    query: AnalysedQuery
    named_cities: tuple[str, ...]      # covered jurisdictions the question names (province included)
    city: str | None = None            # the jurisdiction the answer is tied to
    city_source: CitySource | None = None
    types: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    tail: str | None = None            # an English ", and which…" last clause (answered if the whole does not)
    history_topic: str | None = None   # the topic of the previous turn (follow-ups)
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def asks_numeric(self) -> bool:
        return bool(set(self.types[:2]) & NUMERIC) and not set(self.types[:1]) & {"permission", "actor", "contact"}

    @property
    def asks_figure(self) -> bool:
        """Asks for a number outright ("交多少钱", "几年", "how much"), not only about a topic that has one."""
        return bool(self.types) and self.types[0] in NUMERIC and bool(_FIGURE_QUESTION.search(self.text.lower())
                                                                      or confirms_figure(self.text)
                                                                      or _figure_heard(self.text))

    @property
    def asks(self) -> str | None:
        return self.types[0] if self.types else None

    @property
    def city_is_users(self) -> bool:
        """The user named or chose the city (only then may an answer warn about "the city you asked about")."""
        return self.city_source in ("named", "chosen")

    @property
    def local_cities(self) -> tuple[str, ...]:
        return tuple(c for c in self.named_cities if c != "浙江省")


@functools.lru_cache(maxsize=1)
def _document_referents() -> tuple[tuple[str, ...], re.Pattern]:
    from assistant.answer.followup import FILLERS_FILE

    data = load_yaml(FILLERS_FILE.read_text(encoding="utf-8"))["document_referents"]
    en = "|".join(re.escape(w) for w in sorted(data["en"], key=len, reverse=True))
    return tuple(data["zh"]), re.compile(rf"\b(?:{en})\b")


def points_at_document(text: str) -> bool:
    """Whether a turn points at the document the conversation is about (follow_ups.yaml document_referents).

    >>> points_at_document("该通知是否对小微企业园容积率下限作出规定？"), points_at_document("Does the notice set a plot ratio?")
    (True, True)
    >>> points_at_document("容积率有下限吗")
    False
    """
    zh, en = _document_referents()
    return any(w in text for w in zh) or bool(en.search(text.lower()))


# A city named only as what the asked place is likened to ("跟临海一样", "像临海那样").
# (Chinese only: "Is it 400 square metres like Linhai?" after 温州 set none keeps asking 临海's figure)
_LIKENED_TO = re.compile(r"(?:跟|和|与|像)(?P<a>[\u4e00-\u9fff]{2,6}?)(?:一样|那样|似的|相同|差不多)")


def without_likening(text: str) -> str:
    """``text`` without what it likens the place asked to ("是不是跟临海一样2.0以上" → "是不是2.0以上").

    >>> without_likening("是不是跟临海一样2.0以上")
    '是不是2.0以上'
    """
    return _LIKENED_TO.sub("", text)


def likened_only(text: str, city: str) -> bool:
    """Every mention of ``city`` in ``text`` is inside a likening.

    >>> likened_only("那普通企业最少要买多大 是不是跟临海一样400平起", "临海市"), likened_only("临海呢", "临海市")
    (True, False)
    """
    places = registry()
    named = {j.name for j in places.mentioned(text)}
    return city in named and city not in {j.name for j in places.mentioned(without_likening(text))}


def frame(question: str, text: str | None = None, *, chosen_city: str | None = None,
          inherited_city: str | None = None, history_topic: str | None = None) -> Frame:
    """Understand ``question`` (``text``: its resolved form). The city: chosen (UI filter, ``--city``) wins, then one
    named in the question, then the one carried from the conversation."""
    text = text or question
    q = analyse(text)
    asked = analyse(question)
    language = asked.language
    local = [c for c in q.cities if c != "浙江省"]
    said = {c for c in asked.cities if c != "浙江省"}   # named by the user in this turn, not by the rewriting
    if inherited_city and len(local) == 1 and local[0] != inherited_city and likened_only(text, local[0]):
        # "那普通企业最少要买多大 是不是跟临海一样400平起" in a conversation on 温州: 临海 is what 温州 is likened to,
        # the city asked is still 温州 (two cities named, "温州容积率跟临海一样吗", are compared)
        local = []
    if chosen_city:
        city, source = chosen_city, "chosen"
    elif len(local) == 1:
        city, source = local[0], ("named" if local[0] in said else "inherited")
    elif len(local) > 1 and (asked_one := city_asked(text)) is not None:
        city, source = asked_one, ("named" if asked_one in said else "inherited")
    elif not local and "浙江省" in q.cities:
        city, source = "浙江省", "named"
    elif not local and inherited_city:
        # "该通知是否对容积率下限作出规定" after turns on the provincial notice: the notice pointed at is the place asked
        city, source = inherited_city, ("named" if inherited_city == "浙江省" and points_at_document(text) else "inherited")
    else:
        city, source = None, None
    return Frame(question=question, text=text, language=language, query=q, named_cities=q.cities, city=city,
                 city_source=source, types=answer_types(text), parts=(parts := split_parts(text)),
                 tail=english_tail(text) if len(parts) == 1 else None, history_topic=history_topic)
