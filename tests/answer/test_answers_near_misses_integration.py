"""Near misses and follow-ups with the real embedding model: the asked thing's figure or an honest "not set", never
the nearest clause's figure of another thing (seventeenth session's probes; none is an evaluation question)."""

from __future__ import annotations

import pytest

from assistant.answer import get_assistant

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def assistant():
    return get_assistant()


def _chat(assistant, *turns):
    history = []
    for t in turns:
        history.append(assistant.ask(t, history=list(history)))
    return history


@pytest.mark.parametrize("question, kind, never", [
    # the quoted clause (the maintenance fund's 12元/平方米) does not carry the question's words (rent, state-owned)
    ("What rent may a Linhai state-owned park charge per square metre?", None, "12"),
    # a whole park's floor area is not one enterprise's 400 m²
    ("What is the minimum total floor area of a newly built park in Linhai?", "different_quantity", "400"),
    # a dormitory room including shared space is not the 30 m² excluding it
    ("In Linhai, how big may a dormitory single room be including its share of common areas?", "different_quantity",
     None),
    # staff counted, the 15家 counts firms (and 临海's documents never say 员工)
    ("进临海园区员工要多少人以上", None, "15家"),
    # registered capital is a figure no Linhai rule sets: not the relocation rule, not 400 m²
    ("临海入园企业注册资本要多少", "no_figure", "400"),
    # a star rating's tax standard is not the entrants' 20万 target
    ("温州评上四星级园区要多少亩均税收", "different_quantity", None),
    # the developer's kept share: 温州 names 限自持 but sets no figure
    ("温州开发商自己要留多少不能卖掉", "no_figure", None),
    # 预售 is in no 临海 document: 温州's pre-sale threshold is the contrast, not 临海's transfer ban as the answer
    ("临海的厂房要投资到多少才可以预售", "other_city", "5年"),
])
def test_a_near_miss_is_refused_with_its_kind(assistant, question, kind, never):
    a = assistant.ask(question)
    assert a.refused, a.direct
    if kind:
        assert a.not_covered_kind == kind, a.direct
    if never:
        assert never not in a.direct


def test_an_english_count_whose_subject_the_question_names_is_answered(assistant):
    a = assistant.ask("What is the minimum number of tenant enterprises for a small-business park in Linhai?")
    assert not a.refused and "15" in a.direct


def test_how_soon_and_by_when_are_periods_from_the_contract(assistant):
    a = assistant.ask("In Linhai, how soon after the land contract is signed must a park break ground, and by when "
                      "must it be accepted as complete?")
    assert not a.refused and "6 months" in a.direct and "24 months" in a.direct


def test_a_switch_after_two_figures_answers_the_one_the_new_city_sets(assistant):
    _, wz = _chat(assistant, "临海非生产性用房占地和建筑面积的比例分别是多少", "那温州呢")
    assert not wz.refused and "10%-25%" in wz.direct


def test_a_switch_after_another_quantity_was_refused_asks_what_the_user_asked(assistant):
    _, _, cixi = _chat(assistant, "Linhai parks: how many firms at least, and what share from the same industry?",
                       "In Wenzhou, what share of a park's firms must be in the leading industry?", "And in Cixi?")
    assert not cixi.refused and "2/3" in cixi.answer


def test_the_users_own_figures_after_a_rule_are_checked_against_it(assistant):
    _, check = _chat(assistant, "温州好企业买厂房面积能放宽到多少", "我们亩均税收才20万，一年交税300多万，够不够")
    assert check.kind == "calculation" and "亩均税收不符合" in check.direct and "纳税总额符合" in check.direct


def test_two_yes_no_questions_typed_with_spaces_are_both_answered(assistant):
    a = assistant.ask("临海分幢建好的厂房 可以先办产权证吗 可以卖吗")
    assert not a.refused and "分幢办理不动产权登记" in a.direct and "不得转让" in a.direct


def test_a_yes_no_follow_up_naming_the_users_case_gets_the_rule_for_that_case(assistant):
    _, sell = _chat(assistant, "临海园区买的厂房几年内不能转让", "我们厂要搬去外地了，现在能卖掉吗")
    assert not sell.refused and "外迁" in sell.direct and "审核同意" in sell.direct


def test_a_follow_up_naming_another_document_thing_is_not_answered_with_the_previous_date(assistant):
    _, forms = _chat(assistant, "省里通知要求五年规划正式文本什么时候前报送", "附件里的汇总表啥时候要交上去")
    assert not forms.refused and "12月10日" in forms.direct and "2019年3月31日" not in forms.direct


def test_a_comparison_of_time_limits_compares_the_construction_periods(assistant):
    a = assistant.ask("临海和温州对园区从拿地到建成的期限要求有什么不一样")
    assert a.kind == "comparison" and "24个月内" in a.answer and "不超过2年" in a.answer


@pytest.mark.parametrize("question, states", [
    # the city's own rule in other words (联合建设) is the answer, not "the city never says 联建"
    ("临海小微园能搞联建吗", "联合"),
    # a firm's purchase inside "the whole park" is still one firm's minimum
    ("临海整个园区里，企业买厂房最少要买多少平方", "400平方米"),
])
def test_a_near_miss_check_does_not_refuse_what_the_city_says_in_its_own_words(assistant, question, states):
    a = assistant.ask(question)
    assert not a.refused and states in a.answer, a.direct
