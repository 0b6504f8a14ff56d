"""Plan tables as a calculator (wenzhou-opinions 行动计划表（一）（二）).

Expected figures are worked out here from the printed tables by hand (or, for the every-cell test, read straight
from the parsed table), never from assistant.tables itself.
"""

from __future__ import annotations

import json
from dataclasses import is_dataclass
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.answer import Assistant
from assistant.encoders import HashingEncoder
from assistant.evaluation import unsupported_numbers
from assistant.jurisdictions import registry
from assistant.retriever import Retriever
from assistant.tables import Amount, Cell, TableResult, lookup

DOC = "wenzhou-opinions"
T1, T2 = "行动计划表（一）", "行动计划表（二）"


@pytest.fixture(scope="module")
def assistant(corpus, tmp_path_factory):
    return Assistant(Retriever(corpus=corpus, encoder=HashingEncoder(256),
                               index_root=tmp_path_factory.mktemp("idx")))


def ask(corpus, q) -> TableResult:
    r = lookup(corpus, q)
    assert r is not None, q
    return r


def used(r: TableResult) -> set[tuple[str, str, str | None]]:
    return {(c.row, c.column, c.value) for c in r.cells}


# ---------------------------------------------------------------- every cell, in Chinese and in English

def _every_cell(corpus):
    out = []
    for label in (T1, T2):
        table = corpus.clause(DOC, label).table
        for i, row in enumerate(table.rows):
            for column, value in zip(table.columns[1:], row[1:]):
                out.append((label, i, row[0], column, value))
    return out


def _zh_question(row: str, column: str, i: int) -> str:
    j = registry().jurisdictions[row]
    year = column[:5] if column[:4].isdigit() else ""
    base = column[5:] if year else column
    base = base.split("（")[0]
    if j.level == "city":
        return f"全市{year}{base}是多少？"
    name = row if i % 2 else j.short          # full and short names, alternately
    return f"{name}{year}{base}是多少？"


EN_COLUMNS = {"用地": "land", "建筑面积": "floor area", "开工数": "land started", "竣工数": "floor area completed",
              "工业小微园": "industrial micro parks", "电商园": "e-commerce parks", "科创园": "sci-tech parks",
              "引导入园企业数": "enterprises guided into parks", "小升规企业数": "small firms upgraded to above-designated-size",
              "专精特新培育企业数": "specialised-and-innovative firms to nurture"}


def _en_question(row: str, column: str) -> str:
    j = registry().jurisdictions[row]
    year = column[:4] if column[:4].isdigit() else ""
    base = (column[5:] if year else column).split("（")[0]
    who = "the city total" if j.level == "city" else j.en
    return f"What is {who}'s {EN_COLUMNS[base]}{' in ' + year if year else ''}?"


def test_every_cell_is_reachable_in_chinese_and_english(corpus):
    cells = _every_cell(corpus)
    assert len(cells) == 14 * 8 + 14 * 6
    for label, i, row, column, value in cells:
        for q in (_zh_question(row, column, i), _en_question(row, column)):
            r = ask(corpus, q)
            assert r.operation == "cell", q
            assert [(c.row, c.column, c.value, c.clause) for c in r.cells] == [(row, column, value, label)], q
            c = r.cells[0]
            assert c.quote in corpus.clause(DOC, label).text and c.quote.startswith(row)
            if value in (None, "-"):
                assert r.value is None and c.blank and r.blanks == [c]
            else:
                assert r.value == Amount(Fraction(value), c.unit)


# ---------------------------------------------------------------- single cells

def test_cell_full_and_short_county_names(corpus):
    a = ask(corpus, "乐清市2020年计划开工多少亩？")
    b = ask(corpus, "乐清2020年计划开工多少亩？")
    assert used(a) == used(b) == {("乐清市", "2020年开工数（亩）", "450")}
    assert a.headline("zh") == "乐清市2020年开工数：450亩"


def test_cell_industrial_cluster_short_name(corpus):
    a = ask(corpus, "瓯江口产业集聚区小升规企业数是多少？")
    b = ask(corpus, "瓯江口小升规企业数是多少？")
    assert used(a) == used(b) == {("瓯江口产业集聚区", "小升规企业数（家）", "20")}


@pytest.mark.parametrize("q,row", [("How many enterprises guided into parks in Zhenan?", "浙南产业集聚区"),
                                   ("How many sci-tech parks will Rui'an build?", "瑞安市"),
                                   ("How many sci-tech parks will Ruian build?", "瑞安市"),
                                   ("How many sci-tech parks will Rui’an build?", "瑞安市"),
                                   ("Oujiangkou: how many enterprises guided into parks?", "瓯江口产业集聚区")])
