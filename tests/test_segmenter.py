"""Each seed segments to its real structure, and no character is lost."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.loaders import load_file
from assistant.segmenter import cn_to_int, segment

from conftest import FIXTURES, SEEDS

CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
      "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七"]


def labels(doc):
    return [c.label for c in doc.clauses]


def test_cn_numerals():
    assert [cn_to_int(s) for s in CN] == list(range(1, 28))
    assert cn_to_int("一百零五") == 105


def test_linhai_items_each_once(corpus):
    got = labels(corpus.document("linhai-plan-draft"))
    items = [f"（{n}）" for n in CN]
    for item in items:
        assert got.count(item) == 1, item
    assert "（1）" in got and "(2)" in got
    assert [x for x in got if x.endswith("、")] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    # items sit under their sections
    doc = corpus.document("linhai-plan-draft")
    assert corpus.clause("linhai-plan-draft", "（二十二）").parent_path == ("四、",)
    assert "同时废止" in corpus.clause("linhai-plan-draft", "六、").text
    assert doc.clauses[0].label == "前言"


def test_wenzhou_items_and_tables(corpus):
    got = labels(corpus.document("wenzhou-opinions"))
    assert got[1:23] == [f"{n}." for n in range(1, 23)]
    assert "本实施意见自2019年1月1日起施行" in corpus.clause("wenzhou-opinions", "结语").text
    t1 = corpus.clause("wenzhou-opinions", "行动计划表（一）").table
    t2 = corpus.clause("wenzhou-opinions", "行动计划表（二）").table
    assert len(t1.rows) == 14 and len(t2.rows) == 14
    rows1 = {r[0]: dict(zip(t1.columns, r)) for r in t1.rows}
    assert rows1["乐清市"]["2020年开工数（亩）"] == "450"
    assert rows1["温州市"]["用地（亩）"] == "8000"
    assert rows1["瓯江口产业集聚区"]["用地（亩）"] == "-"
    rows2 = {r[0]: dict(zip(t2.columns, r)) for r in t2.rows}
    assert rows2["文成县"]["科创园（个）"] is None  # an empty cell stays empty, not shifted
    assert rows2["文成县"]["引导入园企业数（家）"] == "250"
    # the county rows add up to the city's total, as printed
    assert sum(int(r["引导入园企业数（家）"]) for k, r in rows2.items() if k != "温州市") == 10000


def test_provincial_notice(corpus):
    got = labels(corpus.document("zj-notice-2018-14"))
    assert got == ["前言", "一、", "二、", "三、", "四、", "结语", "附件1", "附件2", "附件3", "附件4"]
    a2 = corpus.clause("zj-notice-2018-14", "附件2").table
    assert a2.columns[:3] == ("可建成", "序号", "园区名称")
    assert any(r[0] == "完成改造提升" for r in a2.rows) and any(r[0] == "开工建设" for r in a2.rows)
    assert corpus.clause("zj-notice-2018-14", "附件1").table.columns[1] == "机构名称"
    # a four-row merged header: each leaf column under the right parents
    a3 = corpus.clause("zj-notice-2018-14", "附件3").table.columns
    assert len(a3) == 10 and a3[0] == "县（市、区）" and a3[-1] == "2018-2022入园企业目标数（家）"
    assert a3[1].endswith("按建设方式新建成（家）") and a3[2].endswith("按建设方式改造提升（家）")
    assert a3[4].endswith("按园区类型生产制造类占地面积（亩）")
    assert a3[7].endswith("生产性服务等其他类建筑面积（万平米）")


def test_repeated_labels_carry_their_section(corpus):
    assert labels(corpus.document("cixi-192-reply")) == [
        "前言", "一、", "二、", "二、（一）", "二、（二）", "二、（三）", "二、（四）",
        "三、", "三、（一）", "三、（二）", "三、（三）", "结语"]
    assert labels(corpus.document("cixi-181-reply")) == [
        "前言", "一、", "一、（一）", "一、（二）", "一、（三）", "一、（四）", "一、（五）",
        "二、", "二、（一）", "二、（二）", "结语"]
    assert "2/3以上" in corpus.clause("cixi-192-reply", "三、（二）").text


def test_clause_ids_unique_and_spans_exact(corpus):
    for doc in corpus.documents:
        ids = [c.id for c in doc.clauses]
        assert len(ids) == len(set(ids))
        assert "".join(c.text for c in doc.clauses) == doc.text
        for c in doc.clauses:
            assert doc.text[c.span.start:c.span.end] == c.text


def _norm(s):
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("stem", ["002_1939f8584d88c3be", "004_5f545973f5757773"])
@pytest.mark.parametrize("ext", ["pdf", "docx"])
def test_pdf_and_docx_give_the_txt_clauses(stem, ext):
    ref = segment("d", load_file(SEEDS / f"{stem}.txt").text)
    got = segment("d", load_file(FIXTURES / f"{stem}.{ext}").text)
    assert [c.label for c in got] == [c.label for c in ref]
    for a, b in zip(ref, got):
        assert _norm(a.text) == _norm(b.text), a.label


def test_docx_keeps_table_structure():
    got = segment("d", load_file(FIXTURES / "004_5f545973f5757773.docx").text)
    table = {c.label: c for c in got}["行动计划表（一）"].table
    assert table is not None and len(table.rows) == 14


def test_pdf_lines_rejoined():
    got = segment("d", load_file(FIXTURES / "002_1939f8584d88c3be.pdf").text)
    c22 = {c.label: c for c in got}["（二十二）"]
    # the layout broke this sentence across lines; it reads as one again
    assert "物业专项维修资金缴纳标准按照12元/平方米缴存" in c22.text


def test_attachment_list_is_not_a_clause(corpus):
    # "2.2019年…" and "4.小微…" in the attachment list are not numbered items of the notice
    assert not any(re.fullmatch(r"\d+\.", label) for label in labels(corpus.document("zj-notice-2018-14")))


def test_out_of_sequence_number_is_text():
    text = "一、总则\n打造3.0版园区。\n3.不是条款\n二、分则\n"
    assert [c.label for c in segment("d", text)] == ["一、", "二、"]


# ---- property: no text lost on generated documents

_sentence = st.text(alphabet=st.sampled_from(list("园区企业厂房面积亩平方米应当不得以上的，。、") + ["\n", " "]),
                    min_size=0, max_size=40)


@st.composite
def documents(draw):
    parts = [draw(_sentence)]
    for i in range(draw(st.integers(0, 4))):
        parts.append(f"\n{CN[i]}、{draw(_sentence)}\n")
        for j in range(draw(st.integers(0, 3))):
            style = draw(st.sampled_from(["（{}）", "{}."]))
            num = CN[j] if style.startswith("（") else str(j + 1)
            parts.append(style.format(num) + draw(_sentence) + "\n")
    if draw(st.booleans()):
        parts.append("附件1\n\t表头\n\t列\n\n\t值\n\t1\n")
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_segmentation_partitions_any_document(text):
    clauses = segment("d", text)
    assert "".join(c.text for c in clauses) == text
    assert len({c.id for c in clauses}) == len(clauses)
    pos = 0
    for c in clauses:
        assert c.span.start == pos
        pos = c.span.end
    assert pos == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_segmentation_never_loses_arbitrary_text(text):
    text = text.replace("\r", "")
    assert "".join(c.text for c in segment("d", text)) == text


def test_list_numbers_of_any_size_keep_their_own_clauses():
    """Items numbered 1000 and above were merged into one 结语 clause."""
    lines = [f"{n}. 第{n}项要求。" for n in range(1, 1206)]
    clauses = segment("big", "标题\n一、总则\n" + "\n".join(lines) + "\n")
    labels = [c.label for c in clauses]
    assert labels[:3] == ["前言", "一、", "1."] and labels[-1] == "1205."
    assert "999." in labels and "1000." in labels and "结语" not in labels
    assert max(len(c.text) for c in clauses) < 30


def test_parenthesised_and_chinese_numbers_past_999():
    text = "".join(f"（{n}）第{n}项。\n" for n in range(1, 1003))
    assert [c.label for c in segment("p", text)][-1] == "（1002）"
    from assistant.segmenter import cn_to_int

    assert [cn_to_int(s) for s in ("九百九十九", "一千", "一千零一", "一万二千", "两千零二十")] == [999, 1000, 1001, 12000, 2020]


def test_a_year_at_a_line_start_is_still_not_a_label():
    text = "一、总则\n1.入园条件。\n2019.年度计划另行制定。\n2.退出机制。\n"
    assert [c.label for c in segment("y", text)] == ["一、", "1.", "2."]
