"""Figures a user offers to be confirmed ("是不是5年内", "是12块吧", "Is it 500 m²?") and the figures a line states, by
unit family: a number offered and a number stated agree only in the same family."""

from __future__ import annotations

import re

# Units said after a number, by family (a number offered and a number stated agree only in the same family)
_UNIT_FAMILIES = (("工作日", r"^\s*(?:个?工作日|working days?|business days?)"), ("天", r"^\s*(?:个?天|日|days?)"),
                  ("月", r"^\s*(?:个月|月|months?)"), ("年", r"^\s*(?:年|years?)"),
                  ("面积", r"^\s*万?\s*(?:平|㎡|m²|m2|square)"), ("亩", r"^\s*万?\s*(?:亩|mu\b)"),
                  ("家", r"^\s*万?\s*(?:家|firms?|enterprises?|companies)"), ("个", r"^\s*万?\s*(?:个|parks?)"),
                  ("钱", r"^\s*(?:万|元|块|yuan)"), ("比", r"^\s*(?:%|％|percent)"), ("千分", r"^\s*(?:‰|per mille)"))


def unit_family(after: str) -> str | None:
    """The unit family of the words after a number ("5天" → 天, "20万" → 钱), None when none is said."""
    return next((name for name, pattern in _UNIT_FAMILIES if re.search(pattern, after, re.I)), None)


# A figure offered for a yes, ending the question: a marker, the figure, its unit, a period's 内 and a particle
# ("是不是5年内", "是12块吧", "应该是3年吧"); a figure with a bound ("2.0以下就行", "最多100天") or an act ("5年内可以转让吗",
# "做到2.5可以吗") is a yes/no on the rule, which equality cannot answer (review 30).
# the units an offered figure is said with
_OFFER_UNIT = r"(?:个月|个工作日|工作日|年|月|天|日|平方米|平米|平方|平|㎡|亩|万家|家|个|元|块|万元|万|%|％|‰|层|米)?"
# the words naming a rule's bound, said right before an offer ("最少是500平吧")
_BOUND_WORDS = "最少|最多|至少|起码|最低|最高|下限|上限|规定|标准|要求"
# (a bare 是 needs a particle or a question mark: "厂房面积是800平" states the user's own figure)
_OFFER_CLAUSE = re.compile(r"(?:(?:是不是|就是|应该是|好像是|大概是)\s*(?:也)?\s*\d+(?:\.\d+)?\s*" + _OFFER_UNIT +
                           r"\s*(?:内|以内|之内)?\s*(?:吧|吗|么|啊|呀|嘛|对吧|对吗|没错吧|是吧)?[？?！!。]*"
                           r"|(?<!还)是\s*(?:也)?\s*\d+(?:\.\d+)?\s*" + _OFFER_UNIT +
                           r"\s*(?:内|以内|之内)?\s*(?:(?:吧|吗|么|啊|呀|嘛|对吧|对吗|没错吧|是吧)[？?！!。]*|[？?]+))\s*$"
                           r"|^\s*(?:so\s+)?(?:is|was)\s+(?:it|that|this)\s+(?:really\s+|actually\s+)?\d[\d.,]*\s*"
                           r"(?:m²|m2|sq\.? ?m|square met(?:re|er)s?|%|percent|yuan|years?|months?|days?|mu|firms?|enterprises?)?\s*\?*\s*$"
                           r"|^\s*(?:is|are)\s+(?:the|its)\b[^?]{0,80}?\s\d[\d.,]*\s*"
                           r"(?:m²|m2|sq\.? ?m|square met(?:re|er)s?|%|percent|yuan|years?|months?|days?|mu|firms?|enterprises?)?"
                           r"(?:\s+(?:per|a|each)\s+(?:square met(?:re|er)|m²|m2|sq\.? ?m|mu|year|month))?\s*\?\s*$"
                           # "Does Linhai require 20 firms per park?": the rule's figure offered as a requirement
                           r"|^\s*(?:does|do|is|are|must)\s[^?\d]{0,60}?\b(?:require[sd]?|need(?:s|ed)?)\s+(?:at least\s+)?"
                           r"\d[\d.,]*\s*(?:m²|m2|sq\.? ?m|square met(?:re|er)s?|%|percent|yuan|years?|months?|days?|mu|"
                           r"firms?|enterprises?|companies)\b[^?\d]{0,30}\?\s*$", re.I)
