"""Follow-ups in the shapes people use: a city switch with words of its own that add nothing ("温州也是按这个标准
交吗"), after a calculation as after a lookup; a figure added to a calculation; the rest of a calculation asked
("竣工的期限呢"); and a question for an exception, instalments or an extension the text never states (e)."""

import pytest

from assistant.answer import Assistant
from assistant.answer.followup import only_switches_city, resolve
from assistant.answer.models import Turn
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("idx")))


def chat(assistant, *turns):
    history = []
    for t in turns:
        history.append(assistant.ask(t, history=list(history)))
    return history


@pytest.mark.parametrize("question, previous, expected", [
    ("温州这边也按这个标准收吗", "临海市", "温州市"),
    ("Does Wenzhou apply the same rule?", "临海市", "温州市"),
    ("慈溪市对此有何规定？", "温州市", "慈溪市"),
    ("温州也能转租吗", "临海市", None),                 # a topic of its own: not a bare switch
    ("临海呢也是这样吗", "临海市", None),               # the same city: nothing switches
    ("慈溪有没有类似的做法？", "温州市", "慈溪市"),
    ("临海也这么算吗", "温州市", "临海市"),
    ("临海市对应的要求呢？", "慈溪市", "临海市"),      # 对应: "the corresponding", no topic of its own
])
def test_a_bare_switch_is_told_from_a_question_of_its_own(question, previous, expected):
    assert only_switches_city(question, previous) == expected


@pytest.mark.parametrize("question, previous_question, expected", [
    ("那温州呢？最少买多少", "临海厂房最少要买多大面积", "温州市"),    # its other words are the previous question's
    ("温州的比例要求是多少？", "临海非生产性用房占总建筑面积的比例有何规定？", "温州市"),
    ("温州的宿舍能盖多大", "临海厂房最少要买多大面积", None),          # 宿舍 is a subject of its own
    ("Does Wenzhou give the same treatment?", "If the revenue is 80 million, what gross profit?", "温州市"),
])
def test_words_of_the_previous_question_do_not_make_a_subject_of_their_own(question, previous_question, expected):
    assert only_switches_city(question, "临海市", previous_question) == expected


def test_a_figure_follow_up_may_name_what_the_figure_is():
    from assistant.answer.followup import Turn, resolve

    r = resolve("我园区总建筑面积12万平，那要配多少平", Turn(question="临海小微园物业管理用房要配多少", city="临海市"))
    assert r.kind == "figure" and "12万平" in r.text and "物业管理用房" in r.text


def test_a_switch_after_a_calculation_looks_for_the_calculated_rule_in_the_new_city(assistant):
    fee, switched = chat(assistant, "临海的厂房买了1000平方米，维修资金交多少？", "温州这边也按这个标准收吗")
    assert fee.kind == "calculation" and "12000" in fee.direct.replace(",", "")
    assert switched.refused and switched.not_covered_kind == "other_city" and switched.city == "温州市"
    assert "12元/平方米" in switched.answer          # the previous city's rule, as the contrast


def test_a_figure_added_to_a_calculation_reruns_it(assistant):
    _, again = chat(assistant, "临海的厂房买了1000平方米，维修资金交多少？", "我要是买600平得交多少？")
    assert again.kind == "calculation" and "7200" in again.direct.replace(",", "")


def test_the_rest_of_a_calculation_keeps_the_earlier_figures(assistant):
    first, rest = chat(assistant, "土地出让合同2025年1月10日签的，临海最晚哪天要开工？", "那竣工验收最迟是哪一天？")
    assert first.kind == "calculation" and rest.kind == "calculation"
    assert "2027年1月10日" in rest.direct


def test_an_exception_the_text_never_states_is_not_covered(assistant):
    a = assistant.ask("临海的维修资金可以分期缴纳吗？")
    assert a.refused and a.not_covered_kind == "not_stated"
    assert "分期" in a.direct or "例外" in a.direct
    assert "12元/平方米" in a.answer                 # what the text does state


def test_an_exception_the_text_states_is_answered(assistant):
    a = assistant.ask("温州入园企业的厂房有没有例外可以转租？")
    assert not a.refused and "未经批准" in a.answer


def test_the_user_s_own_figure_said_as_a_sentence_computes_the_fee(assistant):
    *_, fee = chat(assistant, "临海小微园的维修资金每平方米交多少？", "我们买了900平方米，要交多少钱")
    assert fee.kind == "calculation" and "10800" in fee.answer.replace(",", "")


