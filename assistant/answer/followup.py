"""The one follow-up resolver, used by the API, the CLI and every UI control (typed follow-up, suggested-question
buttons, city filter): a turn is understood with what the previous turn carried — its topic, city, answer type
and the figures the user gave.

- "那温州呢？" / "And in Linhai?" keeps the topic and changes the city;
- "那建筑密度呢？" / "what about dormitories?" keeps the city and changes the topic;
- "那1200平方米呢？" after a fee question computes the fee for the new figure;
- a new question keeps the earlier city only when it names none (and that city then is "inherited", so no
  warning about "the city you asked about" is raised for it).

>>> r = resolve("那温州呢？", Turn(question="临海对建筑密度有什么要求？", city="临海市", city_source="named"))
>>> (r.text, r.kind)
('温州对建筑密度有什么要求？', 'city')
>>> resolve("那1200平方米呢？", Turn(question="临海园区维修资金怎么收？", city="临海市")).text
'临海园区维修资金怎么收？ 1200平方米'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal


from assistant.answer.models import Turn
from assistant.errors import AssistantError
from assistant.jurisdictions import registry
from assistant.quantities import find_dates, find_quantities
from assistant.answer.offers import figures_in, offers_a_figure, stated_families
from assistant.yamlio import load_yaml

FOLLOW_UP_ZH = re.compile(r"^\s*(?:那|那么|还有|再问一下|如果是|要是|换成|改成)?\s*(.{1,20}?)\s*"
                          # ("要是过了期限还没开工 会怎么样" asks what follows, not how X is ruled; a body named, "那行业协会怎么样",
                          # is a switch — a closed list: "没开工会怎么样", "开发商会怎么样" ask what follows)
                          r"(?:呢|(?:(?<![会将])|(?<=协会)|(?<=委会)|(?<=理事会)|(?<=董事会)|(?<=联合会)|(?<=[^发]商会))(?:怎么样|如何)"
                          r"|怎么规定|的话呢|的话|又如何|又怎样)\s*[？?]?\s*$")
FOLLOW_UP_EN = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(.{1,60}?)\s*\??\s*$"
                          r"|^\s*and\s+(?:in\s+|for\s+)?(.{1,60}?)\s*\?\s*$", re.I)
_NUMBER_WITH_UNIT = re.compile(r"[\d,，.．一二两三四五六七八九十百千万]+\s*(?:万?平方米|万?平米|平方|㎡|平|亩|万元|元|家|个月|年|天|日|%|‰|m2|sqm)"
                               r"|\d[\d,.]*\s*万(?![平亩元\d])", re.I)   # "3200万": money said without 元

_DATE_TEXT = re.compile(r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*[日号]?")
_QUESTION_ONE = re.compile(r"[哪那这]一|一共|一起|一下|一般|一样|两样")

Kind = Literal["new", "city", "topic", "figure", "bare_city", "except", "across", "case"]
# "那非高层呢", "不是成套的呢": the previous question for the case the provision's exception does not cover
_NEGATED_CASE = re.compile(r"^(?:非|不是|不算|除了|还没有?)(.{2,8}?)(?:的|住宅|以外|之外)?$")
FILLERS_FILE = Path(__file__).resolve().parents[1] / "data" / "follow_ups.yaml"


@functools.lru_cache(maxsize=1)
def _switch_fillers() -> dict:
    return load_yaml(FILLERS_FILE.read_text(encoding="utf-8"))["switch_fillers"]


@functools.lru_cache(maxsize=1)
def _fillers() -> tuple[tuple[str, ...], frozenset[str]]:
    data = _switch_fillers()
    return tuple(sorted(data["zh"], key=len, reverse=True)), frozenset(w.lower() for w in data["en"])


@functools.lru_cache(maxsize=1)
def _same_fillers() -> frozenset[str]:
    return frozenset(w.lower() for w in _switch_fillers()["en_same"])


_SAME_SAID = re.compile(r"\b(?:the same|same as|similar|likewise)\b", re.I)


@functools.lru_cache(maxsize=1)
def _other_places() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_yaml(FILLERS_FILE.read_text(encoding="utf-8"))["other_places"]
    return tuple(sorted(data["zh"], key=len, reverse=True)), tuple(sorted(data["en"], key=len, reverse=True))


def asks_other_places(question: str) -> bool:
    """The turn asks the previous question of every other place and says nothing else of its own.

    >>> asks_other_places("其他地方呢？"), asks_other_places("别的城市也是这样吗"), asks_other_places("What about other cities?")
    (True, True, True)
    >>> asks_other_places("其他地方的宿舍呢"), asks_other_places("温州呢"), asks_other_places("Do other cities cap dormitories?")
    (False, False, False)
    >>> asks_other_places("其他地方的收费标准呢")   # a subject of its own
    False
    """
    if _cities_in(question):
        return False
    zh_words, en_words = _other_places()
    rest, found = question.lower(), False
    for w in (*zh_words, *en_words):
        if w in rest:
            rest, found = rest.replace(w, " "), True
    if not found:
        return False
    _, en = _fillers()
    words = [w for w in re.findall(r"[a-z']+", rest) if w not in en]
    return not words and not _OTHER_PLACES_RESIDUE.sub("", re.sub(r"[a-z'\s\W]", "", rest))


# What may stand beside "其他地方" in a turn that asks nothing of its own ("别的城市也是这样吗", "其他地方有没有规定")
_OTHER_PLACES_RESIDUE = re.compile(r"那么|那|的|也|都|是|这样|一样|怎么样|怎样|如何|呢|吗|啊|呀|吧|嘛|有没有|没有|有|规定|要求|怎么|咋|"
                                   r"还|又|会|不|同样|相同|这个|这种")


_COMPARED = re.compile(r"^各地|，?(?:有什么不同|有何不同|有什么区别)？?$|\? How do the cities differ\?$")


def _uncompared(question: str) -> str:
    """The question a comparison asked of every city, without its comparison words.

    >>> _uncompared("各地物业维修资金怎么交有什么不同？"), _uncompared("What is the fund rate? How do the cities differ?")
    ('物业维修资金怎么交', 'What is the fund rate')
    """
    return _COMPARED.sub("", question).strip() or question


def _across_places(previous_question: str, standard: str = "") -> str:
    """The previous question (a Chinese one by its provision's standard question, which names what is asked even
    after a short follow-up such as "谁批") asked as a comparison of the cities: "各地…有什么不同？"."""
    asked = _strip_places(previous_question).strip()
    if asked.isascii():
        asked = re.sub(r"(?i)\s+(in|for|of|at)\s*\??\s*$", "", asked.rstrip(" ?"))
        return f"{asked}? How do the cities differ?"
    if standard:
        asked = _strip_places(standard).strip()
    asked = asked.lstrip("和与及跟、，, ").rstrip("？?。 ")
    return f"各地{asked}" + ("？" if re.search(r"不同|区别|异同", asked) else "有什么不同？")


# A bound said in a switch ("那温州有最低面积没", "Does Wenzhou cap that too?") restates the previous provision's
# own bound: a word of the same direction as the provision's is no topic of the turn's own.
_MIN_SAID = re.compile(r"最低|最少|至少|起码|下限|minimum|at least|lower limit|floor")
_MAX_SAID = re.compile(r"最高|最多|最大|至多|封顶|上限|maximum|at most|upper limit|\bcaps?\b|\bcapped\b")
# a range ("15%-25%") states both bounds
_RANGE_STATED = r"|\d+(?:\.\d+)?\s*[%％]?\s*[-—–~～至到]\s*\d+(?:\.\d+)?\s*[%％]"
_MIN_STATED = re.compile(r"不得低于|不低于|不少于|不得少于|以上|至少|下限|minimum|at least" + _RANGE_STATED)
_MAX_STATED = re.compile(r"不得超过|不超过|不高于|以下|以内|控制在|上限|maximum|at most" + _RANGE_STATED)


def _without_restated_bound(rest: str, provision: str) -> str:
    """``rest`` without a bound word of the direction ``provision`` states (a minimum for a minimum).

    >>> _without_restated_bound("有最低面积没", "单个入园企业建筑面积一般不得低于400平方米")
    '有面积没'
    >>> _without_restated_bound("最多面积", "单个入园企业建筑面积一般不得低于400平方米")
    '最多面积'
    >>> _without_restated_bound("最多能占多少", "其建筑面积占总建筑面积的15%-25%")
    '能占多少'
    """
    if _MIN_STATED.search(provision):
        rest = _MIN_SAID.sub("", rest)
    if _MAX_STATED.search(provision):
        rest = _MAX_SAID.sub("", rest)
    return rest


# The word for the kind of figure a provision states ("时限" of "24个月内竣工验收"): asking for it asks the same thing
# (conversations_dev9 dev9_c02: "慈溪…开工、竣工时限是否有类似规定" after 临海's deadlines, 2026-12-05).
_KIND_WORDS = ((re.compile(r"时限|期限|年限|多久|多长时间"), re.compile(r"\d+\s*(?:个月|年|天|日|个工作日)")),
               (re.compile(r"比例|占比|占"), re.compile(r"%|％|‰|分之")),
               (re.compile(r"面积"), re.compile(r"平方米|㎡|亩")))


def _without_kind_words(rest: str, provision: str) -> str:
    """``rest`` without the words naming the kind of figure ``provision`` states.

    >>> _without_kind_words("对开工、竣工时限？", "24个月内竣工验收")
    '对开工、竣工？'
    >>> _without_kind_words("对开工、竣工时限？", "物业办公用房1.5‰")
    '对开工、竣工时限？'
    """
    for words, figure in _KIND_WORDS:
        if figure.search(provision):
            rest = words.sub("", rest)
    return rest


def only_switches_city(question: str, previous_city: str | None, previous_question: str = "",
                       provision: str = "") -> str | None:
    """The city a turn switches to when it names one other city and nothing else of its own: "那温州呢？温州也是按
    这个标准交吗", "温州市对此有何规定？", "Does Linhai give the same treatment?". Words of the previous question
    are not its own ("那温州呢？最少买多少" after "临海厂房最少要买多大面积"), nor are those of the provision the
    conversation is about (``provision``: its subject and spans; "那温州有最低面积没" after 临海's 400平方米 minimum).

    >>> only_switches_city("温州市对此有何规定？", "临海市")
    '温州市'
    >>> only_switches_city("温州也要公示吗", "临海市") is None
    True
    >>> only_switches_city("温州市的比例要求是多少？", "临海市", "临海非生产性用房占总建筑面积的比例有何规定？")
    '温州市'
    >>> only_switches_city("温州市对该比例的规定如何？", "临海市")
    '温州市'
    >>> only_switches_city("慈溪市对此有无相应比例要求？", "温州市", "温州市对该比例的规定如何？")
    '慈溪市'
    >>> only_switches_city("慈溪对开工、竣工时限有何规定？", "临海市", "最迟哪天开工", "6个月内开工建设 24个月内竣工验收")
    '慈溪市'
    """
    cities = list(dict.fromkeys(_cities_in(question)))
    if len(cities) != 1 or cities[0] == previous_city:
        return None
    rest = _ANAPHORA.sub("", _strip_places(question))
    rest = _without_switch_fillers(rest)
    if _PER_SQUARE_METRE_RATE.search(provision):
        # "慈溪的园区也这么交吗 一平多少" after 临海's fees per square metre: the unit the rate is asked in is no topic
        # (after a dormitory's size, "一平多少钱" asks a price of its own — review 35)
        rest = _PER_SQUARE_METRE_ASKED.sub("", rest)
    _, en = _fillers()
    if provision:
        rest = _without_restated_bound(rest.lower(), provision.lower())
        rest = _without_kind_words(rest, provision)
    if previous_question or provision:
        from assistant import words

        said = _strip_places(previous_question)
        sides = [re.split(r"以及|和|及|与|、", m.group(0)) for m in _SEVERAL_ASKED.finditer(said)]
        runs = [r.lstrip("对在就") for r in re.findall(r"[\u4e00-\u9fff]{3,}", rest)]
        if any(len(run) >= 3 and sum(run in side for side in group) == 1 for group in sides for run in runs):
            # "温州对建筑密度有要求吗" after "临海…对容积率和建筑密度有什么要求": the turn names one of the things asked
            # together — its own question for the new city, not the whole previous one (nor the provision it led with)
            return None
        # within one of the provision's own words ("面积" of "建筑面积"; "工期" is not said by "开工期限")
        stated = set(words.lcut(provision))
        rest = "".join(w for w in words.lcut(rest)
                       if not re.search(r"[\u4e00-\u9fff]", w) or (w not in said and not any(w in t for t in stated)))
    known = set(re.findall(r"[a-z']+", provision.lower()))
    if _SAME_SAID.search(question):
        en = en | _same_fillers()
    words = [w for w in re.findall(r"[a-z']+", rest.lower()) if w not in en and w not in known]
    chinese = re.findall(r"[\u4e00-\u9fff]", rest)
    return cities[0] if not words and len(chinese) <= 1 else None


_PER_SQUARE_METRE_RATE = re.compile(r"元/平方米|元/㎡|元每平方米")
_PER_SQUARE_METRE_ASKED = re.compile(r"[一每](?:平方米|平米|平方|平)")


# several things asked together in one question ("容积率和建筑密度", "占地、建筑面积")
_SEVERAL_ASKED = re.compile(r"[\u4e00-\u9fff]{2,}(?:和|及|与|、|以及)[\u4e00-\u9fff]{2,}")

# "温州市对该比例的规定如何？", "慈溪对此项有无要求": a word pointing back at the previous turn's provision (and the
# kind of thing it named) is no topic of the turn's own.
_ANAPHORA = re.compile(r"对?(?:该|此|这个|这一|上述|前述)(?:比例|占比|规定|要求|标准|面积|期限|年限|时限|金额|费用|数额|数量|项|条|点)?")


# Chinese characters a turn must say beyond its city, fillers and asking words to name a topic of its own ("建筑密度卡"
# does, "交" of "那温州呢？交多少" does not)
OWN_TOPIC_CHARS = 3


def _without_switch_fillers(text: str) -> str:
    """``text`` without the Chinese words that only switch the city or ask ("那", "呢", "多少", "规定" …)."""
    zh, _ = _fillers()
    for w in zh:
        text = text.replace(w, "")
    return text


def _own_words(text: str) -> str:
    """The Chinese of ``text`` without the switch fillers.

    >>> _own_words("呢，建筑密度卡"), _own_words("那呢？交")
    ('建筑密度卡', '')
    """
    return re.sub(r"[^\u4e00-\u9fff]", "", _without_switch_fillers(text))


# A yes/no of the turn's own at its end ("慈溪呢，能预售不"), no figure in it.
_OWN_YES_NO = re.compile(r"(?:能|可以|可不可以|能不能|允不允许|让不让|准不准)[\u4e00-\u9fff]{1,6}?(?:不|吗|么|没有?)[？?]?$")


@dataclass(frozen=True)
class Resolution:
    text: str                         # the question as it is to be answered
    kind: Kind
    inherited_city: str | None = None  # the previous turn's city, when this turn names none
    topic: str | None = None           # the previous turn's topic
    previous_city: str | None = None   # the city the conversation was about before this turn switched it
    negated: str | None = None         # the case the turn excludes ("非高层": 高层)


def follow_up_subject(question: str) -> str | None:
    """"那温州呢？" → "温州"; "what about dormitories?" → "dormitories"; None if not a follow-up."""
    m = FOLLOW_UP_ZH.match(question)
    if m and len(question.strip()) <= 24:
        return m.group(1).strip("，,。 ")
    m = FOLLOW_UP_EN.match(question)
    if m:
        return (m.group(1) or m.group(2)).strip()
    return None


def _cities_in(text: str) -> list[str]:
    return [j.name for j in registry().mentioned(text)]


# a likening that closes the question asks whether the places' rules are the same ("…跟温州一样吗")
_LIKENED_ASKED = re.compile(r"(?:一样|相同|差不多)(?:吗|么|不|吧|伐|嘛)[？?]*\s*$|一样不一样[？?]*\s*$")


def _cities_asked(text: str) -> list[str]:
    """The places named, less one named only as what is likened to ("是不是跟临海一样2.0以上": 临海 is no place asked)."""
    from assistant.answer.frame import likened_only

    return [c for c in _cities_in(text) if not likened_only(text, c)]


def _strip_places(text: str) -> str:
    reg = registry()
    for j in reg.mentioned(text):
        for name in sorted((j.name, *j.names), key=len, reverse=True):
            text = re.sub(re.escape(name), "", text, flags=re.I)
    return re.sub(r"^[\s的，,]+", "", text)


def _without_fillers(text: str) -> str:
    """``text`` without the switch fillers that only point at a place ("那边", "这块").

    >>> _without_fillers("那边"), _without_fillers("宿舍")
    ('', '宿舍')
    """
    for w in _place_words():
        text = text.replace(w, "")
    return text.strip()


@functools.lru_cache(maxsize=1)
def _place_words() -> tuple[str, ...]:
    data = load_yaml(FILLERS_FILE.read_text(encoding="utf-8"))["place_words"]
    return tuple(sorted(data, key=len, reverse=True))


def _is_figure(subject: str) -> bool:
    """The subject is only a number with its unit (or a date): "1200平方米", "2025年1月1日签的"."""
    rest = _NUMBER_WITH_UNIT.sub("", subject)
    rest = _DATE_TEXT.sub("", rest)
    rest = re.sub(r"[的签买是有为了如果要是\s，,]", "", rest)
    try:
        has_numbers = bool(find_quantities(subject, field=None) or find_dates(subject, field=None))
    except Exception:  # noqa: BLE001 - an unreadable number is not a figure follow-up
        return False
    return has_numbers and len(rest) <= 2


# What a turn that only gives the user's own figure says around it: "我买了1200平，要交多少钱", "租了800平方米的话一共多少"
_FIGURE_TALK = re.compile(r"我们|我家|我|总建筑面积|建筑面积|总面积|园区|园子|配|买了|买的|买|租了|租的|租|有|的话|要是|如果|假如|那|要|得|交|缴|付|多少钱|多少|一共|总共|"
                          r"合计|是|呢|吗|啊|呀|吧|的|厂房|房子|面积|大概|左右|算|算下来|平方米|平米|平方|平|\s|[，,。？?！!]")


def _states_only_a_figure(question: str) -> bool:
    """A turn that gives a figure and asks "how much" of nothing new: the previous question with this figure.

    >>> _states_only_a_figure("我买了1200平，要交多少钱"), _states_only_a_figure("温州建筑密度多少")
    (True, False)
    """
    if not _NUMBER_WITH_UNIT.search(question):
        return False
    return not _FIGURE_TALK.sub("", _NUMBER_WITH_UNIT.sub("", question))


# A turn adding the user's own figure may name what it is in a few words of its own ("土地出让金3200万"): at most this
# many characters besides the figure and the talk around it (eval/conversations_dev4.jsonl, 2026-12-03).
FIGURE_OWN_WORDS = 6


def _adds_a_figure(question: str, previous_question: str, previous_city: str | None = None) -> bool:
    """A short turn that gives a figure with its unit and asks how much, naming no city, after a question that gave
    none: the previous question is asked again with the user's figure.

    >>> _adds_a_figure("我们土地出让金3200万 那最少交多少", "温州竞亩均税收拿地的，履约保证金最少交多少")
    True
    >>> _adds_a_figure("温州宿舍1200平，维修资金交多少", "临海厂房最少买多大")
    False
    >>> _adds_a_figure("那2019年还打算建几个", "市里财政给了多少钱扶持")
    False
    >>> _adds_a_figure("2019年打算再建几个", "现在已经建好几个了"), _adds_a_figure("那2020年开工多少", "乐清开工多少")
    (False, True)
    >>> _adds_a_figure("2019年又安排了多少", "慈溪市财政安排了多少钱扶持小微园")
    True
    """
    # a calendar year asking another kind of fact ("那2019年还打算建几个" after the budget) is when, not a figure for the
    # previous question ("那2020年开工多少" after 乐清's land plan is)
    from assistant.answer.frame import answer_types, words_of

    asked, before = answer_types(question), answer_types(previous_question)
    other_kind = bool(asked and before and asked[0] != before[0])
    given = [m.group(0) for m in _NUMBER_WITH_UNIT.finditer(question) if re.search(r"\d", m.group(0))
             and not (other_kind and re.fullmatch(r"(?:19|20)\d{2}\s*年", m.group(0)))]
    if not given or _NUMBER_WITH_UNIT.search(previous_question) or set(_cities_in(question)) - {previous_city}:
        return False   # ("一平一个月": a rate's unit, not a figure the user gives; "照温州这个" is the same city)
    question = _strip_places(question)
    if not re.search(r"多少|几|多大|多久", question):
        return False
    own = _FIGURE_TALK.sub("", _NUMBER_WITH_UNIT.sub("", question))
    own = re.sub(r"最少|最多|至少|起码|大概|能|要|需要", "", own)
    # (…unless a total is asked, answer_types.yaml total_asked: "再加上2019年打算建的，一共多少" adds that year's figure)
    if all(re.fullmatch(r"(?:19|20)\d{2}\s*年", g) for g in given) and not words_of("total_asked").search(question) \
            and any(not any(w[i:i + 2] in previous_question for i in range(len(w) - 1))
                    for w in re.findall(r"[\u4e00-\u9fff]{2,}", re.sub(r"几个|几|多少|个|了", "", own))):
        # a year with words of its own ("2019年打算再建几个" after the parks built): a new question of that year
        return False
    from assistant.router import route_calculation

    try:
        if route_calculation(question) is not None:
            return False   # "宿舍楼总共1万平，成套的最多能建多少": a calculation of its own
        if len(own) > FIGURE_OWN_WORDS:
            # a few more words of its own ("总投资8000万 那得投到多少才能卖") when the previous question with the
            # figure is a calculation: the figure is the input of the previous turn's rule
            return len(own) <= 2 * FIGURE_OWN_WORDS and route_calculation(f"{previous_question} {question}") is not None
        return True
    except AssistantError:
        return len(own) <= FIGURE_OWN_WORDS


def _unit_of(figure: str) -> str:
    # 万 (千, 百) belong to the unit: "300万" is money, and "500万" replaces it
    return re.sub(r"[\d,，.．一二两三四五六七八九十\s]", "", figure) or figure


def _swap_case(previous_question: str, subject: str) -> str | None:
    """The previous question with the case it named replaced by the other case the follow-up names, when the two are
    the sides of one contrasting pair; ``None`` otherwise.

    >>> _swap_case("临海新拿地建小微园，地最少要多少亩", "旧厂改的")
    '临海旧厂改建小微园，地最少要多少亩'
    >>> _swap_case("普通企业最多能买多少平", "优质企业的") , _swap_case("临海厂房维修资金多少", "宿舍的")
    ('优质企业最多能买多少平', None)
    >>> _swap_case("临海新建园区最少多少亩", "改建的"), _swap_case("温州预售时企业所得税毛利率多少", "土地使用税")
    ('临海改建园区最少多少亩', None)
    >>> _swap_case("Least site of a park on land bought at auction?", "one that redevelops existing land")
    'Least site of a park on land bought for a park that redevelops existing land?'
    """
    from assistant.answer.frame import contrasting_qualifiers

    english = _ENGLISH_CASE.match(subject.strip(" ?"))
    # only a 的-phrase whose head is left out names a case of the same thing ("旧厂改的", "优质企业的"), or in English a
    # "one that…" ("What about one that redevelops existing land?"); a bare noun ("土地使用税呢" after the presale
    # income tax) asks another thing
    if not subject.endswith("的") and not english:
        return None
    said = (english.group(1) or english.group(2)).strip() if english else subject.removesuffix("的").strip()
    prev = previous_question.lower()
    if not said or len(said) > (60 if english else 8):
        return None
    found = []
    for one, other in contrasting_qualifiers():
        for asked, before in ((one, other), (other, one)):
            named = [w for w in asked if w in said.lower()]
            # (a side that is the question's own asking words, "最少多少亩", is no case to replace)
            there = [w for w in before if w in prev and not any(w in a for a in named) and not _ASKS_HOW_MUCH.search(w)]
            if named and there and not any(w in prev for w in asked):
                found.append((max(map(len, named)), max(there, key=len), tuple(there)))
    if not found:
        return None
    # the pair whose words the follow-up names most fully ("旧厂改" of new vs existing land, not "旧厂" of a least
    # site asked in general)
    there = max(found)[1]
    if english:
        # English words do not swap in place ("…park built on land bought at auction"): the other case's words go,
        # the follow-up's case is said after the question
        kept = previous_question.rstrip(" ?")
        for word in max(found)[2]:
            kept = re.sub(rf"(?i)\s*\b(?:at |by |through |on )?{re.escape(word)}\b", "", kept)
        return f"{kept} for a park {said}?"
    return previous_question.replace(there, said, 1) if there in previous_question else f"{previous_question} {said}"


# "What about one that redevelops existing land?", "And for parks on redeveloped land?": the thing asked, left out
# ("And if it's a redevelopment of existing land?": the case said of the park left out)
_ENGLISH_CASE = re.compile(r"(?i)^(?:(?:and|but)\s+)?(?:for\s+)?(?:(?:one|ones|a park|parks|those|the ones?)\s+"
                           r"((?:that|which|on|built|using|in)\b.*)|(?:if|when)\s+(?:it|the park)(?:'s|’s|\s+is)\s+(.*))$")


def _swap_figure(previous_question: str, subject: str) -> str | None:
    """The previous question with its one figure of the unit the turn gives replaced by the turn's, when the previous
    question also has figures of other units (which stay): None when that is not the case.

    >>> _swap_figure("第五年新增的地方贡献是300万，能拿多少奖励", "第八年")
    '第八年新增的地方贡献是300万，能拿多少奖励'
    >>> _swap_figure("临海园区维修资金怎么收？ 1200平方米", "1500平方米") is None
    True
    >>> _swap_figure("第五年新增的地方贡献是300万，能拿多少奖励", "500万")
    '第五年新增的地方贡献是500万，能拿多少奖励'
    """
    new = [m.group(0) for m in _NUMBER_WITH_UNIT.finditer(subject)]
    old = list(_NUMBER_WITH_UNIT.finditer(previous_question))
    if len(new) != 1 or len(old) < 2:
        return None
    same = [m for m in old if _unit_of(m.group(0)) == _unit_of(new[0])]
    if len(same) != 1:
        return None
    m = same[0]
    return previous_question[:m.start()] + new[0] + previous_question[m.end():]


def figures_text(text: str) -> list[str]:
    """The figures of a question as written: its dates, then its numbers with their units.

    >>> figures_text("合同2024年3月15日签的，买了800平方米")
    ['2024年3月15日', '800平方米']
    >>> figures_text("竣工的最后期限又是哪一天？两样一共多少")
    []
    """
    dates = _DATE_TEXT.findall(text)
    rest = _QUESTION_ONE.sub(" ", _DATE_TEXT.sub(" ", text))   # "哪一天" asks for a day, it gives none
    try:
        numbers = [q.text for q in find_quantities(rest, field=None)]
    except AssistantError:
        numbers = []
    return [*dates, *numbers]


# "跟临海比哪边要求高点", "和临海比呢", "Compared with Linhai?": the previous question asked of both cities.
_COMPARE_WITH = re.compile(r"^(?:那|那么)?(?:跟|和|与|同|比起)(.{2,8}?)(?:比|相比|比较|比起来)(.*)$"
                           r"|^(?:and )?(?:how does (?:that|it|this) )?compared? (?:with|to) (.+?)\??$", re.I)


_COMPARING_WORDS = re.compile(r"哪边|哪个|哪家|哪里|谁|更|要求|规定|标准|限制|高|低|严|松|宽|多|少|大|小|点|些|一点|呢|吗|啊|呀|的|了|"
                              r"一样|不一样|区别|差别|有什么|什么|怎么样|如何|[，,。？?！!\s]|'s|\b(?:rules?|requirements?|"
                              r"that|it|this|one|ones|the same|then|again)\b", re.I)


def _compared_with(question: str, previous: Turn) -> str | None:
    """"跟临海比哪边要求高点" after 温州's rule: the previous question of the previous city and the named one, as a
    comparison; None unless the turn names one other city and nothing else of its own.

    >>> _compared_with("跟临海比哪边要求高点", Turn(question="温州宿舍配套房要占多少", city="温州市"))
    '温州和临海宿舍配套房要占多少，哪边要求高点'
    >>> _compared_with("跟临海比哪边要求高点", Turn(question="宿舍配套房要占多少", city="临海市")) is None
    True
    >>> _compared_with("跟温州比，职工宿舍面积哪边限制更严", Turn(question="临海非生产性用房占多少", city="临海市")) is None
    True
    """
    m = _COMPARE_WITH.match(question.strip())
    if m is None or not previous.city or previous.city == "浙江省":
        return None
    named = _cities_in(m.group(1) or m.group(3) or "")
    if len(named) != 1 or named[0] == previous.city:
        return None
    rest = _COMPARING_WORDS.sub("", _strip_places(m.group(2) or m.group(3) or "").lower())
    if len(re.findall(r"[\u4e00-\u9fff]", rest)) > 1 or re.search(r"[a-z]{3,}", rest):
        return None   # "跟温州比，职工宿舍面积哪边限制更严": a subject of its own, asked as said
    reg = registry()
    prev_q = _strip_places(previous.resolved_question or previous.question).strip()
    if question.isascii():
        return f"{prev_q.rstrip(' ?')} in {reg.english(previous.city)} and {reg.english(named[0])}: compare"
    rest = (m.group(2) or "").strip("，,。？? ")
    return f"{reg.short(previous.city)}和{reg.short(named[0])}{prev_q.rstrip('？?')}" + (f"，{rest}" if rest else "")


# "…，跟临海一样不": a likeness to a named place closing a turn
_LIKE_PLACE = re.compile(r"[，,\s]*(?:是不是|是否)?(?:跟|和|与|同)(?P<place>[\u4e00-\u9fff]{2,8}?)(?:那边|那里|这边)?"
                         r"(?:一样|相同|差不多)(?:不|吗|么|嘛|伐|呢)?[？?。！!]*$")


# what a bare switch says besides its place: "那…那边交多少"
_BARE_ASK = re.compile(r"[那这边里呢的啊呀吧么，,？?\s]|多少|几|交|缴|要|是|有|收|给|怎么|咋|样")


def _without_likeness_to(question: str, city: str | None) -> str:
    """``question`` without a closing likeness to ``city`` (the conversation's city) when the rest names another:
    "那慈溪那边交多少，跟临海一样不" after 临海's fee asks 慈溪's fee, the earlier answer being the likeness.

    >>> _without_likeness_to("那慈溪那边交多少，跟临海一样不", "临海市")
    '那慈溪那边交多少'
    >>> _without_likeness_to("那慈溪那边交多少，跟临海一样不", "温州市")
    '那慈溪那边交多少，跟临海一样不'
    >>> _without_likeness_to("温州的非生产性用房比例跟临海一样吗", "临海市")
    '温州的非生产性用房比例跟临海一样吗'
    """
    m = _LIKE_PLACE.search(question)
    if m is None or city is None or _cities_in(m.group("place")) != [city] \
            or _strip_places(m.group("place")).strip() or not set(_cities_in(question[:m.start()])) - {city}:
        return question
    if _BARE_ASK.sub("", _strip_places(question[:m.start()])):
        return question   # "温州的非生产性用房比例跟临海一样吗": a topic of its own, compared with 临海's (review 34)
    return question[:m.start()]


# an asking word that makes a comma clause of a previous turn a question of its own ("那谁来审，要公示几天")
_CLAUSE_ASKS = re.compile(r"谁|哪|多少|几|多久|多长|多大|什么|啥|咋|怎么|如何|吗|么|呢|是否|有没有|能不能|要不要")


def _asked_again(previous_question: str, question: str) -> str:
    """The clauses of ``previous_question`` that ``question`` asks again: "温州那边入园也要公示吗，几天" after "那谁来审，
    要公示几天" asks the publicity period of 温州, not who reviews there. A previous question of one clause, or a turn
    sharing words with every clause or none, is kept whole.

    >>> _asked_again("那谁来审，要公示几天", "温州那边入园也要公示吗，几天")
    '要公示几天'
    >>> _asked_again("那谁来审，要公示几天", "温州呢")
    '那谁来审，要公示几天'
    >>> _asked_again("临海宿舍要占多少", "温州宿舍要占多少")
    '临海宿舍要占多少'
    """
    clauses = [c for c in re.split(r"[，,；;]", previous_question) if c.strip()]
    if len(clauses) < 2 or not all(_CLAUSE_ASKS.search(c) for c in clauses):
        return previous_question
    own = re.findall(r"[\u4e00-\u9fff]+", _strip_places(question))
    pairs = {run[i:i + 2] for run in own for i in range(len(run) - 1)}
    kept = [c for c in clauses if any(c[i:i + 2] in pairs for i in range(len(c) - 1))]
    if not kept or len(kept) == len(clauses):
        return previous_question
    return "，".join(kept)


def resolve(question: str, previous: Turn | None, provision: str = "", standard: str = "") -> Resolution:
    """``provision``: the subject and spans of the provision the conversation is about, if any; ``standard``: its
    standard question."""
    if previous is not None:
        question = _without_likeness_to(question, previous.city)
    subject = follow_up_subject(question)
    if previous is not None and (both := _compared_with(question, previous)) is not None:
        return Resolution(both, "new", topic=previous.topic)
    if previous is None:
        if subject is not None and _cities_in(subject) and len(_strip_places(subject)) <= 1:
            return Resolution(question, "bare_city")
        return Resolution(question, "new")
    prev_q = previous.resolved_question or previous.question
    if previous.kind == "comparison":
        prev_q = _uncompared(prev_q)   # "临海的呢" after "各地…有什么不同": the question, not the comparison
    prev_city = previous.city
    if asks_other_places(question) and (
            (previous.knowledge_point and previous.kind in ("lookup", "not_covered"))
            or ((previous.calculator or previous.kind == "comparison") and standard)):
        # "其他地方呢" after a provision (or a calculation of one, or a comparison of it): the same provision, each
        # city's side by side (or "not set" where a city sets none); a plan-table figure has no provision
        return Resolution(_across_places(prev_q, standard), "across", topic=previous.topic, previous_city=prev_city)
    if asks_other_places(question) and previous.kind == "comparison":
        return Resolution(_across_places(prev_q), "new", topic=previous.topic)   # every city, as compared before
    from assistant.answer.frame import without_likening

    # ("是不是跟临海一样2.0以上" after 温州's plot ratio offers 2.0 for 温州: the place likened to is no place asked)
    offer = without_likening(question) if _cities_in(question) and not _cities_asked(question) else question
    if offer != question and not {u for _, u in figures_in(offer)} & stated_families(previous.direct):
        offer = question   # ("Is it 400 square metres like Linhai?" after 温州 set none: no figure of 温州's to check)
    if offers_a_figure(offer) and not _cities_asked(question):
        # "是不是5年内" after 温州's land-use tax relief: the figure offered is checked against the previous question's
        # answer — the previous question with the offer (conversations_dev36); "应该是1200平吧" after a rate is the
        # user's area for that question, computed there (the calculators skip only a figure of the answer's kind)
        return Resolution(f"{prev_q.rstrip('？?。 ')}，{offer.strip()}", "figure", inherited_city=prev_city,
                          topic=previous.topic)
    if subject is None and _states_only_a_figure(question):
        # "我买了1200平，要交多少钱" after a fee rate: the user's figure for the same question
        subject = " ".join(figures_text(question)) or None
    if subject is None and _adds_a_figure(question, prev_q, prev_city):
        # "我们土地出让金3200万 那最少交多少" after the bond rule: the previous question with the user's figure and words
        return Resolution(f"{prev_q} {question}", "figure", inherited_city=prev_city, topic=previous.topic)
    if subject is None and previous.calculator and _asks_a_part(question, prev_q, provision):
        # "里面办公用的占多少" after 临海's property rooms were computed for 12万平: the same calculation, whose lines
        # include the part asked
        return Resolution(f"{prev_q} {question}", "figure", inherited_city=prev_city, topic=previous.topic)
    switched = only_switches_city(question, prev_city, prev_q, provision) if subject is None else None
    if switched is not None:
        subject = switched
    if subject is None:
        named = _cities_asked(question)
        likened = [c for c in _cities_in(question) if c not in named]
        if not named and likened and prev_city and prev_city not in likened and _LIKENED_ASKED.search(question) \
                and len(re.sub(r"[那这吗吧呢么伐嘛不是的？?！!。，,\s]", "", without_likening(question))) >= 2:
            # (words of its own beside the likening: a bare "和温州差不多吧" stays a switch of city)
            # "那建筑面积能占多少 跟温州一样吗" in turns on 临海: whether the two cities' rules are the same — both named
            return Resolution(f"{registry().short(prev_city)}{question}", "new", topic=previous.topic)
        return Resolution(question, "new", inherited_city=None if named else prev_city, topic=previous.topic)
    negated = _NEGATED_CASE.match(subject)
    if negated and not _cities_in(subject):
        # "那非高层呢" after the suite cap: the same question, without the exception for the negated case (the frame
        # keeps the negated word, so the point about it is not the answer)
        return Resolution(f"{prev_q} {subject}", "except", inherited_city=prev_city, topic=previous.topic,
                          negated=negated.group(1))
    case = _swap_case(prev_q, subject) if not _cities_in(subject) else None
    if case is not None:
        # "旧厂改的呢" after "临海新拿地建小微园，地最少要多少亩": the same question for the other case of a contrasting
        # pair (answer_types.yaml contrasting_qualifiers), not a new topic named "旧厂改"
        return Resolution(case, "case", inherited_city=prev_city, topic=previous.topic)
    if _is_figure(subject):
        swapped = _swap_figure(prev_q, subject)
        if swapped is not None:
            # "那第八年呢" after "第五年新增300万能拿多少": the year replaced where it was said, the amount kept
            return Resolution(swapped, "figure", inherited_city=prev_city, topic=previous.topic)
        # same question, the user's new figure: drop the old figures, keep everything else
        base = _NUMBER_WITH_UNIT.sub("", prev_q).strip()
        base = _DATE_TEXT.sub("", base)
        return Resolution(f"{base} {subject}".strip(), "figure", inherited_city=prev_city, topic=previous.topic)
    new_cities = _cities_in(subject)
    reg = registry()
    if new_cities and len(_without_fillers(_strip_places(re.sub(r"(?i)\b(in|for|the|city|county)\b", "", subject)))) <= 1:
        # "温州那边呢", "慈溪这块呢": a place word around the city adds nothing
        # same topic, another city: the old city's names replaced by the new one
        new = new_cities[0]
        if prev_q.isascii():
            stripped = re.sub(r"(?i)\s+(in|for|of|at)\s*\??\s*$", "", _strip_places(prev_q).rstrip(" ?"))
            # the province by a name the registry reads as the province ("Zhejiang" alone names no place)
            place = f"{reg.english(new)} province" if reg.get(new).level == "province" else reg.english(new)
            return Resolution(f"{stripped} in {place}?", "city", topic=previous.topic,
                              previous_city=prev_city)
        text = f"{reg.short(new)}{_strip_places(_asked_again(prev_q, question))}".strip()
        if _ASKS_HOW_MUCH.search(question) and not _ASKS_HOW_MUCH.search(prev_q) \
                and len(_own_words(_ASKS_HOW_MUCH.sub("", _strip_places(question)))) >= OWN_TOPIC_CHARS:
            # "慈溪呢，建筑密度卡多少" after "临海建筑密度有要求没": the turn asks the figure itself, in its own words
            return Resolution(question.strip(), "city", topic=previous.topic, previous_city=prev_city)
        own = _OWN_YES_NO.search(question.strip())
        if own and not _OWN_YES_NO.search(prev_q.strip()):
            # "慈溪呢，能预售不" after "投到多少能预售": whether the new city allows it at all, asked of the same topic
            text = f"{text.rstrip('？?')}，{own.group(0)}"
        return Resolution(text, "city", topic=previous.topic, previous_city=prev_city)
    if new_cities and new_cities[0] != prev_city:
        rest = _strip_places(subject).strip()
        if (rest and rest in _strip_places(prev_q)) or only_switches_city(question, prev_city, prev_q, provision):
            # ("温州市的比例要求如何？" after 临海's non-production share: its words are the previous question's)
            # "那临海地下室呢" after 温州's underground space: the same topic, asked of another city
            return Resolution(f"{reg.short(new_cities[0])}{_strip_places(_asked_again(prev_q, question))}".strip(),
                              "city", topic=previous.topic, previous_city=prev_city)
        return Resolution(subject, "new")     # "那临海宿舍呢": another city and another topic, as said
    # same city, another topic
    if prev_city and prev_city != "浙江省":
        if subject.isascii():
            return Resolution(f"{subject} in {reg.english(prev_city)}", "topic", inherited_city=prev_city)
        return Resolution(f"{reg.short(prev_city)} {subject}", "topic", inherited_city=prev_city)
    return Resolution(subject, "topic")


_ASKS_HOW_MUCH = re.compile(r"多少|几|多大|how much|how many|how big|what share", re.I)


def _asks_a_part(question: str, previous_question: str, calculation_words: str) -> bool:
    """A figure asked, with no figure or place of its own, of a thing the previous calculation's rules name and its
    question did not ("里面办公用的占多少" after the property rooms for 12万平: 办公 of 物业办公用房).

    >>> _asks_a_part("里面办公用的占多少", "物业管理用房要配多少 12万平", "物业办公用房1.5‰，物业经营用房1.5‰")
    True
    >>> _asks_a_part("温州办公用的占多少", "物业管理用房要配多少 12万平", "物业办公用房1.5‰")
    False
    >>> _asks_a_part("要配多少", "物业管理用房要配多少 12万平", "物业办公用房1.5‰")
    False
    >>> _asks_a_part("那自持比例是多少", "物业管理用房要配多少 12万平", "物业办公用房配置比例1.5‰")
    False
    """
    if not calculation_words or not _ASKS_HOW_MUCH.search(question) or figures_text(question) or _cities_in(question):
        return False
    from assistant import words

    if question.isascii():
        own = [w for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in previous_question.lower()]
        return any(re.search(rf"\b{w}", calculation_words.lower()) for w in own)
    own = [w for w in words.lcut(question) if len(w) >= 2 and re.search(r"[\u4e00-\u9fff]", w)
           and w not in previous_question and not _ASKS_HOW_MUCH.search(w) and w not in _PART_DISCOURSE]
    # every word of its own names a part ("那自持比例是多少": 自持 is no line of the property-room calculation)
    return bool(own) and all(w in calculation_words for w in own)


_PART_DISCOURSE = frozenset({"里面", "其中", "当中", "那个", "这个", "一共", "分别", "各自", "那么", "请问", "一下"})


def restates_a_figure(question: str, provision_words: str) -> bool:
    """Whether the turn repeats a figure the provision states, as a whole number ("3" is not in "30%").

    >>> restates_a_figure("临海呢，也是2.0吗", "容积率一般不得低于2.0"), restates_a_figure("也是3吗", "30%")
    (True, False)
    """
    said = [re.sub(r"\s+", "", x) for x in figures_text(question)]
    return any(x and re.search(rf"(?<![\d.]){re.escape(x)}(?![\d.])", provision_words) for x in said)


def with_figure_restated(r: Resolution, question: str, previous: Turn, provision_words: str,
                         standard: str) -> Resolution:
    """A city switch that repeats the provision's figure ("临海呢，也是2.0吗" after whether 温州's plot ratio has
    exceptions) asks the provision's own question (``standard``) of the new city, not the previous turn's exception."""
    if r.kind != "city" or not restates_a_figure(question, provision_words):
        return r
    new = [c for c in _cities_in(question) if c != previous.city]
    if not new:
        return r
    return replace(r, text=f"{registry().short(new[0])}{_strip_places(standard)}")


@functools.lru_cache(maxsize=1)
def _pointing() -> re.Pattern:
    """A pointer and the noun it points with (follow_ups.yaml pointers, pointed_nouns), the noun as group 1."""
    data = load_yaml(FILLERS_FILE.read_text(encoding="utf-8"))
    pointers = sorted(data["pointers"], key=len, reverse=True)
    nouns = sorted(data["pointed_nouns"], key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, pointers))})({'|'.join(map(re.escape, nouns))})")


# What may stand between an earlier turn's words for a thing and the thing's head noun: a 的-phrase modifying it, up to
# a pointer, a punctuation mark or a place word ("园区里办公楼宿舍这些不是生产用的房子": 不是生产用的房子). Only a 的-phrase
# tells one kind of the thing from another; a city, a question word or a verb before the noun ("临海新建园区占地",
# "温州的企业", "安排了多少钱") is the earlier question's own business, not a name of the thing.
_MODIFIER = re.compile(r"([\u4e00-\u9fff]{2,10}?的)$")
_MODIFIER_STOP = re.compile(r".*(?:这些|这种|这类|那些|那种|园区里|园里|里面|里头|[，,。？?！!、\s])")
_NOT_A_MODIFIER = re.compile(r"多少|什么|啥|几|吗|能不能|可不可以|要不要|哪|怎么|咋|[市县区镇省]")


def with_pointer_resolved(question: str, history) -> str:
    """``question`` with "这种房子" replaced by the words an earlier turn named the thing with.

    >>> with_pointer_resolved("那温州呢，这种房子占多少", [{"question": "临海园区里办公楼宿舍这些不是生产用的房子能占多少"},
    ...                                                   {"question": "开发商自己得留多少不能卖"}])
    '那温州呢，不是生产用的房子占多少'
    >>> with_pointer_resolved("这种房子能卖吗", [{"question": "房子能卖吗"}])
    '这种房子能卖吗'
    >>> [with_pointer_resolved(q, [{"question": p}]) for p, q in (("临海新建园区占地要多少亩", "那温州呢，这种地容积率要多少"),
    ...     ("温州的企业入园要什么条件", "那临海呢，这些企业入园要什么条件"), ("慈溪市财政安排了多少钱", "这些钱主要用在哪些方面"))]
    ['那温州呢，这种地容积率要多少', '那临海呢，这些企业入园要什么条件', '这些钱主要用在哪些方面']
    >>> with_pointer_resolved("这种房子最多能盖多少", [{"question": "临海园区里的办公楼、食堂这种房子能卖给外面的公司不"}])
    '办公楼、食堂这种房子最多能盖多少'
    """
    pattern = _pointing()
    m = pattern.search(question)
    if m and question[m.end():m.end() + 1] == "方":
        m = None   # "这些地方": places, not land
    if not m or not history:
        return question
    noun = m.group(1)
    for h in reversed(history):
        t = last_turn([h])
        said = (t.question if t else "") or ""
        at = said.find(noun)
        while at > 0:
            before = _MODIFIER_STOP.sub("", said[:at])
            modifier = _MODIFIER.search(before)
            if modifier and not _NOT_A_MODIFIER.search(modifier.group(1)) and not _cities_in(modifier.group(1)) \
                    and len(modifier.group(1)) >= 4 and not pattern.search(said[:at + len(noun)][-len(noun) - 3:]):
                return question[:m.start()] + modifier.group(1) + noun + question[m.end():]
            at = said.find(noun, at + 1)
    for h in reversed(history):
        # "办公楼、食堂这种房子" said earlier: the examples name the class ("这种房子最多能盖多少" → 办公楼、食堂这种房子…)
        t = last_turn([h])
        said = (t.question if t else "") or ""
        named = re.search(rf"((?:[\u4e00-\u9fff]{{2,4}}[、和及与跟]){{1,4}}[\u4e00-\u9fff]{{2,4}})"
                          rf"(?:这种|这些|这类|那些|那种|之类的?|等)(?:的)?{re.escape(noun)}", said)
        if named and not _NOT_A_MODIFIER.search(named.group(1)):
            return question[:m.start()] + named.group(1).lstrip("的") + question[m.start():]
    return question


# "两市…分别如何规定", "both cities": the cities the conversation has been about, asked together.
_BOTH_CITIES = re.compile(r"两市|两地|两个市|两座城市|两个地方|这两个城市|both cities|the two cities", re.I)


def with_both_cities(question: str, history) -> str:
    """``question`` with the conversation's last two cities named, when it asks of "both cities" and names none.

    >>> with_both_cities("两市对非生产性用房比例分别如何规定？", [{"question": "温州呢", "city": "温州市"}])
    '两市对非生产性用房比例分别如何规定？'
    >>> with_both_cities("临海两市…", [{"question": "a", "city": "临海市"}, {"question": "b", "city": "温州市"}])
    '临海两市…'
    >>> with_both_cities("两市对此分别如何规定？", [{"question": "a", "city": "临海市"}, {"question": "b", "city": "温州市"}])
    '临海市和温州市两市对此分别如何规定？'
    """
    if not history or not _BOTH_CITIES.search(question) or _cities_in(question):
        return question
    cities = []
    for h in reversed(history):
        t = last_turn([h])
        if t is not None and t.city and t.city != "浙江省" and t.city not in cities:
            cities.append(t.city)
        if len(cities) == 2:
            break
    if len(cities) < 2:
        return question
    first, second = reversed(cities)
    if not re.search(r"[\u4e00-\u9fff]", question):   # English ("What’s…" is not ASCII)
        reg = registry()
        return f"{question.rstrip(' ?')} ({reg.english(first)} and {reg.english(second)})?"
    return f"{first}和{second}{question}"


def last_turn(history) -> Turn | None:
    """The previous turn from a history of Answers, Turns, dicts or plain question strings."""
    if not history:
        return None
    last = history[-1]
    if isinstance(last, Turn):
        return last
    if hasattr(last, "as_turn"):
        return last.as_turn()
    if isinstance(last, str):
        return Turn(question=last)
    if isinstance(last, dict):
        return Turn.model_validate(last)
    return Turn.model_validate(last, from_attributes=True)
