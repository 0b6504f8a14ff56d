"""The ask contract: routing, citations that verify, honest refusals, follow-ups."""

import json
import re
import subprocess
import sys

import pytest

from assistant.answer import Assistant
from assistant.encoders import HashingEncoder
from assistant.evaluation import unsupported_numbers
from assistant.retriever import Retriever

from conftest import ROOT


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256),
                               index_root=tmp_path_factory.mktemp("idx")))


def _check_faithful(a, corpus):
    for c in (*a.citations, *a.related):
        assert c.quote and c.quote in corpus.clause(c.doc_id, c.clause).text
        doc = corpus.document(c.doc_id)
        assert doc.text[c.span.start:c.span.end] == c.quote
    assert unsupported_numbers(a, corpus) == []


@pytest.mark.parametrize("area,fund,deposit", [(850, 10200, 5100), (1, 12, 6), (400, 4800, 2400), (12.5, 150, 75)])
def test_fee_question_is_computed(assistant, corpus, area, fund, deposit):
    a = assistant.ask(f"我买了{area}平方米厂房，维修基金和保修金要交多少？")
    assert a.kind == "calculation" and not a.refused
    # the result is the direct line, with units
    assert f"{fund}元" in a.direct and f"{deposit}元" in a.direct
    assert {c.clause for c in a.citations} == {"（二十二）"}
    assert any("征求意见稿" in w for w in a.warnings)
    _check_faithful(a, corpus)


def test_calculation_boundary_dormitory(assistant, corpus):
    ok = assistant.ask("临海园区宿舍单间30平方米可以吗？")
    over = assistant.ask("临海园区宿舍单间30.5平方米可以吗？")
    assert ok.kind == over.kind == "calculation"
    assert ok.calculation["value"] != over.calculation["value"]
    assert "不符合" in over.answer and "不符合" not in ok.answer
    _check_faithful(over, corpus)


def test_deadline_question_computes_dates(assistant, corpus):
    a = assistant.ask("土地出让合同2024年3月31日签的，最晚什么时候开工？")
    assert a.kind == "calculation"
    assert "2024年9月30日" in a.direct  # 6 months, clamped to the month's end
    assert "2026年3月31日" in a.direct
    _check_faithful(a, corpus)


def test_table_question_reads_the_cell(assistant, corpus):
    a = assistant.ask("乐清市2020年计划开工多少亩？")
    assert a.kind == "table" and "450" in a.answer
    assert a.citations[0].clause == "行动计划表（一）"
    assert "乐清市" in a.citations[0].quote and "450" in a.citations[0].quote
    _check_faithful(a, corpus)


def test_table_sum_is_computed_from_cells(assistant):
    a = assistant.ask("温州全市2019到2021年竣工多少万平方米？")
    assert a.kind == "table" and "1000" in a.answer  # 295 + 335 + 370, as printed in the plan's total column
    empty = assistant.ask("文成县要建几个科创园？")
    assert "为空" in empty.answer


def test_comparison_cites_each_city(assistant, corpus):
    a = assistant.ask("临海和温州对非生产性用房比例的规定有什么不同？")
    assert a.kind == "comparison"
    cited = {(c.doc_id, c.clause) for c in a.citations}
    assert ("wenzhou-opinions", "6.") in cited and ("linhai-plan-draft", "（四）") in cited
    assert "15%-25%" in a.answer and "10%-25%" in a.answer
    _check_faithful(a, corpus)


def test_follow_up_takes_previous_topic_and_new_city(assistant, corpus):
    first = assistant.ask("临海的容积率要求是多少？")
    second = assistant.ask("那温州呢？", history=[first])
    assert "温州" in second.resolved_question and "容积率" in second.resolved_question
    assert second.citations[0].doc_id == "wenzhou-opinions" and second.citations[0].clause == "5."
    third = assistant.ask("what about dormitories?", history=[first])
    assert third.language == "en" and third.citations[0].clause == "（二十一）"


def test_follow_up_without_history_asks_back(assistant):
    a = assistant.ask("那温州呢？")
    assert not a.citations and "哪方面" in a.answer