def test_a_fee_no_document_sets_is_not_the_previous_fee_again(assistant):
    *_, other = chat(assistant, "临海小微园的维修资金每平方米交多少？", "那物业费一平一个月多少钱")
    assert other.refused and other.kind != "calculation"


def test_a_plan_word_with_a_switch_is_still_a_switch():
    assert only_switches_city("慈溪的方案对此有何规定？", "临海市") == "慈溪市"


def test_a_new_city_with_the_previous_topic_word_is_a_switch_and_with_another_topic_a_new_question():
    from assistant.answer.followup import resolve
    from assistant.answer.models import Turn

    prev = Turn(question="温州小微园的地下空间要交出让金吗", city="温州市", city_source="named")
    same = resolve("那临海地下空间呢", prev)
    assert same.kind == "city" and same.text.startswith("临海") and "出让金" in same.text
    other = resolve("那临海宿舍呢", prev)
    assert other.kind == "new" and other.text == "临海宿舍"


def test_a_short_turn_naming_another_thing_of_the_same_clause(assistant):
    *_, suite = chat(assistant, "临海小微园宿舍单间最大能做多大", "那成套的呢")
    assert not suite.refused and suite.direct.split("：", 1)[1].startswith("职工宿舍成套住宅的单套建筑面积")
    assert "60平方米以下" in suite.direct


def test_a_contrast_quoted_for_another_city_is_not_the_clause_a_follow_up_continues(assistant):
    first, second, third = chat(assistant, "温州小微园地下空间要交出让金吗", "那临海地下空间呢", "临海园区外面的道路配套谁负责")
    assert second.refused
    assert all(c.city != "温州市" for c in third.citations)


def test_a_later_part_asking_who_is_answered_from_the_first_part_s_clause(assistant):
    a = assistant.ask("临海入园企业名单要公示几天？谁来审定")
    assert "7日" in a.answer and "领导小组办公室" in a.answer


def test_a_place_word_around_the_new_city_is_still_a_bare_switch():
    from assistant.answer.followup import Turn, resolve

    r = resolve("温州那边呢", Turn(question="临海宿舍里成套房面积占比有上限吗", city="临海市"))
    assert r.kind == "city" and r.text.startswith("温州") and "成套" in r.text


def test_which_years_asks_a_date_not_a_period():
    from assistant.answer.frame import answer_types

    assert answer_types("是哪几年的")[0] == "date" and answer_types("几年内不能转让")[0] == "duration"


@pytest.mark.parametrize("question, previous, kind", [
    ("我们土地出让金3200万 那最少交多少", "温州竞亩均税收拿地的，履约保证金最少交多少", "figure"),   # the user's figure
    ("那物业费一平一个月多少钱", "临海小微园的维修资金每平方米交多少？", "new"),                  # a rate's unit
    ("宿舍楼总共1万平，成套的最多能建多少平？", "临海成套宿舍最大能做多大一套", "new"),          # a calculation of its own
])
def test_a_figure_added_in_a_few_words_of_its_own(question, previous, kind):
    from assistant.answer.followup import Turn, resolve

    r = resolve(question, Turn(question=previous, city="温州市" if "温州" in previous else "临海市"))
    assert r.kind == kind
    assert (previous in r.text) == (kind == "figure")


# ---------------------------------------------------------------- a switch that restates the provision's own words

MIN_AREA = "单个入园企业建筑面积下限 minimum floor area per enterprise 单个入园企业建筑面积一般不得低于400平方米"
START = "园区开工期限 deadline to start construction 小微企业产业园应自土地出让合同签订之日起6个月内开工建设"


def test_a_switch_restating_the_provisions_bound_and_subject_is_a_switch():
    """"那温州有最低面积没" two turns after 临海's 400平方米 minimum: its words are the provision's, not its own."""
    assert only_switches_city("那温州有最低面积没", "临海市", "有没有例外啊 小一点的行不行", MIN_AREA) == "温州市"
    assert only_switches_city("那温州有最低面积没", "临海市", "有没有例外啊 小一点的行不行") is None


def test_a_bound_of_the_other_direction_is_a_question_of_its_own():
    assert only_switches_city("那温州最多能买多少面积", "临海市", "临海厂房最少买多大", MIN_AREA) is None