def test_cell_english_county_names(corpus, q, row):
    r = ask(corpus, q)
    assert r.operation == "cell" and r.cells[0].row == row


def test_city_row_is_the_city_total(corpus):
    r = ask(corpus, "2021年全市竣工多少万平方米？")
    assert used(r) == {("温州市", "2021年竣工数（万㎡）", "370")}
    assert ask(corpus, "2020年计划开工多少亩？").cells[0].row == "温州市"


def test_a_unit_alone_points_at_the_column(corpus):
    assert used(ask(corpus, "乐清2020年多少亩？")) == {("乐清市", "2020年开工数（亩）", "450")}


# ---------------------------------------------------------------- sums

def test_row_sum_over_years_zh(corpus):
    r = ask(corpus, "乐清市2019到2021年开工数合计多少？")
    assert r.operation == "sum" and r.value == Amount(Fraction(1350), "亩")   # 500 + 450 + 400
    assert r.headline("zh") == "乐清市2019–2021年开工数合计（计算）：1350亩"
    assert {c.column for c in r.cells} == {"2019年开工数（亩）", "2020年开工数（亩）", "2021年开工数（亩）"}


def test_row_sum_over_years_en(corpus):
    r = ask(corpus, "How much land will Yueqing start in 2019–2021 in total?")
    assert r.headline("en") == "Yueqing, land started 2019–2021 (computed): 1,350 mu"


def test_three_year_completion(corpus):
    r = ask(corpus, "瑞安三年竣工多少万平方米？")
    assert r.operation == "sum" and r.value == Amount(Fraction(170), "万㎡")  # 50 + 60 + 60
    assert r.converted is None  # asked in 万平方米, the table's own unit
    en = ask(corpus, "How much floor area will Rui'an complete over the three years?")
    assert en.value == r.value and "(computed)" in en.headline("en")


def test_year_range_in_english_words(corpus):
    r = ask(corpus, "Pingyang land started from 2020 to 2021 in total?")
    assert r.value.value == 700 and {c.column[:4] for c in r.cells} == {"2020", "2021"}  # 400 + 300


def test_column_sum_over_counties_does_not_count_the_city_row(corpus):
    r = ask(corpus, "各县科创园合计多少个？")
    assert r.operation == "sum" and r.value.value == 20
    assert "温州市" not in {c.row for c in r.cells} and len(r.cells) == 13
    assert {(c.row, c.value) for c in r.blanks} == {("文成县", None), ("泰顺县", None)}
    assert r.printed_total.amount.value == 20 and r.printed_total.row == "温州市"
    line = r.headline("zh")
    assert "计算" in line and "空白" in line and "20个" in line


def test_column_sum_english_and_dash_row(corpus):
    r = ask(corpus, "What is the total land of all counties?")
    assert r.operation == "sum" and r.value.value == 8000
    assert [(c.row, c.value) for c in r.blanks] == [("瓯江口产业集聚区", "-")]
    assert "blank or “-” cells left out" in r.headline("en")


def test_park_types_for_a_county(corpus):
    r = ask(corpus, "乐清市三类园区合计几个？")
    assert r.value.value == 15  # 10 + 2 + 3
    assert {c.column for c in r.cells} == {"工业小微园（个）", "电商园（个）", "科创园（个）"}
    assert ask(corpus, "How many parks of all types will Pingyang build?").value.value == 10  # 7 + 1 + 2


def test_park_types_for_the_city_and_over_counties(corpus):
    city = ask(corpus, "全市三类园区合计多少个？")
    assert city.value.value == 100 and {c.row for c in city.cells} == {"温州市"}  # 60 + 20 + 20: 百园
    counties = ask(corpus, "各县三类园区合计多少个？")
    assert counties.value.value == 100 and len(counties.blanks) == 4  # 文成、泰顺 科创园; 瓯江口 工业、电商 "-"


def test_sum_meeting_blanks_names_them(corpus):
    r = ask(corpus, "泰顺县三类园区合计多少个？")
    assert r.value.value == 3 and [c.column for c in r.blanks] == ["科创园（个）"]
    assert "空白或“-”单元格未计入" in r.headline("zh")
    assert "泰顺县 科创园（个）：空白" in r.blank_line("zh")


# ---------------------------------------------------------------- largest / smallest, ties

def test_largest_land_is_a_tie(corpus):
    r = ask(corpus, "哪个县用地最多？")
    assert r.operation == "max" and [o.row for o in r.winners] == ["乐清市", "瑞安市"]
    assert r.value == Amount(Fraction(1350), "亩")
    line = r.headline("zh")
    assert "乐清市、瑞安市" in line and "并列" in line and "瓯江口产业集聚区" in line  # its "-" is said


