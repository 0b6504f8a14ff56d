"""Not-covered decisions that do not depend on which path found the clause: the clause fallback applies the
knowledge points' figures too, and a figure of another thing is no answer to "X要达到多少"."""

import pytest

from assistant.answer import Assistant
from assistant.answer.frame import frame
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("idx")))


def test_a_bare_how_much_takes_its_kind_from_what_it_is_about():
    assert frame("慈溪小微园的亩均税收要达到多少？", "慈溪小微园的亩均税收要达到多少？").asks == "amount"
    assert frame("温州小微园的绿地率是多少？", "温州小微园的绿地率是多少？").asks == "ratio"
    # a question word still decides when there is one
    assert frame("入园企业少于15家行不行？", "入园企业少于15家行不行？").asks == "permission"


def test_a_figure_of_another_thing_is_not_the_answer(assistant):
    a = assistant.ask("慈溪小微园的亩均税收要达到多少？")
    assert a.refused and a.city == "慈溪市" and "亩均税收" in a.direct
    assert "6个" not in a.answer and "20个" not in a.answer


def test_one_enterprise_s_land_is_not_the_park_s_site(assistant):
    a = assistant.ask("临海单个企业最少要多少亩地？")
    assert a.refused and a.not_covered_kind == "different_quantity"
    assert "100亩" not in a.direct and "50亩" not in a.direct


def test_a_sum_no_clause_sets_is_not_answered_with_a_nearby_clause(assistant):
    a = assistant.ask("临海违反了入园协议要赔多少钱？")
    assert a.refused and a.not_covered_kind in ("no_figure", "not_stated")


def test_one_units_figure_is_not_a_whole_citys_target(assistant):
    """(c) "每座园区几家" against the city's 1万家 target; "一年建多少" against a target to be reached by 2026."""
    a = assistant.ask("温州平均每个园区要引导多少家小微企业入园集聚发展？")
    assert a.refused and a.not_covered_kind == "different_quantity"
    assert "1万家" in a.answer                      # what the text does set, as the contrast
    b = assistant.ask("临海每年新建建筑面积多少万平方米？")
    assert b.refused and "50万平方米" not in b.direct


def test_the_whole_target_is_still_answered(assistant):
    a = assistant.ask("临海到2026年新建建筑面积是多少？")
    assert not a.refused and "50万平方米" in a.direct


def test_another_qualifiers_figure_is_not_the_answer(assistant):
    """(c) 优质企业's 2万㎡ is not the limit for an ordinary enterprise; the quality enterprise's is still answered."""
    a = assistant.ask("温州普通企业购置厂房限制面积是多少？")
    assert a.refused and a.not_covered_kind == "different_quantity" and "2万㎡" not in a.direct
    b = assistant.ask("温州优质企业购置厂房限制面积是多少？")
    assert not b.refused and "2万㎡" in b.direct


def test_an_upper_limit_asked_where_only_a_lower_one_is_set(assistant):
    a = assistant.ask("临海园区容积率最多可以做到多少？")
    assert a.refused and a.not_covered_kind == "different_quantity"
    assert "2.0以上" in a.answer and "2.0以上" not in a.direct      # quoted as what the text says, not as the answer
    b = assistant.ask("临海园区容积率起码要多少？")
    assert not b.refused and "2.0以上" in b.direct


def test_a_town_s_budget_is_not_one_firm_s_grant(assistant):
    a = assistant.ask("掌起镇小企业搬进万洋众创城，每家补多少钱？")
    assert a.refused and a.not_covered_kind == "different_quantity"
    assert "200万元" in a.answer and "200万元" not in a.direct


def test_an_award_for_being_recognised_is_not_the_whole_budget(assistant):
    a = assistant.ask("慈溪的园区评为市级示范能拿多少奖金")
    assert a.refused and "1500万元" not in a.direct


def test_a_penalty_the_text_never_states_is_not_answered_with_the_rule(assistant):
    a = assistant.ask("临海园区的厂房没满五年就转手了，会被怎么罚")
    assert a.refused and a.not_covered_kind == "not_stated" and "（十三）" in a.answer


def test_asking_whether_an_exception_lets_a_restricted_firm_in_is_not_an_eligibility_check(assistant):
    a = assistant.ask("慈溪属于限制类的企业，有没有例外可以入园")
    assert a.kind != "eligibility" and a.refused and a.not_covered_kind == "not_stated"


