"""The one quantity parser: every spelling of a number reads the same, ambiguity is refused naming the field."""

import datetime as dt
from fractions import Fraction

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import QueryError
from assistant.quantities import (find_dates, find_quantities, parse_area_m2, parse_date, parse_number)

FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def grouped(n: int) -> str:
    return f"{n:,}"


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**11))
def test_thousands_separators_round_trip(n):
    assert parse_number(grouped(n)) == n


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**11))
def test_full_width_digits_round_trip(n):
    assert parse_number(grouped(n).translate(FULL_WIDTH)) == n


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10**9))
def test_chinese_numerals_round_trip(n):
    assert parse_number(cn2an.an2cn(n)) == n


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10**8))
def test_wan_round_trip(n):
    whole, rest = divmod(n, 10000)
    text = (f"{whole}.{rest:04d}".rstrip("0").rstrip(".")) + "万"
    assert parse_number(text) == n


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["平方米", "平米", "平方", "㎡", "m2", " sqm", " m²"]))
def test_area_in_free_text_any_spelling(n, unit):
    found = find_quantities(f"我买了{grouped(n)}{unit}的厂房")
    assert [q.m2() for q in found] == [n]


@pytest.mark.parametrize("text", ["买了1,200平方米厂房", "I bought a 1,200 m2 unit", "一千二百平方米", "１２００㎡",
                                  "0.12万平方米", "1200 sqm", "1200平", "一千两百平米"])
def test_the_same_area_in_every_form(text):
    assert [q.m2() for q in find_quantities(text)] == [1200]


@pytest.mark.parametrize("text", ["1,2", "1,20", "12,34,5", "1,2345"])
def test_ambiguous_separator_names_the_field(text):
    with pytest.raises(QueryError) as exc:
        parse_number(text, "area_m2")
    assert exc.value.field == "area_m2"
    assert "歧义" in exc.value.message and "ambiguous" in exc.value.message_en


def test_ambiguous_number_in_a_question_is_refused_not_misread():
    with pytest.raises(QueryError) as exc:
        find_quantities("买了1,2000平方米，维修基金多少")
    assert exc.value.field == "question"


@pytest.mark.parametrize("text,value,unit,high", [
    ("15%-25%", 15, "%", 25), ("百分之十五到百分之二十五", 15, "%", 25), ("10%至25%", 10, "%", 25),
    ("3‰", 3, "‰", None), ("千分之三", 3, "‰", None), ("2/3以上", Fraction(2, 3), "", None),
    ("三分之二", Fraction(2, 3), "", None), ("1-2个", 1, "个", 2), ("2万㎡", 20000, "平方米", None),
    ("8000亩", 8000, "亩", None), ("50 mu", 50, "亩", None), ("纳税200万元", 2_000_000, "元", None),
    ("1.5亿元", 150_000_000, "元", None), ("6个月", 6, "个月", None), ("7日", 7, "日", None),
    ("30个工作日", 30, "工作日", None), ("十五家", 15, "家", None),
])
def test_units_ranges_and_fractions(text, value, unit, high):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.high) == (value, unit, high)


@pytest.mark.parametrize("text", ["一般不低于", "五度标准", "四无企业", "百园万企", "平阳县", "一次性供地", "二次交易"])
def test_words_made_of_numeral_characters_are_not_numbers(text):
    assert find_quantities(text) == []


def test_bare_wan_is_marked_and_left_to_the_caller():
    (a, b) = find_quantities("亩均税收35万、纳税250万")
    assert (a.value, a.unit, a.wan) == (350_000, "", True)
    assert (b.value, b.unit, b.wan) == (2_500_000, "", True)


@pytest.mark.parametrize("text,expected", [
    ("2024年3月31日签的合同", dt.date(2024, 3, 31)), ("2024-03-31", dt.date(2024, 3, 31)),
    ("2024/3/31", dt.date(2024, 3, 31)), ("二〇二四年三月三十一日", dt.date(2024, 3, 31)),
    ("March 31, 2024", dt.date(2024, 3, 31)), ("31 March 2024", dt.date(2024, 3, 31)),
    ("２０２４年３月３１日", dt.date(2024, 3, 31)),
])
def test_dates_in_every_form(text, expected):
    assert find_dates(text) == [expected]


def test_a_date_is_not_read_as_quantities():
    assert [q.unit for q in find_quantities("2024年3月31日签的，1200平方米")] == ["平方米"]


@pytest.mark.parametrize("text", ["9999-12-31", "1900年1月1日", "9998年12月31日"])
def test_dates_out_of_range_are_refused(text):
    with pytest.raises(QueryError) as exc:
        find_dates(text)
    assert "1949" in exc.value.message


def test_parse_date_names_the_field():
    with pytest.raises(QueryError) as exc:
        parse_date("明天", "contract_date")
    assert exc.value.field == "contract_date"
    assert parse_date("2024/2/29", "contract_date") == dt.date(2024, 2, 29)


def test_area_field_converts_mu_and_wan():
    assert parse_area_m2("1.5亩") == 1000
    assert parse_area_m2("2万㎡") == 20000
    assert parse_area_m2("1,200") == 1200
    with pytest.raises(QueryError):
        parse_area_m2("1,2", "requested_area_m2")