def test_largest_english_tie(corpus):
    r = ask(corpus, "Which county has the most industrial micro parks?")
    assert [o.row for o in r.winners] == ["乐清市", "瑞安市"]
    assert "Yueqing and Rui'an (tied, 10 each)" in r.headline("en")


def test_largest_in_one_year_and_enterprises(corpus):
    assert [o.row for o in ask(corpus, "2020年哪个县开工最多？").winners] == ["乐清市", "瑞安市"]
    assert [o.row for o in ask(corpus, "哪个县小升规企业数最多？").winners] == ["乐清市", "瑞安市"]


def test_smallest_skips_blank_cells_and_names_them(corpus):
    r = ask(corpus, "哪个县科创园最少？")
    assert r.operation == "min" and r.value.value == 1
    assert [o.row for o in r.winners] == ["鹿城区", "瓯海区", "洞头区", "瓯江口产业集聚区"]
    assert "文成县、泰顺县此项为空白" in r.headline("zh")  # not counted as 0 (which would make them smallest)


def test_smallest_english(corpus):
    r = ask(corpus, "Which county has the fewest enterprises guided into parks?")
    assert [o.row for o in r.winners] == ["瓯江口产业集聚区"] and r.value.value == 100


def test_largest_year_of_one_county(corpus):
    r = ask(corpus, "乐清哪一年开工最多？")
    assert r.operation == "max" and [o.year for o in r.winners] == ["2019"] and r.value.value == 500
    assert "2019年（500亩）" in r.headline("zh")
    low = ask(corpus, "Which year does the city total complete the least floor area?")
    assert [o.year for o in low.winners] == ["2019"] and low.value.value == 295


def test_largest_among_named_counties(corpus):
    r = ask(corpus, "平阳和苍南谁的用地最多？")
    assert {c.row for c in r.cells} == {"平阳县", "苍南县"} and [o.row for o in r.winners] == ["平阳县", "苍南县"]


# ---------------------------------------------------------------- ratios, shares, differences

def test_floor_area_per_mu(corpus):
    r = ask(corpus, "乐清市建筑面积每亩多少？")
    assert r.operation == "ratio" and r.value == Amount(Fraction(170, 1350), "万㎡/亩")
    assert r.converted == Amount(Fraction(1_700_000, 1350), "㎡/亩")
    assert "≈1259.26㎡/亩" in r.headline("zh") and "（计算）" in r.headline("zh")


def test_floor_area_per_mu_english(corpus):
    r = ask(corpus, "How much floor area per mu of land in Ruian?")
    assert r.value.value == Fraction(170, 1350) and "(computed)" in r.headline("en")
    assert "1,259.26 m²/mu" in r.headline("en")


def test_share_of_the_city_total(corpus):
    r = ask(corpus, "乐清用地占全市的比例是多少？")
    assert r.operation == "share" and r.value == Amount(Fraction(16875, 1000), "%")  # 1350 / 8000
    assert {c.row for c in r.cells} == {"乐清市", "温州市"}
    assert r.headline("zh").endswith("1350亩 ÷ 8000亩 = 16.875%")


def test_share_english(corpus):
    r = ask(corpus, "Longwan's share of sci-tech parks?")
    assert r.value.value == 10 and "Longwan's share of the city total" in r.headline("en")


def test_share_between_columns(corpus):
    r = ask(corpus, "乐清市小升规企业数占引导入园企业数的比例是多少？")
    assert r.value.value == Fraction(170 * 100, 1600)


def test_times_between_counties(corpus):
    r = ask(corpus, "乐清的用地是鹿城的几倍？")
    assert r.operation == "ratio" and r.value == Amount(Fraction(1350, 400), "倍")
    assert "3.375倍" in r.headline("zh")


def test_times_between_years(corpus):
    r = ask(corpus, "瑞安2020年开工数是2021年的几倍？")
    assert r.value == Amount(Fraction(450, 400), "倍") and len(r.cells) == 2


def test_share_of_a_year_in_the_three_years(corpus):
    r = ask(corpus, "温州市2019年开工数占三年合计的比例是多少？")
    assert r.operation == "share" and r.value.value == 35  # 2800 / (2800 + 2800 + 2400)


def test_same_or_not_is_a_difference_of_zero(corpus):
    r = ask(corpus, "瑞安和乐清的用地一样多吗？")
    assert r.operation == "difference" and r.value.value == 0
    assert ask(corpus, "Is Rui'an's land the same as Yueqing's?").value.value == 0


def test_each_year_listed_not_added(corpus):
    r = ask(corpus, "乐清市三年开工数和竣工数分别是多少？")
    assert r.operation == "cells" and r.value is None and len(r.cells) == 6


def test_city_named_with_a_column_name(corpus):
    assert used(ask(corpus, "温州市建设多少个科创园？")) == {("温州市", "科创园（个）", "20")}
    assert lookup(corpus, "温州市的用地要求") is None


