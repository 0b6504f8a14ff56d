"""Knowledge points answer, per jurisdiction, honestly: the five kinds of "not covered", per-city answers where the
cities differ, no clause-label coincidences, several questions in one, English direct lines, and documents
without knowledge points answered from their clauses."""

import shutil

import pytest

from assistant.answer import Assistant
from assistant.corpus import ingest_bytes, load_corpus
from assistant.encoders import HashingEncoder
from assistant.retriever import Retriever
from conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path_factory.mktemp("idx")))


def _verbatim(a, corpus):
    for c in (*a.citations, *a.related):
        assert c.quote in corpus.clause(c.doc_id, c.clause).text


# ---------------------------------------------------------------- the five kinds of "not covered"

def test_a_other_city_sets_it(assistant, corpus):
    """(a) 温州 sets no maintenance-fund rate; 临海 does: said so, 临海's rule shown as a contrast with its status."""
    a = assistant.ask("温州的厂房维修资金每平方米交多少钱？")
    assert a.refused and a.not_covered_kind == "other_city" and a.kind == "not_covered"
    assert a.direct.startswith("温州市的文件没有规定")
    assert "12元/平方米" in a.answer and "征求意见稿" in a.answer and "对照" in a.answer
    assert not any("您问的是温州市" in w for w in a.warnings)  # the answer already says whose rule it is
    _verbatim(a, corpus)


def test_b_mentioned_without_a_figure(assistant, corpus):
    """(b) 慈溪's reply mentions the maintenance fund but gives no rate: said exactly so, quoting what it says."""
    a = assistant.ask("慈溪的厂房维修基金一平方要交多少钱？")
    assert a.refused and a.not_covered_kind == "no_figure"
    assert "没有规定具体数值" in a.direct and "市住建局牵头制定" in a.answer
    _verbatim(a, corpus)


def test_c_a_nearby_number_is_a_different_quantity(assistant, corpus):
    """(c) 临海 sets a minimum floor area per enterprise (400 m²), not a land area in 亩: not the answer."""
    a = assistant.ask("临海单个入园企业至少要占地多少亩？")
    assert a.refused and a.not_covered_kind == "different_quantity"
    assert "400平方米" in a.answer and "不是您问的" in a.direct
    _verbatim(a, corpus)


def test_d_a_place_no_document_covers(assistant):
    a = assistant.ask("湖州的小微企业园容积率有什么要求？")
    assert a.refused and a.not_covered_kind == "place" and "湖州市" in a.direct


def test_e_a_consequence_the_text_never_states(assistant, corpus):
    """(e) 临海 bans transfers for 5 years but states no penalty for breaking the ban."""
    a = assistant.ask("临海的入园企业如果5年内转让了产权，会受到什么处罚？")
    assert a.refused and a.not_covered_kind == "not_stated"
    assert "没有写明" in a.direct
    _verbatim(a, corpus)


# ---------------------------------------------------------------- answering

def test_no_city_named_where_cities_differ_is_answered_per_city(assistant, corpus):
    a = assistant.ask("小微企业园的容积率有什么要求？")
    assert a.kind == "lookup" and not a.refused
    lines = a.direct.splitlines()
    assert any(x.startswith("临海市") and "2.0" in x for x in lines)
    assert any(x.startswith("温州市") and "2.0" in x for x in lines)
    assert {c.city for c in a.citations} >= {"临海市", "温州市"}
    _verbatim(a, corpus)


def test_a_number_equal_to_a_clause_label_is_not_matched_to_that_clause(assistant):
    # 温州 has an item "15.创新竞价方式"; the question's 15 is a count of enterprises (临海（八）)
    a = assistant.ask("入园企业少于15家行不行？")
    assert a.citations[0].clause == "（八）" and "15家以上" in a.direct
    assert all(c.clause != "15." for c in a.citations)


def test_a_multi_part_question_is_answered_in_parts(assistant, corpus):
    a = assistant.ask("临海职工宿舍单间面积最大多少？入园企业几年内不能转让产权？")
    lines = a.direct.splitlines()
    assert lines[0].startswith("1.") and lines[1].startswith("2.")
    assert "30平方米" in lines[0] and "5年内" in lines[1]
    _verbatim(a, corpus)