@pytest.mark.parametrize("q", ["杭州市小微企业园的容积率要求是多少？", "宁波的小微园厂房怎么买？",
                               "What are the rent subsidy rules for parks in Shaoxing?"])
def test_other_cities_are_not_covered(assistant, corpus, q):
    a = assistant.ask(q)
    assert a.refused and a.kind == "not_covered" and not a.citations
    assert a.related  # the nearest clauses, shown only as possibly related
    _check_faithful(a, corpus)


@pytest.mark.parametrize("q,topic,said", [
    ("个人所得税汇算清缴怎么做？", "个人所得税", "个人所得税"),
    ("入园企业员工的社保缴费比例能不能降低？", "社会保险", "社保"),
    ("买园区厂房办按揭贷款，首付比例最低多少？", "按揭贷款", "按揭"),
    ("Do park enterprises get a VAT refund?", "增值税", "VAT"),
])
def test_topic_no_clause_mentions_is_refused(assistant, corpus, q, topic, said):
    a = assistant.ask(q)
    assert a.refused and a.kind == "not_covered" and not a.citations
    assert topic in a.uncovered_topics and said in a.answer
    assert a.related  # the nearest clauses, only as possibly related
    _check_faithful(a, corpus)


def test_topic_refusal_follows_routing(assistant, corpus):
    # a comparison of a topic no city regulates is refused, not answered with two unrelated clauses
    cmp = assistant.ask("临海和温州对契税的规定有什么不同？")
    assert cmp.refused and cmp.uncovered_topics == ("契税",)
    # a follow-up inherits the city and names the new topic
    first = assistant.ask("温州小微企业园的容积率要求是多少？")
    follow = assistant.ask("那社保呢？", history=[first])
    assert follow.refused and "社会保险" in follow.uncovered_topics
    # a calculation still computes what the documents regulate, and says what they do not
    calc = assistant.ask("我买了850平方米厂房，维修基金和契税要交多少？")
    assert calc.kind == "calculation" and "10200元" in calc.direct
    assert any("契税" in w for w in calc.warnings)
    _check_faithful(calc, corpus)


@pytest.mark.parametrize("q", ["土地增值税按什么规定预征？", "转让厂房的相关税费怎么算？",
                               "我手里有几项专利，能在温州拿去银行质押贷款吗？"])
def test_covered_topics_and_lookalikes_are_not_refused(assistant, q):
    # 土地增值税 contains 增值税; 相关税费 contains 关税; 专利 falls under 知识产权, which 温州 17. covers
    a = assistant.ask(q)
    assert not a.refused and a.citations and a.uncovered_topics == ()


@pytest.mark.parametrize("q,place", [("温岭市小微企业园的入园条件是什么？", "温岭"),
                                     ("天台县的小微园容积率要求多少？", "天台县")])
def test_every_zhejiang_county_is_known(assistant, q, place):
    a = assistant.ask(q)
    assert a.refused and a.kind == "not_covered" and place in a.answer


def test_rooftop_is_not_a_county(assistant):
    # 天台 is also "rooftop": only 天台县 names the county
    a = assistant.ask("临海园区厂房的屋顶天台能不能改成办公室？")
    assert "台州" not in a.answer


def test_missing_key_terms_with_no_knowledge_point_are_refused_showing_the_nearest_clause(assistant, corpus):
    # neither a knowledge point nor the nearest clause speaks of 外墙: not covered, the clause only as possibly related
    a = assistant.ask("园区厂房的外墙颜色有什么要求？")
    assert a.refused and not a.citations and a.related
    assert "外墙" in a.direct
    _check_faithful(a, corpus)
    sure = assistant.ask("维修基金每平米交多少")
    assert sure.confidence == "high" and not any("置信度低" in w for w in sure.warnings)


def test_english_question_answered_in_english(assistant, corpus):
    a = assistant.ask("What is the minimum plot ratio for a park in Wenzhou?")
    assert a.language == "en" and a.direct.startswith("Wenzhou") and "2.0" in a.direct
    assert a.citations[0].doc_id == "wenzhou-opinions"
    _check_faithful(a, corpus)