def test_a_premise_is_not_a_part_and_the_exception_asked_is_not_stated(assistant):
    a = assistant.ask("慈溪限制类产业的企业原则上不能入园，那有没有例外？可以特批吗")
    assert a.refused and a.not_covered_kind == "not_stated"


def test_a_room_area_including_shared_space_is_not_one_excluding_it(assistant):
    a = assistant.ask("临海园区宿舍单间连公摊算上最大多少平方米")
    assert a.refused and a.not_covered_kind == "different_quantity" and "不包含分摊面积" in a.answer


def test_a_lower_limit_asked_where_the_city_gives_no_figure(assistant):
    a = assistant.ask("慈溪市对小微园容积率的下限是怎么规定的")
    assert a.refused and a.not_covered_kind == "no_figure"



def test_who_decides_entry_is_asked_of_the_rules_not_a_check_of_one_firm(assistant):
    a = assistant.ask("临海想进小微园，我们企业入园资格最后谁来定啊")
    assert a.kind != "eligibility" and not a.refused and "（十）" in {c.clause for c in a.citations}


def test_a_new_question_in_the_middle_of_an_eligibility_check_is_answered(assistant):
    check = assistant.ask("我的企业能不能进临海的小微园？")
    assert check.kind == "eligibility"
    a = assistant.ask("要公示几天", history=[check])
    assert a.kind != "eligibility" and "7日" in a.answer


def test_the_province_named_a_city_s_figure_does_not_answer_for_it(assistant):
    a = assistant.ask("浙中小企业办〔2018〕14号通知确定的2019年全省小微企业园建设提升目标是多少个园区？")
    assert a.refused and a.not_covered_kind == "no_figure" and a.city == "浙江省"


def test_a_comparison_with_a_further_question_about_one_city_answers_both(assistant):
    a = assistant.ask("临海市和温州市对小微企业园容积率的下限要求分别是多少？临海对建筑密度另有何要求？")
    assert a.kind == "comparison" and "35%" in a.direct and "2.0" in a.direct
    assert a.answer.count("区别") == 1   # the comparison's lines are not repeated under the added part


def test_where_the_user_heard_it_is_not_what_is_asked(assistant):
    a = assistant.ask("How much did Cixi's budget earmark for park support over 2018-2020? And I read something "
                      "about a separate allocation to Zhangqi town, how much was that?")
    assert "15,000,000 yuan" in a.direct and "2,000,000 yuan" in a.direct


def test_how_much_was_asks_an_amount_and_the_cixi_place_names_are_known():
    from assistant.answer.frame import answer_types
    from assistant.query import analyse

    assert answer_types("a separate allocation to Zhangqi town, how much was that?")[:1] == ("amount",)
    assert "掌起镇" in analyse("the allocation to Zhangqi town").expansions
    assert "入园企业" in analyse("minimum number of tenant companys").expansions   # misspelt as typed


def test_a_consequence_question_gets_every_consequence_its_clause_states(assistant):
    a = assistant.ask("温州园区通过竣工验收2年后亩均税收未达到承诺要求的，开发运营企业承担什么责任？")
    assert not a.refused and "违约金" in a.direct and "没收履约保证金" in a.direct



def test_a_within_period_answers_within_how_many_years_whatever_else_says_at_least(assistant):
    a = assistant.ask("In Linhai, within how many years of starting production must park firms at least reach the "
                      "local industry minimum standard?")
    assert not a.refused and "within 2 years" in a.direct


def test_a_county_s_plan_asked_as_firms_brought_into_parks_reads_the_plan_table(assistant):
    a = assistant.ask("瑞安计划拉多少家企业进园啊")
    assert a.kind == "table" and "1600" in a.direct


def test_a_threshold_asked_about_entering_stays_an_eligibility_check(assistant):
    a = assistant.ask("我们企业亩均税收多少才能进临海的小微园？")
    assert a.kind == "eligibility"


def test_a_blank_cell_of_the_plan_table_is_no_figure_not_an_answer(assistant):
    a = assistant.ask("温州计划表里文成县要建几个科创园？")
    assert a.refused and a.not_covered_kind == "no_figure" and "空白" in a.direct
    assert a.citations and all(c.clause.startswith("行动计划表") for c in a.citations)   # the table, no clause "20."
    both = assistant.ask("温州计划表里文成县科创园和电商园一共要建几个？")   # a sum leaves the blank out
    assert not both.refused and both.kind == "table"