def test_a_word_only_straddling_two_words_of_the_provision_is_its_own():
    """"工期" is in "开工期限" as characters, not as a word: Wenzhou's construction period is asked of its own."""
    assert only_switches_city("温州市是否有类似的工期规定？", "临海市", "竣工验收最迟应于何时完成？", START) is None


def test_an_english_switch_restating_the_cap():
    dorm = "maximum area of one dormitory flat 职工宿舍成套住宅的单套建筑面积严格控制在60平方米以下"
    assert only_switches_city("Does Wenzhou cap that too?", "临海市", "how much can be apartments at most?", dorm) \
        == "温州市"


def test_a_figure_with_a_few_more_words_after_a_rule_with_a_calculator_is_that_calculation():
    from assistant.answer.followup import _adds_a_figure

    assert _adds_a_figure("我们总投资8000万 那得投到多少才能卖", "温州的小微园能预售不 盖到啥程度能卖")
    assert not _adds_a_figure("我们总投资8000万 那得投到多少才能卖", "临海园区的宿舍最大多大")


def test_a_follow_up_naming_a_city_with_the_previous_questions_words_is_a_switch():
    from assistant.answer.followup import resolve
    from assistant.answer.models import Turn

    prev = Turn(question="《临海市小微企业产业园提质升级工作方案》对非生产性用房建筑面积占总建筑面积的比例有何规定？",
                city="临海市", city_source="named")
    r = resolve("温州市的比例要求如何？", prev)
    assert r.kind == "city" and "非生产性用房" in r.text and r.previous_city == "临海市"


def test_a_figure_naming_the_conversations_own_city_is_still_added_to_the_previous_question():
    from assistant.answer.followup import _adds_a_figure

    assert _adds_a_figure("我地30亩 照温州这个最少得盖多少平", "温州新建的小微园容积率要到多少", "温州市")
    assert not _adds_a_figure("我地30亩 照临海这个最少得盖多少平", "温州新建的小微园容积率要到多少", "温州市")


def test_whether_a_relief_lasts_forever_asks_its_period_and_which_bureau_asks_who():
    from assistant.answer.frame import answer_types

    assert answer_types("Does the land use tax break last forever?")[0] == "duration"
    assert answer_types("这个优惠是一直享受吗")[0] == "duration"
    assert answer_types("Can it be sold?")[0] == "permission"
    assert answer_types("which bureau drafts the pre-sale rules?")[0] == "actor"
    assert answer_types("What's the smallest number of firms a park must have?")[0] == "count"


def test_a_figure_word_before_a_modal_and_a_submission_time_say_what_is_asked():
    from assistant.answer.frame import answer_types

    # "留多少不能卖掉": the 不能 is the figure's own condition
    assert answer_types("开发商自己要留多少不能卖掉")[0] == "ratio"
    # "啥时候要交上去" asks a deadline, not a calendar date
    assert answer_types("那几样材料啥时候要交上去")[0] == "deadline"
    assert answer_types("维修资金要交多少")[0] == "amount"
    # "how soon …, and by when …" asks periods from the contract, the first asked first
    assert answer_types("How soon after signing must building start, and by when must it be accepted?")[0] == "duration"


def test_a_month_of_purchase_after_the_transfer_rule_computes_the_end_of_the_ban(assistant):
    first = assistant.ask("临海园区买的厂房多少年内不能转让？")
    a = assistant.ask("我是22年6月买的，最早啥时候能转", history=[first])
    assert a.kind == "calculation" and "2027年6月" in a.direct
    assert any("只说了月份" in w for w in a.warnings)   # the day assumed is said, not hidden


def test_an_exception_asked_after_a_computed_ban_is_the_clause_s_exception(assistant):
    first = assistant.ask("临海园区买的厂房多少年内不能转让？")
    calc = assistant.ask("我是22年6月买的，最早啥时候能转", history=[first])
    a = assistant.ask("有没有例外", history=[first, calc])
    assert not a.refused and "经营不善" in a.direct and "审核同意" in a.direct


def test_a_new_year_replaces_the_year_and_keeps_the_amount(assistant):
    first = assistant.ask("温州第五年新增的地方贡献是300万，开发运营单位能拿多少财政奖励")
    a = assistant.ask("那第八年呢", history=[first])
    assert a.kind == "calculation" and "300万" in a.resolved_question and "第八年" in a.resolved_question
    assert ".。" not in a.answer