def test_eligibility_asks_for_missing_facts(assistant, corpus):
    a = assistant.ask("我的企业能不能进临海的小微园？")
    assert a.kind == "eligibility" and a.follow_up and a.check["overall"] == "unknown"
    assert any("（二十）" == c.clause for c in a.citations) or a.check["items"]
    _check_faithful(a, corpus)


def test_a_rule_only_another_city_sets_is_not_given_as_the_chosen_citys(assistant):
    # 温州 sets no dormitory room size; 临海's is shown as a contrast, never as 温州's rule
    a = assistant.ask("宿舍单间面积不超过多少？", city="温州市")
    assert a.refused and a.not_covered_kind == "other_city"
    assert a.direct.startswith("温州市的文件没有规定") and "30平方米" in a.answer and "对照" in a.answer


def test_reply_letter_is_flagged(assistant):
    a = assistant.ask("慈溪市级小微企业园认定要求主导行业企业占多少？")
    assert any("答复" in w for w in a.warnings)


def test_contract_shape(assistant):
    d = assistant.ask("维修基金每平米交多少").to_contract()
    assert set(d) == {"question", "answer", "direct", "kind", "refused", "city", "answer_type", "not_covered_kind",
                      "citations", "warnings", "confidence"}
    assert set(d["citations"][0]) == {"doc_id", "source_file", "title", "clause", "quote", "city", "status"}
    assert d["answer"].startswith(d["direct"])


def test_numbers_check_catches_an_invented_number(assistant, corpus):
    a = assistant.ask("维修基金每平米交多少")
    forged = a.model_copy(update={"answer": a.answer + " 另需缴纳 99 元手续费。"})
    assert unsupported_numbers(forged, corpus) == ["99"]


def test_numbers_check_reads_formats_not_just_digits(assistant, corpus):
    """A list's numbering, an ISO date for 2019年3月31日, 12,000 for 1.2万 and "3" for 三 are the quote's numbers;
    a grouped number that is nowhere is still caught."""
    a = assistant.ask("维修基金每平米交多少")
    quote = a.citations[0].quote
    support = a.model_copy(update={"citations": (a.citations[0].model_copy(
        update={"quote": quote + "三年内于2019年3月31日前缴存1.2万元"}), *a.citations[1:])})
    ok = support.model_copy(update={"answer": "1. 3 years; 2019-03-31; 12,000 yuan\n2. " + a.answer})
    assert unsupported_numbers(ok, corpus) == []
    bad = support.model_copy(update={"answer": a.answer + " 另需 45,000 元。"})
    assert unsupported_numbers(bad, corpus) == ["45,000"]


def test_cli_ask_json_and_jsonl(tmp_path):
    import os

    env = dict(os.environ, XIAOWEI_ENCODER="hash:256", XIAOWEI_INDEX_DIR=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "乐清市2020年计划开工多少亩？"],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["kind"] == "table" and d["citations"][0]["source_file"] == "004_5f545973f5757773.txt"
    f = tmp_path / "q.jsonl"
    f.write_text('{"id": "1", "question": "维修基金每平米交多少"}\n{"id": "2", "question": ""}\nnot json\n',
                 encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "assistant", "ask", "--jsonl", str(f)], capture_output=True, text=True,
                       cwd=ROOT, env=env)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x.get("id") for x in lines[:2]] == ["1", "2"] and lines[0]["citations"]
    assert "message" in lines[1] and "error" in lines[2]
    assert r.returncode == 1


def test_an_attachment_the_clause_points_to_is_cited(assistant, corpus):
    # 四、 says "编制框架见附件4"; the framework itself is the attachment
    a = assistant.ask("小微企业园高质量发展五年规划编制基本框架包括哪几个部分？")
    cited = [c.clause for c in a.citations]
    assert "附件4" in cited and "附件3" not in cited  # 附件3 is referenced too, but is a table
    assert "总体思路" in a.direct
    _check_faithful(a, corpus)


def test_a_unit_conversion_cites_no_clause_and_shows_no_empty_source_line(assistant):
    a = assistant.ask("80亩等于多少平方米")
    assert a.kind == "calculation" and "53333.33" in a.direct
    assert "依据：。" not in a.answer and not any(line.startswith("依据") and len(line) < 6 for line in a.answer.splitlines())