def test_difference_between_counties(corpus):
    r = ask(corpus, "乐清比鹿城用地多多少亩？")
    assert r.operation == "difference" and r.value == Amount(Fraction(950), "亩")
    assert "1350亩 − 400亩 = 950亩" in r.headline("zh")


def test_difference_english(corpus):
    r = ask(corpus, "How much more land does Pingyang have than Taishun?")
    assert r.value.value == 750 and "Pingyang minus Taishun" in r.headline("en")


def test_difference_between_years(corpus):
    r = ask(corpus, "乐清市2019年和2021年开工相差多少？")
    assert r.value.value == 100 and [c.column for c in r.cells] == ["2019年开工数（亩）", "2021年开工数（亩）"]


def test_difference_between_columns(corpus):
    assert ask(corpus, "乐清市引导入园企业数比小升规企业数多多少？").value == Amount(Fraction(1430), "家")


# ---------------------------------------------------------------- conversions

def test_floor_area_in_square_metres(corpus):
    r = ask(corpus, "乐清市建筑面积是多少平方米？")
    assert r.value == Amount(Fraction(170), "万㎡") and r.converted == Amount(Fraction(1_700_000), "㎡")
    assert "换算（计算）为1700000㎡" in r.headline("zh")


def test_land_mu_in_square_metres(corpus):
    r = ask(corpus, "乐清市用地折合多少平方米？")
    assert r.converted == Amount(Fraction(1350) * Fraction(10000, 15), "㎡")  # 900000


def test_conversion_english(corpus):
    r = ask(corpus, "How many square metres of floor area will Lucheng complete in 2020?")
    assert used(r) == {("鹿城区", "2020年竣工数（万㎡）", "15")}
    assert "150,000 m²" in r.headline("en")


def test_sum_converted(corpus):
    assert ask(corpus, "乐清三年竣工多少平方米？").converted.value == 1_700_000
    assert ask(corpus, "乐清2019-2021年开工合计折合多少平方米？").converted.value == 900_000


# ---------------------------------------------------------------- blanks and "-"

def test_blank_cell_is_blank_not_zero(corpus):
    r = ask(corpus, "文成县要建几个科创园？")
    assert r.value is None and r.cells[0].value is None and r.cells[0].number is None
    line = r.headline("zh")
    assert "为空" in line and "不是0" in line
    en = ask(corpus, "How many sci-tech parks does Taishun plan?")
    assert "blank (not set)" in en.headline("en") and "not 0" in en.headline("en")


def test_dash_cell_is_said_as_dash(corpus):
    r = ask(corpus, "瓯江口用地多少亩？")
    assert r.cells[0].value == "-" and r.value is None
    assert "“-”（未设定）" in r.headline("zh")


def test_ratio_with_dash_cells_is_not_computed(corpus):
    r = ask(corpus, "瓯江口建筑面积每亩多少？")
    assert r.value is None and len(r.blanks) == 2 and "无法计算" in r.headline("zh")


def test_difference_with_a_blank_is_not_computed(corpus):
    r = ask(corpus, "文成县与鹿城区科创园相差多少？")
    assert r.value is None and [c.row for c in r.blanks] == ["文成县"]


# ---------------------------------------------------------------- numbers in the question

def test_a_year_is_not_a_threshold(corpus):
    r = ask(corpus, "2020年哪些县开工数超过300亩？")
    assert r.operation == "filter"
    assert [(o.row, o.amount.value) for o in r.winners] == [("乐清市", 450), ("瑞安市", 450), ("平阳县", 400),
                                                             ("苍南县", 400)]


def test_threshold_in_chinese_numerals_and_english(corpus):
    zh = ask(corpus, "用地在一千亩以上的县有哪些？")
    en = ask(corpus, "Which counties plan more than 1,000 mu of land?")
    assert [o.row for o in zh.winners] == [o.row for o in en.winners] == ["乐清市", "瑞安市", "平阳县", "苍南县"]


def test_threshold_in_another_area_unit(corpus):
    r = ask(corpus, "哪些县建筑面积超过100万平方米？")  # the table is in 万㎡: 100万平方米 is 100
    assert [o.row for o in r.winners] == ["乐清市", "瑞安市", "平阳县", "苍南县"]


def test_year_the_table_does_not_have(corpus):
    r = ask(corpus, "乐清2022年开工多少亩？")
    assert r.operation == "absent" and "2019–2021" in r.headline("zh") and not r.cells


def test_county_the_table_does_not_have(corpus):
    r = ask(corpus, "龙港市2020年开工多少亩？")
    assert r.operation == "absent" and "没有龙港市" in r.headline("zh")


# ---------------------------------------------------------------- not table questions