def test_an_english_question_gets_its_figure_in_english(assistant, corpus):
    a = assistant.ask("What is the maintenance fund rate in Linhai?")
    assert a.language == "en" and "12 yuan/m²" in a.direct and a.direct.startswith("Linhai")
    assert "draft" in a.direct
    assert a.citations[0].clause == "（二十二）"  # the Chinese quote stays as the source
    _verbatim(a, corpus)


def test_the_direct_line_is_the_fact_not_the_clause(assistant):
    a = assistant.ask("临海的厂房买了几年后可以卖？")
    assert "5年内不得进行转让产权" in a.direct
    assert len(a.direct) < 80                      # not the whole of （十三）
    assert not any("您问的" in w for w in a.warnings)


def test_a_document_without_knowledge_points_is_answered_from_its_clauses(tmp_path, monkeypatch):
    """An uploaded document (the 临海 plan as a PDF, filed for 三门县) has no knowledge points: clause retrieval
    answers for 三门县 from it."""
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    monkeypatch.setenv("XIAOWEI_CORPUS_DIR", str(root))
    pdf = (FIXTURES / "002_1939f8584d88c3be.pdf").read_bytes()
    doc = ingest_bytes(pdf, "sanmen.pdf", title="三门县小微企业园工作方案（测试）", city="三门县", status="in_force",
                       doc_id="sanmen-plan")
    corpus = load_corpus()
    bot = Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256), index_root=tmp_path / "idx"))
    assert not bot.services.bank.points or all(p.doc_id != doc.id for p in bot.services.bank.points)
    a = bot.ask("三门县小微企业园物业专项维修资金缴纳标准是多少？")
    assert not a.refused and a.citations[0].doc_id == "sanmen-plan"
    assert "12元/平方米" in a.direct and a.city == "三门县"
    _verbatim(a, corpus)


def test_a_second_part_about_the_same_clause_brings_its_own_figure(assistant):
    a = assistant.ask("临海一个园区起码要几家企业入驻？同行业的比例呢")
    assert not a.refused and "15家以上" in a.direct and "70%以上" in a.direct


def test_a_second_part_that_reads_like_a_follow_up_is_answered_from_the_same_clause(assistant):
    a = assistant.ask("慈溪新建的小微园能预售吗？具体办法谁来定")
    assert not a.refused and "预售" in a.direct and "市住建局" in a.direct


def test_a_trailing_place_is_the_question_s_city_not_a_part(assistant):
    from assistant.answer.frame import split_parts

    assert split_parts("园区配套的办公楼开发商得自己留着多少？临海的") == ("园区配套的办公楼开发商得自己留着多少？临海的",)
    assert split_parts("开发商建好园区，那些宿舍能卖吗") == ("开发商建好园区，那些宿舍能卖吗",)


def test_the_year_asked_picks_that_year_s_target(assistant):
    a = assistant.ask("慈溪到2021年一共要形成几个特色制造园区？")
    assert not a.refused and "20个以上" in a.direct and "6个以上" not in a.direct


def test_a_deadline_asked_about_a_plan_gets_the_clause_s_deadline(assistant):
    a = assistant.ask("省里让编的小微园五年规划，正式文本啥时候前要报上去")
    assert not a.refused and "2019年3月31日" in a.direct



def test_cue_words_for_what_follows_and_for_a_rate_standard():
    from assistant.answer.frame import answer_types, frame

    assert answer_types("半年没开工会罚钱吗")[0] == "consequence"          # a yes/no about what follows
    assert answer_types("亩均效益未达到标准的，会怎么处理？")[0] == "consequence"
    assert "consequence" not in answer_types("各宗地出让终止期不一致的，如何处理？")   # a case, not a breach
    assert answer_types("项目若逾期未开工，建设主体须承担何种责任？")[0] == "consequence"
    assert answer_types("要是评上市级小微园，奖多少钱哇")[0] == "amount"   # a spoken particle, not a yes/no
    assert answer_types("厂房能卖伐")[0] == "permission"
    assert answer_types("逾期未报送的，通知是否规定了处理措施？")[0] == "consequence"
    assert frame("党建公积金按什么标准缴纳？").asks_figure
    assert frame("What minimum plot ratio must a park reach in Cixi?").asks_figure
    assert answer_types("审批办理时限有何规定")[0] == "duration"
    # "是什么" ends in 么 but asks what, not whether
    assert "permission" not in answer_types("14号文件的署名机关和成文日期是什么？")
    assert frame("温州小微园非生产性用房的水、电、气费用按何种标准计价？").asks_figure
    assert frame("What do firms pay per square metre into the maintenance fund?").asks_figure
    assert frame("What's the standard cap on floor space an ordinary firm may buy?").asks_figure