def test_an_exception_asked_after_a_size_is_the_clause_s_allowance(assistant):
    first = assistant.ask("临海园区成套宿舍一套最大多少平方米？")
    a = assistant.ask("这个有例外吗", history=[first])
    assert not a.refused and "放宽10平方米" in a.direct


def test_a_document_s_month_is_not_the_user_s_date_and_a_month_note_needs_a_date(assistant):
    a = assistant.ask("临海市2023年12月印发的工作方案里，厂房多少年内不能转让")
    assert a.kind != "calculation" and "5年内" in a.answer
    fee = assistant.ask("我2022年6月买了临海园区800平厂房，维修资金要交多少")
    assert fee.kind == "calculation" and not any("只说了月份" in w for w in fee.warnings)


def test_a_number_of_square_metres_is_an_area_not_a_count():
    from assistant.answer.frame import answer_types

    assert answer_types("单间最大能做几个平方")[0] == "area" and answer_types("一间能盖几平")[0] == "area"
    assert answer_types("园区最少要进几个企业")[0] == "count" and answer_types("温州园区要建几个平台")[0] == "count"


@pytest.mark.parametrize("question, negated", [("那非高层呢", "高层"), ("不是成套的呢", "成套"), ("那温州呢", None)])
def test_a_follow_up_that_excludes_a_case_keeps_the_question_and_names_the_case(question, negated):
    r = resolve(question, Turn(question="临海园区宿舍每套最多多大", city="临海市"))
    assert r.negated == negated
    if negated:
        assert r.text.startswith("临海园区宿舍每套最多多大") and r.inherited_city == "临海市"


@pytest.mark.parametrize("question, previous, expected", [
    ("换成温州", "临海市", "温州市"),                       # 换成: the place changes, nothing else
    ("温州那边是怎么规定的", "临海市", "温州市"),
    ("省里有没有统一定个标准？", "临海市", "浙江省"),         # the province by its spoken name
    ("What does Wenzhou say?", "临海市", "温州市"),
    ("Does the province set one?", "临海市", "浙江省"),
    ("温州怎么办理", "临海市", None),                       # a procedure of its own is not a bare switch
])
def test_more_ways_of_only_switching_the_place(question, previous, expected):
    assert only_switches_city(question, previous) == expected


def test_an_english_switch_to_the_province_names_the_province():
    r = resolve("Is there a province-wide minimum?", Turn(question="What is the minimum plot ratio in Linhai?",
                                                           city="临海市"), "容积率应达到2.0以上")
    assert r.kind == "city" and r.text.endswith("in Zhejiang province?"), r.text


@pytest.mark.parametrize("question, first", [
    ("这个答复哪天落款的？", "date"),                     # the document's date, not its header
    ("14号文件的署名机关和成文日期是什么？", "metadata"),   # another document fact asked too: the order stays
])
def test_the_kind_asked(question, first):
    from assistant.answer.frame import answer_types

    assert answer_types(question)[0] == first


def test_a_standard_or_amount_to_pay_asks_a_figure():
    from assistant.answer.frame import frame

    q = "临海的履约保证金按什么标准或金额缴纳？"
    assert frame(q, q).asks_figure


@pytest.mark.parametrize("question", ["其他地方呢？", "别的城市也是这样吗", "What about other cities?", "Elsewhere?"])
def test_asking_every_other_place_asks_the_previous_question_as_a_comparison(question):
    asked = "What is the maintenance fund rate in Linhai?" if question.isascii() else "临海的物业维修资金怎么交？"
    previous = Turn(question=asked, city="临海市", topic="maintenance_fund", kind="lookup",
                    knowledge_point="linhai-maintenance-fund-rate")
    r = resolve(question, previous)
    assert r.kind == "across" and r.topic == "maintenance_fund" and "临海" not in r.text and "Linhai" not in r.text
    assert ("各地物业维修资金怎么交" in r.text) if not question.isascii() else r.text.startswith(
        "What is the maintenance fund rate? How do the cities differ")


@pytest.mark.parametrize("question", ["其他地方的宿舍呢", "其他地方的收费标准呢", "外地人呢"])
def test_other_places_with_a_subject_of_their_own_is_not_the_previous_question(question):
    r = resolve(question, Turn(question="临海的物业维修资金怎么交？", city="临海市", kind="lookup",
                               knowledge_point="linhai-maintenance-fund-rate"))
    assert r.kind != "across" and "维修资金" not in r.text