def test_a_document_fact_asked_by_its_own_name_is_that_fact(assistant):
    signed = assistant.ask("浙江省《关于做好小微企业园建设工作有关事项的通知》的发文字号和成文日期是什么？")
    assert "2018年11月23日" in signed.direct and "11月26日" not in signed.direct   # 成文, not 印发
    printed = assistant.ask("省里通知的文号和印发日期是什么")
    assert "2018年11月26日" in printed.direct and "大会精神" not in printed.direct   # not the basis beside the number


@pytest.mark.parametrize("question, stated", [
    ("温州小微园房产税优惠能享受几年", "按第一档享受城镇土地使用税优惠（建成运营3年内）"),
    ("慈溪评市级小微园，主导行业的产值要占到多少？", "对主导行业入驻企业数达到2/3以上"),
    ("温州拿地以后几个月之内一定要开工", "确保开工审批最多100天"),
    ("温州职工宿舍建筑面积应占总建筑面积的比例是多少？", "原则上非生产性用房建筑面积占总建筑面积的10%-25%"),
    ("临海开发商自己要留多少比例的厂房不能卖", "建设主体需永久自持不低于15%的非生产性用房面积"),
    ("At most what share of a Linhai park's floor area may be staff dormitories?", "非生产性用房 其建筑面积占总建筑面积的15%-25%"),
])
def test_another_tax_share_or_time_limit_is_another_quantity(question, stated):
    from assistant.answer.frame import other_qualifier

    assert other_qualifier(question, stated)
    assert not other_qualifier("温州城镇土地使用税优惠享受几年", "按第一档享受城镇土地使用税优惠（建成运营3年内）")
    assert not other_qualifier("温州食堂宿舍这些配套房子能占多少", "原则上非生产性用房建筑面积占总建筑面积的10%-25%")
    assert not other_qualifier("临海成套住宅占职工宿舍的比例是多少", "成套住宅总建筑面积比例不得超过职工宿舍总建筑面积的30%")
    assert other_qualifier("温州项目审批通过后多久要开工", "确保开工审批最多100天")
    assert not other_qualifier("How long can the approval before construction starts take in Wenzhou?", "确保开工审批最多100天")


def test_how_a_question_asks_is_read_from_its_words():
    from assistant.answer.frame import answer_types

    assert answer_types("属地政府应在多少日内作出是否回购的决定？")[0] == "duration"   # the whether names a decision
    assert answer_types("开工审批超过100天仍未办结的，是否视为审批通过？")[0] == "consequence"
    assert answer_types("In Linhai, when does the developer get the performance bond back?")[0] == "exception"
    assert frame("What land appreciation tax prepayment rate applies to parks in Wenzhou?",
                 "What land appreciation tax prepayment rate applies to parks in Wenzhou?").asks_figure
    per_mu = "What tax revenue per mu must Wenzhou park enterprises reach?"
    assert frame(per_mu, per_mu).asks_figure


@pytest.mark.parametrize("question", ["省里那个2019年计划表，园区类型那一栏咋填啊",
                                      "2019年小微企业园建设提升计划情况表中，“园区类型”一栏应如何填写？"])
def test_how_a_form_is_filled_in_is_its_instruction_not_a_sum_of_the_plan_table(assistant, question):
    a = assistant.ask(question)
    assert a.kind != "table" and a.direct.find("园区类型请填写生产制造类") >= 0


def test_whether_the_plan_table_gives_a_figure_is_answered_by_its_blank_cell(assistant):
    a = assistant.ask("瓯江口产业集聚区在行动计划表中有没有用地和建筑面积指标？")
    assert a.kind == "table" and not a.refused and "未设定" in a.direct


def test_the_case_a_condition_leaves_out_is_not_stated(assistant):
    a = assistant.ask("温州小微园地下室要是办了产权证的话，出让金怎么收？")
    assert a.refused and a.not_covered_kind == "not_stated" and "不办理产权登记的" in a.answer
    kept = assistant.ask("温州园区地下室不办理产权登记的话要交出让金吗？")
    assert not kept.refused and "可不收出让金" in kept.direct


@pytest.mark.parametrize("question, figure", [("浙江省温州市行动计划表中乐清2019年开工多少亩", "500亩"),
                                              ("温州计划表中要填的乐清市用地是多少亩", "1350亩")])
def test_the_province_or_a_form_word_beside_the_plan_s_own_county_is_still_the_plan_table(assistant, question, figure):
    a = assistant.ask(question)
    assert a.kind == "table" and figure in a.direct