# a number and the words after it, read ahead so the next number is not swallowed (a calendar year is dropped where
# it is read)
_A_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])(?=(.{0,10}))")   # (" square", " years" are long)


def figures_in(text: str) -> list[tuple[str, str | None]]:
    """Every number of ``text`` with the unit family of the words after it, years included.

    >>> figures_in("到底要20万还是30万")
    [('20', '钱'), ('30', '钱')]
    """
    return [(n, unit_family(rest)) for n, rest in _A_FIGURE.findall(text)]


def offered_figures(question: str) -> list[tuple[str, str | None]]:
    """The figure a question offers to be confirmed, with its unit family ("…是不是5年内" → [("5", "年")]); none
    when its last clause offers none.

    >>> offered_figures("温州城镇土地使用税优惠是不是5年内"), offered_figures("临海维修资金怎么交，是12块吧")
    ([('5', '年')], [('12', '钱')])
    >>> offered_figures("我买了1200平，要交多少"), offered_figures("Is it 400 m²?"), offered_figures("是不是3年")
    ([], [('400', '面积')], [('3', '年')])
    >>> offered_figures("临海入园企业5年内可以转让吗"), offered_figures("是不是2.0以下就行"), offered_figures("Is it possible to sell within 5 years?")
    ([], [], [])
    >>> offered_figures("Does Linhai require 20 firms per park?"), offered_figures("Do I need 500 m² to enter?")
    ([('20', '家')], [('500', '面积')])
    """
    last = re.split(r"(?<=[，,。？?])(?=.)", question.strip())[-1]
    offer = _OFFER_CLAUSE.search(last)
    if not offer:
        return []
    # (the figures of the offer itself: "我1200平 标准是12块吧" offers 12块, the 1200平 is the user's)
    said = last[offer.start():] if re.match(r"[是就应好大]", offer.group(0)) else last
    return [(n, family) for n, family in figures_in(said) if not re.fullmatch(r"(?:19|20)\d\d", n)]


def stated_figures(line: str) -> list[tuple[str, str | None]]:
    """The figures a line states with their unit families (its place tag before the first colon left out)."""
    return [(n, family) for n, family in figures_in(line.split("：", 1)[-1])
            if not re.fullmatch(r"(?:19|20)\d\d", n)]


def stated_families(line: str) -> set[str | None]:
    """The unit families of the figures a line states."""
    return {family for _, family in stated_figures(line)}


# a rule's bound named right before the offer ("最少是500平吧", "规定是30平吧"); in English, a bound asked in the
# sentence before "Is it 500 m²?"
_BOUND_OFFER_ZH = re.compile(rf"(?:{_BOUND_WORDS}|不低于|不超过|不少于)[^，,。？?\d]{{0,3}}?"
                             r"(?:是不是|应该是|就是|好像是|大概是|是)\s*\d")
_BOUND_EN = re.compile(r"\b(?:minimum|maximum|at least|at most|limit|cap|ceiling|floor|lowest|highest)\b", re.I)


def offers_a_bound(question: str) -> bool:
    """The question offers a figure for a rule's own bound, to be confirmed ("临海单个入园企业建筑面积最少是500平吧",
    "What is the minimum floor area…? Is it 500 m²?"), not a figure of the user's ("我的是350平", "标准是多少，厂房是800平").

    >>> offers_a_bound("临海单个入园企业建筑面积最少是500平吧"), offers_a_bound("最少是400平吧")
    (True, True)
    >>> offers_a_bound("临海维修资金标准是多少，厂房面积是800平"), offers_a_bound("临海单个企业面积有什么要求 我的是350平")
    (False, False)
    >>> offers_a_bound("What is the minimum floor area per firm in Linhai? Is it 500 m²?")
    True
    """
    if not offered_figures(question):
        return False
    last = re.split(r"(?<=[，,。？?])(?=.)", question.strip())[-1]
    return bool(_BOUND_OFFER_ZH.search(last)) if not re.search(r"[a-z]{3}", question, re.I) \
        else bool(_BOUND_EN.search(question))


