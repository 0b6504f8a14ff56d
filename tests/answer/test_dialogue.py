"""Eligibility as a dialogue: facts asked a few at a time, free-text replies read deterministically, the check
re-run each time, an unreadable reply asked again naming the facts, and the application offered at the end."""

import pytest

from assistant.answer import Assistant
from assistant.answer.dialogue import extract
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("idx")))


@pytest.mark.parametrize("reply,facts", [
    ("做汽配的，独立法人，想买600平", {"industry": "汽车零部件制造", "is_industrial": True,
                                   "is_independent_legal_person": True, "purchase_area_m2": 600}),
    ("个体户", {"is_independent_legal_person": False}),
    ("亩均税收35万、纳税250万", {"tax_per_mu_wan": 35, "total_tax_wan": 250}),
    ("没有违法违规，不是高污染", {"has_violations": False, "is_high_pollution": False}),
    ("想买一千二百平方米", {"purchase_area_m2": 1200}),
    ("我们是做贸易的", {"industry": "商贸", "is_industrial": False}),
])
def test_replies_are_read(reply, facts):
    got = extract(reply)
    assert {k: got.get(k) for k in facts} == facts


def test_a_bare_yes_answers_the_first_question_asked():
    assert extract("是的", ["domicile_in_park_locality", "has_violations"]) == {"domicile_in_park_locality": True}
    assert extract("没有", ["has_violations"]) == {"has_violations": False}
    assert extract("随便", ["has_violations"]) == {}


def test_three_replies_reach_a_verdict_with_one_unreadable(assistant):
    turns = []

    def say(text):
        a = assistant.ask(text, history=list(turns))
        turns.append(a)
        return a

    a = say("我们能进临海的小微园吗？")
    assert a.kind == "eligibility" and a.check["overall"] == "unknown"
    assert 0 < len(a.follow_up) <= 3                      # a few at a time, not twelve
    b = say("做汽配的，独立法人，想买380平")
    assert b.kind == "eligibility" and "结论有变化" in b.answer
    items = {i["rule_id"]: i["verdict"] for i in b.check["items"]}
    assert items["linhai.legal_person_industrial"] == "pass" and items["linhai.unit_area_min"] == "warning"
    c = say("嗯嗯那个")                                    # cannot be read: asked again, naming the facts
    assert c.kind == "eligibility" and "没能从您的回答中读出" in c.answer
    assert c.check["facts"] == b.check["facts"]
    d = say("注册地可以迁过去，没有违法违规，不是脏乱差，不是高耗能，不是高污染，是主导行业的上下游配套")
    e = say("投产日期2025年3月1日，亩均达标")
    assert e.kind == "eligibility"
    assert e.check["overall"] == "warning"                # 380 m² is below the soft 400 m² rule, the rest pass
    assert "可以为您生成入园申请表" in e.answer
    assert e.check["application"]["申请面积"] == 380 and e.check["application"]["园区所在城市"] == "临海市"
    assert d.check["facts"]["domicile_in_park_locality"] is True


def test_a_new_question_in_the_middle_is_answered_as_a_question(assistant):
    first = assistant.ask("我们能进临海的小微园吗？")
    other = assistant.ask("维修基金每平米交多少？", history=[first])
    assert other.kind != "eligibility"
