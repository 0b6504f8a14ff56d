"""A follow-up that switches city ("那温州呢？") looks for the same provision in the new city: the same kind of
figure is answered; a mention without the figure is (b); nothing there is (a) with the previous answer as the
contrast — never the new city's nearest provision on another subject."""

import pytest

from assistant.answer import Assistant
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("idx")))


def switch(assistant, first: str, follow: str):
    a = assistant.ask(first)
    return a, assistant.ask(follow, history=[a])


def test_a_city_without_the_figure_is_not_covered_with_the_previous_rule_as_contrast(assistant):
    first, b = switch(assistant, "临海对建筑密度有什么要求？", "那温州呢？")
    assert "35%" in first.direct
    assert b.refused and b.not_covered_kind == "other_city" and b.city == "温州市"
    assert b.direct.startswith("温州市") and "建筑密度" in b.direct
    assert "35%" in b.answer                                   # the contrast: 临海's rule, marked as another city's
    assert "70%" not in b.answer and "五度" not in b.answer       # not Wenzhou's nearest provision


def test_a_city_that_mentions_it_without_a_figure_says_so(assistant):
    _, b = switch(assistant, "临海对建筑密度有什么要求？", "那慈溪呢？")
    assert b.refused and b.not_covered_kind == "no_figure" and b.city == "慈溪市"
    assert "建筑密度" in b.direct and "适当放宽" in b.answer


def test_a_wide_topic_is_narrowed_to_the_subject_asked(assistant):
    first, b = switch(assistant, "温州入园企业亩均税收目标是多少？", "那慈溪呢？")
    assert "亩均税收" in first.direct and "万" in first.direct
    assert b.refused and b.not_covered_kind == "other_city" and "亩均税收" in b.direct
    assert "20个" not in b.answer                               # 慈溪's count of parks is another quantity


def test_the_same_figure_in_the_new_city_is_answered(assistant):
    _, b = switch(assistant, "临海小微园容积率要多少？", "那温州呢？")
    assert not b.refused and b.city == "温州市" and "2.0" in b.direct


def test_a_deposit_switch_stays_on_the_deposit(assistant):
    _, b = switch(assistant, "临海园区物业保修金多少钱？", "那温州呢？")
    assert b.refused and b.topic == "warranty_deposit" and "保修金" in b.direct


def test_same_requirement_in_english_keeps_the_topic_and_changes_the_city(assistant):
    first, b = switch(assistant, "In Wenzhou, which parks must have a professional operator?",
                      "Does Cixi have the same requirement?")
    assert "100" in first.direct
    assert b.refused and b.not_covered_kind == "other_city" and b.city == "慈溪市"
    assert b.direct.startswith("The Cixi documents do not set")


def test_a_question_in_a_conversation_about_one_city_never_quotes_another_city_as_its_answer(assistant):
    _, b = switch(assistant, "Can parks in Cixi be pre-sold too?", "Is there an investment threshold there as well?")
    assert b.city == "慈溪市"
    # an answer quotes only 慈溪's (or the province's) clauses; a refusal says it is 慈溪 that does not set it
    assert (b.refused and "Cixi" in b.direct) or all(c.city in ("慈溪市", "浙江省") for c in b.citations)


def test_generic_park_words_in_a_switch_do_not_make_it_a_new_question():
    from assistant.answer.followup import only_switches_city

    assert only_switches_city("慈溪市对小微企业园项目的开工、竣工时限是否有类似规定？", "临海市",
                              "临海市小微企业产业园工作方案对项目开工和竣工验收的时限有何要求？") == "慈溪市"