def test_huge_digit_runs_are_refused_before_parsing():
    with pytest.raises(QueryError) as exc:
        parse_number("9" * 5000, "area_m2")
    assert exc.value.field == "area_m2"


@pytest.mark.parametrize("text, yuan", [("200 million yuan", 200_000_000), ("80 million RMB", 80_000_000),
                                        ("1.5 billion yuan", 1_500_000_000), ("2亿元", 200_000_000)])
def test_english_money_scales_are_read_like_wan_and_yi(text, yuan):
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (yuan, "元")


def test_an_english_presale_question_reaches_its_calculator():
    from assistant.router import route_calculation

    name, inputs = route_calculation("Total investment is 200 million yuan; how much must we invest before we can "
                                     "pre-sell?", "温州市")
    assert name == "presale_threshold" and inputs["total_investment"] == 20000 and inputs["unit"] == "万元"


def test_spoken_measure_words_between_number_and_unit():
    from assistant.quantities import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("买了820个平方的厂房")] == [(820, "平方米")]
    assert find_quantities("总投资3.2个亿")[0].value == 320_000_000
    assert [(q.value, q.unit) for q in find_quantities("一个平台，三个园区")] == [(1, "个"), (3, "个")]


def test_english_sums_in_millions_and_firms_with_a_word_between_are_read():
    from assistant.quantities import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("RMB 80 million")] == [(80_000_000, "元")]
    assert [(q.value, q.unit) for q in find_quantities("20 tenant firms")] == [(20, "家")]


def test_a_month_without_its_day_is_read_as_a_month_and_never_from_a_full_date():
    import datetime as dt

    from assistant.quantities import find_months

    assert find_months("我是22年6月买的") == [dt.date(2022, 6, 1)]
    assert find_months("2023年11月份签的合同") == [dt.date(2023, 11, 1)]
    assert find_months("2024年3月15日签的") == []          # a full date is a date, not a month
    assert find_months("投产2年6个月") == []                 # a period, not a month
    assert find_months("22年13月买的") == []
    assert find_months("临海市2023年12月印发的工作方案里，厂房多少年内不能转让") == []   # the document's month
    assert find_months("2022年6月十五日买的") == [] and find_months("22年6月底买的") == []  # a day, however said
    assert find_months("99年6月买的") == []                 # not 2099
    assert find_months("grammar 2022") == [] and find_months("bought in June 20221") == []


def test_an_english_compound_adjective_keeps_its_unit():
    from assistant.quantities import find_quantities

    assert [(q.value, q.unit) for q in find_quantities("an 80-mu site", field=None)] == [(80, "亩")]
    assert [(q.value, q.unit) for q in find_quantities("a 1,200-square-metre unit", field=None)] == [(1200, "平方米")]


def test_a_spoken_two_digit_year_full_date_is_read_up_to_this_year():
    from assistant.quantities import find_dates
    assert find_dates("我们23年5月10号在临海签的土地出让合同") == [dt.date(2023, 5, 10)]
    assert find_dates("99年6月1日签的") == []   # not 2099, and 1999 is not guessed


def test_a_month_of_the_users_act_said_with_a_place_or_passed():
    from assistant.quantities import find_months
    assert find_months("我22年8月在临海小微园买的厂房") == [dt.date(2022, 8, 1)]
    assert find_months("该园区于2023年6月通过竣工验收") == [dt.date(2023, 6, 1)]
    assert find_months("2023年12月在临海印发的方案") == []   # a document's month, not the user's act


def test_a_two_digit_year_a_few_years_ahead_is_a_planned_date():
    from assistant.quantities import find_dates
    assert find_dates("我打算27年3月1号在临海签土地出让合同") == [dt.date(2027, 3, 1)]


def test_a_chinese_sum_in_wan_or_yi_with_no_unit_is_a_sum_and_idioms_are_not():
    assert [q.value for q in find_quantities("出让金要是一个亿", field=None)] == [100_000_000]
    assert [q.value for q in find_quantities("总投资三千万", field=None)] == [30_000_000]
    assert find_quantities("千万别卖", field=None) == [] and find_quantities("百园万企", field=None) == []


@pytest.mark.parametrize("text, expected", [
    ("园区总建筑面积十万方，物业用房留多少", [(100000, "平方米")]),   # spoken floor area
    ("建了5000方的厂房", [(5000, "平方米")]),
    ("签了三方协议", []),            # parties, not an area
    ("一方面要交钱", []),
    ("按什么方式算", []),
    ("维修的钱跟保修金加一块儿交多少", []),   # together, not one yuan
    ("一块钱一平", [(1, "元"), (1, "平方米")]),
])
def test_spoken_fang_and_yikuai(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text, field=None)] == expected


@pytest.mark.parametrize("text, expected", [
    ("10万方面积", [(100000, "平方米")]),
    ("每平方米交一块", [(1, "元")]),
])
def test_fang_before_mian_and_one_kuai_paid(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text, field=None)] == expected


def test_a_spoken_more_than_reads_as_the_figure_and_an_about_does_not():
    from assistant.quantities import find_quantities

    (more,) = [q for q in find_quantities("纳税300多万") if q.wan]
    assert more.value == 3_000_000
    # "30来万" is about 30万, maybe less: never read as 30万 against a "30万以上" threshold
    assert not [q for q in find_quantities("亩均税收30来万") if q.wan]