@pytest.mark.parametrize("q", ["维修基金每平米交多少", "温州市小微企业园容积率要求是多少？", "买园区厂房办按揭贷款，首付比例最低多少？",
                               "乐清小微园用地要求多少亩", "What is the plot ratio in Wenzhou?", "入园企业购买的厂房可以转让吗？",
                               "土地出让合同2024年3月31日签的，最晚什么时候开工？", "乐清园区厂房多少钱一平方", "温州小微园用地",
                               "乐清什么时候开工？", "What are the land use rules in Wenzhou?",
                               "How much land must a Wenzhou industrial park have at least?", "温州竣工验收多少个工作日？",
                               "温州工业小微企业园用地面积不少于多少亩？", "温州小微园开工审批最多多少天？",
                               "瑞安的小微园厂房能不能卖？", "温州市专精特新企业有什么政策？"])
def test_non_table_questions_return_none(corpus, q):
    assert lookup(corpus, q) is None


# ---------------------------------------------------------------- typed results

def test_results_are_typed(corpus):
    r = ask(corpus, "各县科创园合计多少个？")
    assert is_dataclass(r) and isinstance(r, TableResult) and r.operation == "sum"
    assert all(isinstance(c, Cell) for c in r.cells) and isinstance(r.value, Amount)
    assert isinstance(r.value.value, Fraction) and r.value.unit == "个"
    record = json.loads(json.dumps(r.to_record(), ensure_ascii=False))
    assert record["value"]["value"] == "20" and len(record["blanks"]) == 2


# ---------------------------------------------------------------- through the assistant

@pytest.mark.parametrize("q,first,lang", [
    ("乐清市2019到2021年开工数合计多少？", "乐清市2019–2021年开工数合计（计算）：1350亩", "zh"),
    ("How much land will Yueqing start in 2019–2021 in total?",
     "Yueqing, land started 2019–2021 (computed): 1,350 mu", "en"),
    ("温州全市2019到2021年竣工多少万平方米？", "温州市2019–2021年竣工数合计（计算）：1000万㎡", "zh"),
])
def test_answer_states_the_figure_first(assistant, corpus, q, first, lang):
    a = assistant.ask(q)
    assert a.kind == "table" and a.language == lang
    lines = a.answer.split("\n")
    assert lines[0] == first
    assert ("所用单元格" if lang == "zh" else "Cells used") in lines[1]
    assert a.calculation["operation"] == "sum"


@pytest.mark.parametrize("q,figure", [
    ("2019年乐清开工多少亩？", "500亩"), ("2021年全市竣工多少万平方米？", "370万㎡"),
    ("2020年哪些县开工数超过300亩？", "乐清市（450亩）"),
    ("各县科创园合计多少个？", "20个"), ("乐清用地占全市的比例是多少？", "16.875%"), ("哪个县科创园最少？", "鹿城区"),
    ("乐清市建筑面积每亩多少？", "1259.26"), ("乐清比鹿城用地多多少亩？", "950亩"),
    ("What share of the city total land is Yueqing's?", "16.875%"),
])
def test_table_answers_cite_only_the_tables(assistant, corpus, q, figure):
    """No clause-number coincidence: 2019/2020/2021 or 20 must not pull in clauses 19./20./21."""
    a = assistant.ask(q)
    assert a.kind == "table" and not a.refused
    assert figure in a.answer.split("\n")[0]
    assert {c.clause for c in a.citations} <= {T1, T2}
    assert all(c.doc_id == DOC for c in a.citations)
    for c in a.citations:
        assert c.quote in corpus.clause(c.doc_id, c.clause).text
        assert corpus.document(c.doc_id).text[c.span.start:c.span.end] == c.quote
    assert unsupported_numbers(a, corpus) == []


def test_answer_quotes_every_row_used(assistant, corpus):
    a = assistant.ask("乐清的用地是鹿城的几倍？")
    quotes = [c.quote for c in a.citations]
    assert any(q.startswith("乐清市\n\t1350") for q in quotes) and any(q.startswith("鹿城区\n\t400") for q in quotes)
    assert "乐清市 | 用地（亩） | 1350" in a.answer and "鹿城区 | 用地（亩） | 400" in a.answer


def test_answer_lists_blank_cells(assistant):
    a = assistant.ask("各县科创园合计多少个？")
    assert "文成县 科创园（个）：空白" in a.answer and "计算" in a.answer.split("\n")[0]
    en = assistant.ask("How many sci-tech parks do all counties plan in total?")
    assert "Blank or “-” cells" in en.answer and "Wencheng" in en.answer


def test_non_table_question_is_not_a_table_answer(assistant):
    assert assistant.ask("温州小微企业园的容积率有什么要求？").kind != "table"