def test_a_document_number_asked_beside_another_fact_is_its_own_number():
    from assistant.answer.frame import asks_doc_number

    assert asks_doc_number("该答复的发文字号和签发人分别是什么？")
    assert not asks_doc_number("依据的文件文号和名称是什么")


def test_a_question_naming_both_qualifiers_is_about_both():
    from assistant.answer.frame import other_qualifier

    assert other_qualifier("厂房售价最多能溢价多少", "竞标者在达到封顶地价（最高溢价50%）")
    assert not other_qualifier("限地价、限房价的竞价方式中封顶地价最高溢价多少", "竞标者在达到封顶地价（最高溢价50%）")


def test_a_rule_on_a_quantity_asks_its_figure_and_whether_a_bound_is_set_asks_the_bound():
    from assistant.answer.frame import answer_types

    assert answer_types("对入园企业数量有何要求？")[0] == "count"
    assert answer_types("入园企业有什么要求")[0] == "condition"          # no quantity named: the conditions
    assert answer_types("对每个园区的入园企业家数是否设定了下限？")[0] == "count"
    assert answer_types("限制类企业是否可以入园？")[0] == "permission"


def test_the_asked_subject_is_the_last_one_named():
    from assistant.answer.handlers.knowledge import figure_subject
    assert figure_subject("竞亩均税收的方式时，履约保证金有何下限") in ("履约保证金", "保证金")
    assert figure_subject("亩均税收要达到多少") == "亩均税收"


def test_the_base_of_a_share_and_a_measure_after_a_thing_are_not_the_subject():
    from assistant.answer.handlers.knowledge import figure_subject
    assert figure_subject("物业管理用房应按总建筑面积的多大比例配置") == "物业管理用房"
    assert figure_subject("物业用房占总建筑面积多少") == "物业用房"


def test_a_town_the_documents_speak_of_stays_in_the_matched_words():
    from assistant.answer.context import strip_places
    assert "掌起" in strip_places("听说掌起那边还单独给了一笔")     # a town: what is asked about
    assert "温州" not in strip_places("温州的厂房维修基金")           # a city: whose rule, decided apart


def test_hearsay_and_filler_words_are_not_key_terms():
    from assistant.coverage import key_terms
    from assistant.query import analyse
    terms = key_terms(analyse("听说掌起那边还单独给了一笔？干嘛用的"))
    assert not {"听说", "干嘛", "一笔"} & set(terms) and "掌起" in terms


def test_a_hyphenated_word_whose_tail_the_glossary_took_leaves_no_stray_term():
    from assistant.coverage import key_terms
    from assistant.query import analyse
    terms = key_terms(analyse("Where should Cixi's small-enterprise parks be located?"))
    assert not [t for t in terms if t.endswith("-")], terms


def test_a_reporting_time_limit_asks_a_deadline_and_a_when_clause_no_date():
    from assistant.answer.frame import answer_types
    assert answer_types("其余材料的报送时限是什么")[0] == "deadline"
    assert answer_types("When a developer wins the land, how large must the performance bond be?") == ("ratio",)


def test_a_phone_and_who_asks_for_the_contact():
    from assistant.answer.frame import answer_types
    assert answer_types("通知看不懂，打哪个电话问，找谁？")[0] == "contact"


# ---------------------------------------------------------------- a document named by its number

def test_a_reply_named_by_its_number_answers_from_that_reply(assistant, corpus):
    """Two 慈溪 reply letters differ by number: "第192号建议" picks the 192 letter, not the 181 letter's date."""
    a = assistant.ask("慈溪市对第192号建议的答复落款日期是哪一天？")
    assert a.refused and "2018年6月25日" not in a.direct
    assert all(c.doc_id == "cixi-192-reply" for c in a.citations)
    b = assistant.ask("第181号建议的答复落款日期是哪一天？")
    assert not b.refused and "2018年6月25日" in b.direct
    _verbatim(b, corpus)


def test_a_proposal_number_in_english_names_the_reply(assistant):
    a = assistant.ask("What date is printed on the Cixi reply to proposal 192?")
    assert a.refused and "2018" not in a.direct and "192" in a.direct