# a choice between two figures ("到底要20万还是30万", "最少400平还是500平"): which is the rule's is asked
_CHOICE = re.compile(r"\d+(?:\.\d+)?\s*" + _OFFER_UNIT + r"\s*(?:内|以内|以上|以下)?\s*还是\s*\d")


# another thing asked of the two figures ("800平还是1200平的，维修资金分别交多少", "15家还是20家，够不够"): they are the
# user's own, to compute with
_ASKS_BESIDE = re.compile(r"多少|几|够不够|够吗|够不|分别|差|划算|行不行|行吗|怎么算")


def offers_a_choice(question: str) -> bool:
    """Two figures offered to choose from: neither is the user's own, and no single one is confirmed.

    >>> offers_a_choice("温州园区亩均税收到底要20万还是30万？"), offered_figures("温州园区亩均税收到底要20万还是30万？")
    (True, [])
    >>> offers_a_choice("临海入园企业面积最少400平还是500平"), offers_a_choice("我要买800平还是1200平的，维修资金分别交多少")
    (True, False)
    """
    return bool(_CHOICE.search(question)) and not _ASKS_BESIDE.search(question)


def offers_a_figure(question: str) -> bool:
    """A turn that only offers a figure for a yes ("是不是5年内", "是12块吧", "Is it 500 m²?"), not the user's own
    figure ("1200平", "我买了1200平").

    >>> offers_a_figure("是不是5年内"), offers_a_figure("是12块吧"), offers_a_figure("Is it 500 m²?")
    (True, True, True)
    >>> offers_a_figure("1200平"), offers_a_figure("我买了1200平"), offers_a_figure("那1200平方米呢？")
    (False, False, False)
    """
    return bool(_BARE_OFFER.fullmatch(question.strip()))


def checks_previous_figure(question: str, previous_direct: str) -> bool:
    """A bare offer of a figure of the kind the previous answer states ("是不是5年内" after a 3年内): that figure is
    checked; of another kind ("应该是1200平吧" after a rate per m²) it is the user's own, to compute with (review 30).

    >>> checks_previous_figure("是不是5年内", "温州市：按第一档享受优惠（建成运营3年内）")
    True
    >>> checks_previous_figure("应该是1200平吧", "临海市：物业专项维修资金缴纳标准按照12元/平方米缴存")
    False
    """
    if not offers_a_figure(question):
        return False
    offered = {family for _, family in offered_figures(question)}
    return bool(offered) and bool(offered & stated_families(previous_direct))


# a turn that only offers a figure for a yes: "是不是5年内", "是12块吧", "Is it 400 m²?"
_OFFER_FIGURE = (r"\d+(?:\.\d+)?\s*(?:个月|年|月|天|日|个工作日|平方米|平米|平方|平|㎡|亩|家|个|元|块|万元|万|%|％|‰|层|米)?"
                 r"(?:内|以内|以上|以下|左右|一平|一平米|每平方米)?")
# (a marker before or after the figure: a bare "1200平" after a fee rate is the user's area, computed)
_BARE_OFFER = re.compile(rf"(?:那|那么)?(?:{_BOUND_WORDS})?(?:的)?"
                         rf"(?:是不是|就是|应该是|大概是|好像是|不是|是)\s*{_OFFER_FIGURE}"
                         r"(?:吧|吗|么|啊|呀|嘛|对吧|对吗|没错吧|是吧)?[？?]?"
                         rf"|(?:那|那么)?{_OFFER_FIGURE}(?:吧|吗|么|对吧|对吗|没错吧|是吧)[？?]?"
                         r"|(?i:is it|is that|so it'?s|so,? it'?s)\s+\d[\w\s.²%]{0,24}\??")