def test_other_places_after_a_calculation_compares_its_provision_and_after_a_comparison_every_city():
    calc = Turn(question="临海我买了1200平方米厂房，维修资金交多少", city="临海市", kind="calculation", calculator="fees")
    assert resolve("其他地方呢", calc).kind != "across"     # no provision known
    r = resolve("其他地方呢", calc, standard="临海工业地产开发的小微园，物业专项维修资金每平方米缴存多少？")
    assert r.kind == "across" and "1200" not in r.text and r.text.startswith("各地")
    both = resolve("其他地方呢", Turn(question="临海和温州容积率有什么不同", kind="comparison"))
    assert both.text == "各地容积率有什么不同？"


def test_a_polite_who_after_a_fee_is_still_the_fee_s(assistant):
    _, who = chat(assistant, "临海的物业专项维修资金缴纳标准是多少？", "请问一下谁收")
    assert who.refused and who.not_covered_kind == "not_stated" and "12元/平方米" in who.answer


def test_other_places_after_a_rule_lists_each_city_or_says_it_sets_none(assistant):
    _, others = chat(assistant, "临海的物业维修资金怎么交？", "其他地方呢？")
    assert others.kind == "comparison" and not others.refused
    assert "12元/平方米" in others.answer and "温州市：文件中没有规定" in others.answer


def test_who_collects_a_fee_whose_clause_names_no_one_is_not_stated(assistant):
    _, who = chat(assistant, "临海的物业专项维修资金缴纳标准是多少？", "这钱交给谁啊，哪个部门收的")
    assert who.refused and who.not_covered_kind == "not_stated"
    assert "12元/平方米" in who.answer and "亩均税收" not in who.answer   # what the clause says, not 温州's payee


def test_who_receives_a_report_named_in_its_deadline_clause(assistant):
    _, who = chat(assistant, "省里那个小微园通知，五年规划的正式文本啥时候前要报上去？", "报给谁啊")
    assert not who.refused and "省小微企业园工作联席会议办公室" in who.direct


def test_a_deadline_asked_as_a_day_is_the_deadline_not_the_signing_date(assistant):
    _, when = chat(assistant, "省里那个小微园通知，五年规划的正式文本啥时候前要报上去？", "那其他几样材料呢，截止是哪天")
    assert "12月10日前" in when.direct and "2018年11月23日" not in when.direct


def test_a_deadline_word_with_a_day_asks_a_deadline():
    from assistant.answer.frame import answer_types

    assert answer_types("那其他几样材料呢，截止是哪天")[0] == "deadline"
    assert answer_types("这个通知哪天落款的")[0] == "date"


def test_a_part_of_the_previous_calculation_asked_reruns_it(assistant):
    *_, part = chat(assistant, "临海小微园物业管理用房要配多少", "我园区总建筑面积12万平，那要配多少平", "里面办公用的占多少")
    assert part.kind == "calculation" and "物业办公用房 180平方米" in part.direct


def test_a_switch_for_one_figure_is_not_answered_by_a_list_of_the_topic_s_figures(assistant):
    _, linhai = chat(assistant, "温州入园企业亩均税收要达到多少？", "临海呢")
    assert linhai.refused and "50万平方米" not in linhai.direct


def test_who_of_a_subject_of_its_own_is_not_refused_as_the_provision_s(assistant):
    _, who = chat(assistant, "临海市小微企业产业园对入园企业数量及同行业集聚程度有何要求？", "入园标准及入园企业由哪个机构审定？公示期多长？")
    assert "领导小组办公室" in who.answer and "没有写明由哪个部门" not in who.answer


def test_a_switch_after_a_comparison_asks_the_question_not_the_comparison():
    compared = Turn(question="其他地方呢？", resolved_question="各地物业维修资金怎么交有什么不同？", kind="comparison",
                    topic="maintenance_fund")
    r = resolve("临海呢", compared)
    assert "各地" not in r.text and "不同" not in r.text and "临海" in r.text
    again = resolve("What about other cities?", compared, standard="临海物业专项维修资金每平方米缴存多少？")
    assert again.kind == "across" and again.text.count("各地") == 1