def test_follow_up_with_another_county_keeps_the_county(assistant):
    first = assistant.ask("乐清市2020年计划开工多少亩？")
    second = assistant.ask("那瑞安呢？", history=[first])
    assert second.kind == "table" and second.answer.startswith("瑞安市2020年开工数：450亩")
    whole = assistant.ask("那温州呢？", history=[first])
    assert whole.answer.startswith("温州市2020年开工数：2800亩")


def test_a_follow_up_naming_only_a_year_keeps_the_previous_county(assistant):
    first = assistant.ask("乐清三年一共开工多少亩？")
    second = assistant.ask("2020年开工多少亩", history=[first])
    assert second.kind == "table" and second.answer.startswith("乐清市2020年开工数：450亩"), second.answer
    third = assistant.ask("2021年呢", history=[first, second])   # the county kept over more than one turn
    assert third.answer.startswith("乐清市2021年开工数：400亩"), third.answer
    whole = assistant.ask("全市2020年开工多少亩", history=[first])
    assert whole.answer.startswith("温州市2020年开工数：2800亩"), whole.answer


_PIECES = ["乐清", "瑞安市", "温州", "全市", "各县", "哪个县", "最多", "最少", "合计", "占", "比例", "每亩", "几倍", "多多少",
           "科创园", "电商园", "三类园区", "用地", "建筑面积", "开工", "竣工", "三年", "2019", "2020年", "2022年", "到", "超过",
           "以上", "一千", "1,000", "1,2", "亩", "平方米", "万平方米", "分别", "一样", "瓯江口", "文成", "龙港", "Yueqing", " land",
           " started", " per mu", " most", " total", " share of", " more than", " square metres", "？", "-", "—"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_any_mix_of_table_words_answers_or_returns_none(corpus, pieces):
    r = lookup(corpus, "".join(pieces))
    if r is None:
        return
    for lang in ("zh", "en"):
        assert r.headline(lang)
        r.cell_lines(lang)
    json.dumps(r.to_record(), ensure_ascii=False)
    for c in r.cells:
        assert c.quote in corpus.clause(DOC, c.clause).text
    if r.operation == "sum" and r.value is not None:
        assert r.value.value == sum(c.number for c in r.cells if c.number is not None)
        assert set(r.blanks) == {c for c in r.cells if c.blank}


def test_a_number_of_parks_asked_where_the_plan_gives_mu_is_said_so(corpus, assistant):
    r = lookup(corpus, "瑞安2020年准备开工几个园区")
    assert r is not None and r.asked_count
    a = assistant.ask("瑞安2020年准备开工几个园区")
    assert a.refused and a.not_covered_kind == "different_quantity" and "个数" in a.direct and "亩" in a.answer
    # the same plan figure asked in its own unit is answered
    assert not lookup(corpus, "瑞安2020年准备开工多少亩").asked_count
    # in English, parks counted ask a number; a bare "how many" may ask mu
    assert lookup(corpus, "How many new parks will Rui'an break ground on in 2020?").asked_count
    assert not lookup(corpus, "How many mu will Rui'an start in 2020?").asked_count


def test_the_unit_asked_picks_the_column_over_a_park_word(corpus):
    r = ask(corpus, "瑞安三年一共开工多少亩小微园")
    assert r.value.unit == "亩"


@pytest.mark.parametrize("q", ["平阳的小微园交城镇土地使用税有啥优惠，优惠几年", "永嘉园区的职工宿舍单间最大几平方",
                               "龙湾老厂房改成小微园要投产几年才行"])
def test_an_owner_s_rule_question_naming_a_county_is_not_a_table_question(corpus, q):
    assert lookup(corpus, q) is None


def test_a_question_about_another_document_s_list_is_not_this_table(corpus):
    assert lookup(corpus, "按浙中小企业办〔2018〕14号文件，2019年要报哪些园区的开工计划") is None
    assert lookup(corpus, "乐清2019年开工多少亩") is not None


def test_a_land_area_asked_of_a_floor_area_column_is_said_so(corpus, assistant):
    r = lookup(corpus, "瑞安2020年计划竣工的用地面积有多少亩")
    assert r is not None and r.asked_land and r.converted is None
    a = assistant.ask("瑞安2020年计划竣工的用地面积有多少亩")
    assert a.refused and "建筑面积" in a.direct
    # an explicit conversion of the same figure is still computed
    assert lookup(corpus, "瑞安2020年竣工面积折合多少亩").converted is not None


def test_a_column_named_alone_and_inside_a_group_is_counted_once(corpus):
    r = lookup(corpus, "三类园区合计，科创园也算上，一共多少个")
    assert r.operation == "sum" and r.value.value == sum(c.number for c in r.cells if c.number is not None)


def test_one_park_s_share_asked_where_the_plan_gives_county_totals(corpus, assistant):
    r = lookup(corpus, "乐清每个园能分到多少亩地")
    assert r is not None and r.asked_per_park
    a = assistant.ask("How much land does each park in Ruian get under the plan?")
    assert a.refused and "county" in a.direct
    # the average the table computes is still computed
    assert lookup(corpus, "乐清平均每个园区用地多少亩").operation == "ratio"
    # "那个小微园计划" names the county's plan, not one park
    r = lookup(corpus, "瑞安那个小微园计划，三年开工一共多少亩")
    assert r is not None and not r.asked_per_park and r.value.value == 1350
    # …but "那个小微园规划用地" is one park's planned land, which the plan does not give
    assert lookup(corpus, "乐清那个小微园规划用地多少亩").asked_per_park


def test_a_question_about_the_provincial_notice_is_not_the_wenzhou_table(corpus):
    assert lookup(corpus, "Under the provincial notice, how many parks must Ruian build in 2019?") is None


def test_a_year_the_plan_does_not_cover_is_not_read_as_its_three_years(corpus):
    # "2023年" contains "3年" ("三年" = the plan's years): it must not become 2019–2021
    r = lookup(corpus, "行动计划表里2023年鹿城区竣工多少")
    assert r is not None and r.missing == "year" and r.value is None and not r.cells


def test_a_place_without_a_row_is_missing(corpus):
    r = lookup(corpus, "行动计划表中龙港市2019年开工多少亩")
    assert r is not None and r.missing == "row" and not r.cells


def test_a_missing_row_or_year_is_an_honest_refusal(assistant):
    place = assistant.ask("行动计划表中龙港市2019年开工多少亩")
    year = assistant.ask("行动计划表里2023年鹿城区竣工多少")
    assert place.refused and place.not_covered_kind == "place" and "龙港市" in place.direct
    assert year.refused and year.not_covered_kind == "no_figure" and "2023" in year.direct
    assert "50" not in year.direct


@pytest.mark.parametrize("question, column, value", [
    ("In Pingyang, how many firms should be upgraded above designated size?", "小升规企业数", "110"),
    ("How many firms is Pingyang supposed to bring into parks?", "引导入园企业数", "1200"),
])
def test_a_countys_plan_column_asked_with_should_or_supposed_to_is_the_table(corpus, question, column, value):
    from assistant.tables import lookup

    result = lookup(corpus, question)
    assert result is not None and any(column in c.column and c.value == value for c in result.cells)


def test_a_year_range_written_backwards_is_read_not_a_crash(corpus):
    from assistant.tables import lookup

    assert lookup(corpus, "2020年-2019") is None   # found by the property test above: an IndexError before


def test_mu_asked_of_a_floor_area_is_not_converted(corpus):
    # 竣工数 is floor area in 万㎡; 亩 measures land, so "竣工多少亩" is not answered by converting floor space
    r = ask(corpus, "乐清2019年小微园竣工了多少亩")
    assert r.asked_land and r.converted is None
    en = ask(corpus, "How many mu will Yueqing complete in 2019?")
    assert en.asked_land and en.converted is None


def test_a_floor_area_asked_of_a_land_column_is_said_so_not_converted(corpus, assistant):
    # 开工数 is land in 亩: converting it to ㎡ would state a floor area the plan never gives
    r = ask(corpus, "瑞安2019年计划开工的建筑面积是多少万平方米")
    assert r.asked_floor and r.converted is None
    a = assistant.ask("瑞安2019年计划开工的建筑面积是多少万平方米")
    assert a.refused and a.not_covered_kind == "different_quantity" and "用地面积" in a.direct, a.direct
    # asked in ㎡ without naming floor space, the land area is converted
    plain = ask(corpus, "瑞安2019年开工多少亩，合多少平方米")
    assert not plain.asked_floor and plain.converted is not None
    # 亩 asked is land's unit: the land figure is what is asked (the review)
    assert not ask(corpus, "瑞安2020年开工的厂房建筑面积有多少亩").asked_floor


def test_mu_said_in_another_sentence_is_not_the_floor_areas_unit(corpus):
    r = ask(corpus, "永嘉这三年小微园一共要用多少亩地？2021年要竣工多少")
    assert not r.asked_land and r.converted is None   # 25万㎡ floor space is never shown as 亩


def test_land_said_as_how_much_land_a_county_was_given_is_the_land_column(corpus):
    r = lookup(corpus, "乐清分了多少地")
    assert r is not None and [c.number for c in r.cells] == [1350]


def test_a_county_asked_alone_after_a_city_figure_asks_the_same_of_the_county(assistant):
    first = assistant.ask("温州三年里要落实多少亩建设用地")
    second = assistant.ask("瑞安能分到多少", history=[first])
    assert second.kind == "table" and second.answer.startswith("瑞安市用地：1350亩"), second.answer


def test_an_english_floor_area_is_said_in_square_metres_not_in_ten_thousands(corpus):
    r = ask(corpus, "How much floor area is Pingyang County to complete in total over 2019-2021?")
    assert "1.35 million m²" in r.headline("en") and "×10,000" not in r.headline("en")
    assert "135万㎡" in r.headline("zh")


def test_two_counties_share_of_the_city_total_is_their_sum_over_it(corpus):
    r = ask(corpus, "温州行动计划表里平阳和苍南2021年竣工面积加起来占全市多少")
    assert r.operation == "share" and {c.row for c in r.cells} == {"平阳县", "苍南县", "温州市"}
    assert round(float(r.value.value), 2) == 27.03
    en = ask(corpus, "In Wenzhou's action plan table, what share of the city's planned 2021 completed floor area "
                     "falls to Pingyang and Cangnan counties combined?")
    assert round(float(en.value.value), 2) == 27.03


def test_a_difference_asked_with_its_growth_rate_gives_both(corpus):
    r = ask(corpus, "据温州市行动计划表（一），全市2021年竣工建筑面积较2019年增加多少万平方米？增幅为多少？")
    # 建筑面积 right after 竣工 says what 竣工数 measures: not the park's own 建筑面积 column
    assert r.operation == "difference" and r.value.value == 75
    assert round(float(r.growth.value), 2) == 25.42
    assert ask(corpus, "温州全市2021年竣工建筑面积较2019年增加多少").growth is None


def test_a_year_asked_of_a_count_the_plan_gives_for_all_its_years_says_so(corpus):
    r = ask(corpus, "温州2020年要建多少个园")
    assert r.years_not_split == ["2020"] and r.value.value == 100
    assert ask(corpus, "乐清2020年开工多少亩").years_not_split == []


def test_counties_asked_each_are_not_added_up_and_each_countys_difference_is_listed(corpus):
    assert {c.row for c in ask(corpus, "乐清和瑞安分别占全市用地多少").cells} == {"乐清市", "温州市"}
    assert ask(corpus, "温州各县2021年竣工比2019年增加多少").operation == "cells"


@pytest.mark.parametrize("q", ["全市2020年科创园目标是多少个？", "鹿城区19年要建几个小微园"])
def test_a_year_asked_of_a_count_the_plan_gives_for_all_its_years_is_not_given(assistant, q):
    """Table (二) counts parks for 2019–2021 together: that year's figure is not set (b); the line says so first and
    gives the period's total as the nearest the plan has."""
    a = assistant.ask(q)
    first = a.answer.split("\n")[0]
    assert a.refused and a.not_covered_kind == "no_figure", first
    assert first.startswith("行动计划表没有按年份分列") and "年单独的数字" in first
    assert {c.clause for c in a.citations} <= {T1, T2}


@pytest.mark.parametrize("turns, first", [
    (("温州市19年到21年一共开工多少亩",), "8000亩"),                       # a spoken range is the years between
    (("鹿城区2019年开工多少亩", "那21年竣工多少"), "鹿城区2021年竣工数：20万㎡"),   # a spoken year cues the table
])
def test_spoken_two_digit_years_read_the_plan_table(assistant, turns, first):
    history = []
    for t in turns:
        history.append(assistant.ask(t, history=list(history)))
    assert first in history[-1].answer.split("\n")[0], history[-1].answer


def test_a_group_word_before_another_columns_word_says_whose_it_is(corpus):
    # "乐清的小微园用地": the parks' land, not the parks' count divided by the land
    r = ask(corpus, "乐清小微园的用地占全市计划百分之几")
    assert r.operation == "share" and round(float(r.value.value), 3) == 16.875


def test_a_yearly_figure_asked_of_a_period_total_is_not_given(corpus):
    assert ask(corpus, "瑞安每年要引导多少家企业入园").years_not_split == ["每年"]
    assert ask(corpus, "瑞安要引导多少家企业入园").years_not_split == []
    assert ask(corpus, "乐清每年开工多少亩").years_not_split == []   # the plan splits this by year


def test_a_move_in_target_in_english_is_the_entrants_column(corpus):
    r = ask(corpus, "What share of the city's move-in target falls to Ruian?")
    assert r is not None and r.operation == "share" and r.value.value == 16


def test_land_in_mu_to_build_parks_is_the_land_column_not_the_parks_counted(corpus):
    r = ask(corpus, "苍南要用多少亩地建小微园")
    assert {col for _, col, _ in used(r)} == {"用地（亩）"}, used(r)
    assert any(col.startswith("工业小微园") for _, col, _ in used(ask(corpus, "乐清平均每个园区用地多少亩")))
